"""Scoring tiers: which skills of a taxonomy say most about fit for the jobs it describes.

A posting names generic skills (communication, SQL, Docker) beside the ones the job is about; the
assessment weighs each by its tier (``skillradar.assess.targets.IMPORTANCE``). Which skill sits in
which tier is knowledge about the taxonomy, so it lives in the taxonomy's data:

* the project's YAML (``taxonomy.yaml`` of the bundled one) declares ``tiers:``, an ordered list of
  rules; the first rule that names a skill's id, group or family gives its tier::

      tiers:
        - tier: general
          why: general engineering skill shared with many non-AI jobs
          skills: [mlops.docker, mlops.kubernetes]
        - tier: core
          why: core AI/ML technical skill
          groups: [ml-fundamentals, deep-learning]

  and ``model_work:`` says that its ``core`` and ``ml-ops`` tiers are AI/ML model work, which turns
  on the scorer's model-work rules (practice sentences, a lone core skill, same-area and transfer
  credit; see ``assess.score``); ``task_groups`` are the groups whose ``practice`` skills are
  modelling tasks ("sentiment analysis");
* ESCO's skills CSV carries its own tiering, the reuse level of each skill (``esco_tiers``);
* any other taxonomy declares none: every skill weighs the same, and the assessment says so.

Tier names are fixed (``TIER_NAMES``); their factors belong to the scorer. A skill no rule names is
``other``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["TIER_NAMES", "Tier", "TierRule", "Tiers", "read_tiers", "esco_tiers", "UNTIERED"]

#: The tiers a rule may name, most telling first (the scorer's ``IMPORTANCE`` gives their factors).
TIER_NAMES = ("core", "ml-ops", "general", "other")


@dataclass(frozen=True, slots=True)
class Tier:
    """A skill's tier, the reason in words, and what gave it: the rule naming its ``skill`` id, its
    ``group`` or its ``family``; ``default`` (no rule names it) or ``none`` (no tiers declared)."""

    name: str
    why: str
    by: str


@dataclass(frozen=True)
class TierRule:
    """One ``tiers:`` entry; ``where`` is its file and line, ``lines`` the line of each name it lists."""

    tier: str
    why: str = ""
    skills: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    where: tuple[str, int] = ("?", 0)
    lines: dict = field(default_factory=dict, compare=False, repr=False)  # (key, name) -> line


@dataclass(frozen=True)
class Tiers:
    """A taxonomy's scoring tiers. Empty (false) when the taxonomy declares none.

    ``source`` says where they come from (a file, or ESCO's reuse levels); ``model_work`` that the
    core and ml-ops tiers are AI/ML model work; ``where`` locates ``model_work:`` for validation."""

    rules: tuple[TierRule, ...] = ()
    model_work: bool = False
    task_groups: tuple[str, ...] = ()
    source: str = ""
    where: tuple[str, int] = ("?", 0)
    lines: dict = field(default_factory=dict, compare=False, repr=False)  # task group -> line

    def __bool__(self) -> bool:
        return bool(self.rules)

    def index(self, skills) -> dict[str, Tier]:
        """Every skill's tier (``skills``: the taxonomy's skills). Rules are read in order: the first
        that names a skill's id, group or family decides."""
        if not self.rules:
            return dict.fromkeys((s.id for s in skills), UNTIERED)
        named = [(Tier(r.tier, r.why or f"{r.tier} skill", ""), set(r.skills), set(r.groups), set(r.families))
                 for r in self.rules]
        out: dict[str, Tier] = {}
        for s in skills:
            if s.id in out:
                continue  # a duplicated id keeps its first definition, as everywhere
            tier = None
            for rule, ids, groups, families in named:
                by = ("skill" if s.id in ids else "group" if s.group and s.group in groups
                      else "family" if s.family and s.family in families else None)
                if by is not None:
                    tier = Tier(rule.name, rule.why, by)
                    break
            out[s.id] = tier or Tier("other", f"{s.family} skill" if s.family else "other skill", "default")
        return out

    def extended(self, rules: tuple[TierRule, ...]) -> Tiers:
        """These tiers with ``rules`` read first (an extension file's own rules override its base's)."""
        return Tiers(rules + self.rules, self.model_work, self.task_groups, self.source, self.where, self.lines)


#: The tier of every skill of a taxonomy that declares no tiers: all weigh the same.
UNTIERED = Tier("core", "every skill weighs the same (the taxonomy declares no scoring tiers)", "none")


