"""Tenure stated in a résumé's skills list speaks for the skill it follows, in both real formats."""

import pytest

from skillradar.assess.tenure import listed_tenure

TEXT = ("Skill Details \nMACHINE LEARNING- Experience - 30 months\n"
        "Experience in NLP, Python.- Experience - Less than 1 year months\n"
        "Docker (Less than 1 year), Java (3 years), Go (6 months), SQL\n")


@pytest.mark.parametrize("word, nth, years", [
    ("MACHINE LEARNING", 0, 2.5), ("NLP", 0, 0.5), ("Python", 0, 0.5),
    ("Docker", 0, 0.5), ("Java", 0, 3.0), ("Go", 0, 0.5), ("SQL", 0, None), ("Skill", 0, None),
])
def test_the_phrase_after_a_skill_is_its_tenure(word, nth, years):
    at = TEXT.index(word)
    assert listed_tenure(TEXT, at, at + len(word)) == years


def test_a_phrase_far_along_one_long_line_is_not_the_skills():
    text = "Python " + "x" * 200 + " Java- Experience - 60 months"
    assert listed_tenure(text, 0, 6) is None


def test_the_years_a_posting_asks_are_weighed_against_the_listed_tenure(tmp_path):
    """A posting asking 8+ years of machine learning, a résumé listing it at less than a year: the
    credit says so (it used to read the tenure as nothing, or as one year for the next skill)."""
    from skillradar.assess import assess

    resume = tmp_path / "r.txt"
    resume.write_text("Skill Details \nMachine Learning- Experience - Less than 1 year months\n"
                      "Company Details \ncompany - Acme\ndescription - Trained churn models with XGBoost in Python.\n",
                      encoding="utf-8")
    posting = tmp_path / "p.txt"
    posting.write_text("Data Scientist\n\nRequirements:\n- 8+ years of experience in Machine Learning.\n",
                       encoding="utf-8")
    out = assess(str(resume), posting=str(posting)).to_dict()
    ml = next(m for m in out["matched"] if m["skill_id"] == "ml.machine-learning")
    assert "0.5 of the 8 years asked" in ml["why"]
