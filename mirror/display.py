"""Presentation shared by the CLI and the TUI: how times and IDs are shown to a person, and
how stored text is made safe to put on a terminal."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

SHORT_ID = 8


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


#: Shown instead of a stored time that is not one (a row damaged before migration 006).
DAMAGED_DATE = "damaged: bad date"


def local_time(utc_text: str, tz: str) -> str:
    """A stored UTC time shown in the zone it was written in. A value that is not a time
    is shown as damaged: one bad row must never hide the rest of the journal."""
    try:
        moment = datetime.fromisoformat(str(utc_text).replace("Z", "+00:00"))
    except ValueError:
        return DAMAGED_DATE
    try:
        moment = moment.astimezone(_zone(tz))
    except Exception:  # an unknown zone from an import: show UTC rather than fail
        pass
    return moment.strftime("%Y-%m-%d %H:%M")


def counted(count: int, one: str, many: str | None = None) -> str:
    """A count with its noun as English says it: "1 reflection", "2 reflections", "0
    reflections" (`many`: an irregular plural, "1 entry" / "2 entries")."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def clipped(text: str, room: int) -> str:
    """`text` in at most `room` characters: cut after a whole word and marked with "…", so
    a preview never ends inside a word ("…I'm afraid she'"). A first word longer than
    half the room is cut where the room ends."""
    if len(text) <= room:
        return text
    cut = text[:room - 1]
    space = cut.rfind(" ")
    if space >= room // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"


def _unsafe_map() -> dict[int, str]:
    """Every code point a terminal could act on, mapped to something it only shows.

    C0 controls (except newline and tab) become their Unicode control pictures (ESC shows
    as `␛`, carriage return as `␍`), DEL as `␡`; C1 controls and the bidirectional
    overrides and isolates (which can make a line read differently from what it holds)
    become a visible `<U+XXXX>`; the noncharacters U+FDD0–U+FDEF, which Mirror's own output
    uses internally to mark its styling, become U+FFFD so stored text can never forge it."""
    table: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
    table[0x7F] = "\u2421"
    for c in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[c] = f"<U+{c:04X}>"
    for c in range(0xFDD0, 0xFDF0):
        table[c] = "\ufffd"
    return table


_UNSAFE = _unsafe_map()


def terminal_safe(text: str) -> str:
    """`text` as it may be printed to a terminal: reflection text arrives from bundles and
    importers, and an escape sequence in it could clear the screen, write the clipboard
    (OSC 52) or plant a hyperlink (OSC 8) when shown. Newlines and tabs are kept; every
    other control character is shown, not obeyed. The one function the CLI and the TUI use
    for this; `--json` output keeps the exact text instead."""
    return text.translate(_UNSAFE)
