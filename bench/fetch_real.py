"""Fetch the real postings and résumés that the quality benches measure (this command's purpose is to
fetch: it needs the network, nothing else in the project does).

Their sources state no licence that lets us keep copies in this repository, so git holds only what we
made (labels, indexes, SOURCES.md) and this script rebuilds the texts from the public repositories
at the pinned commits recorded in the indexes:

    .venv/bin/python bench/fetch_real.py [--only postings|resumes]

Postings are fetched byte for byte and checked against the sha256 in postings/index.csv (the labels'
quotes depend on the exact text). Résumés of ``updated25`` are re-cut from the dataset's CSV by row and
cleaned the same way (mojibake repaired, contact details and names replaced); their hashes may differ
where the first copy was cleaned by hand, which does not matter to category labels. ``livecareer24``
was sampled by hand from a CSV page by page and cannot be rebuilt row for row: see its SOURCES.md.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["postings", "resumes"])
    args = ap.parse_args(argv)
    bad = 0
    if args.only in (None, "postings"):
        bad += fetch_postings()
    if args.only in (None, "resumes"):
        bad += fetch_resumes()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
