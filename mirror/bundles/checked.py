"""A bundle checked completely before anything reads it: `checked_bundle` unpacks and
verifies a bundle in a private work folder and hands over a `CheckedBundle`, or refuses it
(`BundleRefused`, exit 6) with one line naming the first problem. Nothing here touches the
live journal: importing is `mirror.services.bundles`, in these steps (the journal is
written only in the last):

1. `container.open_bundle`: decrypt (age) if needed, then the zip as hostile input, the
   manifest, the signature against *this journal's* trusted keys, every member's SHA-256;
   everything is unpacked into a private folder under MIRROR_HOME/tmp.
2. `foreign.check_foreign_database`: the bundled mirror.db opened read-only/immutable with
   `trusted_schema=OFF` under a time limit, compared with the exact schema Mirror's own
   migrations produce for its version (less the full-text index from bundle format 2 on),
   integrity-checked; its row counts against the manifest (`manifest.check_counts`).
3. `foreign.stage_for_import`: an older schema is migrated — on that private copy only
   (its full-text index restored and rebuilt first when the bundle left it out).
4. (`services.bundles.import_bundle`) One `BEGIN IMMEDIATE` transaction on the live
   journal, with the staged copy ATTACHed:
   `storage.merge.merge_attached`, re-derivation of patterns, tensions and care markers
   for every reflection whose text is new here, the import record and audit entries. A
   crash or kill at any moment before COMMIT leaves the journal exactly as it was.

Leftover work folders (a killed import or export) are removed by the next bundle command
(`clean_leftovers`): each folder's name carries its process ID, and only folders whose
process is gone are removed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mirror import constitution
from mirror.bundles import crypto
from mirror.bundles.container import ExtractedBundle, SignaturePolicy, open_bundle
from mirror.bundles.jsonio import StrictJSONError, strict_loads
from mirror.bundles.manifest import carries_fts, check_counts
from mirror.errors import BundleRefused, NotFound
from mirror.models.bundles import BundleCheck, BundleSignature
from mirror.storage import migrations
from mirror.storage.foreign import ForeignReport, check_foreign_database, database_head_problem

TMP_FOLDER = "tmp"
_WORK_NAME = re.compile(r"^(export|import|verify)-(\d+)-[A-Za-z0-9_]+$")
#: What a bundle may contain besides MANIFEST.json/.sig.
REQUIRED_MEMBERS = ("mirror.db", "config.json")
MAX_CONFIG_BYTES = 256 * 1024


# -- work folders -----------------------------------------------------------------------------

@contextlib.contextmanager
def work_area(home: Path, purpose: str) -> Iterator[Path]:
    """A private folder (0700) under MIRROR_HOME/tmp, removed afterwards. Kept on the
    journal's file system so staged files never cross devices."""
    root = Path(home) / TMP_FOLDER
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f"{purpose}-{os.getpid()}-", dir=root))
    except OSError:  # a read-only journal (mount, snapshot) can still be exported
        folder = Path(tempfile.mkdtemp(prefix=f"mirror-{purpose}-{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def clean_leftovers(home: Path) -> list[str]:
    """Remove work folders left by a killed export/import (their process is gone)."""
    root = Path(home) / TMP_FOLDER
    removed: list[str] = []
    if not root.is_dir():
        return removed
    for entry in root.iterdir():
        match = _WORK_NAME.match(entry.name)
        if match is None or _alive(int(match.group(2))):
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except OSError as exc:
        return exc.errno == errno.EPERM
    return True


# -- verification -----------------------------------------------------------------------------

@dataclass
class CheckedBundle:
    """A bundle that passed every check, unpacked in a private work folder."""

    path: Path
    extracted: ExtractedBundle
    database: ForeignReport
    config: dict[str, Any]
    encrypted: bool
    work: Path

    @property
    def manifest(self) -> dict[str, Any]:
        return self.extracted.manifest

    def constitution_files(self) -> dict[str, str]:
        return {m["path"].removeprefix("constitution/"): m["sha256"]
                for m in self.manifest["members"] if m["path"].startswith("constitution/")}

    def report(self) -> BundleCheck:
        m = self.manifest
        signature = self.extracted.verified.signature
        return BundleCheck(
            path=str(self.path), bundle_id=m["bundle_id"], created_at=m["created_at"],
            app_version=m["app_version"], format_version=m["format_version"],
            schema_version=m["schema_version"],
            needs_migration=m["schema_version"] < migrations.latest_version(),
            encrypted=self.encrypted,
            signature=BundleSignature(signature.status, signature.fingerprint),
            audit_head=m["audit_head"], constitution_version=m["constitution_version"],
            constitution_matches_ours=m["constitution_version"] == constitution.version(),
            counts=dict(m["counts"]), members=len(m["members"]),
            database_bytes=self.database.size)

    def manifest_sha256(self) -> str:
        return hashlib.sha256(self.extracted.verified.manifest_bytes).hexdigest()


@contextlib.contextmanager
def checked_bundle(home: Path, path: Path, passphrase: str | None, trusted_keys: tuple[str, ...],
                   require_signature: bool, purpose: str = "verify") -> Iterator[CheckedBundle]:
    """Unpack and check `path` in a work folder under `home`; signatures are checked
    against `trusted_keys` (public key texts)."""
    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    label = path.name
    policy = SignaturePolicy(trusted_keys=trusted_keys, require_signature=require_signature)
    with work_area(home, purpose) as work:
        encrypted = crypto.is_age_file(path)
        with open_bundle(path, work, policy, passphrase=passphrase,
                         head_checks={"mirror.db": database_head_problem}) as extracted:
            manifest = extracted.manifest
            names = [m["path"] for m in manifest["members"]]
            for required in REQUIRED_MEMBERS:
                if required not in names:
                    raise BundleRefused(f"{label}: no {required} in the bundle")
            strays = [n for n in names if n not in REQUIRED_MEMBERS
                      and not n.startswith("constitution/")]
            if strays:
                raise BundleRefused(f"{label}: unexpected member {strays[0]!r} (not written "
                                    "by Mirror)")
            if manifest["schema_version"] > migrations.latest_version():
                raise BundleRefused(
                    f"{label}: the bundle is from a newer Mirror (schema version "
                    f"{manifest['schema_version']}; this Mirror knows "
                    f"{migrations.latest_version()}): upgrade Mirror to import it")
            config_path = extracted.path("config.json")
            if config_path.stat().st_size > MAX_CONFIG_BYTES:
                raise BundleRefused(f"{label}: config.json is too large")
            try:
                config = strict_loads(config_path.read_bytes())
            except StrictJSONError as err:
                raise BundleRefused(f"{label}: config.json is not valid JSON ({err})") from None
            if not isinstance(config, dict):
                raise BundleRefused(f"{label}: config.json is not a JSON object")
            report = check_foreign_database(extracted.path("mirror.db"), f"{label}: mirror.db",
                                            claimed_version=manifest["schema_version"],
                                            with_fts=carries_fts(manifest))
            check_counts(manifest, report.counts, f"{label}: MANIFEST.json")
            yield CheckedBundle(path, extracted, report, config, encrypted, work)
