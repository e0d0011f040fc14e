"""The bundle zip: writing one from files, and verifying/extracting one as hostile input.

Writing streams every member in fixed-size chunks, hashing as it copies, so memory stays
flat for a database of any size. Members are written in sorted order with fixed header
values (time stamp = the bundle's created_at, mode 0600, deflate), then MANIFEST.json with
their digests, then MANIFEST.sig when a key is given: the same inputs give the same bytes.

Reading goes through `safezip.SafeZip` (structure, names, bombs, overlaps) with the
bundle's *canonical* rules, then checks the manifest, the signature, the exact member set
and every member's size and SHA-256. Only after all of that has passed does anything leave
the private temporary folder the extraction writes into.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any, BinaryIO

from mirror.bundles import crypto
from mirror.bundles.limits import (
    BUNDLE_LIMITS,
    COPY_CHUNK_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_SIGNATURE_BYTES,
    VERIFY_TIME_LIMIT_SECONDS,
)
from mirror.bundles.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    BundleInfo,
    MemberDigest,
    build_manifest,
    manifest_bytes,
    parse_manifest,
)
from mirror.bundles.safezip import CANONICAL_EXTERNAL_ATTR, STORED, Deadline, SafeZip, check_member_name, show
from mirror.errors import BundleRefused, InvalidInput, StorageError, UntrustedSigner, UsageError

RESERVED_NAMES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})
#: zlib level for deflated members. Measured on the database snapshot (no FTS index) of a
#: generated 100k journal, 167 MB: level 1 -> 42.4 MB in 2.4 s, 3 -> 40.1 MB in 2.9 s,
#: 6 (zlib's default) -> 36.4 MB in 6.3 s; at 10k the same ratios. Level 1 is 16 % larger
#: than 6 for 38 % of the time, and compression was most of an export's time. Any level
#: inflates with the same code at the same speed, so readers are unaffected.
DEFLATE_LEVEL = 1


# -- writing ------------------------------------------------------------------------------

def _zip_info(name: str, info: BundleInfo, size: int) -> zipfile.ZipInfo:
    """Header values are fixed so a bundle's bytes depend only on its content (and so the
    strict reader can demand exactly these values). MANIFEST.json and MANIFEST.sig are
    stored uncompressed: every one of their bytes is then covered by the signature (a
    deflate stream has padding bits that could change without changing the content)."""
    moment = info.created_at.astimezone(UTC)
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute,
             moment.second - moment.second % 2)
    zinfo = zipfile.ZipInfo(name, date_time=stamp)
    zinfo.compress_type = zipfile.ZIP_STORED if name in RESERVED_NAMES else zipfile.ZIP_DEFLATED
    zinfo._compresslevel = DEFLATE_LEVEL  # type: ignore[attr-defined]  # `compress_level` from 3.13
    zinfo.create_system = 3
    zinfo.external_attr = CANONICAL_EXTERNAL_ATTR
    zinfo.file_size = size  # lets zipfile choose zip64 headers up front for huge members
    return zinfo


def _copy_member(out: zipfile.ZipFile, name: str, source: Path, info: BundleInfo) -> MemberDigest:
    digest = hashlib.sha256()
    size = source.stat().st_size
    copied = 0
    with open(source, "rb") as reader, out.open(_zip_info(name, info, size), "w") as writer:
        while chunk := reader.read(COPY_CHUNK_BYTES):
            digest.update(chunk)
            writer.write(chunk)
            copied += len(chunk)
    if copied != size:
        raise StorageError(f"{source} changed while it was being bundled (pass a snapshot)")
    return MemberDigest(name, digest.hexdigest(), copied)


def write_bundle(dest: Path, members: Mapping[str, Path], info: BundleInfo, *,
                 signing_key: Any = None, overwrite: bool = False) -> dict[str, Any]:
    """Write a bundle zip at `dest` holding `members` (bundle path -> file on disk) and
    return its manifest. The zip is built under a temporary name in the same folder and
    renamed into place, so `dest` is either absent or complete. `signing_key` is an
    Ed25519 private key (see `crypto.load_or_create_device_key`)."""
    for name in members:
        problem = check_member_name(name, BUNDLE_LIMITS) or (
            "is reserved for the manifest" if name in RESERVED_NAMES else "")
        if problem or name.endswith("/"):
            raise InvalidInput(f"bundle member {show(name)} {problem or 'is a folder'}")
    if len(members) + 2 > BUNDLE_LIMITS.max_members:
        raise InvalidInput(f"too many bundle members ({len(members)})")
    _check_sizes(members)
    dest = Path(dest)
    if dest.exists() and not overwrite:
        raise InvalidInput(f"{dest} already exists")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.{os.getpid()}-", suffix=".part",
                                    dir=dest.parent)  # export.clean_stale_parts reads the pid
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w+b") as handle:
            manifest = _write_zip(handle, members, info, signing_key)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(dest.parent)
    return manifest


def _check_sizes(members: Mapping[str, Path]) -> None:
    """Mirror never writes a bundle its own reader would refuse: the reader's size limits
    are checked here, before a byte is written (content, however repetitive, is not)."""
    total = 0
    for name, source in members.items():
        size = Path(source).stat().st_size
        if size > BUNDLE_LIMITS.max_member_bytes:
            raise StorageError(f"{name} is {size} bytes, more than a bundle member may hold "
                               f"({BUNDLE_LIMITS.max_member_bytes}); export as Markdown or JSON")
        total += size
    if total > BUNDLE_LIMITS.max_total_bytes:
        raise StorageError(f"the journal is {total} bytes, more than a bundle may hold "
                           f"({BUNDLE_LIMITS.max_total_bytes}); export as Markdown or JSON")


def _write_zip(handle: BinaryIO, members: Mapping[str, Path], info: BundleInfo,
               signing_key: Any) -> dict[str, Any]:
    with zipfile.ZipFile(handle, "w") as out:
        digests = [_copy_member(out, name, Path(members[name]), info) for name in sorted(members)]
        handle.flush()
        archive_sha256 = _digest_prefix(handle, handle.tell())
        signer = crypto.fingerprint(signing_key) if signing_key is not None else None
        manifest = build_manifest(info, digests, archive_sha256, signer)
        data = manifest_bytes(manifest)
        out.writestr(_zip_info(MANIFEST_NAME, info, len(data)), data)
        if signing_key is not None:
            signature = crypto.sign_manifest(signing_key, data)
            out.writestr(_zip_info(SIGNATURE_NAME, info, len(signature)), signature)
    return manifest


def _digest_prefix(handle: BinaryIO, end: int) -> str:
    """SHA-256 of the first `end` bytes written so far (read back without moving the
    position zipfile is writing at)."""
    digest = hashlib.sha256()
    offset = 0
    while offset < end:
        chunk = os.pread(handle.fileno(), min(COPY_CHUNK_BYTES, end - offset), offset)
        if not chunk:
            raise StorageError("the bundle being written was truncated on disk")
        digest.update(chunk)
        offset += len(chunk)
    return digest.hexdigest()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- verifying and extracting -------------------------------------------------------------

@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle that passed every check that does not need the database."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: crypto.SignatureCheck


@dataclass(frozen=True)
class SignaturePolicy:
    """What a signature must look like for a bundle to be accepted.

    Defaults: unsigned bundles are accepted (signing is optional), a valid signature by a
    key the user has not trusted is refused (exit 6, showing its fingerprint so the user
    can decide to trust it), a bad signature is always refused.
    """

    trusted_keys: tuple = ()
    require_signature: bool = False
    allow_untrusted: bool = False


def verify_bundle(path: Path, policy: SignaturePolicy = SignaturePolicy(), *,
                  deadline: Deadline | None = None) -> VerifiedBundle:
    """Verify the bundle zip at `path` completely (every member inflated and hashed)
    without writing anything; raise `BundleRefused` with one clear line otherwise."""
    return _process(Path(path), policy, deadline, None)


class ExtractedBundle:
    """A verified bundle unpacked into a private temporary folder (mode 0700, files
    0600). Use as a context manager, or call `cleanup()`: the folder is removed either way.
    """

    def __init__(self, root: Path, verified: VerifiedBundle) -> None:
        self.root = root
        self.verified = verified

    @property
    def manifest(self) -> dict[str, Any]:
        return self.verified.manifest

    def path(self, member: str) -> Path:
        if member not in {m["path"] for m in self.manifest["members"]}:
            raise KeyError(member)
        return self.root.joinpath(*member.split("/"))

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> ExtractedBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


#: A check on the first bytes of one member and its declared size: returns why the member
#: cannot be what it claims ("" when it can). Run as soon as enough bytes have inflated,
#: so a member that is not what it says costs one chunk of work, not its declared size.
HeadCheck = Callable[[bytes, int], str]
HEAD_BYTES = 100


def extract_bundle(path: Path, work_dir: Path | None = None,
                   policy: SignaturePolicy = SignaturePolicy(), *,
                   deadline: Deadline | None = None,
                   head_checks: Mapping[str, HeadCheck] | None = None) -> ExtractedBundle:
    """Verify and unpack in one streaming pass. `work_dir` should be on the journal's file
    system (so the importer can rename files into place); a refusal removes everything."""
    root = Path(tempfile.mkdtemp(prefix="mirror-bundle-", dir=work_dir))
    try:
        verified = _process(Path(path), policy, deadline, root, head_checks or {})
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return ExtractedBundle(root, verified)


def open_bundle(path: Path, work_dir: Path | None = None,
                policy: SignaturePolicy = SignaturePolicy(), *, passphrase: str | None = None,
                deadline: Deadline | None = None,
                head_checks: Mapping[str, HeadCheck] | None = None) -> ExtractedBundle:
    """`extract_bundle` for a `.zip` or an age-encrypted `.zip.age` alike. The decrypted
    zip only ever exists inside a private temporary folder, removed before returning."""
    path = Path(path)
    if not crypto.is_age_file(path):
        return extract_bundle(path, work_dir, policy, deadline=deadline, head_checks=head_checks)
    if not passphrase:
        raise UsageError(f"{path.name} is encrypted: a passphrase is needed "
                         "(prompt or --passphrase-file)")
    scratch = Path(tempfile.mkdtemp(prefix="mirror-decrypt-", dir=work_dir))
    try:
        plain = scratch / path.name.removesuffix(".age")
        crypto.decrypt_file(path, plain, passphrase)
        return extract_bundle(plain, work_dir, policy, deadline=deadline,
                              head_checks=head_checks)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _process(path: Path, policy: SignaturePolicy, deadline: Deadline | None,
             root: Path | None, head_checks: Mapping[str, HeadCheck] | None = None
             ) -> VerifiedBundle:
    deadline = deadline or Deadline(VERIFY_TIME_LIMIT_SECONDS)
    label = path.name
    with SafeZip(path, BUNDLE_LIMITS, deadline=deadline, label=label) as archive:
        if archive.get(MANIFEST_NAME) is None:
            raise BundleRefused(f"{label}: not a Mirror bundle (no {MANIFEST_NAME})")
        raw_manifest = archive.read_member(MANIFEST_NAME, MAX_MANIFEST_BYTES)
        manifest = parse_manifest(raw_manifest, f"{label}: {MANIFEST_NAME}")
        raw_signature = (archive.read_member(SIGNATURE_NAME, MAX_SIGNATURE_BYTES)
                         if archive.get(SIGNATURE_NAME) else None)
        signature = _check_signature(label, manifest, raw_manifest, raw_signature, policy)
        listed = {member["path"]: member for member in manifest["members"]}
        present = [name for name in archive.names() if name not in RESERVED_NAMES]
        for name in present:
            if name not in listed:
                raise BundleRefused(f"{label}: member {show(name)} is not in the manifest")
        for name in listed:
            if archive.get(name) is None:
                raise BundleRefused(f"{label}: member {show(name)} is listed in the manifest "
                                    "but missing")
        _check_layout(archive, label)
        for name in present:  # every declared size, before any member is inflated
            _check_declared_size(archive, name, listed[name], label)
        if root is not None:
            _check_room(root, sum(listed[name]["size"] for name in present))
        for name in present:
            _check_member(archive, name, listed[name], root, label,
                          (head_checks or {}).get(name))
        manifest_entry = archive.get(MANIFEST_NAME)
        assert manifest_entry is not None
        if archive.raw_digest(0, manifest_entry.header_offset) != manifest["archive_sha256"]:
            raise BundleRefused(f"{label}: the archive's bytes do not match its manifest "
                                "(altered or damaged)")
    return VerifiedBundle(manifest, raw_manifest, signature)


def _check_layout(archive: SafeZip, label: str) -> None:
    """The order and compression the writer uses: sorted deflated members, then the stored
    manifest, then the stored signature. Anything else was not written by Mirror."""
    names = archive.names()
    members = [n for n in names if n not in RESERVED_NAMES]
    expected = sorted(members) + [n for n in (MANIFEST_NAME, SIGNATURE_NAME) if n in names]
    if names != expected:
        raise BundleRefused(f"{label}: members are not in the order Mirror writes them "
                            "(altered bundle)")
    for entry in archive.entries:
        if (entry.method == STORED) != (entry.name in RESERVED_NAMES):
            raise BundleRefused(f"{label}: member {show(entry.name)} is not compressed the "
                                "way Mirror writes it (altered bundle)")


def _check_signature(label: str, manifest: dict[str, Any], raw_manifest: bytes,
                     raw_signature: bytes | None, policy: SignaturePolicy) -> crypto.SignatureCheck:
    declared = manifest.get("signing")
    if declared and raw_signature is None:
        raise BundleRefused(f"{label}: the manifest says the bundle is signed but "
                            f"{SIGNATURE_NAME} is missing (signature removed?)")
    result = crypto.check_signature(raw_signature, raw_manifest, policy.trusted_keys,
                                    f"{label}: {SIGNATURE_NAME}")
    if result.status != "unsigned" and (
            not declared or declared["public_key_fingerprint"] != result.fingerprint):
        raise BundleRefused(f"{label}: {SIGNATURE_NAME} was made by a key the manifest does "
                            "not name (signature replaced?)")
    if result.status == "unsigned" and policy.require_signature:
        raise BundleRefused(f"{label}: the bundle is not signed, and a signature is required")
    if result.status == "untrusted" and not policy.allow_untrusted:
        raise UntrustedSigner(f"{label}: signed by an untrusted key "
                              f"({crypto.format_fingerprint(result.fingerprint or '')})",
                              result.fingerprint or "")
    return result


def _check_room(root: Path, needed: int) -> None:
    """Unpacking needs the declared sizes on disk: say so before writing, not when the
    disk is full halfway (the declared sizes are already capped by `BUNDLE_LIMITS`)."""
    free = shutil.disk_usage(root).free
    if needed + COPY_CHUNK_BYTES > free:
        raise StorageError(f"unpacking the bundle needs {needed} bytes; only {free} are free "
                           f"on the disk holding {root.parent}")


def _check_declared_size(archive: SafeZip, name: str, listed: Mapping[str, Any],
                         label: str) -> None:
    """The zip header and the manifest must declare the same size: the manifest (signed,
    when the bundle is) is the budget each member's inflation is held to."""
    entry = archive.get(name)
    assert entry is not None
    if entry.size != listed["size"]:
        raise BundleRefused(f"{label}: member {show(name)} is {entry.size} bytes, the "
                            f"manifest says {listed['size']}")


