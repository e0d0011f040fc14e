"""`mirror.hashing` gives the read commands SHA-256 without loading OpenSSL through
`hashlib`: its digests must be hashlib's, or mirrorbacks would look outdated after an
upgrade and the constitution's cached invariants would be looked up under another name."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from mirror import constitution
from mirror.hashing import sha256_hex
from mirror.storage import derived


@given(st.binary(max_size=5000))
def test_the_digest_is_hashlibs(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_the_built_in_module_and_large_data_give_hashlibs_digest(monkeypatch) -> None:
    """Both ways `sha256_hex` takes: the built-in module while `hashlib` is not loaded,
    `hashlib` for data above LARGE."""
    import sys

    from mirror import hashing

    monkeypatch.delitem(sys.modules, "hashlib")
    for data in (b"", b"abc", bytes(range(256)) * 40, b"x" * (hashing.LARGE + 1)):
        assert sha256_hex(data) == hashlib.sha256(data).hexdigest()


@given(st.text(max_size=500))
def test_a_mirrorbacks_text_hash_and_the_constitutions_digest_are_unchanged(text: str) -> None:
    expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert derived.text_sha256(text) == expected
    assert constitution._digest(text.encode("utf-8")) == expected


def test_the_analysis_records_are_still_found_beside_the_derived_store() -> None:
    from mirror.storage import analysis_records

    for name in ("PatternRecord", "ObservationRecord", "CareRecord", "AnalysisRecord"):
        assert getattr(derived, name) is getattr(analysis_records, name)


def test_a_digest_built_in_parts_and_blake2b_are_hashlibs(monkeypatch) -> None:
    """`sha256` (the care index's key, built in parts) and `blake2b` (the offline engine's
    choices) give hashlib's digests, with `hashlib` loaded or not."""
    import sys

    from mirror import hashing

    parts = [b"care-index 12", b"\x00en", b"\x00" + "Ärger".encode()]
    expected = hashlib.sha256(b"".join(parts)).hexdigest()
    for loaded in (True, False):
        if not loaded:
            monkeypatch.delitem(sys.modules, "hashlib")
        h = hashing.sha256(parts[0])
        for part in parts[1:]:
            h.update(part)
        assert h.hexdigest() == expected
        assert hashing.blake2b(b"a text", digest_size=64).digest() == \
            hashlib.blake2b(b"a text", digest_size=64).digest()
