"""`forms/<lang>.json`: every inflected form of the words the care rules name, from simplemma.

A rule names "die" once; a person writes "died", "dying", "умру", "żyć", "öleceğim".
Loading a lemmatiser's dictionaries costs seconds per language, far too much for
`mirror reflect`, so the work is done once, by a maintainer, with the maintained
lemmatiser simplemma (its dictionaries cover 14 of the care languages): for each word a
rule names, its lemma, and every form the dictionary maps to that lemma, become entries
form -> lemma. The table ships beside the rules in the constitution and is hashed with
them; a test regenerates it and fails when it is stale.

    python -m mirror.engine.care.inflect --write [LANG ...]

Chinese, Japanese, Korean and romanised Hindi have no dictionary here: their rules use
characters (zh, ja), prefixes (ko, hi-Latn) and alternatives instead.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mirror import constitution
from mirror.engine.care.rules import rule_words
from mirror.engine.care.text import fold
from mirror.resources import constitution_dir

#: Care languages simplemma has dictionaries for.
LEMMATISED = ("en", "es", "fr", "de", "pt", "it", "nl", "pl", "tr", "ru", "uk", "hi", "id", "sv")


def _english_participles(lemma: str, known: Mapping[str, Any]) -> list[str]:
    """English -ing forms the dictionary lists as nouns of their own ("ending",
    "cutting"): kept only when the dictionary knows the word."""
    stems = {lemma + "ing", lemma[:-1] + "ing" if lemma.endswith("e") else "",
             lemma + lemma[-1] + "ing" if lemma else ""}
    return [s for s in stems if s and s in known]


#: Russian and Ukrainian verbs by their infinitive's ending, and their first person singular
#: (present or perfective future): the dictionary lacks it for many perfective verbs
#: ("поріжу", "отруюся", "вистрибну"), and a person writing "I will" writes just it.
#: (infinitive ending, reflexive infinitive ending, first person, its reflexive)
_FIRST_PERSON = {
    "ru": (("нуть", "нуться", "ну", "нусь"), ("ять", "яться", "яю", "яюсь"), ("еть", "еться", "ею", "еюсь")),
    "uk": (("нути", "нутися", "ну", "нуся"), ("яти", "ятися", "яю", "яюся"), ("їти", "їтися", "ю", "юся"),
           ("іти", "ітися", "ію", "іюся")),
}
#: The stem's last consonant before the ending of the first person where it alternates
#: ("заплатить" -> "заплачу", "різати" -> "ріжу"); second-conjugation verbs also take an
#: "л" after a labial ("зганьбити" -> "зганьблю").
_MUTATION = {"т": "ч", "з": "ж", "с": "ш", "ст": "щ", "к": "ч", "г": "ж", "х": "ш", "ж": "ж", "ш": "ш",
             "ч": "ч", "щ": "щ"}
_LABIAL = "бпвмф"
#: (-ать/-ати, -ить/-ити, reflexive particle after the first person, a soft "ю" after a
#: consonant cluster: "убить" -> "убью", "вбити" -> "вб'ю")
_CONJUGATION = {"ru": ("ать", "ить", "сь", "ью", "д", "ж"), "uk": ("ати", "ити", "ся", "'ю", "д", "дж")}
_VOWELS = "аеёиоуыэюяіїєʼ'"


def _first_person_forms(language: str, lemma: str, table: Mapping[str, str]) -> list[str]:
    """Candidates for the first person singular of a Russian or Ukrainian verb `lemma` by
    its conjugation's regular endings, when `table` (the dictionary's forms) has none; the
    caller keeps only those that are no other word's written form."""
    if any(v == lemma and k != lemma and k.endswith(("у", "ю", "усь", "юсь", "уся", "юся"))
           for k, v in table.items()):
        return []
    reflexive_tail = "ся" if language == "uk" else "сь"
    for plain, reflexive, one, one_reflexive in _FIRST_PERSON[language]:
        if lemma.endswith(reflexive):
            return [lemma[: -len(reflexive)] + one_reflexive]
        if lemma.endswith(plain):
            return [lemma[: -len(plain)] + one]
    first, second, particle, cluster, dental, dental_to = _CONJUGATION[language]
    tail = ""
    for ending in (first, second):
        if lemma.endswith(ending + reflexive_tail if language == "uk" else ending + "ся"):
            lemma, tail = lemma[: -2], particle
            break
    out: list[str] = []
    for ending in (first, second):
        if not lemma.endswith(ending):
            continue
        stem = lemma[: -len(ending)]
        if not stem:
            return []
        end = "ст" if stem.endswith("ст") else stem[-1]
        mutated = stem[: -len(end)] + (dental_to if end == dental else _MUTATION.get(end, end))
        if ending == first:
            out += [stem + ("а" if ending.startswith("а") else "я") + "ю" + tail, mutated + "у" + tail]
        else:
            if end in _LABIAL:
                out.append(stem + "лю" + tail)
            elif end in _MUTATION or end == dental:
                out.append(mutated + "у" + tail)
            else:
                out.append(stem + "ю" + tail)
            if len(stem) >= 2 and stem[-2] not in _VOWELS:
                out.append(stem + cluster + tail)
    return out


