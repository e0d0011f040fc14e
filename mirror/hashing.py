"""SHA-256 for the read commands, without importing `hashlib`.

`hashlib` loads OpenSSL (~3 ms of a ~60 ms `mirror show`). CPython's own SHA-256 module
gives the same digests and loads in ~0.2 ms; it is fast enough for what the read commands
hash (a reflection's versions, the constitution's files). Builds without it use `hashlib`.
"""

from __future__ import annotations

try:
    from _sha256 import sha256  # type: ignore[import-not-found,unused-ignore]  # CPython 3.11
except ImportError:
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,unused-ignore]  # CPython 3.12+
    except ImportError:
        from hashlib import sha256


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of `data` as 64 hexadecimal digits (what `hashlib.sha256` gives)."""
    return str(sha256(data).hexdigest())
