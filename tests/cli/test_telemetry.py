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
    assert packet["engines"]["offline"]["runs"] == 5
    # 5 of 5 runs ok would say the other statuses were 0: all four are null together
    assert set(packet["engines"]["offline"]["status_rates"].values()) == {None}
    assert packet["feedback"]["entries"] is None


def test_a_small_rating_cannot_be_worked_out_from_the_entries(journal):
    """7 fives, 6 fours and 2 twos: the twos are suppressed, and 15 entries less the shown
    cells would give them away, so the next smallest (the fours) is suppressed with them."""
    from mirror.services import telemetry

    for rating, times in ((5, 7), (4, 6), (2, 2)):
        for i in range(times):
            saved = journal.write(f"Rated {rating}, evening {i}.")
            journal.answer(saved)
            journal.feedback(saved.id, rating, [], None)

    feedback = telemetry.packet(journal.context)["feedback"]
    assert feedback["entries"] == 15
    assert feedback["ratings"] == {"1": None, "2": None, "3": None, "4": None, "5": 7}


def test_a_lone_small_week_is_suppressed_with_the_next_smallest(journal, monkeypatch):
    from mirror.services import telemetry

    days = {"2026-01-07": 9, "2026-01-14": 6, "2026-01-21": 2}    # weeks 2 to 4
    for day, times in days.items():
        for i in range(times):
            journal.write(f"Note {i}.", when=day)
    data = telemetry.packet(journal.context)

    assert data["journal"]["reflections"] == 17
    shown = {w: n for w, n in data["weeks"].items() if n is not None}
    # the two notes of W04 (and the zero weeks) are hidden beside the six of W03
    assert shown == {"2026-W02": 9}


@pytest.mark.parametrize(("cells", "total", "rest", "hidden", "total_hidden"), [
    ({"a": 9, "b": 7, "c": 3}, 19, 0, {"b", "c"}, False),          # one small cell
    ({"a": 9, "b": 7, "c": 6}, 22, 0, set(), False),               # nothing small
    ({"a": 9, "b": 1, "c": 1}, 11, 0, {"b", "c", "a"}, False),     # two small, adding to 2
    ({"a": 9, "b": 0, "c": 5}, 14, 0, {"b", "c"}, False),          # a lone zero
    ({"a": 9, "b": 2, "c": 6}, 17, 6, {"b", "c"}, False),          # a remainder shown or not
    ({"a": 2, "b": 1}, 9, 6, {"a", "b"}, True),                    # no cell left: the total
    ({"a": 2, "b": 1}, 3, 0, {"a", "b"}, True),                    # the total itself is small
])
def test_complementary_suppression_by_the_table(cells, total, rest, hidden, total_hidden):
    from mirror.services.telemetry import complement

    assert complement(cells, total, rest) == (hidden, total_hidden)
    if not total_hidden:   # sparing the cells, the total goes instead of the complements
        small = {name for name, n in cells.items() if n < 5}
        assert complement(cells, total, rest, spare_cells=True) == (small, small != hidden)


def test_the_mirrorbacks_are_suppressed_where_they_would_give_an_engine_s_runs_away(journal):
    """Each run answers with one mirrorback: 6 offline runs beside 6 mirrorbacks would say
    no other engine ran, so the mirrorbacks (not the engines' runs) are suppressed."""
    from mirror.services import telemetry

    for i in range(6):
        journal.answer(journal.write(f"Evening {i} by the sea."))
    data = telemetry.packet(journal.context)
    assert data["engines"]["offline"]["runs"] == 6
    assert data["journal"]["mirrorbacks"] is None
    assert data["journal"]["reflections"] == 6


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


# -- complementary suppression, for arbitrary journals ---------------------------------------
_STATUSES = ("ok", "fallback", "care", "error")


