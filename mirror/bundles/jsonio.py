"""Strict JSON in, canonical JSON out, and JSON Schema validation for bundle documents.

Foreign JSON is parsed strictly: duplicate keys (which two parsers may resolve differently,
so a signed document could mean two things) and NaN/Infinity (not JSON) are refused.
Documents Mirror writes are canonical (sorted keys, fixed spacing, UTF-8, final newline) so
the same content always has the same bytes, hash and signature.
"""

from __future__ import annotations

import json
import re
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
    naming the file and line: importers of other journals share this front door. A lone
    surrogate escape (half an emoji, cut by the app that wrote the file) becomes U+FFFD
    rather than costing the whole journal: see `strict_loads`."""
    try:
        document = strict_loads(content, lone_surrogates="replace")
    except StrictJSONError as err:
        where = f":{err.lineno}" if err.lineno else ""
        raise InvalidInput(f"{label}{where}: not valid JSON ({err})") from None
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise InvalidInput(f"{label}: not a {kind} export (no \"entries\" list)")
    return document


#: `\ud800`-`\udfff` written as a JSON escape: the only way a lone surrogate gets into a
#: parsed document (decoded UTF-8 text cannot hold one).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def strict_loads(data: bytes | str, *, lone_surrogates: str = "refuse") -> Any:
    """Parse JSON, refusing duplicate keys, NaN/Infinity, invalid UTF-8 and numbers too long
    for Python to convert. JSON lets `"\\ud800"` (an unpaired surrogate) through, but it is
    no character: it cannot be stored, hashed or written as UTF-8, so a document holding
    one is refused, or with `lone_surrogates="replace"` has it replaced by U+FFFD (foreign
    journals, where one broken emoji must not cost every entry)."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError as err:
        raise StrictJSONError(f"not UTF-8 ({err.reason} at byte {err.start})") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates,
                              parse_constant=_no_constants)
    except json.JSONDecodeError as err:
        raise StrictJSONError(f"{err.msg} (line {err.lineno}, column {err.colno})",
                              err.lineno) from None
    except RecursionError:
        raise StrictJSONError("nested too deeply") from None
    except ValueError as err:  # an integer of more than 4,300 digits
        raise StrictJSONError(f"a number too long to read ({str(err)[:60]})") from None
    if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(document):
        if lone_surrogates != "replace":
            raise StrictJSONError("an unpaired surrogate escape (\\ud800-\\udfff) is not a "
                                  "character")
        document = _replace_surrogates(document)
    return document


def _has_lone_surrogate(document: Any) -> bool:
    stack = [document]
    while stack:  # iterative: a document may be nested as deep as the parser allows
        item = stack.pop()
        if isinstance(item, str):
            if _LONE_SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _replace_surrogates(document: Any) -> Any:
    """A copy of `document` with every lone surrogate, in keys and values, as U+FFFD."""
    def fix(text: str) -> str:
        return _LONE_SURROGATE.sub("\ufffd", text)

    if isinstance(document, str):
        return fix(document)
    root: list[Any] = [document]
    stack: list[tuple[Any, Any]] = [(root, 0)]
    while stack:
        parent, key = stack.pop()
        item = parent[key]
        if isinstance(item, str):
            parent[key] = fix(item)
        elif isinstance(item, dict):
            fixed = {fix(k): v for k, v in item.items()}
            parent[key] = fixed
            stack.extend((fixed, k) for k in fixed)
        elif isinstance(item, list):
            stack.extend((item, i) for i in range(len(item)))
    return root[0]


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
