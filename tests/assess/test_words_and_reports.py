"""What a job seeker reads: gaps and matches in words (figures one click away), evidence by line or
PDF page, a plan whose every step has a resource or says it has none, Markdown without empty
headings, "I have this" claims re-scored by the one scorer."""

from __future__ import annotations

import re

import pytest

from skillradar.assess import assess
from skillradar.records import Document
from skillradar.report.html import render_assessment_html
from skillradar.report.markdown import render_assessment_markdown

from ._render import blocks_from_text, to_pdf
from .conftest import EXAMPLES, TODAY

POSTING = Document(source="analyst.txt", kind="posting", text=(
    "Data Analyst\n\nRequirements\n- Experience with Polars.\n- SQL.\n- Docker.\n\n"
    "Nice to have\n- Retrieval-augmented generation.\n"))
CV = ("Sam Analyst\n\nExperience\n2022 - Present  Analyst, Acme. Wrote SQL reports every week.\n\n"
      "Skills\nPython, pandas, Excel\n")


def _cv(text: str = CV) -> Document:
    return Document(source="cv.txt", kind="resume", text=text)


def test_gap_in_words_names_the_related_skill_and_where_it_is():
    a = assess(_cv(), posting=POSTING, today=TODAY)
    gaps = {g["label"]: g for g in a.to_dict()["gaps"]}
    polars = gaps["Polars"]["summary"]
    assert polars.startswith("Required in the posting, and you show a related skill, Pandas, only in your skills list")
    assert not re.search(r"\d\.\d|×|→", polars)  # words, no formula
    assert "closeness" in gaps["Polars"]["reason"]  # the figures stay, for whoever opens them
    assert gaps["Docker"]["summary"] == "Required in the posting, and your résumé shows nothing close to it."
    assert gaps["Retrieval-augmented generation"]["summary"].startswith("A nice-to-have in the posting")


def test_matched_in_words_with_evidence_by_line():
    a = assess(_cv(), posting=POSTING, today=TODAY).to_dict()
    sql = next(m for m in a["matched"] if m["label"] == "SQL")
    assert sql["summary"].startswith("Shown in your work experience (2022 - Present)")
    for m in a["matched"]:
        for ev in m["evidence"]:
            assert ev["line"] == CV.count("\n", 0, ev["start"]) + 1 and ev["page"] is None


def test_pdf_evidence_carries_its_page():
    from skillradar.readers import read_bytes

    filler = "\n".join(f"- Maintained weekly spreadsheet number {i} for the finance team." for i in range(70))
    text = f"# Sam Analyst\n\n## Experience\n\n{filler}\n\n## Projects\n\n- Built a Docker image for SQL reports.\n"
    doc = read_bytes(to_pdf(blocks_from_text(text)), "cv.pdf", kind="resume")
    assert len(doc.page_starts) >= 2
    a = assess(doc, posting=POSTING, today=TODAY)
    docker = next(m for m in a.to_dict()["matched"] if m["label"] == "Docker")
    assert docker["evidence"][0]["page"] == doc.page_of(docker["evidence"][0]["start"]) >= 2
    html = render_assessment_html(a)
    assert "(page 2)" in html or f"(page {docker['evidence'][0]['page']})" in html
    assert '<span class="page">page 2</span>' in html  # the résumé view marks where the page begins


def test_html_report_words_first_figures_behind_a_click():
    a = assess(EXAMPLES / "resume.md", posting=EXAMPLES / "posting.md", today=TODAY)
    html = render_assessment_html(a)
    d = a.to_dict()
    assert html.count("<summary>the numbers</summary>") >= len(d["gaps"]) + len(d["matched"])
    for g in d["gaps"]:
        assert g["summary"].replace("“", "&ldquo;")[:30].split("&")[0] in html.replace("&#x27;", "'")
    assert '<section class="card wide"><h2>AI/ML practice</h2>' in html  # full width: no stretched card
    assert "align-items:start" in html
    assert "Posting language check</h2>" not in html
    # the résumé is line-numbered, so "line 12" can be found
    assert html.count('class="l" data-n=') == a.resume_text.count("\n") + 1


@pytest.mark.parametrize("target", [{"posting": EXAMPLES / "posting.md"}, {"role": "llm-engineer"},
                                    {"posting": POSTING}])
