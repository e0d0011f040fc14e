"""Editing a reflection in the person's own editor ($VISUAL or $EDITOR) from the TUI.

The text goes into a file in MIRROR_HOME/drafts (owner-only, like every draft), never into
a shared temporary folder; the file is removed once the editor has closed, unless the
editor failed, in which case it is kept and named so nothing typed is lost.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple


class Edited(NamedTuple):
    text: str | None          # the new text, or None when nothing should change
    problem: str | None       # why not, for the person


def editor_command() -> list[str] | None:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    return shlex.split(editor) if editor and editor.strip() else None


def edit_in_editor(command: list[str], folder: Path, text: str) -> Edited:
    """Run the editor on a copy of `text` and return what the person saved. A blocking
    call: the app suspends itself around it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="edit-", suffix=".md", dir=folder)
    path = Path(name)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    try:
        result = subprocess.run([*command, name], check=False)
    except OSError as exc:
        path.unlink(missing_ok=True)
        return Edited(None, f"The editor {command[0]!r} could not be started: {exc.strerror or exc}")
    if result.returncode != 0:
        return Edited(None, f"The editor exited with status {result.returncode}; nothing was changed "
                            f"(its file is kept at {path}).")
    try:
        edited = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Edited(None, f"The edited file could not be read ({exc}); it is kept at {path}.")
    path.unlink(missing_ok=True)
    if edited.rstrip("\n") == text.rstrip("\n"):
        return Edited(None, None)          # editors add a final newline on save: not an edit
    if not edited.strip():
        return Edited(None, "The edited text was empty; nothing was changed (to remove a "
                            "reflection, delete it).")
    return Edited(edited, None)
