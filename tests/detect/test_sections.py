"""Sections of real-world postings: headings worded many ways, boilerplate found by its content."""

import pytest

from skillradar import extract_text
from skillradar.detect.sections import NON_DEMAND, classify_heading


@pytest.mark.parametrize("heading, kind", [
    ("Looking for experience in:", "requirements"),
    ("What we are looking for:", "requirements"),
    ("What We Need To See", "requirements"),
    ("Skills:", "requirements"),
    ("We'd love to hear from you if you have:", "requirements"),
    ("How You Stand Out", "nice_to_have"),
    ("Bonus points!", "nice_to_have"),
    ("Ways To Stand Out From The Crowd", "nice_to_have"),
    ("Desirable", "nice_to_have"),
    ("About Anyscale:", "about"),
    ("About You", "requirements"),     # capitalised 'You' is no company called You
    ("**About You**", "requirements"),
    ("Why Shipwell:", "about"),          # "Why <company>": the pitch, like "Why join us"
    ("Apply for this job", "apply"),
    ("You'll have an edge if you have:", "nice_to_have"),
    ("Who we are", "about"),
    ("Perks & Benefits", "benefits"),
    ("Equal Opportunity Employer", "eeo"),
    ("How to apply", "apply"),
    ("What you'll be doing", "responsibilities"),
])
def test_posting_headings(heading, kind):
    assert classify_heading(heading, "posting") == kind


@pytest.mark.parametrize("line", ["Senior Machine Learning Engineer", "Python", "Strong communication skills",
                                  "Machine Learning", "Teams Supported:"])
def test_lines_that_are_not_headings(line):
    assert classify_heading(line, "posting", min_known=0.8) is None


@pytest.mark.parametrize("heading, kind", [
    ("Mandatory requirements:", "requirements"),     # a head noun decides past an unfamiliar modifier
    ("Essential qualifications:", "requirements"),
    ("Indispensable skills:", "requirements"),
])
def test_an_unfamiliar_modifier_before_a_known_head(heading, kind):
    assert classify_heading(heading, "posting") == kind


@pytest.mark.parametrize("line", ["Proof Technology", "Acme Technology"])
def test_a_company_name_ending_in_a_rare_head_is_no_heading(line):
    assert classify_heading(line, "posting") is None


def test_resume_headings_stay_resume_sections():
    assert classify_heading("Education", "resume") == "education"
    assert classify_heading("Work Experience", "resume") == "experience"
    assert classify_heading("Education", "posting") == "requirements"


POSTING = """Senior ML Engineer

Requirements:
- 3+ years of Python and SQL
- Strong communication and decision making

Anyscale is an equal opportunity employer and makes employment decisions without regard to race,
color, religion, sex, national origin or disability. We offer dental, vision and life insurance.
"""


def test_boilerplate_without_heading_is_not_demand():
    ms = extract_text(POSTING, kind="posting").mentions
    assert all(m.demand for m in ms if POSTING.index("Requirements") < m.start < POSTING.index("Anyscale"))
    assert all(not m.demand and m.section == "title" for m in ms if m.start < POSTING.index("Requirements"))
    late = [m for m in ms if m.start > POSTING.index("Anyscale")]
    assert all(not m.demand and m.section in NON_DEMAND and m.requirement is None for m in late)


@pytest.mark.parametrize("text, skill, level", [
    ("Requirements:\n- Python (Preferably 3 to 5 years of experience)\n", "Python", "required"),
    ("Requirements:\n- Kafka (a plus) and Python\n", "Kafka", "preferred"),
    ("Responsibilities:\n- Translate new requirements into PyTorch models\n", "PyTorch", None),
    ("Responsibilities:\n- Retrain PyTorch models as needed\n", "PyTorch", None),
])
def test_requirement_cues(text, skill, level):
    m = next(m for m in extract_text(text, kind="posting").mentions if m.text == skill)
    assert m.requirement == level


