"""Write the real postings (all rows of index.csv) as one CSV for the market commands (``id,title,company,location,date,text``).

The postings carry no date of their own: ``index.csv`` has none, and the job board files each ad
under a month folder (``jobs/<skill>/<YYYY-MM>/…``). ``date`` is the first day of that month, so
market trends and discovery on this corpus compare months, never days. ``location`` is the job
board's own "🌎 …" header line (empty when an ad has none), for the market filters.

    .venv/bin/python bench/real_corpus.py --out /tmp/real.csv
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real" / "postings"
_PLACE = re.compile(r"🌎\s*([^`]+)`")


def _location(text: str) -> str:
    """The board's location header (``#### `💰 …` `🌎 United States` ``) of an ad, or ""."""
    head = next((line for line in text.splitlines()[:6] if line.startswith("####")), "")
    m = _PLACE.search(head)
    return m.group(1).strip() if m else ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="CSV file to write.")
    args = ap.parse_args(argv)
    rows = []
    with open(REAL / "index.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            m = re.search(r"/(\d{4})-(\d{2})/", r["source_path"])
            raw = REAL / "raw" / f"{r['id']}.txt"
            if not raw.exists():
                print(f"{raw} missing: run bench/fetch_real.py", file=sys.stderr)
                return 2
            text = raw.read_text(encoding="utf-8")
            rows.append({"id": r["id"], "title": r["title"], "company": r["company"], "location": _location(text),
                         "date": f"{m.group(1)}-{m.group(2)}-01" if m else "", "text": text})
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "title", "company", "location", "date", "text"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} postings to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
