"""Loading taxonomies: the bundled one, the project's YAML format, a generic CSV or ESCO's CSV, and
extension files (``extends: genai`` plus the user's own skills, see ``extension``).

Every loader returns the skills together with the line each skill was defined on, so that
``validate`` can point at the line to fix.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..choices import closest
from ..errors import TaxonomyError, UnknownTaxonomy
from .model import Resource, Skill, Taxonomy
from .tiers import Tiers, esco_tiers, read_tiers

__all__ = ["load_taxonomy", "read_taxonomy_file", "read_extension", "bundled_taxonomy", "default_families", "Located",
           "tiers_of"]

BUILTIN = {"genai"}
# libyaml's loader is ~10x faster and keeps node marks (line numbers) just the same.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

def default_families() -> dict[str, dict]:
    """The families of a taxonomy file that declares none (a generic CSV, a YAML without ``families:``):
    the bundled taxonomy's, with their labels and no groups (a file's groups are its own)."""
    declared = yaml.load(_bundled_header(), Loader=_Loader).get("families") or {}
    return {f: {"label": v.get("label", f), "short": v.get("short", v.get("label", f)), "groups": {}}
            for f, v in declared.items()}


@functools.lru_cache(maxsize=1)
def _bundled_header() -> str:
    return (resources.files("skillradar.taxonomy") / "data" / "genai" / "taxonomy.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Located:
    """A loaded taxonomy plus where each skill came from (file and line), for validation."""

    taxonomy: Taxonomy
    where: dict[int, tuple[str, int]]  # index in taxonomy.skills -> (file, line)


def load_taxonomy(name_or_path: Taxonomy | str | Path | None = None) -> Taxonomy:
    """The taxonomy named (``genai``) or stored at a path (YAML, generic CSV, ESCO CSV); a Taxonomy
    is returned as it is, so every function that takes ``taxonomy=`` accepts all three."""
    if isinstance(name_or_path, Taxonomy):
        return name_or_path
    if name_or_path is None or str(name_or_path) in BUILTIN:
        return bundled_taxonomy()
    return _load_path(str(Path(name_or_path).resolve()))


@functools.lru_cache(maxsize=8)
def _load_path(path: str) -> Taxonomy:
    return read_taxonomy_file(path).taxonomy


@functools.lru_cache(maxsize=1)
def bundled_taxonomy() -> Taxonomy:
    """The project's own generative-AI taxonomy (``genai``), read once per process."""
    return read_bundled().taxonomy


def read_bundled() -> Located:
    """The bundled taxonomy with file and line of every skill (a folder of YAML files), read once per
    process like ``bundled_taxonomy``: every extension file of ``genai`` starts from it."""
    located = _read_bundled()
    return Located(located.taxonomy, dict(located.where))  # the caller may add to its own copy


@functools.lru_cache(maxsize=1)
def _read_bundled() -> Located:
    folder = resources.files("skillradar.taxonomy") / "data" / "genai"
    header_text = _bundled_header()
    header = yaml.load(header_text, Loader=_Loader)
    skills: list[Skill] = []
    where: dict[int, tuple[str, int]] = {}
    for part in sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml") and p.name != "taxonomy.yaml"):
        text = (folder / part).read_text(encoding="utf-8")
        for skill, line in _skills_from_yaml(text, part):
            where[len(skills)] = (part, line)
            skills.append(skill)
    tax = Taxonomy(
        name=header.get("name", "genai"),
        version=str(header.get("version", "0")),
        skills=tuple(skills),
        families=header.get("families") or default_families(),
        tiers=tiers_of(header_text, "taxonomy.yaml", header),
    )
    return Located(tax, where)


def tiers_of(text: str, name: str, header: dict) -> Tiers:
    """The scoring tiers a YAML taxonomy declares (``tiers:``, ``model_work:``), or none."""
    if not isinstance(header, dict) or ("tiers" not in header and "model_work" not in header):
        return Tiers()
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{name}: not valid YAML: {exc}", source=name) from exc
    return read_tiers(root, name)