@pytest.mark.parametrize("text, found", [
    ("Excellent communication and collaboration skills", {"soft.communication", "soft.collaboration"}),
    ("Experience with Lang chain and Llama2", {"fw.langchain", "genai.llama"}),
    ("Prompting GPT3.5 through the Open AI APIs", {"genai.gpt", "genai.openai-api"}),
    ("Costs of model training, inference and storage", {"ml.model-training", "mlops.model-serving"}),
    ("Finetuning and data visualisation, SparkSQL", {"genai.fine-tuning", "viz.data-visualization", "data.sql"}),
    ("Experience with cloud databases, such as Snowflake, Redshift or similar", {"db.snowflake", "db.redshift"}),
    ("Our stack:\n\n  * Python Flask\n  * Snowflake\n  * Fiddler - model observability platform\n",
     {"db.snowflake", "mlops.fiddler"}),
])
def test_coordination_and_spelling_variants(text, found):
    assert found <= {m.skill_id for m in extract_text(text, kind="posting").mentions}


@pytest.mark.parametrize("text, absent, present", [
    ("Backed by Databricks Ventures. You know Python.", "data.databricks", "lang.python"),
    ("Work with the world's leading partners, including AWS and Microsoft. You know Python.", "cloud.aws",
     "lang.python"),
    ("Funded by venture capital funds such as Goldman Sachs Asset Management. You know Python.", "dom.finance",
     "lang.python"),
    ("Our founders come from companies like OpenAI, Google and Meta. You use PyTorch.", "genai.openai-api",
     "fw.pytorch"),
    ("OpenAI's investors back us. Requirements: Databricks.", "genai.openai-api", "data.databricks"),
])
def test_names_used_as_organisations_are_not_skills(text, absent, present):
    ids = {m.skill_id for m in extract_text(text, kind="posting").mentions}
    assert absent not in ids and present in ids


def test_boilerplate_is_no_target_skill_and_no_market_demand():
    from skillradar.assess.targets import target_from_posting
    from skillradar.extract import extract_text as ex
    from skillradar.market.ingest import _levels
    from skillradar.taxonomy import load_taxonomy

    text = "Requirements:\n- Python\n\nBenefits\n- Medical, dental and vision insurance\n- Free Kubernetes training\n"
    extraction = ex(text, kind="posting")
    assert {m.skill_id for m in extraction.mentions} >= {"lang.python", "mlops.kubernetes"}
    target = target_from_posting(extraction, load_taxonomy(None), text)
    assert {t.skill_id for t in target.skills} == {"lang.python"}
    rows = [(m.skill_id, m.start, m.end, m.text, m.requirement, m.years, m.section) for m in extraction.mentions]
    assert set(_levels(rows)) == {"lang.python"}


@pytest.mark.parametrize("text, absent", [
    ("You will join a team of six ML engineers who ship PyTorch models.", "ml.machine-learning"),
    ("Work collaboratively with Data Engineering and Analytics teams.", "data.data-engineering"),
    ("Support the Data Science, Analytics and ML teams.", "data.data-science"),
    ("You will work closely with Marketing, Sales, Customer Success and Product.", "dom.marketing"),
    ("Work closely with various teams (e.g., operations, marketing, product development).", "dom.marketing"),
    ("Provide quality feedback to Product Owners and other stakeholders.", "soft.product-management"),
])
def test_roles_and_teams_are_not_asks(text, absent):
    assert absent not in {m.skill_id for m in extract_text(text, kind="posting").mentions}


def test_experience_as_a_role_and_builders_of_a_technology_still_ask():
    ids = {m.skill_id for m in extract_text("3+ years of experience as an ML Engineer. Golang developer wanted.",
                                            kind="posting").mentions}
    assert {"ml.machine-learning", "lang.go"} <= ids


def test_culture_words_in_about_and_benefits_are_not_skills():
    text = ("Senior Data Scientist\n\nAbout us\nWe are driving innovation with empathetic AI.\n\n"
            "Requirements:\n- Python and SQL\n\nBenefits\n- Dental, vision and life insurance\n")
    ids = {m.skill_id for m in extract_text(text, kind="posting").mentions}
    assert not ids & {"think.innovation", "soft.empathy", "dom.insurance"} and "lang.python" in ids


