"""Each kind of personal data, and the traps that must not be redacted."""

from __future__ import annotations

import pytest

from skillradar.privacy import PLACEHOLDERS, redact, redact_if


def kinds(text, taxonomy=None):
    return [(i.type, i.original) for i in redact(text, taxonomy=taxonomy).items]


def redacted(text, taxonomy=None):
    return redact(text, taxonomy=taxonomy).text


@pytest.mark.parametrize("text,value", [
    ("Contact: jane.doe@example.com.", "jane.doe@example.com"),
    ("mail me at j_smith+cv@mail.co.uk", "j_smith+cv@mail.co.uk"),
    ("lucía.garcía@correo.es", "lucía.garcía@correo.es"),
    ("jane [at] example [dot] com", "jane [at] example [dot] com"),
])
def test_email(text, value):
    assert ("EMAIL", value) in kinds(text)
    assert "[EMAIL]" in redacted(text)


@pytest.mark.parametrize("value", [
    "(555) 123-4567", "555-123-4567", "+1 555 123 4567", "555.123.4567",
    "07700 900123", "+44 7700 900123", "+44 (0)20 7946 0958", "020 7946 0958",
    "+49 30 1234567", "030 1234567", "0171/1234567", "+49 (0)171 2345678",
    "06 12 34 56 78", "+33 6 12 34 56 78", "01.23.45.67.89",
    "+91 98765 43210", "98765 43210", "+91-80-12345678",
    "06-12345678", "+31 6 12345678", "0044 20 7946 0958",
])
def test_phone_formats(value):
    assert kinds(f"Reach me on {value} any time.") == [("PHONE", value)]


def test_labelled_short_phone():
    assert ("PHONE", "123 4567") in kinds("Tel: 123 4567")


@pytest.mark.parametrize("text", [
    "Python 3.11 and Python 3", "5+ years of experience", "2019–2023", "2019-2023", "2015 - 2019",
    "ISO 27001 certified", "ISO/IEC 42001:2023", "GPT-4 and GPT-3.5", "AWS S3 buckets", "version 1.2.3",
    "v2.10.4", "IP 192.168.100.100", "Jan 2019 - Mar 2023", "05/2019 - 03/2023", "3 years", "10+ years",
    "8x A100 GPUs", "Llama 3 70B", "$120,000 - $150,000", "€85.000", "top 1% on Kaggle", "Q3 2024",
    "1,000,000 requests per day", "a team of 12 engineers", "50 ms p99 latency", "trained on 4096 tokens",
    "CUDA 12.1", "Spark 3.5.0", "PyTorch 2.3", "RAG", "Go", "LangChain 0.2.5", "ISBN 978-3-16-148410-0",
    "Scored 98 in the final", "12.03.2024 release", "BLEU 34.5",
    # seen in real résumés (livecareer): a term and a plan name are no street
    "Spring 2016 - Bachelor of Science", "Updated the 5 Year CIP Plan Cross training with planners",
])
def test_false_positive_traps_untouched(text, taxonomy):
    assert redacted(text, taxonomy) == text, kinds(text, taxonomy)


def test_skills_never_replaced(taxonomy):
    text = "Jane Doe\nPyTorch, RAG, Go, Python 3, LangChain, Claude, Gemini, Mistral, Spark.\n"
    out = redacted(text, taxonomy)
    for word in ("PyTorch", "RAG", "Go", "Python 3", "LangChain", "Claude", "Gemini", "Mistral", "Spark"):
        assert word in out
    assert out.startswith("[NAME]\n")


@pytest.mark.parametrize("text,value", [
    ("https://www.linkedin.com/in/jane-doe-123/", "https://www.linkedin.com/in/jane-doe-123/"),
    ("see linkedin.com/in/janedoe.", "linkedin.com/in/janedoe"),
    ("github.com/jdoe42", "github.com/jdoe42"),
    ("(https://janedoe.dev/portfolio)", "https://janedoe.dev/portfolio"),
    ("www.janedoe.dev", "www.janedoe.dev"),
    ("huggingface.co/jdoe", "huggingface.co/jdoe"),
    ("janedoe.github.io/blog", "janedoe.github.io/blog"),
])
def test_urls(text, value):
    assert ("URL", value) in kinds(text)


