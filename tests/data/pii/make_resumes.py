"""Write synthetic résumés with planted personal data, and the ground truth of what was planted.

    python tests/data/pii/make_resumes.py      # rewrites resumes/*.txt and truth.json beside it

Every person, number and address here is invented (phone numbers use the ranges reserved for
drama/fiction where countries have them: UK 07700 900xxx, US 555-01xx; SSNs and NI numbers use
invalid or specimen prefixes). Deterministic: the same seed gives the same files.

Ground truth (truth.json): ``{file: [{"type": T, "value": V}, ...]}``; a test checks that no V
survives redaction, and that the skill mentions are the same before and after.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "resumes"
SEED = 20240611

FIRST = {
    "US": ["Emily", "Marcus", "Tanya", "Derek", "Olivia", "Jerome", "Rachel", "Kevin"],
    "UK": ["Harriet", "Oliver", "Siobhan", "Callum", "Imogen", "Rhys", "Eleanor", "Alistair"],
    "DE": ["Lena", "Jonas", "Katharina", "Felix", "Annika", "Matthias", "Sabine", "Torsten"],
    "FR": ["Camille", "Julien", "Élodie", "Mathieu", "Sandrine", "Théo", "Aurélie", "Benoît"],
    "NL": ["Sanne", "Daan", "Femke", "Joost", "Lotte", "Bram", "Maaike", "Sjoerd"],
    "IN": ["Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Meera", "Siddharth"],
    "ES": ["Lucía", "Alejandro", "Carmen", "Javier", "Marta", "Sergio"],
    "IT": ["Giulia", "Lorenzo", "Chiara", "Matteo", "Francesca", "Davide"],
}
LAST = {
    "US": ["Whitfield", "Okonkwo", "Delgado", "Brennan", "Kowalczyk", "Hargrove", "Lindqvist", "Castellano"],
    "UK": ["Pemberton", "Ashworth", "McAllister", "Thistlewood", "Fairbairn", "Dunmore", "Blackwood", "Carrington"],
    "DE": ["Schäfer", "Hoffmann", "Brandstetter", "Kühnel", "Wegener", "Lindemann", "Vogelsang", "Reinholz"],
    "FR": ["Dubois", "Lefebvre", "Moreau", "Garnier", "Rousseau", "Chevalier", "Fontaine", "Marchand"],
    "NL": ["de Vries", "van Dijk", "Bakker", "Visser", "van den Berg", "Jansen", "Smit", "Mulder"],
    "IN": ["Sharma", "Iyer", "Reddy", "Chatterjee", "Nair", "Kulkarni", "Banerjee", "Menon"],
    "ES": ["García", "Fernández", "Moreno", "Navarro", "Romero", "Torres"],
    "IT": ["Rossi", "Bianchi", "Ferraro", "Colombo", "Ricci", "Marino"],
}
TITLES = ["Machine Learning Engineer", "Senior AI Engineer", "Data Scientist", "LLM Engineer", "Applied Scientist",
          "NLP Engineer", "AI Solutions Architect"]
DOMAINS = ["gmail.com", "outlook.com", "proton.me", "yahoo.co.uk", "web.de", "orange.fr", "hotmail.com", "mail.example.org"]

SKILL_LINES = [
    "Built RAG pipelines with LangChain and PyTorch on AWS S3; 5+ years of experience in Python 3.11.",
    "Fine-tuned Llama 3 with LoRA and evaluated GPT-4 outputs (2019–2023 at a fintech).",
    "Prompt engineering, function calling and structured outputs for customer-support agents.",
    "Deployed models with Docker and Kubernetes; ISO 27001 controls; version 2.3.1 of our SDK.",
    "Services written in Go and Python, data pipelines in Spark and SQL.",
    "Semantic search with embeddings and a vector database; re-ranking with cross-encoders.",
    "Led a team of 6 engineers for 3 years; Jan 2019 - Mar 2023 at Northwind Analytics.",
    "Hugging Face Transformers, PEFT and QLoRA on 8x A100; 10+ years in software, 4 years with NLP.",
]


def rng_choice(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


def person(rng, country):
    first = rng_choice(rng, FIRST[country])
    last = rng_choice(rng, LAST[country])
    return first, last


def _slug(s: str) -> str:
    table = str.maketrans("éèêëàâäôöûüçíóúñ", "eeeeaaaoouucioun")
    return s.lower().translate(table).replace(" ", "").replace("'", "")


def phone(rng, country):
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    options = {
        "US": [f"(555) {d(3)}-01{d(2)}", f"+1 555-{d(3)}-01{d(2)}", f"555.{d(3)}.01{d(2)}"],
        "UK": [f"07700 900{d(3)}", f"+44 7700 900{d(3)}", f"+44 (0)20 7946 0{d(3)}", f"020 7946 0{d(3)}"],
        "DE": [f"+49 30 {d(7)}", f"030 {d(7)}", f"+49 (0)171 {d(7)}", f"0171/{d(7)}"],
        "FR": [f"06 {d(2)} {d(2)} {d(2)} {d(2)}", f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}", f"01.{d(2)}.{d(2)}.{d(2)}.{d(2)}"],
        "NL": [f"06-{d(8)}", f"+31 6 {d(8)}", f"020 {d(3)} {d(4)}"],
        "IN": [f"+91 98{d(3)} {d(5)}", f"98{d(3)} {d(5)}", f"+91-80-{d(8)}"],
        "ES": [f"+34 612 {d(3)} {d(3)}", f"612 {d(3)} {d(3)}"],
        "IT": [f"+39 347 {d(3)} {d(4)}", f"+39 02 {d(4)} {d(4)}"],
    }
    return rng_choice(rng, options[country])


def address(rng, country):
    """(full text, [parts that must not survive])."""
    n = rng.randrange(2, 400)
    if country == "US":
        street = f"{n} {rng_choice(rng, ['Maple', 'Cedar', 'Lakeview', 'Hawthorne'])} {rng_choice(rng, ['Street', 'Avenue', 'Drive', 'Lane', 'Blvd'])}"
        city = f"{rng_choice(rng, ['Springfield', 'Austin', 'Madison', 'Portland'])}, {rng_choice(rng, ['IL', 'TX', 'WI', 'OR'])} {rng.randrange(10000, 99999)}"
        return f"{street}, {city}", [street, city.split()[-1]]
    if country == "UK":
        street = f"{n} {rng_choice(rng, ['Kingsway', 'Albion', 'Chapel', 'Victoria'])} {rng_choice(rng, ['Road', 'Street', 'Close', 'Crescent'])}"
        pc = rng_choice(rng, ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "LS1 4AP", "EH1 1YZ"])
        return f"Flat {rng.randrange(1, 20)}, {street}, {rng_choice(rng, ['London', 'Manchester', 'Leeds'])} {pc}", [street, pc]
    if country == "DE":
        street = f"{rng_choice(rng, ['Lindenstraße', 'Gartenweg', 'Schillerstr.', 'Bahnhofstraße', 'Am Markt'.replace('Am Markt', 'Rosenallee')])} {n}"
        pc = f"{rng.randrange(10000, 99999)} {rng_choice(rng, ['Berlin', 'München', 'Köln', 'Hamburg'])}"
        return f"{street}, {pc}", [street, pc.split()[0]]
    if country == "FR":
        street = f"{n} {rng_choice(rng, ['rue de la Paix', 'avenue Victor Hugo', 'boulevard Voltaire', 'rue des Lilas'])}"
        pc = f"{rng.randrange(10, 95)}{rng.randrange(100, 999)} {rng_choice(rng, ['Paris', 'Lyon', 'Marseille', 'Nantes'])}"
        return f"{street}, {pc}", [street, pc.split()[0]]
    if country == "NL":
        street = f"{rng_choice(rng, ['Keizersgracht', 'Prinsengracht', 'Stationsstraat', 'Lindenlaan'])} {n}"
        pc = f"{rng.randrange(1000, 9999)} {rng_choice(rng, ['AB', 'CJ', 'KL', 'MN'])}"
        return f"{street}, {pc} {rng_choice(rng, ['Amsterdam', 'Utrecht', 'Rotterdam'])}", [street, pc]
    if country == "IN":
        street = f"{n}, {rng_choice(rng, ['MG', 'Residency', 'Brigade', 'Linking'])} Road"
        pin = f"{rng.randrange(110, 860)}{rng.randrange(100, 999)}"
        return f"Flat 4B, {street}, {rng_choice(rng, ['Bengaluru', 'Mumbai', 'Pune'])} {pin}", [street, pin]
    if country == "ES":
        street = f"{rng_choice(rng, ['Calle', 'Avenida'])} de {rng_choice(rng, ['Alcalá', 'Serrano'])} {n}"
        return f"{street}, 28001 Madrid", [street, "28001"]
    street = f"Via {rng_choice(rng, ['Roma', 'Garibaldi', 'Mazzini'])} {n}"
    return f"{street}, 20121 Milano", [street, "20121"]


def national_id(rng, country):
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    if country == "US":
        return "SSN", f"{rng.randrange(100, 665)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}"
    if country == "UK":
        return "NI number", f"Q{rng_choice(rng, 'QRSTW')} {d(2)} {d(2)} {d(2)} {rng_choice(rng, 'ABCD')}"
    if country == "DE":
        return "Steuer-ID", f"{rng.randrange(1, 9)}{d(10)}"
    if country == "FR":
        return "Numéro de sécurité sociale", f"{rng.randrange(1, 3)} {d(2)} {rng.randrange(1, 12):02d} {rng.randrange(10, 95)} {d(3)} {d(3)} {d(2)}"
    if country == "NL":
        return "BSN", d(9)
    if country == "IN":
        return "Aadhaar", f"{rng.randrange(2, 9)}{d(3)} {d(4)} {d(4)}"
    if country == "ES":
        num = rng.randrange(10_000_000, 99_999_999)
        return "DNI", f"{num}{'TRWAGMYFPDXBNJZSQVHLCKE'[num % 23]}"
    return "Codice fiscale", f"{rng_choice(rng, ['RSS', 'BNC', 'FRR'])}{rng_choice(rng, ['MRA', 'GLI', 'LRN'])}{d(2)}A{rng.randrange(10, 31)}F{d(3)}X"


def dob(rng):
    y, m, d = rng.randrange(1965, 2001), rng.randrange(1, 13), rng.randrange(1, 29)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    forms = [f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y}", f"{d} {months[m - 1]} {y}", f"{months[m - 1]} {d}, {y}", f"{y}-{m:02d}-{d:02d}"]
    return rng_choice(rng, forms)


def body(rng, k=4):
    lines = rng.sample(SKILL_LINES, k)
    return "\n".join(f"- {line}" for line in lines)


def make(i: int, rng: random.Random):
    country = list(FIRST)[i % len(FIRST)]
    layout = i % 7
    first, last = person(rng, country)
    full = f"{first} {last}"
    email = f"{_slug(first)}.{_slug(last)}{rng.randrange(1, 99)}@{rng_choice(rng, DOMAINS)}"
    ph = phone(rng, country)
    addr, addr_parts = address(rng, country)
    id_label, id_value = national_id(rng, country)
    birth = dob(rng)
    age = str(rng.randrange(24, 60))
    handle = f"{_slug(first)}_{_slug(last)[:4]}{rng.randrange(10, 99)}"
    linkedin = f"https://www.linkedin.com/in/{_slug(first)}-{_slug(last)}-{rng.randrange(100, 999)}"
    github = f"github.com/{handle}"
    title = rng_choice(rng, TITLES)
    truth = [("NAME", full), ("EMAIL", email), ("PHONE", ph), ("NATIONAL_ID", id_value), ("DATE_OF_BIRTH", birth)]
    truth += [("ADDRESS", p) for p in addr_parts]
    addr_line = f"Address: {addr}" if layout in (2, 5) else addr
    if layout == 0:  # classic header, pipes
        text = (f"{full}\n{title}\n{email} | {ph} | {linkedin}\n{addr_line}\n\n"
                f"Personal details\nDate of birth: {birth}\n{id_label}: {id_value}\n\n"
                f"Experience\n{body(rng)}\n\nEducation\nMSc Computer Science, 2016\n")
        truth += [("URL", linkedin)]
    elif layout == 1:  # markdown
        text = (f"# {full}\n\n**{title}** · {addr_line}\n\n- Email: {email}\n- Phone: {ph}\n- GitHub: {github}\n"
                f"- Twitter: @{handle}\n\n## Summary\n{first} is a {age} years old engineer.\n\n## Experience\n{body(rng)}\n\n"
                f"## Personal\nDOB: {birth}\n{id_label}: {id_value}\n")
        truth += [("URL", github), ("HANDLE", "@" + handle), ("AGE", f"{age} years old")]
    elif layout == 2:  # labelled fields (continental CV)
        text = (f"CURRICULUM VITAE\n\nName: {full}\n{addr_line}\nTelephone: {ph}\nE-mail: {email}\n"
                f"Date of birth: {birth}\nAge: {age}\n{id_label}: {id_value}\n\nProfessional experience\n{body(rng)}\n")
        truth += [("AGE", f"Age: {age}")]
    elif layout == 3:  # all-caps name, contact block in a column
        text = (f"{full.upper()}\n{title.upper()}\n\nContact\n{ph}\n{email}\n{addr}\nlinkedin.com/in/{handle}\n\n"
                f"Skills\n{body(rng, 3)}\n\nPersonal\nBorn on {birth}. {id_label}: {id_value}\n")
        truth += [("URL", f"linkedin.com/in/{handle}"), ("NAME", full.upper())]
    elif layout == 4:  # cover letter with signature
        text = (f"Dear Hiring Manager,\n\nI am applying for the {title} role. {body(rng, 2)}\n\n"
                f"You can reach me on {ph} or at {email}. My {id_label} is {id_value} and my date of birth is {birth}.\n"
                f"I live at {addr}.\n\nKind regards,\n{full}\n")
    elif layout == 5:  # honorific + degree, tabs
        referee = f"{rng_choice(rng, FIRST['UK'])} {rng_choice(rng, LAST['UK'])}"
        text = (f"Dr. {full}, PhD\t{title}\n{addr_line}\nMobile: {ph}\tEmail: {email}\tWeb: www.{_slug(last)}.dev\n\n"
                f"Summary\nResearcher, {age} y/o. DOB {birth}. {id_label}: {id_value}.\n\nPublications and experience\n"
                f"{body(rng)}\n\nReferences\nProf. {referee}, University of Leeds\n")
        truth += [("URL", f"www.{_slug(last)}.dev"), ("AGE", f"{age} y/o"), ("NAME", referee)]
    else:  # name with title on one line, compact contact line
        text = (f"{full} — {title}\n{ph} · {email} · {addr}\n\nProfile\n{first} has built LLM products; age {age}.\n\n"
                f"Experience\n{body(rng)}\n\nDate of Birth: {birth} | {id_label}: {id_value}\n\nThanks,\n{first}\n")
        truth += [("AGE", f"age {age}")]
    return f"{i:02d}_{country.lower()}_layout{layout}.txt", text, truth


# ------------------------------------------------------------------------------------------------
# Hard cases (issue 12): what survived the first redactor, in each country's own formats. A separate
# random stream, so the 60 résumés above stay as they were.

HARD_SEED = 20261203
HARD_COUNTRIES = ["US", "UK", "DE", "FR", "NL", "IN", "ES", "IT"]
IBAN_COUNTRY = {"UK": "GB", "DE": "DE", "FR": "FR", "NL": "NL", "ES": "ES", "IT": "IT"}
# Names written in their own script, with the Latin form the person also uses (all invented).
NON_LATIN = [("王伟", "Wei Wang"), ("Иван Петров", "Ivan Petrov"), ("प्रिया शर्मा", "Priya Sharma"),
             ("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos"), ("محمد العلي", "Mohamed Alali"),
             ("김민준", "Minjun Kim"), ("田中花子", "Hanako Tanaka"), ("Олена Коваль", "Olena Koval")]
PASSPORT = {"US": "Passport No.", "UK": "Passport number", "DE": "Reisepass", "FR": "Passeport n°",
            "NL": "Paspoort", "IN": "Passport No.", "ES": "Pasaporte", "IT": "Passaporto n."}
BIRTHPLACE = {"US": ("Place of birth: ", ["Denver", "Boston", "Tucson"]),
              "UK": ("born in ", ["Manchester", "Bristol", "Leeds"]),
              "DE": ("Geburtsort: ", ["Hamburg", "Frankfurt am Main", "Leipzig"]),
              "FR": ("née à ", ["Lyon", "Bordeaux", "Lille"]),
              "NL": ("Geboorteplaats: ", ["Utrecht", "Groningen", "Eindhoven"]),
              "IN": ("born in ", ["Pune", "Chennai", "Lucknow"]),
              "ES": ("Lugar de nacimiento: ", ["Sevilla", "Valencia", "Bilbao"]),
              "IT": ("nata a ", ["Napoli", "Torino", "Bologna"])}
THIRD_PARTY = {"US": ("Reported to {n} on the Go and Spark platform team.", ["John Whitaker", "Linda Harlow"]),
               "UK": ("References: Dr. {n}, +44 7700 900{d3}", ["Fiona Marchbanks", "Gareth Pennington"]),
               "DE": ("Berichtete an {n} (Teamleitung ML-Plattform).", ["Thomas Brückner", "Ulrike Hessler"]),
               "FR": ("Stage sous la direction de {n}, avec PyTorch.", ["Claire Vautrin", "Olivier Bonnefoy"]),
               "NL": ("Werkte onder leiding van {n} aan Spark-pijplijnen.", ["Pieter de Groot", "Anouk Verhoeven"]),
               "IN": ("reporting to {n}; references on request.", ["Rajesh Kulkarni", "Sunita Deshpande"]),
               "ES": ("References: Dr. {n}, +34 612 {d3} {d3b}", ["Maria Gómez", "Andrés Quintero"]),
               "IT": ("Tesi sotto la supervisione di {n}.", ["Giovanni Bellandi", "Serena Costantini"])}


def _iban(rng, cc: str) -> str:
    """A made-up IBAN of country ``cc`` with correct check digits (ISO 13616 mod 97)."""
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    letters = lambda n: "".join(rng_choice(rng, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))  # noqa: E731
    bban = {"DE": d(18), "GB": letters(4) + d(14), "FR": d(23), "NL": letters(4) + d(10), "ES": d(20),
            "IT": letters(1) + d(22)}[cc]
    number = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
    return f"{cc}{98 - number % 97:02d}{bban}"


def _grouped(iban: str) -> str:
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def _passport_number(rng, country: str) -> str:
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    alnum = lambda n: "".join(rng_choice(rng, "CFGHJKLMNPRTVWXYZ0123456789") for _ in range(n))  # noqa: E731
    if country in ("US", "UK"):
        return d(9)
    if country == "DE":
        return "C" + d(2) + alnum(6)
    if country == "FR":
        return d(2) + rng_choice(rng, ["AB", "CK", "FR"]) + d(5)
    if country == "NL":
        return "N" + rng_choice(rng, ["XC", "PR", "WT"]) + d(1) + alnum(3) + d(2)
    if country == "IN":
        return rng_choice(rng, "JKLMNPRSTUVWZ") + d(7)
    if country == "ES":
        return rng_choice(rng, ["PAA", "XDA", "AAB"]) + d(6)
    return rng_choice(rng, ["YA", "YB", "AA"]) + d(7)


def _hard_address(rng, country: str, k: int) -> tuple[str, list[str]]:
    """Street formats the first redactor missed (or joined badly), per country."""
    n = rng.randrange(2, 160)
    forms = {
        "US": [(f"P.O. Box {rng.randrange(100, 9999)}, Austin, TX 78701", None),
               (f"{n} Fifth Avenue, Apt {rng.randrange(2, 30)}B, New York, NY 10118", None),
               (f"{n} Pennsylvania Avenue NW, Washington, DC 20500", None)],
        "UK": [(f"Apartment {rng.randrange(1, 9)}, {n} Mill Lane, Leeds LS1 4AP", None),
               (f"{n}B Baker Street, London NW1 6XE", None),
               (f"Flat {rng.randrange(1, 9)}, {n} Kings Road, London SW3 4RP", None)],
        "DE": [(f"Am Kupfergraben {n}, 10117 Berlin", None), (f"Unter den Linden {n}, 10117 Berlin", None),
               (f"An der Alster {n}, 20099 Hamburg", None)],
        "FR": [(f"{n} bis, allée des Tilleuls, 44000 Nantes", None), (f"{n} place du Marché, 69001 Lyon", None),
               (f"Boîte postale {rng.randrange(10, 99)}, 75001 Paris", None)],
        "NL": [(f"Van Baerlestraat {n}, 1071 AZ Amsterdam", None), (f"Prins Hendrikkade {n}, 1012 TL Amsterdam", None),
               (f"Postbus {rng.randrange(100, 9999)}, 3500 AA Utrecht", None)],
        "IN": [(f"{n}/3, 4th Cross, Indiranagar, Bengaluru 560038", None),
               (f"#{n}, 2nd Main, Jayanagar, Bengaluru 560041", None),
               (f"{n}, 5th Cross, Malleshwaram, Bengaluru 560003", None)],
        "ES": [(f"Plaça de Catalunya {n}, 08002 Barcelona", None), (f"Passeig de Gràcia {n}, 08007 Barcelona", None),
               (f"Calle Mayor {n}, 3º B, 28013 Madrid", None)],
        "IT": [(f"Corso Vittorio Emanuele II {n}, 10121 Torino", None), (f"Piazza del Duomo {n}, 20122 Milano", None),
               (f"Via dei Mille {n}, 80121 Napoli", None)],
    }
    text, _ = forms[country][k]
    return text, [text]  # the whole address, and hence every part of it, must go


def make_hard(i: int, k: int, country: str, rng: random.Random):
    first, last = person(rng, country)
    full = f"{first} {last}"
    title = rng_choice(rng, TITLES)
    truth: list[tuple[str, str]] = []
    if k == 0:  # "Surname, Given"
        head = f"{last}, {first}"
        truth.append(("NAME", full))
    elif k == 1:  # own script, Latin form in brackets
        native, latin = NON_LATIN[(i + HARD_COUNTRIES.index(country)) % len(NON_LATIN)]
        first, last = latin.split()
        head = f"{native} ({latin})"
        truth += [("NAME", native), ("NAME", latin)]
    else:  # "SURNAME, Given" after a markdown heading mark
        head = f"# {last.upper()}, {first}"
        truth += [("NAME", full), ("NAME", last.upper())]
    email = f"{_slug(first)}.{_slug(last)}{rng.randrange(1, 99)}@{rng_choice(rng, DOMAINS)}"
    truth.append(("EMAIL", email))
    d = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
    ph = {"US": f"+1 212555{rng.randrange(100, 199):04d}", "IN": f"+91 98{d(8)}", "UK": f"+447700900{d(3)}"}.get(
        country) or phone(rng, country)
    truth.append(("PHONE", ph))
    addr, addr_parts = _hard_address(rng, country, k)
    truth += [("ADDRESS", p) for p in addr_parts]
    passport = _passport_number(rng, country)
    truth.append(("NATIONAL_ID", passport))
    label, places = BIRTHPLACE[country]
    place = rng_choice(rng, places)
    truth.append(("PLACE_OF_BIRTH", place))
    pattern, people = THIRD_PARTY[country]
    other = rng_choice(rng, people)
    truth.append(("NAME", other))
    third = pattern.format(n=other, d3=d(3), d3b=d(3))
    lines = [head, title, f"{email} · {ph}", addr, "", "Experience", body(rng, 3), third, ""]
    if country in IBAN_COUNTRY:
        iban = _iban(rng, IBAN_COUNTRY[country])
        written = [_grouped(iban), _grouped(iban).lower(), iban][k]
        truth.append(("IBAN", written))
        lines += ["Personal details", f"{['IBAN: ', 'iban ', 'Salary account '][k]}{written}"]
    else:
        lines += ["Personal details"]
    lines += [f"{PASSPORT[country]} {passport}", f"{label}{place}", "", "Skills",
              "PyTorch, Spark, Go, Rust, LangChain, RAG and SQL.", ""]
    return f"{i:02d}_{country.lower()}_hard{k}.txt", "\n".join(lines), truth


def main(n: int = 60) -> None:
    rng = random.Random(SEED)
    OUT.mkdir(exist_ok=True)
    truth_all = {}
    for i in range(n):
        name, text, truth = make(i, rng)
        (OUT / name).write_text(text, encoding="utf-8")
        truth_all[name] = [{"type": t, "value": v} for t, v in truth]
    hard = random.Random(HARD_SEED)
    i = n
    for k in range(3):
        for country in HARD_COUNTRIES:
            name, text, truth = make_hard(i, k, country, hard)
            (OUT / name).write_text(text, encoding="utf-8")
            truth_all[name] = [{"type": t, "value": v} for t, v in truth]
            i += 1
    (HERE / "truth.json").write_text(json.dumps(truth_all, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(truth_all)} résumés to {OUT}")


if __name__ == "__main__":
    main()
