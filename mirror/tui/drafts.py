"""The editor's draft, kept on disk so a quit or a crash never loses what was typed.

One JSON file, ``MIRROR_HOME/drafts/tui-draft.json``, written atomically (temporary file in
the same folder, fsync, rename) and owner-only. Writes come from worker threads, debounced
by the editor; each carries a sequence number so an older write that finishes late can
never overwrite a newer one, nor resurrect a draft cleared after saving.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

DRAFT_NAME = "tui-draft.json"


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DRAFT_NAME
        self._lock = threading.Lock()
        self._newest = 0

    def save(self, data: dict[str, Any], serial: int) -> bool:
        """Write the draft unless a newer one (or a clear) was already written."""
        with self._lock:
            if serial < self._newest:
                return False
            self._newest = serial
            if not str(data.get("text", "")).strip():
                self.path.unlink(missing_ok=True)
                return True
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tui-draft-", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            return True

    def load(self) -> dict[str, Any] | None:
        """The draft left by an earlier session, or None (a damaged file counts as none)."""
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or not str(data.get("text", "")).strip():
            return None
        return data

    def clear(self, serial: int) -> None:
        with self._lock:
            self._newest = max(self._newest, serial)
            self.path.unlink(missing_ok=True)
