"""What `mirror constitution verify` reports: each constitution file's integrity.

Apart from `mirror.constitution` so the commands that only read the constitution (`show`,
`reflect`) never define these records: only `verify()` imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TYPE_CHECKING = False  # typing's flag without importing typing
if TYPE_CHECKING:
    from typing import Any, Literal

    FileStatus = Literal["ok", "changed", "missing", "extra"]


@dataclass(frozen=True)
class FileCheck:
    """One file's integrity: `expected`/`actual` are hex digests, None when absent."""

    path: str
    expected: str | None
    actual: str | None
    status: FileStatus


@dataclass(frozen=True)
class VerifyReport:
    """Result of `verify()`: `ok` is True only when no file is changed, missing or extra."""

    version: str
    files: tuple[FileCheck, ...] = field(default_factory=tuple)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(f.status == "ok" for f in self.files)

    @property
    def drift(self) -> tuple[FileCheck, ...]:
        return tuple(f for f in self.files if f.status != "ok")

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "version": self.version,
            "error": self.error,
            "files": [
                {"path": f.path, "expected": f.expected, "actual": f.actual, "status": f.status}
                for f in self.files
            ],
        }
