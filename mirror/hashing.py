"""SHA-256 for the read commands, without importing `hashlib` when it is not loaded yet.

`hashlib` loads OpenSSL (~3 ms of a ~50 ms `mirror show`). CPython's own SHA-256 module
gives the same digests and loads in ~0.2 ms, but hashes ~7 times slower than OpenSSL: fine
for what a read command hashes (a reflection's versions, the 24 KB of invariants), not for
the care rules `reflect` reads. So `hashlib` is used once something has loaded it (the
engine does) or for large data; otherwise the built-in module.
"""

from __future__ import annotations

import sys

try:
    from _sha256 import sha256 as _builtin  # type: ignore[import-not-found,unused-ignore]  # CPython 3.11
except ImportError:
    try:
        from _sha2 import sha256 as _builtin  # type: ignore[import-not-found,unused-ignore]  # 3.12+
    except ImportError:
        _builtin = None

#: Bytes above which importing `hashlib` costs less than the built-in module's slower hashing.
LARGE = 256 * 1024


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` as 64 hexadecimal digits (what `hashlib.sha256` gives)."""
    if _builtin is not None and len(data) <= LARGE and "hashlib" not in sys.modules:
        return str(_builtin(data).hexdigest())
    import hashlib  # loaded already (the engine's modules import it), or worth loading

    return hashlib.sha256(data).hexdigest()
