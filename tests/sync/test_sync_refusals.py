"""Change sets that must not be applied: tampered, truncated, replayed, moved, signed by the
wrong key, from another journal, from an unpaired device. Each is refused with one line on
stderr, exit 6, and the journal is exactly as it was (issue 16, item 1)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mirror.storage import merge
from tests.sync.kit import copy_template, make_template, open_device


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_template(tmp_path_factory.mktemp("pair2"), ("a", "b"))
    a = open_device(root / "a", 1)
    a.write("A's first words #start")
    a.sync(root / "shared")
    a.close()
    return root


@pytest.fixture
def devices(template: Path, tmp_path: Path) -> Path:
    return copy_template(template, tmp_path / "devices")


def _state(home: Path) -> tuple[str, int]:
    journal = open_device(home, 2)
    try:
        conn = journal.store.conn
        return merge.content_digest(conn), conn.execute("SELECT count(*) FROM sync_ledger").fetchone()[0]
    finally:
        journal.close()


def _a_file(root: Path) -> Path:
    a = open_device(root / "a", 1)
    device = a.sync_status().device_id
    a.close()
    return next((root / "shared" / device).glob("00000001-*.age"))


def _refused(cli, root: Path, what: str, count: int = 1) -> str:
    before = _state(root / "b")
    run = cli("--home", str(root / "b"), "sync", str(root / "shared"))
    assert run.code == 6, run.err
    lines = [line for line in run.err.splitlines() if line.startswith("refused")]
    assert len(lines) == count and all(what in line for line in lines), run.err
    assert _state(root / "b") == before
    return lines[0]


def test_a_good_change_set_applies(cli, devices: Path) -> None:
    run = cli("--home", str(devices / "b"), "sync", str(devices / "shared"))
    assert run.code == 0, run.err
    assert "applied 1 change set" in run.out
    assert "A's first words" in cli("--home", str(devices / "b"), "list").out


def test_tampered_change_set_is_refused(cli, devices: Path) -> None:
    path = _a_file(devices)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0x01
    path.write_bytes(bytes(data))
    _refused(cli, devices, "cannot be decrypted")


def test_truncated_change_set_is_refused_then_applied_once_complete(cli, devices: Path) -> None:
    path = _a_file(devices)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) - 40])
    _refused(cli, devices, "truncated")
    path.write_bytes(whole)  # the sync tool finished copying
    run = cli("--home", str(devices / "b"), "sync", str(devices / "shared"))
    assert run.code == 0 and "applied 1 change set" in run.out


def test_replayed_change_set_is_refused(cli, devices: Path) -> None:
    assert cli("--home", str(devices / "b"), "sync", str(devices / "shared")).code == 0
    path = _a_file(devices)
    shutil.copy(path, path.with_name("00000002-" + path.name.split("-", 1)[1]))
    _refused(cli, devices, "moved or replayed")


def test_same_change_set_under_its_own_name_again_is_refused_as_replayed(cli, devices: Path) -> None:
    b = open_device(devices / "b", 2)
    b.sync(devices / "shared")
    b.store.conn.execute("UPDATE sync_ledger SET file_name = 'elsewhere.age'")  # forget the name only
    b.close()
    _refused(cli, devices, "replayed")


def test_change_set_moved_to_another_device_folder_is_refused(cli, devices: Path) -> None:
    b = open_device(devices / "b", 2)
    b.sync(devices / "shared")
    b_device = b.sync_status().device_id
    b.close()
    path = _a_file(devices)
    b_path = devices / "shared" / b_device / path.name
    shutil.copy(path, b_path)
    b_state = _state(devices / "b")
    a = open_device(devices / "a", 1)
    report = a.sync(devices / "shared")
    a.close()
    assert [r.file.endswith(path.name) for r in report.refused] == [True]
    assert "moved or replayed" in report.refused[0].reason or "bad signature" in report.refused[0].reason
    assert _state(devices / "b") == b_state


def test_wrong_signature_is_refused(cli, devices: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from mirror.services.sync import changeset, keys

    path = _a_file(devices)
    a = open_device(devices / "a", 1)
    key = keys.load_key(devices / "a")
    assert key is not None
    device = a.sync_status().device_id
    a.close()
    body = {"format": changeset.FORMAT, "device": device, "seq": 2,
            "id": "00000000-0000-4000-8000-000000000002", "created_at": "2026-05-01T08:00:00.000000Z",
            "reflections": [], "revisions": [], "tombstones": [{"id": "00000000-0000-4000-8000-0000000000ff",
                                                               "deleted_at": "2026-05-01T08:00:00.000000Z"}],
            "threads": [], "mirrorbacks": [], "feedback": []}
    forged = changeset.seal(body, Ed25519PrivateKey.generate(), key)
    path.with_name(changeset.file_name(2, body["id"])).write_bytes(forged)
    assert cli("--home", str(devices / "b"), "sync", str(devices / "shared")).code == 6


def test_change_set_from_another_journal_is_refused(cli, devices: Path, tmp_path: Path) -> None:
    other = make_template(tmp_path / "other", ("x",))
    x = open_device(other / "x", 9)
    x.write("someone else's journal")
    x.sync(other / "shared")
    x_device = x.sync_status().device_id
    x.close()
    assert cli("--home", str(devices / "b"), "sync", str(devices / "shared")).code == 0
    a_file = _a_file(devices)  # a file in a paired device's folder, made with another key
    foreign = next((other / "shared" / x_device).glob("00000001-*.age"))
    a_file.with_name(foreign.name).write_bytes(foreign.read_bytes())
    _refused(cli, devices, "from another journal")


def test_unpaired_device_is_refused(cli, devices: Path) -> None:
    a = open_device(devices / "a", 1)
    a_device = a.sync_status().device_id
    a.close()
    run = cli("--home", str(devices / "b"), "sync", "unpair", a_device[:8])
    assert run.code == 0, run.err
    _refused(cli, devices, "unpaired device")
    # and so is what it writes afterwards
    a = open_device(devices / "a", 1)
    a.write("written after B unpaired A")
    a.sync(devices / "shared")
    a.close()
    _refused(cli, devices, "unpaired device", count=2)
    status = cli("--home", str(devices / "b"), "sync", "status", "--json").json
    assert [d["unpaired_at"] is not None for d in status["devices"] if d["device_id"] == a_device] == [True]


def test_device_never_paired_is_refused(cli, devices: Path) -> None:
    (devices / "shared" / "0123456789abcdef").mkdir()
    src = _a_file(devices)
    shutil.copy(src, devices / "shared" / "0123456789abcdef" / src.name)
    before = _state(devices / "b")
    run = cli("--home", str(devices / "b"), "sync", str(devices / "shared"))
    assert run.code == 6
    assert "0123456789abcdef" in run.err and "unpaired device" in run.err
    # the genuine change set still applied: one refusal never blocks the others
    assert _state(devices / "b") != before


def test_wrong_pairing_code_pairs_nothing(cli, devices: Path, tmp_path: Path) -> None:
    run = cli("--home", str(tmp_path / "c"), "sync", "pair", str(devices / "shared"), "--code",
              "AAAA-BBBB-CCCC-DDDD")
    assert run.code == 6
    assert run.err.strip() == "mirror: wrong pairing code (or passphrase): nothing paired"
    assert not (tmp_path / "c" / "sync_journal.key").exists()


@pytest.mark.parametrize("bad", ["date", "missing"])
def test_signed_change_set_with_bad_rows_is_refused_whole(cli, devices: Path, bad: str) -> None:
    from mirror.bundles import crypto
    from mirror.services.sync import changeset, keys

    assert cli("--home", str(devices / "b"), "sync", str(devices / "shared")).code == 0
    a = open_device(devices / "a", 1)
    device = a.sync_status().device_id
    a.close()
    key = keys.load_key(devices / "a")
    assert key is not None
    good = {"id": "00000000-0000-4000-8000-00000000000a", "content": "fine words",
            "content_type": "text/plain", "visibility": "local_only", "private": 0, "source": "cli",
            "created_at": "2026-05-01T08:00:00.000000Z", "created_tz": "UTC",
            "updated_at": "2026-05-01T08:00:00.000000Z", "starred": 0, "metadata": "{}", "tags": [],
            "counter": 1, "device": device}
    broken = dict(good, id="00000000-0000-4000-8000-00000000000b")
    if bad == "date":
        broken["created_at"] = "2026-13-45T08:00:00.000000Z"
    else:
        del broken["content"]
    body = {"format": changeset.FORMAT, "device": device, "seq": 7,
            "id": "00000000-0000-4000-8000-000000000007", "created_at": "2026-05-01T08:00:00.000000Z",
            "reflections": [good, broken], "revisions": [], "tombstones": [], "threads": [],
            "mirrorbacks": [], "feedback": []}
    sealed = changeset.seal(body, crypto.load_or_create_device_key(devices / "a"), key)
    (devices / "shared" / device / changeset.file_name(7, body["id"])).write_bytes(sealed)
    line = _refused(cli, devices, "nothing applied")
    assert ("breaks the journal's rules" if bad == "date" else "malformed") in line


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_announcement_linked_to_a_device_is_not_read_without_end(cli, devices: Path) -> None:
    """The folder is written by other machines (a sync tool carries links as links): a
    device.json pointing at /dev/zero was read until memory ran out."""
    announcement = _a_file(devices).parent / "device.json"
    announcement.unlink()
    announcement.symlink_to("/dev/zero")
    before = _state(devices / "b")
    run = cli("--home", str(devices / "b"), "sync", str(devices / "shared"))
    assert "Traceback" not in run.err and "internal error" not in run.err, run.err
    assert _state(devices / "b") == before  # an unproven device's changes are not applied


def test_a_change_set_linked_to_a_huge_file_is_refused_unread(cli, devices: Path,
                                                              tmp_path: Path) -> None:
    sealed = _a_file(devices)
    huge = tmp_path / "huge.bin"
    with open(huge, "wb") as handle:
        handle.truncate(2 * 1024 ** 3)  # sparse: no disk, but 2 GiB to read before
    sealed.unlink()
    sealed.symlink_to(huge)
    _refused(cli, devices, "too large to be a change set")
