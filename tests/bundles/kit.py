"""Test helpers for bundles: a raw zip writer that can produce what `zipfile` refuses to
(hostile names, overlapping entries, lying headers), an independent age writer built from
the specification (so tamper tests can use a cheap scrypt work factor, and so Mirror's
decryption is checked against a second implementation), and a pty driver for the real
`age` CLI, which reads passphrases from the terminal only."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import pty
import select
import shutil
import signal
import struct
import time
import zlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from mirror.bundles import crypto
from mirror.bundles.container import write_bundle
from mirror.bundles.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    BundleInfo,
    MemberDigest,
    build_manifest,
    manifest_bytes,
)
from mirror.bundles.safezip import CANONICAL_EXTERNAL_ATTR

CREATED = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
INFO = BundleInfo(schema_version=3, app_version="0.1.0",
                  bundle_id="12345678-1234-4234-8234-123456789abc", created_at=CREATED,
                  counts={"reflections": 2, "tags": 1}, audit_head="ab" * 32,
                  constitution_version="1.0")
FILES = {
    "mirror.db": b"SQLite format 3\x00" + bytes(range(256)) * 40,
    "config.json": b'{"engine": "offline"}\n',
    "constitution/I1-ownership.md": "# The user owns their data \u2014 always.\n".encode(),
}
DOS_TIME, DOS_DATE = (9 << 11) | (30 << 5), ((2026 - 1980) << 9) | (3 << 5) | 14


def make_bundle(folder: Path, files: dict[str, bytes] = FILES, *, signing_key=None,
                info: BundleInfo = INFO, name: str = "bundle.zip") -> Path:
    """A real bundle written by Mirror's own writer."""
    src = folder / f"{name}.src"
    src.mkdir(parents=True, exist_ok=True)
    members = {}
    for member, data in files.items():
        path = src / member.replace("/", "__")
        path.write_bytes(data)
        members[member] = path
    dest = folder / name
    write_bundle(dest, members, info, signing_key=signing_key)
    return dest


# -- raw zip writing ----------------------------------------------------------------------

def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def stored_deflate_block(data: bytes) -> bytes:
    """A deflate stream made of one *stored* block: the raw bytes appear verbatim inside
    the compressed data (how an overlapping header hides inside another member)."""
    assert len(data) < 65536
    return b"\x01" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data


@dataclass
class Raw:
    """One member as it will be written, every header field overridable."""

    name: bytes | str
    data: bytes = b""
    method: int = 8
    flags: int | None = None
    made_by: int = 0x0314
    needed: int = 20
    external_attr: int = CANONICAL_EXTERNAL_ATTR
    internal_attr: int = 0
    compressed: bytes | None = None
    crc: int | None = None
    size: int | None = None
    local_name: bytes | None = None
    extra: bytes = b""
    offset: int | None = None  # central-directory offset override

    @property
    def raw_name(self) -> bytes:
        return self.name.encode("utf-8") if isinstance(self.name, str) else self.name

    def payload(self) -> bytes:
        if self.compressed is not None:
            return self.compressed
        return deflate(self.data) if self.method == 8 else self.data

    def header_flags(self) -> int:
        if self.flags is not None:
            return self.flags
        return 0x800 if not self.raw_name.isascii() else 0

    def local_header(self) -> bytes:
        payload = self.payload()
        name = self.local_name if self.local_name is not None else self.raw_name
        return struct.pack("<4s5H3L2H", b"PK\x03\x04", self.needed, self.header_flags(),
                           self.method, DOS_TIME, DOS_DATE, self._crc(), len(payload),
                           self._size(), len(name), len(self.extra)) + name + self.extra

    def central(self, offset: int) -> bytes:
        return struct.pack("<4s6H3L5H2L", b"PK\x01\x02", self.made_by, self.needed,
                           self.header_flags(), self.method, DOS_TIME, DOS_DATE, self._crc(),
                           len(self.payload()), self._size(), len(self.raw_name),
                           len(self.extra), 0, 0, self.internal_attr, self.external_attr,
                           self.offset if self.offset is not None else offset) \
            + self.raw_name + self.extra

    def _crc(self) -> int:
        return zlib.crc32(self.data) if self.crc is None else self.crc

    def _size(self) -> int:
        return len(self.data) if self.size is None else self.size


def build_zip(members: list[Raw], *, shared: list[tuple[int, Raw]] = (),
              eocd_count: int | None = None, comment: bytes = b"",
              prefix: bytes = b"") -> bytes:
    """Locals, then the central directory, then the end record. `shared` adds central
    entries pointing at the local header of member `index` (the overlapping-entry trick)."""
    body = bytearray(prefix)
    offsets = []
    for member in members:
        offsets.append(len(body))
        body += member.local_header() + member.payload()
    directory = b"".join(m.central(o) for m, o in zip(members, offsets))
    directory += b"".join(raw.central(offsets[index]) for index, raw in shared)
    count = len(members) + len(shared) if eocd_count is None else eocd_count
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory),
                       len(body), len(comment)) + comment
    return bytes(body) + directory + eocd


