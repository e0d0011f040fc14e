"""`constitution/mirrorback/forms/<lang>.json`: the inflected forms of the feeling words
each language's frames file names, from the maintained lemmatiser simplemma.

A frames file names "lonely" and "angry" once; people write "the loneliest bit", "the
angriest email of my life", "verängstigt", "tristísima". Loading simplemma's dictionaries
costs seconds per language, far too much for `mirror reflect`, so a maintainer computes the
table once (form -> lemma, for every form whose lemma is the lemma of a feeling word) and
it ships beside the frames; a test regenerates it and fails when it is stale.

    python -m mirror.engine.feeling_forms --write [LANG ...]

Only `words` (which name a feeling) get their forms; `hints` (events that often carry one:
"passed", "missed") stay exactly as written, since their other forms ("passing") carry no
feeling at all.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from mirror import constitution
from mirror.resources import constitution_dir

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

#: Languages with a frames file and a simplemma dictionary.
LEMMATISED = ("en", "es", "fr", "de", "pt", "it", "nl", "pl")


def feeling_words(data: Mapping[str, Any]) -> list[str]:
    """The single-word, non-prefix `words` of every feeling in a frames file."""
    out: list[str] = []
    for spec in (data.get("feelings") or {}).values():
        for word in spec.get("words") or ():
            word = str(word).lower()
            if " " not in word and not word.endswith("*") and "'" not in word:
                out.append(word)
    return sorted(set(out))


def forms_for(language: str, words: Iterable[str]) -> dict[str, str]:
    """form -> lemma for every form, in simplemma's dictionary, of the lemmas of `words`."""
    import simplemma  # test extra only: a maintainer tool, never imported by `reflect`
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary(language)
    lemma_of = {w: simplemma.lemmatize(w, lang=language).lower() for w in words}
    # Only words listed in their base form lend their forms: "tired" is a feeling, but the
    # forms of its lemma ("tires", "tiring") are not, and "longing" is not "longer".
    wanted = {lemma for word, lemma in lemma_of.items() if lemma == word}
    table: dict[str, str] = {}
    for form, lemma in dictionary.items():
        if lemma.lower() in wanted:
            table[form.lower()] = lemma.lower()
    for word, lemma in lemma_of.items():
        table[word] = lemma
    return {k: v for k, v in sorted(table.items()) if k and v and " " not in k + v}


def generate(data: Mapping[str, Any]) -> dict[str, str]:
    """The table for one frames file, without the forms it lists under `not_forms` (a form
    that means something else: "wondering" is not awe, "contents" not contentment)."""
    lang = str(data.get("language", ""))
    if lang not in LEMMATISED:
        return {}
    table = forms_for(lang, feeling_words(data))
    for form in data.get("not_forms") or ():
        table.pop(str(form).lower(), None)
    return table


def render(forms: Mapping[str, str]) -> str:
    """The file's exact text: one entry per line keeps diffs readable."""
    lines = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
             for k, v in sorted(forms.items())]
    return "{\n" + ",\n".join(lines) + ("\n" if lines else "") + "}\n"


def load(language: str) -> dict[str, str]:
    """The shipped table for `language` ({} when there is none)."""
    entry = constitution_dir() / "mirrorback" / "forms" / f"{language}.json"
    if not entry.is_file():
        return {}
    table: dict[str, str] = json.loads(entry.read_text(encoding="utf-8"))
    return table


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "--write":
        print("usage (from a checkout): python -m mirror.engine.feeling_forms --write [LANG ...]",
              file=sys.stderr)
        return 2
    wanted = set(args[1:]) or set(LEMMATISED)
    root = constitution_dir()
    if not isinstance(root, Path):
        print("the installed constitution is read-only; run from a checkout", file=sys.stderr)
        return 2
    folder = root / "mirrorback" / "forms"
    folder.mkdir(exist_ok=True)
    for lang in sorted(wanted & set(LEMMATISED)):
        target = folder / f"{lang}.json"
        target.write_text(render(generate(constitution.mirrorback_data(lang))), encoding="utf-8")
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
