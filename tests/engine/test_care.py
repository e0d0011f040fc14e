"""Care before reflection: the detector (constitution/care/), its tiers, its evidence and
the care texts. The labelled corpus (tests/corpus/care/) is measured in test_care_corpus.py
and by bench/care_eval.py; these tests pin behaviour a person would notice."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mirror.engine.care import CARE, GENTLE, assess, care_languages, care_response, gentle_line
from mirror.engine.care.respond import response_language


def tier(text: str) -> str | None:
    return assess(text).tier


@pytest.mark.parametrize("text", [
    # The phrasings that used to get an ordinary mirrorback.
    "Lately I keep thinking about ending things for good.",
    "I wrote goodbye notes to my sisters tonight and put them in the drawer.",
    "Nobody would even notice if I disappeared.",
    "Non voglio più vivere.",
    "Quiero acabar con todo.",
])
def test_the_phrasings_that_were_missed_now_get_care(text: str) -> None:
    assert tier(text) == CARE


@pytest.mark.parametrize("text", [
    "ended it? no. but i think about ending it every single night",
    "I've been thinking about killing myself again",
    "i dont want to live anymore",
    "im so sucidal today",
    "i wanna killll myself",
    "WHY CAN'T I JUST DIE",
    "i just wish i could go to sleep and never wake up",
    "Everyone would be better off without me.",
    "I cut myself again last night",
    "I don't deserve to eat. Skipped dinner again to punish myself.",
    "He took my passport and my bank card and won't let me see my friends.",
    "I'm scared to go home tonight, he said he'd kill me if I left.",
    "Ich will nicht mehr leben.",
    "Je veux en finir.",
    "Я больше не хочу жить",
    "我不想活了",
    "죽고 싶다",
    "mujhe ab jeena nahi hai, sab khatam karna chahta hoon",
])
def test_inflections_typos_and_languages_get_care(text: str) -> None:
    assert tier(text) == CARE, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "This commute is killing me.",
    "These new boots are murdering my heels.",
    "I could kill for a bowl of ramen right now.",
    "Dying to see the new exhibition at the Tate!",
    "That cheesecake was to die for.",
    "I was bored to death in that meeting.",
    "Dead tired after the double shift.",
    "I nearly died laughing at the wedding speech.",
    "My brother beat me at chess again.",
    "It finally hit me that I'm moving abroad.",
    "I'm cutting myself some slack this week.",
    "Killed the final boss on my third try!",
])
def test_figures_of_speech_with_new_nouns_are_not_alarms(text: str) -> None:
    assert tier(text) is None, assess(text).to_json()


@pytest.mark.parametrize("text", [
    "My friend told me she wants to kill herself. I sat with her until her mum came.",
    "In the novel the heroine wants to die after the war.",
    "Three years since Sam's suicide and it still ambushes me.",
    "The documentary about self-harm was hard to watch but important.",
    "The nurse explained the overdose risk of paracetamol very clearly.",
])
def test_someone_elses_crisis_or_a_story_is_not_the_writers(text: str) -> None:
    assert tier(text) is None, assess(text).to_json()


def test_the_writers_own_signal_beside_someone_elses_still_counts() -> None:
    assert tier("My friend wants to kill herself. Honestly I want to die too.") == CARE


def test_a_recovery_story_is_not_a_crisis_but_present_signals_beside_it_are() -> None:
    story = ("Four years ago I tried to end my life. Today I'm doing well, I got help and "
             "I wanted to write down how far I've come.")
    assert tier(story) is None, assess(story).to_json()
    assert tier(story + " But lately I want to die again.") == CARE


@pytest.mark.parametrize("text", [
    "I'm not suicidal, I just feel empty all the time.",
    "i want to die lol that presentation was so bad",
    "honestly I'm so done with everything",
    "sometimes I wish I could just disappear",
])
def test_ambiguous_signals_get_the_gentle_tier(text: str) -> None:
    assert tier(text) == GENTLE, assess(text).to_json()


def test_one_veiled_sign_alone_is_not_a_crisis_but_several_are() -> None:
    assert tier("Tidied the whole flat today and gave my old clothes to charity.") is None
    cluster = ("Gave my guitar to my cousin. Sorted out my affairs and wrote letters to "
               "each of them. It will all be over soon.")
    finding = assess(cluster)
    assert finding.tier == CARE and not finding.clear  # no single clear statement


def test_the_signal_is_found_in_the_middle_of_a_long_entry() -> None:
    filler = "We walked to the market and bought apples, then the bus was late again. " * 400
    text = filler + "I keep thinking about killing myself. " + filler
    finding = assess(text)
    assert finding.tier == CARE
    (signal,) = [s for s in finding.signals if s.category == "suicidal_thoughts"]
    assert text[signal.start:signal.end] == signal.text and "killing myself" in signal.text


def test_evidence_names_categories_rules_and_the_writers_own_words() -> None:
    text = "He checks my phone every night. I'm afraid to go home."
    finding = assess(text)
    assert finding.tier == CARE and finding.categories == ["abuse_coercion"]
    for s in finding.signals:
        assert text[s.start:s.end] == s.text and s.rule.startswith("en.")
    data = finding.to_json()
    assert data["tier"] == "care" and {"category", "rule", "text", "start", "end"} <= set(data["signals"][0])


@pytest.mark.parametrize(("text", "language", "words"), [
    ("Non voglio più vivere.", "it", "Grazie"),
    ("Quiero acabar con todo.", "es", "Gracias"),
    ("Ich will nicht mehr leben.", "de", "Danke"),
    ("Я больше не хочу жить", "ru", "Спасибо"),
    ("mujhe ab jeena nahi hai yaar", "hi-Latn", None),
])
def test_the_care_text_is_in_the_writers_language(text: str, language: str, words: str | None) -> None:
    finding = assess(text)
    assert response_language(text, finding) == language, (finding.to_json(), finding.languages)
    if words:
        assert words in care_response(finding.signals, language=language)


def test_every_care_text_holds_in_any_country_and_lists_saved_resources() -> None:
    languages = care_languages()
    assert len(languages) >= 17 and {"en", "es", "hi-Latn", "ja", "uk"} <= set(languages)
    finding = assess("I want to kill myself")
    for lang in languages:
        text = care_response(finding.signals, ["Ana: +34 600 000 000"], lang)
        body = text.split("\n\n")[0]
        assert not re.search(r"\d{3}", body), (lang, body)  # no country's phone number
        assert text.endswith("- Ana: +34 600 000 000")
        line = gentle_line(lang)                          # names no command, no resources
        assert "`" not in line and "mirror" not in line and "\n" not in line, (lang, line)
        assert gentle_line(lang, ["Ana: +34 600 000 000"]).startswith(line)
        assert gentle_line(lang, ["Ana: +34 600 000 000"]).endswith("Ana: +34 600 000 000")


@settings(max_examples=300)
@given(st.text(max_size=2000))
def test_the_detector_never_raises_and_is_deterministic(text: str) -> None:
    first = assess(text)
    assert first == assess(text)
    assert first.tier in (None, CARE, GENTLE)
    for s in first.signals:
        assert text[s.start:s.end] == s.text


@settings(max_examples=100)
@given(st.lists(st.sampled_from(
    ["I", "want", "to", "die", "kill", "myself", "not", "lol", "my", "friend", "used", "ago",
     "is", "killing", "me", "could", "for", "ending", "things", ",", ".", "goodbye", "notes",
     "quiero", "morir", "死", "にたい", "죽고", "싶다", "жить", "не"]), max_size=60))
def test_signal_vocabulary_in_any_order_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    finding = assess(text)
    assert finding.score >= 0


def test_a_denial_brings_the_gentle_line_never_the_care_response() -> None:
    """"I'm not suicidal" is the person's own word: with another weak sign beside it the
    entry gets the gentle line, not a care text that contradicts them."""
    assert tier("I'm not suicidal, just tired of everything.") == GENTLE
    # A negator near a weaker sign is no denial.
    assert tier("My boyfriend checks my phone every night. If I don't hand it over he grabs "
                "it and smashes something.") == CARE


@pytest.mark.parametrize(("text", "said", "not_said"), [
    ("I wrote goodbye notes to my sisters tonight and put them in the drawer.",
     "saying goodbye", "not wanting to live"),
    ("Nobody would even notice if I disappeared.", "not being here", "ending your life"),
    ("I want to kill myself.", "not wanting to live", "saying goodbye"),
    ("I cut myself again last night", "hurting yourself", "not wanting to live"),
])
def test_the_care_text_says_only_what_was_written(text: str, said: str, not_said: str) -> None:
    response = care_response(assess(text).signals)
    assert said in response and not_said not in response


def test_common_first_names_are_not_signs_of_self_starvation() -> None:
    # "Ana" and "Mia" are also names people write about every day.
    assert assess("My sister Ana read my short story and texted me twice.").tier is None
    assert assess("Mia and I baked bread all afternoon.").tier is None
    assert assess("found an ana coach online, she sends me tips every day").tier is not None


def test_having_a_place_is_not_a_plan() -> None:
    # Polish "mieć miejsce" is "to have a place": everyday words, not a chosen date or method.
    assert assess("Chyba po raz pierwszy poczułem, że mam tu swoje miejsce.").tier is None
    assert assess("Wybrałem już datę i miejsce. To koniec.").tier is not None


@pytest.mark.parametrize("text", [
    "Mi compañera de piso me confesó que ha pensado en suicidarse varias veces.",
    "La mia collega mi ha confidato che pensa di uccidersi.",
    "Priya ne bataya ki use suicidal thoughts aate hain, hum kal doctor ke paas jayenge.",
    "同僚から死にたいと相談された。話を聞いて病院を一緒に探した。",
])
def test_a_confidence_told_to_the_writer_is_about_the_one_who_told_it(text: str) -> None:
    assert tier(text) is None


def test_the_writer_named_again_after_a_confidence_is_the_writers_own() -> None:
    assert tier("Mi padre me dijo que quiere matarme si vuelvo tarde.") == CARE
    assert tier("Le conté a mi madre que he pensado en suicidarme.") == CARE


def test_a_typo_never_turns_someone_elses_form_into_the_writers() -> None:
    from mirror.engine.care.detect import detector

    words = detector().normaliser.words
    assert words("suicidarse", set()) == ["suicidarse"]
    assert words("uccidersi", set()) == ["uccidersi"]
    assert words("sucidarme", set()) == ["suicidarme"]
    assert tier("Pensé en sucidarme otra vez.") == CARE


def test_a_common_word_of_the_sentences_language_is_not_another_languages_sign() -> None:
    # Polish "od" ("from") is no English overdose; an English sentence keeps it.
    assert "method_means" not in assess("Kwiaty od Ani i czekoladki.").categories
    assert tier("i will od tonight on everything i have") == CARE


def test_so_x_i_could_die_of_a_passing_state_is_a_figure_but_of_pain_is_not() -> None:
    assert tier("饿得想死，赶紧点了外卖。") is None
    assert tier("每天都痛苦得想死。") == CARE


@pytest.mark.parametrize("text", [
    "Kept picking at my arm till it bled, it was the only thing that helped.",
    "Расчесала плечи до крови вчера вечером.",
    "Знову розчесала руки до крові, поки всі спали.",
    "Podrapałem sobie nogi do krwi, żeby przestać myśleć.",
    "Ik heb mijn armen weer opengekrabd tot ze bloedden.",
    "Tadi aku garuk pahaku pakai jarum sampai berdarah.",
])
def test_an_injury_to_ones_own_body_carried_until_it_bleeds_is_self_harm(text: str) -> None:
    finding = assess(text)
    assert finding.tier == CARE
    assert "self_harm" in finding.categories


def test_an_itch_scratched_until_it_bled_is_not_self_harm() -> None:
    assert tier("Scratched my mosquito bites until they bled, so annoying.") is None


@pytest.mark.parametrize("text", [
    "Gdybym umarła, byłoby najlepiej dla wszystkich.",
    "Najlepiej by było, gdybym po prostu umarła.",
])
def test_the_writers_death_wished_as_the_better_outcome_is_care(text: str) -> None:
    assert tier(text) == CARE


@pytest.mark.parametrize("text", [
    "Jag vill inte leva längre, allt känns meningslöst.",
    "Har skurit mig i armen igen ikväll.",
    "Familjen klarar sig bättre utan mig.",
])
def test_swedish_is_read_and_answered_in_swedish(text: str) -> None:
    finding = assess(text)
    assert finding.tier == CARE
    assert response_language(text, finding) == "sv"


@pytest.mark.parametrize("text", [
    "Skar mig i fingret när jag skalade potatis, lite blod bara.",
    "Jobbet tar livet av mig den här veckan.",
    "Min kompis sa att hon vill dö, vi ringde en läkare tillsammans.",
])
def test_swedish_figures_accidents_and_someone_elses_words_are_not_alarms(text: str) -> None:
    assert tier(text) is None


@pytest.mark.parametrize("text", [
    "I can't do this anymore. I've been thinking about taking all of Nan's tablets. Nobody would even notice.",
    "could just take all of Dad's sleeping pills tonight and be done",
])
def test_taking_all_of_someone_elses_pills_is_means(text: str) -> None:
    # Whose pills they are sits between "all" and the pills; the medicine in a house is
    # often a parent's or a grandparent's.
    assert assess(text).tier == CARE


def test_returning_someone_elses_pills_is_not_means() -> None:
    assert assess("Took all of Mum's old tablets back to the pharmacy for disposal.").tier is None


def test_a_far_typo_reads_as_the_same_word_on_every_run() -> None:
    """A misspelling two letters from several key words is read as the nearest one, and
    the same one whatever the interpreter's hash seed: whether an entry gets care must not
    depend on the run."""
    import os
    import subprocess
    import sys

    probe = ("from mirror.engine.care.detect import detector; "
             "w = detector().normaliser.words; "
             "print(w('sucidas', set()), w('suicidle', set()))")
    seen = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                             text=True, check=True).stdout.strip()
        seen.add(out)
    assert seen == {"['suicidal'] ['suicide']"}


def test_the_finding_is_the_same_whatever_the_hash_seed() -> None:
    """A sign two languages' rules read on the same words ("обуза" is a burden in the
    Russian and the Ukrainian rules alike) is credited to one language, the same one on
    every run: which language leads the finding must not depend on the interpreter's hash
    seed (it decided the order of the languages here, and so which one was answered in)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    text = "Я для них обуза. Без меня им было бы легче. Я хочу померти."
    probe = ("import sys; from mirror.engine.care import assess; "
             "from mirror.engine.care.detect import _assess; "
             "f = assess(sys.argv[1]); "
             "print(f.tier, f.score, f.signals, f.fired, "
             "sorted(_assess(sys.argv[1])[1], key=lambda s: s.rule))")
    seen = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        seen.add(subprocess.run([sys.executable, "-c", probe, text], env=env, capture_output=True,
                                text=True, check=True, cwd=Path(__file__).resolve().parents[2]).stdout)
    assert len(seen) == 1, seen


def test_taking_a_few_extra_shifts_in_polish_is_not_a_means() -> None:
    # "wezmę kilka dodatkowych zmian" (I'll take a few extra shifts): "take a few" is a means
    # only with pills named; swallowing a few stays one alone.
    family = ("Zadzwoniliśmy do Zosi razem. Ewa powiedziała pierwsza: jedź. Ja powiedziałem, że "
              "wezmę kilka dodatkowych zmian w weekendy, damy radę.")
    assert assess(family).tier is None
    assert assess("Wezmę całe opakowanie leków i koniec.").tier == "care"
    assert assess("Łyknę całe opakowanie.").tier == "care"