@pytest.mark.parametrize("text, skill, level", [
    ("Requirements:\n* Strong SQL, Python, PySpark, Java is a plus\n", "SQL", "required"),
    ("Requirements:\n* Strong SQL, Python, PySpark, Java is a plus\n", "Java", "preferred"),
    ("Requirements:\n* MS degree in a relative field (Computer Science, Statistics) (Preferred).\n", "Statistics",
     "preferred"),
    ("Requirements:\n* Ability to ramp up quickly on our tech stack, which includes GCP and Airflow.\n", "Airflow",
     "preferred"),
    ("**Qualities you possess…**\n\n* Fluent Python\n", "Python", "required"),
    # "experience with" frames the whole list: the preference after it speaks for every item
    ("Requirements:\n* Experience with Snowflake, Fivetran, dbt, and AWS is preferred\n", "Snowflake", "preferred"),
    ("Requirements:\n* Experience with PyTorch, Spark a plus\n", "PyTorch", "preferred"),
    ("Requirements:\n* Experience with ELT - you have hands-on SQL, and ideally dbt\n", "ELT", "required"),
    # a cue that is the skill itself does not soften it
    ("Requirements:\n* Willingness to learn and adapt to new technologies\n", "Willingness to learn", "required"),
    # emphasis around a heading, and a list item that only looks like one
    ("Requirements:\n* Python\n\n _ **Plus:**_\n\n* Experience with Spark\n", "Spark", "preferred"),
    ("Requirements:\n* Experience in MLOps - an advantage\n* Degree in Statistics\n", "Statistics", "required"),
    # the nearer cue speaks: "X is required, and Y … is a plus"; "preferably A, with experience in B"
    ("Requirements:\n* Knowledge of AWS is required, and a Kubernetes certification is a plus.\n", "AWS", "required"),
    ("Requirements:\n* Knowledge of AWS is required, and a Kubernetes certification is a plus.\n", "Kubernetes",
     "preferred"),
    ("Requirements:\n* 5+ years in back-end development, preferably typed (Java, Scala), with experience in Python\n",
     "Python", "required"),
    ("Requirements:\n* 5+ years in back-end development, preferably typed (Java, Scala), with experience in Python\n",
     "Scala", "preferred"),
    # a level in brackets at the start of an item speaks for the item
    ("Requirements:\n* (Great to have) Experience with Databricks and Kafka\n", "Kafka", "preferred"),
    # a heading that says its items are optional, however long
    ("Requirements:\n* Python\n\n**Our Tech Stack** _(You don't have to excel in all, but willing to learn them):_\n\n"
     "  * Snowflake\n  * Databricks\n", "Databricks", "preferred"),
    # the person sought is described: what they are and have is asked for
    ("Job Summary:\nWe are seeking a collaborative engineer who ships PyTorch models.\n", "PyTorch", "required"),
    ("About the role\nLooking for a self starter with ideas for data science.\n", "data science", "required"),
])
def test_requirement_levels_seen_in_real_postings(text, skill, level):
    m = next(m for m in extract_text(text, kind="posting").mentions if m.text == skill)
    assert m.requirement == level


@pytest.mark.parametrize("text, skill, evidence", [
    # another mention inside ("machine learning"): the verb alone; else the whole phrase, verb to object
    ("Deploying custom/pre-trained machine learning models into production", "mlops.model-serving", "Deploying"),
    ("Visualise complex data for the board", "viz.data-visualization", "Visualise complex data"),
    ("Write clean, tested Python services", "se.clean-code", "Write clean"),
])
def test_verbs_acting_on_objects_with_words_between(text, skill, evidence):
    ms = [m for m in extract_text(text, kind="posting").mentions if m.skill_id == skill]
    assert ms and ms[0].text == evidence
    assert "ml.model-training" not in {m.skill_id for m in extract_text(text, kind="posting").mentions} \
        or "pre-trained" not in text  # "pre-trained" is no act of training


