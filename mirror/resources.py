"""Finding the constitution and schemas, installed or in a source checkout.

In a wheel they are package data (`mirror/constitution`, `mirror/schemas`, copied from the
repository's top-level folders at build time). Running from a source checkout, the
top-level folders are the source of truth and are read directly.

Both are ordinary folders on disk in every way Mirror is installed, so they are found with
two `is_dir` checks, once per process; `importlib.resources` (~7 ms to import, and a scan of
the package each time) is asked only when neither exists, as for a zipped installation.
"""

from __future__ import annotations

from pathlib import Path

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_PACKAGE = Path(__file__).resolve().parent
_FOUND: dict[str, Traversable] = {}
_JOURNAL_CACHE: list[Path] = []


def set_journal_cache(folder: Path | None) -> None:
    """The open journal's `cache/` folder, where derived data (parsed invariants, the care
    index) may be kept. Set by `Journal.open` here rather than in `mirror.constitution`, so
    opening a journal does not import the constitution (and `hashlib`) for commands that
    never read it; the constitution asks `journal_cache()` when it first needs the folder."""
    _JOURNAL_CACHE[:] = [folder] if folder is not None else []


def journal_cache() -> Path | None:
    """The folder `set_journal_cache` named last, if any."""
    return _JOURNAL_CACHE[0] if _JOURNAL_CACHE else None


def resource_dir(name: str) -> Traversable:
    """`constitution` or `schemas`, from the installed package or the checkout."""
    found = _FOUND.get(name)
    if found is None:
        found = _FOUND[name] = _locate(name)
    return found


def _locate(name: str) -> Traversable:
    for folder in (_PACKAGE / name, _PACKAGE.parent / name):  # installed, then checkout
        if folder.is_dir():
            return folder
    from importlib.resources import files  # only a zipped installation gets here

    packaged = files("mirror") / name
    if packaged.is_dir():
        return packaged
    raise FileNotFoundError(f"Mirror's {name}/ folder is missing from this installation")


def constitution_dir() -> Traversable:
    return resource_dir("constitution")


def schemas_dir() -> Traversable:
    return resource_dir("schemas")
