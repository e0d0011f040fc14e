"""Passphrase encryption (age) and signatures (Ed25519) for bundles.

Encryption produces a *standard* age file with a single scrypt (passphrase) recipient, so
the stock `age -d` opens a Mirror bundle without Mirror (no lock-in). Encrypting streams
(`agewriter`: one 64 KiB chunk at a time, so an export's memory stays flat). Decrypting uses
pyrage, whose passphrase API works on whole `bytes` objects: ciphertext and plaintext are
both held in memory, so files are capped at `MAX_AGE_FILE_BYTES` both ways (Mirror never
writes a bundle it could not read back; see limits.py for the memory arithmetic).

Signing uses an Ed25519 device key kept as a PKCS#8 PEM file (mode 0600) in the journal
folder. The signature covers the exact bytes of MANIFEST.json behind a domain-separation
prefix, so a Mirror manifest signature can never be replayed as a signature over anything
else made with the same key. Public keys travel as the base64 of their 32 raw bytes: one
short line that fits in a chat message or a config file, and is the same text that appears
in MANIFEST.sig. Fingerprints are the SHA-256 of those raw bytes, shown in groups of four.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from mirror.bundles import agewriter
from mirror.bundles.jsonio import StrictJSONError, canonical_bytes, strict_loads
from mirror.bundles.limits import MAX_AGE_FILE_BYTES, MAX_SCRYPT_LOG_N, MAX_SIGNATURE_BYTES
from mirror.errors import BundleRefused, InvalidInput, StorageError
from mirror.fileio import write_private

# -- age ----------------------------------------------------------------------------------

AGE_MAGIC = b"age-encryption.org/v1\n"
_ARMOR_MAGIC = b"-----BEGIN AGE ENCRYPTED FILE-----"
_MAX_HEADER_BYTES = 64 * 1024
_B64_LINE = 64


class WrongPassphrase(BundleRefused):
    """The passphrase does not unlock the file. (Cryptographically this is the same event
    as a damaged key stanza; the message says so.) Callers may prompt again."""


class DamagedFile(BundleRefused):
    """The age file is truncated, altered or not an age passphrase file at all."""


def is_age_file(path: Path) -> bool:
    """True when the file starts like an age file (binary or armored)."""
    with open(path, "rb") as handle:
        head = handle.read(len(_ARMOR_MAGIC))
    return head.startswith(AGE_MAGIC) or head.startswith(_ARMOR_MAGIC)


def _b64_canonical(text: bytes, size: int) -> bytes | None:
    """age's strict base64 (no padding, no spare bits): anything else is a changed byte."""
    try:
        raw = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != size or base64.b64encode(raw).rstrip(b"=") != text:
        return None
    return raw


def check_age_header(data: bytes, label: str) -> None:
    """Parse the header before handing the file to pyrage: refuse non-age and
    public-key-encrypted files with a useful message, and refuse an scrypt work factor
    large enough to exhaust memory (a hostile file chooses its own)."""
    if data.startswith(_ARMOR_MAGIC):
        raise DamagedFile(f"{label}: ASCII-armored age files are not supported; "
                          "decrypt it with `age -d` or re-encrypt without --armor")
    if not data.startswith(AGE_MAGIC):
        raise DamagedFile(f"{label}: not an age-encrypted file")
    end = data.find(b"\n--- ", 0, _MAX_HEADER_BYTES)
    if end < 0:
        raise DamagedFile(f"{label}: damaged or truncated age file (no header end)")
    mac_end = data.find(b"\n", end + 5, end + 5 + 64)
    if mac_end < 0 or _b64_canonical(data[end + 5: mac_end], 32) is None:
        raise DamagedFile(f"{label}: damaged or truncated age file (bad header MAC line)")
    lines = data[len(AGE_MAGIC): end].split(b"\n")
    stanzas = [line for line in lines if line.startswith(b"-> ")]
    if not stanzas or not lines[0].startswith(b"-> "):
        raise DamagedFile(f"{label}: damaged age header")
    args = stanzas[0][3:].split(b" ")
    if args[0] != b"scrypt":
        raise DamagedFile(f"{label}: encrypted to a key, not a passphrase; decrypt it with "
                          "`age -d -i <identity>` first")
    if len(stanzas) != 1 or len(lines) != 2 or len(args) != 3:
        raise DamagedFile(f"{label}: damaged age header (a passphrase file has exactly one "
                          "scrypt stanza)")
    if _b64_canonical(args[1], 16) is None or _b64_canonical(lines[1], 32) is None:
        raise DamagedFile(f"{label}: damaged age header (scrypt stanza)")
    if not re.fullmatch(rb"[1-9][0-9]?", args[2]):
        raise DamagedFile(f"{label}: damaged age header (scrypt work factor)")
    if int(args[2]) > MAX_SCRYPT_LOG_N:
        raise DamagedFile(f"{label}: asks for an scrypt work factor of 2^{int(args[2])}, above "
                          f"the limit of 2^{MAX_SCRYPT_LOG_N} (memory exhaustion attempt?)")


