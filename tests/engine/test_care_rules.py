"""The care rule files as data: every file compiles, names its own language, has a care
text, and its inflection table is what simplemma's dictionaries give today."""

from __future__ import annotations

import json

import pytest

from mirror import constitution
from mirror.engine.care import care_languages
from mirror.engine.care.detect import detector
from mirror.engine.care.inflect import LEMMATISED
from mirror.engine.care.rules import CATEGORIES, LanguageRules

FILES = constitution.care_rule_names()


def test_there_is_a_rule_file_and_a_care_text_for_every_supported_language():
    languages = {name.removesuffix(".yaml") for name in FILES}
    assert {"en", "es", "fr", "de", "pt", "it", "nl", "pl", "tr", "ru", "uk", "ja", "ko",
            "zh", "hi", "hi-Latn", "id"} <= languages
    assert languages <= set(care_languages())


@pytest.mark.parametrize("name", FILES)
def test_every_rule_file_compiles_completely(name: str):
    data = constitution.care_data(f"rules/{name}")
    assert data["language"] == name.removesuffix(".yaml")
    rules = LanguageRules(data, constitution.care_data(f"forms/{data['language']}.json")
                          if data["language"] in LEMMATISED else {})
    rules.compile_all()
    assert rules.entries, "a language without rules"
    categories = {cat for _, cat, _, _, _ in rules.entries}
    assert categories <= set(CATEGORIES)
    assert len(categories) == len(CATEGORIES), f"{name} misses {set(CATEGORIES) - categories}"
    assert rules.common, f"{name} has no common words (needed to tell languages apart)"


def test_the_shipped_index_has_no_rule_errors():
    assert detector().errors == []


@pytest.mark.slow
@pytest.mark.parametrize("name", [n for n in FILES if n.removesuffix(".yaml") in
                                  ("en", "es", "fr", "de", "pt", "it", "nl", "pl", "tr",
                                   "ru", "uk", "hi", "id")])
def test_inflection_tables_are_what_simplemma_gives(name: str):
    from mirror.engine.care.inflect import generate, render

    data = constitution.care_data(f"rules/{name}")
    lang = data["language"]
    from mirror.resources import constitution_dir

    text = (constitution_dir() / "care" / "forms" / f"{lang}.json").read_text(encoding="utf-8")
    assert json.loads(text) == json.loads(render(generate(data))), (
        f"forms/{lang}.json is stale: python -m mirror.engine.care.inflect --write {lang}")
