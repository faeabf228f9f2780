"""Ranking audit: selection rates computed by hand, impact ratio, groups CSV errors."""

from __future__ import annotations

import pytest

import fairlearn  # noqa: F401,E402  (an installed extra: fail loudly if missing)

from skillradar.fairness.audit import GroupsFileError, audit_ranking, load_groups_csv  # noqa: E402


def ranking(n):
    return [{"resume": f"cv{i}.pdf", "overall": 100.0 - i, "rank": i} for i in range(1, n + 1)]


def test_hand_computed_rates():
    # 8 résumés → top half = ranks 1-4. Group a: cv1, cv2, cv4, cv7 → 3 of 4 selected = 0.75
    # Group b: cv3, cv5, cv6, cv8 → 1 of 4 = 0.25. Impact ratio 0.25 / 0.75 = 1/3.
    groups = {"cv1.pdf": "a", "cv2.pdf": "a", "cv4.pdf": "a", "cv7.pdf": "a",
              "cv3.pdf": "b", "cv5.pdf": "b", "cv6.pdf": "b", "cv8.pdf": "b"}
    out = audit_ranking(ranking(8), groups)
    assert out["groups"] == {"a": {"count": 4, "selected": 3, "selection_rate": 0.75},
                             "b": {"count": 4, "selected": 1, "selection_rate": 0.25}}
    assert out["impact_ratio"] == pytest.approx(1 / 3)
    assert out["four_fifths_ok"] is False
    assert out["selected_definition"] == "top half" and out["cutoff_rank"] == 4 and out["ungrouped"] == 0


def test_odd_count_three_groups_and_ungrouped():
    # 5 résumés → top half = ranks 1-3 (ceil(5/2)). x: cv1, cv4 → 1/2; y: cv2 → 1/1; z: cv5 → 0/1; cv3 ungrouped.
    out = audit_ranking(ranking(5), {"cv1.pdf": "x", "cv4.pdf": "x", "cv2.pdf": "y", "cv5.pdf": "z"})
    assert {g: v["selection_rate"] for g, v in out["groups"].items()} == {"x": 0.5, "y": 1.0, "z": 0.0}
    assert out["impact_ratio"] == 0.0 and out["four_fifths_ok"] is False
    assert out["cutoff_rank"] == 3 and out["ungrouped"] == 1
    assert any("fewer than" in w for w in out["warnings"])


def test_balanced_passes_four_fifths():
    groups = {f"cv{i}.pdf": ("a" if i % 2 else "b") for i in range(1, 11)}  # a: 1,3,5,7,9  b: 2,4,6,8,10
    out = audit_ranking(ranking(10), groups)  # top 5: a → 1,3,5 (0.6); b → 2,4 (0.4)
    assert out["groups"]["a"]["selection_rate"] == pytest.approx(0.6)
    assert out["groups"]["b"]["selection_rate"] == pytest.approx(0.4)
    assert out["impact_ratio"] == pytest.approx(0.4 / 0.6)
    assert out["four_fifths_ok"] is False
    groups = {f"cv{i}.pdf": ("a" if i in (1, 4, 5, 8) else "b") for i in range(1, 9)}  # a: 2/4, b: 2/4
    out = audit_ranking(ranking(8), groups)
    assert out["impact_ratio"] == 1.0 and out["four_fifths_ok"] is True


def test_single_group_has_no_ratio():
    out = audit_ranking(ranking(4), {"cv1.pdf": "a", "cv3.pdf": "a"})
    assert out["impact_ratio"] is None and out["four_fifths_ok"] is None
    assert out["groups"]["a"] == {"count": 2, "selected": 1, "selection_rate": 0.5}


def test_group_resume_not_in_ranking():
    with pytest.raises(GroupsFileError) as info:
        audit_ranking(ranking(2), {"cv1.pdf": "a", "other.pdf": "b"})
    assert info.value.code == "invalid_groups" and "other.pdf" in info.value.message


def test_load_groups_csv(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("\ufeffResume,Group,note\ncv1.pdf,a,x\ncv2.pdf,b,\ncv3.pdf,,blank group\n", encoding="utf-8")
    assert load_groups_csv(p) == {"cv1.pdf": "a", "cv2.pdf": "b"}
    assert load_groups_csv(p, resumes=["cv1.pdf", "cv2.pdf", "cv3.pdf"]) == {"cv1.pdf": "a", "cv2.pdf": "b"}
    with pytest.raises(GroupsFileError, match="not in the ranking"):
        load_groups_csv(p, resumes=["cv1.pdf"])


@pytest.mark.parametrize("content,match", [
    ("file,group\na.pdf,x\n", "missing resume"),
    ("resume\na.pdf\n", "missing group"),
    ("", "missing resume, group"),
    ("resume,group\na.pdf,x\na.pdf,y\n", "two groups"),
])
def test_groups_csv_errors(tmp_path, content, match):
    p = tmp_path / "g.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(GroupsFileError, match=match):
        load_groups_csv(p)


def test_groups_csv_missing_file(tmp_path):
    with pytest.raises(GroupsFileError, match="does not exist"):
        load_groups_csv(tmp_path / "nope.csv")
