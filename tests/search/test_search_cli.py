"""`mirror search` from the command line (issue 14, item 4): `--fts` takes FTS5 syntax; a
malformed query is one line on stderr and exit 4 (invalid input), with or without --json,
and changes nothing; Japanese and emoji are found with the list filters."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_json_schemas import validate


@pytest.fixture
def written(mirror_proc):
    for args in (["The old house by the river"], ["A new house in town", "--star"],
                 ["今日は東京に行きました 😀", "--star"], ["東京タワーを見た"]):
        assert mirror_proc("reflect", *args).code == 0
    return mirror_proc


@pytest.mark.parametrize("query, reason", [('"old house', "unterminated string"),
                                           ("house AND", 'syntax error near ""'),
                                           ("nope:house", "no such column: nope")])
def test_a_malformed_fts_query_is_one_line_and_exit_4(written, query, reason):
    before = json.loads(written("list", "--json").out)
    run = written("search", "--fts", query)
    assert run.code == 4
    assert run.err == f"mirror: not a valid FTS5 query: {reason}\n"
    assert run.out == ""
    as_json = written("search", "--fts", query, "--json")
    assert as_json.code == 4 and "Traceback" not in as_json.err + as_json.out
    assert json.loads(written("list", "--json").out) == before


def test_fts_phrases_and_or_from_the_command_line(written):
    run = written("search", "--fts", '"old house" OR town', "--json")
    assert run.code == 0, run.err
    validate("search", run.json)
    assert sorted(r["reflection"]["content"] for r in run.json["results"]) == \
        ["A new house in town", "The old house by the river"]
    plain = written("search", '"old house" OR town', "--json")  # plain search: just words
    assert plain.json["results"] == []


def test_japanese_and_emoji_with_list_filters(written):
    run = written("search", "東京", "--json")
    assert len(run.json["results"]) == 2
    starred = written("search", "東京", "--starred", "--json")
    assert [r["reflection"]["content"] for r in starred.json["results"]] == ["今日は東京に行きました 😀"]
    emoji = written("search", "😀")
    assert emoji.code == 0 and "[😀]" in emoji.out  # found and marked
