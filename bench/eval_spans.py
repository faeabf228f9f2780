"""SkillSpan dev: knowledge-span recall and precision of ``extract``, lexical only and with the
semantic stage, plus the cosine → precision table the semantic confidence is calibrated from.

    .venv/bin/python bench/eval_spans.py [--split tech|house|both] [--calibrate] [--no-prefilter] [--cheap-only]

Same rules as ``../shared/eval/score.py spans``: each sentence is its tokens joined by single spaces;
a gold KNOWLEDGE span counts as found when any mention overlaps it; a mention counts as right when
it overlaps any gold SKILL or KNOWLEDGE span. With ``--calibrate`` every semantic candidate above
0.55 (before overlap resolution) is binned by cosine and the share that overlaps a gold span is
printed: that share is what ``detect.semantic.CALIBRATION`` maps a cosine to. ``--no-prefilter`` also
runs the full model over every candidate (no static prefilter) and prints how many of its candidates
at or above the threshold the prefiltered run kept.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "skillspan"


def conll(path: Path):
    sentences, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sentences.append(cur)
            cur = []
            continue
        tok, skill, know = line.split("\t")
        cur.append((tok, skill, know))
    if cur:
        sentences.append(cur)
    return sentences


def bio(tags, offsets):
    spans, start = [], None
    for i, tag in enumerate(tags):
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            if start is not None:
                spans.append((offsets[start][0], offsets[i - 1][1]))
            start = i
        elif tag == "O" and start is not None:
            spans.append((offsets[start][0], offsets[i - 1][1]))
            start = None
    if start is not None:
        spans.append((offsets[start][0], offsets[-1][1]))
    return spans


def load(split: str):
    out = []
    for sent in conll(EVAL / f"skillspan_{split}_dev.conll"):
        offsets, pos = [], 0
        for tok, _, _ in sent:
            offsets.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        text = " ".join(t for t, _, _ in sent)
        know = bio([k for _, _, k in sent], offsets)
        out.append((text, know, know + bio([s for _, s, _ in sent], offsets)))
    return out


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score(data, mentions_per_sentence):
    found = gold = right = total = 0
    for (text, know, every), mentions in zip(data, mentions_per_sentence):
        gold += len(know)
        found += sum(any(overlap(g, m) for m in mentions) for g in know)
        total += len(mentions)
        right += sum(any(overlap(m, g) for g in every) for m in mentions)
    return found / max(1, gold), right / max(1, total), total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="both", choices=["tech", "house", "both"])
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--no-prefilter", action="store_true", help="also score every candidate with the full model")
    ap.add_argument("--cheap-only", action="store_true", help="also decide on the cheap estimate alone (rescore=False)")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"needs the evaluation data at {EVAL} (the shared/ folder beside the repo)", file=sys.stderr)
        return 2
    from skillradar.detect.lexicon import lexicon_for
    from skillradar.detect.semantic import THRESHOLD, calibrate, resolve, scored_candidates
    from skillradar.taxonomy import load_taxonomy

    tax = load_taxonomy("genai")
    lex = lexicon_for(tax)
    splits = ["tech", "house"] if args.split == "both" else [args.split]
    for split in splits:
        data = load(split)
        t = time.perf_counter()
        lexical = [[(h.start, h.end) for h in lex.find(text)] for text, _, _ in data]
        t_lex = time.perf_counter() - t
        r, p, n = score(data, lexical)
        print(f"{split:5s} lexical only        recall {r:.3f}  precision {p:.3f}  ({n} mentions, {t_lex:.1f} s)")
        t = time.perf_counter()
        cands = [scored_candidates(text, tax, covered=cov, floor=0.55) for (text, _, _), cov in zip(data, lexical)]
        t_sem = time.perf_counter() - t
        print(f"{split:5s} semantic candidates for {len(data)} sentences in {t_sem:.1f} s")
        thresholds = (THRESHOLD,) if not args.calibrate else (0.65, 0.70, 0.75, 0.80, 0.85, 0.90)
        for thr in thresholds:
            sem = [resolve(c, thr) for c in cands]
            both = [cov + [(h[1], h[2]) for h in s] for cov, s in zip(lexical, sem)]
            r, p, n = score(data, both)
            mark = " (default)" if thr == THRESHOLD else ""
            print(f"{split:5s} lexical + semantic  recall {r:.3f}  precision {p:.3f}  ({n} mentions, "
                  f"{sum(map(len, sem))} semantic, threshold {thr:.2f}){mark}")
        if args.no_prefilter:
            t = time.perf_counter()
            full = [scored_candidates(text, tax, covered=cov, floor=0.55, prefilter=None) for (text, _, _), cov in zip(data, lexical)]
            t_full = time.perf_counter() - t
            sem = [resolve(c, THRESHOLD) for c in full]
            r, p, n = score(data, [cov + [(h[1], h[2]) for h in s] for cov, s in zip(lexical, sem)])
            print(f"{split:5s} no prefilter        recall {r:.3f}  precision {p:.3f}  ({n} mentions, "
                  f"{sum(map(len, sem))} semantic; candidates scored in {t_full:.1f} s)")
            want = {(i, a, b) for i, c in enumerate(full) for sc, a, b, _ in c if sc >= THRESHOLD}
            got = {(i, a, b) for i, c in enumerate(cands) for sc, a, b, _ in c if sc >= THRESHOLD}
            print(f"{split:5s} prefilter kept {len(want & got)} of {len(want)} candidates at or above {THRESHOLD:.2f}")
        if args.cheap_only:
            t = time.perf_counter()
            cheap = [scored_candidates(text, tax, covered=cov, floor=0.55, rescore=False) for (text, _, _), cov in zip(data, lexical)]
            t_cheap = time.perf_counter() - t
            for thr in (0.80, THRESHOLD, 0.90):
                sem = [resolve(c, thr) for c in cheap]
                r, p, n = score(data, [cov + [(h[1], h[2]) for h in s] for cov, s in zip(lexical, sem)])
                print(f"{split:5s} cheap only          recall {r:.3f}  precision {p:.3f}  ({n} mentions, "
                      f"{sum(map(len, sem))} semantic, threshold {thr:.2f}; candidates in {t_cheap:.1f} s)")
        if args.calibrate:
            rows = []
            for (text, know, every), cs in zip(data, cands):
                for sc, a, b, sid in cs:
                    rows.append((sc, any(overlap((a, b), g) for g in every), sid, text[a:b]))
            print(f"{split:5s} calibration: cosine bin → share of candidates overlapping a gold span")
            for lo in (0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95):
                bin_ = [ok for sc, ok, _, _ in rows if lo <= sc < lo + 0.05]
                if bin_:
                    print(f"   [{lo:.2f}, {lo + 0.05:.2f})  n={len(bin_):4d}  precision {sum(bin_) / len(bin_):.2f}  "
                          f"(calibrated {calibrate(lo + 0.025):.2f})")
            wrong = sorted([r for r in rows if not r[1] and r[0] >= THRESHOLD], reverse=True)[:25]
            for sc, _, sid, phrase in wrong:
                print(f"   false positive {sc:.2f} {sid:35s} '{phrase}'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
