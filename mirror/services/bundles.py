"""Bundles in the service layer: export, verify, import (bundles and other journals),
the device key and trusted keys. Each function takes an open `Journal`; the CLI and the
TUI call these (through the thin `Journal` methods) and only parse and print.

The heavy lifting lives elsewhere: `mirror.bundles.export` builds the bundle's members,
`mirror.bundles.importing` verifies and stages a bundle, `mirror.storage.merge` holds
every SQL statement an import runs, inside one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mirror.errors import InvalidInput, NotFound, UsageError

if TYPE_CHECKING:
    from mirror.services.journal import Journal

Progress = Callable[[int, int], None]
FOREIGN_KINDS = ("jrnl", "dayone", "markdown")


# -- export -------------------------------------------------------------------------------

def export_bundle(journal: "Journal", path: str | Path | None = None, passphrase: str | None = None,
                  sign: bool = False, progress: Progress | None = None,
                  overwrite: bool = False) -> dict[str, Any]:
    from mirror.bundles import export, importing

    importing.clean_leftovers(journal.paths.home)
    return export.export_bundle(journal, path, passphrase=passphrase, sign=sign,
                                progress=progress, overwrite=overwrite)


def export_plain(journal: "Journal", path: str | Path | None, fmt: str,
                 progress: Progress | None = None, overwrite: bool = False) -> dict[str, Any]:
    """Markdown (a folder of files that import back) or JSON (one document)."""
    from mirror.bundles import export

    return export.export_plain(journal, path, fmt, progress=progress, overwrite=overwrite)


# -- verify and import ----------------------------------------------------------------------

def verify_bundle(journal: "Journal", path: str | Path, passphrase: str | None = None,
                  require_signature: bool = False) -> dict[str, Any]:
    """Every check an import makes, without touching the journal. Raises `BundleRefused`
    (exit 6) with one line naming the first problem."""
    from mirror.bundles import importing

    importing.clean_leftovers(journal.paths.home)
    with importing.checked_bundle(journal, Path(path), passphrase, require_signature) as checked:
        return checked.report()


def import_bundle(journal: "Journal", path: str | Path, passphrase: str | None = None,
                  dry_run: bool = False, progress: Progress | None = None,
                  require_signature: bool = False) -> dict[str, Any]:
    from mirror.bundles import importing

    importing.clean_leftovers(journal.paths.home)
    return importing.import_bundle(journal, Path(path), passphrase=passphrase, dry_run=dry_run,
                                   progress=progress, require_signature=require_signature)


def import_foreign(journal: "Journal", kind: str, path: str | Path, tz: str | None = None,
                   dry_run: bool = False, progress: Progress | None = None) -> dict[str, Any]:
    """jrnl (text or JSON), Day One (zip or JSON) or a folder of Markdown files."""
    from mirror.bundles import importing

    if kind not in FOREIGN_KINDS:
        raise UsageError(f"--from must be one of: {', '.join(FOREIGN_KINDS)}")
    path = Path(path)
    if not path.exists():
        raise NotFound(f"{path}: no such file or folder")
    return importing.import_foreign(journal, kind, path, tz=tz, dry_run=dry_run, progress=progress)


def imports(journal: "Journal", limit: int = 50) -> list[dict[str, Any]]:
    from mirror.storage import merge

    return merge.imports(journal.store.conn, limit)


# -- keys -----------------------------------------------------------------------------------

def device_key(journal: "Journal") -> dict[str, Any]:
    """This device's signing key (created on first use, mode 0600 in MIRROR_HOME)."""
    from mirror.bundles import crypto

    key = crypto.load_or_create_device_key(journal.paths.home)
    fp = crypto.fingerprint(key)
    return {"public_key": crypto.public_key_text(key), "fingerprint": fp,
            "fingerprint_display": crypto.format_fingerprint(fp),
            "path": str(journal.paths.home / crypto.DEVICE_KEY_FILENAME)}


def trust_add(journal: "Journal", key_text: str, label: str | None = None) -> dict[str, Any]:
    from mirror.bundles import crypto
    from mirror.storage import trust

    lines = [line.split("#", 1)[0].strip() for line in key_text.splitlines()]
    text = key_text.strip() if key_text.strip().startswith("-----BEGIN") else \
        next((line for line in lines if line), "")
    if not text:
        raise InvalidInput("the key file is empty")
    key = crypto.parse_public_key(text)
    row, new = trust.add(journal.store.conn, journal.clock, crypto.fingerprint(key),
                         crypto.public_key_text(key), label)
    return {**_key_row(row), "added": new}


def trust_list(journal: "Journal") -> list[dict[str, Any]]:
    from mirror.storage import trust

    return [_key_row(row) for row in trust.keys(journal.store.conn)]


def trust_remove(journal: "Journal", fingerprint: str) -> dict[str, Any]:
    from mirror.storage import trust

    return _key_row(trust.remove(journal.store.conn, journal.clock, fingerprint))


def _key_row(row: dict[str, Any]) -> dict[str, Any]:
    from mirror.bundles import crypto

    return {"fingerprint": row["fingerprint"], "public_key": row["public_key"],
            "label": row["label"], "added_at": row["added_at"],
            "fingerprint_display": crypto.format_fingerprint(row["fingerprint"])}