def _check_passphrase(passphrase: str) -> None:
    if not passphrase:
        raise InvalidInput("the passphrase is empty")


def _check_plain_size(size: int) -> None:
    if size > MAX_AGE_FILE_BYTES:
        raise InvalidInput(f"the bundle is {size} bytes; passphrase encryption is limited to "
                           f"{MAX_AGE_FILE_BYTES} bytes because decrypting it runs in memory. "
                           "Export without encryption and rely on disk encryption instead")


def encrypt_bytes(plaintext: bytes, passphrase: str) -> bytes:
    """A standard age file (one scrypt recipient) holding `plaintext` (small payloads;
    bundles go through `encrypt_file`, which streams)."""
    _check_passphrase(passphrase)
    _check_plain_size(len(plaintext))
    out = io.BytesIO()
    agewriter.encrypt_stream(io.BytesIO(plaintext), out, passphrase)
    return out.getvalue()


def decrypt_bytes(ciphertext: bytes, passphrase: str, label: str = "bundle") -> bytes:
    """Decrypt an age passphrase file. Wrong passphrase -> `WrongPassphrase`; anything
    truncated, altered or foreign -> `DamagedFile` (both are `BundleRefused`, exit 6)."""
    from pyrage import DecryptError
    from pyrage import passphrase as age_passphrase

    _check_passphrase(passphrase)
    if len(ciphertext) > MAX_AGE_FILE_BYTES:
        raise DamagedFile(f"{label}: {len(ciphertext)} bytes, more than the "
                          f"{MAX_AGE_FILE_BYTES}-byte limit for encrypted bundles")
    check_age_header(ciphertext, label)
    try:
        return age_passphrase.decrypt(ciphertext, passphrase)
    except DecryptError as err:
        # rage reports a failed unwrap of the file key as "Decryption failed"; everything
        # after the key is unwrapped (header MAC, payload chunks, truncation) differs.
        if str(err) == "Decryption failed":
            raise WrongPassphrase(f"{label}: wrong passphrase (or the file's key block is "
                                  "damaged)") from None
        detail = str(err).splitlines()[0] if str(err) else "unknown error"
        raise DamagedFile(f"{label}: the encrypted file is damaged or truncated "
                          f"({detail})") from None


def prepare_encryption(passphrase: str) -> agewriter.Sealer:
    """Run scrypt now (see `agewriter.Sealer`); pass the result to `encrypt_file`."""
    _check_passphrase(passphrase)
    return agewriter.Sealer(passphrase)


def encrypt_file(source: Path, dest: Path, passphrase: str | agewriter.Sealer) -> None:
    """`source` (a bundle zip) to `dest` (`*.zip.age`), streamed chunk by chunk into a
    temporary file created with mode 0600, fsynced, then renamed: `dest` is absent or
    complete. The size is checked first, so an oversized bundle fails fast."""
    if not isinstance(passphrase, agewriter.Sealer):
        _check_passphrase(passphrase)
    _check_plain_size(source.stat().st_size)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.part")  # export.clean_stale_parts
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0),
                 0o600)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as reader:
            os.fchmod(out.fileno(), 0o600)  # a stale part file would keep its old mode
            agewriter.encrypt_stream(reader, out, passphrase)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def decrypt_file(source: Path, dest: Path, passphrase: str) -> None:
    """Decrypt `source` into the new file `dest` (mode 0600; it must not exist)."""
    size = source.stat().st_size
    if size > MAX_AGE_FILE_BYTES:
        raise DamagedFile(f"{source.name}: {size} bytes, more than the "
                          f"{MAX_AGE_FILE_BYTES}-byte limit for encrypted bundles")
    plaintext = decrypt_bytes(source.read_bytes(), passphrase, label=source.name)
    write_private(dest, plaintext)


# -- Ed25519 ------------------------------------------------------------------------------

DEVICE_KEY_FILENAME = "device_key.pem"
SIGNATURE_DOMAIN = b"mirror-bundle-manifest-v1\x00"
_SIG_KEYS = {"algorithm", "domain", "public_key", "signature"}


def load_or_create_device_key(folder: Path):  # -> Ed25519PrivateKey
    """This device's signing key, created on first use.

    Creation writes the PEM to a temporary file opened with O_EXCL and mode 0600, then
    publishes it with `os.link`, which fails if the key already exists: two Mirror
    processes starting at once end up sharing one complete key, never a truncated one
    and never two. An existing key readable by group or others is refused, as ssh does.
    """
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / DEVICE_KEY_FILENAME
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        tmp = folder / f".{DEVICE_KEY_FILENAME}.{os.getpid()}.{os.urandom(4).hex()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another process won the race; use its key
        finally:
            tmp.unlink(missing_ok=True)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(f"device key {path} is not a regular file")
        if info.st_mode & 0o077:
            raise StorageError(f"device key {path} is readable by other users "
                               f"(mode {stat.S_IMODE(info.st_mode):04o}); run chmod 600 on it")
        pem = handle.read(16 * 1024)
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except ValueError:
        raise StorageError(f"device key {path} is damaged (not a PEM private key)") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise StorageError(f"device key {path} is not an Ed25519 key")
    return key


