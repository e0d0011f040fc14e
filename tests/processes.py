"""The processes a test run started, read from /proc (Linux): direct children of this
process, and anything started with this run's marker in its environment (so a worker
orphaned by a killed `mirror` process is still recognised as ours after reparenting)."""

from __future__ import annotations

import os
from pathlib import Path

#: Set in every pytest process; every process a test starts inherits it.
MARKER = "MIRROR_TEST_RUN"
PROC = Path("/proc")


def available() -> bool:
    return (PROC / "self" / "environ").exists()


def ppid_of(pid: int) -> int | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def state_of(pid: int) -> str | None:
    try:
        return (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def alive(pid: int) -> bool:
    """Running (a zombie has ended: it only waits for its parent to read its status)."""
    return state_of(pid) not in (None, "Z", "X")


def children_of(pid: int) -> list[int]:
    return [p for p in _pids() if ppid_of(p) == pid and alive(p)]


def command_line(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(
            "utf-8", "replace").strip()
    except OSError:
        return "?"


def started_by_this_run(token: str) -> list[int]:
    """Living processes carrying `MARKER=token`, or children of this process."""
    me = os.getpid()
    wanted = f"{MARKER}={token}".encode()
    found = []
    for pid in _pids():
        if pid == me or not alive(pid):
            continue
        try:
            environ = (PROC / str(pid) / "environ").read_bytes().split(b"\0")
        except OSError:
            environ = []
        if wanted in environ or ppid_of(pid) == me:
            found.append(pid)
    return found


def _pids() -> list[int]:
    return [int(entry.name) for entry in PROC.iterdir() if entry.name.isdigit()]
