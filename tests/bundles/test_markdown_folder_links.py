"""A Markdown folder is read as notes, and only as notes: a link that leads out of the folder
is not followed (it would copy whatever it points at, a key or a password file, into the
journal and every bundle made from it), and a pipe named like a note is not opened (an
import would wait on it forever). Each is skipped with its reason; the rest import."""

from __future__ import annotations

import os
from pathlib import Path

from mirror.bundles.importers.base import ImportReport
from mirror.bundles.importers.markdown import import_markdown

BERLIN = "Europe/Berlin"


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "secret.txt"
    outside.write_text("-----BEGIN PRIVATE KEY-----\nabc\n", encoding="utf-8")
    notes = tmp_path / "vault"
    (notes / "daily").mkdir(parents=True)
    (notes / "2024-03-05.md").write_text("A walk by the canal.\n", encoding="utf-8")
    return notes, outside


def test_a_link_out_of_the_folder_is_skipped_and_one_inside_is_followed(tmp_path: Path) -> None:
    notes, outside = _folder(tmp_path)
    (notes / "key.md").symlink_to(outside)
    (notes / "daily" / "2024-03-06.md").symlink_to(notes / "2024-03-05.md")
    (notes / "gone.md").symlink_to(notes / "nowhere.md")
    report = ImportReport()
    entries = import_markdown(notes, tz=BERLIN, report=report)
    texts = [e.text for e in entries]
    assert texts == ["A walk by the canal.", "A walk by the canal."]  # the link inside, followed
    assert not any("PRIVATE KEY" in t for t in texts)
    skipped = {s["where"]: s["reason"] for s in report.skipped}
    assert sorted(skipped) == ["gone.md", "key.md"]
    assert "outside the folder" in skipped["key.md"]


def test_a_pipe_named_like_a_note_is_skipped_not_waited_on(tmp_path: Path) -> None:
    notes, _ = _folder(tmp_path)
    os.mkfifo(notes / "pipe.md")
    report = ImportReport()
    entries = import_markdown(notes, tz=BERLIN, report=report)  # returns: nothing opened the pipe
    assert [e.text for e in entries] == ["A walk by the canal."]
    assert [(s["where"], "not a regular file" in s["reason"]) for s in report.skipped] == [
        ("pipe.md", True)]
