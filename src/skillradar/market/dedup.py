"""Exact and near-duplicate detection for postings.

Near-duplicates are postings whose normalised texts have a word 3-gram Jaccard similarity of at least
a threshold (0.9 by default). Candidates come from MinHash with locality-sensitive hashing
(128 permutations in 16 bands of 8 rows); a stored posting is a candidate when it shares at least
:data:`MIN_SHARED_BANDS` (2) bands, and every candidate is then verified with the exact Jaccard of the
shingle sets, so the decision is the exact rule. A pair at Jaccard 0.9 becomes a candidate with
probability ≈ 0.998, at 0.95 ≈ 0.999999; a pair at 0.5 with ≈ 0.002 and at 0.2 (two postings of one
template) with ≈ 8e-10. One shared band was enough before, but it let pairs at 0.2 through with
probability 4e-5 each: over a million stored postings of similar layout that is tens of false
candidates per new posting, each a stored text to read, and ingest time grew with the square of the
corpus.
Everything is deterministic (CRC-32 word hashes, fixed permutation seeds), so a rerun after a crash
makes the same decisions.
"""

from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np

__all__ = ["normalise", "exact_key", "shingles", "minhash", "band_keys", "jaccard", "candidates", "NUM_PERM", "BANDS",
           "MIN_SHARED_BANDS"]

NUM_PERM = 128
BANDS = 16
MIN_SHARED_BANDS = 2
ROWS = NUM_PERM // BANDS
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20240917)
_A = (_rng.integers(1, 2**63 - 1, NUM_PERM, dtype=np.uint64) | np.uint64(1))
_B = _rng.integers(0, 2**63 - 1, NUM_PERM, dtype=np.uint64)
_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)


def normalise(text: str) -> list[str]:
    """The words of a text, lower-cased, punctuation and whitespace differences ignored."""
    return _WORD.findall(text.lower())


def exact_key(words: list[str]) -> str:
    """Key of the normalised text: equal keys are exact duplicates."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:20]


def shingles(words: list[str]) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word 3-grams (a text under 3 words: of its words)."""
    h = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    if len(h) >= 3:
        with np.errstate(over="ignore"):
            h = (h[:-2] * _M1) ^ (h[1:-1] * _M2) ^ (h[2:] + np.uint64(0x165667B19E3779F9))
    # np.unique's hash table is ~10x slower than a sort for a few thousand values; same result
    h.sort()
    return h[np.concatenate(([True], h[1:] != h[:-1]))] if len(h) > 1 else h


def minhash(sh: np.ndarray) -> np.ndarray:
    """A 128-value MinHash signature of a shingle set (empty set: all max)."""
    if len(sh) == 0:
        return np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        values = np.multiply.outer(sh, _A)  # one (n, 128) array, added to in place
        values += _B
    return values.min(axis=0)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band index mixed in), for the LSH table."""
    rows = sig.reshape(BANDS, ROWS)
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(rows[b].tobytes(), digest_size=8, person=b"band%04d" % b).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique hash arrays."""
    if len(a) == 0 and len(b) == 0:
        return 1.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def candidates(bands: list[int], table: dict[int, list[str]], gone=()) -> set[str]:
    """Ids in ``table`` (band key -> ids) sharing at least MIN_SHARED_BANDS of ``bands``, less ``gone``."""
    shared: dict[str, int] = {}
    for k in bands:
        for pid in table.get(k, ()):
            shared[pid] = shared.get(pid, 0) + 1
    return {pid for pid, n in shared.items() if n >= MIN_SHARED_BANDS and pid not in gone}
