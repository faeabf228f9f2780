"""How well does `rank` separate AI/ML résumés from the rest, for AI/ML postings? Against two baselines.

    .venv/bin/python bench/assess_auc.py [--json]

Two résumé sets, each with its labels (relevant = someone who could credibly do an AI/ML engineering
or data-science job, decided before scoring):

* ``template`` — tests/data/resumes/*.{txt,md}, generated from templates by ``_generate.py``;
* ``written`` — tests/data/resumes/written/, written by hand, where non-AI professions share much
  of the postings' generic vocabulary (data, models, pipelines, Python, cloud, ChatGPT).

For every AI/ML posting in tests/data/postings/ (all but the nurse posting), every résumé is scored
three ways in the same run:

* skillradar — the overall score of ``rank`` (the assessment);
* TF-IDF cosine between posting and résumé (scikit-learn, fitted on the set's résumés and the
  posting, English stop words, sublinear tf);
* keyword list — the share of the posting's extracted skill ids that the résumé mentions at all
  (same extractor, no structure: no levels, sections, recency or related skills).

The ROC AUC of each score against the labels is printed per posting and set, with the means; the
``both`` set pools the two sets (TF-IDF fitted on all of them).
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

from skillradar.assess import build_target, load_document, rank
from skillradar.extract import extract_document
from skillradar.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
RESUMES = ROOT / "tests" / "data" / "resumes"
POSTINGS = ROOT / "tests" / "data" / "postings"
NOT_AI = {"registered-nurse.txt"}
SETS = {
    "template": RESUMES,
    "written": RESUMES / "written",
    "heldout": RESUMES / "heldout",
    "blind": RESUMES / "blind",
    "blind2": RESUMES / "blind2",
    "blind3": RESUMES / "blind3",
    "blind4": RESUMES / "blind4",
    "blind5": RESUMES / "blind5",
}
METHODS = ("skillradar", "tfidf", "keywords")


def _labels(folder: Path) -> dict[str, int]:
    out = {}
    with open(folder / "labels.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out[str(folder / (r.get("resume") or r["file"]))] = int(r["relevant"])
    return out


def _tfidf(texts: list[str], ptext: str) -> list[float]:
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts + [ptext])
    return list(cosine_similarity(vec.transform([ptext]), vec.transform(texts))[0])


def main() -> int:
    tax = load_taxonomy()
    labels = {name: _labels(folder) for name, folder in SETS.items()}
    labels["all"] = {k: v for name in SETS for k, v in labels[name].items()}
    paths = sorted(labels["all"])
    texts = {p: Path(p).read_text(encoding="utf-8") for p in paths}
    t0 = time.perf_counter()
    mentioned = {}
    for p in paths:  # the skills each résumé mentions at all (for the keyword-list baseline)
        ex = extract_document(load_document(p, kind="resume"), taxonomy=tax, kind="resume")
        mentioned[p] = {m.skill_id for m in ex.mentions if m.requirement != "negated"}
    postings = [p for p in sorted(POSTINGS.iterdir()) if p.name not in NOT_AI and p.suffix in (".txt", ".md")]
    rows = []
    for posting in postings:
        target = build_target(posting=str(posting), taxonomy=tax)
        wanted = {t.skill_id for t in target.skills}
        ours = {r["resume"]: r["overall"] for r in rank(paths, posting=target, taxonomy=tax, top=0)}
        keys = {p: len(wanted & mentioned[p]) / len(wanted) for p in paths}
        ptext = posting.read_text(encoding="utf-8")
        for set_name, lab in labels.items():
            files = sorted(lab)
            y = [lab[f] for f in files]
            tf = _tfidf([texts[f] for f in files], ptext)
            rows.append({
                "set": set_name, "posting": posting.name,
                "skillradar": roc_auc_score(y, [ours[f] for f in files]),
                "tfidf": roc_auc_score(y, tf),
                "keywords": roc_auc_score(y, [keys[f] for f in files]),
            })
    elapsed = time.perf_counter() - t0
    sets = {}
    for set_name, lab in labels.items():
        mine = [r for r in rows if r["set"] == set_name]
        sets[set_name] = {"resumes": len(lab), "relevant": sum(lab.values()),
                          **{f"mean_{m}": sum(r[m] for r in mine) / len(mine) for m in METHODS}}
        sets[set_name]["difference_vs_tfidf"] = sets[set_name]["mean_skillradar"] - sets[set_name]["mean_tfidf"]
    summary = {"postings": len(postings), "taxonomy_skills": len(tax), "sets": sets, "seconds": elapsed,
               "per_posting": rows}
    if "--json" in sys.argv:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{len(postings)} AI/ML postings, taxonomy {len(tax)} skills, {elapsed:.1f} s")
    for set_name, s in sets.items():
        print(f"\n[{set_name}] {s['resumes']} résumés ({s['relevant']} relevant)")
        print(f"{'posting':32} {'skillradar':>10} {'TF-IDF':>8} {'keywords':>9}")
        for r in rows:
            if r["set"] == set_name:
                print(f"{r['posting']:32} {r['skillradar']:10.3f} {r['tfidf']:8.3f} {r['keywords']:9.3f}")
        print(f"{'mean':32} {s['mean_skillradar']:10.3f} {s['mean_tfidf']:8.3f} {s['mean_keywords']:9.3f}"
              f"   vs TF-IDF {s['difference_vs_tfidf']:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
