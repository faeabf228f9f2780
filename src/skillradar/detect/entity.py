"""Names used as organisations, not as skills.

Many tools share a name with the company that makes them. "Experience with Databricks" asks for the
platform; "Databricks Ventures", "companies like OpenAI" and "backed by Google" name the firm, and a
posting that says so does not ask for the tool. Two signs, read on the original text:

* a lead-in that introduces organisations ("companies like", "backed by", "customers include",
  "partnered with" …) followed by a list of names: every name of the list is an organisation;
* a company suffix or possessive right after the name ("Databricks Ventures", "OpenAI's investors").
"""

from __future__ import annotations

import re

from .prescan import Prescan

__all__ = ["organisation_spans", "is_organisation", "is_role_name", "people_list_spans"]

_LEAD_IN = re.compile(
    r"\b(?:compan(?:y|ies)|firms?|organi[sz]ations?|labs?|startups?|enterprises?|brands?|employers?|leaders?|"
    r"players|giants?|customers?|clients?|partners?|investors?|backers?|funds?|vendors?|providers?)\s*,?\s+"
    r"(?:such as|like|including|include|"
    r"includes|incl\.?)\s+|"
    r"\b(?:backed|funded|founded|acquired|trusted|used|adopted|chosen)\s+by\s+|"
    r"\b(?:partner(?:ed|ing|s)?|partnership)\s+with\s+|"
    r"\b(?:alumni|veterans|engineers|researchers|people|team members?|founders?|executives|leaders)\s+(?:from|of|at)\s+|"
    r"\b(?:spun out of|formerly at|previously at|ex-)\s*", re.I)
_NAME = re.compile(r"[A-Z0-9][\w.&'’+-]*(?:\s+[A-Z0-9][\w.&'’+-]*)*")
_LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+|/)\s*")
_SUFFIX = re.compile(  # up to two more capitalised words may come first: "Ray Engineering Limited"
    r"(?:(?:\s+[A-Z][\w&.-]*){0,2}?\s+(?:Ventures|Capital|Inc\b\.?|Incorporated|Corp\b\.?|Corporation|LLC|Ltd\b\.?|Limited|GmbH|PLC|"
    r"Foundation|Fund|Holdings|Group)\b|['’]s\s+(?:investors?|customers?|founders?|board|portfolio|mission|"
    r"headquarters|offices?|backing|acquisition|employees|leadership))")


_CONNECTOR = re.compile(r"(?:such as|like|including|includes?|incl\.?|by|with|from|of|at|out of|ex-)\s*(?=[A-Z0-9])")


def organisation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the name lists that a lead-in marks as organisations.

    The lead-in regex runs only before a connector that a capitalised name follows ("like OpenAI"):
    scanning the whole text with it cost a fifth of the lexical stage.
    """
    out = []
    for conn in _CONNECTOR.finditer(text):
        if not any(lead.end() == conn.end() for lead in _LEAD_IN.finditer(text, max(0, conn.start() - 40), conn.end())):
            continue
        pos = conn.end()
        start = pos
        end = pos
        for _ in range(12):
            name = _NAME.match(text, pos)
            if not name:
                break
            end = name.end()
            glue = _LIST_GLUE.match(text, end)
            if not glue:
                break
            pos = glue.end()
        if end > start:
            out.append((start, end))
    return out


def is_organisation(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the name at ``text[start:end]`` is used as an organisation."""
    if any(s <= start and end <= e for s, e in spans):
        return True
    return bool(_SUFFIX.match(text, end, min(len(text), end + 40)))


# "ML Engineers", "the data science team", "Data Engineering and Analytics teams": a skill naming a job
# or a group of people is a role, not an ask (unless asked as experience: "experience as an ML Engineer").
_ROLE_AFTER = re.compile(
    r"(?:[ \t]*(?:,|and|&|/|or)[ \t]*(?:(?-i:[A-Z])[\w.+#-]*(?:[ \t]+(?-i:[A-Z])[\w.+#-]*){0,2})?){0,3}[ \t]*"
    r"(?:\([\w .&/-]{1,20}\)[ \t]*)?(?:[-–][ \t]*)?"
    r"(?:engineers?|scientists?|developers?|analysts?|architects?|researchers?|managers?|leads?|specialists?|"
    r"consultants?|interns?|practitioners?|teams?|groups?|departments?|org(?:anization|anisation)?s?|"
    r"squads?|guild|chapter|compan(?:y|ies)|startups?|firms?|vendors?|providers?|suppliers?|employer)\b(?!\s+(?:experience|skills?|background|work|practices|principles))",
    re.I)
_AS_ROLE = re.compile(r"(?:experience|background|work(?:ed|ing)?|years?)\s+(?:as|at|in|in the role of)\s+(?:an?\s+)?[\w /-]{0,30}$",
                      re.I)


_AS_A = re.compile(r"\b(?:as|in the role of)\s+(?:an?\s+)?[\w /,&-]{0,60}$", re.I)
_HELD = re.compile(r"\b(?:experience|experienced|background|worked|years?|career|tenure)\b", re.I)
_BUILDER = re.compile(r"(?:developers?|programmers?|engineers?)\b", re.I)


# "Analytics Engineer", not the verb "Engineer (features)"
_ROLE_NOUN_END = re.compile(r"\s(?:engineers?|scientists?|analysts?|architects?|researchers?)$", re.I)