def read_taxonomy_file(path: str | Path) -> Located:
    """Read a taxonomy file, choosing the reader by extension and, for CSV, by header."""
    p = Path(path)
    if not p.exists():
        guess = closest(str(path), sorted(BUILTIN))
        raise UnknownTaxonomy(
            f"'{path}' is neither a bundled taxonomy ({', '.join(sorted(BUILTIN))}) nor an existing file"
            + (f"; did you mean '{guess}'?" if guess else "")
        )
    if p.is_dir():
        raise UnknownTaxonomy(f"'{path}' is a folder: give a taxonomy file (.yaml or .csv)")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TaxonomyError(f"{path}: not UTF-8 text ({exc}); save it as UTF-8", source=str(path)) from exc
    suffix = p.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _read_yaml_file(text, str(path))
    if suffix in (".csv", ".tsv", ".txt"):
        return _read_csv(text, str(path))
    raise UnknownTaxonomy(f"'{path}': unknown taxonomy format '{suffix}'; use .yaml or .csv")


def _read_yaml_file(text: str, name: str) -> Located:
    try:
        header = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{name}: not valid YAML: {exc}", source=name) from exc
    if not isinstance(header, dict) or "skills" not in header:
        raise TaxonomyError(f"{name}: a taxonomy YAML needs a top-level 'skills:' list", source=name)
    if "extends" in header:  # a user's skills on top of a base taxonomy
        return read_extension(text, name, header)
    skills: list[Skill] = []
    where: dict[int, tuple[str, int]] = {}
    for skill, line in _skills_from_yaml(text, name):
        where[len(skills)] = (name, line)
        skills.append(skill)
    tax = Taxonomy(
        name=str(header.get("name", Path(name).stem)),
        version=str(header.get("version", _digest(text))),
        skills=tuple(skills),
        families=header.get("families") or default_families(),
        tiers=tiers_of(text, name, header),
    )
    return Located(tax, where)


def read_extension(text: str, name: str, header: dict) -> Located:
    """The taxonomy of an extension file (``extends:``, see ``extension``): its base's skills, then its
    own. It lives here, beside the reader it calls back for a base that is itself a file."""
    base_ref = str(header.get("extends") or "").strip()
    if not base_ref:
        raise TaxonomyError(f"{name}: 'extends:' must name a base taxonomy (genai or a file)", source=name)
    if base_ref == "genai":
        base = read_bundled()
    else:
        base_path = Path(base_ref)
        if not base_path.is_absolute():
            base_path = Path(name).resolve().parent / base_path
        if base_path.resolve() == Path(name).resolve():
            raise TaxonomyError(f"{name}: an extension cannot extend itself", source=name)
        base = read_taxonomy_file(base_path)
    own = _skills_from_yaml(text, name)
    offset = len(base.taxonomy.skills)
    where = dict(base.where)
    for i, (_skill, line) in enumerate(own):
        where[offset + i] = (name, line)
    ext_name = str(header.get("name") or Path(name).stem)
    ext_version = str(header.get("version") or "0")
    own_tiers = tiers_of(text, name, header)
    if own_tiers.model_work:
        raise TaxonomyError(f"{name}:{own_tiers.where[1]}: 'model_work' belongs to the base taxonomy; an extension "
                            "may add tiers rules only", source=name)
    tax = Taxonomy(name=f"{base.taxonomy.name}+{ext_name}",
                   version=f"{base.taxonomy.version}+{ext_name}.{ext_version}",
                   skills=base.taxonomy.skills + tuple(s for s, _line in own),
                   families=base.taxonomy.families,
                   tiers=base.taxonomy.tiers.extended(own_tiers.rules))  # its own rules first
    return Located(tax, where)


