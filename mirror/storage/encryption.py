"""An encrypted journal at rest: SQLCipher through the `sqlcipher3` wheels (opt-in extra).

Why this shape:
- The key is derived once per process by Mirror itself, exactly as SQLCipher 4 derives it
  from a passphrase (PBKDF2-HMAC-SHA512, 256,000 iterations, the file's 16-byte salt), and
  handed to SQLCipher raw. So the stock `sqlcipher` tool opens a Mirror journal with the
  passphrase alone (no lock-in), and Mirror can keep the derived key in a per-session
  runtime folder when the person asks (`mirror unlock`): commands then skip the ~0.2 s KDF.
- A new journal gets its salt from Mirror (raw key + salt), so the key can be derived
  before the file exists.
- sqlcipher3 is a fork of the stdlib module with its own exception classes. The storage
  layer catches `sqlite3.Error` everywhere, so an encrypted connection's cursor turns
  sqlcipher3 errors into their stdlib twins (same message and result code): every store
  behaves the same on both kinds of journal.
- Temporary tables and indices stay in memory (`temp_store = MEMORY`), the WAL holds
  encrypted pages only, and SQLCipher's own logging (which writes to stderr) is off.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mirror.errors import MirrorError, StorageError
from mirror.fileio import read_head
from mirror.storage.journalfile import SQLITE_MAGIC, JournalFile, is_encrypted

#: A passphrase is one line; nothing past this is read from a passphrase file.
MAX_PASSPHRASE_FILE_BYTES = 64 * 1024

__all__ = ["SQLITE_MAGIC", "is_encrypted"]  # (re-exported: the one header check lives there)

SALT_BYTES = 16
KEY_BYTES = 32
#: SQLCipher 4's default passphrase KDF: keeping it means `sqlcipher` opens the file with
#: the passphrase, and the brute-force cost of a stolen file is SQLCipher's usual one.
KDF_ITERATIONS = 256_000
INSTALL_HINT = "install the encryption extra: pip install 'mirror-journal[encrypted]'"
PASSPHRASE_ENV = "MIRROR_PASSPHRASE"
PASSPHRASE_FILE_ENV = "MIRROR_PASSPHRASE_FILE"
WRONG = "wrong passphrase for the encrypted journal {path} (or the file is damaged); nothing was changed"

_ERRORS = ("Error", "Warning", "InterfaceError", "DatabaseError", "DataError",
           "OperationalError", "IntegrityError", "InternalError", "ProgrammingError",
           "NotSupportedError")


@dataclass(frozen=True)
class CipherKey:
    """A raw SQLCipher key and the salt it was derived with."""

    key: bytes
    salt: bytes

    def pragma_value(self) -> str:
        """`x'<key><salt>'`: raw key, explicit salt (used as is for a new file)."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""


def derive(passphrase: str, salt: bytes) -> CipherKey:
    """SQLCipher 4's own derivation (PBKDF2-HMAC-SHA512): ~0.2 s on purpose."""
    if not passphrase:
        raise StorageError("the passphrase is empty")
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES)
    return CipherKey(key, salt)


def new_key(passphrase: str) -> CipherKey:
    return derive(passphrase, os.urandom(SALT_BYTES))


