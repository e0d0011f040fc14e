"""Where a journal lives: one folder, MIRROR_HOME.

`--home` beats the MIRROR_HOME environment variable, which beats the platform's user data
folder. Tests and scripts pass `--home` so they never touch a person's real journal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mirror.errors import StorageError


@dataclass(frozen=True)
class JournalPaths:
    """The files of one journal folder, named in one place."""

    home: Path

    @property
    def db(self) -> Path:
        return self.home / "mirror.db"

    @property
    def config(self) -> Path:
        return self.home / "config.toml"

    @property
    def secrets(self) -> Path:
        return self.home / "secrets.toml"

    @property
    def drafts(self) -> Path:
        return self.home / "drafts"

    @property
    def log(self) -> Path:
        return self.home / "mirror.log"


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("MIRROR_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no home was given: costs ~20 ms

    return Path(platformdirs.user_data_dir("mirror", appauthor=False))


def ensure_home(home: Path) -> JournalPaths:
    """Create the journal folder (owner-only) if needed."""
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"cannot create the journal folder {home}: {exc.strerror}") from exc
    if not home.is_dir():
        raise StorageError(f"{home} is not a folder")
    if not os.access(home, os.R_OK | os.X_OK):
        raise StorageError(f"Mirror cannot read the journal folder {home}: check its permissions")
    return JournalPaths(home)
