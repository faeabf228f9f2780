"""What the first redactor let through (issue 12), one case per format, and the look-alikes that
must stay: IBANs, passports, compact phone numbers, street names, header names, people named in the
body, places of birth."""

from __future__ import annotations

import pytest

from skillradar.privacy import PLACEHOLDERS, redact


def kinds(text, taxonomy=None):
    return [(i.type, i.original) for i in redact(text, taxonomy=taxonomy).items]


@pytest.mark.parametrize("text,value", [
    ("IBAN: DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"),
    ("iban de89 3704 0044 0532 0130 00", "de89 3704 0044 0532 0130 00"),
    ("Konto DE89370400440532013000 bei der Bank", "DE89370400440532013000"),
    ("FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 606"),
    ("rib: fr1420041010050500013m02606", "fr1420041010050500013m02606"),
    ("GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19"),
    ("paid into GB29NWBK60161331926819.", "GB29NWBK60161331926819"),
    ("ES91 2100 0418 4502 0005 1332", "ES91 2100 0418 4502 0005 1332"),
    ("IT60 X054 2811 1010 0000 0123 456", "IT60 X054 2811 1010 0000 0123 456"),
    ("NL91 ABNA 0417 1643 00", "NL91 ABNA 0417 1643 00"),
    ("nl91abna0417164300", "nl91abna0417164300"),
])
def test_ibans_are_tagged_iban(text, value):
    assert kinds(text) == [("IBAN", value)]
    assert PLACEHOLDERS["IBAN"] in redact(text).text


@pytest.mark.parametrize("text", [
    "ES2015 modules and TypeScript", "DE12 3456 7890 1234 5678 90 is not valid",  # wrong check digits
    "GB12ABCD, a part number", "order AB12 3456 shipped", "ISO27001 and SOC2 reports",
])
def test_iban_look_alikes_stay(text):
    assert not [k for k in kinds(text) if k[0] == "IBAN"]


@pytest.mark.parametrize("text,value", [
    ("Reisepass C01X00T47", "C01X00T47"), ("Reisepassnummer: C4J5K6L7M", "C4J5K6L7M"),
    ("Passeport n° 12AB34567", "12AB34567"), ("Passport number: 123456789", "123456789"),
    ("Pasaporte: PAA123456", "PAA123456"), ("Passaporto n. YA1234567", "YA1234567"),
    ("Paspoort: NXC3P7DK1", "NXC3P7DK1"), ("Passport No.: K1234567", "K1234567"),
    ("Pass-Nr. C01X00T47", "C01X00T47"),
])
def test_passports_in_several_languages(text, value):
    assert ("NATIONAL_ID", value) in kinds(text)


@pytest.mark.parametrize("text,value", [
    ("Call +91 9876543210 now", "+91 9876543210"), ("Call +919876543210 now", "+919876543210"),
    ("Tel +1 2125550123", "+1 2125550123"), ("Mobil: +49 15112345678", "+49 15112345678"),
    ("+447700900123", "+447700900123"),
])
def test_compact_international_phones(text, value):
    assert ("PHONE", value) in kinds(text)


@pytest.mark.parametrize("text,value", [
    ("Am Kupfergraben 6, 10117 Berlin", "Am Kupfergraben 6, 10117 Berlin"),
    ("Unter den Linden 77", "Unter den Linden 77"), ("An der Alster 12, 20099 Hamburg", "An der Alster 12, 20099 Hamburg"),
    ("Alt-Moabit 101", "Alt-Moabit 101"),
    ("Plaça de Catalunya 1, 08002 Barcelona", "Plaça de Catalunya 1, 08002 Barcelona"),
    ("Passeig de Gràcia 43", "Passeig de Gràcia 43"),
    ("Calle Mayor 5, 3º B, 28013 Madrid", "Calle Mayor 5, 3º B, 28013 Madrid"),
    ("Van Baerlestraat 12, 1071 AZ Amsterdam", "Van Baerlestraat 12, 1071 AZ Amsterdam"),
    ("12/3, 4th Cross, Indiranagar, Bengaluru 560038", "12/3, 4th Cross, Indiranagar, Bengaluru 560038"),
    ("P.O. Box 4521, Austin, TX 78701", "P.O. Box 4521, Austin, TX 78701"),
    ("Postfach 12 34 56, 80333 München", "Postfach 12 34 56, 80333 München"),
])
def test_more_street_formats(text, value):
    assert kinds(text) == [("ADDRESS", value)]


