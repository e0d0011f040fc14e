"""Encryption streams: Mirror's age writer gives standard files (pyrage and the stock `age`
open them) and holds one chunk in memory, not the bundle."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest
from pyrage import passphrase as age_passphrase

from mirror.bundles import agewriter, crypto
from tests.bundles.kit import run_age_with_pty

PASSPHRASE = "streamed \u00e9t\u00e9 passphrase"


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 3 * 65536, 200_000])
def test_every_chunk_boundary_decrypts_with_pyrage(size: int) -> None:
    plaintext = os.urandom(size)
    out = io.BytesIO()
    agewriter.encrypt_stream(io.BytesIO(plaintext), out, PASSPHRASE, log_n=2)
    data = out.getvalue()
    crypto.check_age_header(data, "x")
    assert age_passphrase.decrypt(data, PASSPHRASE) == plaintext
    assert crypto.decrypt_bytes(data, PASSPHRASE) == plaintext


def test_encrypting_a_large_file_holds_one_chunk_not_the_file(tmp_path: Path) -> None:
    """40 MB in, well under 2 MB of Python memory at the peak (the old path held the file
    and its ciphertext: 80 MB)."""
    source = tmp_path / "big.zip"
    with open(source, "wb") as handle:
        for _ in range(40):
            handle.write(os.urandom(1_000_000))
    target = tmp_path / "big.zip.age"
    tracemalloc.start()
    try:
        crypto.encrypt_file(source, target, PASSPHRASE)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, peak
    assert target.stat().st_size > 40_000_000
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    back = tmp_path / "back.zip"
    crypto.decrypt_file(target, back, PASSPHRASE)
    assert back.read_bytes() == source.read_bytes()


@pytest.mark.slow
def test_stock_age_decrypts_a_multi_chunk_stream(tmp_path: Path) -> None:
    source = tmp_path / "multi.zip"
    source.write_bytes(os.urandom(5 * 65536 + 123))
    target = tmp_path / "multi.zip.age"
    crypto.encrypt_file(source, target, PASSPHRASE)
    out = tmp_path / "by-age.zip"
    code, output = run_age_with_pty(["-d", "-o", str(out), str(target)], PASSPHRASE)
    assert code == 0, output
    assert out.read_bytes() == source.read_bytes()
