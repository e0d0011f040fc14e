"""What the month-digest tests share: entries written through `reflect` on given dates,
and a digest read back as JSON."""

from __future__ import annotations


def write_all(cli, entries: list[tuple[str, str]]) -> None:
    for when, text in entries:
        run = cli("reflect", "--json", "--date", when, input=text)
        assert run.code == 0, run.err


def read_digest(cli, kind: str, day: str) -> dict:
    run = cli("digest", kind, "--date", day, "--json")
    assert run.code == 0, run.err
    return run.json


def sentences_of(line: str) -> list[str]:
    """A quoted line's sentences, folded, so a month's quotes can be set against its weeks'."""
    return [s.strip(" .").casefold() for s in line.replace("…", ".").split(". ") if s.strip(" .")]


def week_lines(cli, days: tuple[str, ...]) -> set[str]:
    """Every line the weekly digests of these days quote."""
    return {line["text"] for day in days for line in read_digest(cli, "--week", day)["lines"]}
