"""Where a journal lives: one folder, MIRROR_HOME.

`--home` beats the MIRROR_HOME environment variable, which beats the platform's user data
folder. Tests and scripts pass `--home` so they never touch a person's real journal.

Several journals: the default home's config.toml may name others in a `[journals]`
table (`work = "/path/to/work"`, a relative path read from the default home), each one
its own home; `--journal NAME` picks one, and `default` is the default home itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from mirror.errors import InvalidInput, NotFound, StorageError


class JournalPaths:
    """The files of one journal folder, named in one place (a plain class: defining a
    named tuple or a dataclass costs every command's start-up, and `typing` with it)."""

    __slots__ = ("home",)

    def __init__(self, home: Path) -> None:
        self.home = home

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JournalPaths) and other.home == self.home

    def __hash__(self) -> int:
        return hash(self.home)

    def __repr__(self) -> str:
        return f"JournalPaths(home={self.home!r})"

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

    @property
    def templates(self) -> Path:
        return self.home / "templates"


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


DEFAULT_JOURNAL = "default"


def journals(default_home: Path) -> dict[str, Path]:
    """The journals named in `default_home`'s config.toml, `default` first."""
    found = {DEFAULT_JOURNAL: default_home}
    config = default_home / "config.toml"
    if not config.is_file():
        return found
    import tomllib  # ~5 ms: only for --journal and `mirror journals`

    try:
        table = tomllib.loads(config.read_text("utf-8")).get("journals", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{config} is not valid TOML: {exc}") from exc
    except RecursionError:  # tomllib parses nested arrays recursively
        raise InvalidInput(f"{config} is not valid TOML: nested too deeply") from None
    if not isinstance(table, dict):
        raise InvalidInput(f"{config}: [journals] must be a table of name = \"folder\"")
    for name, folder in sorted(table.items()):
        if not isinstance(folder, str) or not folder.strip() or name == DEFAULT_JOURNAL:
            raise InvalidInput(f"{config}: journals.{name} must be a folder path"
                               + (" (and 'default' is the default home itself)"
                                  if name == DEFAULT_JOURNAL else ""))
        path = Path(folder).expanduser()
        found[name] = path if path.is_absolute() else default_home / path
    return found


def journal_home(default_home: Path, name: str) -> Path:
    """The home of the journal called `name`, or NotFound naming the ones that exist."""
    known = journals(default_home)
    if name not in known:
        raise NotFound(f"no journal named '{name}'; known: {', '.join(known)}"
                       f" (name one in {default_home / 'config.toml'}: [journals] {name} = \"/path\")")
    return known[name]