def test_a_heading_glued_to_the_end_of_a_line_starts_its_section():
    from skillradar.detect.context import section_at

    text = ("Skill Details \nPython- Experience - 24 monthsCompany Details \ncompany - Acme\n"
            "description - Trained churn models with XGBoost.\n")
    at = section_at(text, "resume")
    assert at(text.index("Python")) == "skills"
    assert at(text.index("Trained")) == "experience"



@pytest.mark.parametrize("heading", ["Key Responsibilities:", "Key responsibilities", "KEY ROLES:",
                                     "description - Key Result Areas:"])
def test_a_jobs_duties_heading_keeps_a_resume_in_the_jobs_section(heading):
    """'Key …' shares a word with 'Key skills': read as a skills list, a job's duties would count as
    listed skills, not work done."""
    from skillradar.detect.context import section_at

    text = (f"Skill Details \nPython- Experience - 24 monthsCompany Details \ncompany - Acme\n"
            f"description - Data scientist at a bank.\n{heading}\n• Trained churn models with XGBoost.\n")
    at = section_at(text, "resume")
    assert at(text.index("Trained")) == "experience"
    assert classify_heading("Key skills", "resume") == "skills"
    assert classify_heading("Key responsibilities", "posting") == "responsibilities"

def test_title_skills_are_named_targets_but_not_market_demand():
    from skillradar.assess.targets import target_from_posting
    from skillradar.taxonomy import load_taxonomy

    text = "Machine Learning Engineer\nAcme · Remote\n\nRequirements:\n- Python\n- SQL\n"
    ex = extract_text(text, kind="posting")
    title = [m for m in ex.mentions if m.section == "title"]
    assert title and not any(m.demand for m in title)
    targets = {t.skill_id: t.requirement for t in target_from_posting(ex, load_taxonomy(None), text).skills}
    assert targets.get("ml.machine-learning", "absent") is None and targets["lang.python"] == "required"


def test_a_switch_counts_boilerplate_skills_as_targets(tmp_path, run_cli):
    """Issue 11: benefits text is not demand by default, and a switch counts it (library and CLI)."""
    import json

    from skillradar.assess import build_target

    posting = tmp_path / "p.md"
    posting.write_text("# Data Scientist\n\n## Requirements\n- Python and SQL\n\n## Benefits\n"
                       "- Free Kubernetes training and a learning budget\n", encoding="utf-8")
    plain = {t.skill_id for t in build_target(posting=str(posting)).skills}
    counted = {t.skill_id for t in build_target(posting=str(posting), count_boilerplate=True).skills}
    assert "mlops.kubernetes" not in plain and "mlops.kubernetes" in counted
    cv = tmp_path / "cv.md"
    cv.write_text("Data analyst. Python, SQL and Kubernetes at work since 2021.\n", encoding="utf-8")
    out = run_cli("assess", str(cv), "--posting", str(posting), "--format", "json", "--count-boilerplate")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert "mlops.kubernetes" in {m["skill_id"] for m in d["matched"]} | {g["skill_id"] for g in d["gaps"]}


@pytest.mark.parametrize("heading", ["IBM Certifications", "AWS Certificates:", "Oracle Certification"])
def test_an_issuers_certifications_heading_starts_a_resumes_certifications(heading):
    """Real résumés name the issuer before the heading word ("IBM Certifications"); read as no heading,
    the course titles under it stayed in the job above and counted as work experience."""
    from skillradar.detect.context import section_at

    text = (f"Experience\nDatabase administrator, 2016 - 2019\n• Ran Oracle backups.\n{heading}\n"
            "Applied Data Science with R, Data Science Foundations\n")
    at = section_at(text, "resume")
    assert at(text.index("Ran")) == "experience"
    assert at(text.index("Applied")) == "certifications"
    assert classify_heading(heading, "posting") is None
    assert classify_heading("Senior Data Scientist", "resume") is None


