"""``skillradar serve``: the web page and REST API (uvicorn), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import logging
import sys
from typing import Optional

import typer

from ..errors import MissingExtra, UsageError
from .output import check_choice
from . import app


@app.command("serve")
def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on (0: any free port)."),
    db: Optional[str] = typer.Option(None, "--db", help="Market DuckDB file for the market view and measured roles."),
    max_upload_mb: float = typer.Option(10.0, "--max-upload-mb", help="Largest request body accepted, in MB."),
    cors_origin: list[str] = typer.Option([], "--cors-origin", help="Allow API calls from this origin (repeatable); "
                                                                    "none by default."),
    log_level: str = typer.Option("info", "--log-level", help="debug, info, warning or error."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds a client may take to send a request's headers, "
                                  "or stay silent while sending its body (the whole body: ten times that); "
                                  "idle keep-alive connections close after 5 s."),
    max_concurrent: Optional[int] = typer.Option(None, "--max-concurrent", help="Uploads read or analysed at once "
                                                 "(default: one per CPU core); others get 503 busy with Retry-After."),
) -> None:
    """Serve the web page at / and the REST API under /api/ (OpenAPI schema at /openapi.json)."""
    try:
        import uvicorn

        from ..web.app import create_app
    except ModuleNotFoundError as exc:
        raise MissingExtra("the web app", "web", exc.name or "fastapi") from exc
    if not 0 <= port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535 (got {port})")
    if max_upload_mb <= 0:
        raise UsageError(f"--max-upload-mb must be positive (got {max_upload_mb})")
    if not 0 < timeout <= 3600:
        raise UsageError(f"--timeout must be between 0 and 3600 seconds (got {timeout:g})")
    if max_concurrent is not None and max_concurrent < 1:
        raise UsageError(f"--max-concurrent must be at least 1 (got {max_concurrent})")
    level = log_level.lower()
    check_choice(level, ("debug", "info", "warning", "error"), "--log-level")
    logging.basicConfig(level=level.upper(), stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from ..web.timeouts import timed_h11_protocol

    web_app = create_app(db=db, max_upload_bytes=int(max_upload_mb * 1024 * 1024), cors_origins=tuple(cors_origin),
                         body_timeout=timeout, max_concurrent=max_concurrent)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"skillradar serve: listening on {host}, reachable from other machines", file=sys.stderr)
    # access_log off: our own middleware logs method, route, status and sizes only (no query strings).
    # uvicorn times out idle keep-alive connections only; the h11 protocol below also closes
    # connections whose request head is late, and the app answers 408 to a body that stalls.
    uvicorn.run(web_app, host=host, port=port, log_level=level, access_log=False, server_header=False,
                proxy_headers=False, http=timed_h11_protocol(timeout), timeout_keep_alive=5,
                timeout_graceful_shutdown=10)
