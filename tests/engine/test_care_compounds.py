"""Compound care signs (constitution/care/compounds.yaml): signs that mean little alone
are a signal together, in the writer's own words, and an ordinary purpose said beside
them undoes them. Each positive is paired with a negative that shares its surface words."""

from __future__ import annotations

import pytest

from mirror import constitution
from mirror.engine.care import CARE, assess
from mirror.engine.care.detect import _assess_rules
from mirror.engine.care.rules import CATEGORIES, RuleError, parse_compounds, parse_ordinary


def _rules(finding) -> set[str]:
    return {s.rule for s in finding.signals}


@pytest.mark.parametrize("text", [
    "Made up my mind. Friday night, when the flat is empty. I feel oddly calm.",
    "It's decided: Saturday, after the kids go to their dad's, before anyone notices.",
    "C'est décidé. Dimanche, quand tout le monde sera parti. Je me sens calme.",
    "Es steht fest. Am Samstag, wenn die Wohnung leer ist. Niemand wird es merken.",
])
def test_a_decision_with_nothing_decided_a_time_and_secrecy_is_an_intent(text: str):
    finding = assess(text)
    assert finding.tier == CARE
    assert "intent_plan" in finding.categories


@pytest.mark.parametrize("text", [
    "It's settled: Saturday, when the house is empty, I'm finally painting the hallway. Feel calm about it already.",
    "Made up my mind: Sunday, after the football, I'm clearing out the garage while everyone is out.",
    "Decided to repaint the hall on Sunday while everyone is out, so nobody will notice the mess.",
])
def test_a_decision_whose_content_is_said_is_a_plan_for_the_day(text: str):
    assert not any(r.startswith("compound.decided") for r in _rules(assess(text)))
    assert assess(text).tier is None


def test_pills_gathered_counted_and_enough_is_clear_without_the_word():
    finding = assess("Been putting aside two of my sleeping pills every night. There are about "
                     "sixty now. Should be enough.")
    assert finding.tier == CARE
    assert "method_means" in finding.categories


@pytest.mark.parametrize("text", [
    "Counted my tablets into the weekly organiser. Enough until the next repeat prescription.",
    "Grandad's carers counted his pills twice because the pharmacy sent the wrong dose. Should be enough now, thank goodness.",
    "Policzyłam tabletki babci do pojemnika na leki, wystarczy na tydzień.",
])
def test_pills_counted_for_a_routine_or_for_someone_else_are_not(text: str):
    assert assess(text).tier is None


def test_things_given_away_with_ones_absence_spoken_of_reach_at_least_the_gentle_line():
    finding = assess("Gave my guitar to my nephew and the cat to Mum. If anything happens, "
                     "the passwords are in the blue notebook.")
    assert finding.tier is not None
    assert "preparatory_acts" in finding.categories


@pytest.mark.parametrize("text", [
    "Gave my old bike to the neighbour's kid. If anything happens to it, he knows where the pump is.",
    "Gave my old guitar and half my books to the charity shop before the move. If anything happens to the van, the insurance covers it.",
    "Tied up loose ends at work and handed my plants to Jo before maternity leave. Feels like a goodbye to the old team.",
])
def test_giving_things_away_for_an_ordinary_reason_is_ordinary_life(text: str):
    assert assess(text).tier is None


def test_three_preparations_together_are_clear():
    text = ("Hab heute meinem Bruder die Playstation geschenkt und Oma einen langen Brief "
            "geschrieben. Fühlt sich an wie Abschied. Bald hab ich Ruhe.")
    assert assess(text).tier is not None


def test_cues_in_two_languages_of_one_entry_make_one_sign():
    finding = assess("Tomé la decisión. Friday night, when the flat is empty. Nadie se va a enterar.")
    assert finding.tier == CARE
    assert any(r == "compound.decided_when_unseen" for r in _rules(finding))


def test_control_with_the_writers_fear_is_abuse_clear():
    finding = assess("He read every message on my phone again and said if I talk to Jade I'll "
                     "regret it. I'm hiding in the bathroom writing this.")
    assert finding.tier == CARE
    assert "abuse_coercion" in finding.categories


