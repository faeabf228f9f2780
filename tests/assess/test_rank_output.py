"""`rank`'s table and CSV as people read them (issue 15, item 3): labels, file names, audit, knock-outs."""

from __future__ import annotations

import csv
import io
import json

from .conftest import POSTINGS, RESUMES

POSTING = str(POSTINGS / "llm-engineer.txt")
CVS = [str(RESUMES / n) for n in ("cv-014.txt", "cv-015.txt", "cv-018.txt")]  # absolute paths, as a recruiter's folder gives


def _csv(out: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(out)))


def test_table_and_csv_show_labels_and_file_names(cli):
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--format", "csv")
    assert code == 0, err
    rows = _csv(out)
    assert {r["resume"] for r in rows} == {"cv-014.txt", "cv-015.txt", "cv-018.txt"}
    assert {r["path"] for r in rows} == set(CVS)  # the path as given stays, for a spreadsheet to find the file
    cells = " ".join(r["top_matched"] + " " + r["top_gaps"] for r in rows)
    assert "genai.llm" not in cells and "fw." not in cells  # no ids
    assert "LangChain" in cells
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--format", "table")
    assert code == 0, err
    assert "LangChain" in out and "fw.langchain" not in out
    assert str(RESUMES) not in out and "cv-015.txt" in out


def test_json_keeps_ids_and_paths_as_given(cli):
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["ranking"]
    assert {r["resume"] for r in rows} == set(CVS)
    assert all("." in s for r in rows for s in r["top_matched"])  # ids
    assert all(len(r["top_matched_labels"]) == len(r["top_matched"]) for r in rows)


def test_same_file_name_in_two_folders_shows_the_path(tmp_path):
    from skillradar.cli.rank_view import display_names

    shown = display_names(["a/cv.txt", "b/cv.txt", "/x/y/other.md"])
    assert shown == {"a/cv.txt": "a/cv.txt", "b/cv.txt": "b/cv.txt", "/x/y/other.md": "other.md"}


def test_table_says_what_100_means(cli):
    code, out, err = cli("rank", "--posting", POSTING, *CVS)
    assert code == 0, err
    assert "relative to this posting" in out and "100 would be" in out
    code, out, _ = cli("rank", "--posting", POSTING, *CVS, "--format", "csv")
    assert "relative" not in out  # the CSV stays data
