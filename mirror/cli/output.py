"""Everything the CLI prints goes through here: one JSON document on stdout with `--json`,
human text otherwise; messages and progress on stderr; colour only on a terminal and never
when NO_COLOR is set."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import Any, TextIO


class Output:
    def __init__(self, as_json: bool, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.as_json = as_json
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.color = (not os.environ.get("NO_COLOR")) and _isatty(self.stdout)
        self.err_color = (not os.environ.get("NO_COLOR")) and _isatty(self.stderr)

    def json(self, data: Any) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def line(self, text: str = "") -> None:
        self.stdout.write(text + "\n")

    def lines(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.line(text)

    def note(self, text: str) -> None:
        """A message for the person, never part of the data (stderr)."""
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

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
