"""Hardening figures (issue 12): extraction time per MB on long texts, and peak memory per upload.

    .venv/bin/python bench/hardening_bench.py [--sizes 0.1,1,5] [--upload-mb 10] [--skip-api]

Every case runs in its own child process (``--child``), which reports CPU and wall seconds and its
peak RSS (``VmHWM`` of ``/proc/self/status``; ``getrusage``'s ``ru_maxrss`` would include the parent's
peak from before the fork), so one case's memory never hides in another's.

1. Linearity: extraction (``extract_document`` with the size bounds lifted, i.e. the algorithm itself)
   over posting-like text with ambiguous names ("Go, Spark, R, React and Excel … go to market"), at
   each size, as one line and as many lines. Seconds per MB should stay flat.
2. Uploads at the limit (the API's default, 10 MB): what a server does with one upload — read the
   bytes as an upload (``read_bytes`` with ``max_bytes`` = the limit), extract with the default
   bounds and encode the JSON answer — for the largest inputs each format accepts (a DOCX at the
   limit with as much markup as it may hold, HTML, PDF, text) and for hostile ones (the issue's DOCX
   with 190 MB of markup, a page of tiny tags, a dense one-line list). The aim: peak RSS under
   10 × the limit. Then the same uploads go to a real server (``skillradar serve``'s app under
   uvicorn, in its own process; the client is this process), whose peak RSS is read from /proc.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
UNIT = ("Senior ML engineer. Skills: Go, Spark, R, React and Excel; we react quickly and go to market fast. "
        "5+ years of Python and SQL, kafka and Snowflake or Tableau, no Java. Taylor Swift fans welcome. "
        "Nice to have: PyTorch, RAG, Kubernetes.")


def _fixtures():
    spec = importlib.util.spec_from_file_location("mkfix", ROOT / "tests" / "data" / "readers" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux


# --------------------------------------------------------------------------------------- inputs


def posting_text(size: int, one_line: bool) -> str:
    sep = " " if one_line else "\n"
    return sep.join([UNIT] * (size // (len(UNIT) + 1) + 1))[:size]


def docx_at_limit(size: int, limit: int) -> bytes:
    """A DOCX of about ``size`` bytes holding just under the markup a ``limit`` allows (half of it),
    the rest a photo."""
    gen = _fixtures()
    with zipfile.ZipFile(io.BytesIO(gen.make_resume_docx())) as zf:
        own = sum(i.file_size for i in zf.infolist() if i.filename.endswith((".xml", ".rels")))
    from skillradar.readers.docx import XML_SHARE

    markup = int(XML_SHARE * limit) - own - 64 * 1024
    base = gen.make_large_docx(markup)
    photo = b"\xff\xd8\xff" + random.Random(1).randbytes(size - len(base) - 4096)  # a JPEG's worth of noise
    return gen.make_large_docx(markup, extra={"word/media/image9.jpeg": photo})


def docx_issue_bomb() -> bytes:
    """The issue's file: a few MB of DOCX whose document.xml unpacks to ~190 MB (about 47:1)."""
    return _fixtures().make_large_docx(190 * MB)


def html_page(limit: int) -> bytes:
    body = ("<section><h2>Requirements</h2><ul><li>5+ years of <b>Python</b> and SQL</li>"
            "<li>PyTorch, RAG &amp; Kubernetes</li><li>Go, Spark or Excel</li></ul>"
            "<p>We react quickly and go to market; <em>no Java</em>.</p>"
            "<table><tr><td>Docker</td><td>AWS</td></tr></table></section>\n")
    head = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Jobs</title></head><body>"
    n = (limit - len(head) - 20) // len(body)
    return (head + body * n + "</body></html>").encode()


