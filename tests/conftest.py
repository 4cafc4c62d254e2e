"""Settings for the whole suite.

Hypothesis's per-example deadline is a timed assertion: on the 2-core CI machine, with the
browser tests' Chromium running beside the other tests (`pytest -n 2`), a fast example can take
a few hundred milliseconds once and fail as "unreliable". Speed is measured in bench/, never
asserted in tests, so the suite runs without deadlines.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("storyline", deadline=None)
settings.load_profile("storyline")
