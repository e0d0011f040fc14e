"""A month reads as the month, not as its weeks glued together: where a week's digest
already quoted an entry's line, the month quotes the entry's other felt line, or an entry
the weeks left out; and the day the month turned is among its lines."""

from __future__ import annotations

from datetime import date, timedelta

from mirror.engine.reading import valences
from mirror.services.digest import LINES, MONTH_LINES, felt_tone, salient_lines, turn_of
from mirror.storage.periods import PeriodEntry

_WORRY = [
    "Couldn't sleep, the rota changed again and I'm dreading Monday. "
    "Honestly I feel like I'm failing at everything. I hate how tired I am.",
    "Argued with Sam about money. I was awful to him and I'm ashamed of it. "
    "The flat feels cold and I am so anxious about the rent.",
    "Another bad shift, the manager shouted at me in front of everyone. "
    "I cried in the toilets. I'm scared I'll lose this job.",
    "Headache all day. I feel hopeless about the whole thing. "
    "Sam was quiet at dinner and I was too sad to ask.",
    "Missed the bus, soaked, miserable. I'm lonely even at home. "
    "Nothing is working and I'm angry at myself.",
    "Worst week in a long time. I'm exhausted and frightened. "
    "I don't know how long I can keep this up.",
]
_RELIEF = [
    "The new job offer came through! I'm so relieved and happy. "
    "Sam hugged me in the kitchen and we laughed like idiots.",
    "First day at the new place, lovely people, I felt calm for once. "
    "Walked home in the sun, grateful for all of it.",
    "Slept nine hours. I'm proud I held on through last month. "
    "Sam made pancakes and it felt like a small celebration.",
    "Good day, really good. I'm hopeful about the autumn. "
    "We booked a weekend by the sea and I'm excited.",
    "Quiet evening, happy and content. The flat feels warm again. "
    "I love how easy things are with Sam right now.",
    "Payday. Paid the rent early and felt wonderful. "
    "Sam and I danced in the living room, ridiculous and joyful.",
]


def _entries() -> list[PeriodEntry]:
    first = date(2026, 9, 1)
    texts = [*_WORRY, *_RELIEF]
    return [PeriodEntry(f"e{k}", text, f"{first + timedelta(days=2 * k + k // 3)}T20:00:00Z",
                        "UTC", False, None) for k, text in enumerate(texts)]


def _weekly(entries: list[PeriodEntry]) -> set[str]:
    weeks: dict[tuple[int, int], list[PeriodEntry]] = {}
    for e in entries:
        weeks.setdefault(date.fromisoformat(e.created_at[:10]).isocalendar()[:2], []).append(e)
    return {line.text for week in weeks.values() for line in salient_lines(week, LINES)}


def test_a_month_quotes_what_its_weeks_did_not():
    """Every month line was one its weekly digests had already quoted: a reader of both
    read the same lines twice and nothing of the month."""
    entries = _entries()
    weekly = _weekly(entries)
    month = [line.text for line in salient_lines(entries, MONTH_LINES)]
    fresh = [t for t in month if not any(t in w or w in t for w in weekly)]
    assert len(fresh) * 2 >= len(month), month


def test_the_month_names_the_day_it_turned():
    entries = _entries()
    assert turn_of(entries, valences()) == f"e{len(_WORRY)}"
    month = salient_lines(entries, MONTH_LINES)
    assert any(line.reflection_id == f"e{len(_WORRY)}" for line in month)


def test_a_month_of_one_tone_has_no_turn():
    entries = [e for e in _entries() if int(e.id[1:]) >= len(_WORRY)]
    assert turn_of(entries, valences()) is None


def test_a_month_in_another_language_turns_on_its_own_feeling_words():
    """VADER knows English words only: a Spanish month of worry, then calm, turns where
    the calm begins, read by Spanish feeling words."""
    texts = ["Estoy muy preocupada por mamá, no duermo.", "Otro día triste, lloré en el coche.",
             "Tengo miedo de lo que dirá el médico.", "Me siento sola y cansada, muy triste.",
             "El médico dice que está bien. Estoy tan aliviada y feliz.",
             "Un día tranquilo, me siento contenta.", "Paseo con mamá, qué alegría verla reír.",
             "Estoy agradecida y tranquila esta semana."]
    entries = [PeriodEntry(f"s{k}", text, f"2026-05-{3 * k + 1:02d}T20:00:00Z", "UTC", False, None)
               for k, text in enumerate(texts)]
    tones = {e.id: felt_tone(e.content, "es") for e in entries}
    assert turn_of(entries, {}, tones) == "s4"


def test_someone_in_every_week_of_a_polish_month_is_found_in_all_their_cases():
    """"Ewa", "z Ewą", "o Ewie" are one person: a month that names her in a different case
    each week has her in every week."""
    from mirror.services.digest_month import arcs

    texts = ["Ewa zrobiła obiad.", "Byłem z Ewą w kinie.", "Myślałem dziś o Ewie.",
             "Kupiłem kwiaty dla Ewy."]
    entries = [PeriodEntry(f"p{k}", text, f"2026-09-{7 * k + 2:02d}T20:00:00Z", "UTC", False,
                           None) for k, text in enumerate(texts)]
    assert [(a.name, a.kind) for a in arcs(entries, ["Ewa"], "pl")] == [("Ewa", "every")]


def test_the_other_line_of_an_entry_stands_alone():
    """"Wrote it on the back of the parking stub" after the line that says what "it" was
    is no line for the month to quote on its own."""
    from mirror.services.digest import _quote

    text = ("Session with Dr. Feld. Told him about the garden and the hat and Jenny.\nHe said "
            "grief isn't a hallway you walk down and come out the other end, it's more like a "
            "house you live in, and some rooms you go into more than others. Wrote it on the "
            "back of the parking stub so I'd remember. Bit corny. Still true.")
    for known in (frozenset(), frozenset({"Feld", "Jenny", "Rosa"})):
        others: dict = {}
        _quote(PeriodEntry("w", text, "2026-03-26T20:00:00Z", "UTC", False, None), {}, True,
               known, others)
        assert not others or not others["w"][1].text.startswith("Wrote it")
