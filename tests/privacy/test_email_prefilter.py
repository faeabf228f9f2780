"""The e-mail finder skips its patterns on texts without "@" or a bracketed "at": same finds."""

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.privacy import pii_patterns

redact = importlib.import_module("skillradar.privacy.redact")

_PIECES = ["jane", ".doe", "@", "acme", ".com", " ", "(at)", "[ AT ]", "{dot}", "(dot)", "<at>", "example", "org",
           "\n", "-", "_", "mail", "é", "2"]


def _unfiltered(text):
    return ([("EMAIL", m.start(), m.end()) for m in pii_patterns._EMAIL.finditer(text)]
            + [("EMAIL", m.start(), m.end()) for m in pii_patterns._EMAIL_OBFUSCATED.finditer(text)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_same_finds_as_the_patterns_alone(pieces):
    text = "".join(pieces)
    assert redact._find_email(text) == _unfiltered(text)


def test_obfuscated_and_plain_addresses_still_found():
    text = "Write to jane.doe (at) acme (dot) com or hr@acme.com."
    assert [text[s:e] for _t, s, e in redact._find_email(text)] == ["hr@acme.com", "jane.doe (at) acme (dot) com"]
