"""`rank`'s table and CSV as people read them (issue 15, item 3): labels, file names, audit, knock-outs."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

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
    # the shortest ending that tells two apart, never the whole path (seen with real résumé sets)
    shown = display_names(["data/real/updated25/r004.txt", "data/real/livecareer24/r004.txt",
                           "data/real/updated25/r009.txt", "x/set/cv.txt", "y/set/cv.txt", "cv.txt"])
    assert shown == {"data/real/updated25/r004.txt": "updated25/r004.txt",
                     "data/real/livecareer24/r004.txt": "livecareer24/r004.txt",
                     "data/real/updated25/r009.txt": "r009.txt", "x/set/cv.txt": "x/set/cv.txt",
                     "y/set/cv.txt": "y/set/cv.txt", "cv.txt": "cv.txt"}
    assert len(set(shown.values())) == len(shown)


@given(st.lists(st.lists(st.sampled_from(["a", "b", "cv.txt", "r1.txt"]), min_size=1, max_size=4)
                .map(lambda parts: "/".join(parts)), min_size=1, max_size=8, unique=True))
def test_shown_names_are_distinct_endings_of_their_paths(paths):
    from skillradar.cli.rank_view import display_names

    shown = display_names(paths)
    assert len(set(shown.values())) == len(paths)
    assert all(p == s or p.endswith("/" + s) for p, s in shown.items())


def test_table_says_what_100_means(cli):
    code, out, err = cli("rank", "--posting", POSTING, *CVS)
    assert code == 0, err
    assert "relative to this posting" in out and "100 would be" in out
    code, out, _ = cli("rank", "--posting", POSTING, *CVS, "--format", "csv")
    assert "relative" not in out  # the CSV stays data


def _groups(tmp_path, rows: str):
    g = tmp_path / "groups.csv"
    g.write_text("resume,group\n" + rows, encoding="utf-8")
    return str(g)


def test_audit_in_table_with_small_group_and_no_ratio(cli, tmp_path):
    g = _groups(tmp_path, "cv-014.txt,a\ncv-015.txt,a\ncv-018.txt,b\n")  # by file name
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--groups", g)
    assert code == 0, err
    assert "impact ratio 0.00" not in out
    assert "too few to compare" in out and "warning:" in out and "top half" in out


def test_audit_four_fifths_flag_in_table(cli, tmp_path):
    g = _groups(tmp_path, "cv-014.txt,a\ncv-015.txt,a\ncv-018.txt,b\n")
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--groups", g, "--min-group", "1", "--select-top", "1")
    assert code == 0, err
    # cv-015 ranks first: a 1/2, b 0/1 → ratio 0.00, below four-fifths
    assert "impact ratio 0.00" in out and "BELOW the four-fifths" in out and "top 1" in out


def test_audit_in_csv_columns_and_stderr(cli, tmp_path):
    g = _groups(tmp_path, "cv-014.txt,a\ncv-015.txt,a\ncv-018.txt,b\n")
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--groups", g, "--format", "csv",
                         "--select-share", "0.34")
    assert code == 0, err
    rows = _csv(out)
    assert {r["resume"]: r["group"] for r in rows} == {"cv-014.txt": "a", "cv-015.txt": "a", "cv-018.txt": "b"}
    assert [r["selected"] for r in rows] == ["yes", "yes", "no"]  # ceil(3 × 0.34) = 2
    assert "Fairness audit" in err and "too few to compare" in err
    assert "Fairness audit" not in out


def test_audit_options_are_checked(cli, tmp_path):
    code, _, err = cli("rank", "--posting", POSTING, *CVS, "--select-top", "2")
    assert code == 2 and "--groups" in err
    g = _groups(tmp_path, "cv-014.txt,a\n")
    for bad in (["--select-top", "0"], ["--select-share", "2"], ["--select-top", "1", "--select-share", "0.5"],
                ["--min-group", "0"]):
        code, _, err = cli("rank", "--posting", POSTING, *CVS, "--groups", g, *bad)
        assert code == 2, (bad, err)


def test_groups_rows_matching_nothing_are_named(cli, tmp_path):
    g = _groups(tmp_path, "cv-014.txt,a\nsomeone-else.pdf,b\n")
    code, _, err = cli("rank", "--posting", POSTING, *CVS, "--groups", g)
    assert code == 2 and "line 3 'someone-else.pdf'" in err


def test_must_knocks_out_and_lists_last_with_the_reason(cli):
    # cv-015 scores highest but shows no Hugging Face Transformers (nor does cv-014); cv-018 does.
    # Given by label, case ignored; LLM (an alias every résumé shows) knocks nobody out.
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--must", "hugging face transformers",
                         "--must", "LLM", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["ranking"]
    assert [r["resume"].rsplit("/", 1)[1] for r in rows] == ["cv-018.txt", "cv-015.txt", "cv-014.txt"]
    assert [r["rank"] for r in rows] == [1, 2, 3] and rows[1]["overall"] > rows[0]["overall"]
    assert [r["knocked_out"] for r in rows] == [False, True, True] and rows[0]["knock_out_reason"] is None
    assert rows[1]["must_missing"] == ["fw.hf-transformers"]
    assert rows[1]["knock_out_reason"] == "lacks must-have: Hugging Face Transformers"
    code, out, err = cli("rank", "--posting", POSTING, *CVS, "--must", "fw.hf-transformers", "--format", "csv")
    assert code == 0, err
    csv_rows = _csv(out)
    assert csv_rows[0]["resume"] == "cv-018.txt" and csv_rows[0]["knocked_out"] == ""
    assert csv_rows[1]["knocked_out"] == "lacks must-have: Hugging Face Transformers"
    code, out, _ = cli("rank", "--posting", POSTING, *CVS, "--must", "torch.nn")  # an alias of PyTorch
    assert code == 0 and "lacks must-have: PyTorch" in out


def test_must_unknown_skill_lists_close_names(cli):
    code, _, err = cli("rank", "--posting", POSTING, *CVS, "--must", "pytorh")
    assert code == 2 and "unknown_skill" in err and "pytorch" in err.lower() and "Close names" in err
