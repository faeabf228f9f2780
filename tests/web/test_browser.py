"""The web page in a real headless Chromium (Debian's /usr/bin/chromium driven by Python playwright).

Starts ``skillradar serve`` on a free loopback port with a small market database, uploads a résumé,
checks the report (radar, gaps, highlighted evidence), then the market view, and saves screenshots
to tests/artifacts/. A missing browser FAILS (never skips): run scripts/install-browser.
"""

from __future__ import annotations

import httpx
import pytest

from .conftest import ARTIFACTS, ROOT, expect, serve


@pytest.fixture(scope="module")
def gap_db(tmp_path_factory):
    """Real-looking months: 30, 30, 2 (thin), none, 30, 30 postings in 2024-01 … 2024-06."""
    import pandas as pd

    from skillradar.market.ingest import ingest_files

    rows = []
    for month, n in (("2024-01", 30), ("2024-02", 30), ("2024-03", 2), ("2024-05", 30), ("2024-06", 30)):
        for i in range(n):
            skill = "Python and SQL" if i % 2 else "Python"
            rows.append({"description": f"Posting {month} {i}. Requirements:\n- {skill}.", "title": "Data Engineer",
                         "date": f"{month}-{1 + i % 28:02d}"})
    folder = tmp_path_factory.mktemp("gapdb")
    pd.DataFrame(rows).to_csv(folder / "gaps.csv", index=False)
    ingest_files([folder / "gaps.csv"], db=folder / "gaps.duckdb", near_dup_threshold=1.0)
    return folder / "gaps.duckdb"


@pytest.fixture(scope="module")
def gap_server(gap_db, tmp_path_factory):
    yield from serve(gap_db, tmp_path_factory)


def test_serve_answers_documented_routes(server):
    assert httpx.get(server + "/").status_code == 200
    assert "/api/assess" in httpx.get(server + "/openapi.json").json()["paths"]
    r = httpx.post(server + "/api/extract", json={"text": "Python and RAG"})
    assert r.status_code == 200 and r.json()["mentions"]


def test_serve_rejects_huge_upload_and_keeps_serving(server):
    """Over the 10 MB default: 413 with a coded error, then normal service."""
    big = b"Python " * (11 * 1024 * 1024 // 7)
    r = httpx.post(server + "/api/extract", files={"file": ("big.txt", big, "text/plain")}, timeout=60)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: the server must cut the stream off at the limit
        for _ in range(400):
            yield b"x" * 65536

    try:
        r2 = httpx.post(server + "/api/extract", content=chunks(), headers={"content-type": "application/json"},
                        timeout=60)
        assert r2.status_code == 413 and r2.json()["error"]["code"] == "too_large"
    except httpx.TransportError:
        pass  # the server closed the connection while the client was still sending: also a refusal
    png = httpx.post(server + "/api/extract", files={"file": ("x.pdf", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")})
    assert png.status_code == 415 and png.json()["error"]["code"] == "unsupported_format"
    junk = httpx.post(server + "/api/extract", content=b"\x00\x01", headers={"content-type": "application/json"})
    assert junk.status_code == 422 and junk.json()["error"]["code"] == "invalid_json"
    assert httpx.post(server + "/api/extract", json={"text": "PyTorch"}).status_code == 200


def test_assess_report_in_browser(page, server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    page.get_by_label("Upload a file").set_input_files(str(ROOT / "examples" / "resume.md"))
    page.get_by_label("…or paste it").fill((ROOT / "examples" / "posting.md").read_text(encoding="utf-8"))
    page.get_by_role("button", name="Assess").click()
    page.wait_for_selector("#radar svg polygon.radar-area", timeout=60_000)
    assert page.locator("#assess-results").is_visible()
    score = page.locator("#overall-score").inner_text()
    assert score.isdigit() and 0 <= int(score) <= 100
    assert page.locator("#gap-list li").count() >= 1
    assert page.locator("#plan-list li").count() >= 1
    assert page.locator("#match-list li").count() >= 1
    marks = page.locator("#resume-view mark.evidence")
    assert marks.count() >= 3
    assert "Done" in page.locator("#assess-status").inner_text()
    assert "describe model work" in page.locator("#practice-line").inner_text()  # the AI/ML practice line
    # families are named as the server's taxonomy declares them (short labels), not from a list in the page
    families = httpx.get(server + "/api/taxonomy").json()["families"]
    names = [families[f]["short"] for f in families]
    assert page.locator("#family-rows td:first-child").all_inner_texts() == names
    assert page.locator("#radar svg text.radar-label").all_text_contents() == names
    # the first highlighted span is a skill's exact text
    first = page.locator("#match-list button").first
    first.click()
    assert page.locator("#resume-view mark.evidence.active").count() >= 1
    if page.locator("#gap-more").is_visible():
        page.locator("#gap-more").click()
        assert page.locator("#gap-list li").count() > 8
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "web_assess.png"), full_page=True)
    assert page.console_errors == [], page.console_errors  # CSP violations would show here
    assert page.external_requests == []


def test_assess_against_role_and_errors(page, server):
    page.goto(server + "/")
    page.get_by_role("button", name="Assess").click()
    assert "Add your résumé" in page.locator("#assess-status").inner_text()
    page.get_by_label("…or paste the text").fill((ROOT / "examples" / "resume.md").read_text(encoding="utf-8"))
    page.get_by_text("A role", exact=True).click()
    expect(page.locator("#role-select option")).not_to_have_count(1, timeout=30_000)
    page.get_by_label("Role", exact=True).select_option("llm-engineer")
    page.get_by_role("button", name="Assess").click()
    page.wait_for_selector("#radar svg polygon.radar-area", timeout=60_000)
    assert "role" in page.locator("#target-label").inner_text()
    # an unreadable upload shows the server's coded message, and the page keeps working
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "photo.pdf", "mimeType": "application/pdf", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}])
    page.get_by_role("button", name="Assess").click()
    expect(page.locator("#assess-status")).to_have_class("status error", timeout=30_000)
    assert "PNG" in page.locator("#assess-status").inner_text()
    assert page.console_errors == [] or all("415" in e for e in page.console_errors)


