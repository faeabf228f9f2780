"""An empty market result says why on stderr (table), while JSON and CSV stay valid with exit 0;
the library names its parameters, not the CLI's flags (issue 15, item 5)."""

from __future__ import annotations

import json

import pytest

from skillradar.errors import UsageError


def _run(capsys, *argv):
    from skillradar.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, " ".join(err.split())


def test_a_title_filter_matching_nothing_says_so(corpus_db, capsys):
    db, summary = corpus_db
    code, _out, err = _run(capsys, "market", "top", "--db", str(db), "--title-contains", "xyzzy")
    assert code == 0
    assert f"no postings match --title-contains 'xyzzy' ({summary['ingested']} postings in the database)" in err


@pytest.mark.parametrize("fmt,expected", [("json", "[]\n"), ("csv", None)])
def test_json_and_csv_stay_valid_when_empty(corpus_db, capsys, fmt, expected):
    db, _s = corpus_db
    code, out, _err = _run(capsys, "market", "top", "--db", str(db), "--title-contains", "xyzzy", "--format", fmt)
    assert code == 0
    if fmt == "json":
        assert json.loads(out) == []
    else:
        assert out.strip().splitlines() == ["skill_id,label,family,postings,total,share,ci_low,ci_high,via_narrower"]


def test_cooccur_with_a_filter_matching_nothing_says_so(corpus_db, capsys):
    db, _s = corpus_db
    code, _out, err = _run(capsys, "market", "cooccur", "--db", str(db), "--skill", "genai.rag",
                           "--title-contains", "xyzzy")
    assert code == 0 and "no postings match --title-contains 'xyzzy'" in err


def test_explain_empty_names_a_family_no_posting_asks_for(corpus_db, capsys):
    from skillradar.cli.empty import explain_empty

    db, _s = corpus_db
    why = explain_empty(str(db), family="soft", requirement="preferred")
    assert why.startswith("no skill of family 'soft' appears as preferred (--requirement preferred) in these ")


@pytest.mark.parametrize("kw,name", [({"family": "technicl"}, "family"), ({"requirement": "requred"}, "requirement")])
def test_the_library_names_its_parameters(corpus_db, kw, name):
    from skillradar.market.stats import top

    db, _s = corpus_db
    with pytest.raises(UsageError) as info:
        top(db, **kw)
    assert info.value.message.startswith(f"{name} must be one of") and "did you mean" in info.value.message


def test_cooccur_sort_is_named_as_a_parameter(corpus_db):
    from skillradar.market.cooccurrence import cooccur

    db, _s = corpus_db
    with pytest.raises(UsageError, match=r"^sort must be one of q, lift \(got 'lfit'\); did you mean 'lift'\?"):
        cooccur(db, skill="genai.rag", sort="lfit")
