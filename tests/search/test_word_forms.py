"""A plain word finds its plural and other inflections ("knee" finds "Knees", "ponies"
finds "pony"), as a journaler expects, through SQLite's Porter stemmer at query time: the
index is unchanged, phrases and `*` prefixes work as before, `--fts` stays exact (a read-only
journal searching forms: tests/cli/test_storage_hardening.py)."""

from __future__ import annotations

from mirror.storage.reflections import NewReflection

TEXTS = {
    "knees": "My Knees hurt after the long run by the river.",
    "pony": "The pony ate an apple from my hand.",
    "ponies": "Two ponies in the field behind the school.",
    "walked": "Walked home in the rain, thinking about Sam.",
    "walking": "Walking helps when I can't sleep.",
    "gardenia": "A gardenia on the windowsill, finally flowering.",
    "cafe": "Coffee at the café with my friends.",
}


def write(journal) -> None:
    journal.store.reflections.create_many([NewReflection(content=t) for t in TEXTS.values()])


def found(journal, query, **kw) -> set[str]:
    return {h.reflection.content for h in journal.search(query, **kw)}


def keys(journal, query, **kw) -> set[str]:
    by_text = {text: key for key, text in TEXTS.items()}
    return {by_text[text] for text in found(journal, query, **kw)}


def test_a_plain_word_finds_its_plural_and_singular(journal):
    write(journal)
    assert keys(journal, "knee") == {"knees"}
    assert keys(journal, "KNEE") == {"knees"}
    assert keys(journal, "pony") == {"pony", "ponies"}
    assert keys(journal, "ponies") == {"pony", "ponies"}
    assert keys(journal, "walk") == {"walked", "walking"}
    assert keys(journal, "friend") == {"cafe"}
    assert keys(journal, "cafes") == {"cafe"}               # accents folded as before


def test_every_word_must_be_there_and_the_found_form_is_highlighted(journal):
    write(journal)
    assert keys(journal, "knee river") == {"knees"}
    assert keys(journal, "knee school") == set()
    [hit] = journal.search("knee")
    assert [text for text, match in hit.snippet if match] == ["Knees"]


def test_another_word_sharing_the_first_letters_is_not_a_form(journal):
    write(journal)
    assert keys(journal, "garden") == set()                  # "gardenia" is another word
    assert keys(journal, "garden*") == {"gardenia"}          # a prefix still asks for it
    assert keys(journal, "sleeping") == {"walking"}
    assert keys(journal, "the") == set(TEXTS) - {"walking"}


def test_fts_queries_stay_exact(journal):
    write(journal)
    assert keys(journal, "knee", fts=True) == set()
    assert keys(journal, "knees", fts=True) == {"knees"}
    assert keys(journal, '"two ponies"', fts=True) == {"ponies"}
    assert keys(journal, "pony OR ponies", fts=True) == {"pony", "ponies"}


def test_words_the_tokenizer_cuts_and_other_scripts_search_as_before(journal):
    write(journal)
    journal.write("Я видел реки и озёра. 今日は東京に行きました")
    assert keys(journal, "can't") == {"walking"}
    assert found(journal, "реки") == {"Я видел реки и озёра. 今日は東京に行きました"}
    assert found(journal, "東京") == {"Я видел реки и озёра. 今日は東京に行きました"}


def test_an_edited_text_is_found_by_the_forms_of_its_new_words(journal):
    write(journal)
    ponies = next(h.reflection for h in journal.search("pony") if "Two" in h.reflection.content)
    journal.edit(ponies.id, text="Horses everywhere today.")
    assert found(journal, "horse") == {"Horses everywhere today."}
    assert found(journal, "ponies") == {TEXTS["pony"]}