def bundle_members(files: dict[str, bytes] = FILES, *, manifest_files: dict[str, bytes] | None = None,
                   manifest_edit=None, signing_key=None) -> list[Raw]:
    """Raw members of a bundle that verifies (before the test breaks one thing): the files,
    MANIFEST.json describing `manifest_files` (default: the same files), MANIFEST.sig."""
    described = files if manifest_files is None else manifest_files
    digests = [MemberDigest(n, hashlib.sha256(d).hexdigest(), len(d))
               for n, d in sorted(described.items())]
    members = [Raw(n, d) for n, d in sorted(files.items())]
    archive = hashlib.sha256(b"".join(m.local_header() + m.payload() for m in members))
    signer = crypto.fingerprint(signing_key) if signing_key is not None else None
    manifest = build_manifest(INFO, digests, archive.hexdigest(), signer)
    if manifest_edit is not None:
        manifest_edit(manifest)
    data = manifest_bytes(manifest)
    members.append(Raw(MANIFEST_NAME, data, method=0))
    if signing_key is not None:
        members.append(Raw(SIGNATURE_NAME, crypto.sign_manifest(signing_key, data), method=0))
    return members


def with_member(members: list[Raw], name: str, **changes) -> list[Raw]:
    return [replace(m, **changes) if m.name == name else m for m in members]


# -- age, from the specification (age-encryption.org/v1) -----------------------------------

def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def age_encrypt_spec(plaintext: bytes, passphrase: str, log_n: int = 2) -> bytes:
    """A standard age scrypt file with a chosen work factor (the cheap ones keep property
    tests fast). Written from the spec, independently of pyrage."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    def hkdf(salt: bytes, info: bytes, key: bytes) -> bytes:
        return HKDF(hashes.SHA256(), 32, salt, info).derive(key)

    file_key, salt, nonce = os.urandom(16), os.urandom(16), os.urandom(16)
    wrap_key = hashlib.scrypt(passphrase.encode(), salt=b"age-encryption.org/v1/scrypt" + salt,
                              n=2 ** log_n, r=8, p=1, dklen=32)
    body = ChaCha20Poly1305(wrap_key).encrypt(b"\0" * 12, file_key, None)
    header = (b"age-encryption.org/v1\n-> scrypt " + _b64(salt) + b" " + str(log_n).encode()
              + b"\n" + _b64(body) + b"\n---")
    mac = hmac.new(hkdf(b"", b"header", file_key), header, "sha256").digest()
    out = bytearray(header + b" " + _b64(mac) + b"\n" + nonce)
    stream = ChaCha20Poly1305(hkdf(nonce, b"payload", file_key))
    chunks = [plaintext[i:i + 65536] for i in range(0, len(plaintext), 65536)] or [b""]
    for counter, chunk in enumerate(chunks):
        last = b"\x01" if counter == len(chunks) - 1 else b"\x00"
        out += stream.encrypt(counter.to_bytes(11, "big") + last, chunk, None)
    return bytes(out)


# -- the real age CLI through a pseudo-terminal ---------------------------------------------

def age_binary() -> str:
    found = shutil.which("age")
    if found is None:
        raise AssertionError("the `age` CLI is not installed: run `apt-get install -y age` "
                             "(CI installs it in .ci/run)")
    return found


def run_age_with_pty(args: list[str], passphrase: str, timeout: float = 120) -> tuple[int, str]:
    """Run `age ARGS`, answering every passphrase prompt on its controlling terminal."""
    binary = age_binary()
    pid, fd = pty.fork()
    if pid == 0:  # child: exec at once, nothing else runs in the forked interpreter
        try:
            os.execv(binary, [binary, *args])
        finally:
            os._exit(127)
    output, answered = b"", 0
    deadline = time.monotonic() + timeout
    try:
        while True:
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                raise AssertionError(f"age {args} timed out; output so far: {output!r}")
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                continue
            try:
                data = os.read(fd, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            output += data
            while output.lower().count(b"passphrase") > answered:
                os.write(fd, passphrase.encode() + b"\n")
                answered += 1
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")


@dataclass
class Reflection:
    """A reflection dict as the service layer would hand it to the exporters."""

    id: str
    created_at: datetime
    tz: str
    text: str
    tags: list[str] = field(default_factory=list)
    starred: bool = False

    def as_dict(self) -> dict:
        return dict(self.__dict__)
