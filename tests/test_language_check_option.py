"""extract_text(language_check=False): the same mentions, without the not-English notice (market
ingest reads only the mentions and skips the check's cost)."""

from skillradar.extract import extract_text

_GERMAN = ("Wir suchen eine erfahrene Person für unser Team in Berlin. Sie arbeiten mit Python und SQL "
           "und haben Erfahrung mit Kubernetes und Docker. Die Stelle ist unbefristet und wir bieten "
           "eine gute Bezahlung, flexible Arbeitszeiten und ein tolles Team, das sich auf Sie freut. ") * 2


def test_same_mentions_without_the_language_notice():
    full = extract_text(_GERMAN, kind="posting")
    bare = extract_text(_GERMAN, kind="posting", language_check=False)
    assert "unsupported_language" in {n.code for n in full.notices}
    assert "unsupported_language" not in {n.code for n in bare.notices}
    assert bare.mentions == full.mentions
    assert {m.skill_id for m in bare.mentions} >= {"lang.python", "mlops.docker"}
