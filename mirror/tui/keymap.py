"""Remappable keys: ``MIRROR_HOME/keymap.toml`` (read with the standard library's tomllib).

    [keymap]
    "mirror.save" = "ctrl+s,f10"
    "mirror.search" = "f4"

Each key is a binding id (see the help screen, F1); each value is one key or a
comma-separated list. The file is optional; a damaged one is reported and ignored.
"""

from __future__ import annotations

from pathlib import Path

KEYMAP_NAME = "keymap.toml"


def load_keymap(home: Path) -> tuple[dict[str, str], str | None]:
    """(binding id -> keys, problem or None)."""
    path = home / KEYMAP_NAME
    if not path.exists():
        return {}, None
    import tomllib

    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path.name} was ignored: {exc}"
    except RecursionError:  # tomllib parses nested arrays recursively
        return {}, f"{path.name} was ignored: nested too deeply"
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        return {}, f"{path.name} was ignored: [keymap] must be a table"
    keymap = {str(k): str(v) for k, v in table.items() if isinstance(v, str) and v.strip()}
    bad = [k for k, v in table.items() if not isinstance(v, str) or not v.strip()]
    return keymap, (f"{path.name}: ignored entries {', '.join(map(str, bad))}" if bad else None)
