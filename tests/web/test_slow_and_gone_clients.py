"""Clients that go away or are slow: a disconnect is logged as one (not a 500), and `skillradar serve`
closes connections whose request head is late and answers 408 to a body that stalls."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import sys
import time

import pytest


def _scope(path: str, content_type: bytes, length: int) -> dict:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
            "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
            "headers": [(b"host", b"test"), (b"content-type", content_type), (b"content-length", str(length).encode())],
            "client": ("127.0.0.1", 5555), "server": ("127.0.0.1", 8000), "state": {}}


@pytest.mark.parametrize("path,ctype,first", [
    ("/api/extract", b"application/json", b'{"text": "Python and Py'),
    ("/api/assess", b"multipart/form-data; boundary=XX", b'--XX\r\nContent-Disposition: form-data; name="resume_text"'
                                                           b'\r\n\r\nPython'),
])
def test_client_disconnect_is_logged_as_such_not_as_500(caplog, path, ctype, first):
    from skillradar.web.app import create_app

    app = create_app()
    incoming = [{"type": "http.request", "body": first, "more_body": True}, {"type": "http.disconnect"}]
    sent: list[dict] = []

    async def receive():
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    caplog.set_level(logging.INFO, logger="skillradar.web")
    asyncio.run(app(_scope(path, ctype, 1000), receive, send))
    logged = [rec for rec in caplog.records if rec.name == "skillradar.web"]
    text = "\n".join(rec.getMessage() for rec in logged)
    assert "client disconnected" in text
    assert "500" not in text and "internal error" not in text and not any(r.levelno >= logging.ERROR for r in logged)
    assert not any(m.get("status") == 500 for m in sent)


# ------------------------------------------------------------------------------------ skillradar serve


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("slow") / "serve.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "skillradar", "serve", "--port", str(port), "--timeout", "1"],
                                stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    deadline = time.monotonic() + 90
    while True:
        if proc.poll() is not None:
            pytest.fail(f"skillradar serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("skillradar serve did not start")
            time.sleep(0.3)
    yield port
    proc.terminate()
    proc.wait(timeout=30)


def _closed_within(sock: socket.socket, seconds: float, trickle: bytes = b"") -> tuple[bool, bytes]:
    """Read until the server closes (True) or ``seconds`` pass (False), sending ``trickle`` byte by byte."""
    sock.settimeout(0.25)
    got = b""
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        if i < len(trickle):
            try:
                sock.sendall(trickle[i:i + 1])
            except OSError:
                return True, got
            i += 1
        try:
            chunk = sock.recv(4096)
        except socket.timeout:
            continue
        except OSError:
            return True, got
        if not chunk:
            return True, got
        got += chunk
    return False, got


def test_silent_connection_is_closed(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        closed, _ = _closed_within(sock, 6)
    assert closed


def test_trickled_headers_are_cut_off(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.sendall(b"GET /api/taxonomy HTTP/1.1\r\n")
        closed, got = _closed_within(sock, 6, trickle=b"X-Slow: " + b"a" * 40)  # one byte every 0.25 s
    assert closed and b"200" not in got


def test_stalled_body_gets_408(server):
    with socket.create_connection(("127.0.0.1", server)) as sock:
        sock.sendall(b"POST /api/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"text\": ")
        closed, got = _closed_within(sock, 8)
    assert got.startswith(b"HTTP/1.1 408"), got[:200]
    assert b"request_timeout" in got


def test_normal_requests_still_work(server):
    import httpx

    r = httpx.post(f"http://127.0.0.1:{server}/api/extract", json={"text": "Python and RAG"}, timeout=30)
    assert r.status_code == 200
    with httpx.Client(timeout=30) as c:  # keep-alive: a second request on the same connection
        assert c.get(f"http://127.0.0.1:{server}/api/roles").status_code == 200
        time.sleep(1.5)  # longer than the head timeout between requests is fine for a new connection
        assert c.get(f"http://127.0.0.1:{server}/api/roles").status_code == 200
