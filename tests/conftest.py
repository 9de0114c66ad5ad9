"""Shared test set-up: Hypothesis profiles and the 2023 seed report fixture.

Profiles: ``dev`` (fast, the default) and ``ci`` (thorough), chosen by the
``CI`` environment variable; ``HYPOTHESIS_PROFILE`` overrides both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# The examples folder holds the seed report built in Python; tests use it too.
sys.path.insert(0, str(ROOT / "examples"))
