"""Everything the CLI prints goes through here: one JSON document on stdout with `--json`,
human text otherwise; messages and progress on stderr; colour only on a terminal and never
when NO_COLOR is set.

Human text is made terminal-safe here, at the one place it leaves (`display.terminal_safe`):
reflection text can come from bundles and importers, and a control sequence in it must be
shown, never obeyed. Mirror's own styling survives because `style()` writes it as markers
(Unicode noncharacters, which `terminal_safe` replaces in stored text) that become real
escape sequences only after the line is made safe. `--json` keeps the exact text."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable

from mirror.display import terminal_safe

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:
    from typing import Any, TextIO

# Mirror's own SGR sequence, `\x1b[<code>m`, as it travels inside a line before printing.
_SGR_OPEN, _SGR_CLOSE = "\ufdd0", "\ufdd1"
_CODES = frozenset({"0", "1", "2", "1;33"})  # the only styles Mirror writes


def _printable(text: str) -> str:
    """Stored text neutralised, then Mirror's own styling markers turned into escapes.
    A marker pair in stored text can at most ask for one of Mirror's few styles."""
    if _SGR_OPEN not in text:
        return terminal_safe(text)
    first, *rest = text.split(_SGR_OPEN)
    pieces = [terminal_safe(first)]
    for part in rest:
        code, closed, tail = part.partition(_SGR_CLOSE)
        if closed and code in _CODES:
            pieces.append(f"\x1b[{code}m{terminal_safe(tail)}")
        else:
            pieces.append(terminal_safe(_SGR_OPEN + part))
    return "".join(pieces)


#: The kind of failure behind each exit code (DESIGN §8), as `code` in a --json error.
ERROR_CODES = {
    1: "internal", 2: "usage", 3: "not_found", 4: "invalid_input", 5: "engine_unavailable",
    6: "bundle_refused", 7: "storage", 130: "interrupted",
}


def error_document(message: str, exit_code: int, details: Any = None) -> dict[str, Any]:
    """What a failed command prints on stdout under --json (schemas/json/error.schema.json):
    a script reads the same three fields whatever failed, a usage error included. `details`
    is the document the command itself held for the failure (e.g. verify's `ok`, `path`):
    its fields are kept, so there is still exactly one object."""
    base = dict(details) if isinstance(details, dict) else {}
    return {**base, "error": message, "code": ERROR_CODES.get(exit_code, "internal"), "exit": exit_code}


class Output:
    def __init__(self, as_json: bool, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.as_json = as_json
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.color = (not os.environ.get("NO_COLOR")) and _isatty(self.stdout)
        self.err_color = (not os.environ.get("NO_COLOR")) and _isatty(self.stderr)
        self._held: Any = None

    def json(self, data: Any) -> None:
        """Print `data` as the command's JSON document — when the command ends (`flush`): a
        command that reports a failure in its own document and then raises must still leave
        one object on stdout, which the error path completes with `error`, `code`, `exit`."""
        self.flush()
        self._held = data

    def flush(self) -> None:
        """Write the held JSON document, if any (the CLI calls this when a command returns)."""
        held, self._held = self._held, None
        if held is not None:
            self.stdout.write(json.dumps(held, ensure_ascii=False, indent=2) + "\n")

    def take_held(self) -> Any:
        """The JSON document not yet written, taken away (None if none): for the error path."""
        held, self._held = self._held, None
        return held

    def line(self, text: str = "") -> None:
        self.stdout.write(_printable(text) + "\n")

    def lines(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.line(text)

    def note(self, text: str) -> None:
        """A message for the person, never part of the data (stderr)."""
        self.stderr.write(_printable(text) + "\n")
        self.stderr.flush()

    def style(self, text: str, code: str) -> str:
        if not self.color:
            return text
        return f"{_SGR_OPEN}{code}{_SGR_CLOSE}{text}{_SGR_OPEN}0{_SGR_CLOSE}"

    def bold(self, text: str) -> str:
        return self.style(text, "1")

    def dim(self, text: str) -> str:
        return self.style(text, "2")

    def highlight(self, segments: Iterable[tuple[str, bool]]) -> str:
        if self.color:
            return "".join(self.style(t, "1;33") if hit else t for t, hit in segments)
        return "".join(f"[{t}]" if hit else t for t, hit in segments)

    @property
    def stderr_is_terminal(self) -> bool:
        return _isatty(self.stderr)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
