"""Writing a standard age passphrase file (age-encryption.org/v1, one scrypt recipient) as a
stream, so encrypting a bundle of any size holds one 64 KiB chunk in memory, not the bundle.

Why not pyrage here: its passphrase API (`pyrage.passphrase.encrypt`) takes and returns
whole `bytes`, and its streaming API (`pyrage.encrypt_io`/`encrypt_file`) accepts only
X25519, SSH and plugin recipients, never a passphrase (checked on pyrage 1.4). The pure
Python `age` package buffers the whole file too, is marked alpha and unmaintained since
2023. So the construction is composed here from pyca/cryptography's primitives (scrypt,
ChaCha20-Poly1305, HKDF-SHA256, HMAC-SHA256; already imported for bundle signatures, so
no new dependency and no new import cost): no primitive is implemented in Mirror, only
the file layout the age specification fixes. Tests check the output with pyrage and with
the stock `age` binary. Decryption stays with pyrage (rage), which parses hostile files.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from typing import BinaryIO

#: age's chunk size for the payload STREAM (fixed by the specification).
CHUNK_BYTES = 64 * 1024
#: The scrypt work factor `age -p` itself writes: 2**18 (about 256 MiB and ~1 s, once).
SCRYPT_LOG_N = 18
_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(salt: bytes, info: bytes, key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt, info).derive(key)


def header(passphrase: str, file_key: bytes, log_n: int = SCRYPT_LOG_N) -> bytes:
    """The age header (through the MAC line) wrapping `file_key` under `passphrase`."""
    from cryptography.hazmat.primitives import hashes, hmac
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt = os.urandom(16)
    wrap_key = Scrypt(_SCRYPT_LABEL + salt, 32, 2 ** log_n, 8, 1).derive(
        passphrase.encode("utf-8"))
    body = ChaCha20Poly1305(wrap_key).encrypt(b"\x00" * 12, file_key, None)
    head = (b"age-encryption.org/v1\n-> scrypt " + _b64(salt) + b" " + str(log_n).encode()
            + b"\n" + _b64(body) + b"\n---")
    mac = hmac.HMAC(_hkdf(b"", b"header", file_key), hashes.SHA256())
    mac.update(head)
    return head + b" " + _b64(mac.finalize()) + b"\n"


def _chunks(source: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Plaintext chunks with a flag for the last one (read one ahead: only the final chunk
    may be short, and it is empty only when the whole plaintext is)."""
    current = source.read(CHUNK_BYTES)
    while True:
        following = source.read(CHUNK_BYTES) if len(current) == CHUNK_BYTES else b""
        last = not following
        yield current, last
        if last:
            return
        current = following


class Sealer:
    """A file key and its header, made up front: scrypt's 256 MiB is then spent while the
    process is small (an export derives it before snapshotting), so the peaks never add."""

    def __init__(self, passphrase: str, log_n: int = SCRYPT_LOG_N) -> None:
        self.file_key = os.urandom(16)
        self.header = header(passphrase, self.file_key, log_n)


def encrypt_stream(source: BinaryIO, out: BinaryIO, passphrase: str | Sealer,
                   log_n: int = SCRYPT_LOG_N) -> None:
    """Write `source` to `out` as an age passphrase file, chunk by chunk (a `Sealer` is
    used once: one file key per file)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    sealer = passphrase if isinstance(passphrase, Sealer) else Sealer(passphrase, log_n)
    file_key = sealer.file_key
    out.write(sealer.header)
    nonce = os.urandom(16)
    out.write(nonce)
    stream = ChaCha20Poly1305(_hkdf(nonce, b"payload", file_key))
    for counter, (chunk, last) in enumerate(_chunks(source)):
        out.write(stream.encrypt(counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00"),
                                 chunk, None))
