"""Strict JSON in, canonical JSON out, and JSON Schema validation for bundle documents.

Foreign JSON is parsed strictly: duplicate keys (which two parsers may resolve differently,
so a signed document could mean two things) and NaN/Infinity (not JSON) are refused.
Documents Mirror writes are canonical (sorted keys, fixed spacing, UTF-8, final newline) so
the same content always has the same bytes, hash and signature.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from mirror.errors import InvalidInput
from mirror.resources import schemas_dir


class StrictJSONError(ValueError):
    """Not acceptable JSON; `lineno` is set when the parser knows where."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        super().__init__(message)
        self.lineno = lineno


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise StrictJSONError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise StrictJSONError(f"{name} is not valid JSON")


def load_document(content: bytes | str, label: str, kind: str) -> dict[str, Any]:
    """A JSON export file (`kind` names the tool) with an "entries" list, or InvalidInput
    naming the file and line: importers of other journals share this front door."""
    try:
        document = strict_loads(content)
    except StrictJSONError as err:
        where = f":{err.lineno}" if err.lineno else ""
        raise InvalidInput(f"{label}{where}: not valid JSON ({err})") from None
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise InvalidInput(f"{label}: not a {kind} export (no \"entries\" list)")
    return document


def strict_loads(data: bytes | str) -> Any:
    """Parse JSON, refusing duplicate keys, NaN/Infinity and invalid UTF-8."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as err:
        raise StrictJSONError(f"not UTF-8 ({err.reason} at byte {err.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except json.JSONDecodeError as err:
        raise StrictJSONError(f"{err.msg} (line {err.lineno}, column {err.colno})",
                              err.lineno) from None
    except RecursionError:
        raise StrictJSONError("nested too deeply") from None


def canonical_bytes(document: Any) -> bytes:
    """The one byte form of a document Mirror writes."""
    return (json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False,
                       allow_nan=False) + "\n").encode("utf-8")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema from `schemas/bundle/` (packaged or from the checkout)."""
    return json.loads((schemas_dir() / "bundle" / name).read_text(encoding="utf-8"))


def schema_errors(name: str, document: Any) -> list[str]:
    """Every violation of schema `name`, as short "at <path>: <message>" lines, sorted so
    the first one reported is stable. jsonschema is imported only when a document is
    actually validated: commands that never touch a bundle do not pay for it."""
    import jsonschema  # ~65 ms: only when a document is validated

    validator = jsonschema.Draft202012Validator(load_schema(name))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
    return [f"at {'/'.join(map(str, e.path)) or '(top)'}: {e.message[:200]}" for e in errors]
