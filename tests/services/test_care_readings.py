"""`mirror analyze --all` keeps what the care detector read in each reflection and reads a
text for care again only when the text or the detector changed (migration 018,
`mirror.engine.care.readings`). What a person sees must be what a fresh reading gives:
the same patterns, tensions and care markers, the engine profile applied afresh, a
reading gone with its reflection and never in a bundle."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mirror.engine.care import assess
from mirror.engine.care.readings import detector_key, dump_finding, load_finding, text_digest

CRISIS = "I want to die. I have the pills counted out."
GENTLE = "Some days I wonder if anyone would notice if I just disappeared."
ORDINARY = [
    "Lovely walk by the river with Sam today. The heron was back on its post.",
    "I have got to finish the report before Friday, and I always leave it late.",
    "Part of me wants to move back home, part of me loves the noise of this city.",
]


def _derived(journal) -> dict[str, tuple]:
    """Every reflection's patterns, tension observations and care marker, as a person
    sees them (without row IDs and times, which a re-derivation renews)."""
    conn = journal.store.conn
    out: dict[str, tuple] = {}
    for (rid,) in conn.execute("SELECT id FROM reflections ORDER BY id"):
        patterns = conn.execute("SELECT pattern, evidence FROM reflection_patterns"
                                " WHERE reflection_id = ? ORDER BY rowid", (rid,)).fetchall()
        observations = conn.execute(
            "SELECT t.axis_a, t.axis_b, o.position, o.intensity, o.evidence"
            " FROM tension_observations o JOIN tensions t ON t.id = o.tension_id"
            " WHERE o.reflection_id = ? ORDER BY t.axis_a, t.axis_b", (rid,)).fetchall()
        care = conn.execute("SELECT tier, score, signals, language FROM care_markers"
                            " WHERE reflection_id = ?", (rid,)).fetchall()
        out[rid] = (patterns, observations, care)
    return out


def _readings(journal) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in journal.store.conn.execute(
        "SELECT reflection_id, detector, text_digest, finding FROM care_readings")}


def _write_all(journal) -> dict[str, str]:
    return {text: journal.write(text).id for text in [CRISIS, GENTLE, *ORDINARY]}


def test_every_finding_is_kept_exactly_as_the_detector_gave_it():
    texts = [CRISIS, GENTLE, "I can't do this anymore. Everyone would be better off without me.",
             "Je veux mourir, je n'en peux plus.", "Ich will nicht mehr leben.", *ORDINARY]
    for text in texts:
        finding = assess(text)
        stored = dump_finding(finding)
        if finding.tier is None:
            assert stored is None
        else:
            assert load_finding(stored) == finding
            assert json.loads(stored)["tier"] == finding.tier


def test_re_deriving_reuses_the_kept_readings_and_shows_what_a_fresh_reading_shows(journal):
    ids = _write_all(journal)
    journal.analyze_all()
    cold = _derived(journal)
    assert cold[ids[CRISIS]][2][0][0] == "care"
    assert cold[ids[GENTLE]][2][0][0] == "gentle"
    kept = _readings(journal)
    assert set(kept) == set(ids.values())
    assert {row[0] for row in kept.values()} == {detector_key()}
    assert kept[ids[ORDINARY[0]]][2] is None  # nothing to look after
    assert json.loads(kept[ids[CRISIS]][2])["tier"] == "care"

    journal.analyze_all()
    assert _derived(journal) == cold
    assert _readings(journal) == kept


def test_a_kept_reading_serves_only_the_text_and_the_detector_that_made_it(journal):
    ids = _write_all(journal)
    walk = ids[ORDINARY[0]]
    journal.analyze_all()
    conn = journal.store.conn
    # A reading kept for the walk that says otherwise is what a re-derivation uses while the
    # text and the detector are the ones it was read with ...
    planted = dump_finding(assess(GENTLE))
    with conn:
        conn.execute("UPDATE care_readings SET finding = ? WHERE reflection_id = ?", (planted, walk))
    journal.analyze_all()
    assert _derived(journal)[walk][2][0][0] == "gentle"
    # ... and not once the detector is another: the text is read again.
    with conn:
        conn.execute("UPDATE care_readings SET finding = ?, detector = 'an older detector'"
                     " WHERE reflection_id = ?", (planted, walk))
    journal.analyze_all()
    assert _derived(journal)[walk][2] == []
    assert _readings(journal)[walk] == (detector_key(), text_digest(ORDINARY[0]), None)
    # Nor once the text changed: an edit reads it again at once.
    with conn:
        conn.execute("UPDATE care_readings SET finding = ? WHERE reflection_id = ?", (planted, walk))
    journal.edit(walk, text=ORDINARY[0] + " Home by six.")
    assert _derived(journal)[walk][2] == []
    assert _readings(journal)[walk][1] == text_digest(ORDINARY[0] + " Home by six.")


def test_the_engine_profile_applies_afresh_to_a_kept_reading(journal):
    """A gentle-tier cue the person excluded clears the gentle line on a re-derivation
    that reuses the reading, as on a fresh one; rolled back, the line is there again."""
    from mirror.services.evolution import lifecycle

    ids = _write_all(journal)
    journal.analyze_all()
    gentle = ids[GENTLE]
    (signal,) = json.loads(_derived(journal)[gentle][2][0][2])
    proposal = lifecycle.file_draft(journal.context, "care_exclusion", "not this cue",
                                    {"category": signal["category"], "cue": signal["rule"],
                                     "tier": "gentle"}, {}, {})
    journal.evolve_approve(proposal.id)
    journal.evolve_apply(proposal.id)
    kept = _readings(journal)
    journal.analyze_all()
    assert _derived(journal)[gentle][2] == []
    assert _derived(journal)[ids[CRISIS]][2][0][0] == "care"  # the care tier is never touched
    assert _readings(journal) == kept  # reused, not read again
    journal.evolve_rollback(proposal.id)
    journal.analyze_all()
    assert _derived(journal)[gentle][2][0][0] == "gentle"


def test_a_reading_goes_with_its_reflection(journal):
    ids = _write_all(journal)
    journal.analyze_all()
    journal.delete(ids[CRISIS])
    assert ids[CRISIS] not in _readings(journal)
    assert journal.store.conn.execute("SELECT count(*) FROM care_readings WHERE finding LIKE ?",
                                      ("%pills%",)).fetchone()[0] == 0


def test_no_reading_enters_a_bundle_and_the_importer_reads_for_itself(journal, tmp_path: Path,
                                                                       fixed_clock):
    from mirror.services.journal import Journal

    ids = _write_all(journal)
    journal.analyze_all()
    bundle = tmp_path / "journal.zip"
    journal.export_bundle(bundle)
    import zipfile

    with zipfile.ZipFile(bundle) as z:
        name = next(n for n in z.namelist() if n.endswith(".db") or n.endswith(".sqlite"))
        (tmp_path / "snap.db").write_bytes(z.read(name))
    snap = sqlite3.connect(tmp_path / "snap.db")
    assert snap.execute("SELECT count(*) FROM care_readings").fetchone()[0] == 0
    snap.close()

    other = Journal.open(tmp_path / "other", clock=fixed_clock)
    try:
        other.import_bundle(bundle)
        assert set(_readings(other)) == set(ids.values())
        assert _derived(other)[ids[CRISIS]][2][0][0] == "care"
    finally:
        other.close()


@pytest.mark.parametrize("change", ["rules", "code"])
def test_the_detector_key_follows_what_the_detector_is_made_of(tmp_path: Path, monkeypatch, change):
    """A care rule file or a module of the package changed (an upgrade, an edit in a
    checkout): the key is another, so no reading made before is reused."""
    import shutil

    from mirror import resources
    from mirror.engine.care import readings

    folder = tmp_path / "constitution"
    shutil.copytree(resources.constitution_dir(), folder)  # type: ignore[arg-type]
    package = tmp_path / "mirror"
    (package / "engine").mkdir(parents=True)
    (package / "engine" / "detect.py").write_text("# the detector\n")
    monkeypatch.setattr(readings, "constitution_dir", lambda: folder)
    monkeypatch.setattr(readings, "_PACKAGE", str(package))
    readings.detector_key.cache_clear()
    try:
        before = readings.detector_key()
        readings.detector_key.cache_clear()
        assert readings.detector_key() == before  # nothing changed: the same key
        target = (folder / "care" / "scoring.yaml") if change == "rules" else (package / "engine" / "detect.py")
        target.write_text(target.read_text() + "\n# one more line\n")
        readings.detector_key.cache_clear()
        assert readings.detector_key() != before
    finally:
        readings.detector_key.cache_clear()
