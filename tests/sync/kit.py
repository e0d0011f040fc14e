"""Simulated devices for sync tests: several journal homes sharing one folder, paired once
per test session (pairing runs scrypt) and copied for each example."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from mirror.clock import FixedClock
from mirror.services.journal import Journal

START = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
NAMES = ("a", "b", "c")


_OPENED = itertools.count()


def open_device(home: Path, seed: int) -> Journal:
    """A journal with a deterministic clock; `seed` keeps the devices' IDs apart (and their
    clocks disagree, as real devices' do); each opening mints from a fresh range."""
    clock = FixedClock(START)
    clock._counter = seed * 100_000_000 + next(_OPENED) * 10_000
    return Journal.open(home, clock=clock)


def make_template(root: Path, names: tuple[str, ...] = NAMES) -> Path:
    """Empty journals `root/<name>`, paired through `root/shared`."""
    code = None
    for seed, name in enumerate(names, 1):
        journal = open_device(root / name, seed)
        try:
            pairing = journal.sync_pair(root / "shared", code=code, label=name)
            code = code or pairing.code
        finally:
            journal.close()
    return root


def copy_template(template: Path, dest: Path) -> Path:
    """A copy of the devices, each now pointing at the copy's shared folder."""
    shutil.copytree(template, dest, symlinks=True)
    for home in dest.iterdir():
        if (home / "mirror.db").exists():
            conn = sqlite3.connect(home / "mirror.db")
            with conn:
                conn.execute("UPDATE sync_state SET folder = ?", (str(dest / "shared"),))
            conn.close()
    return dest


def journal_state(journal: Journal) -> dict:
    """What a person sees: `list --json` of every reflection, and each one's earlier texts
    (as a set: the numbering follows the order in which a device learnt of them), and
    `threads --all --json`."""
    page = journal.list(limit=100_000)
    items = [r.to_json() for r in page.items]
    history = {}
    for item in items:
        _, revisions = journal.history(item["id"])
        history[item["id"]] = sorted(r.content for r in revisions)
    threads = sorted((t.to_json() for t in journal.threads(include_archived=True)),
                     key=lambda t: t["id"])
    return {"list": sorted(items, key=lambda r: r["id"]), "history": history, "threads": threads}


def digest(journal: Journal) -> str:
    return hashlib.sha256(json.dumps(journal_state(journal), sort_keys=True).encode()).hexdigest()


def tombstones(journal: Journal) -> set[str]:
    return {row[0] for row in journal.store.conn.execute("SELECT id FROM tombstones")}
