"""Encryption at rest as use cases: create an encrypted journal, convert one in place either
way, and keep or forget the derived key for this login session.

Conversions need the journal closed: each opens it once through the `Store` (so an old one
is migrated and a foreign or damaged file is refused first), closes it, then lets
`storage.encryption.convert` make and verify the copy that replaces it. The TUI's draft
files follow the journal: sealed with a subkey of its key when it is encrypted, opened
again when it is decrypted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mirror.clock import Clock
from mirror.errors import InvalidInput, StorageError
from mirror.fileio import write_private
from mirror.models.encryption import EncryptionChange
from mirror.paths import JournalPaths
from mirror.storage import encryption
from mirror.storage.encryption import CipherKey, DraftSeal, Keys
from mirror.storage.store import Store

#: The TUI's draft files (mirror/tui/drafts.py); the editor's own are the person's to keep.
TUI_DRAFTS = "tui-draft*.json"


def keys(passphrase_file: Path | None = None, ask: Callable[[], str] | None = None) -> Keys:
    return Keys(passphrase_file=passphrase_file, ask=ask)


def create(paths: JournalPaths, clock: Clock, *, encrypted: bool, source: Keys,
           remember: bool = False) -> EncryptionChange:
    """A new journal in `paths.home`, encrypted with a passphrase from `source` if asked."""
    if paths.db.exists() and paths.db.stat().st_size > 0:
        raise InvalidInput(f"a journal already exists at {paths.db}"
                           + ("; convert it with `mirror encrypt`" if encrypted else ""))
    key = None
    if encrypted:
        encryption.driver()  # a missing extra is named before the passphrase is asked
        key = encryption.new_key(source.passphrase_or_ask("a new encrypted journal"))
    store = Store(paths.db, clock, create_key=key)
    store.close()
    cached = str(encryption.remember_key(paths.db, key)) if remember and key else None
    return EncryptionChange("init", str(paths.db), encrypted, key_cached=cached)


def encrypt(paths: JournalPaths, clock: Clock, *, source: Keys, remember: bool = False) -> EncryptionChange:
    """Convert the plain journal in place to an encrypted one (a verified copy first)."""
    encryption.driver()
    if encryption.is_encrypted(paths.db):
        raise InvalidInput(f"{paths.db} is already encrypted")
    _open_and_close(paths, clock, Keys())
    key = encryption.new_key(source.passphrase_or_ask("encrypting the journal"))
    done = encryption.convert(paths.db, None, key)
    resealed = _reseal_drafts(paths.drafts, None, DraftSeal(key))
    encryption.forget_key(paths.db)
    cached = str(encryption.remember_key(paths.db, key)) if remember else None
    return EncryptionChange("encrypt", str(paths.db), True, rows=sum(done.counts.values()),
                            tables=len(done.counts), digest=done.digest, drafts_resealed=resealed,
                            key_cached=cached)


def decrypt(paths: JournalPaths, clock: Clock, *, source: Keys) -> EncryptionChange:
    """Convert the encrypted journal in place to a plain one (a verified copy first)."""
    encryption.driver()
    if not encryption.is_encrypted(paths.db):
        raise InvalidInput(f"{paths.db} is not encrypted")
    key = _open_and_close(paths, clock, source)
    assert key is not None
    done = encryption.convert(paths.db, key, None)
    resealed = _reseal_drafts(paths.drafts, DraftSeal(key), None)
    encryption.forget_key(paths.db)
    return EncryptionChange("decrypt", str(paths.db), False, rows=sum(done.counts.values()),
                            tables=len(done.counts), digest=done.digest, drafts_resealed=resealed)


def unlock(paths: JournalPaths, clock: Clock, *, source: Keys) -> EncryptionChange:
    """Derive the key once (checking it opens the journal) and keep it for this session."""
    if not encryption.is_encrypted(paths.db):
        raise InvalidInput(f"{paths.db} is not encrypted: there is nothing to unlock")
    encryption.forget_key(paths.db)  # the passphrase given now is the one checked
    key = _open_and_close(paths, clock, source)
    assert key is not None
    cached = encryption.remember_key(paths.db, key)
    return EncryptionChange("unlock", str(paths.db), True, key_cached=str(cached))


def lock(paths: JournalPaths) -> EncryptionChange:
    """Forget the key kept for this session: the next command asks for the passphrase."""
    encryption.forget_key(paths.db)
    return EncryptionChange("lock", str(paths.db), encryption.is_encrypted(paths.db))


def draft_seal(key: CipherKey | None) -> DraftSeal | None:
    return DraftSeal(key) if key is not None else None


def _open_and_close(paths: JournalPaths, clock: Clock, source: Keys) -> CipherKey | None:
    """Open the journal once (migrating it, refusing a foreign or damaged file, checking
    the passphrase) and close it; the key it opened with."""
    store = Store(paths.db, clock, keys=source)
    try:
        if store.readonly_reason is not None:
            raise StorageError(f"cannot convert the journal: {store.readonly_reason}")
        return store.cipher_key
    finally:
        store.close()


def _reseal_drafts(folder: Path, old: DraftSeal | None, new: DraftSeal | None) -> int:
    """Re-write the TUI's draft files for the journal's new state; a draft that cannot be
    read with the old key is left as it is."""
    count = 0
    try:
        files = sorted(folder.glob(TUI_DRAFTS))
    except OSError:
        return 0
    for file in files:
        data = file.read_bytes()
        try:
            plain = old.open(data) if old is not None else data
        except ValueError:
            continue
        if old is None and data.startswith(encryption.DRAFT_MAGIC):
            continue
        sealed = new.seal(plain) if new is not None else plain
        write_private(file, sealed)  # 0600 from the start: a decrypted draft is plain text
        count += 1
    return count
