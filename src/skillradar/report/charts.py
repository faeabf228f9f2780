"""Charts of market analytics: matplotlib (Agg) images for files and reports, and Vega-Lite specs
(plain JSON dicts) for the web page.

- ``demand_chart``: horizontal bars of skill shares with 95% Wilson whiskers (rows of ``market top``);
- ``trend_chart``: monthly share lines with Wilson bands (rows of ``stats.monthly``), with an optional
  split date marked;
- ``cooccur_chart``: lift of the skills seen with one skill, bars coloured by significance (rows of
  ``market cooccur``);
- ``compare_chart``: the difference in share between two corpora with Newcombe intervals (rows of
  ``market compare``).
Each ``*_chart(rows, path, caption=…)`` writes a PNG or SVG (by extension); ``caption`` (the corpus
line of :func:`skillradar.market.corpus.caption`: n, source, dates) is printed under the chart, and a
synthetic corpus also puts "SYNTHETIC DATA" in the title, in red. Each ``*_spec(rows)`` returns the
matching Vega-Lite v5 spec with the data inlined.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["demand_chart", "trend_chart", "cooccur_chart", "compare_chart", "demand_spec", "trend_spec",
           "cooccur_spec"]

_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
_FORMATS = (".png", ".svg")


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def _check(path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in _FORMATS:
        from ..errors import UsageError

        raise UsageError(f"path must end in .png or .svg (got '{path.name}')", params=("path",))
    return path


def _synthetic(caption: str | None) -> bool:
    return bool(caption) and "SYNTHETIC" in caption


def _title(ax, text: str, caption: str | None, **kw) -> None:
    """The chart title, led by a red "SYNTHETIC DATA" when the corpus is."""
    if _synthetic(caption):
        ax.set_title("SYNTHETIC DATA (demo, not the job market)\n" + text, color="#B00020", **kw)
    else:
        ax.set_title(text, **kw)


def _save(fig, path: Path, caption: str | None = None) -> Path:
    if caption:
        import textwrap

        lines = textwrap.wrap(caption, 150)
        fig.text(0.01, 0.005, "\n".join(lines), fontsize=7, va="bottom", ha="left",
                 color="#B00020" if _synthetic(caption) else "#444444")
        fig.tight_layout(rect=(0, 0.02 + 0.025 * len(lines), 1, 1))
    else:
        fig.tight_layout()
    fig.savefig(path, dpi=144 if path.suffix.lower() == ".png" else None)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return path


def demand_chart(rows: list[dict], path, *, title: str = "Skill demand (share of postings, 95% Wilson interval)",
                 limit: int = 25, caption: str | None = None) -> Path:
    path = _check(path)
    plt = _plt()
    rows = rows[:limit]
    fig, ax = plt.subplots(figsize=(8, 0.32 * max(len(rows), 3) + 1.2))
    labels = [r["label"] for r in rows][::-1]
    share = [r["share"] for r in rows][::-1]
    lo = [r["share"] - r["ci_low"] for r in rows][::-1]
    hi = [r["ci_high"] - r["share"] for r in rows][::-1]
    ax.barh(range(len(rows)), share, color="#4C78A8", xerr=[lo, hi], ecolor="#333333", capsize=2)
    ax.set_yticks(range(len(rows)), labels, fontsize=8)
    ax.set_xlabel("share of postings")
    ax.set_xlim(0, min(1.0, max([r["ci_high"] for r in rows] + [0.05]) * 1.1))
    _title(ax, title + (f" · n = {rows[0]['total']}" if rows else ""), caption, fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path, caption)


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last given, so months without postings become gaps."""
    if not months:
        return []
    (y, m), (y1, m1) = (map(int, months[0].split("-")), map(int, months[-1].split("-")))
    out = []
    while (y, m) <= (y1, m1):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def trend_chart(rows: list[dict], path, *, split: str | None = None, min_postings: int = 20,
                title: str = "Monthly share of postings (95% Wilson band)", caption: str | None = None) -> Path:
    """Lines break at months without postings and at thin months (fewer than ``min_postings``), so no
    line is drawn across data that is not there; grey bars below give each month's n."""
    path = _check(path)
    plt = _plt()
    import datetime as dt

    nan = float("nan")
    months = _month_range(sorted({r["month"] for r in rows}))
    x = [dt.date.fromisoformat(m + "-01") for m in months]
    totals = {r["month"]: r["total"] for r in rows}
    fig, (ax, axn) = plt.subplots(2, 1, figsize=(10, 5.6), sharex=True, gridspec_kw={"height_ratios": [4, 1]})
    for sid in sorted({r["skill_id"] for r in rows}):
        by_month = {r["month"]: r for r in rows if r["skill_id"] == sid}
        shown = [by_month.get(m) if by_month.get(m) and by_month[m]["total"] >= min_postings else None for m in months]
        y = [r["share"] if r else nan for r in shown]
        line, = ax.plot(x, y, label=next(iter(by_month.values()))["label"], linewidth=1.6, marker="o", markersize=2.5)
        ax.fill_between(x, [r["ci_low"] if r else nan for r in shown], [r["ci_high"] if r else nan for r in shown],
                        alpha=0.15, color=line.get_color())
    if split:
        for a in (ax, axn):
            a.axvline(dt.date.fromisoformat(split), color="#888888", linestyle="--", linewidth=1)
    n = [totals.get(m, 0) for m in months]
    axn.bar(x, n, width=20, color=["#BBBBBB" if v >= min_postings else "#E45756" for v in n])
    axn.axhline(min_postings, color="#E45756", linewidth=0.8, linestyle=":")
    axn.set_ylabel("n postings", fontsize=8)
    ax.set_ylabel("share of postings")
    ax.set_ylim(bottom=0)
    _title(ax, f"{title}\ngaps: months with no postings or fewer than {min_postings} (red bars below)", caption,
           fontsize=10)
    ax.grid(alpha=0.3)
    if rows:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    fig.autofmt_xdate()
    return _save(fig, path, caption)


