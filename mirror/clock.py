"""Injectable time and identifiers.

Everything that stamps a time or mints an ID takes a `Clock`, so tests can run with a fixed
clock and predictable IDs while the real program uses the system clock and random UUIDs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def utc_iso(moment: datetime) -> str:
    """The one textual form of a timestamp in the database: UTC, microseconds, 'Z'."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    # isoformat, not strftime: strftime does not zero-pad years below 1000 on Linux.
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_utc_iso(text: str) -> datetime:
    """Inverse of `utc_iso`."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Clock:
    """System time and random UUIDv4s unless told otherwise. (A plain class: a dataclass
    costs every command ~0.5 ms to define, and nothing compares or prints clocks.)"""

    def __init__(self, now_fn: Callable[[], datetime] | None = None,
                 id_fn: Callable[[], str] | None = None) -> None:
        self.now_fn = now_fn or _utc_now
        self.id_fn = id_fn or _random_id

    def now(self) -> datetime:
        return self.now_fn()

    def new_id(self) -> str:
        return self.id_fn()


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _random_id() -> str:
    """A random UUIDv4 in its canonical spelling: what `str(uuid.uuid4())` gives, without
    importing `uuid`, which brings `platform` (~4 ms) to every `reflect`."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class FixedClock(Clock):
    """A deterministic clock for tests: starts at `start`, advances `step` per reading,
    and mints UUIDs from a counter so IDs are stable across runs."""

    def __init__(self, start: datetime, step: timedelta = timedelta(seconds=1)) -> None:
        self._now = start
        self._step = step
        self._counter = 0
        super().__init__(now_fn=self._tick, id_fn=self._next_id)

    def _tick(self) -> datetime:
        current = self._now
        self._now += self._step
        return current

    def _next_id(self) -> str:
        import uuid  # as in `_random_id`: only when an ID is minted

        self._counter += 1
        return str(uuid.UUID(int=self._counter, version=4))
