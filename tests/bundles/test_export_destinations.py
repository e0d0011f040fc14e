"""Where an export may write (issue 12, item 7): only a regular file or a new path, even
with --force; `-` streams a bundle or JSON to stdout; part files a killed export left in
the folder are removed by the next export there (Mirror's own names only)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from mirror.bundles.export import STALE_PART_S


@pytest.fixture
def written(cli) -> None:
    assert cli("reflect", "Slow morning, coffee by the window").code == 0


@pytest.mark.parametrize("fmt", ["bundle", "json"])
def test_force_never_replaces_a_symlink_a_dangling_link_or_a_pipe(cli, written, tmp_path: Path,
                                                                 fmt: str) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("not Mirror's")
    link = tmp_path / "link.zip"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.zip"
    dangling.symlink_to(tmp_path / "nowhere" / "x")
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)

    for node, kind in ((link, "a symlink"), (dangling, "a symlink"), (fifo, "a pipe")):
        run = cli("export", str(node), "--format", fmt, "--force")
        assert run.code == 4, (node, run.err)
        assert run.err.count("\n") == 1 and f"is {kind}, not a regular file" in run.err
    assert target.read_text() == "not Mirror's" and link.is_symlink() and dangling.is_symlink()
    assert not (tmp_path / "nowhere").exists()
    assert fifo.is_fifo()
    plain = tmp_path / "plain.json"
    plain.write_text("old")
    assert cli("export", str(plain), "--format", fmt, "--force").code == 0  # a regular file


def test_dash_streams_a_bundle_and_json_to_stdout(mirror_proc, written, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "mirror", "export", "-"], capture_output=True,
                         env={**os.environ}, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "wrote stdout" in run.stderr.decode()
    (tmp_path / "piped.zip").write_bytes(run.stdout)
    with zipfile.ZipFile(tmp_path / "piped.zip") as z:
        assert "MANIFEST.json" in z.namelist()
    assert mirror_proc("verify", str(tmp_path / "piped.zip")).code == 0
    assert not list(Path.cwd().glob("-"))

    run_json = mirror_proc("export", "-", "--format", "json")
    assert run_json.code == 0, run_json.err
    assert json.loads(run_json.out)["reflections"][0]["text"].startswith("Slow morning")

    markdown = mirror_proc("export", "-", "--format", "markdown")
    assert markdown.code == 2 and "folder" in markdown.err


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_next_export_removes_parts_a_killed_export_left(cli, written, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dead = _dead_pid()
    stale = [folder / f".mirror_bundle_20260101T000000Z.zip.{dead}-k2j3h4g5.part",
             folder / f".backup.zip.age.{dead}.part", folder / f".notes.json.{dead}.part"]
    live = folder / f".other.zip.{os.getpid()}-abcd1234.part"  # a running writer, recent
    idle = folder / f".idle.zip.{os.getpid()}-abcd1234.part"  # running, but long silent
    foreign = [folder / ".download.iso.part", folder / "photo.jpg.part",
               folder / f".holiday.zip.{dead}.tmp"]
    for path in (*stale, live, idle, *foreign):
        path.write_bytes(b"partial")
    long_ago = time.time() - STALE_PART_S - 60
    os.utime(idle, (long_ago, long_ago))

    assert cli("export", str(folder / "today.zip")).code == 0

    assert not [p for p in (*stale, idle) if p.exists()]
    assert live.exists() and all(p.exists() for p in foreign)
    assert (folder / "today.zip").is_file()
