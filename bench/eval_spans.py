"""SkillSpan dev: knowledge-span recall and precision of ``extract``, lexical only and with the
semantic stage, plus the cosine → precision table the semantic confidence is calibrated from.

    .venv/bin/python bench/eval_spans.py [--split tech|house|both] [--calibrate] [--rescore [--no-prefilter] [--cheap-only]]

Same rules as ``../shared/eval/score.py spans``: each sentence is its tokens joined by single spaces;
a gold KNOWLEDGE span counts as found when any mention overlaps it; a mention counts as right when
it overlaps any gold SKILL or KNOWLEDGE span.

The semantic stage runs as ``extract --semantic`` does: by default the cheap estimate decides alone;
``--rescore`` re-scores the prefiltered phrases with the full model instead (the semantic
detector's ``rescore`` option). With ``--calibrate`` a threshold sweep is printed and every
semantic candidate above 0.55 (before overlap resolution) is binned by score with the share that
overlaps a gold span: that share is what ``detect.semantic.CALIBRATION_CHEAP`` (cheap scale) or
``CALIBRATION`` (full cosines, ``--rescore``) maps a score to. With ``--rescore``: ``--no-prefilter``
also runs the full model over every candidate (no static prefilter) and prints how many of its
candidates at or above the threshold the prefiltered run kept; ``--cheap-only`` also prints the cheap
mode at a few thresholds.
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
    ap.add_argument("--rescore", action="store_true", help="re-score with the full model (default: cheap estimate alone)")
    ap.add_argument("--no-prefilter", action="store_true", help="with --rescore: also score every candidate with the full model")
    ap.add_argument("--cheap-only", action="store_true", help="with --rescore: also decide on the cheap estimate alone")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"needs the evaluation data at {EVAL} (the shared/ folder beside the repo)", file=sys.stderr)
        return 2
    from skillradar.detect.lexicon import lexicon_for
    from skillradar.detect.semantic import calibrate, resolve, scored_candidates, threshold
    from skillradar.taxonomy import load_taxonomy

    mode = bool(args.rescore)
    default = threshold(mode)
    scale = "full cosine" if mode else "cheap estimate"
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
        cands = [scored_candidates(text, tax, covered=cov, floor=0.55, rescore=mode) for (text, _, _), cov in zip(data, lexical)]
        t_sem = time.perf_counter() - t
        print(f"{split:5s} semantic candidates ({scale}) for {len(data)} sentences in {t_sem:.1f} s")
        if not args.calibrate:
            thresholds: tuple = (default,)
        elif mode:
            thresholds = (0.65, 0.70, 0.75, 0.80, 0.85, 0.90)
        else:
            thresholds = tuple(round(0.70 + 0.01 * i, 2) for i in range(21))
        for thr in thresholds:
            sem = [resolve(c, thr, rescore=mode) for c in cands]
            both = [cov + [(h[1], h[2]) for h in s] for cov, s in zip(lexical, sem)]
            r, p, n = score(data, both)
            mark = " (default)" if abs(thr - default) < 1e-9 else ""
            print(f"{split:5s} lexical + semantic  recall {r:.3f}  precision {p:.3f}  ({n} mentions, "
                  f"{sum(map(len, sem))} semantic, threshold {thr:.2f}){mark}")
        if args.no_prefilter and mode:
            t = time.perf_counter()
            full = [scored_candidates(text, tax, covered=cov, floor=0.55, prefilter=None, rescore=True)
                    for (text, _, _), cov in zip(data, lexical)]
            t_full = time.perf_counter() - t
            sem = [resolve(c, default, rescore=True) for c in full]
            r, p, n = score(data, [cov + [(h[1], h[2]) for h in s] for cov, s in zip(lexical, sem)])
            print(f"{split:5s} no prefilter        recall {r:.3f}  precision {p:.3f}  ({n} mentions, "
                  f"{sum(map(len, sem))} semantic; candidates scored in {t_full:.1f} s)")
            want = {(i, a, b) for i, c in enumerate(full) for sc, a, b, _ in c if sc >= default}
            got = {(i, a, b) for i, c in enumerate(cands) for sc, a, b, _ in c if sc >= default}
            print(f"{split:5s} prefilter kept {len(want & got)} of {len(want)} candidates at or above {default:.2f}")
        if args.cheap_only and mode:
            t = time.perf_counter()
            cheap = [scored_candidates(text, tax, covered=cov, floor=0.55, rescore=False) for (text, _, _), cov in zip(data, lexical)]
            t_cheap = time.perf_counter() - t
            for thr in (0.80, threshold(False), 0.86):
                sem = [resolve(c, thr, rescore=False) for c in cheap]
                r, p, n = score(data, [cov + [(h[1], h[2]) for h in s] for cov, s in zip(lexical, sem)])
                print(f"{split:5s} cheap only          recall {r:.3f}  precision {p:.3f}  ({n} mentions, "
                      f"{sum(map(len, sem))} semantic, threshold {thr:.2f}; candidates in {t_cheap:.1f} s)")
        if args.calibrate:
            rows = []
            for (text, know, every), cs in zip(data, cands):
                for sc, a, b, sid in cs:
                    rows.append((sc, any(overlap((a, b), g) for g in every), sid, text[a:b]))
            print(f"{split:5s} calibration: {scale} bin → share of candidates overlapping a gold span")
            for lo in (0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95):
                bin_ = [ok for sc, ok, _, _ in rows if lo <= sc < lo + 0.05]
                if bin_:
                    print(f"   [{lo:.2f}, {lo + 0.05:.2f})  n={len(bin_):4d}  precision {sum(bin_) / len(bin_):.2f}  "
                          f"(calibrated {calibrate(lo + 0.025, mode):.2f})")
            wrong = sorted([r for r in rows if not r[1] and r[0] >= default], reverse=True)[:25]
            for sc, _, sid, phrase in wrong:
                print(f"   false positive {sc:.2f} {sid:35s} '{phrase}'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
