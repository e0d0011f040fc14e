"""The reflection engine as a person meets it through `mirror reflect` and friends."""

from __future__ import annotations

import shutil

from mirror import resources


def reflect(cli, *args: str, **kwargs):
    run = cli("reflect", "--json", *args, **kwargs)
    assert run.code == 0, run.err
    return run.json


def test_headline_reflection_gets_patterns_and_a_checked_non_directive_mirrorback(cli):
    result = reflect(cli, "I should call my mother but I'm afraid she'll be disappointed")
    names = {p["pattern"] for p in result["patterns"]}
    assert {"obligation", "internal_tension"} <= names
    assert [(t["axis_a"], t["axis_b"]) for t in result["tensions"]] == [("approach", "avoidance")]
    mirrorback = result["mirrorback"]
    assert mirrorback["engine"] == "offline" and mirrorback["verdict"] == "passed"
    assert mirrorback["content"].rstrip().endswith("?")
    lowered = mirrorback["content"].lower()
    for advice in ("you should", "i recommend", "try to", "you need to"):
        assert advice not in lowered
    assert result["checks"] and all(c["passed"] for c in result["checks"])
    assert result["care"] is False


def test_text_output_shows_saved_patterns_and_mirrorback(cli):
    run = cli("reflect", "Everything must be perfect, always.")
    assert run.code == 0
    assert run.err.startswith("saved ")
    assert "patterns:" in run.out and "mirror · offline" in run.out


def test_crisis_gets_care_and_is_findable_with_list_care(cli):
    crisis = reflect(cli, "I don't want to be alive anymore, I keep thinking about ending it")
    assert crisis["care"] is True
    assert crisis["mirrorback"]["verdict"] == "care"
    assert "help" in crisis["mirrorback"]["content"].lower()
    ordinary = reflect(cli, "This deadline is killing me, but I'm dying to see the new film")
    assert ordinary["care"] is False
    care_ids = [r["id"] for r in cli("list", "--care", "--json").json["reflections"]]
    assert care_ids == [crisis["reflection"]["id"]]


def test_care_response_includes_the_persons_own_resources(cli):
    cli("config", "set", "care.resources", "Call my sister Ana", "Dr. Okafor's office")
    result = reflect(cli, "I want to hurt myself tonight")
    assert "Call my sister Ana" in result["mirrorback"]["content"]
    assert "Dr. Okafor's office" in result["mirrorback"]["content"]


def test_show_lists_the_mirrorback_and_patterns(cli):
    rid = reflect(cli, "I always have to be the strong one.")["reflection"]["id"]
    shown = cli("show", rid, "--json").json
    assert len(shown["mirrorbacks"]) == 1
    assert {p["pattern"] for p in shown["patterns"]} >= {"absolute_thinking", "obligation"}


def test_a_tension_seen_again_is_an_observation_of_the_same_tension(cli):
    reflect(cli, "--date", "2025-03-15", "I want to reach out to Sam, but I'm too scared.")
    reflect(cli, "--date", "2025-04-15", "I should face the conversation, but I keep avoiding it.")
    tensions = cli("tensions", "--json").json["tensions"]
    approach = [t for t in tensions if {t["axis_a"], t["axis_b"]} == {"approach", "avoidance"}]
    assert len(approach) == 1 and approach[0]["observations"] == 2
    trajectory = cli("tensions", "show", "approach/avoidance", "--json").json["tension"]["trajectory"]
    assert [p["observed_at"][:7] for p in trajectory] == ["2025-03", "2025-04"]


def test_regenerate_keeps_the_earlier_mirrorback(cli):
    rid = reflect(cli, "Tired of always pretending I'm fine.")["reflection"]["id"]
    assert cli("edit", rid, "--text", "Tired of pretending. Today I said so.").code == 0
    again = cli("mirrorback", "regenerate", rid, "--json")
    assert again.code == 0
    assert len(cli("show", rid, "--json").json["mirrorbacks"]) == 2


def test_feedback_on_latest_mirrorback_and_bad_rating(cli):
    rid = reflect(cli, "A quiet evening with tea.")["reflection"]["id"]
    saved = cli("feedback", rid, "--rating", "5", "--flag", "generic", "--note", "kind", "--json")
    assert saved.code == 0 and saved.json["feedback"]["rating"] == 5
    assert cli("feedback", rid, "--rating", "9").code == 2
    assert cli("feedback", rid).code == 4  # nothing to say
    assert cli("feedback", "ffffffff", "--rating", "3").code == 3


def test_user_created_tension_and_its_trajectory(cli):
    added = cli("tensions", "add", "control", "surrender", "--json")
    assert added.code == 0 and added.json["tension"]["origin"] == "user_created"
    assert cli("tensions", "add", "surrender", "control").code == 4  # same tension either way
    assert cli("tensions", "add", "calm", "calm").code == 4
    shown = cli("tensions", "show", "control/surrender", "--json").json["tension"]
    assert shown["trajectory"] == []
    assert cli("tensions", "show", "joy/sorrow").code == 3


def test_patterns_counts_by_period(cli):
    reflect(cli, "--date", "2025-01-05", "I must finish, I have to.")
    reflect(cli, "--date", "2025-02-05", "I should rest.")
    counts = cli("patterns", "--json").json["counts"]
    months = {(c["period"], c["pattern"]) for c in counts}
    assert ("2025-01", "obligation") in months and ("2025-02", "obligation") in months


def test_analyze_all_rederives_everything(cli, journal):
    from mirror.storage.reflections import NewReflection

    journal.store.reflections.create_many([NewReflection(content="I must always win.")] * 1
                                          + [NewReflection(content=f"calm day {i}") for i in range(3)])
    journal.close()
    run = cli("analyze", "--all", "--json")
    assert run.code == 0 and run.json["reflections"] == 4
    counts = cli("patterns", "--json").json["counts"]
    assert {c["pattern"] for c in counts} >= {"obligation", "absolute_thinking"}


def test_constitution_verifies_and_reports_drift(cli, monkeypatch, tmp_path):
    ok = cli("constitution", "verify", "--json")
    assert ok.code == 0 and ok.json["ok"] is True
    copy = tmp_path / "constitution"
    shutil.copytree(str(resources.constitution_dir()), copy)
    (copy / "02-reflection-not-prescription.md").write_text("The Mirror may advise.\n")
    real = resources.resource_dir
    monkeypatch.setattr(resources, "resource_dir",
                        lambda name: copy if name == "constitution" else real(name))
    from mirror import constitution

    if hasattr(constitution, "_cache_clear"):
        constitution._cache_clear()
    drifted = cli("constitution", "verify")
    assert drifted.code == 7
    assert "02-reflection-not-prescription.md" in drifted.err


def test_the_constitution_in_force_is_recorded(cli):
    reflect(cli, "first words")
    history = cli("constitution", "show", "--json").json["history"]
    assert len(history) == 1 and history[0]["how"] == "installed"
