"""``/api/…`` endpoints for extraction, linking, assessment, ranking, the taxonomy, roles and checks.

Each endpoint only parses its input and formats the library's answer: the logic is the library's,
so the API, the CLI and Python never disagree. Uploads are read into memory and sniffed from their
content (``readers.read_bytes``), never trusted from their names; CPU work runs in a worker thread,
under the app's bound on concurrent heavy work (``web.heavy``: 503 ``busy`` with Retry-After beyond it).
"""

from __future__ import annotations

import re
from typing import Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from ..errors import InvalidRequest, SkillradarError, UnsupportedMediaType
from .bodies import Part, read_form, read_json
from .heavy import heavy

__all__ = ["router", "ERROR_RESPONSES", "NOT_FOUND", "UNAVAILABLE", "EXTRA_SCHEMAS"]


class ErrorDetail(BaseModel):
    code: str = Field(description="stable lower-case code, e.g. unsupported_format, too_large, empty_text")
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


ERROR_RESPONSES = {
    400: {"model": ErrorBody, "description": "bad usage (e.g. an invalid option value)"},
    408: {"model": ErrorBody, "description": "the request body did not arrive in time (`skillradar serve --timeout`)"},
    413: {"model": ErrorBody, "description": "the request body is over the upload limit"},
    415: {"model": ErrorBody, "description": "unsupported content type or file format"},
    422: {"model": ErrorBody, "description": "unreadable or invalid input (empty text, corrupt file, missing field)"},
    503: {"model": ErrorBody, "description": "busy: the server's heavy-work slots are taken; retry after the "
                                             "Retry-After header's seconds"},
}
NOT_FOUND = {404: {"model": ErrorBody, "description": "no such role or skill (unknown_role, unknown_skill)"}}
UNAVAILABLE = {503: {
    "model": ErrorBody,
    "description": "the market database is not configured, missing (no_database), damaged (database_corrupt) "
                   "or busy with an ingest (database_locked, with Retry-After)",
    "headers": {"Retry-After": {"description": "seconds to wait, when the database is busy",
                                "schema": {"type": "integer"}}},
}}
MISSING_EXTRA = {501: {"model": ErrorBody, "description": "an optional part is not installed (missing_extra)"}}

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

KindName = Literal["auto", "posting", "resume"]


# --------------------------------------------------------------------------------------- helpers


def _tax(request: Request):
    return request.app.state.taxonomy


def _media(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


def _take(part: Part) -> bytes:
    """The upload's bytes, its buffer released (one copy in memory while it is read, not two)."""
    data = bytes(part.data)
    part.data = bytearray()
    return data


def _upload_name(part: Part, fallback: str) -> str:
    """The client's file name without any folder part or control characters (for ``source`` only)."""
    name = (part.filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("", name).strip()[:200]
    return name or fallback


def _kind(value: str | None, field: str = "kind") -> str | None:
    if value in (None, "", "auto"):
        return None
    if value not in ("posting", "resume"):
        raise InvalidRequest(f"{field} must be one of auto, posting, resume (got '{value[:40]}')")
    return value


def _one(form: dict[str, list[Part]], name: str) -> Part | None:
    parts = form.get(name) or []
    if len(parts) > 1:
        raise InvalidRequest(f"send the form field '{name}' once (got {len(parts)})")
    return parts[0] if parts else None


def _field_text(form: dict[str, list[Part]], name: str) -> str | None:
    part = _one(form, name)
    if part is None:
        return None
    if part.is_file:
        raise InvalidRequest(f"'{name}' must be a text field, not a file")
    return part.text()


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def _document(form: dict[str, list[Part]], base: str, kind: str, limit: int, *, required: bool = True):
    """The Document from the file field ``base`` or the text field ``base_text`` (exactly one)."""
    from ..readers import read_bytes, read_text

    file_part = _one(form, base)
    text = _field_text(form, f"{base}_text")
    if file_part is not None and not file_part.is_file:  # a plain field under the file's name: take it as text
        if text is not None:
            raise InvalidRequest(f"send either '{base}' or '{base}_text', not both")
        text, file_part = file_part.text(), None
    if file_part is not None and text is not None and text.strip():
        raise InvalidRequest(f"send either the file '{base}' or the text '{base}_text', not both")
    if file_part is not None:
        return read_bytes(_take(file_part), _upload_name(file_part, base), kind=kind, max_bytes=limit,
                          declared_name=file_part.filename)
    if text is not None:
        return read_text(text, f"{base}_text", kind=kind)
    if required:
        raise InvalidRequest(f"send the {base} as a file field '{base}' or as a text field '{base}_text'",
                         code="missing_field")
    return None


def _multipart_schema(properties: dict, required: list[str] | None = None, description: str = "") -> dict:
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return {"content": {"multipart/form-data": {"schema": schema}}, "description": description}


_FILE = {"type": "string", "format": "binary"}


# --------------------------------------------------------------------------------------- extract


class ExtractText(BaseModel):
    text: str = Field(description="the text to read; offsets in the answer index it as sent")
    kind: KindName | None = Field(default=None, description="posting, resume, or auto/null to guess")
    semantic: bool = Field(default=False, description="also link paraphrases offline (extra 'semantic')")


_EXTRACT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ExtractText"}},
            "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                "file": {**_FILE, "description": "txt, md, html, pdf or docx; the format is sniffed from the content"},
                "kind": {"type": "string", "enum": ["auto", "posting", "resume"]},
                "semantic": {"type": "boolean"}}}},
        },
    }
}


