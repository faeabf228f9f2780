"""Every enumerated option of every command rejects an unknown value: exit 2, every valid value
named, the closest one suggested (issue 15, item 5).

``CHOICES`` is the maintained table of (command, flag) -> valid values, with the extra arguments a
command needs to reach its checks. Introspecting the typer/click app cannot tell a free-text option
from an enumerated one (the choices live in help text, not in click types), so
``test_the_table_covers_every_enumerated_option`` walks the app and fails when an option looks
enumerated (its flag is one we know to be, or its help starts with "a, b or c") but is missing here.
"""

from __future__ import annotations

import re

import pytest

from skillradar.assess.targets import list_roles
from skillradar.market.facets import CONTRACT_TYPES, SENIORITY_VALUES
from skillradar.market.profiles import ROLE_PATTERNS
from skillradar.taxonomy import load_taxonomy
from skillradar.taxonomy.load import BUILTIN
from skillradar.taxonomy.model import SKILL_TYPES

ROWS = ("table", "json", "jsonl", "csv")
REQUIREMENT = ("any", "required", "preferred")
FAMILIES = ("technical", "data", "thinking", "soft", "domain")
TAXONOMIES = tuple(sorted(BUILTIN))
CV = "{tmp}/cv.md"
POSTING = "{tmp}/posting.md"
DB = ("--db", "{tmp}/none.duckdb")  # never opened: the choices are checked first
ACCEPT = ("Quillstream", "--family", "technical", "--into", "{tmp}/mine.yaml")  # never written: checks come first
TECHNICAL_GROUPS = tuple(load_taxonomy().families["technical"]["groups"])

# (command words, flag): (valid values, other arguments the command needs)
CHOICES: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ("extract", "--format"): (ROWS, (CV,)),
    ("extract", "--kind"): (("auto", "posting", "resume"), (CV,)),
    ("extract", "--taxonomy"): (TAXONOMIES, (CV,)),
    ("link", "--taxonomy"): (TAXONOMIES, ("--input", POSTING)),
    ("link", "--model"): (("esco-minilm", "minilm"), ("--input", POSTING)),
    ("roles", "--format"): (("table", "json"), ()),
    ("assess", "--format"): (("json", "table", "markdown"), (CV, "--role", "llm-engineer")),
    ("assess", "--role"): (tuple(r["name"] for r in list_roles()), (CV,)),
    ("assess", "--taxonomy"): (TAXONOMIES, (CV, "--role", "llm-engineer")),
    ("assess", "--role-source"): (("auto", "curated", "measured"), (CV, "--role", "llm-engineer")),
    ("rank", "--format"): (("json", "csv", "table"), (CV, "--posting", POSTING)),
    ("rank", "--taxonomy"): (TAXONOMIES, (CV, "--posting", POSTING)),
    ("rank", "--role"): (tuple(r["name"] for r in list_roles()), (CV,)),
    ("rank", "--role-source"): (("auto", "curated", "measured"), (CV, "--role", "llm-engineer")),
    ("redact", "--format"): (("text", "json", "jsonl"), (CV,)),
    ("redact", "--taxonomy"): (TAXONOMIES, (CV,)),
    ("check-posting", "--format"): (ROWS, (POSTING,)),
    ("serve", "--log-level"): (("debug", "info", "warning", "error"), ()),
    ("taxonomy list", "--format"): (ROWS, ()),
    ("taxonomy list", "--family"): (FAMILIES, ()),
    ("taxonomy list", "--taxonomy"): (TAXONOMIES, ()),
    ("taxonomy show", "--format"): (("table", "json"), ("genai.rag",)),
    ("taxonomy show", "--taxonomy"): (TAXONOMIES, ("genai.rag",)),
    ("taxonomy export", "--format"): (("csv", "json", "jsonl"), ()),
    ("taxonomy export", "--taxonomy"): (TAXONOMIES, ()),
    ("market ingest", "--format"): (("table", "json"), (POSTING, *DB)),
    ("market ingest", "--engine"): (("local", "dask"), (POSTING, *DB)),
    ("market ingest", "--taxonomy"): (TAXONOMIES, (POSTING, *DB)),
    ("market reextract", "--format"): (("table", "json"), DB),
    ("market reextract", "--engine"): (("local", "dask"), DB),
    ("market reextract", "--taxonomy"): (TAXONOMIES, DB),
    ("market top", "--format"): (ROWS, DB),
    ("market top", "--family"): (FAMILIES, DB),
    ("market top", "--requirement"): (REQUIREMENT, DB),
    ("market trends", "--format"): (ROWS, ("--split", "2024-01-01", *DB)),
    ("market trends", "--family"): (FAMILIES, ("--split", "2024-01-01", *DB)),
    ("market trends", "--requirement"): (REQUIREMENT, ("--split", "2024-01-01", *DB)),
    ("market cooccur", "--format"): (ROWS, ("--skill", "rag", *DB)),
    ("market duplicates", "--format"): (("table", "json", "csv"), DB),
    ("market cooccur", "--requirement"): (REQUIREMENT, ("--skill", "rag", *DB)),
    ("market cooccur", "--sort"): (("q", "lift"), ("--skill", "rag", *DB)),
    ("market compare", "--format"): (ROWS, ("--a", "seniority=senior", *DB)),
    ("market compare", "--family"): (FAMILIES, ("--a", "seniority=senior", *DB)),
    ("market compare", "--requirement"): (REQUIREMENT, ("--a", "seniority=senior", *DB)),
    **{(f"market {cmd}", flag): (values, extra)
       for cmd, extra in (("top", DB), ("trends", ("--split", "2024-01-01", *DB)), ("cooccur", ("--skill", "rag", *DB)),
                          ("compare", ("--a", "seniority=senior", *DB)), ("emerging", DB), ("salaries", DB))
       for flag, values in (("--seniority", SENIORITY_VALUES), ("--contract-type", CONTRACT_TYPES))},
    ("market roles", "--format"): (ROWS, DB),
    ("market roles", "--role"): (tuple(ROLE_PATTERNS), DB),
    ("market demo-corpus", "--taxonomy"): (TAXONOMIES, ("--out", "{tmp}/c.csv", "--n", "3")),
    ("market emerging", "--format"): (ROWS, DB),
    ("market emerging", "--taxonomy"): (TAXONOMIES, DB),
    ("market salaries", "--format"): (ROWS, DB),
    ("taxonomy accept", "--format"): (("table", "json"), ACCEPT),
    ("taxonomy accept", "--family"): (FAMILIES, ("Quillstream", "--into", "{tmp}/mine.yaml")),
    ("taxonomy accept", "--group"): (TECHNICAL_GROUPS, ACCEPT),
    ("taxonomy accept", "--type"): (SKILL_TYPES, ACCEPT),
    ("data list", "--format"): (ROWS, DB),
    ("data erase", "--format"): (("text", "json"), ("some-id", *DB)),
}