def _raw_public(key) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_key_text(key) -> str:
    """The shareable form of a public key: base64 of its 32 raw bytes (44 characters)."""
    return base64.b64encode(_raw_public(key)).decode("ascii")


def parse_public_key(text: str):  # -> Ed25519PublicKey
    """A trusted key as a user pastes it: the base64 form above, or a PEM public key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    stripped = text.strip()
    if stripped.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(stripped.encode("ascii"))
        except ValueError:
            raise InvalidInput("not a PEM public key") from None
        if not isinstance(key, Ed25519PublicKey):
            raise InvalidInput("not an Ed25519 public key")
        return key
    try:
        raw = base64.b64decode(stripped, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput("a public key is 44 characters of base64") from None
    if len(raw) != 32:
        raise InvalidInput("a public key is 44 characters of base64 (32 bytes)")
    return Ed25519PublicKey.from_public_bytes(raw)


def fingerprint(key) -> str:
    """SHA-256 of the raw public key, lowercase hex (64 characters)."""
    return hashlib.sha256(_raw_public(key)).hexdigest()


def format_fingerprint(hex_fingerprint: str) -> str:
    """'ab12 cd34 …' — groups of four are easier to compare aloud or by eye."""
    return " ".join(hex_fingerprint[i: i + 4] for i in range(0, len(hex_fingerprint), 4))


def sign_manifest(private_key, manifest: bytes) -> bytes:
    """The content of MANIFEST.sig for these exact manifest bytes."""
    signature = private_key.sign(SIGNATURE_DOMAIN + manifest)
    return canonical_bytes({
        "algorithm": "ed25519",
        "domain": SIGNATURE_DOMAIN.rstrip(b"\x00").decode("ascii"),
        "public_key": public_key_text(private_key),
        "signature": base64.b64encode(signature).decode("ascii"),
    })


@dataclass(frozen=True)
class SignatureCheck:
    """Outcome of checking MANIFEST.sig. A *bad* signature is never an outcome: it raises."""

    status: Literal["unsigned", "trusted", "untrusted"]
    fingerprint: str | None = None


def check_signature(signature_file: bytes | None, manifest: bytes, trusted_keys: Iterable,
                    label: str = "MANIFEST.sig", signed: str = "manifest") -> SignatureCheck:
    """Tell apart "no signature", "valid, by a trusted key" and "valid, by a key not in
    `trusted_keys`" (public key objects or their text forms); refuse a bad signature
    (`signed`: what the signature covers, as the refusal names it)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if signature_file is None:
        return SignatureCheck("unsigned")
    if len(signature_file) > MAX_SIGNATURE_BYTES:
        raise BundleRefused(f"{label}: signature file too large")
    try:
        document = strict_loads(signature_file)
    except StrictJSONError as err:
        raise BundleRefused(f"{label}: bad signature file ({err})") from None
    if not isinstance(document, dict) or canonical_bytes(document) != signature_file \
            or set(document) != _SIG_KEYS \
            or document["algorithm"] != "ed25519" \
            or document["domain"] != SIGNATURE_DOMAIN.rstrip(b"\x00").decode("ascii") \
            or not all(isinstance(document[k], str) for k in ("public_key", "signature")):
        raise BundleRefused(f"{label}: bad signature file (unknown algorithm or fields)")
    public_raw = _b64_canonical(document["public_key"].rstrip("=").encode("ascii"), 32) \
        if document["public_key"].isascii() else None
    signature = _b64_canonical(document["signature"].rstrip("=").encode("ascii"), 64) \
        if document["signature"].isascii() else None
    if public_raw is None or signature is None \
            or base64.b64encode(public_raw).decode() != document["public_key"] \
            or base64.b64encode(signature).decode() != document["signature"]:
        raise BundleRefused(f"{label}: bad signature file (malformed key or signature)")
    public = Ed25519PublicKey.from_public_bytes(public_raw)
    try:
        public.verify(signature, SIGNATURE_DOMAIN + manifest)
    except InvalidSignature:
        raise BundleRefused(f"{label}: bad signature: the {signed} was altered or the "
                            "signature does not belong to it") from None
    signer = fingerprint(public)
    trusted = {fingerprint(parse_public_key(k) if isinstance(k, str) else k)
               for k in trusted_keys}
    return SignatureCheck("trusted" if signer in trusted else "untrusted", signer)
