"""The job seeker's page in a real headless Chromium: upload a résumé and a posting, read the gaps in
words, tick "I have this" and see the score recalculated by the server, reach every step of the plan,
and read the posting beside the résumé with matched and missing skills in family colours.

Uses the session's browser and server (conftest.py; Debian's /usr/bin/chromium; a missing browser fails).
Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import httpx

from .conftest import ARTIFACTS, ROOT, expect

RESUME = ROOT / "tests" / "data" / "resumes" / "cv-008.md"
POSTING = ROOT / "tests" / "data" / "postings" / "ai-engineer-genai.md"


def _api_assessment(server: str, claimed=()) -> dict:
    files = {"resume": (RESUME.name, RESUME.read_bytes(), "text/markdown"),
             "posting": (POSTING.name, POSTING.read_bytes(), "text/markdown")}
    data = {"include_text": "1", "claimed": list(claimed)}
    r = httpx.post(server + "/api/assess", files=files, data=data, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def _assess(page, server):
    page.goto(server + "/")
    page.get_by_label("Upload a file").set_input_files(str(RESUME))
    page.get_by_label("Upload the posting").set_input_files(str(POSTING))
    page.get_by_role("button", name="Assess").click()
    expect(page.locator("#assess-status")).to_contain_text("Done", timeout=60_000)
    page.wait_for_selector("#radar svg polygon.radar-area", state="attached")


def test_toggle_a_gap_rescoring_through_the_api(page, server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _assess(page, server)
    expected = _api_assessment(server)
    before = int(page.locator("#overall-score").inner_text())
    assert before == round(expected["overall"])
    # the first gap whose claim moves the whole-number score the page shows (a claim worth 0.4 points
    # may leave it where it was: 47.8 -> 48.2)
    first = next(g for g in expected["gaps"]
                 if round(_api_assessment(server, [g["skill_id"]])["overall"]) > round(expected["overall"]))
    gap = page.locator(f'#gap-list li[data-skill="{first["skill_id"]}"]')
    assert first["summary"] in gap.inner_text()  # the gap in words, as the API says it
    assert gap.locator("details").get_attribute("open") is None  # the figures one click away
    gap.get_by_text("the numbers").click()
    expect(gap.locator("details .why")).to_contain_text("importance")

    page.get_by_label(f"I have {first['label']}", exact=True).check()
    expect(page.locator("#assess-status")).to_contain_text("Counted", timeout=60_000)
    after = int(page.locator("#overall-score").inner_text())
    claimed = _api_assessment(server, [first["skill_id"]])
    assert after == round(claimed["overall"]) and claimed["overall"] > expected["overall"]
    assert after > before
    assert f"was {before}" in page.locator("#score-delta").inner_text()
    assert page.locator(f'#gap-list li[data-skill="{first["skill_id"]}"]').count() == 0
    assert page.locator("#claimed-box").is_visible()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "web_assess_claimed.png"), full_page=True)

    # untick it in "You said you have": back to the first score
    page.locator("#claimed-list").get_by_label(f"I have {first['label']}", exact=True).uncheck()
    expect(page.locator("#assess-status")).to_contain_text("No longer counted", timeout=60_000)
    assert int(page.locator("#overall-score").inner_text()) == before
    assert page.locator("#claimed-box").is_hidden()
    assert page.console_errors == [], page.console_errors
    assert page.external_requests == []


def test_the_whole_plan_and_both_texts_are_readable(page, server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    _assess(page, server)
    expected = _api_assessment(server)
    assert len(expected["plan"]) > 10  # more than the page once showed
    steps = page.locator("#plan-list li")
    assert steps.count() == len(expected["plan"])
    assert page.locator("#plan-count").inner_text() == str(len(expected["plan"]))
    for i in range(steps.count()):  # every step is on the page, with a resource or a plain note
        step = steps.nth(i)
        step.scroll_into_view_if_needed()
        assert step.is_visible()
        assert step.locator("a").count() or "listed" in step.inner_text() or "no course" in step.inner_text().lower()

    # the posting beside the résumé, matched and missing skills marked in family colours
    posting = page.locator("#posting-view")
    assert posting.is_visible() and page.locator("#resume-view").is_visible()
    matched = posting.locator("mark.skill.matched")
    missing = posting.locator("mark.skill.missing")
    assert matched.count() >= 3 and missing.count() >= 3
    colours = set(page.evaluate("""() => [...document.querySelectorAll('#posting-view mark, #resume-view mark')]
        .map(m => { const s = getComputedStyle(m);
                    return (m.classList.contains('missing') ? s.outlineColor : s.backgroundColor)
                           .match(/\\d+/g).slice(0, 3).join(','); })"""))
    assert len(colours) >= 2, colours  # family colours, not all one colour
    assert "253,230,138" not in colours  # the old all-yellow highlight
    outline = page.evaluate("() => getComputedStyle(document.querySelector('#posting-view mark.missing')).outlineStyle")
    assert outline == "dashed"
    boxes = page.evaluate("""() => ['#posting-card', '#resume-card'].map(s => document.querySelector(s).getBoundingClientRect().x)""")
    assert boxes[0] < boxes[1]  # side by side
    # the résumé view shows all of the résumé: no short scroll box
    view = page.evaluate("""() => { const v = document.querySelector('#resume-view');
        return [v.scrollHeight, v.clientHeight, getComputedStyle(v).overflowY]; }""")
    assert view[0] <= view[1] + 1, view
    # selecting a matched skill finds it in the texts
    page.locator("#match-list button").first.click()
    assert page.locator(".doc-view mark.active").count() >= 1
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "web_assess_seeker.png"), full_page=True)
    page.locator("#texts").screenshot(path=str(ARTIFACTS / "web_assess_texts.png"))
    assert page.console_errors == [], page.console_errors
    assert page.external_requests == []
