"""Fixtures for the web tests: in-process clients, a small market database, example documents, and for
the browser tests a headless Chromium (open while consecutive tests need it) and one `skillradar serve`
per worker session."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def resume_bytes() -> bytes:
    return (EXAMPLES / "resume.md").read_bytes()


@pytest.fixture(scope="session")
def posting_bytes() -> bytes:
    return (EXAMPLES / "posting.md").read_bytes()


@pytest.fixture(scope="session")
def market_db(tmp_path_factory) -> Path:
    """A DuckDB file with 240 synthetic postings over two years (bundled taxonomy)."""
    from skillradar.market.ingest import ingest_files
    from skillradar.market.synthetic import generate, write_corpus

    folder = tmp_path_factory.mktemp("webdb")
    rows, truth = generate(240, seed=11)
    csv_path = folder / "postings.csv"
    write_corpus(rows, csv_path, truth)
    db = folder / "market.duckdb"
    summary = ingest_files([csv_path], db=db)
    assert summary["ingested"] > 100, summary
    return db


@pytest.fixture(scope="session")
def app():
    from skillradar.web.app import create_app

    return create_app()


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def market_client(market_db):
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    with TestClient(create_app(db=market_db), raise_server_exceptions=False) as c:
        yield c


# ------------------------------------------------------------------ the browser tests' browser and server

def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Chromium:
    """One headless Chromium, started when a test first needs it and closed as soon as the next test
    does not. Not a session fixture: while Playwright's sync API is open, this thread has an asyncio
    loop marked running, and later tests on the same worker that call ``asyncio.run`` would fail."""

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None

    def get(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        return self._browser

    def close(self) -> None:
        if self._playwright is not None:
            try:
                if self._browser is not None:
                    self._browser.close()
            finally:
                self._playwright.stop()
                self._playwright = self._browser = None


_CHROMIUM = _Chromium()


@pytest.fixture()
def browser():
    """The headless Chromium the browser tests share (each test opens its own context)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-browser (installs Debian's chromium) and retry")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.fail("the Python package 'playwright' is missing: run scripts/install-browser "
                    "(never `playwright install`: the tests use Debian's chromium)")
    return _CHROMIUM.get()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield  # the test's own fixtures (its page and context) are torn down first
    if nextitem is None or "browser" not in getattr(nextitem, "fixturenames", ()):
        _CHROMIUM.close()
    return result


@pytest.fixture(scope="session")
def server(market_db, tmp_path_factory):
    """One `skillradar serve` (a real process on a loopback port) over the small market database."""
    yield from serve(market_db, tmp_path_factory)


def serve(db, tmp_path_factory):
    """Start ``skillradar serve --db db`` on a free port, yield its base URL, stop it afterwards."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log, "wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "skillradar", "serve", "--port", str(port), "--db", str(db)],
                                stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"skillradar serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"skillradar serve did not answer within 90 s:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    external: list[str] = []
    pg.on("request", lambda req: external.append(req.url) if not req.url.startswith(server) else None)
    pg.console_errors = errors  # type: ignore[attr-defined]
    pg.external_requests = external  # type: ignore[attr-defined]
    yield pg
    context.close()


def expect(locator):
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)