def _skills_from_yaml(text: str, name: str) -> list[tuple[Skill, int]]:
    """Parse the ``skills:`` list of one YAML document, with each item's line number."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{name}: not valid YAML: {exc}", source=name) from exc
    items = (data or {}).get("skills") or []
    lines: list[int] = []
    for key, value in root.value if root is not None else []:
        if key.value == "skills":
            lines = [item.start_mark.line + 1 for item in value.value]
    out = []
    for item, line in zip(items, lines):
        if not isinstance(item, dict):
            raise TaxonomyError(f"{name}:{line}: each skill must be a mapping with at least id and label", source=name)
        out.append((_skill_from_mapping(item, f"{name}:{line}"), line))
    return out


def _as_tuple(value, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    raise TaxonomyError(f"{where}: '{key}' must be a list of strings")


def _skill_from_mapping(item: dict, where: str) -> Skill:
    if not item.get("id") or not item.get("label"):
        raise TaxonomyError(f"{where}: a skill needs both 'id' and 'label'")
    res = []
    for r in item.get("resources") or []:
        if not isinstance(r, dict) or "url" not in r:
            raise TaxonomyError(f"{where}: each resource needs 'title' and 'url'")
        res.append(Resource(title=str(r.get("title", r["url"])), url=str(r["url"])))
    return Skill(
        id=str(item["id"]),
        label=str(item["label"]),
        family=str(item.get("family", "")),
        group=str(item.get("group", "")),
        type=str(item.get("type", "concept")),
        aliases=_as_tuple(item.get("aliases"), where, "aliases"),
        ambiguous=_as_tuple(item.get("ambiguous"), where, "ambiguous"),
        description=str(item.get("description", "") or ""),
        prerequisites=_as_tuple(item.get("prerequisites"), where, "prerequisites"),
        related=_as_tuple(item.get("related"), where, "related"),
        broader=_as_tuple(item.get("broader"), where, "broader"),
        esco_uri=(str(item["esco_uri"]) if item.get("esco_uri") else None),
        resources=tuple(res),
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _read_csv(text: str, name: str) -> Located:
    dialect = "excel-tab" if name.lower().endswith(".tsv") else "excel"
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    esco = "conceptUri" in header and "preferredLabel" in header
    if not esco and not {"id", "label"} <= set(header):
        raise TaxonomyError(
            f"{name}: unknown CSV taxonomy header {header[:6]}; expected "
            "'id,label,aliases,description,family,group' or ESCO's 'conceptUri,preferredLabel,…'",
            source=name,
        )
    skills: list[Skill] = []
    where: dict[int, tuple[str, int]] = {}
    levels: dict[str, str] = {}  # ESCO: skill URI -> reuse level (its own tiering, see tiers.esco_tiers)
    for row in reader:
        line = reader.line_num
        if esco:
            skill = _esco_row(row)
            if skill is not None and (row.get("reuseLevel") or "").strip():
                levels.setdefault(skill.id, row["reuseLevel"].strip())
        else:
            if not (row.get("id") or "").strip() or not (row.get("label") or "").strip():
                raise TaxonomyError(f"{name}:{line}: every row needs an id and a label", source=name)
            skill = Skill(
                id=row["id"].strip(),
                label=row["label"].strip(),
                family=(row.get("family") or "").strip(),
                group=(row.get("group") or "").strip(),
                aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
                description=(row.get("description") or "").strip(),
            )
        if skill is None:
            continue
        where[len(skills)] = (name, line)
        skills.append(skill)
    families = default_families() if not esco else {}
    tiers = esco_tiers(levels, name) if esco else Tiers()
    tax = Taxonomy(name=Path(name).stem, version=_digest(text), skills=tuple(skills), families=families, tiers=tiers)
    return Located(tax, where)


def _esco_row(row: dict) -> Skill | None:
    uri = (row.get("conceptUri") or "").strip()
    label = (row.get("preferredLabel") or "").strip()
    if not uri or not label:
        return None
    alts = []
    for col in ("altLabels", "hiddenLabels"):
        alts += [a.strip() for a in (row.get(col) or "").splitlines() if a.strip()]
    kind = (row.get("skillType") or "").strip()
    return Skill(
        id=uri,
        label=label,
        type="knowledge" if kind == "knowledge" else "practice",
        aliases=tuple(dict.fromkeys(a for a in alts if a != label)),
        description=(row.get("description") or row.get("definition") or "").strip(),
        esco_uri=uri,
    )
