"""The rule modules; importing this package registers every rule."""

from govfinal.checks.rules import (
    basic,
    comparatives,
    fiscal,
    other,
    performance,
    three_public,
    totals,
    tree,
)

__all__ = [
    "basic",
    "comparatives",
    "fiscal",
    "other",
    "performance",
    "three_public",
    "totals",
    "tree",
]
