"""Which language a text is written in, by script and, within a script, by lingua.

The script settles most cases exactly and for free: Hangul is Korean, kana is Japanese,
Han without kana is Chinese, Devanagari is Hindi, Arabic script is Arabic. Latin and Cyrillic texts are given to
lingua (a maintained identifier), restricted to the languages of that script that Mirror
supports. lingua loads its models on first use (~0.2 s for the Latin languages, in low
accuracy mode, which is accurate enough on journal-length text), so it is imported and
built only when a caller needs a language, never at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

LATIN = ("en", "es", "fr", "de", "pt", "it", "nl", "pl", "tr", "id", "sv", "vi")
CYRILLIC = ("ru", "uk")
_LINGUA_NAMES = {
    "en": "ENGLISH", "es": "SPANISH", "fr": "FRENCH", "de": "GERMAN", "pt": "PORTUGUESE",
    "it": "ITALIAN", "nl": "DUTCH", "pl": "POLISH", "tr": "TURKISH", "id": "INDONESIAN",
    "sv": "SWEDISH", "vi": "VIETNAMESE", "ru": "RUSSIAN", "uk": "UKRAINIAN",
}


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: latin, cyrillic, hangul, kana, han, devanagari, arabic."""
    counts = {"latin": 0, "cyrillic": 0, "hangul": 0, "kana": 0, "han": 0, "devanagari": 0,
              "arabic": 0}
    for ch in text[:4000]:
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o < 0x1F00:  # (Latin Extended Additional: "ế", "ở")
            if ch.isalpha():
                counts["latin"] += 1
        elif 0x600 <= o < 0x700 or 0x750 <= o < 0x780:
            counts["arabic"] += 1
        elif 0x400 <= o < 0x530:
            counts["cyrillic"] += 1
        elif 0xAC00 <= o < 0xD7B0 or 0x1100 <= o < 0x1200 or 0x3130 <= o < 0x3190:
            counts["hangul"] += 1
        elif 0x3040 <= o < 0x3100 or 0x31F0 <= o < 0x3200:
            counts["kana"] += 1
        elif 0x4E00 <= o < 0xA000 or 0x3400 <= o < 0x4DC0:
            counts["han"] += 1
        elif 0x900 <= o < 0x980:
            counts["devanagari"] += 1
    return counts


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder  # deferred: loads models

    chosen = [getattr(Language, _LINGUA_NAMES[code]) for code in languages]
    return LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()


def _lingua(text: str, candidates: tuple[str, ...]) -> str | None:
    if len(candidates) == 1:
        return candidates[0]
    try:
        detector = _detector(candidates)
    except ImportError:  # pragma: no cover - lingua is a dependency; degrade, never fail
        return None
    found = detector.detect_language_of(text)
    if found is None:
        return None
    names = {v: k for k, v in _LINGUA_NAMES.items()}
    return names.get(found.name)


def identify(text: str, among: Iterable[str] | None = None) -> str | None:
    """The ISO code of `text`'s language, or None when there is nothing to tell by.
    `among` restricts the answer (e.g. to languages a text exists in)."""
    allowed = tuple(among) if among is not None else None
    counts = script_counts(text)
    script = max(counts, key=lambda k: counts[k])
    if counts[script] == 0:
        return None
    if counts["kana"]:
        found: str | None = "ja"
    elif script == "han":
        found = "zh"
    elif script == "hangul":
        found = "ko"
    elif script == "devanagari":
        found = "hi"
    elif script == "arabic":
        found = "ar"
    else:
        pool = LATIN if script == "latin" else CYRILLIC
        if allowed is not None:
            pool = tuple(c for c in pool if c in allowed) or pool
        found = _lingua(text, pool)
    if allowed is not None and found not in allowed:
        return None
    return found


#: Below this many characters lingua's low-accuracy mode can be sure and wrong ("Le regalé a
#: mi hermana el reloj de papá." read as Portuguese at 0.998): a disagreement with the
#: function-word guess is settled by its high-accuracy models, for those two languages only.
SHORT_TEXT = 200


@lru_cache(maxsize=8)
def _careful_detector(languages: tuple[str, ...]):
    from lingua import Language, LanguageDetectorBuilder  # deferred: loads models

    return LanguageDetectorBuilder.from_languages(
        *(getattr(Language, _LINGUA_NAMES[code]) for code in languages)).build()


def settle(text: str, one: str, other: str) -> str:
    """Which of two languages a short text is in, by lingua's high-accuracy models (~0.5 s
    to load for two languages, once; only asked when two quicker guesses disagree)."""
    if one not in _LINGUA_NAMES or other not in _LINGUA_NAMES:
        return other
    found = _careful_detector(tuple(sorted((one, other)))).detect_language_of(text)
    names = {v: k for k, v in _LINGUA_NAMES.items()}
    return names.get(found.name, other) if found is not None else other


#: The languages Mirror has whole frame sets for: a text of a few words is told among these.
FRAMED = ("en", "es", "fr", "de", "pt", "it", "nl", "pl")


def identify_few_words(text: str) -> str:
    """The language of a text of a few Latin words and no function word ("Jestem
    zmęczona.", "Heel moe.", "Tired."), among the framed languages: lingua's quick guess,
    and when that is not English, settled against English by its careful models. "Tired."
    was guessed Italian by the quick models alone; "Sono stanca." was answered in English
    when no guess was made at all."""
    found = _lingua(text, FRAMED) or "en"
    return found if found == "en" else settle(text, "en", found)

