"""Entry templates: Markdown files in the journal folder (`templates/NAME.md`) that
`mirror reflect --template NAME` starts a reflection from. Plain files, so a person
writes and shares them with any editor; Mirror only reads them."""

from __future__ import annotations

import re

from mirror.errors import InvalidInput, NotFound
from mirror.services.context import JournalContext

_NAME = re.compile(r"[\w][\w.-]*")


def names(ctx: JournalContext) -> list[str]:
    """The templates in the journal folder, sorted by name."""
    folder = ctx.paths.templates
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.md") if p.is_file())


def read(ctx: JournalContext, name: str) -> str:
    """The text of template `name`; NotFound lists the templates that exist."""
    if not _NAME.fullmatch(name):  # a name, never a path out of the folder
        raise InvalidInput(f"'{name}' is not a template name (letters, digits, - _ .)")
    path = ctx.paths.templates / f"{name.removesuffix('.md')}.md"
    if not path.is_file():
        known = ", ".join(names(ctx)) or "none yet"
        raise NotFound(f"no template '{name}' (templates: {known}; each is a file NAME.md"
                       f" in {ctx.paths.templates})")
    try:
        return path.read_text("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"template {path} is not valid UTF-8 (byte {exc.start})") from exc