def test_fear_for_a_friend_is_not_the_writers_own():
    text = ("My friend told me her husband checks her phone and she's scared of him. I'm going "
            "with her to the advice centre tomorrow.")
    assert assess(text).tier is None


def test_picturing_a_lethal_place_and_then_nothing_is_a_method_rehearsed():
    finding = assess("On the walk home I couldn't stop imagining the platform edge, the rush of "
                     "the express, and then nothing at all.")
    assert finding.tier is not None
    assert "method_means" in finding.categories


@pytest.mark.parametrize("text", [
    "I keep picturing the cliffs at Etretat and then nothing but blue sky. Booking that trip this year.",
    "I keep picturing the bridge at Ironbridge at sunrise for my painting: the water, the light, then nothing but fog.",
    "In the novel she keeps imagining the bridge, the cold river, and then nothing. Chilling last chapter.",
])
def test_a_view_a_painting_or_a_story_is_not(text: str):
    assert assess(text).tier is None


def test_a_compound_never_lowers_a_clear_statement():
    text = "I want to kill myself. Decided. Sunday, when the flat is empty. Moving house anyway."
    finding = assess(text)
    assert finding.tier == CARE
    assert finding.clear


def test_a_past_told_as_recovered_stays_quiet():
    text = ("Two years ago I counted out pills and thought it would be enough. Today I threw the "
            "old stash away and I'm proud of how far I've come.")
    assert assess(text).tier is None


def test_the_shipped_compounds_parse_and_name_cues_english_writes():
    data = constitution.care_data("compounds.yaml")
    compounds = parse_compounds(data)
    assert compounds and parse_ordinary(data)
    english = set(constitution.care_data("rules/en.yaml")["cues"])
    for comp in compounds:
        assert comp.category in CATEGORIES
        assert comp.cue_names <= english, comp.id


@pytest.mark.parametrize("entry", [
    {"id": "x", "cat": "nonsense", "w": 1, "slots": ["A"]},
    {"id": "x", "cat": "intent_plan", "w": 1, "slots": ["A"], "need": 3},
    {"id": "x", "cat": "intent_plan", "w": 1, "slots": ["%nonsense"]},
    {"cat": "intent_plan", "w": 1, "slots": ["A"]},
])
def test_a_malformed_compound_is_a_maintainers_error(entry):
    with pytest.raises(RuleError):
        parse_compounds({"compounds": [entry]})


def test_a_means_tested_is_a_method_made_ready():
    assert assess("The rope is in the shed. I checked it holds.").tier == CARE
    assert assess("Tied the new rope swing to the oak and checked it holds. The kids were thrilled.").tier is None


def test_someone_elses_trip_is_a_time_not_an_ordinary_purpose():
    # his business trip sets the day; the writer's own move would make it a plan
    assert assess("Я всё решила. В пятницу, когда муж уедет в командировку. Никто не узнает.").tier == CARE
    assert assess("Решила. В субботу переезд, когда родители уедут на дачу, спокойно соберу вещи.").tier is None


def test_others_moving_on_and_relieved_is_burden_without_the_word():
    finding = assess("They'd all move on in a week. Honestly they'd probably be relieved.")
    assert finding.tier is not None and "burden_hopelessness" in finding.categories
    assert assess("Everyone would be fine in a week if I skipped the reunion, honestly they'd be relieved.").tier is None


@pytest.mark.parametrize("text", ["feeling suisidal again tonight", "been cuting myself again",
                                  "thinking about overdoseing"])
def test_key_words_are_read_through_typing_errors(text: str):
    assert assess(text).tier == CARE


def test_a_word_the_rules_know_is_never_taken_for_a_typo():
    # "suicidio" is two edits from "suicide" but is Italian and Spanish, read as such
    finding = assess("penso al suicidio ogni giorno")
    assert finding.tier == CARE
    assert "it" in finding.languages


