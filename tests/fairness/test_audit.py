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
    out = audit_ranking(ranking(8), groups, min_group=1)
    assert out["groups"] == {"a": {"count": 4, "selected": 3, "selection_rate": 0.75, "comparable": True},
                             "b": {"count": 4, "selected": 1, "selection_rate": 0.25, "comparable": True}}
    assert out["impact_ratio"] == pytest.approx(1 / 3)
    assert out["four_fifths_ok"] is False
    assert out["selected_definition"] == "top half" and out["cutoff_rank"] == 4 and out["ungrouped"] == 0


def test_odd_count_three_groups_and_ungrouped():
    # 5 résumés → top half = ranks 1-3 (ceil(5/2)). x: cv1, cv4 → 1/2; y: cv2 → 1/1; z: cv5 → 0/1; cv3 ungrouped.
    out = audit_ranking(ranking(5), {"cv1.pdf": "x", "cv4.pdf": "x", "cv2.pdf": "y", "cv5.pdf": "z"}, min_group=1)
    assert {g: v["selection_rate"] for g, v in out["groups"].items()} == {"x": 0.5, "y": 1.0, "z": 0.0}
    assert out["impact_ratio"] == 0.0 and out["four_fifths_ok"] is False
    assert out["cutoff_rank"] == 3 and out["ungrouped"] == 1
    assert any("four-fifths" in w for w in out["warnings"])


def test_balanced_passes_four_fifths():
    groups = {f"cv{i}.pdf": ("a" if i % 2 else "b") for i in range(1, 11)}  # a: 1,3,5,7,9  b: 2,4,6,8,10
    out = audit_ranking(ranking(10), groups, min_group=1)  # top 5: a → 1,3,5 (0.6); b → 2,4 (0.4)
    assert out["groups"]["a"]["selection_rate"] == pytest.approx(0.6)
    assert out["groups"]["b"]["selection_rate"] == pytest.approx(0.4)
    assert out["impact_ratio"] == pytest.approx(0.4 / 0.6)
    assert out["four_fifths_ok"] is False
    groups = {f"cv{i}.pdf": ("a" if i in (1, 4, 5, 8) else "b") for i in range(1, 9)}  # a: 2/4, b: 2/4
    out = audit_ranking(ranking(8), groups, min_group=1)
    assert out["impact_ratio"] == 1.0 and out["four_fifths_ok"] is True


def test_single_group_has_no_ratio():
    out = audit_ranking(ranking(4), {"cv1.pdf": "a", "cv3.pdf": "a"})
    assert out["impact_ratio"] is None and out["four_fifths_ok"] is None
    assert out["groups"]["a"] == {"count": 2, "selected": 1, "selection_rate": 0.5, "comparable": False}


def test_group_resume_not_in_ranking():
    with pytest.raises(GroupsFileError) as info:
        audit_ranking(ranking(2), {"cv1.pdf": "a", "other.pdf": "b"})
    assert info.value.code == "invalid_groups" and "other.pdf" in info.value.message


def test_load_groups_csv(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("\ufeffResume,Group,note\ncv1.pdf,a,x\ncv2.pdf,b,\ncv3.pdf,,blank group\n", encoding="utf-8")
    assert load_groups_csv(p) == {"cv1.pdf": "a", "cv2.pdf": "b"}
    assert load_groups_csv(p, resumes=["cv1.pdf", "cv2.pdf", "cv3.pdf"]) == {"cv1.pdf": "a", "cv2.pdf": "b"}
    with pytest.raises(GroupsFileError, match="line 3 'cv2.pdf'"):
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


def test_small_groups_give_no_ratio():
    # the issue's case: a group of one person made "impact ratio 0.00"
    groups = {f"cv{i}.pdf": "a" for i in range(1, 7)} | {"cv7.pdf": "b"}
    out = audit_ranking(ranking(7), groups)
    assert out["min_group"] == 5 and out["groups"]["b"]["comparable"] is False
    assert out["impact_ratio"] is None and out["four_fifths_ok"] is None
    assert out["ratio_note"].startswith("too few to compare")
    assert any("(b)" in w for w in out["warnings"])
    assert audit_ranking(ranking(7), groups, min_group=1)["impact_ratio"] == 0.0


def test_small_group_left_out_of_the_ratio():
    groups = {f"cv{i}.pdf": ("a" if i <= 5 else "b") for i in range(1, 11)} | {"cv11.pdf": "c"}
    out = audit_ranking(ranking(11), groups)  # top 6: a 5/5, b 1/5; c (1 résumé) left out
    assert out["impact_ratio"] == pytest.approx(0.2) and out["four_fifths_ok"] is False
    assert out["groups"]["c"]["comparable"] is False


@pytest.mark.parametrize("kwargs,cutoff,definition", [
    ({}, 5, "top half"), ({"select_top": 2}, 2, "top 2"), ({"select_top": 50}, 10, "top 50"),
    ({"select_share": 0.2}, 2, "top 20%"), ({"select_share": 1.0}, 10, "top 100%"),
])
def test_selection_cutoff(kwargs, cutoff, definition):
    groups = {f"cv{i}.pdf": ("a" if i % 2 else "b") for i in range(1, 11)}
    out = audit_ranking(ranking(10), groups, **kwargs)
    assert out["cutoff_rank"] == cutoff and out["selected_definition"] == definition
    assert sum(v["selected"] for v in out["groups"].values()) == cutoff


@pytest.mark.parametrize("kwargs", [{"select_top": 0}, {"select_share": 0.0}, {"select_share": 1.5},
                                    {"select_top": 3, "select_share": 0.5}, {"min_group": 0}])
def test_bad_cutoff_is_a_usage_error(kwargs):
    from skillradar.errors import UsageError

    with pytest.raises(UsageError):
        audit_ranking(ranking(4), {"cv1.pdf": "a"}, **kwargs)


def test_groups_match_by_file_name_or_resolved_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cvs").mkdir()
    resumes = ["cvs/ann.txt", str(tmp_path / "cvs" / "bob.txt"), "./cvs/cy.txt"]
    p = tmp_path / "g.csv"
    p.write_text(f"resume,group\nann.txt,a\ncvs/bob.txt,b\n{tmp_path}/cvs/cy.txt,a\n", encoding="utf-8")
    assert load_groups_csv(p, resumes=resumes) == {"cvs/ann.txt": "a", resumes[1]: "b", "./cvs/cy.txt": "a"}


def test_groups_rows_matching_nothing_are_named_with_their_lines(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("resume,group\nann.txt,a\nzed.txt,b\nnobody.pdf,a\n", encoding="utf-8")
    with pytest.raises(GroupsFileError) as info:
        load_groups_csv(p, resumes=["x/ann.txt"])
    assert "line 3 'zed.txt'" in info.value.message and "line 4 'nobody.pdf'" in info.value.message


def test_groups_file_name_shared_by_two_resumes_is_ambiguous(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("resume,group\ncv.txt,a\n", encoding="utf-8")
    with pytest.raises(GroupsFileError, match="several résumés"):
        load_groups_csv(p, resumes=["a/cv.txt", "b/cv.txt"])
