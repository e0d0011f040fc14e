"""The `mirror` process (`mirror.cli.entry`) collects garbage less often and skips the
collection at exit: what a person sees must not change. Whole processes: every line of a
long listing arrives, the exit codes are main's, a write is saved and the journal's
write-ahead log is folded back as before."""

from __future__ import annotations

import json
import subprocess
import sys

from mirror.cli import COLLECT_THRESHOLDS


def test_output_exit_codes_and_the_saved_journal_are_unchanged(mirror_proc, mirror_home) -> None:
    for i in range(60):
        assert mirror_proc("reflect", f"Walked by the river, day {i}.").code == 0
    listed = mirror_proc("--json", "list", "-n", "60")
    assert listed.code == 0
    assert len(json.loads(listed.out)["reflections"]) == 60  # the whole document, flushed
    assert mirror_proc("show", "zzzzzzzz").code == 3
    assert mirror_proc("list", "--on", "not-a-date").code == 4
    assert not (mirror_home / "mirror.db-wal").exists()  # the journal was closed, not abandoned


def test_the_process_runs_with_the_commands_thresholds(mirror_home) -> None:
    probe = ("import gc, sys\nfrom mirror import cli\n"
             "def main(): print(gc.get_threshold(), gc.isenabled()); return 5\n"
             "cli.main = main\ncli.entry()\n")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode == 5
    assert run.stdout.strip() == f"{COLLECT_THRESHOLDS} True"
