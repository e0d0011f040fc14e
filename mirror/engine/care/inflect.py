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
