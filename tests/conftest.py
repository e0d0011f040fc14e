"""Shared fixtures: every test gets its own MIRROR_HOME, a fixed time zone, and helpers to
run the real CLI in-process (fast) or as a whole process (for crash and start-up tests)."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests import processes

settings.register_profile(
    "ci", derandomize=True, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# One zone for the whole run (tzlocal caches it per process); not UTC, so conversions show.
os.environ["TZ"] = "Europe/Berlin"
os.environ.pop("NO_COLOR", None)

REPO = Path(__file__).resolve().parent.parent
# The care index is built once per set of care rules (~2 s) and shared by every test and
# every `mirror` process a test starts, instead of once per fresh journal.
os.environ.setdefault("MIRROR_CARE_CACHE", str(REPO / ".pytest_cache" / "mirror-care"))
FIXED_START = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)

pytest_plugins = ["tests.fakeservers.fixtures"]

# Every process a test starts carries this run's marker, so the check below finds it even
# after it was orphaned (its parent killed) and adopted by init. xdist's workers inherit the
# controller's marker (their conftest import keeps it), so one check covers the whole run.
os.environ.setdefault(processes.MARKER, str(os.getpid()))
#: How long processes may take to end once the last test is done (they may be exiting).
LEFTOVER_GRACE_S = 10.0


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if any process it started outlives it (a `mirror import` or one of its
    analysis workers left running would hold a journal's files forever). What is found is
    listed, then ended by its ID so it does not outlive the report.

    Checked once, by the process that ran the session (xdist's controller, after its
    workers are gone), never inside a worker: a worker still waiting for a child to end
    when xdist shuts it down is sent SIGINT after 5 s, which printed a stray traceback on a
    loaded machine."""
    if hasattr(session.config, "workerinput"):
        # A worker's tests are done. The controller closes its channel now, and execnet
        # interrupts a worker still finishing after 5 s with a SIGINT to itself: on a loaded
        # machine that landed inside Hypothesis's gc timing callback and printed a
        # KeyboardInterrupt traceback after a green run. Finishing is not hanging (execnet
        # still ends a worker that has not exited 10 s later), so the interrupt is ignored.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        return
    if not processes.available():
        return
    token = os.environ[processes.MARKER]
    deadline = time.monotonic() + LEFTOVER_GRACE_S
    left = processes.started_by_this_run(token)
    while left and time.monotonic() < deadline:
        time.sleep(0.1)  # polling observable state: each of them ending
        left = processes.started_by_this_run(token)
    if not left:
        return
    described = [f"{pid} {processes.command_line(pid)}" for pid in left]
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    message = "processes started by the test run are still alive: " + "; ".join(described)
    if reporter is not None:
        reporter.write_line(message, red=True)
    else:
        print(message, file=sys.stderr)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def mirror_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh journal folder per test; the real one is never touched."""
    home = tmp_path / "home"
    monkeypatch.setenv("MIRROR_HOME", str(home))
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.delenv("OLLAMA_HOST", raising=False)  # honoured when config.toml sets no endpoint
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    monkeypatch.setenv("EDITOR", "false")
    monkeypatch.delenv("VISUAL", raising=False)
    return home


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


class _Stdin(io.TextIOWrapper):
    def __init__(self, data: bytes, tty: bool) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def cli():
    """Run `mirror ARGS` in this process. `input` feeds stdin (bytes or str); `tty=True`
    makes stdin look like a terminal; `clock` injects time and IDs."""
    from mirror.cli import main
    from mirror.cli.context import Context

    def run(*args: str, input: bytes | str | None = None, tty: bool = False, clock=None) -> Run:
        data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
        out, err = io.StringIO(), io.StringIO()
        patch = pytest.MonkeyPatch()  # its own, so undo() leaves the test's patches alone
        try:
            patch.setattr(sys, "stdin", _Stdin(data, tty))
            patch.setattr(sys, "stdout", out)
            patch.setattr(sys, "stderr", err)
            factory = (lambda a: Context(a, clock=clock)) if clock is not None else Context
            code = main(list(args), context_factory=factory)
        finally:
            patch.undo()
        return Run(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def mirror_proc(mirror_home: Path):
    """Run `python -m mirror ARGS` as a whole process (real stdin, real exit code)."""

    def run(*args: str, input: bytes | str | None = None, env: dict[str, str] | None = None,
            timeout: float = 120) -> Run:
        data = input.encode("utf-8") if isinstance(input, str) else input
        full_env = {**os.environ, "MIRROR_HOME": str(mirror_home), **(env or {})}
        proc = subprocess.run([sys.executable, "-m", "mirror", *args], input=data or b"",
                              capture_output=True, env=full_env, timeout=timeout, cwd=REPO)
        return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return run


@pytest.fixture
def dead_port() -> int:
    """A port nothing listens on: bound to get a free number, then closed."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


@pytest.fixture
def fixed_clock():
    from mirror.clock import FixedClock

    return FixedClock(FIXED_START)


@pytest.fixture
def journal(mirror_home: Path, fixed_clock):
    """An open service-layer Journal with a deterministic clock."""
    from mirror.services.journal import Journal

    j = Journal.open(mirror_home, clock=fixed_clock)
    yield j
    j.close()


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One journal a module's examples keep adding to (each checks the whole of it), with a
    fixed clock: Hypothesis tests write into it instead of opening a journal per example."""
    from mirror.clock import FixedClock
    from mirror.services.journal import Journal

    home = tmp_path_factory.mktemp("shared")
    with Journal.open(home, clock=FixedClock(datetime(2026, 3, 14, tzinfo=UTC))) as journal:
        yield journal
