"""Request bodies: a size limit enforced while the body streams in, and in-memory form parsing.

Nothing a caller uploads is written to disk: multipart bodies are parsed with ``python-multipart``'s
streaming parser straight into memory (bounded by the request limit), JSON bodies are read whole
(same bound). The limit is checked twice: against ``Content-Length`` before a byte is read, and
while the body streams in, so a lying or absent ``Content-Length`` (chunked upload) is cut off as
soon as it passes the limit, without reading the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InvalidRequest, UnsupportedMediaType
from ..readers import human_size

__all__ = ["BodyLimitMiddleware", "BodyTooLarge", "Part", "read_form", "read_json", "human_size"]

MAX_PARTS = 64  # form fields + files in one request
MAX_TEXT_FIELD = 64 * 1024  # a plain form field (not a file, not a *_text field) over this is refused


class BodyTooLarge(HTTPException):
    """The request body passed the limit (raised from ``receive``; FastAPI lets HTTPExceptions through)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the {human_size(limit)} upload limit: send a smaller file "
                              "(the server's limit is set with `skillradar serve --max-upload-mb N`)")


class BodyLimitMiddleware:
    """Pure ASGI middleware: refuse bodies over ``limit`` bytes (413) by header and while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0:
                    await _send_error(send, 400, "bad_request", "the Content-Length header is not a number")
                    return
                if declared > limit:
                    await _send_error(send, 413, "too_large", BodyTooLarge(limit).detail)
                    return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    scope.setdefault("state", {})["body_too_large"] = True
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge as exc:  # raised where no handler caught it (e.g. inside middleware)
            if not started:
                await _send_error(send, 413, "too_large", exc.detail)


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    from .security import security_headers

    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in security_headers(api=True).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# --------------------------------------------------------------------------------------- parsing


@dataclass
class Part:
    """One multipart field: a file (``filename`` set) or a plain value, held in memory."""

    name: str
    filename: str | None = None
    content_type: str | None = None
    data: bytearray = field(default_factory=bytearray)

    @property
    def is_file(self) -> bool:
        return self.filename is not None

    def text(self) -> str:
        try:
            return bytes(self.data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidRequest(f"form field '{self.name}' is not UTF-8 text", code="decode_error") from exc


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


async def read_json(request: Request) -> object:
    """The JSON body (the size limit applies while it is read)."""
    raw = await request.body()
    if not raw.strip():
        raise InvalidRequest("the request body is empty: send a JSON object", code="empty_body")
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidRequest(f"the body is not valid JSON ({exc.__class__.__name__} at position "
                         f"{getattr(exc, 'pos', getattr(exc, 'start', '?'))})", code="invalid_json") from exc


async def read_form(request: Request) -> dict[str, list[Part]]:
    """Parse a ``multipart/form-data`` (or urlencoded) body into memory, field name → parts in order."""
    media = _media_type(request)
    if media == "application/x-www-form-urlencoded":
        from urllib.parse import parse_qsl

        raw = await request.body()
        try:
            pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_PARTS)
        except (UnicodeDecodeError, ValueError) as exc:
            raise InvalidRequest("the form body cannot be decoded as UTF-8 form fields", code="invalid_form") from exc
        out: dict[str, list[Part]] = {}
        for k, v in pairs:
            out.setdefault(k, []).append(Part(name=k, data=bytearray(v.encode("utf-8"))))
        return out
    if media != "multipart/form-data":
        raise UnsupportedMediaType(f"send multipart/form-data (got '{media or 'no content type'}')")
    from python_multipart.multipart import MultipartParser, parse_options_header

    _, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if not boundary:
        raise InvalidRequest("the multipart body has no boundary in its Content-Type", code="invalid_form")

    parts: list[Part] = []
    state: dict = {"field": b"", "value": b"", "headers": {}, "current": None}

    def on_part_begin() -> None:
        if len(parts) >= MAX_PARTS:
            raise InvalidRequest(f"too many form fields (at most {MAX_PARTS})", code="invalid_form")
        state["headers"] = {}

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] += data[start:end]

    def on_header_end() -> None:
        state["headers"][state["field"].lower()] = state["value"]
        state["field"], state["value"] = b"", b""

    def on_headers_finished() -> None:
        disp, opts = parse_options_header(state["headers"].get(b"content-disposition", b""))
        name = opts.get(b"name")
        if disp != b"form-data" or name is None:
            raise InvalidRequest("a multipart part has no form-data name", code="invalid_form")
        filename = opts.get(b"filename")
        ctype = state["headers"].get(b"content-type")
        part = Part(
            name=name.decode("utf-8", "replace"),
            filename=None if filename is None else filename.decode("utf-8", "replace"),
            content_type=None if ctype is None else ctype.decode("latin-1"),
        )
        parts.append(part)
        state["current"] = part

    def on_part_data(data: bytes, start: int, end: int) -> None:
        part: Part = state["current"]
        part.data += data[start:end]
        if not part.is_file and not part.name.endswith("_text") and len(part.data) > MAX_TEXT_FIELD:
            raise InvalidRequest(f"form field '{part.name}' is over {human_size(MAX_TEXT_FIELD)}", code="invalid_form")

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_part_data": on_part_data,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_headers_finished": on_headers_finished,
        },
    )
    from python_multipart.exceptions import MultipartParseError

    try:
        async for chunk in request.stream():
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        raise InvalidRequest("the multipart body is malformed", code="invalid_form") from exc
    out: dict[str, list[Part]] = {}
    for p in parts:
        out.setdefault(p.name, []).append(p)
    return out