@pytest.mark.parametrize("text,value", [
    ("Twitter: @jane_doe", "@jane_doe"),
    ("follow @jdoe.ai for updates", "@jdoe.ai"),
    ("GitHub: jdoe42", "jdoe42"),
    ("Kaggle: janedoe", "janedoe"),
])
def test_handles(text, value):
    assert ("HANDLE", value) in kinds(text)


def test_email_is_not_a_handle():
    assert kinds("jane@example.com") == [("EMAIL", "jane@example.com")]


@pytest.mark.parametrize("text,value", [
    ("123 Main Street, Springfield, IL 62704", "123 Main Street, Springfield, IL 62704"),
    ("1600 Amphitheatre Parkway, Mountain View, CA 94043", "1600 Amphitheatre Parkway, Mountain View, CA 94043"),
    ("Flat 3, 221B Baker Street, London NW1 6XE", "Flat 3, 221B Baker Street, London NW1 6XE"),
    ("Musterstraße 12, 10115 Berlin", "Musterstraße 12, 10115 Berlin"),
    ("Schillerstr. 5a, 80336 München", "Schillerstr. 5a, 80336 München"),
    ("12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris"),
    ("Keizersgracht 123, 1015 CJ Amsterdam", "Keizersgracht 123, 1015 CJ Amsterdam"),
    ("Flat 4B, 12, MG Road, Bengaluru 560001", "Flat 4B, 12, MG Road, Bengaluru 560001"),
    ("Calle de Alcalá 45, 28001 Madrid", "Calle de Alcalá 45, 28001 Madrid"),
    ("Via Roma 10, 20121 Milano", "Via Roma 10, 20121 Milano"),
])
def test_addresses(text, value):
    assert kinds(text) == [("ADDRESS", value)]


def test_address_label_line():
    assert kinds("Address: Hauptplatz 1, Graz\nSkills") == [("ADDRESS", "Hauptplatz 1, Graz")]


@pytest.mark.parametrize("text,value", [
    ("DOB: 12/03/1990", "12/03/1990"), ("Date of birth: 3 May 1990", "3 May 1990"),
    ("born on March 3, 1990", "March 3, 1990"), ("Born 1988 in Leeds", "1988"),
    ("Geburtsdatum: 03.05.1990", "03.05.1990"), ("Née le 3 mai 1990", "3 mai 1990"),
    ("D.O.B. 1990-05-03", "1990-05-03"), ("my date of birth is 25/12/1992", "25/12/1992"),
])
def test_date_of_birth(text, value):
    assert ("DATE_OF_BIRTH", value) in kinds(text)


def test_employment_dates_are_not_birth_dates():
    assert redacted("Acme Corp, 03/2019 – 05/2023. Started 1 May 2019.") == "Acme Corp, 03/2019 – 05/2023. Started 1 May 2019."


@pytest.mark.parametrize("text,value", [
    ("Age: 34", "34"), ("aged 41", "41"), ("I am 34 years old", "34 years old"), ("29 y/o", "29 y/o"),
    ("34-year-old engineer", "34-year-old"), ("Alter: 45 Jahre", "45 Jahre"),
])
def test_age(text, value):
    assert ("AGE", value) in kinds(text)


@pytest.mark.parametrize("text", [
    "5 years of experience", "10+ years in ML", "3 years old codebase", "over 15 years experience",
    "a 20-year career", "Age of Empires", "aged care sector", "stage 2",
])
def test_years_are_not_ages(text):
    assert not [k for k in kinds(text) if k[0] == "AGE"]


@pytest.mark.parametrize("text,value", [
    ("SSN: 123-45-6789", "123-45-6789"), ("NI number: QQ 12 34 56 C", "QQ 12 34 56 C"),
    ("NINO AB123456C", "AB123456C"), ("BSN: 123456782", "123456782"), ("Steuer-ID: 12345678901", "12345678901"),
    ("Aadhaar 2345 6789 0123", "2345 6789 0123"), ("PAN: ABCPE1234F", "ABCPE1234F"),
    ("DNI 12345678Z", "12345678Z"), ("Codice fiscale: RSSMRA85T10A562S", "RSSMRA85T10A562S"),
    ("Passport No. X1234567", "X1234567"), ("N° sécurité sociale 1 85 05 78 006 084 36", "1 85 05 78 006 084 36"),
])
def test_national_ids(text, value):
    assert ("NATIONAL_ID", value) in kinds(text)


