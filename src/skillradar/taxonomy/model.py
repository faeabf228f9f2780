"""The taxonomy in memory: skills grouped under the five families, its scoring tiers, and a content hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from ..errors import UnknownSkill
from .tiers import Tier, Tiers

__all__ = ["Resource", "Skill", "Taxonomy", "SKILL_TYPES"]

SKILL_TYPES = ("tool", "language", "concept", "practice", "soft", "knowledge", "application")


@dataclass(frozen=True, slots=True)
class Resource:
    """A learning resource: a stable, well-known address (official docs, a course's landing page)."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Skill:
    """One skill. ``ambiguous`` lists surface forms that count only where the text means the skill."""

    id: str
    label: str
    family: str = ""
    group: str = ""
    type: str = "concept"
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    description: str = ""
    prerequisites: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()  # skills this one is a kind of (Llama -> LLMs): showing it shows them
    esco_uri: str | None = None
    resources: tuple[Resource, ...] = ()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "family": self.family,
            "group": self.group,
            "type": self.type,
            "aliases": list(self.aliases),
            "ambiguous": list(self.ambiguous),
            "description": self.description,
            "prerequisites": list(self.prerequisites),
            "related": list(self.related),
            "broader": list(self.broader),
            "esco_uri": self.esco_uri,
            "resources": [{"title": r.title, "url": r.url} for r in self.resources],
        }


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """An ordered collection of skills with lookups by id and family.

    ``families`` maps a family id to its label and its groups (group id → label); ``tiers`` says which
    skills say most about fit (see ``tiers``; empty when the taxonomy declares none).
    """

    name: str
    version: str
    skills: tuple[Skill, ...]
    families: dict[str, dict] = field(default_factory=dict)
    tiers: Tiers = field(default_factory=Tiers)
    _by_id: dict[str, Skill] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for s in self.skills:  # a duplicated id keeps its first definition (validate reports the rest)
            self._by_id.setdefault(s.id, s)

    def __len__(self) -> int:
        return len(self.skills)

    def __iter__(self):
        return iter(self.skills)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self._by_id

    def get(self, skill_id: str) -> Skill:
        """The skill with that id; raises UnknownSkill naming close ids when absent."""
        try:
            return self._by_id[skill_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(skill_id, list(self._by_id), n=3)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise UnknownSkill(f"no skill with id '{skill_id}' in taxonomy '{self.name}'.{hint}") from None

    def derived(self, key: str, build):
        """What ``build()`` makes from this taxonomy (a lexicon, a fuzzy index, embeddings of its
        forms), made once and kept with the taxonomy: it lives and dies with the object, unlike a
        process-wide cache keyed by ``id()``, which can hand a new taxonomy an old one's index."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = build()
            return value

    def narrower(self, skill_id: str) -> frozenset[str]:
        """Skills that are a kind of ``skill_id``, directly or through other broader skills."""
        return self.derived("narrower", self._narrower_index).get(skill_id, frozenset())

    def _narrower_index(self) -> dict[str, frozenset[str]]:
        parents = {s.id: [b for b in s.broader if b in self] for s in self.skills}
        index: dict[str, set[str]] = {}
        for sid in parents:
            seen, todo = set(), list(parents[sid])
            while todo:  # every ancestor, once (validate refuses cycles; the seen set guards anyway)
                b = todo.pop()
                if b not in seen and b != sid:
                    seen.add(b)
                    todo.extend(parents.get(b, ()))
            for b in seen:
                index.setdefault(b, set()).add(sid)
        return {k: frozenset(v) for k, v in index.items()}

    def tier_of(self, skill_id: str) -> Tier | None:
        """The scoring tier of a skill (None for an id the taxonomy lacks); see ``tiers``."""
        return self.derived("tiers", lambda: self.tiers.index(self.skills)).get(skill_id)

    @property
    def family_ids(self) -> tuple[str, ...]:
        """The families this taxonomy declares, in its order (the bundled one's five; none for ESCO)."""
        return tuple(self.families)

    def find(self, skill_id: str) -> Skill | None:
        return self._by_id.get(skill_id)

    def by_family(self, family: str) -> list[Skill]:
        return [s for s in self.skills if s.family == family]

    def group_label(self, family: str, group: str) -> str:
        return self.families.get(family, {}).get("groups", {}).get(group, group)

    @property
    def content_hash(self) -> str:
        """A short SHA-256 of the skills' content: keys caches (embeddings) and stored mentions."""
        cached = getattr(self, "_hash", None)
        if cached is None:
            payload = json.dumps([s.to_dict() for s in self.skills], sort_keys=True, ensure_ascii=False)
            cached = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
            object.__setattr__(self, "_hash", cached)
        return cached
