"""The journal key, pairing, and device announcements.

The journal key is an age X25519 identity shared by the person's devices: every change set
is encrypted to it, so the folder (and the sync provider carrying it) holds nothing
readable without it. It lives in MIRROR_HOME as `sync_journal.key` (mode 0600), never in the
database, a bundle or a change set.

Pairing: the first device creates the key and a short code, and leaves the key in the
folder as `journal.age`, a standard age file encrypted with that code (scrypt), so a second
device that is given the code (or the passphrase the person chose) can take the key. The
code is shown once and stored nowhere.

Each device announces itself in its own sub-folder (`<device-id>/device.json`): its
Ed25519 public key (the bundle device key), authenticated with an HMAC under the journal
key, so only a device that holds the key can announce one; the others then accept change
sets signed by that public key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from mirror.bundles import crypto
from mirror.errors import BundleRefused, InvalidInput, MirrorError, NotFound, StorageError
from mirror.fileio import read_limited, write_private

KEY_FILE = "sync_journal.key"
PAIRING_FILE = "journal.age"
ANNOUNCEMENT = "device.json"
#: A pairing file or an announcement is a few hundred bytes; nothing larger is read.
MAX_SMALL_FILE_BYTES = 64 * 1024
_MAC_DOMAIN = b"mirror-sync-announce-v1\x00"
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand


def new_code() -> str:
    """16 characters (80 bits) in four groups: brute force through scrypt is out of reach."""
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
    return "-".join(chars[i:i + 4] for i in range(0, 16, 4))


def normalise_code(text: str) -> str:
    """Codes are typed by hand: case, spaces and dashes do not matter."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) == 16 and all(ch in _CODE_ALPHABET for ch in cleaned):
        return "-".join(cleaned[i:i + 4] for i in range(0, 16, 4))
    return text.strip()  # a passphrase the person chose


def device_id_of(public_key_text: str) -> str:
    return crypto.fingerprint(crypto.parse_public_key(public_key_text))[:16]


def load_key(home: Path) -> str | None:
    path = home / KEY_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(f"cannot read the sync journal key {path}: {exc}") from None
    if not text.startswith("AGE-SECRET-KEY-1"):
        raise StorageError(f"the sync journal key {path} is damaged")
    return text


def save_key(home: Path, key: str) -> None:
    write_private(home / KEY_FILE, (key + "\n").encode("ascii"), sync_dir=True)


def forget_key(home: Path) -> None:
    (home / KEY_FILE).unlink(missing_ok=True)


def create_journal_key() -> str:
    from pyrage import x25519  # only sync loads age's X25519

    return str(x25519.Identity.generate())


def write_pairing(folder: Path, key: str, code: str) -> None:
    data = crypto.encrypt_bytes(key.encode("ascii"), code)
    tmp = folder / f".{PAIRING_FILE}.{os.getpid()}.part"
    tmp.write_bytes(data)
    os.replace(tmp, folder / PAIRING_FILE)


def read_pairing(folder: Path, code: str) -> str:
    path = folder / PAIRING_FILE
    if not path.is_file():
        raise NotFound(f"{folder} has no {PAIRING_FILE}: run `mirror sync pair` on the first device")
    data = read_limited(path, MAX_SMALL_FILE_BYTES, too_large="too large to be a pairing file")
    try:
        key = crypto.decrypt_bytes(data, code, label=PAIRING_FILE)
    except crypto.WrongPassphrase:
        raise BundleRefused("wrong pairing code (or passphrase): nothing paired") from None
    text = key.decode("ascii", "replace").strip()
    if not text.startswith("AGE-SECRET-KEY-1"):
        raise BundleRefused(f"{PAIRING_FILE} does not hold a journal key")
    return text


def _mac(key: str, fields: dict[str, Any]) -> str:
    secret = hashlib.sha256(_MAC_DOMAIN + key.encode("ascii")).digest()
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return base64.b64encode(hmac.new(secret, payload, hashlib.sha256).digest()).decode("ascii")


def announce(folder: Path, key: str, device_id: str, public_key: str, label: str) -> None:
    """Write (or rewrite: it is small and idempotent) this device's announcement."""
    fields = {"device_id": device_id, "public_key": public_key, "label": label}
    target = folder / device_id
    target.mkdir(parents=True, exist_ok=True)
    data = json.dumps({**fields, "mac": _mac(key, fields)}, sort_keys=True).encode("utf-8")
    path = target / ANNOUNCEMENT
    if path.is_file() and path.read_bytes() == data:
        return
    tmp = target / f".{ANNOUNCEMENT}.{os.getpid()}.part"
    tmp.write_bytes(data)
    os.replace(tmp, path)


def read_announcement(folder: Path, key: str, device_id: str) -> dict[str, str] | None:
    """The device's announcement when it is authentic (made with the journal key, for the
    folder it sits in, naming the device its key belongs to), else None."""
    path = folder / device_id / ANNOUNCEMENT
    try:  # bounded and never a pipe or device: the folder is written by other machines
        document = json.loads(read_limited(path, MAX_SMALL_FILE_BYTES))
    except (MirrorError, OSError, ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or set(document) != {"device_id", "public_key", "label", "mac"} \
            or not all(isinstance(document[k], str) for k in document):
        return None
    fields = {k: document[k] for k in ("device_id", "public_key", "label")}
    if not hmac.compare_digest(_mac(key, fields), document["mac"]):
        return None
    try:
        if fields["device_id"] != device_id or device_id_of(fields["public_key"]) != device_id:
            return None
    except InvalidInput:
        return None
    return fields