def test_every_plan_step_has_a_resource_or_says_it_has_none(target):
    d = assess(EXAMPLES / "resume.md", today=TODAY, **target).to_dict()
    for step in d["plan"]:
        assert step["resources"] or step["resources_note"], step
        for r in step["resources"]:
            assert r["url"].startswith("https://")
    fallback = [s for s in d["plan"] if any(r.get("for") for r in s["resources"])]
    for s in fallback:  # borrowed from a broader skill, and marked as such
        assert all(r["for"] != s["skill_id"] and r["for_label"] for r in s["resources"])


@pytest.mark.parametrize("cv", [CV, "Skills\nExcel\n", (EXAMPLES / "resume.md").read_text(encoding="utf-8")])
@pytest.mark.parametrize("target", ["posting", "role"])
def test_markdown_has_no_empty_heading(cv, target):
    kw = {"posting": POSTING} if target == "posting" else {"role": "data-scientist"}
    md = render_assessment_markdown(assess(_cv(cv), today=TODAY, **kw))
    lines = md.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("#"):
            following = next((x for x in lines[i + 1:] if x.strip()), "")
            assert following and not following.startswith("#"), f"empty heading {line!r}"
    assert "×" not in md.split("## Gaps")[1].split("_The numbers")[0]
    if "## Skills you show" in md and "| skill |" in md:
        assert "(line " in md.split("## Skills you show")[1]


def test_claimed_skill_is_rescored_by_the_one_scorer():
    before = assess(_cv(), posting=POSTING, today=TODAY)
    after = assess(_cv(), posting=POSTING, today=TODAY, claimed=["docker"])
    assert after.overall > before.overall
    d = after.to_dict()
    assert d["claimed"] == ["mlops.docker"]
    assert "mlops.docker" not in {g["skill_id"] for g in d["gaps"]}
    docker = next(m for m in d["matched"] if m["skill_id"] == "mlops.docker")
    assert docker["evidence"] == [{"start": 0, "end": 0, "text": "", "section": "claimed", "line": None, "page": None}]
    assert "your own word" in docker["summary"] and "skills list" in docker["summary"]
    assert docker["credit"] == pytest.approx(0.6)  # counted as a listed skill, not as shown in work
    # the same as if the résumé listed it
    listed = assess(_cv(CV.replace("Python, pandas", "Python, Docker, pandas")), posting=POSTING, today=TODAY)
    assert after.overall == listed.overall


def test_claiming_an_unknown_skill_is_an_error_that_lists_close_names(cli):
    code, _out, err = cli("assess", str(EXAMPLES / "resume.md"), "--posting", str(EXAMPLES / "posting.md"),
                          "--have", "Dockr")
    assert code == 2 and "--have 'Dockr'" in err and "docker (mlops.docker)" in err


def test_assess_have_in_the_cli(cli_json):
    base = cli_json("assess", str(EXAMPLES / "resume.md"), "--posting", str(EXAMPLES / "posting.md"))
    gap = base["gaps"][0]
    more = cli_json("assess", str(EXAMPLES / "resume.md"), "--posting", str(EXAMPLES / "posting.md"),
                    "--have", gap["skill_id"])
    assert more["overall"] > base["overall"] and more["claimed"] == [gap["skill_id"]]


def test_a_skill_best_shown_in_the_skills_list_is_not_called_only_listed_when_old_work_names_it():
    """Python listed with its years, and named in a job ten years back: the words say where the other
    mentions are and why they weigh less, never "only listed"."""
    cv = ("Pat Doe\n\nSkills\npython - Experience - 36 months\n\nExperience\n"
          "2013 - 2015  Data Intern, Acme. Wrote Python scripts that cleaned survey data.\n")
    posting = Document(source="p.txt", kind="posting", text="Engineer\n\nRequirements\n- Python.\n")
    py = next(m for m in assess(_cv(cv), posting=posting, today=TODAY).to_dict()["matched"] if m["label"] == "Python")
    assert py["summary"].startswith("Shown in your skills list, and less strongly in 1 other place (the latest about")
    assert "only listed" not in py["why"] and "1 other mention weighs less" in py["why"]
