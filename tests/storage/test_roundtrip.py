"""Any text a person can type comes back exactly as written (DESIGN §3, §9): through stdin,
`show --json`, `list --json`, full-text search, and every revision of an edited reflection.
Only the blank lines at the very end (a pipe's or an editor's final newline) are not kept:
`stored` says what is.
Bad bytes (invalid UTF-8, NUL) are refused with exit 4 and nothing is saved."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mirror.cli.journal_cmds import trim_end as stored
from tests.storage.helpers import assert_clean_error, contents

# Everything a person might paste: emoji, right-to-left scripts, combining marks, control
# characters — except NUL (refused on purpose) and lone surrogates (not encodable).
ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    min_size=1,
).filter(lambda text: text.strip() != "")

# Each example works in its own journal folder: the `cli` fixture is reused across examples.
# Each CLI call costs ~20 ms (argparse set-up dominates): example counts keep the file ~10 s.
def per_example(max_examples: int):
    return settings(suppress_health_check=[HealthCheck.function_scoped_fixture],
                    max_examples=max_examples)

# A whole word of ASCII letters, delimited by whitespace (or the ends of the text): the
# full-text tokenizer sees it as one token, whatever surrounds it.
_ASCII_WORD = re.compile(r"(?<!\S)[A-Za-z]{3,}(?!\S)")


def _home(tmp_path: Path) -> str:
    return tempfile.mkdtemp(prefix="ex-", dir=tmp_path)


@per_example(50)
@given(text=ANY_TEXT)
def test_any_unicode_text_round_trips_byte_for_byte(cli, tmp_path, text):
    """Whatever is piped into `mirror reflect` is exactly what `show` and `list` give back,
    and a plain word in it is found by `search`."""
    home = _home(tmp_path)
    saved = cli("reflect", "--json", "--home", home, input=text.encode("utf-8"))
    assert saved.code == 0, saved.err
    rid = saved.json["reflection"]["id"]
    text = stored(text)
    assert saved.json["reflection"]["content"] == text

    shown = cli("show", rid, "--json", "--home", home)
    assert shown.code == 0, shown.err
    assert shown.json["reflection"]["content"].encode("utf-8") == text.encode("utf-8")

    listed = cli("list", "--json", "--home", home)
    assert [(r["id"], r["content"]) for r in listed.json["reflections"]] == [(rid, text)]

    words = _ASCII_WORD.findall(text)
    if words:
        found = cli("search", words[0], "--json", "--home", home)
        assert found.code == 0, found.err
        assert [hit["reflection"]["id"] for hit in found.json["results"]] == [rid]


@per_example(40)
@given(before=ANY_TEXT, after=ANY_TEXT,
       word=st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                    min_size=3, max_size=20))
def test_a_plain_word_inside_any_text_is_found_by_search(cli, tmp_path, before, after, word):
    """A word standing between any other characters (separated by spaces) is findable."""
    home = _home(tmp_path)
    text = f"{before} {word} {after}"
    rid = cli("reflect", "--json", "--home", home, input=text).json["reflection"]["id"]
    found = cli("search", word, "--json", "--home", home)
    assert found.code == 0, found.err
    assert [hit["reflection"]["id"] for hit in found.json["results"]] == [rid]
    assert found.json["results"][0]["reflection"]["content"] == stored(text)


@per_example(30)
@given(first=ANY_TEXT, edits=st.lists(ANY_TEXT, min_size=1, max_size=5))
def test_every_edit_keeps_the_earlier_text_as_a_revision(cli, tmp_path, first, edits):
    """After any sequence of edits, `history --json` lists every earlier text, oldest first,
    and the current text is the last one written."""
    home = _home(tmp_path)
    rid = cli("reflect", "--json", "--home", home, input=first).json["reflection"]["id"]
    for text in edits:
        run = cli("edit", rid, "--json", "--home", home, input=text)
        assert run.code == 0, run.err
        assert run.json["reflection"]["content"] == stored(text)

    # An edit that does not change the text is not a new revision.
    versions = [stored(first)]
    for text in edits:
        if stored(text) != versions[-1]:
            versions.append(stored(text))

    history = cli("history", rid, "--json", "--home", home)
    assert history.code == 0, history.err
    revisions = history.json["revisions"]
    assert [r["content"] for r in revisions] == versions[:-1]
    assert [r["revision"] for r in revisions] == list(range(1, len(versions)))
    assert history.json["reflection"]["content"] == versions[-1]
    assert history.json["reflection"]["revisions"] == len(versions) - 1


def test_a_one_megabyte_reflection_round_trips_through_a_real_process(mirror_proc):
    """A 1 MB body piped into the real `python -m mirror reflect` is stored and shown back
    exactly (large text goes through stdin, never argv)."""
    line = "Ein Tag am Meer — 海 — بحر — 🌊 — e\u0301 — tab\there\r\n"
    body = (line * (1_048_576 // len(line.encode("utf-8")) + 1))
    assert len(body.encode("utf-8")) >= 1_048_576
    saved = mirror_proc("reflect", "--json", input=body.encode("utf-8"))
    assert saved.code == 0, saved.err
    rid = saved.json["reflection"]["id"]
    shown = mirror_proc("show", rid, "--json")
    assert shown.code == 0, shown.err
    assert shown.json["reflection"]["content"] == body.removesuffix("\r\n")  # but its final line break


def test_invalid_utf8_on_stdin_is_refused_and_nothing_is_saved(cli, mirror_home):
    """Bytes that are not UTF-8 are refused (exit 4, says so) rather than mangled."""
    assert cli("reflect", "already here").code == 0
    before = contents(mirror_home / "mirror.db")
    run = cli("reflect", input=b"caf\xe9 au lait \xff\xfe")
    assert_clean_error(run, 4, "utf-8")
    assert contents(mirror_home / "mirror.db") == before


def test_nul_character_is_refused_and_nothing_is_saved(cli, mirror_home):
    """A NUL character cannot be stored faithfully: refused with exit 4, nothing saved,
    and an edit that would introduce one leaves the text as it was."""
    first = cli("reflect", "--json", input="already here").json["reflection"]["id"]
    before = contents(mirror_home / "mirror.db")
    assert_clean_error(cli("reflect", input="before\x00after"), 4, "NUL")
    assert_clean_error(cli("edit", first, input="changed\x00text"), 4, "NUL")
    assert contents(mirror_home / "mirror.db") == before
    assert cli("history", first, "--json").json["revisions"] == []
