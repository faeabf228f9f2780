"""Taxonomy extension files: a user's own skills on top of a base taxonomy, kept in the user's file.

A curator who accepts a discovered term must not have to copy the whole bundled taxonomy, nor edit
the installed package (an upgrade would silently drop the skill). An extension file is a taxonomy
YAML with an ``extends:`` key naming its base (``genai``, or a taxonomy file, relative to the
extension)::

    name: my-skills
    extends: genai
    version: "3"          # bumped by `skillradar taxonomy accept` on every change
    skills:
      - id: ext.quillstream
        label: Quillstream
        family: technical
        group: llm-engineering
        type: tool
        broader: [genai.llm]

Loaded with ``--taxonomy FILE`` like any taxonomy file, it gives the base skills followed by its own
(which take the base's scoring tiers by their group and family; a ``tiers:`` list of its own is read
before the base's rules);
its name is ``<base>+<name>`` and its version ``<base version>+<name>.<version>``, so stored market
mentions made with the base alone are seen as stale (``market reextract`` recounts them).
``accept_term`` appends one skill to such a file (creating it when missing) and refuses the bundled
taxonomy's own files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from importlib import resources
from pathlib import Path

import yaml

from ..errors import TaxonomyError, UsageError
from ..textnorm import fold
from .load import _load_path, load_taxonomy, read_extension, read_taxonomy_file
from .model import SKILL_TYPES, Taxonomy
from .validate import validate

__all__ = ["read_extension", "accept_term", "Accepted"]

_ID = re.compile(r"^[a-z0-9][a-z0-9._+#-]*$")


def _bundled_folder() -> Path:
    return Path(str(resources.files("skillradar.taxonomy") / "data")).resolve()


def _slug(term: str) -> str:
    s = re.sub(r"[^a-z0-9+#]+", "-", term.lower()).strip("-")
    return s or "term"


class Accepted(dict):
    """What ``accept_term`` did: ``skill`` (the mapping written), ``file``, ``created``, ``taxonomy``
    (name and version after the change)."""


def _dump_item(skill: dict, note: str) -> str:
    body = yaml.safe_dump([skill], sort_keys=False, allow_unicode=True, default_flow_style=None, width=110)
    lines = body.rstrip("\n").split("\n")
    return f"  # {note}\n" + "\n".join("  " + line for line in lines) + "\n"


def accept_term(term: str, *, family: str, into: str | Path, group: str | None = None, broader=(),
                aliases=(), skill_id: str | None = None, skill_type: str = "concept", description: str = "",
                base: str = "genai", note: str | None = None) -> Accepted:
    """Add ``term`` as a skill to the extension file ``into`` (created, extending ``base``, when
    missing) and return what was written. Refuses a term the taxonomy already matches, an id in use,
    unknown broader skills, a family or group the taxonomy lacks, and any file of the bundled
    taxonomy; the file is checked with ``validate`` after the change and left as it was on failure."""
    from ..choices import unknown_choice
    from ..records import FAMILIES

    term = (term or "").strip()
    if not term:
        raise UsageError("give the term to accept, e.g. skillradar taxonomy accept Quillstream --family technical "
                         "--into my-skills.yaml")
    path = Path(into)
    if str(path.resolve()).startswith(str(_bundled_folder()) + os.sep) or path.resolve() == _bundled_folder():
        raise UsageError(f"'{into}' is part of the bundled taxonomy: accepted skills go into your own extension file "
                         "(e.g. --into my-skills.yaml), which upgrades never overwrite")
    if path.is_dir():
        raise UsageError(f"into '{into}' is a folder: give a .yaml file", params=("into",))
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"into must be a YAML file (.yaml or .yml), got '{into}'", params=("into",))
    if skill_type not in SKILL_TYPES:
        raise UsageError(unknown_choice("skill_type", skill_type, SKILL_TYPES), params=("skill_type",))
    created = not path.exists()
    if created:
        load_taxonomy(base)  # an unknown base is a usage error before anything is written
        base_ref = base if base == "genai" else os.path.relpath(Path(base).resolve(), path.resolve().parent)
        original = (f"# skillradar taxonomy extension: skills accepted by a curator on top of {base}.\n"
                    "# Use it with --taxonomy FILE; `skillradar taxonomy validate FILE` checks it.\n"
                    f"name: {_slug(path.stem)}\nextends: {base_ref}\nversion: \"0\"\nskills:\n")
        tmp = _write_temp(original, path)
        try:
            current = read_taxonomy_file(tmp).taxonomy
        finally:
            os.unlink(tmp)
    else:
        original = path.read_text(encoding="utf-8-sig")
        current = read_taxonomy_file(path).taxonomy
    families = current.family_ids or FAMILIES  # the families the base declares
    if family not in families:
        raise UsageError(unknown_choice("family", family, families), params=("family",))
    for name in (term, *aliases):
        owner = _known_as(current, name)
        if owner is not None:
            raise UsageError(f"'{name}' is already a name of skill {owner.id} ('{owner.label}') in taxonomy "
                             f"{current.name}: nothing to accept (add an alias to that skill instead)")
    sid = skill_id or f"ext.{_slug(term)}"
    if not _ID.match(sid):
        raise UsageError(f"skill_id '{sid}' should be lower-case letters, digits and . _ - + #", params=("skill_id",))
    if current.find(sid) is not None:
        raise UsageError(f"the id '{sid}' is taken by '{current.get(sid).label}': give another with skill_id",
                         params=("skill_id",))
    broader = list(dict.fromkeys(broader or ()))
    for b in broader:
        current.get(b)  # UnknownSkill (a usage error) naming close ids
    groups = current.families.get(family, {}).get("groups") or {}
    if group is None and broader:
        parent = current.get(broader[0])
        group = parent.group if parent.family == family else None
    if groups and group not in groups:
        raise UsageError(f"group is needed for family '{family}'" + (f" ('{group}' is not one of its groups)"
                         if group else "") + f": one of {', '.join(groups)}", params=("group",))
    skill = {"id": sid, "label": term, "family": family, "group": group or "", "type": skill_type}
    if aliases:
        skill["aliases"] = [a for a in dict.fromkeys(aliases) if fold(a) != fold(term)]
    if broader:
        skill["broader"] = broader
    if description:
        skill["description"] = description
    item = _dump_item(skill, note or f"accepted {dt.date.today().isoformat()} with `skillradar taxonomy accept`")
    updated = _append(original, item, path)
    tmp = _write_temp(updated, path)
    try:
        located = read_taxonomy_file(tmp)
        problems = [p for p in validate(located) if p.file == str(tmp)]
    except TaxonomyError:
        os.unlink(tmp)
        raise
    if problems:
        os.unlink(tmp)
        raise TaxonomyError(f"{into}: with this skill the file would not pass validation, so it was left as it was: "
                            + "; ".join(p.message for p in problems), source=str(into))
    os.replace(tmp, path)
    _load_path.cache_clear()  # a later load_taxonomy(path) in this process must see the new skill
    final = read_taxonomy_file(path).taxonomy
    return Accepted(skill=skill, file=str(path), created=created, taxonomy={"name": final.name, "version": final.version})


def _known_as(tax: Taxonomy, name: str):
    """The skill whose label, alias or spelling variant ``name`` is (the lexicon matches it whole), or None."""
    from ..detect.lexicon import lexicon_for

    key = fold(name)
    for s in tax.skills:
        if key in {fold(f) for f in (s.label, *s.aliases, *s.ambiguous)}:
            return s
    hits = lexicon_for(tax).find(name.strip())
    whole = [h for h in hits if h.start == 0 and h.end == len(name.strip())]
    return tax.get(whole[0].skill_id) if whole else None


def _write_temp(text: str, near: Path) -> Path:
    """Write ``text`` to a new file beside ``near`` (same folder: relative ``extends`` paths and the
    final rename both work)."""
    folder = near.resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{near.stem}.", suffix=near.suffix, dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return Path(name)


_VERSION = re.compile(r'^(version:\s*)(["\']?)(\d+)(["\']?)\s*$', re.M)


def _append(text: str, item: str, path: Path) -> str:
    """``text`` with ``item`` added at the end of its ``skills:`` list and its version bumped when it is
    a whole number. The list must be the file's last top-level key (as ``accept`` writes it), so that
    the user's comments and layout stay untouched."""
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict) or "skills" not in data:
        raise TaxonomyError(f"{path}: not a taxonomy YAML with a top-level 'skills:' list", source=str(path))
    keys = [k for k in data]
    if keys[-1] != "skills":
        raise UsageError(f"{path}: 'skills:' is not the last top-level key, so the new skill cannot be appended "
                         "without rewriting the file: move the 'skills:' list to the end")
    body = text if text.endswith("\n") else text + "\n"
    body = re.sub(r"^skills:\s*\[\s*\]\s*$", "skills:", body, flags=re.M)
    m = _VERSION.search(body)
    if m:
        body = body[:m.start()] + f"{m.group(1)}{m.group(2)}{int(m.group(3)) + 1}{m.group(4)}" + body[m.end():]
    return body + item
