"""The former name of :mod:`skillradar.assess.targets`, kept so that existing imports keep working.

"Profile" meant three things in this package; the module that builds targets (postings, curated and
measured role profiles) is now named for what it makes. New code imports ``skillradar.assess.targets``.
"""

from .targets import *  # noqa: F401,F403 - the same names as before
from .targets import __all__  # noqa: F401
