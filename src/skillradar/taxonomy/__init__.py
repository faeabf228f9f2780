"""The skill taxonomy: model, loaders (bundled YAML, generic CSV, ESCO CSV) and validation."""

from .load import bundled_taxonomy, load_taxonomy, read_bundled, read_taxonomy_file
from .model import Resource, Skill, Taxonomy
from .validate import Problem, validate

__all__ = [
    "Resource", "Skill", "Taxonomy", "Problem",
    "bundled_taxonomy", "load_taxonomy", "read_bundled", "read_taxonomy_file", "validate",
]