def forms_for(language: str, words: Iterable[str], excluded: Iterable[str] = ()) -> dict[str, str]:
    """form -> lemma for every form of `words` in simplemma's dictionary for `language`."""
    import simplemma  # test extra, seconds per dictionary: only this maintainer tool loads it
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary(language)
    words = {fold(w) for w in words if w}
    lemma_of = {w: fold(simplemma.lemmatize(w, lang=language)) for w in words}
    wanted = set(lemma_of.values()) | words
    table: dict[str, str] = {}
    for form, lemma in dictionary.items():
        folded = fold(lemma)
        if folded in wanted:
            table[fold(form)] = folded
    for word, lemma in lemma_of.items():
        if word != lemma:
            table.setdefault(word, lemma)
    if language == "en":
        for lemma in sorted(wanted):
            for form in _english_participles(lemma, dictionary):
                table[fold(form)] = lemma
    if language in _FIRST_PERSON:
        for lemma in sorted(wanted):
            for form in _first_person_forms(language, lemma, table):
                # the reflexive too: the dictionary names "отруїтися" by "отруїти"
                particle = "" if form.endswith(("ся", "сь")) else "ся" if language == "uk" else "сь"
                for written in {form, form + particle}:
                    if fold(written) not in dictionary:  # never another word's written form
                        table.setdefault(fold(written), table.get(lemma, lemma))
    for form in excluded:
        table.pop(fold(form), None)
    for lemma in wanted:
        table.setdefault(lemma, lemma)  # a lemma is a form too: it tells which language knows it
    return {k: v for k, v in sorted(table.items()) if k and v and " " not in k + v and "/" not in k + v}


def generate(data: Mapping[str, Any]) -> dict[str, str]:
    """The forms table for one language's rules file ({} for a language without a
    dictionary)."""
    lang = str(data["language"])
    if lang not in LEMMATISED:
        return {}
    return forms_for(lang, rule_words(data), data.get("not_forms") or ())


def render(forms: Mapping[str, str]) -> str:
    """The file's exact text: one entry per line keeps diffs readable."""
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
             for k, v in sorted(forms.items())]
    return "{\n" + ",\n".join(lines) + ("\n" if lines else "") + "}\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = constitution_dir()
    if not args or args[0] != "--write" or not isinstance(root, Path):
        print("usage (from a checkout): python -m mirror.engine.care.inflect --write [LANG ...]",
              file=sys.stderr)
        return 2
    wanted = set(args[1:])
    for data in constitution.care_rule_files():
        lang = str(data["language"])
        if (wanted and lang not in wanted) or lang not in LEMMATISED:
            continue  # no dictionary: that language's rules name every form themselves
        target = root / "care" / "forms" / f"{lang}.json"
        target.write_text(render(generate(data)), encoding="utf-8")
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
