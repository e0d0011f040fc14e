"""Entry templates: Markdown files in the journal folder (`templates/NAME.md`) that
`mirror reflect --template NAME` starts a reflection from. Plain files, so a person
writes and shares them with any editor; Mirror only reads them.

A template folder may come from elsewhere (a shared pack of templates), so a template is
read only when it is a regular file whose real place is inside the folder: a link to
`~/.ssh/id_ed25519` named `gratitude.md` would otherwise copy the key into a reflection,
and from there into every bundle. Links inside the folder are followed."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from mirror.errors import InvalidInput, NotFound
from mirror.fileio import read_limited
from mirror.services.context import JournalContext

_NAME = re.compile(r"[\w][\w.-]*")
#: A template is a page of prompts; a larger file is not one (and is not read whole).
MAX_TEMPLATE_BYTES = 1024 * 1024


def _problem(path: Path, folder: Path) -> str | None:
    """Why `path` is not read as a template (a link out of the folder, a pipe, a device,
    a folder), or None."""
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except (OSError, RuntimeError):
        return "a link to nothing (or a loop of links)"
    if not target.is_relative_to(folder.resolve()):
        return "a link to a file outside the templates folder: not read"
    if not stat.S_ISREG(mode):
        return "not a regular file (a folder, pipe or device): not read"
    return None


def names(ctx: JournalContext) -> list[str]:
    """The templates in the journal folder that `read` would read, sorted by name."""
    folder = ctx.paths.templates
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.md") if _problem(p, folder) is None)


def read(ctx: JournalContext, name: str) -> str:
    """The text of template `name`; NotFound lists the templates that exist."""
    if not _NAME.fullmatch(name):  # a name, never a path out of the folder
        raise InvalidInput(f"'{name}' is not a template name (letters, digits, - _ .)")
    folder = ctx.paths.templates
    path = folder / f"{name.removesuffix('.md')}.md"
    if not path.exists() and not path.is_symlink():
        known = ", ".join(names(ctx)) or "none yet"
        raise NotFound(f"no template '{name}' (templates: {known}; each is a file NAME.md"
                       f" in {folder})")
    problem = _problem(path, folder)
    if problem:
        raise InvalidInput(f"template {path}: {problem}")
    data = read_limited(path, MAX_TEMPLATE_BYTES,
                        too_large=f"larger than {MAX_TEMPLATE_BYTES // 1024} KiB: not a template")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"template {path} is not valid UTF-8 (byte {exc.start})") from exc
