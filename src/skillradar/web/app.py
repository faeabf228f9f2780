"""The web app: REST API under ``/api/…``, the page at ``/``, OpenAPI at ``/openapi.json``.

Build it with :func:`create_app`; ``skillradar serve`` runs it with uvicorn::

    from skillradar.web.app import create_app
    app = create_app(db="market.duckdb", max_upload_bytes=10 * 1024 * 1024)

Every error, whatever raised it (a skillradar error, a validation failure, an unknown route, a
wrong method, an oversized body), answers ``{"error": {"code": "…", "message": "…"}}`` with a 4xx
status for the caller's mistakes and 5xx only for the server's own faults (never with a traceback).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request

from .. import __version__
from ..errors import SkillradarError
from .bodies import BodyLimitMiddleware
from .heavy import HeavyWork, default_slots
from .security import SecurityMiddleware, _route, log

__all__ = ["create_app", "DEFAULT_MAX_UPLOAD_BYTES", "error_response"]

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024

_STATUS_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    408: "request_timeout",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    503: "unavailable",
}


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is invalid"


def _add_schemas(app: FastAPI, models) -> None:
    """Put ``models`` into the OpenAPI components, where ``openapi_extra`` bodies refer to them by $ref."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            schema = build()
            known = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                known.setdefault(model.__name__, model.model_json_schema(ref_template="#/components/schemas/{model}"))
        return app.openapi_schema

    app.openapi = openapi


def _page() -> str:
    return resources.files("skillradar.web").joinpath("templates/index.html").read_text(encoding="utf-8")


def create_app(db: str | Path | None = None, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
               cors_origins: tuple[str, ...] | list[str] = (), *, taxonomy=None,
               body_timeout: float | None = None, max_concurrent: int | None = None) -> FastAPI:
    """The FastAPI app.

    Args:
        db: a market DuckDB file for ``/api/market/…``, measured roles and market demand (optional).
        max_upload_bytes: the largest request body accepted (413 above it, checked while streaming).
        cors_origins: origins allowed to call the API from other sites; none by default (no CORS headers).
        taxonomy: a Taxonomy, bundled name or file (default ``genai``), loaded once.
        body_timeout: seconds a request body may stay silent (408 after; the whole body gets ten
            times that); None for no limit (in-process tests). ``skillradar serve`` sets it.
        max_concurrent: heavy requests (reading, extraction, assessment) run at once; others get 503
            ``busy`` with Retry-After (default: one per CPU core; see ``web.heavy``).
    """
    from ..taxonomy import load_taxonomy

    if max_upload_bytes < 1:
        raise ValueError("max_upload_bytes must be positive")
    app = FastAPI(
        title="skillradar",
        version=__version__,
        description="Find generative-AI skills in job postings and résumés, with exact evidence spans; "
                    "market statistics over posting corpora; assess a person against a posting or a role. "
                    "Errors: `{\"error\": {\"code\", \"message\"}}`.",
        docs_url=None,  # Swagger UI needs a CDN and inline scripts; the schema is at /openapi.json
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db = str(db) if db is not None else None
    app.state.max_upload_bytes = int(max_upload_bytes)
    app.state.taxonomy = load_taxonomy(taxonomy)
    app.state.heavy = HeavyWork(max_concurrent or default_slots())

    @app.exception_handler(SkillradarError)
    async def _skillradar_error(request: Request, exc: SkillradarError):
        log.info("refused %s with %s (%d)", _route(request.scope), exc.code, exc.http_status)
        message = str(exc) if exc.source not in (None, "-") else exc.message
        retry = getattr(exc, "retry_after", None)  # a busy database: come back later
        return error_response(exc.http_status, exc.code, message, {"retry-after": str(retry)} if retry else None)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = getattr(exc, "code", None) or _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.method} {request.url.path} (see /openapi.json)"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        headers = dict(exc.headers or {})
        if exc.status_code == 413:
            headers["connection"] = "close"
        return error_response(exc.status_code, code, message, headers or None)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        return error_response(422, "invalid_request", _validation_message(exc))

    from .api import EXTRA_SCHEMAS
    from .api import router as api_router
    from .market import router as market_router

    app.include_router(api_router)
    app.include_router(market_router)
    _add_schemas(app, EXTRA_SCHEMAS)

    page = _page()

    @app.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(page)

    static_dir = resources.files("skillradar.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    # Middleware: the last added is the outermost.
    app.add_middleware(BodyLimitMiddleware, limit=int(max_upload_bytes))
    if body_timeout is not None:
        from .timeouts import BodyTimeoutMiddleware

        app.add_middleware(BodyTimeoutMiddleware, idle=float(body_timeout), total=10 * float(body_timeout))
    if cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["content-type"], allow_credentials=False)
    app.add_middleware(SecurityMiddleware)
    return app

