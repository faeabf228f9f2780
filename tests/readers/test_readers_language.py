"""The unsupported_language notice: raised on clearly foreign text, never on English or skill lists."""

from __future__ import annotations

import pytest

from skillradar.readers import read_path, read_text
from skillradar.readers.language import language_notice

from ._support import DATA

SPANISH = (
    "Buscamos un ingeniero de datos con experiencia en la construcción de sistemas de aprendizaje "
    "automático. El candidato ideal tiene conocimientos de Python y SQL, trabajo en equipo y "
    "capacidad para comunicar resultados a personas no técnicas. Ofrecemos un contrato indefinido "
    "en una empresa en crecimiento con sede en Madrid y la posibilidad de trabajar desde casa."
)
GERMAN = (
    "Wir suchen einen Data Scientist mit mehrjährige Erfahrung in der Entwicklung von Modellen für "
    "die Verarbeitung natürlicher Sprache. Du hast sehr gute Kenntnisse in Python und SQL und "
    "arbeitest gerne im Team mit den Kollegen aus dem Produktmanagement. Die Stelle ist unbefristet "
    "und bietet flexible Arbeitszeiten sowie ein modernes Büro in München."
)
RUSSIAN = (
    "Мы ищем инженера по машинному обучению с опытом работы с Python и SQL. Кандидат должен уметь "
    "обучать большие языковые модели, оценивать их качество и объяснять результаты коллегам."
)
SKILL_LIST = ", ".join(
    "Python PyTorch TensorFlow SQL NoSQL Docker Kubernetes Airflow Spark Pandas NumPy Dask "
    "scikit-learn LangChain LlamaIndex RAG LLMs GANs VAEs Transformers BERT GPT AWS GCP Azure Git "
    "MLOps MLflow Terraform FastAPI Jupyter Tableau".split()
)


@pytest.mark.parametrize("text", [SPANISH, GERMAN, RUSSIAN])
def test_foreign_text_gets_a_notice(text):
    doc = read_text(text)
    assert [n.code for n in doc.notices] == ["unsupported_language"]
    assert doc.text == text  # the text is still returned in full


def test_notice_names_the_language():
    assert "Spanish" in language_notice(SPANISH).message
    assert "German" in language_notice(GERMAN).message


@pytest.mark.parametrize(
    "text",
    [
        SKILL_LIST,
        "Skills: Python, SQL",
        "Python developer. " * 3,
        "Desarrollador de software en Madrid",  # short foreign text: too little to judge
        "Experience: Acme GmbH (Berlin), Banco de la Nación, Société Générale. " * 5,
    ],
)
def test_no_false_alarm(text):
    assert language_notice(text) is None


@pytest.mark.parametrize("name", ["posting.txt", "posting.md", "posting.html", "resume_two_column.pdf", "resume.docx"])
def test_english_fixtures_have_no_notice(name):
    assert "unsupported_language" not in [n.code for n in read_path(DATA / name).notices]