def test_keyboard_tabs_and_labels(page, server):
    page.goto(server + "/")
    page.locator("#tab-assess").focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("#tab-market").get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "tab-market"
    assert page.locator("#panel-market").is_visible() and not page.locator("#panel-assess").is_visible()
    # every visible form control has a label
    unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
        .map(el => el.id || el.name)""")
    assert unlabeled == []


def test_market_view_in_browser(page, server):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    page.get_by_role("tab", name="Market").click()
    page.wait_for_selector("#demand-chart svg rect.bar", timeout=60_000)
    assert page.locator("#demand-chart svg rect.bar").count() >= 5
    assert page.locator("#demand-chart svg line.whisker").count() >= 15
    page.wait_for_selector("#trend-chart svg rect.bar", timeout=60_000)
    page.wait_for_selector("#cooccur-chart svg rect.bar", timeout=60_000)
    assert "postings in scope" in page.locator("#market-status").inner_text()
    # filter by family
    page.get_by_label("Family", exact=True).select_option("data")
    page.get_by_role("button", name="Show demand").click()
    expect(page.locator("#market-status")).to_contain_text("skills shown", timeout=30_000)
    page.get_by_label("Family", exact=True).select_option("")
    page.get_by_role("button", name="Show demand").click()
    page.wait_for_selector("#demand-chart svg rect.bar")
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("#trend-chart svg rect.bar")
    page.wait_for_selector("#cooccur-chart svg rect.bar")
    page.screenshot(path=str(ARTIFACTS / "web_market.png"), full_page=True)
    assert page.console_errors == [], page.console_errors
    assert page.external_requests == []


def test_market_filters_menus_and_captions_in_browser(page, server):
    """Every filter reaches the API; the co-occurrence menu offers every skill in scope; the synthetic
    corpus is said in a banner and under each chart."""
    page.goto(server + "/#market")
    page.wait_for_selector("#demand-chart svg rect.bar", timeout=60_000)
    page.wait_for_load_state("networkidle")
    assert page.locator("#market-synthetic").is_visible()
    for cap in ("#demand-caption", "#monthly-caption", "#cooccur-caption"):
        text = page.locator(cap).inner_text()
        assert text.startswith("SYNTHETIC DATA") and "n = " in text and "source: postings.csv" in text, (cap, text)
    every = httpx.get(server + "/api/market/top", params={"limit": 1000, "rollup": "false"}).json()["rows"]
    assert page.locator("#cooccur-skill option").count() == len(every) > 20  # not only the 20 bars on screen
    assert page.locator("#market-seniority option").count() == 15  # "any" + 14 values with counts
    page.get_by_label("Location", exact=True).fill("Berlin")
    page.get_by_label("Seniority").select_option("senior")
    page.get_by_role("button", name="Show demand").click()
    n = httpx.get(server + "/api/market/corpus", params={"location": "Berlin", "seniority": "senior"}).json()["postings"]
    expect(page.locator("#market-status")).to_contain_text(f"{n} postings in scope", timeout=30_000)
    in_scope = httpx.get(server + "/api/market/top", params={"limit": 1000, "rollup": "false", "location": "Berlin",
                                                             "seniority": "senior"}).json()["rows"]
    expect(page.locator("#cooccur-skill option")).to_have_count(len(in_scope), timeout=30_000)
    page.get_by_label("Company", exact=True).fill("no such company")
    page.get_by_role("button", name="Show demand").click()
    expect(page.locator("#market-status")).to_contain_text("no postings match", timeout=30_000)
    assert "company 'no such company' alone matches 0" in page.locator("#demand-chart").inner_text()
    assert page.console_errors == [], page.console_errors


def test_monthly_chart_leaves_gaps_and_shows_n_in_browser(page, gap_server):
    """No line across the empty month or the thin one: each series is two separate segments; the n bars
    cover every month, the empty one at zero height, both short ones in red."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(gap_server + "/#market")
    page.wait_for_selector("#monthly-chart svg path.series", state="attached", timeout=60_000)
    page.wait_for_load_state("networkidle")
    paths = page.locator("#monthly-chart svg path.series")
    assert paths.count() == 2  # Python, SQL
    for i in range(paths.count()):
        d = paths.nth(i).get_attribute("d")
        assert d.count("M") == 2 and d.count("L") == 2, d  # Jan–Feb, then May–Jun: never Feb to May
    bars = page.locator("#monthly-chart svg rect.nbar")
    months = [bars.nth(i).get_attribute("data-month") for i in range(bars.count())]
    assert months == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    assert [bars.nth(i).get_attribute("data-n") for i in range(bars.count())] == ["30", "30", "2", "0", "30", "30"]
    thin = page.locator("#monthly-chart svg rect.nbar.thin")
    assert [thin.nth(i).get_attribute("data-month") for i in range(thin.count())] == ["2024-03", "2024-04"]
    caption = page.locator("#monthly-caption").inner_text()
    assert caption.startswith("n = 122 dated postings · source: gaps.csv · 2024-01-01 to 2024-06-")
    assert "SYNTHETIC" not in caption and page.locator("#market-synthetic").is_hidden()
    page.locator("#monthly-chart").screenshot(path=str(ARTIFACTS / "web_market_monthly_gaps.png"))
    assert page.console_errors == [], page.console_errors
