"""Fetch the real postings and résumés that the quality benches measure (this command's purpose is to
fetch: it needs the network, nothing else in the project does).

Their sources state no licence that lets us keep copies in this repository, so git holds only what we
made (labels, indexes, SOURCES.md) and this script rebuilds the texts from the public repositories
at the pinned commits recorded in the indexes:

    .venv/bin/python bench/fetch_real.py [--only postings|resumes]

Postings are fetched byte for byte and checked against the sha256 in postings/index.csv (the labels'
quotes depend on the exact text). Résumés of ``updated25`` are re-cut from the dataset's CSV by row and
cleaned the same way (mojibake repaired, contact details and names replaced); their hashes may differ
where the first copy was cleaned by hand, which does not matter to category labels. ``livecareer-tune``
is re-cut from the livecareer CSV by its ``source_row`` (``<page offset>#<k>``: the k-th row that starts
in the 16,000-character page at that character offset) with the same contact patterns and supervisors'
names replaced; its hashes may differ where the first copy was redacted by hand. ``livecareer24`` was
sampled by hand from a CSV page by page and is not rebuilt here: see SOURCES.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real"
RAW_URL = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"
UPDATED25 = ("nitinkumar30/resume_screening_ml_project", "a1303bdb510aa544d1673d2150f00182121fd829",
             "UpdatedResumeDataSet.csv")
LIVECAREER = ("San-does-stuff/resume_parser", "fae8c684ad49d627f7c5d1f6de2c4ecb826a8a62", "Resume.csv")
PAGE = 16_000  # the page size source_row offsets of the livecareer sets were read with


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as resp:  # noqa: S310 (a fixed https host)
        return resp.read()


def fetch_postings() -> int:
    out = REAL / "postings" / "raw"
    out.mkdir(parents=True, exist_ok=True)
    bad = 0
    for row in csv.DictReader(open(REAL / "postings" / "index.csv", encoding="utf-8")):
        data = _get(RAW_URL.format(repo=row["source_repo"], commit=row["source_commit"], path=row["source_path"]))
        (out / f"{row['id']}.txt").write_bytes(data)
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            bad += 1
            print(f"{row['id']}: fetched text differs from the labelled one (sha256)", file=sys.stderr)
    return bad


def _unmangle(text: str) -> str:
    """UTF-8 that was read as cp1252 ("NaÃ¯ve" → "Naïve"), repaired where the round trip works."""
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


_CONTACT = [(re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "[EMAIL]"),
            (re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S+"), "[URL]"),
            (re.compile(r"\+?\d[\d\s().-]{8,}\d"), "[PHONE]")]


def fetch_resumes() -> int:
    repo, commit, path = UPDATED25
    rows = list(csv.reader(io.StringIO(_get(RAW_URL.format(repo=repo, commit=commit, path=path)).decode("utf-8"))))
    body = rows[1:]
    out = REAL / "resumes" / "updated25"
    for row in csv.DictReader(open(out / "labels.csv", encoding="utf-8")):
        text = _unmangle(body[int(row["source_row"])][1])
        for pattern, placeholder in _CONTACT:
            text = pattern.sub(placeholder, text)
        (out / f"{row['id']}.txt").write_text(text, encoding="utf-8")
    return 0


_ROW_START = re.compile(r"\n([A-Z][A-Z-]+),\"")
_SUPERVISOR = re.compile(r"(Supervisor:\s+)[A-Z][a-z]+ [A-Z][a-z]+")


def row_at(text: str, source_row: str) -> tuple[str, str]:
    """(category, résumé text) of the row that ``source_row`` ("<offset>#<k>") names in the CSV text:
    the k-th row that starts in the page of ``PAGE`` characters at that offset."""
    offset, k = (int(x) for x in source_row.split("#"))
    starts = [m.start(1) for m in _ROW_START.finditer(text, max(0, offset - 1), offset + PAGE)]
    row = next(csv.reader(io.StringIO(text[starts[k - 1]:])))
    return row[0], row[1].replace("\r\n", "\n").rstrip()


def fetch_livecareer_tune() -> int:
    repo, commit, path = LIVECAREER
    text = _get(RAW_URL.format(repo=repo, commit=commit, path=path)).decode("utf-8")
    out = REAL / "resumes" / "livecareer-tune"
    bad = 0
    for label in csv.DictReader(open(out / "labels.csv", encoding="utf-8")):
        category, body = row_at(text, label["source_row"])
        if category != label["category"]:
            bad += 1
            print(f"{label['id']}: row {label['source_row']} is {category}, labelled {label['category']}", file=sys.stderr)
            continue
        body = _SUPERVISOR.sub(r"\1[NAME]", body)
        for pattern, placeholder in _CONTACT:
            body = pattern.sub(placeholder, body)
        (out / f"{label['id']}.txt").write_text(body, encoding="utf-8")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["postings", "resumes"])
    args = ap.parse_args(argv)
    bad = 0
    if args.only in (None, "postings"):
        bad += fetch_postings()
    if args.only in (None, "resumes"):
        bad += fetch_resumes()
        bad += fetch_livecareer_tune()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
