"""age passphrase encryption (standard files, both directions with the real `age` CLI) and
Ed25519 device keys and signatures."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.bundles import crypto
from mirror.bundles.container import SignaturePolicy, verify_bundle
from mirror.errors import BundleRefused, InvalidInput, StorageError
from tests.bundles.kit import INFO, age_binary, age_encrypt_spec, make_bundle, run_age_with_pty

PASSPHRASE = "correct horse battery staple \u00e9t\u00e9"
KIT = dict(derandomize=True, deadline=None,
           suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory) -> tuple[Path, Path]:
    """One bundle encrypted by Mirror (pyrage scrypt costs ~1 s, so it is made once)."""
    folder = tmp_path_factory.mktemp("age")
    bundle = make_bundle(folder)
    target = folder / "bundle.zip.age"
    crypto.encrypt_file(bundle, target, PASSPHRASE)
    return bundle, target


def test_output_is_a_standard_age_passphrase_file(encrypted) -> None:
    bundle, target = encrypted
    data = target.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert crypto.is_age_file(target) and not crypto.is_age_file(bundle)
    crypto.check_age_header(data, "x")  # Mirror's own output passes its own header check


def test_round_trip(encrypted, tmp_path: Path) -> None:
    bundle, target = encrypted
    out = tmp_path / "out.zip"
    crypto.decrypt_file(target, out, PASSPHRASE)
    assert out.read_bytes() == bundle.read_bytes()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    verify_bundle(out)


def test_open_bundle_handles_plain_and_encrypted_bundles(encrypted, tmp_path: Path) -> None:
    from mirror.bundles.container import open_bundle
    from mirror.errors import UsageError

    bundle, target = encrypted
    work = tmp_path / "work"
    work.mkdir()
    for source, passphrase in ((bundle, None), (target, PASSPHRASE)):
        with open_bundle(source, work, passphrase=passphrase) as extracted:
            assert extracted.manifest["bundle_id"] == INFO.bundle_id
            assert sorted(p.name for p in work.iterdir()) == [extracted.root.name]
        assert list(work.iterdir()) == []
    with pytest.raises(UsageError, match="passphrase is needed"):
        open_bundle(target, work)


def test_wrong_passphrase_and_damage_give_different_errors(encrypted) -> None:
    _, target = encrypted
    data = target.read_bytes()
    with pytest.raises(crypto.WrongPassphrase, match="wrong passphrase") as wrong:
        crypto.decrypt_bytes(data, "not the passphrase", "b.zip.age")
    truncated = data[: len(data) - 100]
    with pytest.raises(crypto.DamagedFile, match="damaged or truncated") as damaged:
        crypto.decrypt_bytes(truncated, PASSPHRASE, "b.zip.age")
    assert str(wrong.value) != str(damaged.value)
    assert wrong.value.exit_code == damaged.value.exit_code == 6
    assert isinstance(wrong.value, BundleRefused) and isinstance(damaged.value, BundleRefused)


@pytest.mark.parametrize("data, message", [
    (b"PK\x03\x04 plain zip", "not an age-encrypted file"),
    (b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n", "armored"),
    (b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 30\n"
     b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n--- "
     b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", r"work factor of 2\^30"),
    (b"age-encryption.org/v1\n-> X25519 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
     b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n--- "
     b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", "not a passphrase"),
    (b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\n", "no header end"),
])
def test_header_checks_run_before_any_scrypt_work(data: bytes, message: str) -> None:
    with pytest.raises(crypto.DamagedFile, match=message):
        crypto.decrypt_bytes(data, PASSPHRASE)


def test_public_key_age_file_is_refused_with_advice() -> None:
    from pyrage import x25519

    identity = x25519.Identity.generate()
    import pyrage

    data = pyrage.encrypt(b"secret", [identity.to_public()])
    with pytest.raises(crypto.DamagedFile, match="encrypted to a key, not a passphrase"):
        crypto.decrypt_bytes(data, PASSPHRASE)


def test_size_limit_is_enforced_both_ways(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(crypto, "MAX_AGE_FILE_BYTES", 1000)
    big = tmp_path / "big.zip"
    big.write_bytes(os.urandom(2000))
    with pytest.raises(InvalidInput, match="limited to 1000 bytes because decrypting it runs in memory"):
        crypto.encrypt_file(big, tmp_path / "big.zip.age", PASSPHRASE)
    assert not (tmp_path / "big.zip.age").exists()
    with pytest.raises(crypto.DamagedFile, match="1000-byte limit"):
        crypto.decrypt_bytes(age_encrypt_spec(os.urandom(2000), PASSPHRASE), PASSPHRASE)


def test_empty_passphrase_is_invalid_input() -> None:
    with pytest.raises(InvalidInput, match="empty"):
        crypto.encrypt_bytes(b"x", "")


def test_files_from_an_independent_age_writer_decrypt() -> None:
    """A second implementation, written from the age spec, agrees with pyrage."""
    for size in (0, 1, 65536, 65537, 200_000):
        plaintext = os.urandom(size)
        assert crypto.decrypt_bytes(age_encrypt_spec(plaintext, PASSPHRASE), PASSPHRASE) == plaintext


@pytest.fixture(scope="module")
def cheap_encrypted_bundle(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("cheap")
    return age_encrypt_spec(make_bundle(folder).read_bytes(), PASSPHRASE, log_n=2)


@settings(max_examples=150, **KIT)
@given(data=st.data())
def test_flipping_any_byte_of_an_encrypted_bundle_is_detected(cheap_encrypted_bundle, data) -> None:
    """Standard age file of a real bundle, with a cheap work factor so many positions can be
    tried: any flipped byte is refused (header, MAC, nonce or payload)."""
    original = cheap_encrypted_bundle
    position = data.draw(st.integers(0, len(original) - 1), label="position")
    mask = data.draw(st.integers(1, 255), label="mask")
    tampered = bytearray(original)
    tampered[position] ^= mask
    with pytest.raises(BundleRefused):
        crypto.decrypt_bytes(bytes(tampered), PASSPHRASE)


def test_byte_flips_in_mirrors_own_output_are_detected(encrypted) -> None:
    """The same on pyrage's output at its three kinds of region (each try costs scrypt)."""
    _, target = encrypted
    data = target.read_bytes()
    header_end = data.index(b"\n---") + 1
    for position in (30, header_end + 8, len(data) - 20):
        tampered = bytearray(data)
        tampered[position] ^= 0x04
        with pytest.raises(BundleRefused):
            crypto.decrypt_bytes(bytes(tampered), PASSPHRASE)