@router.post("/extract", openapi_extra=_EXTRACT_BODY, summary="Skills in one text or file, with evidence spans",
             response_description="the same object as one line of `skillradar extract --format jsonl`",
             responses=MISSING_EXTRA)
async def extract(request: Request) -> dict:
    """Send JSON ``{"text", "kind"}`` or a multipart ``file``; get the extraction (offsets into the text sent,
    or into the text extracted from the file, i.e. what `skillradar text` prints)."""
    from ..extract import extract_document
    from ..readers import read_bytes, read_text

    media = _media(request)
    tax = _tax(request)
    if media == "application/json":
        raw = await read_json(request)
        try:
            body = ExtractText.model_validate(raw)
        except Exception as exc:  # pydantic ValidationError
            raise InvalidRequest(_pydantic_message(exc)) from exc
        kind = _kind(body.kind)

        def work():
            doc = read_text(body.text, "-", kind=kind or "unknown")
            return extract_document(doc, taxonomy=tax, kind=kind, semantic=body.semantic).to_dict()

        return await heavy(request, work)
    if media in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await read_form(request)
        kind = _kind(_field_text(form, "kind"))
        semantic = _flag(_field_text(form, "semantic"))
        part = _one(form, "file")
        if part is None:
            if _one(form, "text") is not None:
                text = _field_text(form, "text")

                def work_text():
                    doc = read_text(text, "-", kind=kind or "unknown")
                    return extract_document(doc, taxonomy=tax, kind=kind, semantic=semantic).to_dict()

                return await heavy(request, work_text)
            raise InvalidRequest("send the document as a multipart file field 'file'", code="missing_field")
        limit = request.app.state.max_upload_bytes

        def work_file():
            doc = read_bytes(_take(part), _upload_name(part, "upload"), kind=kind or "unknown",
                             max_bytes=limit, declared_name=part.filename)
            return extract_document(doc, taxonomy=tax, kind=kind, semantic=semantic).to_dict()

        return await heavy(request, work_file)
    raise UnsupportedMediaType(f"send application/json or multipart/form-data (got '{media or 'no content type'}')")


