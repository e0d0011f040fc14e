"""Reflection text reaches the terminal shown, never obeyed (issue 12, items 11 and 12).

Text can arrive from bundles and importers; an escape sequence in it could clear the screen,
write the clipboard (OSC 52) or plant a hyperlink (OSC 8) when a person lists their journal.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from mirror.cli.output import Output
from mirror.display import terminal_safe
from tests.conftest import REPO

HOSTILE = ("clipboard\x1b]52;c;cm0gLXJmIH4=\x07 link\x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\"
           " clear\x1b[2J\x1b[H c1\x9b31m del\x7f cr\roverwrite bidi\u202eevil\u2066x\u2069 #tag")
OBEYED = ("\x1b", "\x07", "\x9b", "\x7f", "\r", "\u202e", "\u2066", "\u2069")


def _assert_shown_not_obeyed(text: str) -> None:
    for char in OBEYED:
        assert char not in text, (char, text)
    assert "␛]52;c;cm0gLXJmIH4=␇" in text  # the person can still see what was there


def test_hostile_text_is_neutralised_in_every_human_output(cli):
    rid = cli("reflect", "--json", input=HOSTILE).json["reflection"]["id"]
    cli("edit", rid, "--text", HOSTILE + " again")
    for args in (("list",), ("show", rid), ("search", "clipboard"), ("history", rid), ("tags",)):
        run = cli(*args)
        assert run.code == 0, (args, run.err)
        for char in OBEYED:
            assert char not in run.out + run.err, (args, char)
    _assert_shown_not_obeyed(cli("show", rid).out)


def test_json_keeps_the_exact_text(cli):
    rid = cli("reflect", "--json", input=HOSTILE).json["reflection"]["id"]
    assert cli("show", rid, "--json").json["reflection"]["content"] == HOSTILE


def test_an_error_line_quoting_input_is_safe(cli):
    run = cli("show", "ab\x1b]52;c;eA==\x07")
    assert run.code == 3 and "\x1b" not in run.err and "\x07" not in run.err


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_mirror_keeps_its_own_colour_while_stored_text_cannot_use_it(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    stdout = _Tty()
    out = Output(False, stdout=stdout, stderr=io.StringIO())
    out.line(out.bold("title") + " \x1b[8mhidden \ufdd01\ufdd1 text")
    printed = stdout.getvalue()
    assert printed.startswith("\x1b[1mtitle\x1b[0m ")
    assert "\x1b[8m" not in printed and "␛[8mhidden" in printed
    assert "\ufdd0" not in printed and "\ufdd1" not in printed


@pytest.mark.parametrize("char", [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))])
def test_terminal_safe_leaves_no_control_character_but_newline_and_tab(char):
    shown = terminal_safe(f"a{char}b")
    assert shown == f"a{char}b" if char in "\n\t" else (char not in shown and shown.startswith("a"))


def test_terminal_safe_keeps_ordinary_text_of_every_script():
    text = "Zażółć gęślą jaźń — 日本語 — שלום עולם — مرحبا — 🙂\n\tend"
    assert terminal_safe(text) == text


# -- item 12: no terminal, no TUI ---------------------------------------------------------

def _bare_mirror(stdin, stdout) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "mirror"], stdin=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, cwd=REPO, timeout=30, env=os.environ.copy())


def test_bare_mirror_from_a_pipe_says_so_instead_of_hanging():
    proc = _bare_mirror(subprocess.DEVNULL, subprocess.PIPE)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "mirror: no terminal; run a command such as `mirror list` (see `mirror --help`)\n")
    assert proc.stdout == b""


def test_bare_mirror_with_a_terminal_in_but_output_piped_says_so():
    leader, follower = os.openpty()
    try:
        proc = _bare_mirror(follower, subprocess.PIPE)
    finally:
        os.close(leader)
        os.close(follower)
    assert proc.returncode == 2 and b"no terminal" in proc.stderr