@pytest.mark.parametrize("text", [
    "Im Jahr 2019 habe ich das Team aufgebaut.", "Im Team 3 Jahre lang Spark-Jobs betreut.",
    "In der Summe 10 Modelle", "We used BP 2019 data", "Am 5. Mai 2020 gestartet",
    "Acme GmbH, 2016\n\nSKILLS\nPython", "MSc, Universität Wien, 2014\n\nSkills",
])
def test_street_look_alikes_stay(text, taxonomy):
    assert not [k for k in kinds(text, taxonomy) if k[0] == "ADDRESS"]


@pytest.mark.parametrize("text,names", [
    ("Doe, Jane\nML Engineer\n", ["Doe, Jane"]),
    ("MÜLLER, Anna Lena\nData Scientist\n", ["MÜLLER, Anna Lena"]),
    ("van den Berg, Joost\nAI Engineer\n", ["van den Berg, Joost"]),
    ("李小龙 (Bruce Lee)\nML Engineer\n", ["李小龙", "Bruce Lee"]),
    ("प्रिया शर्मा (Priya Sharma)\nData Scientist\n", ["प्रिया शर्मा", "Priya Sharma"]),
    ("Иван Петров\nML Engineer\n", ["Иван Петров"]),
    ("Chen Yuxuan (Ethan)\nSearch engineer\n", ["Chen Yuxuan", "Ethan"]),
])
def test_header_name_forms(text, names):
    found = [v for t, v in kinds(text) if t == "NAME"]
    for name in names:
        assert name in found, found


@pytest.mark.parametrize("text,name", [
    ("References: Dr. Maria Gómez, +34 612 345 678", "Maria Gómez"),
    ("References: Maria Gómez, +34 612 345 678; John Smith", "Maria Gómez"),
    ("In 2021 I reported to John Smith on the Go services.", "John Smith"),
    ("Managed by Anna Schmidt.", "Anna Schmidt"), ("Referenz: Thomas Becker, Teamleiter", "Thomas Becker"),
    ("supervised by Pieter de Jong", "Pieter de Jong"), ("Berichtete an Ulrike Hessler.", "Ulrike Hessler"),
    ("Stage sous la direction de Claire Vautrin.", "Claire Vautrin"),
    ("Tesi sotto la supervisione di Giovanni Bellandi.", "Giovanni Bellandi"),
    ("Line manager: Sunita Deshpande", "Sunita Deshpande"),
])
def test_people_named_in_the_body(text, name):
    assert ("NAME", name) in kinds(text)


@pytest.mark.parametrize("text", [
    "Worked with Apache Spark and Hugging Face Transformers.", "Reported to the CTO weekly.",
    "Engineering Manager at Acme", "References available on request.", "Manager Business Intelligence team",
    "Led by example; reported to leadership.",
])
def test_third_party_look_alikes_stay(text, taxonomy):
    assert not [k for k in kinds(text, taxonomy) if k[0] == "NAME"]


@pytest.mark.parametrize("text,place", [
    ("Place of birth: Munich", "Munich"), ("born in Lyon", "Lyon"), ("Born in Pune, India", "Pune, India"),
    ("Geburtsort: Frankfurt am Main", "Frankfurt am Main"), ("Lieu de naissance : Lyon", "Lyon"),
    ("née à Bordeaux", "Bordeaux"), ("Lugar de nacimiento: Sevilla", "Sevilla"), ("nato a Napoli", "Napoli"),
    ("Geboorteplaats: Utrecht", "Utrecht"), ("geboren te Groningen", "Groningen"), ("geboren in Köln", "Köln"),
])
def test_places_of_birth(text, place):
    assert ("PLACE_OF_BIRTH", place) in kinds(text)


@pytest.mark.parametrize("text", ["born in 1990", "NATO a key client", "a project born in lockdown"])
def test_birthplace_look_alikes(text):
    assert not [k for k in kinds(text) if k[0] == "PLACE_OF_BIRTH"]


def test_skills_stay_beside_every_new_type(taxonomy):
    text = ("Doe, Jane\nML Engineer\n\nReported to John Smith on PyTorch, Spark and Go services.\n"
            "IBAN DE89 3704 0044 0532 0130 00 · Reisepass C01X00T47 · born in Lyon · Am Kupfergraben 6, 10117 Berlin\n"
            "Skills: PyTorch, Spark, Go, Rust, LangChain, RAG\n")
    out = redact(text, taxonomy=taxonomy).text
    for word in ("PyTorch", "Spark", "Go", "Rust", "LangChain", "RAG"):
        assert out.count(word) == text.count(word), word
    for secret in ("Jane", "Doe", "John", "Smith", "DE89", "C01X00T47", "Lyon", "Kupfergraben"):
        assert secret not in out, secret
