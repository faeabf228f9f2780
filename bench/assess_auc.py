"""How well does `rank` separate AI/ML résumés from the rest, for AI/ML postings? Compared with TF-IDF.

    .venv/bin/python bench/assess_auc.py [--json]

For every AI/ML posting in tests/data/postings/ (all but the nurse posting), every résumé in
tests/data/resumes/ is scored twice: skillradar's overall assessment score, and the TF-IDF cosine
between posting and résumé (scikit-learn, fitted on the résumés and the posting, English stop words,
sublinear tf). The ROC AUC of each score against the labels in tests/data/resumes/labels.csv
(relevant = an AI/ML profile) is printed per posting, with the mean.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import roc_auc_score
from sklearn.metrics.pairwise import cosine_similarity

from skillradar.assess import rank
from skillradar.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
RESUMES = ROOT / "tests" / "data" / "resumes"
POSTINGS = ROOT / "tests" / "data" / "postings"
NOT_AI = {"registered-nurse.txt"}


def main() -> int:
    labels = {r["file"]: int(r["relevant"]) for r in csv.DictReader(open(RESUMES / "labels.csv", encoding="utf-8"))}
    files = sorted(labels)
    paths = [str(RESUMES / f) for f in files]
    texts = [(RESUMES / f).read_text(encoding="utf-8") for f in files]
    y = [labels[f] for f in files]
    tax = load_taxonomy()
    rows = []
    t0 = time.perf_counter()
    for posting in sorted(POSTINGS.iterdir()):
        if posting.name in NOT_AI or posting.suffix not in (".txt", ".md"):
            continue
        ranking = rank(paths, posting=str(posting), taxonomy=tax)
        score = {Path(r["resume"]).name: r["overall"] for r in ranking}
        ours = roc_auc_score(y, [score[f] for f in files])
        ptext = posting.read_text(encoding="utf-8")
        vec = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts + [ptext])
        sims = cosine_similarity(vec.transform([ptext]), vec.transform(texts))[0]
        tfidf = roc_auc_score(y, sims)
        rows.append({"posting": posting.name, "auc_skillradar": ours, "auc_tfidf": tfidf})
    elapsed = time.perf_counter() - t0
    mean_ours = sum(r["auc_skillradar"] for r in rows) / len(rows)
    mean_tfidf = sum(r["auc_tfidf"] for r in rows) / len(rows)
    summary = {"resumes": len(files), "relevant": sum(y), "postings": len(rows), "taxonomy_skills": len(tax),
               "mean_auc_skillradar": mean_ours, "mean_auc_tfidf": mean_tfidf, "difference": mean_ours - mean_tfidf,
               "seconds": elapsed, "per_posting": rows}
    if "--json" in sys.argv:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{len(files)} résumés ({sum(y)} AI/ML), {len(rows)} AI/ML postings, taxonomy {len(tax)} skills")
    print(f"{'posting':28} {'skillradar':>10} {'TF-IDF':>8}")
    for r in rows:
        print(f"{r['posting']:28} {r['auc_skillradar']:10.3f} {r['auc_tfidf']:8.3f}")
    print(f"{'mean':28} {mean_ours:10.3f} {mean_tfidf:8.3f}   difference {mean_ours - mean_tfidf:+.3f}   ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
