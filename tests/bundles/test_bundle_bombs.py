"""Bombs are bounded by absolute sizes, not by a compression ratio: Mirror reads back every
bundle it writes (a long repetitive paste compresses at hundreds to one), while a stream
that inflates past what its header and manifest declare, or a member that is not what it
claims, is refused with exit 6 and one line after at most a chunk of work."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from mirror.bundles.manifest import MANIFEST_NAME, MemberDigest, build_manifest, manifest_bytes
from tests.bundles.journalkit import full_digest, member_bytes, open_journal
from tests.bundles.kit import INFO, Raw, build_zip

GiB = 1 << 30
CHUNK = 1 << 24


def _zeros_stream(total: int) -> bytes:
    """A raw deflate stream of `total` zero bytes (a multiple of 16 MiB), built from one
    flushed block repeated: about 1 MB for 1 GiB, in a fraction of a second."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(CHUNK)) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * (total // CHUNK) + zlib.compressobj(9, zlib.DEFLATED, -15).flush()


def _crc_and_sha_of_zeros(total: int) -> tuple[int, str]:
    crc, sha, zero = 0, hashlib.sha256(), bytes(CHUNK)
    for _ in range(total // CHUNK):
        crc = zlib.crc32(zero, crc)
        sha.update(zero)
    return crc, sha.hexdigest()


def _bundle_with(tmp: Path, files: dict[str, bytes], raw: dict[str, Raw],
                 claims: dict[str, tuple[str, int]] | None = None) -> Path:
    """A bundle whose manifest and archive digest are right for the given raw members (an
    attacker who can write zips): `raw` overrides how a member is stored, `claims` what
    the manifest says of it (SHA-256, size; default: the truth about `files`)."""
    members = [raw.get(name, Raw(name, data)) for name, data in sorted(files.items())]
    claims = claims or {}
    digests = [MemberDigest(name, *claims.get(name, (hashlib.sha256(data).hexdigest(),
                                                     len(data))))
               for name, data in sorted(files.items())]
    archive = hashlib.sha256(b"".join(m.local_header() + m.payload() for m in members))
    manifest = build_manifest(INFO, digests, archive.hexdigest())
    members.append(Raw(MANIFEST_NAME, manifest_bytes(manifest), method=0))
    path = tmp / "bomb.zip"
    path.write_bytes(build_zip(members))
    return path


@pytest.fixture(scope="module")
def exported_files(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("bomb-src")
    journal = open_journal(folder / "a")
    journal.write("A plain reflection to carry")
    journal.export_bundle(folder / "good.zip")
    journal.close()
    files = member_bytes(folder / "good.zip")
    files.pop(MANIFEST_NAME)
    files.pop("MANIFEST.sig", None)
    return files


@pytest.fixture
def target(cli, mirror_home: Path) -> Path:
    cli("reflect", "My own words, which a refused bundle must not touch")
    return mirror_home / "mirror.db"


def _refused(cli, bundle: Path, db: Path, *needles: str) -> str:
    before = full_digest(db)
    for command in ("verify", "import"):
        started = time.monotonic()
        run = cli(command, str(bundle))
        assert run.code == 6, (command, run.err)
        assert run.err.count("\n") == 1 and all(n in run.err for n in needles), run.err
        assert time.monotonic() - started < 30, "refused, but only after inflating the bomb"
    assert full_digest(db) == before
    return run.err


@pytest.mark.slow
def test_a_gigabyte_of_zeros_declared_small_is_refused(cli, exported_files, target,
                                                      tmp_path: Path) -> None:
    """mirror.db's headers and manifest say the real database's size; its stream inflates
    to 1 GiB of zeros. Inflation stops one chunk past the declared size."""
    real = exported_files["mirror.db"]
    bomb = Raw("mirror.db", real, compressed=_zeros_stream(GiB))
    bundle = _bundle_with(tmp_path, exported_files, {"mirror.db": bomb})
    _refused(cli, bundle, target, "mirror.db", "beyond its declared size")


@pytest.mark.slow
def test_a_gigabyte_of_zeros_declared_honestly_is_refused_after_one_chunk(
        cli, exported_files, target, tmp_path: Path) -> None:
    """Zip header and manifest both admit 1 GiB (within the limits): the member is not a
    SQLite database, which its first inflated chunk shows; nothing near 1 GiB is written."""
    files = {**exported_files, "mirror.db": b""}
    crc, sha = _crc_and_sha_of_zeros(GiB)
    bomb = Raw("mirror.db", b"", compressed=_zeros_stream(GiB), crc=crc, size=GiB)
    bundle = _bundle_with(tmp_path, files, {"mirror.db": bomb}, {"mirror.db": (sha, GiB)})
    _refused(cli, bundle, target, "mirror.db: not a SQLite database")


def test_a_database_padded_past_what_its_header_says_is_refused(cli, exported_files, target,
                                                                tmp_path: Path) -> None:
    padded = exported_files["mirror.db"] + bytes(64 * 4096)
    files = {**exported_files, "mirror.db": padded}
    _refused(cli, _bundle_with(tmp_path, files, {}), target, "its header accounts for")


def test_sizes_lying_in_the_zip_header_are_refused_before_inflating(
        cli, exported_files, target, tmp_path: Path) -> None:
    """The zip header declares 1 GiB for a small member; the manifest says the truth."""
    real = exported_files["mirror.db"]
    liar = Raw("mirror.db", real, size=GiB)
    bundle = _bundle_with(tmp_path, exported_files, {"mirror.db": liar})
    _refused(cli, bundle, target, f"'mirror.db' is {GiB} bytes, the manifest says {len(real)}")


def test_a_header_and_manifest_that_both_lie_are_refused_after_one_chunk(
        cli, exported_files, target, tmp_path: Path) -> None:
    real = exported_files["mirror.db"]
    liar = Raw("mirror.db", real, size=GiB)
    claims = {"mirror.db": (hashlib.sha256(real).hexdigest(), GiB)}
    bundle = _bundle_with(tmp_path, exported_files, {"mirror.db": liar}, claims)
    _refused(cli, bundle, target, "mirror.db: damaged SQLite file")


# -- Mirror reads back every bundle it writes ---------------------------------------------

TEN_MB = 10 * 1024 * 1024
repetitive = st.builds(lambda line, n: (line + "\n") * n,
                       st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                               max_size=40).filter(str.strip),
                       st.integers(min_value=1, max_value=50_000))
varied = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                 min_size=1, max_size=2_000).filter(str.strip)


@pytest.mark.slow
@hsettings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.one_of(repetitive, varied), min_size=1, max_size=4))
@example(texts=["ERROR 2026-03-14 connection reset by peer\n" * 300_000])
@example(texts=["a" * TEN_MB, "same line again\n" * (TEN_MB // 16)])
def test_export_is_always_readable_by_verify_and_import(cli, texts: list[str]) -> None:
    """Whatever the journal holds (a 12 MB log paste compresses at ~200:1, 10 MB of one
    letter at ~1000:1), `export` then `verify` succeed (`verify` makes every check of
    `import` before the merge)."""
    folder = Path(tempfile.mkdtemp(prefix="mirror-bombs-"))
    try:
        journal = open_journal(folder / "a")
        for text in texts:
            journal.write(text)
        journal.close()
        bundle = folder / "out.zip"
        home = ("--home", str(folder / "a"))
        assert cli("export", str(bundle), *home).code == 0
        run = cli("verify", str(bundle), *home, "--json")
        assert run.code == 0, run.err
        assert run.json["counts"]["reflections"] == len(texts)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