def html_tiny_tags(limit: int) -> bytes:
    return ("<html><body>" + "<p>a</p>" * ((limit - 40) // 8) + "</body></html>").encode()


def _text_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=0, invariant=1)
    line = "Python, SQL, PyTorch and RAG; Go or Spark; we react quickly. 5+ years of Kubernetes."
    for _ in range(pages):
        y = 800
        for _ in range(60):
            c.drawString(40, y, line)
            y -= 13
        c.showPage()
    c.save()
    return buf.getvalue()


def pdf_at_limit(limit: int) -> bytes:
    """A text PDF just under ``limit`` bytes (uncompressed pages of posting text, thousands of them)."""
    per_page = len(_text_pdf(40)) / 40
    return _text_pdf(int(limit * 0.97 / per_page))


def dense_text(limit: int, one_line: bool) -> bytes:
    sep = " " if one_line else "\n"
    return sep.join(["Python,"] * (limit // 8)).encode()[:limit]


# --------------------------------------------------------------------------------------- child


def child(case: str, path: str, arg: str) -> dict:
    """Run one case in this (fresh) process and report times, peak RSS and the outcome."""
    from skillradar.errors import SkillradarError
    from skillradar.extract import extract_document
    from skillradar.readers import read_bytes, read_text
    from skillradar.taxonomy import load_taxonomy

    tax = load_taxonomy()
    extract_document(read_text("Warm-up: Python and Go, Spark."), taxonomy=tax)
    base = _rss_mb()
    data = Path(path).read_bytes()
    t_cpu, t_wall = time.process_time(), time.perf_counter()
    outcome = "ok"
    mentions = truncated = None
    try:
        if case == "linear":
            ex = extract_document(read_text(data.decode()), taxonomy=tax, kind="posting", max_chars=None,
                                  max_mentions=None)
            mentions = len(ex.mentions)
        elif case == "upload":
            ex = extract_document(read_bytes(data, Path(path).name, max_bytes=int(arg)), taxonomy=tax)
            body = json.dumps(ex.to_dict())
            mentions, truncated = len(ex.mentions), ex.truncated
            outcome = f"ok, {len(body) / MB:.1f} MB JSON"
    except SkillradarError as err:
        outcome = f"{err.code} ({err.http_status})"
    return {"cpu": time.process_time() - t_cpu, "wall": time.perf_counter() - t_wall, "peak_mb": _rss_mb(),
            "base_mb": base, "outcome": outcome, "mentions": mentions, "truncated": truncated}


def serve(port: str, limit: str) -> None:
    """The server process of the API rows: the app ``skillradar serve`` runs, under uvicorn."""
    import uvicorn

    from skillradar.web.app import create_app

    uvicorn.run(create_app(max_upload_bytes=int(limit)), host="127.0.0.1", port=int(port), log_level="error")


def _vmhwm(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_server(path: Path, limit: int) -> dict:
    """Post one upload to a fresh server process; its peak RSS before and after, and the answer."""
    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, __file__, "--serve", str(port), str(limit)],
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    try:
        url = f"http://127.0.0.1:{port}/api/extract"
        for _ in range(300):
            try:
                httpx.post(url, json={"text": "Warm-up: Python and Go, Spark."}, timeout=60)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        base = _vmhwm(proc.pid)
        t = time.perf_counter()
        r = httpx.post(url, files={"file": (path.name, path.read_bytes())}, timeout=600)
        wall = time.perf_counter() - t
        body = r.json()
        outcome = (f"{r.status_code} {body['error']['code']}" if "error" in body
                   else f"{r.status_code}, {len(r.content) / MB:.1f} MB JSON")
        return {"cpu": float("nan"), "wall": wall, "peak_mb": _vmhwm(proc.pid), "base_mb": base, "outcome": outcome,
                "mentions": len(body.get("mentions", [])), "truncated": body.get("truncated", False)}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run_child(case: str, path: Path, arg: str = "") -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", case, str(path), arg], capture_output=True,
                         text=True, timeout=3600, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    if out.returncode != 0:
        raise SystemExit(f"child {case} {path} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="0.1,1,5", help="text sizes in MB for the linearity rows")
    ap.add_argument("--upload-mb", type=float, default=10.0, help="the upload limit (the API's default: 10)")
    ap.add_argument("--skip-api", action="store_true", help="skip the in-process FastAPI rows")
    ap.add_argument("--child", nargs=3, metavar=("CASE", "PATH", "ARG"), help=argparse.SUPPRESS)
    ap.add_argument("--serve", nargs=2, metavar=("PORT", "LIMIT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    if args.serve:
        serve(*args.serve)
        return

    limit = int(args.upload_mb * MB)
    upload = limit - 64 * 1024  # room for the multipart envelope of an upload
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print("## Linearity: extraction with the bounds lifted (CPU seconds per MB; one process per case)\n")
        print("| text | size | CPU s | wall s | CPU s/MB | mentions | peak RSS |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for one_line in (True, False):
            for size in (float(s) for s in args.sizes.split(",")):
                p = tmp / "text.txt"
                p.write_text(posting_text(int(size * MB), one_line), encoding="utf-8")
                r = run_child("linear", p)
                print(f"| {'one line' if one_line else 'many lines'} | {size:g} MB | {r['cpu']:.2f} | {r['wall']:.2f} | "
                      f"{r['cpu'] / size:.2f} | {r['mentions']:,} | {r['peak_mb']:.0f} MB |", flush=True)

        print(f"\n## One upload at the {args.upload_mb:g} MB limit (aim: peak RSS < {10 * args.upload_mb:g} MB)\n")
        print("| input | file | path | outcome | mentions | s (CPU; wall for the server) | peak RSS (idle) | "
              "< 10 × limit |")
        print("|---|---:|---|---|---:|---:|---:|---|")
        inputs = [
            ("DOCX at the limit, markup at its budget + photo", "cv.docx", lambda: docx_at_limit(upload, limit)),
            ("DOCX of the issue: 190 MB of markup", "bomb.docx", docx_issue_bomb),
            ("HTML page of postings", "jobs.html", lambda: html_page(upload)),
            ("HTML of tiny tags (<p>a</p> …)", "tiny.html", lambda: html_tiny_tags(upload)),
            ("PDF of text pages", "jobs.pdf", lambda: pdf_at_limit(upload)),
            ("text, one line of 'Python,'", "dense.txt", lambda: dense_text(upload, True)),
            ("text, many lines of 'Python,'", "lines.txt", lambda: dense_text(upload, False)),
        ]
        for label, name, make in inputs:
            p = tmp / name
            p.write_bytes(make())
            mb = p.stat().st_size / MB
            for case in ("upload",) if args.skip_api else ("upload", "server"):
                r = run_child(case, p, str(limit)) if case == "upload" else run_server(p, limit)
                ok = "yes" if r["peak_mb"] < 10 * args.upload_mb else "**no**"
                path = "library" if case == "upload" else "server (uvicorn)"
                seconds = r["cpu"] if case == "upload" else r["wall"]
                mentions = "" if r["mentions"] is None else f"{r['mentions']:,}" + (" (cut)" if r["truncated"] else "")
                print(f"| {label} | {mb:.1f} MB | {path} | {r['outcome']} | {mentions} | {seconds:.1f} | "
                      f"{r['peak_mb']:.0f} MB ({r['base_mb']:.0f}) | {ok} |", flush=True)


if __name__ == "__main__":
    main()
