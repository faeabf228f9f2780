"""A notebook-style tour of the Python API: one Pipeline extracts, assesses and ranks.

Run it from the repository root (the suite runs it too):

    .venv/bin/python examples/pipeline_tour.py
"""

from __future__ import annotations

import re
from pathlib import Path

from skillradar import Pipeline
from skillradar.detect.base import Hit
from skillradar.detect.registry import register_detector

HERE = Path(__file__).resolve().parent
POSTING = HERE / "posting.md"
RESUME = HERE / "resume.md"
OTHERS = sorted((HERE.parent / "tests" / "data" / "resumes").glob("cv-00[1-3].txt"))

# 1. Build the pipeline once: the bundled taxonomy and the default detectors.
nlp = Pipeline()
print(nlp)

# 2. Extract: every mention with its evidence, requirement level and section.
posting = nlp.extract_path(POSTING, kind="posting")
print(f"\n{len(posting.mentions)} mentions in {POSTING.name}; the first five asked for:")
for m in [m for m in posting.mentions if m.demand][:5]:
    print(f"  line {m.line:>3}  {m.label:<32} {m.section or '-':<17} {m.requirement or '-':<9} “{m.text}”")

# 3. Assess a résumé against the posting: a score per family, gaps and a plan.
result = nlp.assess(RESUME, posting=POSTING)
print(f"\n{RESUME.name} against {POSTING.name}: {result.overall:.1f} / 100")
for family, score in result.families.items():
    print(f"  {family:<10} " + (f"{score:5.1f}" if score is not None else "  (the posting asks for none)"))
print("  top gaps:", ", ".join(g.label for g in result.gaps[:3]))

# 4. Rank several résumés for the same posting: a Ranking of rows (best first) and failed inputs;
#    ranking.to_dict() is what `skillradar rank --format json` and POST /api/rank print.
print("\nranking:")
ranking = nlp.rank([RESUME, *OTHERS], posting=POSTING)
for row in ranking.rows:
    print(f"  {row['rank']}. {Path(row['resume']).name:<12} {row['overall']:5.1f}")
print(f"  ({len(ranking.failed)} résumés could not be read)")


# 5. Add your own detector: anything with find(doc, covered) -> list[Hit], registered by name.
class CourseCodes:
    """Stanford course codes name what they teach: CS229 machine learning, CS224N NLP."""

    name = "courses"
    kinds: tuple[str, ...] = ("resume",)
    CODES = {"CS229": "ml.machine-learning", "CS224N": "nlp.nlp", "CS231N": "cv.computer-vision"}

    def __init__(self, taxonomy):
        self.codes = {code: sid for code, sid in self.CODES.items() if sid in taxonomy}

    def find(self, doc, covered):
        return [Hit(self.codes[m.group().upper().replace(' ', '')], m.start(), m.end(), "custom", 0.7)
                for m in re.finditer(r"\bCS ?2\d\dN?\b", doc.text, re.I)
                if m.group().upper().replace(" ", "") in self.codes
                and not any(s < m.end() and m.start() < e for s, e in covered)]


register_detector("courses", CourseCodes, replace=True)
custom = Pipeline(detectors=["lexicon", "courses"])
found = custom.extract_text("Took CS229 and CS224N; built a SQL warehouse.", kind="resume").mentions
print("\ncustom detector:", [(m.text, m.label, m.method) for m in found])
