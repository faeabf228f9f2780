"""How many examples each property test draws: a quick budget by default, the full one on request.

``SKILLRADAR_THOROUGH=1`` selects the ``thorough`` Hypothesis profile (registered in conftest.py), in
which every property test runs the example count written beside it. The default ``quick`` profile runs
a fifth of that (at least 5), so the whole suite stays fast on a two-core CI runner while every
property is still exercised on each run; the thorough run is for before a release and after touching
what a property covers.
"""

from __future__ import annotations

import os

THOROUGH = os.environ.get("SKILLRADAR_THOROUGH", "") == "1"
PROFILE = "thorough" if THOROUGH else "quick"


def examples(full: int) -> int:
    """The example count for a property whose full count is ``full``, under the selected profile."""
    return full if THOROUGH else min(full, max(5, full // 5))
