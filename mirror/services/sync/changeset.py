"""The change set file: what one device wrote in one sync, sealed for the others.

Layout (all of it inside one age file encrypted to the journal key):

    b"mirror-sync-changeset-v1\\n" + Ed25519 signature (64 bytes) + zlib(JSON body)

The signature is the writing device's, over a domain prefix and the compressed body, so a
bundle manifest signature can never pass for a change set's and the body is authenticated
before it is decompressed. The body names its device, sequence number and ID, and the file
must sit where those say (`<device-id>/<seq>-<id>.age`): a file moved, renamed or copied
into another device's folder is refused, as is one whose ID this journal has already applied.
Anything that does not decrypt (truncated, still being copied, altered, from another
journal) is refused and retried at the next sync.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from mirror.bundles import crypto
from mirror.bundles.limits import MAX_AGE_FILE_BYTES
from mirror.errors import BundleRefused

FORMAT = "mirror-sync-changeset-v1"
MAGIC = FORMAT.encode("ascii") + b"\n"
SIGNATURE_DOMAIN = FORMAT.encode("ascii") + b"\x00"
#: Only files named exactly like this are change sets; a sync tool's temporary or conflict
#: copies ("00000003-….age.tmp", "00000003-… (1).age", ".syncthing.…") are never read.
NAME = re.compile(r"^(\d{8})-([0-9a-f]{32})\.age$")
MAX_BODY_BYTES = 512 * 1024 * 1024
#: The largest sealed (encrypted) change set read from the folder.
MAX_SEALED_BYTES = MAX_AGE_FILE_BYTES
_BODY_KEYS = {"format", "device", "seq", "id", "created_at", "reflections", "revisions",
              "tombstones", "threads", "mirrorbacks", "feedback"}


def file_name(seq: int, changeset_id: str) -> str:
    return f"{seq:08d}-{changeset_id.replace('-', '')}.age"


@dataclass(frozen=True)
class Opened:
    """A change set that decrypted, verified and matches its place in the folder."""

    body: dict[str, Any]
    device: str
    seq: int
    changeset_id: str


def seal(body: dict[str, Any], signing_key: Any, journal_key: str) -> bytes:
    """The file's bytes (encrypt the compressed, signed body to the journal key)."""
    import pyrage  # only sync encrypts to an X25519 recipient

    packed = zlib.compress(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8"), 6)
    signature = signing_key.sign(SIGNATURE_DOMAIN + packed)
    recipient = pyrage.x25519.Identity.from_str(journal_key).to_public()
    return pyrage.encrypt(MAGIC + signature + packed, [recipient])


def open_sealed(data: bytes, journal_key: str, device: str, name: str, public_key: str) -> Opened:
    """Decrypt, verify and check a change set found as `<device>/<name>`; `public_key` is
    the paired device's. Raises `BundleRefused` with one line saying why."""
    import pyrage
    from cryptography.exceptions import InvalidSignature

    match = NAME.match(name)
    if match is None:
        raise BundleRefused("not a change set name")
    if len(data) > MAX_AGE_FILE_BYTES:
        raise BundleRefused("too large to be a change set")
    try:
        plain = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(journal_key)])
    except pyrage.DecryptError:
        raise BundleRefused("cannot be decrypted with the journal key (truncated, still being"
                            " copied, altered, or from another journal); nothing applied") from None
    if not plain.startswith(MAGIC) or len(plain) < len(MAGIC) + 64:
        raise BundleRefused("not a Mirror change set; nothing applied")
    signature, packed = plain[len(MAGIC):len(MAGIC) + 64], plain[len(MAGIC) + 64:]
    try:
        crypto.parse_public_key(public_key).verify(signature, SIGNATURE_DOMAIN + packed)
    except InvalidSignature:
        raise BundleRefused(f"bad signature: not signed by device {device} (tampered or"
                            " forged); nothing applied") from None
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(packed, MAX_BODY_BYTES)
    except zlib.error:
        raise BundleRefused("damaged body; nothing applied") from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise BundleRefused("damaged or oversized body; nothing applied")
    try:
        body = json.loads(raw)
    except ValueError:
        raise BundleRefused("damaged body; nothing applied") from None
    if not isinstance(body, dict) or set(body) != _BODY_KEYS or body["format"] != FORMAT:
        raise BundleRefused("unknown change set format; nothing applied")
    if not isinstance(body["seq"], int) or not isinstance(body["id"], str) or body["seq"] < 1:
        raise BundleRefused("unknown change set format; nothing applied")
    if body["device"] != device or file_name(body["seq"], body["id"]) != name:
        raise BundleRefused(f"says it is {body['device']}/{file_name(body['seq'], body['id'])}:"
                            " moved or replayed; nothing applied")
    return Opened(body, device, int(body["seq"]), str(body["id"]))