def cooccur_chart(rows: list[dict], path, *, limit: int = 25, alpha: float = 0.05, caption: str | None = None) -> Path:
    path = _check(path)
    plt = _plt()
    rows = rows[:limit]
    fig, ax = plt.subplots(figsize=(8, 0.32 * max(len(rows), 3) + 1.2))
    test = "q_value" if rows and "q_value" in rows[0] else "p_value"
    colors = ["#E45756" if r[test] < alpha else "#9D9D9D" for r in rows][::-1]
    ax.barh(range(len(rows)), [r["lift"] for r in rows][::-1], color=colors)
    ax.axvline(1.0, color="#333333", linewidth=1)
    ax.set_yticks(range(len(rows)), [f"{r['other_label']} ({r['both']})" for r in rows][::-1], fontsize=8)
    ax.set_xlabel(f"lift (red: enriched, {test[0]} < {alpha}); in brackets: postings with both")
    _title(ax, f"Skills seen with {rows[0]['skill_id']} · n = {rows[0]['postings_skill']} of {rows[0]['total']} "
           f"postings" if rows else "Skills seen with —", caption, fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path, caption)


def compare_chart(rows: list[dict], path, *, names: dict | None = None, limit: int = 25, alpha: float = 0.05,
                  caption: str | None = None) -> Path:
    """The ``limit`` most significant differences (rows in their q order), bars b - a with Newcombe 95%
    whiskers, red where q < ``alpha``."""
    path = _check(path)
    plt = _plt()
    rows = rows[:limit]
    fig, ax = plt.subplots(figsize=(9, 0.32 * max(len(rows), 3) + 1.6))
    y = range(len(rows))
    diffs = [r["diff"] for r in rows][::-1]
    lo = [r["diff"] - r["diff_ci_low"] for r in rows][::-1]
    hi = [r["diff_ci_high"] - r["diff"] for r in rows][::-1]
    colors = ["#E45756" if r["q_value"] < alpha else "#9D9D9D" for r in rows][::-1]
    ax.barh(y, diffs, color=colors, xerr=[lo, hi], ecolor="#333333", capsize=2)
    ax.axvline(0.0, color="#333333", linewidth=1)
    ax.set_yticks(list(y), [f"{r['label']} ({r['postings_a']} / {r['postings_b']})" for r in rows][::-1], fontsize=8)
    names = names or {"a": "a", "b": "b"}
    n = (f" · n = {rows[0]['total_a']} vs {rows[0]['total_b']}") if rows else ""
    ax.set_xlabel(f"share in b minus share in a (red: q < {alpha}); in brackets: postings in a / b", fontsize=8)
    _title(ax, f"a = {names['a']} vs. b = {names['b']}{n}", caption, fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path, caption)


