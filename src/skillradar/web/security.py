"""Security headers, privacy-safe request logging and the last-resort 500 handler (one pure ASGI layer).

Logs hold only the method, the route path (never the query string), the status, the request and
response sizes and the time taken: no file names, no text, no exception messages. A client that
disconnects mid-request is logged as such (not as a fault). A fault inside the
app answers ``500 {"error": {"code": "internal_error", …}}`` and logs the exception's type and the
innermost project frame, never its message or a traceback (both can quote the caller's data).
"""

from __future__ import annotations

import json
import logging
import time
import traceback

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["SecurityMiddleware", "security_headers", "CSP", "log"]

log = logging.getLogger("skillradar.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def security_headers(*, api: bool) -> dict[str, str]:
    """Headers sent with every response (``api`` responses are also never cached: they hold personal data)."""
    headers = {
        "content-security-policy": CSP,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
        "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }
    if api:
        headers["cache-control"] = "no-store"
    return headers


def _where(exc: BaseException) -> str:
    """``module.py:line`` of the innermost frame, for the log (no message, no locals)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    f = frames[-1]
    return f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}"


class SecurityMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        api = path.startswith("/api/") or path == "/openapi.json"
        extra = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in security_headers(api=api).items()]
        t0 = time.perf_counter()
        status = 0
        sent = 0
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
            return message

        async def wrapped_send(message: Message) -> None:
            nonlocal status, sent, started
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
                present = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", [])) + [(k, v) for k, v in extra if k not in present]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        outcome = None
        try:
            await self.app(scope, counting_receive, wrapped_send)
        except ClientDisconnect:
            # The caller went away mid-request (closed tab, timeout on its side): nobody to answer,
            # and not the server's fault, so no 500 and no error in the log.
            outcome = "client disconnected"
        except Exception as exc:  # noqa: BLE001 - the last resort: answer 500 with no details
            log.error("internal error %s at %s on %s %s", type(exc).__name__, _where(exc), scope.get("method"),
                      _route(scope))
            if not started:
                body = json.dumps({"error": {"code": "internal_error",
                                             "message": "the server failed to handle this request; "
                                                        "it has been logged (without your data)"}}).encode()
                await wrapped_send({"type": "http.response.start", "status": 500,
                                    "headers": [(b"content-type", b"application/json"),
                                                (b"content-length", str(len(body)).encode())]})
                await wrapped_send({"type": "http.response.body", "body": body})
        finally:
            log.info("%s %s %s in=%dB out=%dB %.1fms", scope.get("method"), _route(scope), outcome or status,
                     received, sent, (time.perf_counter() - t0) * 1000)


def _route(scope: Scope) -> str:
    """The matched route's template (``/api/taxonomy/{skill_id}``) when known, else the path."""
    route = scope.get("route")
    template = getattr(route, "path", None)
    return template or "(no route)"
