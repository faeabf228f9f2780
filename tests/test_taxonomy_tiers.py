"""Scoring tiers live in the taxonomy's data: the bundled YAML declares them, ESCO's CSV carries its
reuse levels, a taxonomy without tiers scores every skill alike and says so, and validate names the
file and line of every bad name."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from skillradar import Pipeline
from skillradar.assess.importance import IMPORTANCE
from skillradar.assess.score import LONE_CORE_FACTOR
from skillradar.assess.targets import REQUIREMENT_WEIGHTS
from skillradar.errors import TaxonomyError
from skillradar.records import FAMILIES, Document
from skillradar.taxonomy import Taxonomy, load_taxonomy, read_bundled, read_taxonomy_file, validate
from skillradar.taxonomy.tiers import TIER_NAMES, TierRule, Tiers

ESCO_HEADER = ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "hiddenLabels",
               "status", "modifiedDate", "scopeNote", "definition", "inScheme", "description"]
URI = "http://data.europa.eu/esco/skill/{}-0000-4000-8000-000000000000"


def _posting(text: str) -> Document:
    return Document(source="job.txt", text=text, format="txt", kind="posting")


def _resume(text: str) -> Document:
    return Document(source="cv.txt", text=text, format="txt", kind="resume")


def _weights(pipe: Pipeline, text: str) -> dict[str, float]:
    return {t.skill_id: t.weight for t in pipe.target(posting=_posting(text)).skills}


def _esco_csv(tmp_path: Path, rows, name: str = "skills_en.csv") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(ESCO_HEADER)
    for i, (label, alts, level) in enumerate(rows):
        w.writerow(["KnowledgeSkillCompetence", URI.format(f"{i:08x}"), "skill/competence", level, label, alts, "",
                    "released", "", "", "", "", f"{label}."])
    path = tmp_path / name
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------- the bundled taxonomy


def test_bundled_tiers_are_data_and_follow_rule_order(taxonomy):
    tiers = taxonomy.tiers
    assert tiers and tiers.model_work and tiers.source == "taxonomy.yaml"
    assert {r.tier for r in tiers.rules} <= set(TIER_NAMES) and set(IMPORTANCE) == set(TIER_NAMES)
    got = {sid: (taxonomy.tier_of(sid).name, taxonomy.tier_of(sid).by) for sid in (
        "mlops.docker", "cloud.sagemaker", "cloud.aws", "mlops.mlflow", "ml.machine-learning", "soft.communication")}
    assert got == {"mlops.docker": ("general", "skill"),  # named before the mlops group's rule
                   "cloud.sagemaker": ("core", "skill"), "cloud.aws": ("general", "family"),
                   "mlops.mlflow": ("ml-ops", "group"), "ml.machine-learning": ("core", "group"),
                   "soft.communication": ("other", "default")}
    assert validate(read_bundled()) == []


def test_the_scorer_reads_tiers_from_the_taxonomy_in_use(taxonomy):
    text = "Requirements:\n- PyTorch\n- Python\n- Docker\n- Communication skills\n"
    bundled = _weights(Pipeline(taxonomy), text)
    assert bundled == {"fw.pytorch": IMPORTANCE["core"], "lang.python": IMPORTANCE["general"],
                       "mlops.docker": IMPORTANCE["general"], "soft.communication": IMPORTANCE["other"]}
    # the same skills with other tiers: Python named core, nothing else tiered
    mine = Taxonomy(taxonomy.name, taxonomy.version, taxonomy.skills, taxonomy.families,
                    tiers=Tiers((TierRule("core", "our core", skills=("lang.python",)),), source="test"))
    assert _weights(Pipeline(mine), text) == {"fw.pytorch": IMPORTANCE["other"], "lang.python": 1.0,
                                               "mlops.docker": IMPORTANCE["other"],
                                               "soft.communication": IMPORTANCE["other"]}


def test_an_extension_reads_its_own_tiers_rules_before_the_base(tmp_path):
    path = tmp_path / "ext.yaml"
    path.write_text("name: team\nextends: genai\nversion: \"1\"\n"
                    "tiers:\n  - tier: core\n    why: our stack\n    skills: [lang.python]\n"
                    "skills:\n  - {id: team.quill, label: Quillstream, family: technical, group: llm-engineering}\n",
                    encoding="utf-8")
    tax = load_taxonomy(path)
    assert tax.tier_of("lang.python").name == "core" and tax.tier_of("lang.python").why == "our stack"
    assert tax.tier_of("team.quill").name == "core"  # by the base's group rule
    assert tax.tier_of("mlops.docker").name == "general" and tax.tiers.model_work
    assert validate(read_taxonomy_file(path)) == []


# --------------------------------------------------------------------------------------- ESCO and no tiers


def test_an_esco_csv_scores_with_its_reuse_levels(tmp_path):
    path = _esco_csv(tmp_path, [("Python (computer programming)", "Python", "cross-sector"),
                                ("machine learning", "", "occupation-specific"),
                                ("work in teams", "teamwork", "transversal"),
                                ("SQL", "", "")])
    pipe = Pipeline(path)
    tax = pipe.taxonomy
    assert tax.tiers and not tax.tiers.model_work and "ESCO reuse levels" in tax.tiers.source
    target = pipe.target(posting=_posting("Requirements:\n- Python\n- machine learning\n- teamwork\n- SQL\n"))
    by_label = {t.label: t for t in target.skills}
    assert {k: v.weight for k, v in by_label.items()} == {
        "machine learning": IMPORTANCE["core"], "Python (computer programming)": IMPORTANCE["general"],
        "work in teams": IMPORTANCE["other"], "SQL": IMPORTANCE["other"]}
    assert "cross-sector skill shared with many occupations (ESCO reuse level)" in by_label[
        "Python (computer programming)"].why
    a = pipe.assess(_resume("Experience\nAnalyst, 2021 - Present\n- Used machine learning and Python daily.\n"),
                    target=target)
    ml = next(m for m in a.matched if m["label"] == "machine learning")
    # no AI/ML model-work rules under ESCO: one core skill alone is not halved, no practice sentences
    assert "only AI/ML core skill" not in ml["why"] and a.practice is None
    assert not any(w["code"] == "no_scoring_tiers" for w in a.warnings)
    assert set(a.families) == set(FAMILIES) and all(v is None for v in a.families.values())


@pytest.mark.parametrize("kind", ["esco-without-levels", "generic-csv"])
def test_a_taxonomy_without_tiers_weighs_every_skill_alike_and_says_so(tmp_path, kind):
    if kind == "generic-csv":
        path = tmp_path / "mine.csv"
        path.write_text("id,label,aliases,description,family,group\nx.widget,Widget Studio,,,technical,tools\n"
                        "x.talk,Storytelling,,,soft,people\n", encoding="utf-8")
        text = "Requirements:\n- Widget Studio\n\nNice to have: Storytelling\n"
        resume = "Experience\nDesigner, 2021 - Present\n- Built dashboards in Widget Studio.\n"
    else:
        path = _esco_csv(tmp_path, [("Widget Studio", "", ""), ("Storytelling", "", "")])
        text = "Requirements:\n- Widget Studio\n\nNice to have: Storytelling\n"
        resume = "Experience\nDesigner, 2021 - Present\n- Built dashboards in Widget Studio.\n"
    pipe = Pipeline(path)
    assert not pipe.taxonomy.tiers
    weights = {t.label: t.weight for t in pipe.target(posting=_posting(text)).skills}
    assert weights == {"Widget Studio": REQUIREMENT_WEIGHTS["required"], "Storytelling": REQUIREMENT_WEIGHTS["preferred"]}
    a = pipe.assess(_resume(resume), posting=_posting(text))
    (warning,) = [w for w in a.warnings if w["code"] == "no_scoring_tiers"]
    assert pipe.taxonomy.name in warning["message"] and "every skill weighs" in warning["message"]
    assert a.overall > 0 and a.practice is None


def test_model_work_rules_follow_the_declaration(taxonomy):
    """The same taxonomy without ``model_work``: its core skills weigh the same, but one alone is not halved."""
    posting = _posting("Requirements:\n- Transformer models.\n- Python.\n")
    resume = _resume("Experience\nTest Engineer, 2021 - Present\n"
                     "- Tested Transformer models in a demo app; wrote Python scripts for the test bench.\n")
    plain = Taxonomy(taxonomy.name, taxonomy.version, taxonomy.skills, taxonomy.families,
                     tiers=Tiers(taxonomy.tiers.rules, source="test"))
    with_rules = Pipeline(taxonomy).assess(resume, posting=posting, plan=False)
    without = Pipeline(plain).assess(resume, posting=posting, plan=False)
    credit = {m["skill_id"]: m["credit"] for m in without.matched}
    assert {m["skill_id"]: m["credit"] for m in with_rules.matched}["genai.transformers"] <= \
        round(credit["genai.transformers"] * LONE_CORE_FACTOR, 4)
    assert without.practice is None and with_rules.practice is not None


# --------------------------------------------------------------------------------------- validation


BAD = """name: mine
families:
  technical: {label: Tech, groups: {tools: Tools, models: Models}}
