"""One exception tree for the whole project.

Every error a user can cause carries a stable lower-case ``code`` (printed in JSON output and in API
error bodies), the CLI exit code it maps to and the HTTP status the web API answers with, so the
three surfaces never disagree about what went wrong::

    SkillradarError                      code            exit  http
    ├── UsageError                       bad_usage       2     400
    │   ├── UnknownTaxonomy              unknown_taxonomy
    │   ├── UnknownSkill                 unknown_skill
    │   ├── UnknownRole                  unknown_role
    │   ├── UnknownDetector              unknown_detector
    │   ├── UnknownReader                unknown_reader
    │   ├── EmptySplit                   empty_split
    │   ├── InvalidRequest               invalid_request       422  (web bodies; code per case)
    │   │   └── UnsupportedMediaType     unsupported_media_type 415
    │   ├── GroupsFileError              invalid_groups  2     422
    │   ├── OutdatedDatabase             outdated_database 2   409  (run `market reextract` once)
    │   └── NoDatabase                   no_database     2     503  (a DatabaseProblem)
    ├── MissingExtra                     missing_extra   2     501
    ├── TaxonomyError                    invalid_taxonomy 1    422
    ├── InputError                       (per input)     1     422
    │   ├── UnsupportedFormat            unsupported_format    415
    │   ├── EmptyText                    empty_text
    │   ├── EncryptedPdf                 encrypted_pdf
    │   ├── ScannedPdf                   scanned_pdf
    │   ├── TooLarge                     too_large             413
    │   ├── DecodeError                  decode_error
    │   ├── CorruptFile                  corrupt_file
    │   ├── ZipBomb                      zip_bomb              413
    │   ├── FileMissing                  file_not_found        404
    │   ├── MissingColumn                missing_column
    │   ├── NoTargetSkills               no_target_skills
    │   └── UnknownItem                  unknown_id            404
    ├── StoreError                       store_error     1     500
    │   ├── DatabaseCorrupt              database_corrupt 1    503  (a DatabaseProblem)
    │   ├── DatabaseLocked               database_locked 1     503  (a DatabaseProblem; Retry-After)
    │   └── DatabaseReadOnly             database_read_only 1  503  (a DatabaseProblem)
    ├── Busy                             busy            1     503  (+ Retry-After)
    └── InternalError                    internal_error  1     500

A ``DatabaseProblem`` names the database by its role ("the market database"), never by its path:
paths, PIDs and interpreter names in DuckDB's own messages stay in the exception's cause. Each
surface rewords the subject with :meth:`DatabaseProblem.about` ("the database given with --db").

Third-party exceptions are wrapped with ``raise … from exc`` so the cause stays visible.
"""

from __future__ import annotations

import re

__all__ = [
    "SkillradarError",
    "UsageError",
    "UnknownTaxonomy",
    "UnknownSkill",
    "UnknownRole",
    "UnknownDetector",
    "UnknownReader",
    "EmptySplit",
    "InvalidRequest",
    "UnsupportedMediaType",
    "GroupsFileError",
    "OutdatedDatabase",
    "NoDatabase",
    "MissingExtra",
    "TaxonomyError",
    "InputError",
    "UnsupportedFormat",
    "EmptyText",
    "EncryptedPdf",
    "ScannedPdf",
    "TooLarge",
    "DecodeError",
    "CorruptFile",
    "ZipBomb",
    "FileMissing",
    "MissingColumn",
    "UnknownItem",
    "NoTargetSkills",
    "StoreError",
    "DatabaseProblem",
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DatabaseReadOnly",
    "Busy",
    "InternalError",
]


class SkillradarError(Exception):
    """Root of every error skillradar raises on purpose."""

    code = "error"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str, *, source: str | None = None, params: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.params = params  # library parameter names the message speaks of ("select_top")

    def spelled(self, spell) -> str:
        """The message with each parameter it names spelled as a surface names it: the CLI says
        ``--select-top``, the web API ``select_top`` (the library's own spelling)."""
        message = self.message
        for name in self.params:
            message = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", lambda _m, n=name: spell(n), message)
        return message

    def to_dict(self) -> dict:
        """The ``{"code", "message"}`` object used in JSON output and API error bodies."""
        return {"code": self.code, "message": self.message}

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class UsageError(SkillradarError):
    code = "bad_usage"
    exit_code = 2
    http_status = 400


class UnknownTaxonomy(UsageError):
    code = "unknown_taxonomy"


class UnknownSkill(UsageError):
    code = "unknown_skill"
    http_status = 404


class UnknownRole(UsageError):
    code = "unknown_role"
    http_status = 404


class UnknownDetector(UsageError):
    code = "unknown_detector"


class UnknownReader(UsageError):
    code = "unknown_reader"


class EmptySplit(UsageError):
    """A before/after comparison whose split date leaves no dated posting on one side (in scope)."""

    code = "empty_split"