def salt_of(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


# -- where the passphrase comes from ---------------------------------------------------------

@dataclass(frozen=True)
class Keys:
    """How to get the key of an encrypted journal: the environment (`MIRROR_PASSPHRASE`,
    `MIRROR_PASSPHRASE_FILE`), an explicit passphrase file, the key this session unlocked
    (`mirror unlock`), then `ask` (a prompt; None where nobody can answer)."""

    passphrase_file: Path | None = None
    ask: Callable[[], str] | None = None
    passphrase: str | None = None

    def given_passphrase(self) -> str | None:
        """The passphrase given without asking, or None."""
        if self.passphrase:
            return self.passphrase
        env = os.environ.get(PASSPHRASE_ENV)
        if env:
            return env
        file = self.passphrase_file or (Path(os.environ[PASSPHRASE_FILE_ENV])
                                        if os.environ.get(PASSPHRASE_FILE_ENV) else None)
        if file is not None:
            return read_passphrase_file(file)
        return None

    def passphrase_or_ask(self, why: str) -> str:
        given = self.given_passphrase()
        if given is not None:
            return given
        if self.ask is not None:
            return self.ask()
        raise StorageError(f"{why}: give its passphrase ({PASSPHRASE_ENV}, {PASSPHRASE_FILE_ENV} or "
                           "--passphrase-file), or run in a terminal to be asked")

    def key_for(self, path: Path) -> CipherKey:
        """The key of the existing encrypted journal at `path`."""
        salt = salt_of(path)
        if not self.given_passphrase():
            known = _opened.get(_where(path))
            if known is not None and known.salt == salt:
                return known  # this process opened it already (the TUI's second connection)
            cached = cached_key(path, salt)
            if cached is not None:
                return cached
        # An encrypted file and a damaged one look alike (no SQLite header): say both.
        return derive(self.passphrase_or_ask(
            f"{path} is not a valid Mirror database as plain SQLite; if it is an encrypted journal"), salt)


#: Keys that opened a journal in this process: a second connection (the TUI's worker
#: threads) neither asks again nor pays the derivation again.
_opened: dict[str, CipherKey] = {}


def _where(path: Path) -> str:
    return str(path.resolve())


def opened_with(path: Path, key: CipherKey) -> None:
    """Note that `key` opened the journal at `path` (see `_opened`)."""
    _opened[_where(path)] = key


def read_passphrase_file(path: Path) -> str:
    """The first line of a passphrase file; at most `MAX_PASSPHRASE_FILE_BYTES` are read
    (a passphrase file pointed at /dev/zero or a huge file must not fill the memory)."""
    try:
        text = read_head(path, MAX_PASSPHRASE_FILE_BYTES).decode("utf-8")
    except (MirrorError, UnicodeDecodeError) as exc:
        raise StorageError(f"cannot read the passphrase file {path}: {exc}") from None
    passphrase = text.rstrip("\r\n")
    if not passphrase:
        raise StorageError(f"the passphrase file {path} is empty")
    return passphrase


# -- the opt-in key cache: a derived key in this login session's runtime folder -------------
# $XDG_RUNTIME_DIR is owner-only, on tmpfs, and emptied at logout and power-off: a stolen,
# switched-off laptop never holds the cached key. Without such a folder, nothing is cached.

def runtime_dir() -> Path | None:
    folder = os.environ.get("XDG_RUNTIME_DIR")
    return Path(folder) / "mirror" if folder else None


def cache_file(db: Path) -> Path | None:
    folder = runtime_dir()
    if folder is None:
        return None
    name = hashlib.sha256(str(db.resolve()).encode("utf-8")).hexdigest()[:24]
    return folder / f"{name}.key"


def cached_key(db: Path, salt: bytes) -> CipherKey | None:
    file = cache_file(db)
    if file is None:
        return None
    try:
        text = file.read_text("ascii").strip()
        salt_hex, key_hex = text.split(":")
        if bytes.fromhex(salt_hex) != salt:
            return None  # the journal was re-encrypted since: ask again
        return CipherKey(bytes.fromhex(key_hex), salt)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def remember_key(db: Path, key: CipherKey) -> Path:
    """Keep the derived key for this login session (owner-only file, atomically written)."""
    file = cache_file(db)
    if file is None:
        raise StorageError("no per-session runtime folder ($XDG_RUNTIME_DIR) to keep the key in; "
                           "the passphrase will be asked for each command")
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    part = file.with_name(file.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(f"{key.salt.hex()}:{key.key.hex()}\n")
    os.replace(part, file)
    return file


def forget_key(db: Path) -> bool:
    _opened.pop(_where(db), None)
    file = cache_file(db)
    if file is None or not file.exists():
        return False
    file.unlink()
    return True


# -- the encrypted connection ----------------------------------------------------------------

def driver() -> Any:
    try:
        from sqlcipher3 import dbapi2  # the optional extra, only for encrypted journals
    except ImportError:
        raise StorageError(f"encrypted journals need the encryption extra: {INSTALL_HINT}") from None
    return dbapi2


def available() -> bool:
    try:
        driver()
    except StorageError:
        return False
    return True


def _as_stdlib(exc: BaseException) -> BaseException:
    """A sqlcipher3 error as its stdlib twin (same message, same SQLite result code)."""
    name = type(exc).__name__
    twin = getattr(sqlite3, name, sqlite3.Error) if name in _ERRORS else sqlite3.Error
    new = twin(*exc.args)
    for attr in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, attr):
            setattr(new, attr, getattr(exc, attr))
    return new


@cache
def _classes() -> tuple[type, type]:
    """The connection and cursor classes, built once the driver is imported."""
    dbapi2 = driver()
    error = dbapi2.Error

    class EncryptedCursor(dbapi2.Cursor):  # type: ignore[misc,name-defined]
        def execute(self, *args: Any) -> Any:
            try:
                return super().execute(*args)
            except error as exc:
                raise _as_stdlib(exc) from None

        def executemany(self, *args: Any) -> Any:
            try:
                return super().executemany(*args)
            except error as exc:
                raise _as_stdlib(exc) from None

        def executescript(self, *args: Any) -> Any:
            try:
                return super().executescript(*args)
            except error as exc:
                raise _as_stdlib(exc) from None

        def fetchone(self) -> Any:
            try:
                return super().fetchone()
            except error as exc:
                raise _as_stdlib(exc) from None

        def fetchmany(self, *args: Any) -> Any:
            try:
                return super().fetchmany(*args)
            except error as exc:
                raise _as_stdlib(exc) from None

        def fetchall(self) -> Any:
            try:
                return super().fetchall()
            except error as exc:
                raise _as_stdlib(exc) from None

        def __next__(self) -> Any:
            try:
                return super().__next__()
            except error as exc:
                raise _as_stdlib(exc) from None

    class EncryptedConnection(JournalFile, dbapi2.Connection):  # type: ignore[misc,name-defined]
        encrypted = True

        def cursor(self, factory: Any = EncryptedCursor) -> Any:
            return super().cursor(factory)

        def commit(self) -> None:
            try:
                super().commit()
            except error as exc:
                raise _as_stdlib(exc) from None

        def close(self) -> None:
            try:
                super().close()
            except error as exc:
                raise _as_stdlib(exc) from None

    return EncryptedConnection, EncryptedCursor


def connect(path: Path | str, key: CipherKey | None, *, timeout: float, readonly: bool = False,
            immutable: bool = False) -> Any:
    """Open `path` with SQLCipher, keyed (None: a plain file through SQLCipher, for the
    conversions). The key is checked here: a wrong one fails before any statement runs."""
    dbapi2 = driver()
    connection_class, _ = _classes()
    target: str | Path = path
    if readonly:
        target = f"{Path(path).as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"
    try:
        conn = dbapi2.connect(target, uri=readonly, isolation_level=None, timeout=timeout,
                              check_same_thread=False, factory=connection_class)
    except dbapi2.Error as exc:
        raise _as_stdlib(exc) from None
    conn.row_factory = dbapi2.Row
    conn.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher would log to stderr
    if key is not None:
        conn.execute(f"PRAGMA key = {key.pragma_value()}")
    conn.execute("PRAGMA temp_store = MEMORY")  # no temporary file can hold a decrypted page
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        if key is not None and getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise StorageError(WRONG.format(path=path)) from None
        raise
    return conn


def is_encrypted_connection(conn: Any) -> bool:
    return bool(getattr(conn, "encrypted", False))


# -- drafts: sealed with a key of their own, derived from the journal's ----------------------

DRAFT_MAGIC = b"MIRROR-SEALED-DRAFT-1\n"


class DraftSeal:
    """AES-256-GCM for the TUI's draft files of an encrypted journal (a subkey of the
    journal key, so the draft opens only with the journal)."""

    def __init__(self, key: CipherKey) -> None:
        self._key = hmac.new(key.key, b"mirror drafts v1", hashlib.sha256).digest()

    def seal(self, data: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only for drafts

        nonce = os.urandom(12)
        return DRAFT_MAGIC + nonce + AESGCM(self._key).encrypt(nonce, data, DRAFT_MAGIC)

    def open(self, data: bytes) -> bytes:
        """The draft's bytes; ValueError for one that is not sealed with this key."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if not data.startswith(DRAFT_MAGIC):
            raise ValueError("not a sealed draft")
        body = data[len(DRAFT_MAGIC):]
        try:
            return bytes(AESGCM(self._key).decrypt(body[:12], body[12:], DRAFT_MAGIC))
        except InvalidTag:
            raise ValueError("sealed with another key") from None


# -- converting a journal in place: a verified copy first --------------------------------------

CONVERTING_SUFFIX = ".converting"


@dataclass(frozen=True)
class Conversion:
    """What a conversion copied and checked: rows per table and one digest of them all."""

    counts: dict[str, int]
    digest: str


def convert(path: Path, source_key: CipherKey | None, target_key: CipherKey | None) -> Conversion:
    """Rewrite the journal at `path` encrypted with `target_key` (None: plain), reading it
    with `source_key` (None: plain). Safe at every step:

    1. under the journal's write lock, `sqlcipher_export` copies every table into
       `mirror.db.converting` (a leftover from a killed run is removed first);
    2. the copy is synced, reopened with its own key, checked (`quick_check`) and compared
       with the original: the same row counts and the same digest of every row;
    3. only then does the copy replace the original (one rename). Killed before the rename,
       the original is untouched; after it, the converted journal is complete."""
    dbapi2 = driver()
    part = path.with_name(path.name + CONVERTING_SUFFIX)
    _remove(part)
    source = connect(path, source_key, timeout=30.0)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target = "KEY ''" if target_key is None else f"KEY {target_key.pragma_value()}"
        source.execute(f"ATTACH DATABASE ? AS converted {target}", (str(part),))
        source.execute("BEGIN IMMEDIATE")  # writers wait until the journal is swapped
        before = _digest(source, "main")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute("SELECT sqlcipher_export('converted')")
        source.execute(f"PRAGMA converted.user_version = {int(version)}")
        source.execute("COMMIT")
        source.execute("DETACH DATABASE converted")
        _fsync(part)
        after = _verify(part, target_key, dbapi2)
        if after != before:
            raise StorageError(f"the converted copy of {path} did not match the journal; nothing was "
                               "changed")
        # Leaving WAL mode needs the only connection to the file: another Mirror still
        # open on it is named here, before anything is swapped under its feet.
        try:
            source.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError:
            raise StorageError(f"another Mirror process has {path} open; close it and try again "
                               "(nothing was changed)") from None
        source.execute("BEGIN EXCLUSIVE")  # hold off every other process while swapping
        if _digest(source, "main") != before:
            raise StorageError(f"{path} changed during the conversion; nothing was changed: try again")
        os.replace(part, path)
        _fsync_folder(path.parent)
        source.execute("ROLLBACK")
    except BaseException:
        _remove(part)
        raise
    finally:
        source.close()
    return before


def _verify(part: Path, key: CipherKey | None, dbapi2: Any) -> Conversion:
    if key is None:
        conn: Any = sqlite3.connect(part, isolation_level=None)
    else:
        conn = connect(part, key, timeout=30.0)
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if result != "ok":
            raise StorageError(f"the converted copy failed its check ({result}); nothing was changed")
        return _digest(conn, "main")
    finally:
        conn.close()


def _digest(conn: Any, schema: str) -> Conversion:
    """Row counts and a SHA-256 over every row (with its rowid) of every table but the
    full-text index's own (its content is the reflections', checked through its shadow
    tables like any other)."""
    tables = [row[0] for row in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    for table in tables:
        count = 0
        digest.update(f"\x00table {table}\x00".encode())
        try:
            rows = conn.execute(f'SELECT rowid, * FROM {schema}."{table}" ORDER BY rowid')
        except sqlite3.OperationalError:  # WITHOUT ROWID: its primary key orders it
            rows = conn.execute(f'SELECT * FROM {schema}."{table}"')
        for row in rows:
            digest.update(repr(tuple(row)).encode("utf-8"))
            count += 1
        counts[table] = count
    return Conversion(counts, digest.hexdigest())


def _remove(path: Path) -> None:
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                 path.with_name(path.name + "-journal")):
        file.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # no directory handles (Windows): the rename is durable on its own
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def plain_snapshot(conn: Any, dest: str) -> None:
    """A consistent plain copy of an encrypted journal for a bundle (`VACUUM INTO` would
    copy it encrypted, and bundles are SQLite inside a zip or an age file, as always)."""
    conn.execute("ATTACH DATABASE ? AS snapshot KEY ''", (dest,))
    try:
        conn.execute("BEGIN")  # one read transaction: a consistent copy
        try:
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute("SELECT sqlcipher_export('snapshot')")
            conn.execute(f"PRAGMA snapshot.user_version = {int(version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE snapshot")