def _pydantic_message(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if not callable(errors):
        return "the request body is invalid"
    parts = []
    for err in errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


# --------------------------------------------------------------------------------------- link


class LinkRequest(BaseModel):
    lines: list[str] = Field(description="one query per item (a sentence or phrase)", max_length=1000)
    top_k: int = Field(default=10, ge=0, le=100)


class LinkCandidate(BaseModel):
    skill_id: str
    label: str
    score: float


class LinkResult(BaseModel):
    text: str
    candidates: list[LinkCandidate]


class LinkResponse(BaseModel):
    results: list[LinkResult]


@router.post("/link", response_model=LinkResponse, summary="Rank every skill for each line of text")
async def link(request: Request, body: LinkRequest) -> dict:
    """Like `skillradar link`: result N answers line N; blank lines give no candidates."""
    from ..link import link as link_lines

    tax = _tax(request)
    if any(len(ln) > 10_000 for ln in body.lines):
        raise InvalidRequest("each line may hold at most 10,000 characters")
    results = await heavy(request, link_lines, body.lines, tax, body.top_k)
    return {"results": results}


# --------------------------------------------------------------------------------------- assess and rank

_ASSESS_BODY = {"requestBody": {"required": True, **_multipart_schema({
    "resume": {**_FILE, "description": "the résumé file (txt, md, html, pdf, docx)"},
    "resume_text": {"type": "string", "description": "or the résumé as text"},
    "posting": {**_FILE, "description": "the job posting file"},
    "posting_text": {"type": "string", "description": "or the posting as text"},
    "role": {"type": "string", "description": "or a role name from /api/roles"},
    "role_source": {"type": "string", "enum": ["auto", "curated", "measured"],
                    "description": "with a role: which profile (auto: the measured one when the server's database "
                                   "knows the role); `target.profile_source` says which was used"},
    "include_text": {"type": "boolean", "description": "add `resume_text` (what evidence offsets index) and, for a "
                     "posting, `posting_text` with `posting_mentions`: the spans of the posting's target skills, "
                     "each marked `matched` or not"},
    "claimed": {"type": "array", "items": {"type": "string"},
                "description": "skills (id, label or alias; the field repeated) the person says they have although "
                               "the résumé does not show them (\"I have this\"): each counts as a listed skill"},
}, description="one résumé (file or text) and one target (posting file, posting text or role)")}}


def _target_args(form: dict[str, list[Part]], limit: int) -> dict:
    role = _field_text(form, "role")
    role = role.strip() if role else None
    posting = _document(form, "posting", "posting", limit, required=False)
    if posting is not None and role:
        raise InvalidRequest("send one target: a posting (file or text) or a role, not both")
    if posting is None and not role:
        raise InvalidRequest("send a target: a posting file 'posting', a text 'posting_text' or a role name 'role'",
                         code="missing_field")
    if posting is not None:
        return {"posting": posting}
    source = (_field_text(form, "role_source") or "auto").strip() or "auto"
    if source not in ("auto", "curated", "measured"):
        raise InvalidRequest(f"role_source must be one of auto, curated, measured (got '{source[:40]}')")
    return {"role": role, "role_source": source}


@router.post("/assess", openapi_extra=_ASSESS_BODY, summary="Assess a résumé against a posting or a role",
             response_description="the same object as `skillradar assess --format json`",
             responses={**NOT_FOUND, **UNAVAILABLE})
async def assess(request: Request) -> dict:
    """Scores per family (0–100) with evidence, gaps (most important first) and a learning plan."""
    from ..assess import assess as assess_resume

    form = await read_form(request)
    limit = request.app.state.max_upload_bytes
    include_text = _flag(_field_text(form, "include_text"))
    tax = _tax(request)
    db = request.app.state.db

    claimed = [p.text().strip() for p in form.get("claimed", []) if not p.is_file and p.text().strip()]

    def work():
        resume = _document(form, "resume", "resume", limit)
        args = _target_args(form, limit)
        posting = args.get("posting")
        extraction = None
        if posting is not None:  # read the posting once: for the target and for its highlighted text
            from ..assess.targets import target_from_posting
            from ..extract import extract_document

            extraction = extract_document(posting, taxonomy=tax, kind="posting")
            args = {"target": target_from_posting(extraction, tax, posting.text)}
        result = assess_resume(resume, taxonomy=tax, db=db, claimed=claimed, **args)
        out = result.to_dict()
        if include_text:
            out["resume_text"] = resume.text
            if extraction is not None:
                from ..report.posting_view import posting_mentions

                out["posting_text"] = posting.text
                out["posting_mentions"] = posting_mentions(extraction.mentions, out)
        return out

    return await heavy(request, work)


_RANK_BODY = {"requestBody": {"required": True, **_multipart_schema({
    "resumes": {"type": "array", "items": _FILE, "description": "two or more résumé files"},
    "posting": {**_FILE}, "posting_text": {"type": "string"}, "role": {"type": "string"},
    "role_source": {"type": "string", "enum": ["auto", "curated", "measured"],
                    "description": "with a role: which profile (auto: the measured one when the server's database "
                                   "knows the role)"},
    "groups": {**_FILE, "description": "optional CSV `resume,group` (self-reported) for the fairness audit; "
                                       "`resume` is the uploaded file name"},
}, required=["resumes"])}}


def _read_groups(part: Part, resumes: list[str]) -> dict[str, str]:
    from ..fairness.audit import parse_groups_csv

    return parse_groups_csv(bytes(part.data), "groups", resumes=resumes)


@router.post("/rank", openapi_extra=_RANK_BODY, summary="Rank résumés for one posting or role",
             responses={**NOT_FOUND, **UNAVAILABLE, **MISSING_EXTRA})
async def rank(request: Request) -> dict:
    """``{"ranking": [...], "audit": {...} or null}`` like `skillradar rank --format json` (the same library
    call, ``skillradar.assess.rank``); unreadable résumés appear after the ranked rows with their error."""
    from ..assess import rank as rank_resumes
    from ..readers import read_bytes

    form = await read_form(request)
    limit = request.app.state.max_upload_bytes
    files = [p for p in form.get("resumes", []) + form.get("resume", []) if p.is_file]
    if not files:
        raise InvalidRequest("send the résumés as one or more file fields 'resumes'", code="missing_field")
    groups_part = _one(form, "groups")
    tax = _tax(request)
    db = request.app.state.db

    def work():
        target = _target_args(form, limit)
        docs, unreadable, seen = [], [], {}
        for part in files:
            name = _upload_name(part, "resume")
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name = f"{name}#{seen[name]}"
            try:
                docs.append(read_bytes(_take(part), name, kind="resume", max_bytes=limit,
                                       declared_name=part.filename))
            except SkillradarError as err:
                unreadable.append((name, err))
        groups = (_read_groups(groups_part, [d.source for d in docs] + [n for n, _ in unreadable])
                  if groups_part is not None else None)
        return rank_resumes(docs, taxonomy=tax, db=db, groups=groups, unreadable=unreadable, **target).to_dict()

    return await heavy(request, work)


# --------------------------------------------------------------------------------------- taxonomy and roles


@router.get("/taxonomy", summary="Skills of the taxonomy (id, label, family, group, type)")
def taxonomy(request: Request, family: str | None = Query(default=None, description="only this family")) -> dict:
    tax = _tax(request)
    if family is not None and family not in tax.families and not tax.by_family(family):
        raise InvalidRequest(f"unknown family '{family[:40]}': one of {', '.join(tax.families) or 'none'}",
                         code="bad_usage", status=400)
    skills = tax.by_family(family) if family else list(tax.skills)
    return {
        "name": tax.name,
        "version": tax.version,
        "families": tax.families,
        "skills": [{"id": s.id, "label": s.label, "family": s.family, "group": s.group, "type": s.type}
                   for s in skills],
    }


@router.get("/taxonomy/{skill_id}", summary="One skill with aliases, prerequisites, ESCO URI and resources",
            responses={404: {"model": ErrorBody, "description": "no such skill"}})
def taxonomy_skill(request: Request, skill_id: str) -> dict:
    return _tax(request).get(skill_id).to_dict()


@router.get("/roles", summary="Roles that /api/assess accepts (curated, and measured with a DB)")
def roles(request: Request) -> dict:
    """Curated roles always; measured ones when the server's database can be read (else a warning)."""
    from ..assess import roles_and_warnings

    rows, warnings = roles_and_warnings(request.app.state.db)
    return {"roles": rows, "warnings": warnings}


# --------------------------------------------------------------------------------------- privacy and fairness


class TextBody(BaseModel):
    text: str = Field(description="the text (a posting, a résumé)")


# Request bodies read by hand (JSON or multipart) and referenced from ``openapi_extra``: the app adds
# them to the schema's components, which FastAPI only fills from declared parameters.
EXTRA_SCHEMAS = (ExtractText, TextBody)


@router.post("/redact", summary="The text with personal data replaced by typed placeholders",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/TextBody"}},
                 "multipart/form-data": {"schema": {"type": "object", "properties": {"file": _FILE}}}}}})
