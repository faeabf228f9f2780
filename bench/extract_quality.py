"""Extraction quality on real postings: hand-written AI/ML postings (bench/corpus/) and SkillSpan dev
(../shared/eval/skillspan, postings rebuilt from its sentences). Reports the share of postings with at
least one skill, distinct skills per posting, and checks that every span reproduces its text.

    .venv/bin/python bench/extract_quality.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from skillradar.extract import extract_document, extract_path
from skillradar.records import Document

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "skillspan"


def skillspan_postings(path: Path) -> list[str]:
    """SkillSpan dev sentences grouped back into postings: a posting starts two sentences before each
    'Date posted:' line (title, company) — the layout of the StackOverflow ads the set comes from."""
    sentences, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sentences.append(" ".join(cur))
                cur = []
            continue
        cur.append(line.split("\t")[0])
    if cur:
        sentences.append(" ".join(cur))
    starts = sorted({max(0, i - 2) for i, s in enumerate(sentences) if s.startswith("Date posted:")}
                    | {i for i, s in enumerate(sentences) if _placeholder_header(s)})
    if not starts or starts[0] != 0:
        starts = [0] + starts
    bounds = list(zip(starts, starts[1:] + [len(sentences)]))
    return ["\n".join(sentences[a:b]) for a, b in bounds if b > a]


def _placeholder_header(sentence: str) -> bool:
    """HOUSE ads open with a line of de-identified organisation names."""
    return sentence.startswith("<ORGANIZATION> " * 4)


def report(name: str, extractions) -> None:
    distinct = [len({m.skill_id for m in ex.mentions}) for ex in extractions]
    with_one = sum(1 for d in distinct if d) / len(distinct)
    print(f"| {name} | {len(distinct)} | {100 * with_one:.1f}% | {statistics.mean(distinct):.1f} | "
          f"{statistics.median(distinct):.0f} |")


def check_spans(text: str, ex) -> None:
    for m in ex.mentions:
        assert text[m.start:m.end] == m.text, (ex.source, m)


def main() -> None:
    print("| postings | n | with ≥ 1 skill | distinct skills / posting (mean) | median |")
    print("|---|---|---|---|---|")
    corpus = sorted(p for p in (ROOT / "bench" / "corpus").iterdir() if p.suffix in (".md", ".txt", ".html"))
    exs = []
    for p in corpus:
        ex = extract_path(p, kind="posting")
        from skillradar.readers import read_path

        check_spans(read_path(p).text, ex)
        exs.append(ex)
    report("hand-written AI/ML postings (bench/corpus)", exs)
    if not EVAL.is_dir():
        sys.exit(f"SkillSpan dev not found at {EVAL}: the shared eval folder is needed for the rest")
    for split in ("tech", "house"):
        texts = skillspan_postings(EVAL / f"skillspan_{split}_dev.conll")
        exs = []
        for i, t in enumerate(texts):
            ex = extract_document(Document(f"{split}{i}", t), kind="posting")
            check_spans(t, ex)
            exs.append(ex)
        report(f"SkillSpan {split.upper()} dev (rebuilt postings)", exs)
        sentences = [s for t in texts for s in t.split("\n")]
        windows = ["\n".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20)]
        report(f"SkillSpan {split.upper()} dev (windows of 20 sentences)",
               [extract_document(Document(f"w{i}", w), kind="posting") for i, w in enumerate(windows)])
    print("\nEvery mention's span reproduced its text.")


if __name__ == "__main__":
    main()