def is_role_name(text: str, start: int, end: int, concrete: bool = False) -> bool:
    """Whether the skill at ``text[start:end]`` is part of a job title or a team's name.

    ``concrete`` skills (a language or tool) named as the trade of a builder ("Golang developer",
    "React engineer") still ask for the technology: only teams and other roles drop them. A form that
    is itself a role ("Analytics Engineer") names the job, unless held as experience ("experience as
    an Analytics Engineer").
    """
    if not (_ROLE_NOUN_END.search(text, start, end) and not concrete):
        m = _ROLE_AFTER.match(text, end, min(len(text), end + 60))
        if not m:
            return False
        if concrete and _BUILDER.search(m.group(0)):
            return False
    if _AS_ROLE.search(text, max(0, start - 60), start):
        return False
    # "experience building systems as a Platform Engineer, ML DevOps Engineer, or Data Engineer"
    lead = _AS_A.search(text, max(0, start - 80), start)
    if lead:
        before = text[max(0, lead.start() - 80):lead.start()]
        return not _HELD.search(before[max(before.rfind("."), before.rfind("\n")) + 1:])
    return True


# "Work closely with Marketing, Sales and Product", "stakeholders in Engineering, Product and Design",
# "business areas (i.e. Data Science, Revenue, Customer Support)": a list that names the people the
# person works with or for. Its items are teams and functions, not skills the job asks for.
_PEOPLE_LEAD = re.compile(
    r"\b(?:(?:work(?:s|ing)?|partner(?:s|ing)?|collaborat\w*|liais\w*|interfac\w*|coordinat\w*|"
    r"communicat\w*|align\w*)(?:\s+(?:closely|directly|together|cross-functionally|effectively|regularly|daily))?"
    r"\s+with|(?:feedback|report(?:s|ing)?|present(?:s|ing)?)\s+to|alongside|"
    r"(?:teams?|functions?|departments?|areas?|stakeholders?|partners?|leaders?|groups?|owners?)"
    r"(?:\s*\(|\s+(?:such as|like|including|in|across|from)\b))[\s(,:]*(?:e\.g\.|i\.e\.|such as|including)?[\s,:]*",
    re.I)
_PEOPLE_END = re.compile(r"[.;:!?)\n]|\s(?:to|on|using|for|that|who|which|in order|so|within|immersed)\s|\s[-–—]\s|"
                         r",\s*(?:and\s+)?(?:you|we)\b")
_PEOPLE_WORD = re.compile(
    r"\b(?:sales|marketing|product|finance|operations|design(?:ers)?|engineering|engineers|customer (?:success|support|service)|"
    r"legal|hr|people|leadership|executives?|stakeholders?|scientists?|researchers?|analysts?|developers?|creatives|"
    r"teams?|owners?|managers?|leaders?|partners?|clients?|data science)\b",
    re.I)
_PEOPLE_LEAD_SCAN = Prescan(_PEOPLE_LEAD)  # tried only where one of its lead words starts


def people_list_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of lists that name the people or teams a job works with (see ``_PEOPLE_LEAD``):
    only a list with a word for people or a business function in it counts ("work with Python and
    SQL" names tools)."""
    out = []
    for lead in _PEOPLE_LEAD_SCAN.finditer(text):
        start = lead.end()
        end_m = _PEOPLE_END.search(text, start, min(len(text), start + 140))
        end = end_m.start() if end_m else min(len(text), start + 140)
        if end > start and len(_PEOPLE_WORD.findall(text, start, end)) >= 1:
            out.append((start, end))
    return out


# "Netomi AI", "Qualcomm AI Research", "Strategic AI Initiatives", "the AI & Cloud Engineering Division":
# a field's initialism inside a run of capitalised words is part of a name (a company, team, product or
# programme), not the field asked for. The word before counts only when it does not open its sentence,
# line or list item ("Using AI to …"); a generic head noun after it is a heading in title case ("5+ years
# ML Experience", "AI Models"), not a name.
_CAP_BEFORE = re.compile(r"(?<![\w&'’-])(?-i:[A-Z][a-z][\w'’-]*)[ \t]+(?:&[ \t]+)?$")
_OPENING = re.compile(r"(?:^|[.!?:;][*_]*\s+|\n[\s*#>\d.)•\\-]*|\*\*|__)$")
_CAP_AFTER = re.compile(r"(?:[ \t]+(?:&[ \t]+)?|-)(?-i:[A-Z][a-z][\w'’-]*)")
_HEADING_NOUNS = frozenset({
    "experience", "experiences", "skills", "skill", "knowledge", "expertise", "models", "model", "solutions",
    "systems", "system", "tools", "technologies", "technology", "projects", "project", "applications",
    "development", "engineer", "engineers", "engineering", "techniques", "methods", "concepts", "frameworks",
    "strategy", "integration", "background", "fundamentals", "proficiency", "use", "usage"})


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands between capitalised words that make it part of a name."""
    after = _CAP_AFTER.match(text, end, min(len(text), end + 40))
    if after and after.group(0).strip(" \t&-").lower() not in _HEADING_NOUNS:
        return True
    before = _CAP_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and not _OPENING.search(text, max(0, before.start() - 12), before.start())
