"""Shingles and MinHash signatures: the values stored LSH keys are made of (a change would split a
database's old and new postings), checked against the plain formulas on any word list."""

import zlib

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.market import dedup


def _plain_shingles(words):
    h = np.array([zlib.crc32(w.encode("utf-8")) for w in words], dtype=np.uint64)
    if len(h) >= 3:
        with np.errstate(over="ignore"):
            h = (h[:-2] * dedup._M1) ^ (h[1:-1] * dedup._M2) ^ (h[2:] + np.uint64(0x165667B19E3779F9))
    return np.unique(h)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["data", "model", "python", "é", "x", "the", "ml", "llm", "sql"]), max_size=60))
def test_shingles_and_signature_as_the_plain_formulas(words):
    sh = dedup.shingles(words)
    want = _plain_shingles(words)
    assert sh.dtype == np.uint64 and np.array_equal(sh, want)
    if len(sh):
        with np.errstate(over="ignore"):
            plain = (sh[:, None] * dedup._A[None, :] + dedup._B[None, :]).min(axis=0)
        assert np.array_equal(dedup.minhash(sh), plain)
