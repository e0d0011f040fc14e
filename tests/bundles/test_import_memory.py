"""`mirror import --from jrnl` streams the file (issue 13, item 2): importing 30k entries
instead of 10k (a ~45 MB journal instead of ~15 MB) leaves the peak memory of the process
nearly where it was, where the whole-file reader held the bytes, the text and every entry
at once (its peak grew by several times the difference). The analysis is
replaced by a stub in the child process: what is measured is the import's own reading and
writing, through the same bounded pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

CHILD = r"""
import json, resource, sys
from mirror.services import deriving
from mirror.services.journal import Journal


def analyse_rows(rows, profile=None, detector=None):  # the engine is not measured (workers fork
    return []                          # from this process, so they find it here too)


deriving.analyse_rows = analyse_rows
journal = Journal.open(sys.argv[1])
result = journal.import_foreign("jrnl", sys.argv[2], tz="UTC")
count = journal.store.reflections.count()
journal.close()
print(json.dumps({"peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "added": result.changes["reflections_added"], "count": count}))
"""


def _journal_text(path: Path, entries: int) -> int:
    words = ("morning coffee river letter patience garden window promise silence winter "
             "kitchen evening brother courage habit").split()
    with open(path, "w", encoding="utf-8") as out:
        for i in range(entries):
            day, minute = divmod(i, 1440)
            body = " ".join(words[(i * 7 + k) % len(words)] for k in range(200))
            out.write(f"[{2000 + day // 365:04d}-{day % 365 // 31 + 1:02d}-{day % 31 % 28 + 1:02d}"
                      f" {minute // 60:02d}:{minute % 60:02d}] Entry {i} @tag{i % 7}\n{body}\n\n")
    return path.stat().st_size


def _peak(home: Path, source: Path, entries: int) -> int:
    run = subprocess.run([sys.executable, "-c", CHILD, str(home), str(source)],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    figures = json.loads(run.stdout)
    assert figures["added"] == figures["count"] == entries
    return figures["peak"]


def test_a_jrnl_import_three_times_larger_needs_little_more_memory(tmp_path: Path) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    difference = _journal_text(large, 30_000) - _journal_text(small, 10_000)
    assert difference > 25_000_000
    grown = (_peak(tmp_path / "large-home", large, 30_000)
             - _peak(tmp_path / "small-home", small, 10_000))
    # (SQLite's page cache, a fixed ceiling, fills further on the larger one)
    assert grown < difference * 3 // 4, (grown, difference)