def _determined(total: int | None, rest: int, cells: dict[str, int | None],
                true: dict[str, int]) -> list[str]:
    """The suppressed cells a reader can work out, or pin below k, from a group whose cells
    add up to `total` less `rest` (a remainder assumed known to the reader): one suppressed
    cell alone is (total - rest - the shown cells); several are known exactly when that
    difference is 0, and each is bounded by it when it is below k."""
    hidden = [name for name, value in cells.items() if value is None]
    if total is None or not hidden:
        return []
    left = total - rest - sum(v for v in cells.values() if v is not None)
    assert left == sum(true[name] for name in hidden)   # the group does add up
    if len(hidden) == 1 or left < 5:
        return hidden
    return []


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(weeks_ago=st.lists(st.integers(0, 15), max_size=40),
       runs=st.lists(st.tuples(st.sampled_from(["ollama", "anthropic", "care", "local"]),
                               st.sampled_from(_STATUSES)), max_size=40),
       ratings=st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=40))
def test_no_suppressed_cell_can_be_worked_out_from_its_group(tmp_path_factory, weeks_ago, runs,
                                                             ratings):
    from mirror.services import telemetry
    from mirror.services.journal import Journal
    from mirror.storage.derived import MirrorbackRecord, RunRecord

    home = tmp_path_factory.mktemp("journal")
    now = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
    with Journal.open(home, clock=FixedClock(now)) as journal:
        for i, ago in enumerate(weeks_ago):
            journal.write(f"Note {i}.", when=(now - timedelta(weeks=ago)).date().isoformat())
        if runs:   # each run answers with one mirrorback, as `reflect` records them
            answered = journal.write("Answered.", when=now.date().isoformat())
        for i, (engine, status) in enumerate(runs):
            journal.store.derived.add_run(answered.id, RunRecord(engine, 12.0, status))
            journal.store.derived.add_mirrorback(answered.id, MirrorbackRecord(
                f"Answer {i}.", engine, "1", "0" * 64, "passed"))
        if ratings:
            saved = journal.write("Rated.", when=now.date().isoformat())
            mirrorback = journal.answer(saved).mirrorback.id
            for rating in ratings:
                journal.feedback(mirrorback, rating, [] if rating else ["generic"], None)
        data = telemetry.packet(journal.context)
        week_true = {w: 0 for w in data["weeks"]}
        for day, n in journal.store.conn.execute(
                "SELECT day, reflections FROM reflection_counts_by_day"):
            week = telemetry.iso_week(datetime.fromisoformat(day).date())
            if week in week_true:
                week_true[week] += n
        total_true = sum(n for _, n in journal.store.conn.execute(
            "SELECT day, reflections FROM reflection_counts_by_day"))
    validate("telemetry show", data)

    # the weeks add up to the reflections, less those before (or after) the twelve weeks
    assert _determined(data["journal"]["reflections"], total_true - sum(week_true.values()),
                       data["weeks"], week_true) == []
    # the ratings add up to the entries, less those given without a rating
    rated = {str(i): ratings.count(i) for i in range(1, 6)}
    assert _determined(data["feedback"]["entries"], ratings.count(None),
                       data["feedback"]["ratings"], rated) == []
    # an engine's status rates add up to its runs (a rate times the runs is a count)
    for engine in ("ollama", "anthropic"):
        mine = [s for e, s in runs if e == engine]
        shown = data["engines"][engine]
        counts = {s: None if r is None else round(r * len(mine))
                  for s, r in shown["status_rates"].items()}
        assert _determined(shown["runs"], 0, counts,
                           {s: mine.count(s) for s in _STATUSES}) == []
        # and nothing below k is shown, however it is worked out
        assert all(c is None or c >= 5 for c in counts.values())
    # the engines' runs add up to the mirrorbacks (the rated one was answered offline)
    engine_runs = {e: sum(1 for r, _ in runs if r == e) for e in ("ollama", "anthropic", "care")}
    engine_runs["other"] = sum(1 for r, _ in runs if r == "local")
    engine_runs["offline"] = 1 if ratings else 0
    mirrorbacks = data["journal"]["mirrorbacks"]
    assert _determined(mirrorbacks, 0,
                       {e: data["engines"][e]["runs"] for e in engine_runs}, engine_runs) == []
