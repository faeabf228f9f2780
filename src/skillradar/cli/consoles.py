"""The two consoles every command writes to: tables to stdout, messages and progress to stderr.

Kept apart from ``output`` (formatting) and ``progress`` (bars) so both can use them without
importing each other.
"""

from __future__ import annotations

import sys

from rich.console import Console

__all__ = ["stdout", "stderr"]

# Piped output gets a wide fixed width so tables do not wrap ids; a terminal keeps its own width.
stdout = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
stderr = Console(stderr=True, soft_wrap=True)