tiers:
  - tier: core
    groups: [models, nosuch]
    skills:
      - x.a
      - x.bet
  - tier: central
    families: [technical]
  - tier: general
    skills: [x.a]
  - tier: other
model_work:
  task_groups: [tools, modles]
skills:
  - {id: x.a, label: Alpha, family: technical, group: models}
  - {id: x.b, label: Beta, family: technical, group: tools}
"""


def test_validate_names_file_and_line_of_every_bad_tier_name(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(BAD, encoding="utf-8")
    problems = [str(p) for p in validate(read_taxonomy_file(path))]
    f = str(path)
    assert f"{f}:6: tiers: unknown group 'nosuch'" in problems
    assert f"{f}:9: tiers: unknown skill id 'x.bet'; did you mean 'x.b'?" in problems
    assert any(p.startswith(f"{f}:10: tiers: unknown tier 'central'") and "core, ml-ops, general, other" in p
               for p in problems)
    assert any(p.startswith(f"{f}:13: tiers: skill 'x.a' is already named at line 8") for p in problems)
    assert f"{f}:14: tiers: the rule for 'other' names no skills, groups or families" in problems
    assert any(p.startswith(f"{f}:16: model_work: task group 'tools' is not named by a core") for p in problems)
    assert f"{f}:16: model_work: unknown task group 'modles'" in problems
    assert len(problems) == 7, problems


def test_validate_command_reports_tier_problems(tmp_path, capsys):
    from skillradar.cli import main

    path = tmp_path / "mine.yaml"
    path.write_text(BAD, encoding="utf-8")
    assert main(["taxonomy", "validate", str(path)]) == 1
    assert f"{path}:6: tiers: unknown group 'nosuch'" in capsys.readouterr().out


@pytest.mark.parametrize("section, message, line", [
    ("tiers:\n  core: [x.a]\n", "'tiers' must be a list of rules", 3),
    ("tiers:\n  - tier: core\n    skill: [x.a]\n", "unknown key 'skill' in a tiers rule", 3),
    ("tiers:\n  - tier: core\n    skills: {x.a: 1}\n", "'skills' must be a list of names", 4),
    ("model_work: yes\n", "'model_work' must be a mapping", 2),
])
def test_malformed_tiers_are_taxonomy_errors_with_the_line(tmp_path, section, message, line):
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\n" + section + "skills:\n  - {id: x.a, label: Alpha, family: technical}\n",
                    encoding="utf-8")
    with pytest.raises(TaxonomyError, match=message) as info:
        read_taxonomy_file(path)
    assert f"{path}:{line}: " in str(info.value)


# --------------------------------------------------------------------------------------- families


def test_the_fixed_families_agree_with_the_bundled_taxonomy(taxonomy):
    """``records.FAMILIES`` serves only where no taxonomy is loaded yet; it must say what the data says."""
    assert taxonomy.family_ids == FAMILIES


def test_families_come_from_the_taxonomy_file(tmp_path):
    path = tmp_path / "six.yaml"
    path.write_text("name: six\nfamilies:\n  technical: {label: Tech, groups: {}}\n  craft: {label: Craft, groups: {}}\n"
                    "skills:\n  - {id: x.a, label: Woodturning, family: craft}\n  - {id: x.b, label: Alpha, family: soft}\n",
                    encoding="utf-8")
    problems = [str(p) for p in validate(read_taxonomy_file(path))]
    assert problems == [f"{path}:7: skill 'x.b': unknown family 'soft' (use one of technical, craft)"]
    csv_path = tmp_path / "g.csv"
    csv_path.write_text("id,label\nx.a,Alpha\n", encoding="utf-8")
    assert load_taxonomy(csv_path).family_ids == FAMILIES  # a file that declares none gets the bundled five
    pipe = Pipeline(path)
    a = pipe.assess(_resume("Experience\nTurner, 2020 - Present\n- Woodturning every day.\n"),
                    posting=_posting("Requirements:\n- Woodturning\n"), plan=False)
    assert list(a.families) == ["technical", "craft"] and a.families["craft"] > 0
