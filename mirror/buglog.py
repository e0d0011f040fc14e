"""One bug log for the CLI and the TUI: an unexpected error's traceback goes to
MIRROR_HOME/mirror.log (or, with no journal folder, the system's temporary folder), so the
person sees one calm line and nothing private or alarming reaches the terminal."""

from __future__ import annotations

import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from mirror import __version__
from mirror.fileio import append_private

FALLBACK_NAME = "mirror-error.log"


def log_bug(log: Path | None, where: str, exc: BaseException) -> str:
    """Append `exc`'s traceback to `log` (None: a file in the temporary folder) and return
    where it went, or a sentence saying it could not be written."""
    path = log if log is not None else Path(tempfile.gettempdir()) / FALLBACK_NAME
    try:
        append_private(path, f"--- {datetime.now(UTC).isoformat()} mirror {__version__} {where}\n"
                       + "".join(traceback.format_exception(exc)))
    except OSError:
        return "no log file: the journal folder is not writable"
    return str(path)