async def redact(request: Request) -> dict:
    """Like `skillradar redact --format json` (the replaced originals are not echoed back)."""
    from ..privacy import redact as redact_text

    text = await _text_or_file(request, "file")
    tax = _tax(request)
    return (await heavy(request, lambda: redact_text(text, taxonomy=tax))).to_dict()


async def _text_or_file(request: Request, file_field: str) -> str:
    from ..readers import read_bytes

    media = _media(request)
    if media == "application/json":
        raw = await read_json(request)
        try:
            body = TextBody.model_validate(raw)
        except Exception as exc:
            raise InvalidRequest(_pydantic_message(exc)) from exc
        if not body.text.strip():
            raise InvalidRequest("the text is empty", code="empty_text")
        return body.text
    if media in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await read_form(request)
        part = _one(form, file_field)
        if part is not None and part.is_file:
            limit = request.app.state.max_upload_bytes
            doc = await heavy(request, lambda: read_bytes(_take(part), _upload_name(part, "upload"),
                                                          max_bytes=limit, declared_name=part.filename))
            return doc.text
        text = _field_text(form, "text")
        if text and text.strip():
            return text
        raise InvalidRequest(f"send a file field '{file_field}' or a text field 'text'", code="missing_field")
    raise UnsupportedMediaType(f"send application/json or multipart/form-data (got '{media or 'no content type'}')")


@router.post("/posting/check", summary="Check a posting's language (exclusionary or biased wording)",
             responses=MISSING_EXTRA,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {"$ref": "#/components/schemas/TextBody"}},
                 "multipart/form-data": {"schema": {"type": "object", "properties": {"posting": _FILE}}}}}})
async def posting_check(request: Request) -> dict:
    """``{"findings": [...]}``: wording that may put candidates off (``skillradar.fairness.language.check_posting``),
    each with its category, exact span (offsets into the text sent, or the file's extracted text) and a suggestion."""
    from ..errors import MissingExtra

    try:
        from ..fairness.language import check_posting
    except ImportError as exc:
        raise MissingExtra("posting language checks", "fairness", "skillradar.fairness") from exc
    text = await _text_or_file(request, "posting")
    tax = _tax(request)
    findings = await heavy(request, lambda: check_posting(text, taxonomy=tax))
    return {"findings": findings}
