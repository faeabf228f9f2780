"""The regular expressions and word lists behind redaction, by type of personal data.

Kept apart from the logic in :mod:`skillradar.privacy.redact` so the catalogue of formats (phones of
eight countries, national ids, street layouts …) can be read and extended on its own.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------------------------- email

_EMAIL = re.compile(
    r"(?<![\w.+-])[^\W_](?:[\w.%+-]{0,62}[\w%+-])?@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+"
    r"[^\W\d_]{2,24}(?![\w-])"
)
_EMAIL_OBFUSCATED = re.compile(
    r"(?<![\w.])[A-Za-z0-9][A-Za-z0-9._-]{0,62}\s*[\[(<{]\s*(?i:at)\s*[\])>}]\s*[A-Za-z0-9-]+"
    r"(?:\s*[\[(<{]\s*(?i:dot)\s*[\])>}]\s*[A-Za-z0-9-]+)+"
)

# ----------------------------------------------------------------------------------------------- url

_URL_CHARS = r"[^\s<>\"'`\[\]{}|\\^]"
_URL_SCHEME = re.compile(r"(?i:\b(?:https?|ftp)://)" + _URL_CHARS + "+")
_URL_WWW = re.compile(r"(?<![\w./@-])(?i:www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+" + f"(?:/{_URL_CHARS}*)?")
_PROFILE_HOSTS = (
    r"linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|twitter\.com|x\.com|huggingface\.co|kaggle\.com|"
    r"medium\.com|stackoverflow\.com|behance\.net|dribbble\.com|scholar\.google\.com|orcid\.org|"
    r"researchgate\.net|facebook\.com|instagram\.com|youtube\.com|substack\.com|xing\.com|github\.io|"
    r"about\.me|linktr\.ee|mastodon\.social|bsky\.app|t\.me"
)
_URL_PROFILE = re.compile(r"(?<![\w./@-])(?:[A-Za-z0-9-]+\.)*(?i:" + _PROFILE_HOSTS + r")(?:/" + _URL_CHARS + r"*)?")
_TLDS = (r"com|org|net|io|dev|me|ai|co|uk|de|fr|nl|in|es|it|eu|app|tech|info|xyz|page|site|ch|at|be|se|no|dk|"
         r"fi|pl|pt|ie|ca|us|au|nz|sg|jp|cn|br|mx|blog|online|cloud|codes|work|pro|name|website|space")
_URL_BARE = re.compile(
    r"(?<![\w./@-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:" + _TLDS + r")(?:/" + _URL_CHARS + r"*)?(?![\w@-])"
)
_URL_TRAIL = ".,;:!?)'\"»”’*_"

# -------------------------------------------------------------------------------------------- handle

_HANDLE_AT = re.compile(r"(?<![\w.@/+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?(?![\w@])")
_HANDLE_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s|·•,;(]))(?:(?i:github|gitlab|linkedin|twitter|mastodon|kaggle|hugging\s?face|medium|"
    r"stack\s?overflow|telegram|skype|discord|instagram|bluesky|threads|leetcode|hackerrank)|X)"
    r"(?:\s*(?i:handle|username|user|profile|id))?\s*[:：]\s*(@?[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?)"
    r"(?![\w/@.])",
    re.M,
)

# ------------------------------------------------------------------------------------------- phone

_PHONE_LABEL = re.compile(
    r"(?<![\w])(?i:phone|telephone|tel|t[ée]l[ée]phone|mobile|mobil|mob|cell|cellphone|handy|telefon|telefoon|"
    r"portable|gsm|whatsapp|contact\s+(?:no|number)|ph|fax|[tmpc])\.?(?:\s*(?:no\.?|number|nr\.?|#))?\s*[:：.]?\s*"
    r"(?:\([^)\n]{0,12}\)\s*)?$|[☎📞📱✆]\s*$"
)
_PHONE = re.compile(
    r"(?<![\w+@#/.,-])"
    r"(?:\+\d{8,15}(?!\d)|(?:\+|00)\s?\d{1,4}|\(\+?\d{1,5}\)|\d{1,6})"
    r"(?:(?:[ \t]?[-./][ \t]?|[ \t])(?:\(\d{1,5}\)[ \t]?)?\d{1,11}|[ \t]?\(\d{1,5}\)[ \t]?\d{1,8}){0,7}+"
    r"(?![\w@]|[.,-]\d)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}[./-](?:19|20)\d\d")

# ------------------------------------------------------------------------------------- national ids

_SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
_NINO = re.compile(
    r"(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?!\w)"
)
_NIR = re.compile(
    r"(?<![\w+])[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2A|2B)[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\w])"
)
_AADHAAR = re.compile(r"(?<![\w+-])[2-9]\d{3}[ -]\d{4}[ -]\d{4}(?![\w-]|[ -]\d)")
_PAN = re.compile(r"(?<!\w)[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?!\w)")
_DNI = re.compile(r"(?<!\w)(\d{8})-?([A-Z])(?!\w)")
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_CODICE_FISCALE = re.compile(r"(?<!\w)[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?!\w)")
_ID_LABEL = re.compile(
    r"(?<![\w])(?=[SsNnBbAaPpTtDdIiCcFfMmVvRrHh])(?:(?i:social\s+security(?:\s+(?:number|no\.?|#))?|national\s+insurance(?:\s+(?:number|no\.?))?|"
    r"burgerservicenummer|aadhaar(?:\s+(?:number|no\.?))?|steuer-?id(?:entifikationsnummer)?|"
    r"steueridentifikationsnummer|tax\s+(?:id|number|code)|passport(?:\s+(?:number|no\.?|#))?|"
    r"national\s+id(?:entity)?(?:\s+(?:card\s+)?(?:number|no\.?))?|id\s+card(?:\s+(?:number|no\.?))?|"
    r"identity\s+card(?:\s+(?:number|no\.?))?|personnummer|personalausweis(?:nummer)?|"
    r"num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|codice\s+fiscale|driver'?s\s+licen[cs]e(?:\s+(?:number|no\.?))?)|"
    r"SSN|SIN|NINO|NI\s+(?:number|no\.?|Number|No\.?)|BSN|PAN|TIN|DNI|NIE|NIR|PESEL|ID\s+(?:number|no\.?|Number|No\.?))"
    r"\s*(?:[:#：.]|(?:is|was)\b)?\s*"
)
_ID_VALUE = re.compile(r"[A-Z0-9](?:[A-Z0-9]|[ ./-](?=[A-Z0-9])){4,24}")
_PASSPORT_LABEL = re.compile(
    r"(?<![\w])(?i:passport|reisepass|passeport|pasaporte|passaporto|paspoort|passaporte|pass(?=-?(?:nummer|nr)))"
    r"(?:-?(?i:nummer|nr\.?|number|no\.?))?"
    r"(?:\s*(?i:no\.?|n[°º.]|nº|nr\.?|number|nummer|num[ée]ro|n[úu]mero|numero|#))?"
    r"(?:\s+(?i:de|di|du))?\s*[:#：.]?\s*"
)

# ------------------------------------------------------------------------------------------- IBAN

# An IBAN written in groups of four (or not), in upper or lower case; redact.py keeps a candidate
# only when its length fits the country and the mod-97 check holds (or an "IBAN" label precedes it).
_IBAN = re.compile(r"(?<![\w-])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){10,30}(?![\w-])")
_IBAN_LABEL = re.compile(r"(?i:iban|ibán|bank\s+account|account\s+number|konto(?:nummer)?|rib)\s*(?:no\.?|nr\.?)?\s*[:：]?\s*$")
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
    "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20,
    "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19,
    "SK": 24, "SM": 27,
}

# -------------------------------------------------------------------------------- birth date, age

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    r"Januar|Jänner|Februar|März|Juni|Juli|Oktober|Dezember|"
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    r"januari|februari|maart|mei|augustus|oktober"
)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|"
    r"\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?i:" + _MONTHS + r")\.?,?\s+\d{4}|"
    r"(?i:" + _MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"(?:19|20)\d\d(?![./-]?\d))"
)
_DOB = re.compile(
    r"(?<!\w)(?i:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s?date|birthday|born(?:\s+on)?|born\s+in|"
    r"geburtsdatum|geboren(?:\s+am)?|geb\.|date\s+de\s+naissance|n[ée]e?\s+le|geboortedatum|geboren\s+op|"
    r"fecha\s+de\s+nacimiento|data\s+di\s+nascita)"
    r"\s*(?:[:：\-–]|(?:is|was)\b)?\s*(?:(?:in|at)\s+[A-Z][\w'-]+(?:,?\s+[A-Z][\w'-]+)?,?\s+(?:on\s+)?)?(" + _DATE + ")"
)
_PLACE = (r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ -](?:am|an|der|sur|sous|en|le|la|les|de|del|di|op|aan|den|upon|"
          r"[A-ZÀ-ÖØ-Þ][\w'’.-]*)){0,3}(?:,[ \t]*[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ \t][A-ZÀ-ÖØ-Þ][\w'’.-]*)?)?")
_BIRTHPLACE = re.compile(
    r"(?<!\w)(?:(?i:place\s+of\s+birth|birth\s?place|city\s+of\s+birth|born\s+in|geburtsort|geboren\s+in|"
    r"lieu\s+de\s+naissance|lugar\s+de\s+nacimiento|luogo\s+di\s+nascita|geboorteplaats|geboren\s+te)|"
    r"[Nn][ée]e?\s+[àa]|[Nn]acid[oa]\s+en|[Nn]at[oa]\s+a)"
    r"[ \t]*[:：]?[ \t]*(" + _PLACE + r")"
)
_AGE_LABEL = re.compile(r"(?<!\w)(?=[AaLlEeÂâ])(?i:age|aged|alter|[âa]ge|leeftijd|edad|et[àa])\s*[:：\-–]?\s*(\d{2})(?!\d)"
                        r"(?:\s*(?i:years|yrs|y\.?o\.?|ans|jahre|jaar|años|anni)\b)?")
_AGE_OLD = re.compile(r"(?<![\w.+])(\d{2})[\s-]*(?i:years?|yrs?)[\s-]*(?i:old)\b|(?<![\w.+])(\d{2})\s?(?i:y/o|yo)\b|"
                      r"(?<![\w.+])(\d{2})\s+(?i:jahre\s+alt|ans\b(?=\s*[,;)\n|]|$)|jaar\s+oud)", re.M)

# ---------------------------------------------------------------------------------------- address

_EN_STREET_TYPES = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|"
    r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Close|Crescent|Cres|Square|Sq|Gardens|Grove|Row|Mews|Hill|Walk|"
    r"Trail|Plaza|Marg|Nagar|Layout|Cross|Main"
)
_UNIT = r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\.?\s*[A-Za-z0-9-]+)?"
_EN_STREET = re.compile(
    r"(?<![\w.,/:-])(?:(?:Flat|Apt|Apartment|Unit|Suite)\.?\s*[A-Za-z0-9-]+,?\s+)?"
    r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?,?\s+"
    r"(?!(?:Years?|Months?|Weeks?|Days?|Hours?|Minutes?|Steps?|Times?|Points?|Phases?|Stages?)(?![\w']))"  # "5 Year CIP Plan"
    r"(?:[A-Z][\w'’.-]*\s+){0,4}(?:" + _EN_STREET_TYPES + r")\.?(?![\w'])"
    + _UNIT
)
_DE_STREET = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][\wäöüß.-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|"
    r"pfad|markt)|(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer))"
    r"\s+(?!(?:19|20)\d\d(?!\d))\d{1,4}\s?[a-z]?(?:\s?[-/]\s?\d{1,4}[a-z]?)?(?![\w])"  # "Spring 2016" is a term
)
_DE_STREET_PREP = re.compile(
    r"(?<![\w-])(?:(?:Am|Im|Zum|Zur|Beim|Vorm|Hinterm|Alt)[ -]|(?:An|Auf|In|Unter|Hinter|Vor|Über|Neben|Bei|Zu)"
    r"\s+(?:der|dem|den|die|das)\s+)[A-ZÄÖÜ][\wäöüß.-]+(?:\s+[A-ZÄÖÜ][\wäöüß.-]+)?"
    r"\s+(?!(?:19|20)\d\d(?!\d))\d{1,4}\s?[a-z]?(?:\s?[-/]\s?\d{1,4}[a-z]?)?(?![\w])(?=[ \t]*(?:$|[,;|·•\n)]))",
    re.M,
)
_NL_STREET = re.compile(
    r"(?<![\w-])(?:(?:Van|De|Den|Der|Sint|Burgemeester|Prins|Koning|Koningin)\s+)*"
    r"[A-Z][\w-]*(?:straat|gracht|laan|weg|plein|kade|singel|dijk|steeg|hof|markt|dreef|pad)"
    r"\s+\d{1,4}(?:[-\s]?[A-Za-z](?![\w])|-\d{1,4}|\s?(?:hs|bis|I{1,3}))?(?![\w])"
)
_FR_STREET = re.compile(
    r"(?<![\w.,/-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|allee|"
    r"impasse|quai|cours|route|square|passage|rond-point)"
    r"(?:\s+(?:(?:de|du|des|la|le|l['’]|d['’]|aux|au)\s*)*[A-ZÉÈ0-9][\w'’éèêàçôîû-]*){1,5}"
)
_ES_IT_STREET = re.compile(
    r"(?<![\w-])(?:Calle|C/|Avenida|Avda\.|Plaza|Paseo|Carrer|Rua|Via|Viale|Piazza|Corso|Largo|Vicolo|Plaça|"
    r"Passeig|Avinguda|Rambla|Ronda|Travessera|Camino|Carretera|Travesía|Glorieta|Praça|Avenida)\s+"
    r"(?:(?:de|del|de la|dei|della|delle|di|do|da)\s+)?[A-ZÁÉÍÓÚÀÈÌÒÙ][\w'’-]*(?:\s+[A-ZÁÉÍÓÚÀÈÌÒÙ][\w'’-]*){0,2},?\s+"
    r"(?:n\.?\s?º?\s?)?\d{1,4}[A-Za-z]?(?![\w])"
    r"(?:,?[ \t]+\d{1,2}[ºª°](?:[ \t]?(?:[A-Z]|izq(?:da)?\.?|dcha\.?|dch\.?|ext\.?|int\.?)(?![\w]))?)?"  # floor, door
)
_PO_BOX = re.compile(
    r"(?<![\w])(?:P\.?[ \t]?O\.?[ \t]?Box|PO[ \t]Box|Post[ \t]Office[ \t]Box|Postfach|Apartado(?:[ \t]de[ \t]correos)?|"
    r"Casella[ \t]postale|Bo[îi]te[ \t]postale|Postbus)[ \t]+\d{1,6}(?:[ \t]\d{2,3}){0,2}(?![\w])"
)
_IN_STREET = re.compile(
    r"(?<![\w/-])(?:#\s?)?\d{1,4}(?:[/-]\d{1,4})?[A-Z]?,[ \t]*(?:\d{1,2}(?:st|nd|rd|th)[ \t]+)?"
    r"(?:Cross|Main|Block|Stage|Phase|Sector|Layout)(?:[ \t]+Road)?(?![\w])"
    r"|(?<![\w-])\d{1,2}(?:st|nd|rd|th)[ \t]+(?:Cross|Main|Block|Stage|Phase|Sector)(?:[ \t]+Road)?(?![\w])"
)
_US_STATES = (
    r"AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    r"OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR"
)
_CITY = r"[A-ZÄÖÜÉÈ][\wäöüßéèêàçôîû'’.]*(?:[ -](?:am|an|der|sur|sous|en|le|la|les|de|op|aan|den|upon|[A-ZÄÖÜÉÈ][\wäöüßéèêàçôîû'’.]*)){0,3}"
_LINE_START = r"(?:(?<=^)|(?<=\n)|(?<=,)|(?<=, )|(?<=[|·•;:]\s)|(?<=^\s)|(?<=\n\s))"
_LINE_END = r"(?=\s*(?:$|[,;|·•\n)]|\.(?:\s|$)))"
_US_CITY_ZIP = re.compile(r"(?<![\w])" + _CITY + r",\s*(?:" + _US_STATES + r")\.?\s+\d{5}(?:-\d{4})?(?!\w)", re.M)
_UK_POSTCODE = re.compile(r"(?<![\w-])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![\w-])")
_CITY_BEFORE = re.compile(r"(?<![\w-])" + _CITY + r",?[ \t]+$")
_EU_POSTCODE_CITY = re.compile(
    r"(?<![\w-])(?=[DFNBCAL\d])" + _LINE_START + r"(?:(?:D|F|DE|FR|NL|B|CH|A|L)-)?(?:\d{5}|\d{4}[ \t]?(?!SA|SD|SS)[A-Z]{2}|\d{4})[ \t]+" + _CITY
    + r"(?:[ \t]+CEDEX(?:[ \t]+\d{1,2})?)?" + _LINE_END,
    re.M,
)
_IN_PIN = re.compile(r"(?<![\w])" + _CITY + r"\s*[-–,]?\s*\d{3}\s?\d{3}(?![\w])" + _LINE_END, re.M)
_ADDRESS_LABEL = re.compile(
    r"(?im)^[ \t>*#-]*(?:home\s+|postal\s+|mailing\s+|street\s+)?(?:address|adresse|anschrift|adres|direcci[oó]n|"
    r"indirizzo|wohnadresse|domicile|residence)\s*[:：]\s*([^\n|]+?)\s*$"
)

# ------------------------------------------------------------------------------------------- names

_PARTICLES = frozenset(
    "van von der den de du da di del della dos das le la ter ten bin binti ibn al el y zu af av".split()
)
_NOT_NAME = frozenset(
    """resume résumé curriculum vitae cv profile summary contact contacts experience skills education
    objective about me personal details information info page phone email mail address engineer engineering
    developer scientist science manager consultant analyst researcher architect intern student lead senior
    junior principal staff head director officer specialist expert designer product data machine learning
    deep ai ml llm nlp genai generative software backend frontend full stack devops mlops cloud research
    applied prompt platform infrastructure security systems technical technology solutions team project
    projects work history employment professional career languages certifications publications references
    available request upon company inc ltd gmbh llc corp university college school institute department
    street road avenue lane city remote hybrid onsite berlin london paris new york and or the of for at in
    with to on by job title position role candidate application cover letter dear hiring sir madam
    january february march april may june july august september october november december present
    mr mrs ms dr prof phd msc bsc mba certificate certification certified diploma degree course award licence
    license""".split()
)
_HONORIFIC = re.compile(
    r"(?<![\w])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Herr|Frau|Mme|Mlle|Mevr|Dhr)\.?[ \t]+"
    r"((?:[A-ZÀ-ÖØ-Þ][\w'’-]+|[A-Z]\.)(?:[ \t]+(?:(?:van|von|der|den|de|du|da|di|le|la|ter)[ \t]+)*"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]+|[A-Z]\.)){0,2})"
)
_NAME_FIELD = re.compile(
    r"(?im)^[ \t>*#-]*(?:full\s+|candidate\s+|first\s+and\s+last\s+)?(?:name|nom|naam|nombre|vorname\s+und\s+nachname|"
    r"nom\s+complet|candidate|referee|contact\s+person)\s*[:：]\s*([^\n|,;]+?)\s*(?=$|[|,;])"
)
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:(?:best|kind|warm|warmest|many)\s+(?:regards|wishes)|regards|sincerely|yours\s+(?:sincerely|truly|"
    r"faithfully)|respectfully|thank\s+you|thanks|cheers|mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en|"
    r"viele\s+gr(?:ü|ue)(?:ß|ss)e|cordialement|bien\s+(?:à|a)\s+vous|met\s+vriendelijke\s+groet(?:en)?|"
    r"saludos|cordiali\s+saluti|--)[ \t]*[,.!]?[ \t]*$"
)
_SECTION_HEAD = re.compile(
    r"(?i)^[ \t#*>-]*(?:professional\s+)?(?:summary|profile|experience|work\s+experience|employment|education|skills|"
    r"technical\s+skills|projects|publications|certifications|languages|objective|about(?:\s+me)?|"
    r"berufserfahrung|ausbildung|kenntnisse|expérience|formation|compétences|werkervaring|opleiding)\b"
)
_THIRD_PARTY_CONTEXT = re.compile(
    r"(?<![\w])(?:(?i:report(?:ed|ing|s)?[ \t]+(?:directly[ \t]+)?to|managed[ \t]+by|supervised[ \t]+by|"
    r"mentored[ \t]+by|coached[ \t]+by|led[ \t]+by|hired[ \t]+by|under[ \t]+the[ \t]+(?:supervision|guidance|"
    r"direction)[ \t]+of|berichtete[ \t]+an|betreut[ \t]+von|unter[ \t]+(?:der[ \t]+)?leitung[ \t]+von|"
    r"sous[ \t]+la[ \t]+direction[ \t]+de|encadr[ée]e?[ \t]+par|rattach[ée]e?[ \t]+[àa]|"
    r"bajo[ \t]+la[ \t]+supervisi[óo]n[ \t]+de|report[áa]ndo[ \t]+a|sotto[ \t]+la[ \t]+supervisione[ \t]+di|"
    r"riportando[ \t]+a|rapporteerde[ \t]+aan|onder[ \t]+leiding[ \t]+van)[ \t]+|"
    r"(?i:(?:line[ \t]+)?manager|supervisor|mentor|contact[ \t]+person|vorgesetzte[rn]?|responsable|"
    r"jefe|responsabile|leidinggevende)[ \t]*[:：][ \t]*)"
)
_REFERENCES_INLINE = re.compile(
    r"(?im)^[ \t#*>-]*(?:references|referees|referee|reference|referenzen|referenz|références|référence|"
    r"referencias|referencia|referenze|referenza|referenties|referentie)[ \t]*[:：][ \t]*(?=\S)"
)
_REFERENCES_HEAD = re.compile(r"(?im)^[ \t#*>-]*(?:references|referees|referenzen|références|referenties)[ \t:*]*$")
_SPLIT_SEGMENTS = re.compile(r"\s*(?:\||·|•|\t| — | – | - |,|;|\(|\)|/)\s*")