def demand_spec(rows: list[dict], *, limit: int = 25) -> dict:
    data = [{k: r[k] for k in ("skill_id", "label", "family", "postings", "total", "share", "ci_low", "ci_high")}
            for r in rows[:limit]]
    y = {"field": "label", "type": "nominal", "sort": "-x", "title": None}
    return {
        "$schema": _SCHEMA, "description": "Skill demand with 95% Wilson intervals", "data": {"values": data},
        "layer": [
            {"mark": {"type": "bar", "color": "#4C78A8"},
             "encoding": {"y": y, "x": {"field": "share", "type": "quantitative", "title": "share of postings"},
                          "tooltip": [{"field": f} for f in ("label", "postings", "total", "share", "ci_low", "ci_high")]}},
            {"mark": {"type": "rule"},
             "encoding": {"y": y, "x": {"field": "ci_low", "type": "quantitative"}, "x2": {"field": "ci_high"}}},
        ],
    }


def trend_spec(rows: list[dict], *, split: str | None = None) -> dict:
    data = [{k: r[k] for k in ("month", "skill_id", "label", "postings", "total", "share", "ci_low", "ci_high")}
            for r in rows]
    x = {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": None}
    color = {"field": "label", "type": "nominal", "title": "skill"}
    layers = [
        {"mark": {"type": "area", "opacity": 0.15},
         "encoding": {"x": x, "y": {"field": "ci_low", "type": "quantitative"}, "y2": {"field": "ci_high"}, "color": color}},
        {"mark": {"type": "line", "point": True},
         "encoding": {"x": x, "y": {"field": "share", "type": "quantitative", "title": "share of postings"},
                      "color": color, "tooltip": [{"field": f} for f in ("label", "month", "postings", "total", "share")]}},
    ]
    if split:
        layers.append({"data": {"values": [{"split": split}]}, "mark": {"type": "rule", "strokeDash": [4, 4]},
                       "encoding": {"x": {"field": "split", "type": "temporal"}}})
    return {"$schema": _SCHEMA, "description": "Monthly skill share with 95% Wilson bands", "data": {"values": data},
            "layer": layers}


def cooccur_spec(rows: list[dict], *, limit: int = 25, alpha: float = 0.05) -> dict:
    data = [dict({k: r[k] for k in ("skill_id", "other_id", "other_label", "both", "lift", "p_value")},
                 q_value=r.get("q_value"), enriched=r.get("q_value", r["p_value"]) < alpha) for r in rows[:limit]]
    return {
        "$schema": _SCHEMA, "description": "Co-occurring skills by lift", "data": {"values": data},
        "mark": "bar",
        "encoding": {
            "y": {"field": "other_label", "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": "lift", "type": "quantitative"},
            "color": {"field": "enriched", "type": "nominal", "title": f"q < {alpha}"},
            "tooltip": [{"field": f} for f in ("other_label", "both", "lift", "p_value", "q_value")],
        },
    }
