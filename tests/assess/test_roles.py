"""The curated role profiles validate against the bundled taxonomy (every skill id exists)."""

from __future__ import annotations

from skillradar.assess import validate_roles
from skillradar.assess.targets import curated_roles
from skillradar.taxonomy.roles import market_role_patterns

REQUIRED_ROLES = {"ml-engineer", "llm-engineer", "data-scientist", "mlops-engineer", "ai-researcher",
                  "ai-product-manager", "prompt-engineer", "data-engineer"}


def test_roles_file_validates(taxonomy):
    problems = validate_roles(taxonomy)
    assert not problems, "\n".join(str(p) for p in problems)


def test_required_roles_present():
    assert REQUIRED_ROLES <= {r["id"] for r in curated_roles()}


def test_validator_reports_unknown_ids_with_lines(taxonomy):
    text = "source: curated\nroles:\n  - id: x\n    label: X\n    skills:\n      - {id: no.such-skill, weight: 2, requirement: maybe}\n"
    problems = [str(p) for p in validate_roles(taxonomy, text)]
    assert any("roles.yaml:6" in p and "unknown skill id 'no.such-skill'" in p for p in problems)
    assert any("weight" in p for p in problems) and any("requirement" in p for p in problems)


def test_curated_targets_are_labelled_editorial(taxonomy):
    from skillradar.assess import build_target

    t = build_target(role="ml-engineer", taxonomy=taxonomy)
    assert t.source == "curated" and "not market figures" in t.note
    assert all("curated (editorial)" in s.why for s in t.skills)


MARKET = "market_roles:\n  - name: LLM engineer\n    titles: ['\\bllm\\b']\n"


def test_market_title_patterns_are_the_roles_file_data():
    """market.profiles groups titles by the roles file's patterns, in its order (first match wins)."""
    from skillradar.market.profiles import ROLE_PATTERNS, role_of

    assert ROLE_PATTERNS == market_role_patterns() and list(ROLE_PATTERNS)[0] == "LLM engineer"
    assert {r["market"] for r in curated_roles()} <= set(ROLE_PATTERNS)
    assert role_of("Senior Generative AI Engineer") == "LLM engineer"  # before the generic AI engineer


def test_validator_checks_market_roles_with_lines(taxonomy):
    text = ("source: curated\nroles:\n  - id: x\n    label: X\n    market: LLM engineeer\n    skills:\n"
            "      - {id: lang.python, weight: 1, requirement: required}\n"
            "market_roles:\n  - name: LLM engineer\n    titles:\n      - '\\bllm\\b'\n      - '(unclosed'\n"
            "  - name: llm engineer\n    titles: []\n")
    problems = [str(p) for p in validate_roles(taxonomy, text)]
    assert any(p.startswith("roles.yaml:3: role 'x': market 'LLM engineeer' is no market role") for p in problems)
    assert any(p.startswith("roles.yaml:12: market role 'LLM engineer': title pattern '(unclosed' is not a valid "
                            "regular expression") for p in problems)
    assert "roles.yaml:13: duplicate market role 'llm engineer'" in problems
    assert "roles.yaml:13: market role 'llm engineer' needs a list of title patterns" in problems
    assert len(problems) == 4, problems
    without = [str(p) for p in validate_roles(taxonomy, text.split("market_roles:")[0])]
    assert any("needs a `market_roles:` list" in p for p in without)


def test_validate_command_checks_the_bundled_roles_file(cli, monkeypatch):
    from skillradar.taxonomy import roles

    code, _out, err = cli("taxonomy", "validate")
    assert code == 0 and "no problems" in err
    broken = roles._roles_text().replace("'\\bprompt engineer'", "'(prompt engineer'")
    monkeypatch.setattr(roles, "_roles_text", lambda: broken)
    roles._roles_data.cache_clear()
    try:
        code, out, _err = cli("taxonomy", "validate")
    finally:
        roles._roles_data.cache_clear()
    assert code == 1 and "market role 'prompt engineer': title pattern '(prompt engineer'" in out