def _check_member(archive: SafeZip, name: str, listed: Mapping[str, Any], root: Path | None,
                  label: str, head_check: HeadCheck | None = None) -> None:
    _check_declared_size(archive, name, listed, label)
    entry = archive.get(name)
    assert entry is not None
    digest = hashlib.sha256()
    head = b""
    with _sink(root, name) as out:
        for chunk in archive.iter_member(entry):
            if head_check is not None and len(head) < HEAD_BYTES:
                head += chunk[:HEAD_BYTES - len(head)]
                if len(head) == min(HEAD_BYTES, entry.size):
                    problem = head_check(head, entry.size)
                    if problem:
                        raise BundleRefused(f"{label}: {name}: {problem}")
            digest.update(chunk)
            if out is not None:
                out.write(chunk)
    if digest.hexdigest() != listed["sha256"]:
        raise BundleRefused(f"{label}: member {show(name)} does not match its SHA-256 in the "
                            "manifest (altered or damaged)")


class _sink:
    """Where an extracted member goes: a new 0600 file under `root`, never following a
    link and never replacing anything, or nowhere when only verifying."""

    def __init__(self, root: Path | None, name: str) -> None:
        self._root, self._name, self._handle = root, name, None

    def __enter__(self) -> BinaryIO | None:
        if self._root is None:
            return None
        target = self._root.joinpath(*self._name.split("/"))
        if os.path.commonpath([self._root, target]) != str(self._root):
            raise BundleRefused(f"member {show(self._name)} would be written outside the "
                                "extraction folder")
        current = self._root
        for part in self._name.split("/")[:-1]:
            current = current / part
            if not current.is_dir():
                os.mkdir(current, 0o700)
            if not stat.S_ISDIR(os.lstat(current).st_mode):
                raise BundleRefused(f"member {show(self._name)} has an unsafe parent folder")
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                     | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
        self._handle = os.fdopen(fd, "wb")
        return self._handle

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()


def trusted_keys_from_text(lines: Iterable[str]) -> tuple:
    """Parse trusted public keys (one per line, '#' comments allowed), for the policy."""
    return tuple(crypto.parse_public_key(line) for line in
                 (raw.split("#", 1)[0].strip() for raw in lines) if line)
