"""The editor's draft, kept on disk so a quit or a crash never loses what was typed.

One JSON file, ``MIRROR_HOME/drafts/tui-draft.json``, written atomically (temporary file in
the same folder, fsync, rename) and owner-only. Writes come from worker threads, debounced
by the editor; each carries a sequence number so an older write that finishes late can
never overwrite a newer one, nor resurrect a draft cleared after saving.

A draft left by an earlier session is first moved aside (``tui-draft-kept-*.json``) and then
offered back: this session's editor writes its own draft file, so typing can never overwrite
the one on offer, whether the person restores it now, later, or never answers. Only an
explicit Discard removes a kept draft.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Protocol

DRAFT_NAME = "tui-draft.json"
KEPT_PREFIX = "tui-draft-kept-"
FILE_KEY = "_file"    # in a taken draft: the kept file it came from


class Seal(Protocol):
    """Encrypts draft files of an encrypted journal (`Journal.draft_seal()`)."""

    def seal(self, data: bytes) -> bytes: ...

    def open(self, data: bytes) -> bytes: ...


class DraftStore:
    def __init__(self, folder: Path, seal: Seal | None = None) -> None:
        """`seal`: the journal is encrypted, so its drafts are too (never plaintext on disk)."""
        self.folder = folder
        self.path = folder / DRAFT_NAME
        self.seal = seal
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
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(self.seal.seal(body) if self.seal is not None else body)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            return True

    def load(self) -> dict[str, Any] | None:
        """The current draft file's content, or None (a damaged file counts as none)."""
        return self._read(self.path)

    def take(self) -> dict[str, Any] | None:
        """The draft an earlier session left, to offer back: the current draft file is moved
        aside first (so this session's editor cannot overwrite it), then the newest kept
        draft is returned with the name of its file under FILE_KEY."""
        with self._lock:
            if self.load() is not None:
                os.replace(self.path, self.folder / f"{KEPT_PREFIX}{time.time_ns()}.json")
        return self.newest_kept()

    def newest_kept(self) -> dict[str, Any] | None:
        """The newest draft set aside (with FILE_KEY), or None."""
        for path in self.kept():
            data = self._read(path)
            if data is not None:
                return {**data, FILE_KEY: path.name}
        return None

    def kept(self) -> list[Path]:
        """Drafts set aside, newest first."""
        try:
            found = list(self.folder.glob(f"{KEPT_PREFIX}*.json"))
        except OSError:
            return []
        return sorted(found, key=lambda p: p.name, reverse=True)

    def forget(self, draft: dict[str, Any]) -> None:
        """Remove the kept file a taken draft came from (after Discard, or once restored
        into the editor and written as this session's draft)."""
        name = draft.get(FILE_KEY)
        if isinstance(name, str) and name.startswith(KEPT_PREFIX) and "/" not in name:
            (self.folder / name).unlink(missing_ok=True)

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            raw = path.read_bytes()
            data = json.loads(self.seal.open(raw) if self.seal is not None else raw.decode("utf-8"))
        except (OSError, ValueError):  # a sealed draft of another key reads as none
            return None
        if not isinstance(data, dict) or not str(data.get("text", "")).strip():
            return None
        return data

    def clear(self, serial: int) -> None:
        with self._lock:
            self._newest = max(self._newest, serial)
            self.path.unlink(missing_ok=True)
