"""Every command and every option of the CLI is documented in the README (and each has help text)."""

from __future__ import annotations

from pathlib import Path

import typer

from skillradar.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(cmd=None, prefix=()):
    cmd = cmd or typer.main.get_command(app)
    if hasattr(cmd, "commands"):
        for name, sub in cmd.commands.items():
            yield from _commands(sub, prefix + (name,))
    else:
        yield prefix, cmd


def test_readme_starts_with_the_two_setup_commands():
    head = README.split("\n## ")[0]
    assert "scripts/demo" in head and "scripts/test" in head


def test_every_command_and_option_is_in_the_readme():
    missing = []
    for path, cmd in _commands():
        name = "skillradar " + " ".join(path)
        if name not in README:
            missing.append(name)
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in README:
                    missing.append(f"{name} {opt}")
        assert (cmd.help or "").strip(), f"{name} has no help text"
    assert not missing, f"undocumented in README.md: {missing}"