def read_tiers(root, file: str) -> Tiers:
    """The ``tiers:`` and ``model_work:`` sections of a YAML document's root node (PyYAML nodes keep
    the line of every entry, for validation). Shapes are checked here; names in ``validate``.

    Raises:
        TaxonomyError: a section of the wrong shape (its file and line named).
    """
    from ..errors import TaxonomyError

    def line(node) -> int:
        return node.start_mark.line + 1

    def names(node, what: str) -> list[tuple[str, int]]:
        if node.tag.endswith(":seq"):
            return [(str(item.value), line(item)) for item in node.value if not item.tag.endswith((":seq", ":map"))]
        if node.tag.endswith(":str"):
            return [(str(node.value), line(node))]
        raise TaxonomyError(f"{file}:{line(node)}: '{what}' must be a list of names", source=file)

    sections = {k.value: v for k, v in (root.value if root is not None and root.tag.endswith(":map") else [])}
    rules: list[TierRule] = []
    tiers_node = sections.get("tiers")
    if tiers_node is not None and not (tiers_node.tag.endswith(":null")):
        if not tiers_node.tag.endswith(":seq"):
            raise TaxonomyError(f"{file}:{line(tiers_node)}: 'tiers' must be a list of rules "
                                "(- tier: core, why: …, skills/groups/families: […])", source=file)
        for item in tiers_node.value:
            if not item.tag.endswith(":map"):
                raise TaxonomyError(f"{file}:{line(item)}: each tiers rule must be a mapping with 'tier' and "
                                    "skills, groups or families", source=file)
            fields = {k.value: v for k, v in item.value}
            unknown = sorted(set(fields) - {"tier", "why", "skills", "groups", "families"})
            if unknown:
                raise TaxonomyError(f"{file}:{line(item)}: unknown key '{unknown[0]}' in a tiers rule (use tier, why, "
                                    "skills, groups, families)", source=file)
            listed = {key: names(fields[key], key) for key in ("skills", "groups", "families") if key in fields}
            rules.append(TierRule(
                tier=str(fields["tier"].value) if "tier" in fields else "",
                why=str(fields["why"].value) if "why" in fields else "",
                skills=tuple(n for n, _ in listed.get("skills", ())),
                groups=tuple(n for n, _ in listed.get("groups", ())),
                families=tuple(n for n, _ in listed.get("families", ())),
                where=(file, line(item)),
                lines={(key, n): ln for key, items in listed.items() for n, ln in items},
            ))
    work = sections.get("model_work")
    task_groups: list[tuple[str, int]] = []
    if work is not None and work.tag.endswith(":map"):
        fields = {k.value: v for k, v in work.value}
        unknown = sorted(set(fields) - {"task_groups"})
        if unknown:
            raise TaxonomyError(f"{file}:{line(work)}: unknown key '{unknown[0]}' in model_work (use task_groups)",
                                source=file)
        if "task_groups" in fields:
            task_groups = names(fields["task_groups"], "task_groups")
    elif work is not None and not work.tag.endswith(":null"):
        raise TaxonomyError(f"{file}:{line(work)}: 'model_work' must be a mapping (task_groups: […])", source=file)
    return Tiers(tuple(rules), model_work=work is not None, task_groups=tuple(n for n, _ in task_groups),
                 source=file, where=(file, line(work)) if work is not None else (file, 0),
                 lines=dict(task_groups))


#: ESCO's reuse levels (the ``reuseLevel`` column of its skills CSV) as tiers: skills of one occupation
#: or sector are what a job is about; cross-sector ones are shared with many jobs; transversal ones
#: (communication, teamwork) are claimed in nearly every job.
ESCO_LEVELS = {
    "occupation-specific": ("core", "occupation-specific skill (ESCO reuse level)"),
    "sector-specific": ("core", "sector-specific skill (ESCO reuse level)"),
    "cross-sector": ("general", "cross-sector skill shared with many occupations (ESCO reuse level)"),
    "transversal": ("other", "transversal skill, claimed in nearly every job (ESCO reuse level)"),
}


def esco_tiers(levels: dict[str, str], file: str) -> Tiers:
    """Tiers from ESCO's reuse levels (``{skill uri: reuseLevel}``); empty when the CSV has none.
    A skill without a known level is ``other``, as in every taxonomy."""
    by_level: dict[str, list[str]] = {}
    for uri, level in levels.items():
        if level in ESCO_LEVELS:
            by_level.setdefault(level, []).append(uri)
    rules = tuple(TierRule(ESCO_LEVELS[lv][0], ESCO_LEVELS[lv][1], skills=tuple(by_level[lv]), where=(file, 1))
                  for lv in ESCO_LEVELS if lv in by_level)
    return Tiers(rules, source=f"{file} (ESCO reuse levels)")
