"""What `mirror doctor` learns about one engine, without generating any text.

A health check is a separate, cheap probe (list models, read a version) so that `doctor`
can say *what to do* — install an extra, start a server, pull a model, set a key — and
never spends tokens or sends a reflection anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HealthReport:
    """The outcome of one probe. `None` means "not checked" (e.g. no key, so no call made)."""

    engine: str
    endpoint: str
    reachable: bool | None
    model: str | None = None
    model_present: bool | None = None
    key_present: bool | None = None  # None: this engine needs no key
    server_version: str | None = None
    problem: str = ""  # one line saying what is wrong and what to do; empty when healthy

    @property
    def ok(self) -> bool:
        return not self.problem
