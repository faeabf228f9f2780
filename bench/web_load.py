"""Load test of the web API: N concurrent ``POST /api/extract`` requests against ``skillradar serve``.

Starts the server on a free loopback port (a real uvicorn process, as users run it), sends
``--requests`` extract requests (the example posting, half as JSON text and half as multipart file
uploads), at most ``--concurrency`` in flight, and reports throughput and latency percentiles.
Exit code 1 if any request failed or the run passed ``--time-limit``.

    .venv/bin/python bench/web_load.py                      # 200 requests, 16 at a time
    .venv/bin/python bench/web_load.py --record             # and write the "## Web API" section of bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "skillradar", "serve", "--port", str(port), "--log-level", "warning"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 90 s")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100)."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(q / 100 * len(s) + 0.5)) - 1))
    return s[k]


async def run(base: str, n: int, concurrency: int, time_limit: float, text: str) -> dict:
    sem = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    failures: list[str] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        # warm-up: taxonomy and lexicon are built on the first request
        r = await client.post("/api/extract", json={"text": text, "kind": "posting"})
        r.raise_for_status()
        expected = len(r.json()["mentions"])

        async def one(i: int) -> None:
            async with sem:
                t0 = time.perf_counter()
                try:
                    if i % 2:
                        resp = await client.post("/api/extract", files={"file": ("posting.md", text.encode(), "text/markdown")},
                                                 data={"kind": "posting"})
                    else:
                        resp = await client.post("/api/extract", json={"text": text, "kind": "posting"})
                    ok = resp.status_code == 200 and len(resp.json()["mentions"]) == expected
                    if not ok:
                        failures.append(f"#{i}: {resp.status_code} {resp.text[:120]}")
                except httpx.HTTPError as exc:
                    failures.append(f"#{i}: {type(exc).__name__}")
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(n))), timeout=time_limit)
        except asyncio.TimeoutError:
            failures.append(f"run passed the {time_limit:.0f} s limit")
        wall = time.perf_counter() - t0
    return {"requests": n, "concurrency": concurrency, "ok": n - len([f for f in failures if f.startswith("#")]),
            "failures": failures, "wall_s": wall, "throughput": len(latencies) / wall if wall else 0.0,
            "p50_ms": 1000 * percentile(latencies, 50) if latencies else None,
            "p99_ms": 1000 * percentile(latencies, 99) if latencies else None,
            "mean_ms": 1000 * statistics.fmean(latencies) if latencies else None, "mentions": expected,
            "chars": len(text)}


def section(res: dict, command: str) -> str:
    cpu = os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        "## Web API\n\n"
        f"Load test of `POST /api/extract` against `skillradar serve` (one uvicorn worker, loopback), "
        f"{dt.date.today().isoformat()}, {cpu} CPUs, Python {platform.python_version()}, "
        f"1-minute load average {load:.1f} when it ran (other jobs share the CPUs; re-measure on a quiet machine).\n"
        f"Command: `{command}`\n\n"
        "| requests | in flight | succeeded | wall (s) | throughput (req/s) | p50 (ms) | p99 (ms) | mean (ms) |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        f"| {res['requests']} | {res['concurrency']} | {res['ok']} | {res['wall_s']:.2f} | {res['throughput']:.1f} | "
        f"{res['p50_ms']:.1f} | {res['p99_ms']:.1f} | {res['mean_ms']:.1f} |\n\n"
        f"Each request: the example posting ({res['chars']:,} characters, {res['mentions']} mentions), half as JSON "
        "text and half as a multipart file upload (content sniffed), answered in full. Latency is per request as "
        "the client saw it, including queueing behind the 16 in flight; extraction is CPU-bound and runs in the "
        "server's thread pool, so throughput is bounded by one process's share of the CPUs (the GIL).\n"
    )


def record(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(r"^## Web API\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(old):
        new = pattern.sub(lambda _m: text + "\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--time-limit", type=float, default=300.0, help="seconds for the whole run")
    ap.add_argument("--record", action="store_true", help="write the result into bench/RESULTS.md")
    args = ap.parse_args(argv)
    text = (ROOT / "examples" / "posting.md").read_text(encoding="utf-8")
    port = free_port()
    proc = start_server(port)
    try:
        res = asyncio.run(run(f"http://127.0.0.1:{port}", args.requests, args.concurrency, args.time_limit, text))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    print(f"{res['ok']}/{res['requests']} succeeded in {res['wall_s']:.2f} s: {res['throughput']:.1f} req/s, "
          f"p50 {res['p50_ms']:.1f} ms, p99 {res['p99_ms']:.1f} ms")
    for f in res["failures"][:10]:
        print("  failed", f, file=sys.stderr)
    if args.record:
        cmd = ".venv/bin/python bench/web_load.py" + (f" --requests {args.requests}" if args.requests != 200 else "") + \
              (f" --concurrency {args.concurrency}" if args.concurrency != 16 else "") + " --record"
        record(section(res, cmd))
        print(f"recorded in {RESULTS.relative_to(ROOT)}")
    return 0 if not res["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
