"""The same ranking question as ``assess_auc.py``, with curated roles as the target instead of postings.

    .venv/bin/python bench/assess_auc_roles.py

For every résumé set (template, written, heldout, blind, blind2) and every curated role, the ROC AUC of
``rank(..., role=NAME)`` against the set's label "could credibly do an AI/ML engineering or data-science
job". The label fits the ML roles; for ``data-engineer`` and ``ai-product-manager`` it is the wrong
question (a good data engineer is labelled 0), so those rows show how much the role profile differs.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from sklearn.metrics import roc_auc_score

from skillradar.assess import rank
from skillradar.assess.targets import curated_roles
from skillradar.taxonomy import load_taxonomy

RESUMES = Path(__file__).resolve().parents[1] / "tests" / "data" / "resumes"
SETS = {"template": RESUMES, "written": RESUMES / "written", "heldout": RESUMES / "heldout",
        "blind": RESUMES / "blind", "blind2": RESUMES / "blind2", "blind3": RESUMES / "blind3", "blind4": RESUMES / "blind4", "blind5": RESUMES / "blind5"}


def main() -> int:
    tax = load_taxonomy()
    roles = sorted(r["id"] for r in curated_roles())
    print(f"{'set':10}" + "".join(f"{r[:16]:>17}" for r in roles))
    for name, folder in SETS.items():
        with open(folder / "labels.csv", encoding="utf-8") as fh:
            labels = {str(folder / (r.get("resume") or r["file"])): int(r["relevant"]) for r in csv.DictReader(fh)}
        paths = sorted(labels)
        y = [labels[p] for p in paths]
        row = []
        for role in roles:
            scores = {r["resume"]: r["overall"] for r in rank(paths, role=role, taxonomy=tax, top=0)}
            row.append(roc_auc_score(y, [scores[p] for p in paths]))
        print(f"{name:10}" + "".join(f"{v:17.3f}" for v in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
