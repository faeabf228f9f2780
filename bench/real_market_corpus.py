"""Build a posting corpus (JSONL) from the 93 real postings in tests/data/real/postings, for trying the
market commands on real ads as an analyst would.

    .venv/bin/python bench/real_market_corpus.py OUT.jsonl

Each row: ``id`` (p001 …), ``title`` and ``company`` (from index.csv), ``date_posted`` (the first day
of the job board's folder month, e.g. ``jobs/Python/2024-04/…`` -> 2024-04-01: the board gives no day),
``location`` (the board's own "🌎 …" header line, when there is one), ``kind`` (ai_ml, data or other:
our reading of the role) and ``description`` (the file's text as stored). The raw texts are git-ignored:
``bench/fetch_real.py`` rebuilds them.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "real" / "postings"
_MONTH = re.compile(r"/(\d{4})-(\d{2})/")
_PLACE = re.compile(r"🌎\s*([^`]+)`")


def rows() -> list[dict]:
    out = []
    with open(REAL / "index.csv", encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            path = REAL / "raw" / f"{rec['id']}.txt"
            if not path.exists():
                raise SystemExit(f"{path} is missing: run bench/fetch_real.py first")
            text = path.read_text(encoding="utf-8")
            month = _MONTH.search(rec["source_path"])
            head = next((line for line in text.splitlines()[:6] if line.startswith("####")), "")
            place = _PLACE.search(head)
            out.append({"id": rec["id"], "title": rec["title"], "company": rec["company"],
                        "date_posted": f"{month.group(1)}-{month.group(2)}-01" if month else None,
                        "location": place.group(1).strip() if place else None, "kind": rec["kind"],
                        "description": text})
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data = rows()
    with open(argv[0], "w", encoding="utf-8") as fh:
        for r in data:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(data)} postings to {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