JOB_PROSE = """Senior Data Engineer
Acme Analytics
Remote

Job description

We are seeking a data engineer who has built PyTorch models. The Data team enables other teams by
building the data ecosystem with Snowflake and Tableau. Acme is the leading supplier of retail analytics.
In this role you will deploy Docker images. Harnessing a decade of data collection, our model has been
trained on NLP data. Our data warehouse is built on AWS technologies including Python.

Requirements:
- We use Kubernetes every day
"""


@pytest.mark.parametrize("skill, demand", [
    ("PyTorch", True),        # "We are seeking … who": a sentence about the person sought
    ("Snowflake", False),     # "The Data team enables …": the team described, to no one
    ("Tableau", False),
    ("Docker", True),         # "you will deploy": the job
    ("Natural language processing", False),  # "…, our model has been trained": the employer's product
    ("Kubernetes", True),     # under a requirements heading, "We use" says what the job needs
    ("Python", False),        # "Our warehouse is built on …": the employer's stack is about text (LABELLING.md)
])
def test_sentences_about_the_employer_are_not_demand(skill, demand):
    ms = [m for m in extract_text(JOB_PROSE, kind="posting").mentions if m.label == skill]
    assert ms and all(m.demand is demand for m in ms), [(m.label, m.section) for m in ms]


def test_a_capitalised_list_item_shares_no_words_forwards():
    # "Computer Science, Engineering": the degree fields, not "computer engineering"
    ms = extract_text("Requirements:\n- Studies in Computer Science, Engineering or equivalent\n", kind="posting").mentions
    assert [m.text for m in ms if m.text == "Engineering" and m.skill_id == "se.computer-science"] == []


def test_what_is_worked_with_stays_when_it_is_no_team():
    ids = {m.skill_id for m in extract_text("Requirements:\n- Work closely with Python and SQL daily.\n- Partner with "
                                            "stakeholders to scope work.\n", kind="posting").mentions}
    assert {"lang.python", "data.sql", "soft.stakeholder-management"} <= ids


@pytest.mark.parametrize("line", ["**Title: Machine Learning (ML) Engineer (Vertex.AI, GCP)**",
                                  "**Department:** Data Science", "Job Title: LLM Engineer (AWS, Docker)"])
def test_metadata_lines_in_the_body_are_the_title_not_demand(line):
    text = "About the role\n\nWe build things.\n\n" + line + "\n\nRequirements:\n- Python\n"
    ms = extract_text(text, kind="posting").mentions
    meta = [m for m in ms if text.index(line) <= m.start < text.index(line) + len(line)]
    assert meta and all(m.section == "title" and not m.demand for m in meta)
    assert any(m.label == "Python" and m.demand for m in ms)


@pytest.mark.parametrize("text, present, absent", [
    ("Requirements:\n- 5+ years of experience as a Software Engineer working with AWS", {"se.software-engineering"},
     set()),
    ("Requirements:\n- Experience building systems as a Platform Engineer, ML DevOps Engineer, or Data Engineer",
     {"se.platform-engineering", "data.data-engineering"}, set()),
    # no role held: a job to be done, or the title being hired
    ("You will work as a Data Engineer in our platform team.", set(), {"data.data-engineering"}),
    ("We are hiring a Data Scientist as our first data hire.", set(), {"data.data-science"}),
])
def test_a_role_held_names_its_field(text, present, absent):
    ids = {m.skill_id for m in extract_text(text, kind="posting").mentions}
    assert present <= ids and not absent & ids, ids


def test_a_list_item_that_is_only_a_bold_label_heads_the_items_below_it():
    """Real postings nest headings in lists ("  *  **Essential Technical Skills:**" under a
    "Preferred experience" heading): the label decides the level of the items under it."""
    text = ("### Preferred experience\n\n  *  **Essential Technical Skills:**\n  * Experience with PyTorch\n\n"
            "  *  **Good-to-have technical skills:**\n  * Working knowledge of Kubernetes\n")
    levels = {m.text: m.requirement for m in extract_text(text, kind="posting").mentions}
    assert levels == {"PyTorch": "required", "Kubernetes": "preferred"}
