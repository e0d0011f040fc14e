"""`mirror telemetry show|write`: anonymised aggregates, to a file only, by consent.

`show` prints exactly what `write` saves; the packet validates against its schema; small
counts are suppressed; and (Hypothesis) for arbitrary journals the packet holds no piece
of any reflection of 8 characters or more and no ID."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.clock import FixedClock
from tests.cli.test_json_schemas import validate

REPO = Path(__file__).resolve().parents[2]


def test_show_prints_exactly_what_write_saves(cli, tmp_path):
    for i in range(6):
        assert cli("reflect", f"Evening {i}: I must finish the garden fence before winter.").code == 0
    target = tmp_path / "packet.json"

    shown = cli("telemetry", "show")
    written = cli("telemetry", "write", str(target))

    assert shown.code == 0 and written.code == 0
    assert target.read_text("ascii") == shown.out
    assert target.stat().st_mode & 0o777 == 0o600
    assert "Mirror sends nothing" in written.err
    packet = json.loads(shown.out)
    validate("telemetry show", packet)
    assert packet["journal"]["reflections"] == 6
    assert packet["engines"]["offline"]["runs"] == 6
    assert cli("telemetry", "--json").out == shown.out  # bare `telemetry` shows it too


def test_counts_below_k_are_suppressed(cli):
    for i in range(4):
        cli("reflect", f"Entry {i} about the sea.")
    cli("reflect", "--star", "Entry five about the sea.")

    packet = json.loads(cli("telemetry", "show").out)

    assert packet["k"] == 5
    assert packet["journal"]["reflections"] == 5
    assert packet["journal"]["starred"] is None          # 1 < k
    assert packet["engines"]["offline"]["status_rates"]["ok"] == 1.0
    assert packet["engines"]["offline"]["status_rates"]["care"] is None
    assert packet["feedback"]["entries"] is None


def test_write_refuses_an_existing_file_unless_forced(cli, tmp_path):
    target = tmp_path / "mine.json"
    target.write_text("something of mine\n")

    refused = cli("telemetry", "write", str(target))

    assert refused.code == 4
    assert refused.err == f"mirror: {target} already exists (--force replaces it)\n"
    assert target.read_text() == "something of mine\n"
    forced = cli("telemetry", "write", str(target), "--force", "--json")
    assert forced.code == 0
    validate("telemetry write", forced.json)
    assert forced.json["sent"] is False
    assert json.loads(target.read_text())["format"] == "mirror-telemetry"


def test_a_missing_folder_is_not_found(cli, tmp_path):
    run = cli("telemetry", "write", str(tmp_path / "nope" / "p.json"))

    assert run.code == 3
    assert "no folder" in run.err


def test_telemetry_has_no_network_code():
    """Mirror never sends the packet: the modules that make it load nothing that could."""
    code = ("import sys, mirror.services.telemetry, mirror.cli.telemetry_cmds;"
            "bad = [m for m in ('socket', 'ssl', 'http.client', 'urllib.request', 'httpx',"
            " 'anthropic', 'ollama', 'mirror.adapters.registry') if m in sys.modules];"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=True).stdout.strip()
    assert out == ""


# -- the property -------------------------------------------------------------------------------
WINDOW = 8
_words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                 min_size=WINDOW, max_size=60)
_names = st.sampled_from(["Sam", "Maya", "Lisbon", "Jonas", "Ines"])
_tag = st.from_regex(r"[a-z]{8,14}", fullmatch=True)
_reflection = st.tuples(
    st.lists(st.one_of(_words, _names, st.sampled_from([
        "I must finish the report", "I always fail", "but part of me wanted to stay",
        "I want to kill myself", "control and surrender"])), min_size=1, max_size=5),
    st.lists(_tag, max_size=2), st.booleans())


def _vocabulary() -> str:
    """Everything a packet may say whatever the journal: the packet of an empty journal
    (its keys and Mirror's own names). A window found only there is not a leak."""
    import tempfile

    from mirror.services import telemetry
    from mirror.services.journal import Journal

    with tempfile.TemporaryDirectory() as home, Journal.open(home) as empty:
        return telemetry.serialise(telemetry.packet(empty.context))


VOCABULARY = _vocabulary()


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_reflection, min_size=1, max_size=12), thread=_words,
       axis=st.tuples(_tag, _tag).filter(lambda a: a[0] != a[1]), note=_words)
def test_the_packet_never_holds_text_or_ids(tmp_path_factory, entries, thread, axis, note):
    from mirror.services import telemetry
    from mirror.services.journal import Journal

    home = tmp_path_factory.mktemp("journal")
    clock = FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), step=timedelta(hours=7))
    texts: list[str] = []
    ids: list[str] = []
    with Journal.open(home, clock=clock) as journal:
        journal.create_thread(thread.strip() or "thread")
        journal.add_tension(*axis)
        for parts, tags, private in entries:
            text = " ".join(parts).strip() or "empty"
            saved = journal.write(text, tags=tags, private=private)
            result = journal.answer(saved)
            journal.feedback(saved.id, 2, ["inaccurate", thread[:20] or "x"], note)
            texts.append(text)
            ids += [saved.id, result.mirrorback.id]
        ids += [t.id for t in journal.tensions()]
        packet = telemetry.serialise(telemetry.packet(journal.context))

    data = json.loads(packet)
    validate("telemetry show", data)
    for text in [*texts, thread, note, *axis]:
        for i in range(len(text) - WINDOW + 1):
            window = text[i:i + WINDOW]
            assert window not in packet or window in VOCABULARY, window
    for identifier in ids:
        assert identifier[:WINDOW] not in packet
