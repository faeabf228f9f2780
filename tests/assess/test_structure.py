"""The score's structure: importance of a skill to the posting, same-area and transfer credit."""

from skillradar.assess import assess, build_target
from skillradar.assess.targets import IMPORTANCE, skill_importance
from skillradar.records import Document

from .conftest import TODAY

POSTING_TEXT = ("Requirements:\n- Experience with PyTorch and object detection.\n- Python and Docker.\n"
                "- Good communication skills.\n")


def _posting():
    return Document(source="p.txt", text=POSTING_TEXT, format="txt", kind="posting")


def test_core_skills_weigh_more_than_general_and_soft(taxonomy):
    target = build_target(posting=_posting(), taxonomy=taxonomy)
    w = {t.skill_id: t.weight for t in target.skills}
    assert w["fw.pytorch"] > w["lang.python"] > w["soft.communication"]
    assert w["mlops.docker"] == w["lang.python"]
    assert skill_importance(taxonomy.get("mlops.mlflow"), taxonomy)[0] == IMPORTANCE["core"]
    assert skill_importance(taxonomy.get("mlops.docker"), taxonomy)[0] == IMPORTANCE["general"]


def test_ml_practitioner_beats_generalist_with_same_generic_skills(taxonomy):
    ml = Document(source="a.txt", text="Experience\nML Engineer, 2021 - Present\nTrained image segmentation "
                  "models and fine-tuned transformers; built Python services in Docker.\n")
    dev = Document(source="b.txt", text="Experience\nDeveloper, 2021 - Present\nBuilt Python services in "
                   "Docker; wrote documentation.\n")
    a = assess(ml, posting=_posting(), taxonomy=taxonomy)
    b = assess(dev, posting=_posting(), taxonomy=taxonomy)
    assert a.overall > b.overall
    partial = {p["skill_id"]: p for p in a.partial}
    assert "cv.object-detection" in partial  # through segmentation, same area
    assert "same area" in partial["cv.object-detection"]["why"]


def test_involvement_separates_doing_from_talking():
    from skillradar.assess.involvement import involvement_of

    def inv(sentence: str, word: str = "RAG") -> str:
        i = sentence.index(word)
        return involvement_of(sentence, i, i + len(word))

    assert inv("- Built a RAG assistant over 40k documents.") == "hands-on"
    assert inv("- Advised insurers on RAG adoption.") == "talking"
    assert inv("- Sold RAG products to banks.") == "talking"
    assert inv("- Familiar with RAG.") == "neutral"
    # the sentence, not the line, decides: a doing verb elsewhere on the line does not leak in
    assert inv("Built dashboards. Wrote about RAG for the blog.") == "talking"


def test_a_lone_ai_ml_term_counts_half(taxonomy):
    """One AI/ML core skill alone (a test engineer who once tried a "Transformer" model) earns half of what
    the same mention earns beside other AI/ML core skills: people who do the work show several. (A power
    engineer's "Transformer up to 10 MVA" is no mention at all: detect/senses.py.)"""
    from skillradar.assess.score import LONE_CORE_FACTOR

    posting = Document(source="p.txt", kind="posting", text="Requirements:\n- Transformer models.\n- Python.\n")
    lone = Document(source="a.txt", kind="resume", text="Experience\nTest Engineer, 2021 - Present\n"
                    "- Tested Transformer models in a demo app; wrote Python scripts for the test bench.\n")
    beside = Document(source="b.txt", kind="resume", text="Experience\nTest Engineer, 2021 - Present\n"
                      "- Tested Transformer models in a demo app; wrote Python scripts for the test bench.\n"
                      "Skills\nscikit-learn\n")
    a = assess(lone, posting=posting, taxonomy=taxonomy, today=TODAY)
    b = assess(beside, posting=posting, taxonomy=taxonomy, today=TODAY)
    ca = {m["skill_id"]: m for m in a.matched}["genai.transformers"]
    cb = {m["skill_id"]: m for m in b.matched}["genai.transformers"]
    assert ca["credit"] == round(cb["credit"] * LONE_CORE_FACTOR, 4)
    assert "only AI/ML core skill" in ca["why"] and "only AI/ML core skill" not in cb["why"]
    python = {m["skill_id"]: m["credit"] for m in a.matched}["lang.python"]
    assert python == {m["skill_id"]: m["credit"] for m in b.matched}["lang.python"]  # general skills as they were
