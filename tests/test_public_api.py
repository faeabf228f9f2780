"""The public API: ``__all__`` names exist, the package imports light, errors carry codes."""

from __future__ import annotations

import subprocess
import sys

import skillradar
from skillradar import errors


def test_every_name_in_all_resolves():
    missing = [n for n in skillradar.__all__ if n != "__version__" and not hasattr(skillradar, n)]
    assert not missing, f"__all__ names that do not resolve: {missing}"


def test_import_loads_no_heavy_module():
    code = ("import sys, skillradar; heavy = [m for m in ('duckdb', 'onnxruntime', 'fastapi', 'dask', 'pandas') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_every_error_class_has_a_distinct_code_and_statuses():
    classes = [getattr(errors, n) for n in errors.__all__]
    assert all(issubclass(c, errors.SkillradarError) for c in classes)
    leaf_codes = [c.code for c in classes if c not in (errors.SkillradarError,)]
    assert len(leaf_codes) == len(set(leaf_codes))
    for c in classes:
        assert c.exit_code in (1, 2) and 400 <= c.http_status < 600


def test_missing_extra_says_how_to_install():
    err = errors.MissingExtra("semantic linking", "semantic", "onnxruntime")
    assert "pip install 'skillradar[semantic]'" in err.message


def test_market_lazy_exports_resolve_to_functions():
    from skillradar import market

    for name in market.__all__:
        assert callable(getattr(market, name)), name


def test_functions_named_like_submodules_stay_callable():
    """Issue 14: after a call, importing ``skillradar.assess`` (or ``link``) turned the name into a module."""
    import importlib
    import subprocess
    import sys

    code = (
        "import importlib, skillradar\n"
        "importlib.import_module('skillradar.assess'); importlib.import_module('skillradar.link')\n"
        "import skillradar.assess, skillradar.link\n"
        "assert callable(skillradar.assess) and callable(skillradar.link), (skillradar.assess, skillradar.link)\n"
        "assert callable(skillradar.read_path) and callable(skillradar.redact)\n"
        "import pathlib, tempfile\n"
        "cv = pathlib.Path(tempfile.mkdtemp()) / 'cv.txt'; cv.write_text('Built RAG systems with LangChain.')\n"
        "skillradar.assess(str(cv), role='llm-engineer'); skillradar.assess(str(cv), role='llm-engineer')\n"
        "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
    assert importlib.import_module("skillradar.assess").__name__ == "skillradar.assess"
