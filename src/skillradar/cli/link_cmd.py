"""``skillradar link``: rank every skill of a taxonomy for each input line (JSON lines out)."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from ..errors import DecodeError, FileMissing, UsageError
from . import app
from .output import dumps
from .progress import CountBar


def _read_lines(path: Optional[str]) -> list[str]:
    if path in (None, "-"):
        data = sys.stdin.buffer.read()
        source = "-"
    else:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError as exc:
            raise UsageError(f"--input: no such file '{path}'") from exc
        except OSError as exc:
            raise FileMissing(f"cannot read '{path}': {exc.strerror}", source=path) from exc
        source = path
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"input is not UTF-8 (byte {exc.start}): re-encode it as UTF-8", source=source) from exc
    return text.splitlines()


@app.command("link")
def link_command(
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
    top_k: int = typer.Option(10, "--top-k", "-k", help="Candidates per line (best first)."),
    input_file: Optional[str] = typer.Option(None, "--input", "-i", help="File with one query a line (default stdin)."),
    model: str = typer.Option("esco-minilm", "--model", help="esco-minilm or minilm. The encoder tuned on ESCO "
                              "(default) or the original all-MiniLM-L6-v2."),
) -> None:
    """Rank the skills of a taxonomy for each line of text (offline embeddings; extra 'semantic')."""
    from ..link import LINK_MODELS, link
    from ..taxonomy import load_taxonomy
    from .output import check_choice

    check_choice(model, LINK_MODELS, "--model")
    if top_k < 0:
        raise UsageError(f"--top-k must be 0 or more (got {top_k})")
    tax = load_taxonomy(taxonomy)
    lines = _read_lines(input_file)
    if not lines:
        return
    out = sys.stdout
    step = 64  # stream in chunks so long inputs show output (and progress) early
    with CountBar("linking", "lines", total=len(lines) if len(lines) > step else None) as bar:
        for start in range(0, len(lines), step):
            chunk = lines[start : start + step]
            for row in link(chunk, tax, top_k=top_k, model=model):
                out.write(dumps(row) + "\n")
            out.flush()
            bar(len(chunk))