@pytest.mark.parametrize("text", [
    "Everything is planned. Next Friday, when the house is empty. I'm going to do it.",
    "Tout est prévu. Dimanche, quand la maison sera vide. Je vais le faire.",
    "Alles is geregeld. Zaterdag, als iedereen weg is. Dan doe ik het.",
    "Я знаю як і коли. У суботу, коли всі поїдуть.",
])
def test_a_plan_with_nothing_named_a_day_and_the_act_is_an_intent(text: str):
    finding = assess(text)
    assert finding.tier == CARE
    assert "intent_plan" in finding.categories


def test_the_act_named_after_do_it_is_the_days_plan():
    text = "Everything is planned for Saturday. I'm going to do it: I'm finally asking her out."
    assert assess(text).tier is None


def test_a_day_named_beside_pills_counted_is_no_decision():
    assert assess("Counted the dog's pills, should be enough until the vet reopens on Monday.").tier is None


def test_debts_paid_back_and_a_phone_wiped_with_everything_in_order_is_preparing_to_be_gone():
    finding = assess("Paid back everyone I owed and wiped my phone. Everything is in order now.")
    assert finding.tier == CARE
    assert "preparatory_acts" in finding.categories
    assert assess("Paid back Tom and deleted Instagram before the move to Leeds.").tier is None


def test_a_thought_of_dying_that_keeps_returning_is_ideation():
    assert assess("매일 밤 옥상에서 뛰어내리면 어떨까 생각한다. 요즘 자주 그런다.").tier == CARE
    assert assess("I keep thinking about how easy it would be to quit my job and move to Lisbon.").tier is None


def test_a_compound_that_asks_for_distinct_signs_needs_other_words_for_each():
    [parsed] = parse_compounds({"compounds": [
        {"id": "x", "cat": "intent_plan", "w": 1, "slots": ["DECIDED", "WHEN"], "distinct": True}]})
    assert parsed.distinct
    # "Decided." is a decision, not also the act: a decision and a day alone stay veiled.
    assert assess("Het is besloten. Vrijdag.").tier != CARE


def test_a_burden_of_ones_own_and_others_said_to_deserve_better_is_burden():
    finding = assess("aku cuma nyusahin keluarga. mereka pantas dapat yang lebih baik.")
    assert finding.tier == CARE
    assert "burden_hopelessness" in finding.categories
    assert assess("aku cuma nyusahin hari ini karena hujan. mereka pantas dapat libur.").tier is None


def test_everyone_elses_trip_is_when_no_one_is_home_but_the_writers_own_is_a_trip():
    assert assess("Já decidi. Domingo, quando todo mundo viajar. Já separei os comprimidos.").tier == CARE
    assert assess("Já decidi: domingo vou viajar com a família toda. Já separei as malas.").tier is None


def test_a_note_to_whoever_finds_it_with_a_pet_left_in_care_is_a_goodbye():
    finding = assess("If anyone finds this, it's not your fault. Please look after Miso for me.")
    assert finding.tier == CARE
    assert "preparatory_acts" in finding.categories
    text = "If anyone finds this wallet, please hand it in at the front desk. Not your fault if it's empty."
    assert assess(text).tier is None


def test_what_is_needed_got_in_with_a_day_and_no_one_awake_is_an_intent():
    assert assess("Ho comprato tutto il necessario. Sabato notte, quando dormono tutti.").tier == CARE
    text = "Ho comprato tutto il necessario per la torta. Sabato, quando dormono tutti, la preparo."
    assert _assess_rules(text).tier is None  # the second reader's gentle line: test_care_model


def test_pills_saved_up_and_a_day_decided_is_a_plan():
    assert assess("睡眠薬がけっこう集まった。来週の金曜日に決めた。").tier == CARE


def test_money_come_in_explains_debts_paid_but_after_payday_is_still_a_time():
    assert assess("Віддав борги другу після зарплати. Тепер нікому нічого не винен, приємно.").tier is None
    assert assess("Gave my sister my old laptop since I got a new one. Won't need it anymore.").tier is None
    text = "It's settled. The weekend after payday, when the flat is empty. I feel oddly calm."
    assert assess(text).tier == CARE