def test_invalid_ssn_and_dni_are_left():
    assert not [k for k in kinds("ticket 000-12-3456") if k[0] == "NATIONAL_ID"]
    assert redacted("ref 12345678A") == "ref 12345678A"  # wrong check letter


@pytest.mark.parametrize("text,name", [
    ("Jane Doe\nML Engineer\n", "Jane Doe"),
    ("# Priya Ramanathan\n\nSummary", "Priya Ramanathan"),
    ("JANE DOE\nSENIOR DATA SCIENTIST", "JANE DOE"),
    ("CURRICULUM VITAE\n\nJean-Luc Picard-Dubois\n", "Jean-Luc Picard-Dubois"),
    ("Joost van den Berg | AI Engineer | Utrecht", "Joost van den Berg"),
    ("Dr. Aisha Okafor, PhD — Research Scientist", "Aisha Okafor"),
    ("Name: Marta Fernández\nPhone: 612 345 678", "Marta Fernández"),
    ("Thanks for reading.\n\nKind regards,\nTomasz Wiśniewski\n", "Tomasz Wiśniewski"),
    ("We spoke with Ms. Harriet Pemberton about it.", "Harriet Pemberton"),
    ("References\n- Callum Ashworth, University of Leeds\n", "Callum Ashworth"),
])
def test_names(text, name):
    assert ("NAME", name) in kinds(text)


def test_name_parts_redacted_elsewhere():
    out = redacted("Jane Doe\nML Engineer\n\nSummary\nJane built RAG systems. Doe & Partners.\n")
    assert "Jane" not in out and "Doe" not in out


@pytest.mark.parametrize("text", [
    "Machine Learning Engineer\nSummary", "Senior Data Scientist | Berlin", "Experience\nAcme Corp",
    "Generative AI Engineer", "Skills: Python, PyTorch",
])
def test_header_lines_that_are_not_names(text, taxonomy):
    assert not [k for k in kinds(text, taxonomy) if k[0] == "NAME"]


def test_a_flattened_resume_line_ends_the_header(taxonomy):
    """Real livecareer résumés are one page-long line; the certificate line under it is no header,
    and 'Certificate' must not spread as a name part to 'ESRI Certificate' elsewhere."""
    text = ("ENGINEERING TECHNICIAN Summary " + "An experienced CAD and GIS technician. " * 12
            + "\nGCC Certificate, Architectural CAD\nESRI Certificate, Cartographic Design\n")
    assert not [k for k in kinds(text, taxonomy) if k[0] == "NAME"]


def test_placeholders_and_offsets():
    text = "Jane Doe\njane@x.io, +44 7700 900123\n"
    red = redact(text)
    assert red.text == "[NAME]\n[EMAIL], [PHONE]\n"
    assert [i.to_dict() for i in red.items] == [
        {"type": "NAME", "start": 0, "end": 8}, {"type": "EMAIL", "start": 9, "end": 18},
        {"type": "PHONE", "start": 20, "end": 35}]
    assert red.counts() == {"NAME": 1, "EMAIL": 1, "PHONE": 1}
    assert set(PLACEHOLDERS.values()) >= {"[EMAIL]", "[PHONE]", "[URL]", "[ADDRESS]", "[NAME]", "[DATE_OF_BIRTH]",
                                          "[AGE]", "[NATIONAL_ID]", "[HANDLE]"}


def test_idempotent():
    once = redacted("Jane Doe\njane@x.io | 07700 900123 | 221B Baker Street, London NW1 6XE\nDOB: 1 May 1990")
    assert redacted(once) == once


def test_redact_if():
    assert redact_if("Jane Doe\njane@x.io", keep_pii=True) == "Jane Doe\njane@x.io"
    assert redact_if("Jane Doe\njane@x.io", keep_pii=False) == "[NAME]\n[EMAIL]"


def test_empty_and_protect_argument():
    assert redact("").text == ""
    assert redact("Call 07700 900123", protect=[(5, 10)]).text == "Call [PHONE]"  # hard types win
    assert redact("Jane Doe\n", protect=[(0, 4)]).text == "Jane [NAME]\n"  # soft types are cut around


def test_types_filter():
    text = "Jane Doe\njane@x.io +44 7700 900123 github.com/jdoe"
    assert redact(text, types={"EMAIL", "PHONE"}).text == "Jane Doe\n[EMAIL] [PHONE] github.com/jdoe"
    with pytest.raises(ValueError):
        redact(text, types={"SHOE_SIZE"})