# -- interoperability with the real age CLI ------------------------------------------------

def test_age_cli_is_installed() -> None:
    assert age_binary()


def test_stock_age_decrypts_mirrors_bundle(encrypted, tmp_path: Path) -> None:
    bundle, target = encrypted
    out = tmp_path / "by-age.zip"
    code, output = run_age_with_pty(["-d", "-o", str(out), str(target)], PASSPHRASE)
    assert code == 0, output
    assert out.read_bytes() == bundle.read_bytes()


def test_mirror_decrypts_what_stock_age_encrypted(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    target = tmp_path / "by-age.zip.age"
    code, output = run_age_with_pty(["-p", "-o", str(target), str(bundle)], PASSPHRASE)
    assert code == 0, output
    out = tmp_path / "back.zip"
    crypto.decrypt_file(target, out, PASSPHRASE)
    assert out.read_bytes() == bundle.read_bytes()
    with pytest.raises(crypto.WrongPassphrase):
        crypto.decrypt_file(target, tmp_path / "never.zip", "wrong")
    assert not (tmp_path / "never.zip").exists()


# -- device key and signatures -------------------------------------------------------------

def test_device_key_is_created_once_with_private_permissions(tmp_path: Path) -> None:
    folder = tmp_path / "home"
    key = crypto.load_or_create_device_key(folder)
    path = folder / crypto.DEVICE_KEY_FILENAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    again = crypto.load_or_create_device_key(folder)
    assert crypto.fingerprint(again) == crypto.fingerprint(key)
    assert [p.name for p in folder.iterdir()] == [crypto.DEVICE_KEY_FILENAME]


def test_device_key_readable_by_others_is_refused(tmp_path: Path) -> None:
    crypto.load_or_create_device_key(tmp_path)
    os.chmod(tmp_path / crypto.DEVICE_KEY_FILENAME, 0o644)
    with pytest.raises(StorageError, match="readable by other users"):
        crypto.load_or_create_device_key(tmp_path)


def test_public_key_text_fingerprint_and_parsing(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    key = crypto.load_or_create_device_key(tmp_path)
    text = crypto.public_key_text(key)
    assert len(text) == 44
    assert crypto.fingerprint(crypto.parse_public_key(text)) == crypto.fingerprint(key)
    pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    assert crypto.fingerprint(crypto.parse_public_key(pem)) == crypto.fingerprint(key)
    grouped = crypto.format_fingerprint(crypto.fingerprint(key))
    assert len(grouped.split(" ")) == 16 and grouped.replace(" ", "") == crypto.fingerprint(key)
    for bad in ["", "abc", "A" * 42 + "==", "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----"]:
        with pytest.raises(InvalidInput):
            crypto.parse_public_key(bad)


def test_signature_outcomes(tmp_path: Path) -> None:
    key = crypto.load_or_create_device_key(tmp_path / "a")
    other = crypto.load_or_create_device_key(tmp_path / "b")
    manifest = b'{"a": 1}\n'
    signature = crypto.sign_manifest(key, manifest)
    assert crypto.check_signature(None, manifest, [key]).status == "unsigned"
    assert crypto.check_signature(signature, manifest, [key.public_key()]).status == "trusted"
    assert crypto.check_signature(signature, manifest, [other]).status == "untrusted"
    with pytest.raises(BundleRefused, match="bad signature"):
        crypto.check_signature(signature, manifest + b" ", [key])


def test_signature_is_domain_separated(tmp_path: Path) -> None:
    """A plain Ed25519 signature over the manifest bytes (no prefix) does not verify."""
    import base64
    import json

    key = crypto.load_or_create_device_key(tmp_path)
    manifest = b'{"a": 1}\n'
    document = json.loads(crypto.sign_manifest(key, manifest))
    document["signature"] = base64.b64encode(key.sign(manifest)).decode()
    forged = (json.dumps(document, sort_keys=True, indent=2) + "\n").encode()
    with pytest.raises(BundleRefused, match="bad signature"):
        crypto.check_signature(forged, manifest, [key])


def test_signed_bundle_end_to_end(tmp_path: Path) -> None:
    key = crypto.load_or_create_device_key(tmp_path / "keys")
    bundle = make_bundle(tmp_path, signing_key=key)
    trusted = SignaturePolicy(trusted_keys=(crypto.public_key_text(key),))
    result = verify_bundle(bundle, trusted)
    assert result.signature.status == "trusted"
    assert result.manifest["signing"]["public_key_fingerprint"] == crypto.fingerprint(key)
