"""Issue 13, item 3: tables and charts carry n, source and date range, and say "synthetic" when the
corpus is; checked in the rendered images, not only in the code that draws them."""

from __future__ import annotations

import json

import pytest

RED = (0xB0 / 255, 0x00 / 255, 0x20 / 255)  # the colour of the synthetic warning


def _red_pixels(png) -> int:
    """Pixels of the warning's red in a PNG (anti-aliasing aside)."""
    import numpy as np
    from matplotlib import image

    img = image.imread(str(png))[..., :3]
    close = np.abs(img - np.array(RED)).max(axis=2) < 0.12
    return int(close.sum())


@pytest.fixture
def real_like_db(mtax, tmp_path):
    """Forty postings with no synthetic marker, dated over two months, from a file named jobs.csv."""
    import pandas as pd

    from skillradar.market.ingest import ingest_files

    rows = [{"description": f"Posting {i}. Requirements:\n- Python" + (" and SQL." if i % 2 else "."),
             "date": f"2024-0{1 + i % 2}-{1 + i % 28:02d}", "title": "Data Engineer"} for i in range(40)]
    path = tmp_path / "jobs.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    db = tmp_path / "real.duckdb"
    ingest_files([path], db=db, taxonomy=mtax, near_dup_threshold=1.0)
    return db


def test_synthetic_corpus_is_said_in_table_chart_and_stderr(corpus_db, tmp_path, capsys):
    from skillradar.cli import main

    db, summary = corpus_db
    png = tmp_path / "top.png"
    assert main(["market", "top", "--db", str(db), "--limit", "5", "--plot", str(png)]) == 0
    cap = capsys.readouterr()
    out, err = " ".join(cap.out.split()), " ".join(cap.err.split())
    assert f"skill demand · n = {summary['ingested']} postings · source: postings.csv · 2023-" in out
    assert "SYNTHETIC demo data, not the job market" in out
    assert "note: all" in err and "SYNTHETIC" in err
    assert _red_pixels(png) > 500  # the red title line and caption are in the image
    assert main(["market", "top", "--db", str(db), "--format", "json"]) == 0
    cap = capsys.readouterr()
    assert isinstance(json.loads(cap.out), list) and "SYNTHETIC" in cap.err  # JSON unchanged, the note still said


def test_real_corpus_caption_without_synthetic(real_like_db, tmp_path, capsys):
    from skillradar.cli import main

    png = tmp_path / "m.png"
    assert main(["market", "trends", "--db", str(real_like_db), "--monthly", "--plot", str(png),
                 "--min-postings", "5"]) == 0
    cap = capsys.readouterr()
    assert "n = 40 dated postings · source: jobs.csv · 2024-01-01 to 2024-02-28" in " ".join(cap.out.split())
    assert "SYNTHETIC" not in cap.out + cap.err
    assert _red_pixels(png) < 50


@pytest.mark.parametrize("kind", ["demand", "trend", "cooccur", "compare"])
def test_every_chart_prints_its_caption(kind, corpus_db, tmp_path):
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt

    from skillradar.market import stats
    from skillradar.market.comparison import compare
    from skillradar.market.corpus import caption, describe
    from skillradar.report import charts

    db, _s = corpus_db
    line = caption(describe(db))
    rows = {"demand": lambda: stats.top(db, limit=5), "trend": lambda: stats.monthly(db, top_n=2),
            "cooccur": lambda: stats.cooccur(db, skill="python"),
            "compare": lambda: compare(db, a={"until": "2023-12-31"}, b={"since": "2024-01-01"})}[kind]()
    captured = {}
    original = plt.Figure.savefig

    def keep(fig, *a, **kw):
        captured["fig"] = fig
        return original(fig, *a, **kw)

    plt.Figure.savefig = keep
    try:
        getattr(charts, f"{kind}_chart")(rows, tmp_path / f"{kind}.png", caption=line)
    finally:
        plt.Figure.savefig = original
    fig = captured["fig"]
    texts = [t.get_text() for t in fig.texts]
    assert any(line in t.replace("\n", " ") for t in texts), texts
    assert fig.axes[0].get_title().startswith("SYNTHETIC DATA")
    assert _red_pixels(tmp_path / f"{kind}.png") > 300
