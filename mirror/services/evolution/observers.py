"""Observers: told of every engine run as it is recorded (no plugin system: a list).

An observer is a plain function of a `RunSeen`. It runs inside the reflect's own
transaction, after the run row is written, so it must be cheap (the budget is 1 ms per
reflect) and must not raise: one that does is dropped from that call's notice, never
costs the person their mirrorback. The built-in `SessionTally` keeps what this process saw
(the TUI shows it beside the critics' window)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RunSeen:
    """One engine run as recorded: which engine, how it ended, which checks failed, which
    profile answered. No text."""

    run_id: str
    engine: str
    status: str
    flags: tuple[str, ...]
    duration_ms: float
    attempts: int
    profile_version: int


Observer = Callable[[RunSeen], None]
_OBSERVERS: list[Observer] = []


def register(observer: Observer) -> Observer:
    """Add an observer (once); returns it, so it can be used as a decorator."""
    if observer not in _OBSERVERS:
        _OBSERVERS.append(observer)
    return observer


def unregister(observer: Observer) -> None:
    if observer in _OBSERVERS:
        _OBSERVERS.remove(observer)


def notify(run: RunSeen) -> None:
    for observer in tuple(_OBSERVERS):
        try:
            observer(run)
        except Exception:  # noqa: BLE001 - an observer must never cost the mirrorback
            continue


@dataclass
class SessionTally:
    """Runs, statuses and check flags seen by this process."""

    runs: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)

    def __call__(self, run: RunSeen) -> None:
        self.runs += 1
        self.statuses[run.status] += 1
        self.flags.update(run.flags)


#: What this process has seen since it started.
SESSION = SessionTally()
register(SESSION)
