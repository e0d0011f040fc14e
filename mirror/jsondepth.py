"""How deeply a parsed JSON value nests: one measure for every reader of outside data.

Why: JSON nested ~900 deep still parses, but once stored it breaks every later reader that
walks it recursively; importers, the bundle merge and evolution proposals all refuse or drop
such values, and count the depth the same way (without recursion, so the count itself
cannot overflow)."""

from __future__ import annotations

from typing import Any


def nesting(value: Any) -> int:
    """How deeply lists and objects nest in `value` (0 for a scalar)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1)
                         for child in (item.values() if isinstance(item, dict) else item))
    return deepest
