"""``skillradar serve`` options and the in-memory handling of uploads."""

from __future__ import annotations

import subprocess
import sys
import tempfile

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    """``skillradar serve`` as a real process (what a shell sees: exit status and streams)."""
    return subprocess.run([sys.executable, "-m", "skillradar", "serve", *args], capture_output=True, text=True,
                          timeout=120)


def test_help_lists_options(run_cli):
    out = run_cli("serve", "--help").stdout
    for opt in ("--host", "--port", "--db", "--max-upload-mb", "--cors-origin"):
        assert opt in out
    assert "127.0.0.1" in out


def test_a_bad_option_exits_2_in_a_real_process():
    r = run("--port", "70000")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "--port" in r.stderr and r.stdout == ""


@pytest.mark.parametrize("args", [("--port", "70000"), ("--max-upload-mb", "0"), ("--log-level", "loud")])
def test_bad_options_exit_2(args, run_cli, monkeypatch):
    import uvicorn

    def refuse(*a, **k):  # a bad option must stop the command before it serves
        raise AssertionError(f"serve started with {args}")

    monkeypatch.setattr(uvicorn, "run", refuse)
    r = run_cli("serve", *args)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert args[0] in r.stderr


def test_uploads_never_touch_temp_files(client, monkeypatch):
    """A 2 MB upload is parsed in memory: any attempt to open a temporary file fails the request."""

    def refuse(*a, **k):
        raise AssertionError("an upload was spooled to a temporary file")

    for name in ("SpooledTemporaryFile", "NamedTemporaryFile", "TemporaryFile", "mkstemp", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, refuse)
    body = b"Senior engineer: Python, PyTorch and RAG.\n" * 50_000
    r = client.post("/api/extract", files={"file": ("big.txt", body, "text/plain")})
    assert r.status_code == 200, r.text
    assert r.json()["chars"] == len(body)
