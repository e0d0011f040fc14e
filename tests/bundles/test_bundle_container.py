"""Bundle zips: Mirror's writer round-trips, and every known zip attack is refused with a
message naming the problem. Attack files are generated here, byte by byte."""

from __future__ import annotations

import hashlib
import io
import os
import random
import stat
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.bundles import crypto
from mirror.bundles.container import SignaturePolicy, extract_bundle, verify_bundle, write_bundle
from mirror.bundles.limits import BUNDLE_LIMITS, DAYONE_LIMITS
from mirror.bundles.manifest import FORMAT_VERSION, MANIFEST_NAME, SIGNATURE_NAME, check_counts
from mirror.bundles.safezip import Deadline, SafeZip
from mirror.errors import BundleRefused, InvalidInput
from tests.bundles.kit import (
    FILES,
    INFO,
    Raw,
    build_zip,
    bundle_members,
    deflate,
    make_bundle,
    stored_deflate_block,
    with_member,
)

KIT = dict(derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                     HealthCheck.function_scoped_fixture])


def refused(path: Path, *fragments: str, policy: SignaturePolicy = SignaturePolicy()) -> str:
    with pytest.raises(BundleRefused) as caught:
        verify_bundle(path, policy)
    message = str(caught.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def write(tmp_path: Path, data: bytes, name: str = "evil.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- the writer ---------------------------------------------------------------------------

def test_round_trip_extracts_identical_files_privately(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    with extract_bundle(bundle, work) as extracted:
        for name, data in FILES.items():
            assert extracted.path(name).read_bytes() == data
            assert stat.S_IMODE(extracted.path(name).stat().st_mode) == 0o600
        assert stat.S_IMODE(extracted.root.stat().st_mode) == 0o700
        assert extracted.manifest["counts"] == {"reflections": 2, "tags": 1}
        assert extracted.verified.signature.status == "unsigned"
        root = extracted.root
    assert not root.exists()


def test_manifest_lists_every_member_with_its_hash(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    manifest = verify_bundle(bundle).manifest
    assert [m["path"] for m in manifest["members"]] == sorted(FILES)
    for member in manifest["members"]:
        data = FILES[member["path"]]
        assert member == {"path": member["path"], "size": len(data),
                          "sha256": hashlib.sha256(data).hexdigest()}
    with zipfile.ZipFile(bundle) as plain:  # the stock reader agrees: no lock-in
        assert plain.testzip() is None
        assert plain.namelist() == sorted(FILES) + [MANIFEST_NAME]


def test_same_inputs_give_identical_bytes(tmp_path: Path) -> None:
    first = make_bundle(tmp_path / "a")
    second = make_bundle(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()


def test_streams_a_large_member_in_chunks(tmp_path: Path) -> None:
    big = random.Random(7).randbytes(5 * 1024 * 1024)  # 5 MiB through 1 MiB chunks
    bundle = make_bundle(tmp_path, {"mirror.db": big})
    with extract_bundle(bundle, tmp_path) as extracted:
        assert extracted.path("mirror.db").read_bytes() == big


def test_writer_refuses_bad_member_names_and_keeps_existing_files(tmp_path: Path) -> None:
    source = tmp_path / "x"
    source.write_bytes(b"x")
    for name in ["../x", "MANIFEST.json", "a\\b", "dir/"]:
        with pytest.raises(InvalidInput):
            write_bundle(tmp_path / "b.zip", {name: source}, INFO)
    existing = tmp_path / "keep.zip"
    existing.write_bytes(b"precious")
    with pytest.raises(InvalidInput, match="already exists"):
        write_bundle(existing, {"a": source}, INFO)
    assert existing.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.zip", "x"]


def test_raw_kit_builds_a_bundle_that_verifies(tmp_path: Path) -> None:
    """Positive control: the attack files below differ from this only in what they break."""
    verify_bundle(write(tmp_path, build_zip(bundle_members())))
    key = crypto.load_or_create_device_key(tmp_path / "keys")
    signed = write(tmp_path, build_zip(bundle_members(signing_key=key)), "signed.zip")
    assert verify_bundle(signed, SignaturePolicy(trusted_keys=(key,))).signature.status == "trusted"


# -- names --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, problem", [
    ("../evil", "path traversal"),
    ("config/../../evil", "path traversal"),
    ("..", "path traversal"),
    ("/etc/passwd", "absolute path"),
    ("C:/Windows/evil", "drive letter"),
    ("c:evil", "drive letter"),
    ("..\\..\\evil", "backslash"),
    ("a\\b", "backslash"),
    ("a/./b", "'.' path component"),
    ("a//b", "empty or '.'"),
    ("evil\x00.txt", "U+0000"),
    ("line\nbreak", "U+000A"),
    ("\u202egnp.exe", "U+202E"),           # right-to-left override
    ("zero\u200bwidth", "U+200B"),
    ("\uff0e\uff0e/evil", "look-alike"),    # fullwidth full stops fold to '..'
    ("..\uff0fevil", "look-alike"),         # fullwidth solidus folds to '/'
    ("\u2024\u2024/evil", "look-alike"),    # one-dot leaders fold to '..'
    ("cafe\u0301.md", "NFC"),
    ("CON", "reserved device name"),
    ("nul.txt", "reserved device name"),
    ("trailing.", "ending with a dot"),
    ("x" * 300, "longer than 255 bytes"),
    ("/".join("d" * 9), "deeper than 8"),
])
def test_hostile_member_names_are_refused(tmp_path: Path, name: str, problem: str) -> None:
    members = bundle_members() + [Raw(name, b"payload")]
    refused(write(tmp_path, build_zip(members)), "member", problem)


def test_name_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    members = bundle_members() + [Raw(b"caf\xe9.txt", b"latin-1 name")]
    refused(write(tmp_path, build_zip(members)), "not valid UTF-8")


def test_non_ascii_name_without_utf8_flag_is_refused_in_bundles(tmp_path: Path) -> None:
    members = bundle_members() + [Raw("caf\u00e9.txt", b"x", flags=0)]
    refused(write(tmp_path, build_zip(members)), "without the UTF-8 flag")


def test_local_header_with_another_name_is_refused(tmp_path: Path) -> None:
    members = with_member(bundle_members(), "config.json", local_name=b"../../.bashrc")
    refused(write(tmp_path, build_zip(members)), "different name in its local header")


@pytest.mark.parametrize("first, second, hint", [
    ("notes.txt", "notes.txt", ""),
    ("notes.txt", "Notes.TXT", "ignoring case"),
    ("\ufb01le.txt", "file.txt", "Unicode normalisation"),  # 'fi' ligature
])
def test_duplicate_names_are_refused(tmp_path: Path, first: str, second: str, hint: str) -> None:
    members = bundle_members() + [Raw(first, b"one"), Raw(second, b"two")]
    refused(write(tmp_path, build_zip(members)), "duplicate member name", hint)


def test_file_and_folder_with_the_same_name_are_refused(tmp_path: Path) -> None:
    members = bundle_members() + [Raw("notes", b"a"), Raw("notes/inner", b"b")]
    refused(write(tmp_path, build_zip(members)), "both a file and a folder")


def test_folder_entries_are_refused_in_bundles(tmp_path: Path) -> None:
    folder = Raw("constitution/", b"", external_attr=(stat.S_IFDIR | 0o700) << 16)
    refused(write(tmp_path, build_zip(bundle_members() + [folder])), "folder entry")


# -- file types ---------------------------------------------------------------------------

@pytest.mark.parametrize("mode, problem", [
    (stat.S_IFLNK | 0o777, "symbolic link"),
    (stat.S_IFCHR | 0o600, "special file"),
    (stat.S_IFBLK | 0o600, "special file"),
    (stat.S_IFIFO | 0o600, "special file"),
    (stat.S_IFSOCK | 0o600, "special file"),
])
def test_symlinks_and_special_files_are_refused(tmp_path: Path, mode: int, problem: str) -> None:
    members = with_member(bundle_members(), "config.json", external_attr=mode << 16)
    refused(write(tmp_path, build_zip(members)), "'config.json'", problem)


def test_windows_reparse_point_is_refused_as_a_link(tmp_path: Path) -> None:
    members = [Raw("link", b"target", made_by=0x0A14, external_attr=0x400)]
    with pytest.raises(BundleRefused, match="symbolic link"):
        SafeZip(write(tmp_path, build_zip(members)), DAYONE_LIMITS)


# -- bombs --------------------------------------------------------------------------------

def test_unlisted_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    """No ratio is refused (a repetitive journal compresses at 200:1 and more, see
    test_bundle_bombs.py): a member the manifest does not budget for is never inflated."""
    zeros = bytes(20 * 1024 * 1024)
    members = bundle_members() + [Raw("bomb.bin", zeros)]
    refused(write(tmp_path, build_zip(members)), "'bomb.bin'", "is not in the manifest")


def test_lying_declared_size_is_caught_while_inflating(tmp_path: Path) -> None:
    """The header says 64 bytes; the stream inflates to 20 MiB. Output stops at the cap."""
    real = bytes(20 * 1024 * 1024)
    files = {**FILES, "small.bin": bytes(64)}
    members = with_member(bundle_members(files), "small.bin", compressed=deflate(real),
                          crc=zlib.crc32(bytes(64)))
    refused(write(tmp_path, build_zip(members)), "'small.bin'", "beyond its declared size")


def test_total_size_limit(tmp_path: Path) -> None:
    limits = BUNDLE_LIMITS.__class__(**{**BUNDLE_LIMITS.__dict__, "max_total_bytes": 10_000,
                                         "max_member_bytes": 8_000})
    members = [Raw(f"part{i}", os.urandom(4_000)) for i in range(3)]
    with pytest.raises(BundleRefused, match="in total"):
        SafeZip(write(tmp_path, build_zip(members)), limits)
    with pytest.raises(BundleRefused, match="per-member limit"):
        SafeZip(write(tmp_path, build_zip([Raw("big", os.urandom(9_000))]), "b.zip"), limits)


def test_overlapping_entries_are_refused(tmp_path: Path) -> None:
    """The classic overlapping-file bomb: a second member's local header and data live
    inside the first member's compressed data (a deflate *stored* block holds them
    verbatim), so one kernel of data is inflated again and again."""
    inner = Raw("inner.bin", b"kernel" * 100)
    outer_payload = stored_deflate_block(inner.local_header() + inner.payload())
    outer = Raw("outer.bin", outer_payload[5:], compressed=outer_payload)
    members = bundle_members() + [outer, inner]
    before = sum(len(m.local_header() + m.payload()) for m in members[:-2])
    inner.offset = before + 30 + len("outer.bin") + 5
    # keep the inner entry in the central directory only (it is already inside outer)
    data = build_zip(members[:-1], shared=[(len(members) - 2, inner)])
    refused(write(tmp_path, data), "overlapping members", "'outer.bin'", "'inner.bin'")


def test_two_entries_sharing_one_local_header_are_refused(tmp_path: Path) -> None:
    members = bundle_members()
    copy = Raw("copy.bin", members[0].data)
    refused(write(tmp_path, build_zip(members, shared=[(0, copy)])), "'copy.bin'",
            "local header")


def test_overlap_is_refused_in_foreign_zips_too(tmp_path: Path) -> None:
    inner = Raw("inner.json", b"{}", method=0)
    outer = Raw("outer.json", inner.local_header() + inner.payload(), method=0)
    inner.offset = 30 + len("outer.json")
    data = build_zip([outer], shared=[(0, inner)])
    with pytest.raises(BundleRefused, match="overlapping members"):
        SafeZip(write(tmp_path, data), DAYONE_LIMITS)


def test_absurd_member_count_is_refused(tmp_path: Path) -> None:
    refused(write(tmp_path, build_zip(bundle_members(), eocd_count=60_000)),
            "declares 60000 members", "limit of 1000")


# -- structure ----------------------------------------------------------------------------

@pytest.mark.parametrize("method", [1, 6, 12, 14, 93, 95])
def test_unsupported_compression_methods_are_refused(tmp_path: Path, method: int) -> None:
    members = with_member(bundle_members(), "config.json", method=method)
    refused(write(tmp_path, build_zip(members)), f"unsupported compression method {method}")


@pytest.mark.parametrize("changes", [{"flags": 0x1}, {"flags": 0x41}, {"method": 99}])
def test_encrypted_entries_are_refused(tmp_path: Path, changes: dict) -> None:
    members = with_member(bundle_members(), "config.json", **changes)
    refused(write(tmp_path, build_zip(members)), "'config.json'", "encrypted")


@pytest.mark.parametrize("cut", [1, 10, 22, 60, 200])
def test_truncated_files_are_refused(tmp_path: Path, cut: int) -> None:
    data = build_zip(bundle_members())
    refused(write(tmp_path, data[:-cut]), "truncated")


def test_truncated_central_directory_is_refused(tmp_path: Path) -> None:
    data = build_zip(bundle_members())
    eocd = data[-22:]
    cd_offset = struct.unpack("<L", eocd[16:20])[0]
    damaged = data[:cd_offset + 30] + eocd  # directory cut short, end record intact
    refused(write(tmp_path, damaged), "truncated")


def test_truncated_compressed_stream_is_refused(tmp_path: Path) -> None:
    full = deflate(FILES["mirror.db"])
    members = with_member(bundle_members(), "mirror.db", compressed=full[: len(full) // 2])
    refused(write(tmp_path, build_zip(members)), "'mirror.db'")


def test_damaged_member_data_fails_crc_or_inflate(tmp_path: Path) -> None:
    data = FILES["config.json"]
    members = with_member(bundle_members(), "config.json", method=8,
                          compressed=deflate(data.replace(b"offline", b"anthrop")))
    refused(write(tmp_path, build_zip(members)), "'config.json'", "CRC")


def test_prepended_data_and_comments_are_refused(tmp_path: Path) -> None:
    """Self-extractor style: data glued before the zip, with or without fixed offsets."""
    refused(write(tmp_path, b"#!/bin/sh\n" + build_zip(bundle_members())), "spliced")
    refused(write(tmp_path, build_zip(bundle_members(), prefix=b"#!/bin/sh\n"), "p.zip"),
            "unexplained bytes")
    refused(write(tmp_path, build_zip(bundle_members(), comment=b"hi"), "c.zip"), "comment")


def test_member_order_and_compression_are_those_mirror_writes(tmp_path: Path) -> None:
    members = bundle_members()
    refused(write(tmp_path, build_zip([members[1], members[0], *members[2:]])), "order")
    stored = with_member(members, "config.json", method=0)
    refused(write(tmp_path, build_zip(stored), "s.zip"), "'config.json'", "compressed")


def test_archive_digest_covers_bytes_that_do_not_change_content(tmp_path: Path) -> None:
    """Same content, different compressed bytes (another deflate level): refused."""
    members = bundle_members()
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    other = packer.compress(FILES["mirror.db"]) + packer.flush()
    assert other != deflate(FILES["mirror.db"])
    members = with_member(members, "mirror.db", compressed=other)
    refused(write(tmp_path, build_zip(members)), "archive's bytes do not match")


def test_not_a_zip_at_all(tmp_path: Path) -> None:
    refused(write(tmp_path, b"just some text, no zip here " * 10), "not a zip file")
    refused(write(tmp_path, b"", "empty.zip"), "not a zip file")


# -- manifest and members -----------------------------------------------------------------

def test_missing_manifest(tmp_path: Path) -> None:
    refused(write(tmp_path, build_zip([Raw(n, d) for n, d in FILES.items()])),
            "no MANIFEST.json")


def test_member_not_in_manifest(tmp_path: Path) -> None:
    members = bundle_members() + [Raw("smuggled.sh", b"rm -rf ~")]
    refused(write(tmp_path, build_zip(members)), "'smuggled.sh' is not in the manifest")


def test_member_missing_from_zip(tmp_path: Path) -> None:
    members = [m for m in bundle_members() if m.name != "config.json"]
    refused(write(tmp_path, build_zip(members)), "'config.json' is listed", "missing")


def test_checksum_mismatch(tmp_path: Path) -> None:
    altered = {**FILES, "config.json": b'{"engine": "remote"}\n'}
    claimed = {**FILES, "config.json": b'{"engine": "remotX"}\n'}  # same size, other hash
    members = bundle_members(altered, manifest_files=claimed)
    refused(write(tmp_path, build_zip(members)), "'config.json'", "SHA-256")


def test_size_mismatch(tmp_path: Path) -> None:
    members = bundle_members({**FILES, "config.json": b"{}"},
                             manifest_files={**FILES, "config.json": b"{ }"})
    refused(write(tmp_path, build_zip(members)), "'config.json' is 2 bytes", "says 3")


@pytest.mark.parametrize("edit, problem", [
    (lambda m: m.update(format_version=FORMAT_VERSION + 1), "newer than this Mirror"),
    (lambda m: m.update(unexpected="field"), "invalid manifest"),
    (lambda m: m.pop("counts"), "invalid manifest"),
    (lambda m: m["members"].append(dict(m["members"][0])), "lists a member twice"),
])
def test_invalid_manifests_are_refused(tmp_path: Path, edit, problem: str) -> None:
    members = bundle_members(manifest_edit=edit)
    refused(write(tmp_path, build_zip(members)), problem)


def test_manifest_that_is_not_json(tmp_path: Path) -> None:
    members = with_member(bundle_members(), MANIFEST_NAME, data=b'{"a": 1, "a": 2}')
    refused(write(tmp_path, build_zip(members)), "duplicate key")


def test_counts_hook_catches_a_lying_manifest(tmp_path: Path) -> None:
    manifest = verify_bundle(make_bundle(tmp_path)).manifest
    check_counts(manifest, {"reflections": 2, "tags": 1})
    with pytest.raises(BundleRefused, match="says 2 rows in 'reflections', the database holds 3"):
        check_counts(manifest, {"reflections": 3, "tags": 1})
    with pytest.raises(BundleRefused, match="no such table"):
        check_counts(manifest, {"reflections": 2})


def test_refused_extraction_leaves_nothing_behind(tmp_path: Path) -> None:
    altered = bundle_members(manifest_files={**FILES, "mirror.db": b"other"})
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(BundleRefused):
        extract_bundle(write(tmp_path, build_zip(altered)), work)
    assert list(work.iterdir()) == []


def test_time_limit(tmp_path: Path) -> None:
    ticks = iter(range(0, 10_000, 100))
    deadline = Deadline(50, clock=lambda: next(ticks))
    with pytest.raises(BundleRefused, match="longer than the 50 s limit"):
        verify_bundle(make_bundle(tmp_path), deadline=deadline)


# -- tampering ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def signed_bundle(tmp_path_factory) -> tuple[bytes, object]:
    folder = tmp_path_factory.mktemp("signed")
    key = crypto.load_or_create_device_key(folder / "keys")
    return make_bundle(folder, signing_key=key).read_bytes(), key


@settings(max_examples=400, **KIT)
@given(data=st.data())
def test_flipping_any_byte_of_a_signed_bundle_is_detected(tmp_path: Path, signed_bundle,
                                                          data) -> None:
    original, key = signed_bundle
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    mask = data.draw(st.integers(1, 255), label="mask")
    tampered = bytearray(original)
    tampered[position] ^= mask
    path = tmp_path / "tampered.zip"
    path.write_bytes(bytes(tampered))
    with pytest.raises(BundleRefused):
        verify_bundle(path, SignaturePolicy(trusted_keys=(key,)))


def test_every_byte_position_inverted_is_detected(tmp_path: Path, signed_bundle) -> None:
    """Exhaustive companion of the property above: every single position."""
    original, key = signed_bundle
    path = tmp_path / "tampered.zip"
    policy = SignaturePolicy(trusted_keys=(key,))
    verify_bundle(_put(path, original), policy)
    undetected = []
    for position in range(len(original)):
        tampered = bytearray(original)
        tampered[position] ^= 0xFF
        try:
            verify_bundle(_put(path, bytes(tampered)), policy)
        except BundleRefused:
            continue
        undetected.append(position)
    assert undetected == []


def _put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_signed_bundle_policy(tmp_path: Path) -> None:
    key = crypto.load_or_create_device_key(tmp_path / "keys")
    other = crypto.load_or_create_device_key(tmp_path / "other")
    bundle = make_bundle(tmp_path, signing_key=key)
    assert verify_bundle(bundle, SignaturePolicy(trusted_keys=(crypto.public_key_text(key),))
                         ).signature.status == "trusted"
    message = refused(bundle, "untrusted key", policy=SignaturePolicy(trusted_keys=(other,)))
    assert crypto.format_fingerprint(crypto.fingerprint(key)) in message
    result = verify_bundle(bundle, SignaturePolicy(allow_untrusted=True))
    assert (result.signature.status, result.signature.fingerprint) == ("untrusted",
                                                                       crypto.fingerprint(key))
    unsigned = make_bundle(tmp_path, name="unsigned.zip")
    assert verify_bundle(unsigned).signature.status == "unsigned"
    refused(unsigned, "not signed", policy=SignaturePolicy(require_signature=True))


def test_stripped_signature_is_refused(tmp_path: Path) -> None:
    key = crypto.load_or_create_device_key(tmp_path / "keys")
    members = [m for m in bundle_members(signing_key=key) if m.name != SIGNATURE_NAME]
    refused(write(tmp_path, build_zip(members)), "MANIFEST.sig is missing")


def test_bad_signature_is_refused(tmp_path: Path) -> None:
    key = crypto.load_or_create_device_key(tmp_path / "keys")
    members = bundle_members(signing_key=key)
    wrong = crypto.sign_manifest(key, members[-2].data + b" ")  # signs other bytes
    members = with_member(members, SIGNATURE_NAME, data=wrong)
    refused(write(tmp_path, build_zip(members)), "bad signature",
            policy=SignaturePolicy(trusted_keys=(key,)))


def test_signature_replaced_by_another_key_is_refused(tmp_path: Path) -> None:
    key = crypto.load_or_create_device_key(tmp_path / "keys")
    thief = crypto.load_or_create_device_key(tmp_path / "thief")
    members = bundle_members(signing_key=key)
    resigned = crypto.sign_manifest(thief, members[-2].data)
    members = with_member(members, SIGNATURE_NAME, data=resigned)
    refused(write(tmp_path, build_zip(members)), "key the manifest does not name",
            policy=SignaturePolicy(trusted_keys=(thief,)))


def test_zip64_archives_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Databases over 4 GiB need zip64 sizes, offsets and end records. Lowering zipfile's
    thresholds makes it write all of them for a small bundle, which must still verify."""
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 100)
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 2)
    bundle = make_bundle(tmp_path)
    raw = bundle.read_bytes()
    assert b"PK\x06\x06" in raw and b"PK\x06\x07" in raw  # zip64 end record and locator
    monkeypatch.undo()
    with extract_bundle(bundle, tmp_path) as extracted:
        assert extracted.path("mirror.db").read_bytes() == FILES["mirror.db"]


def test_foreign_zip_with_data_descriptors_reads(tmp_path: Path) -> None:
    """zipfile writing to a pipe uses data descriptors, as many tools do."""
    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.data = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, b) -> int:
            self.data += b
            return len(b)

    pipe = Pipe()
    with zipfile.ZipFile(pipe, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("Journal.json", b'{"entries": []}')
        out.writestr("photos/abc.jpeg", b"\xff\xd8" * 100)
    path = write(tmp_path, bytes(pipe.data), "dayone.zip")
    with SafeZip(path, DAYONE_LIMITS) as archive:
        assert archive.names() == ["Journal.json", "photos/abc.jpeg"]
        assert archive.read_member("Journal.json", 1000) == b'{"entries": []}'
    with pytest.raises(BundleRefused, match="header fields Mirror never writes"):
        SafeZip(path, BUNDLE_LIMITS)


def test_unicode_path_field_must_agree_with_the_name(tmp_path: Path) -> None:
    name = "notes.txt"
    field = b"\x01" + struct.pack("<L", zlib.crc32(name.encode())) + b"../../evil"
    extra = struct.pack("<HH", 0x7075, len(field)) + field
    data = build_zip([Raw(name, b"x", extra=extra)])
    with pytest.raises(BundleRefused, match="second, different name"):
        SafeZip(write(tmp_path, data), DAYONE_LIMITS)
