"""Where reflecting meets evolution: the profile a reflect answers with, and the note that
a run was recorded (stamped with its profile version, then told to the observers).

Kept apart from the rest of the package so `mirror reflect` imports only this, the
profile and the observers: two small queries per reflect."""

from __future__ import annotations

from collections.abc import Sequence

from mirror.services.context import JournalContext
from mirror.services.evolution.observers import RunSeen, notify
from mirror.services.evolution.profile import Profile, with_profile
from mirror.storage.evolution import EvolutionStore

__all__ = ["load_profile", "run_recorded", "with_profile"]


def load_profile(ctx: JournalContext) -> Profile:
    """The engine profile in force now (the next reflect answers with it)."""
    version, body = EvolutionStore(ctx.store.conn, ctx.clock).profile_in_force()
    return Profile.parse(version, body)


def run_recorded(ctx: JournalContext, run_id: str, *, engine: str, status: str,
                 flags: Sequence[str], duration_ms: float, attempts: int,
                 profile_version: int) -> None:
    """Stamp the run with the profile that answered it and tell the observers. In the
    caller's transaction, right after the run row is written."""
    EvolutionStore(ctx.store.conn, ctx.clock).stamp_run(run_id, profile_version)
    notify(RunSeen(run_id, engine, status, tuple(flags), duration_ms, attempts,
                   profile_version))