# Flags whose values are always from a fixed set (or a bundled name), whatever their help says.
ENUM_FLAGS = {"--format", "--kind", "--family", "--requirement", "--engine", "--sort", "--taxonomy", "--role",
              "--log-level", "--group"}
_LISTED = re.compile(r"^[\w-]+(, [\w-]+)* or [\w-]+[.(]")  # help like "table, json or csv."


def _commands():
    """(command words, click command) for every leaf command of the app."""
    import typer.main

    from skillradar.cli import app

    stack = [((), typer.main.get_command(app))]
    while stack:
        path, cmd = stack.pop()
        subs = getattr(cmd, "commands", None)
        if subs:
            stack.extend((path + (name,), sub) for name, sub in subs.items())
        else:
            yield " ".join(path), cmd


def _enumerated_options():
    for name, cmd in _commands():
        for p in cmd.params:
            if getattr(p, "param_type_name", "") != "option" or p.is_flag:
                continue
            flag = max(p.opts, key=len)
            if flag in ENUM_FLAGS or _LISTED.match(p.help or ""):
                yield name, flag


def test_the_table_covers_every_enumerated_option():
    found = set(_enumerated_options())
    assert found, "the walk found no options: has the typer/click API changed?"
    assert found - set(CHOICES) == set(), "enumerated options missing from CHOICES"
    assert set(CHOICES) - found == set(), "CHOICES lists options the app no longer has"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "cv.md").write_text("Python and PyTorch.\n", encoding="utf-8")
    (tmp_path / "posting.md").write_text("We need Python and RAG.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command,flag", sorted(CHOICES), ids=lambda x: x)
def test_an_unknown_value_exits_2_and_lists_every_valid_one(command, flag, files, capsys):
    from skillradar.cli import main

    valid, extra = CHOICES[command, flag]
    typo = valid[0][:-1] + "q" + "x"  # close to the first choice, equal to none
    argv = [*command.split(), *(a.format(tmp=files) for a in extra), flag, typo]
    code = main(argv)
    err = " ".join(capsys.readouterr().err.split())
    assert code == 2, err
    missing = [v for v in valid if v not in err]
    assert not missing, f"{err!r} does not name {missing}"
    assert typo in err


@pytest.mark.parametrize("flag,typo,meant", [("--family", "technicl", "technical"),
                                             ("--requirement", "requred", "required")])
def test_the_closest_value_is_suggested(flag, typo, meant, capsys):
    from skillradar.cli import main

    assert main(["market", "top", "--db", "none.duckdb", flag, typo]) == 2
    assert f"did you mean '{meant}'?" in capsys.readouterr().err
