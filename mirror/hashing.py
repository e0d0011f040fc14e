"""SHA-256 and BLAKE2b for the command line, without importing `hashlib` when it is not loaded yet.

`hashlib` loads OpenSSL (~3 ms of a ~50 ms `mirror show`, as much of a `reflect`). CPython's
own SHA-256 module gives the same digests and loads in ~0.2 ms, but hashes ~7 times slower
than OpenSSL: fine for what a command hashes (a reflection's versions, the 24 KB of
invariants, a prompt, an audit entry), not for megabytes. So `hashlib` is used once
something has loaded it or for large data; otherwise the built-in module. BLAKE2b is
`hashlib`'s own built-in module in any case (`hashlib.blake2b` is `_blake2.blake2b`).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing's flag without importing typing
if TYPE_CHECKING:
    from hashlib import blake2b as blake2b
    from typing import Any

try:
    from _sha256 import sha256 as _builtin  # type: ignore[import-not-found,unused-ignore]  # CPython 3.11
except ImportError:
    try:
        from _sha2 import sha256 as _builtin  # type: ignore[import-not-found,unused-ignore]  # 3.12+
    except ImportError:
        _builtin = None

__all__ = ["LARGE", "blake2b", "sha256", "sha256_hex"]

#: Bytes above which importing `hashlib` costs less than the built-in module's slower hashing.
LARGE = 256 * 1024


def sha256(data: bytes = b"") -> Any:
    """A SHA-256 object (`update`, `hexdigest`, `digest`) as `hashlib.sha256(data)` gives,
    for a digest built in parts that stay small."""
    if _builtin is not None and len(data) <= LARGE and "hashlib" not in sys.modules:
        return _builtin(data)
    import hashlib  # loaded already, or worth loading

    return hashlib.sha256(data)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` as 64 hexadecimal digits (what `hashlib.sha256` gives)."""
    return str(sha256(data).hexdigest())


def __getattr__(name: str) -> object:
    """`blake2b`: `hashlib.blake2b` (the built-in `_blake2` module's) without OpenSSL,
    loaded when first asked for (the offline engine's choices; a read command never)."""
    if name != "blake2b":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter built without it: hashlib finds one
        from hashlib import blake2b
    globals()["blake2b"] = blake2b
    return blake2b
