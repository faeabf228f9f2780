"""What the job seeker's page needs from /api/assess: the posting's text with its target skills marked
matched or missing, and "I have this" claims re-scored by the library's one scorer."""

from __future__ import annotations

from skillradar.assess import assess
from skillradar.records import Document


def _post(client, resume_bytes, posting_bytes, **data):
    files = {"resume": ("cv.md", resume_bytes, "text/markdown"), "posting": ("job.md", posting_bytes, "text/markdown")}
    return client.post("/api/assess", files=files, data=data)


def test_posting_text_and_its_marked_skills(client, resume_bytes, posting_bytes):
    r = _post(client, resume_bytes, posting_bytes, include_text="1")
    assert r.status_code == 200, r.text
    d = r.json()
    text = d["posting_text"]
    assert text == posting_bytes.decode("utf-8")
    marks = d["posting_mentions"]
    targets = {s["skill_id"] for s in d["target_skills"]}
    matched = {m["skill_id"] for m in d["matched"]}
    assert marks and {m["skill_id"] for m in marks} == targets  # every target is marked where the posting names it
    for m in marks:
        assert text[m["start"]:m["end"]] == m["text"]
        assert m["matched"] == (m["skill_id"] in matched)
        assert m["family"] in ("technical", "data", "thinking", "soft", "domain")
    assert any(m["matched"] for m in marks) and not all(m["matched"] for m in marks)
    # without include_text the answer stays the CLI's object
    plain = _post(client, resume_bytes, posting_bytes).json()
    assert "posting_text" not in plain and "resume_text" not in plain


def test_role_target_has_no_posting_text(client, resume_bytes):
    r = client.post("/api/assess", files={"resume": ("cv.md", resume_bytes, "text/markdown")},
                    data={"role": "llm-engineer", "include_text": "1"})
    assert r.status_code == 200 and "posting_text" not in r.json()


def test_claims_rescore_as_the_library_does(client, resume_bytes, posting_bytes):
    base = _post(client, resume_bytes, posting_bytes).json()
    first, second = base["gaps"][0], base["gaps"][1]
    r = _post(client, resume_bytes, posting_bytes, claimed=[first["skill_id"], second["label"]])
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["claimed"] == [first["skill_id"], second["skill_id"]]
    assert d["overall"] > base["overall"]
    assert {first["skill_id"], second["skill_id"]}.isdisjoint(g["skill_id"] for g in d["gaps"])
    # the same figure the library gives: one scorer
    lib = assess(Document("cv.md", resume_bytes.decode(), "md", "resume"),
                 posting=Document("job.md", posting_bytes.decode(), "md", "posting"),
                 claimed=[first["skill_id"], second["skill_id"]])
    assert lib.overall == d["overall"]


def test_an_unknown_claim_is_refused_with_close_names(client, resume_bytes, posting_bytes):
    r = _post(client, resume_bytes, posting_bytes, claimed="Pytorhc")
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_skill"
    assert "pytorch" in r.json()["error"]["message"].lower()