class InvalidRequest(UsageError):
    """A web request whose body or fields cannot be used; ``code`` says which way (``missing_field``,
    ``invalid_form`` …). Only the web API raises it."""

    code = "invalid_request"
    http_status = 422

    def __init__(self, message: str, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        if status is not None:
            self.http_status = status


class UnsupportedMediaType(InvalidRequest):
    code = "unsupported_media_type"
    http_status = 415

    def __init__(self, message: str) -> None:
        super().__init__(message)


class GroupsFileError(UsageError):
    """The ``--groups`` CSV cannot be used (missing columns, unknown résumé, conflicting rows)."""

    code = "invalid_groups"
    http_status = 422


class OutdatedDatabase(UsageError):
    """A query needs something an older version did not store in the market database (the facets
    that filters by seniority, contract type and sector read); the message says the command that adds it."""

    code = "outdated_database"
    http_status = 409


class DatabaseProblem(SkillradarError):
    """Mixin of the errors about a database file: the message is a template over its ``subject``.

    ``subject`` says which database in words the user knows ("the market database", "the database
    given with --db"); ``details`` fill the rest of the template. Never a path: the API and the logs
    must not show where the server keeps its files.
    """

    code = "database_error"
    http_status = 503
    template = "{subject} cannot be used"
    default_subject = "the market database"
    named_params: tuple[str, ...] = ()  # library parameters the template names (spelled per surface)

    def __init__(self, subject: str | None = None, **details: str) -> None:
        self.subject = subject or self.default_subject
        self.details = details
        super().__init__(self.template.format(subject=self.subject, **details), params=self.named_params)

    def about(self, subject: str) -> "DatabaseProblem":
        """The same error naming the database as ``subject`` (the cause is kept)."""
        other = type(self)(subject, **self.details)
        other.__cause__ = self.__cause__
        return other


class NoDatabase(DatabaseProblem, UsageError):
    """A command needs a market database that does not exist (yet): ingest postings first."""

    code = "no_database"
    http_status = 503
    template = "{subject} {state}: {hint}"
    named_params = ("db",)
    BUILD_HINT = "build it with `skillradar market ingest FILE --db PATH` (or give another one with db)"

    def __init__(self, subject: str | None = None, state: str = "does not exist yet", hint: str = BUILD_HINT) -> None:
        super().__init__(subject, state=state, hint=hint)


class MissingExtra(SkillradarError):
    """An optional part is not installed; the message says which extra to install."""

    code = "missing_extra"
    exit_code = 2
    http_status = 501

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(
            f"{feature} needs the optional package '{module}': "
            f"install it with `pip install 'skillradar[{extra}]'`"
        )
        self.extra = extra


class TaxonomyError(SkillradarError):
    code = "invalid_taxonomy"
    http_status = 422


class InputError(SkillradarError):
    """One input could not be read; a batch reports it and goes on with the others."""

    code = "input_error"
    http_status = 422


class UnsupportedFormat(InputError):
    code = "unsupported_format"
    http_status = 415


class EmptyText(InputError):
    code = "empty_text"


class EncryptedPdf(InputError):
    code = "encrypted_pdf"


class ScannedPdf(InputError):
    code = "scanned_pdf"


class TooLarge(InputError):
    code = "too_large"
    http_status = 413


class DecodeError(InputError):
    code = "decode_error"


class CorruptFile(InputError):
    code = "corrupt_file"


class ZipBomb(InputError):
    code = "zip_bomb"
    http_status = 413


class FileMissing(InputError):
    code = "file_not_found"
    http_status = 404


class MissingColumn(InputError):
    """A posting file has no column holding the posting text (market ingest)."""

    code = "missing_column"


class UnknownItem(InputError):
    """``data erase`` was given an id the store does not hold."""

    code = "unknown_id"
    http_status = 404


class NoTargetSkills(InputError):
    """The posting names no skill of the taxonomy (or only negated ones): nothing to assess against."""

    code = "no_target_skills"


class StoreError(SkillradarError):
    code = "store_error"


class DatabaseCorrupt(DatabaseProblem, StoreError):
    """The file is cut off, damaged, not a DuckDB file or from another DuckDB version."""

    code = "database_corrupt"
    http_status = 503
    template = ("{subject} cannot be read: {what}. Restore it from a backup, or move it aside and build it "
                "again with `skillradar market ingest FILE --db PATH`")

    def __init__(self, subject: str | None = None, what: str = "the file is damaged") -> None:
        super().__init__(subject, what=what)


class DatabaseLocked(DatabaseProblem, StoreError):
    """Another process holds the database's write lock (usually a running ingest)."""

    code = "database_locked"
    http_status = 503
    retry_after = 10  # seconds, sent as the Retry-After header
    template = ("{subject} is busy: another process (a running `skillradar market ingest`?) is writing to it. "
                "Try again when it has finished")


class DatabaseReadOnly(DatabaseProblem, StoreError):
    """The file or its folder cannot be written (permissions, read-only file system)."""

    code = "database_read_only"
    http_status = 503
    template = ("{subject} cannot be written: the file or its folder is read-only. Make it writable or give "
                "another file")


class Busy(SkillradarError):
    """The server is already doing as much heavy work (reading, extraction) as it allows: try again."""

    code = "busy"
    http_status = 503

    def __init__(self, message: str, *, retry_after: int = 2) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class InternalError(SkillradarError):
    """An input made skillradar fail in a way it did not foresee (a bug): reported for that input alone,
    so a batch goes on."""

    code = "internal_error"
