"""What a person at a terminal sees while a model writes: a token count on stderr (only
when stderr is a terminal), and never a word of a reply before it passed the checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.fakeservers import Reply
from tests.models.conftest import BAD, GOOD, REFLECTION


def _reflect_on_a_terminal(home: Path, text: str) -> tuple[int, str, str]:
    """`mirror reflect TEXT` as a whole process whose stderr is a pseudo-terminal and whose
    stdout is a pipe. Returns (exit code, stdout, everything written to the terminal)."""
    master, slave = os.openpty()
    env = {**os.environ, "MIRROR_HOME": str(home), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "mirror", "reflect", text], cwd=REPO, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    finally:
        os.close(slave)  # the child holds it now; the parent reads EOF once the child exits
    terminal = bytearray()
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        terminal += data
    os.close(master)
    out, _ = proc.communicate(timeout=60)
    return proc.returncode, out.decode("utf-8"), terminal.decode("utf-8", "replace")


def test_progress_shows_tokens_on_a_terminal_and_never_unchecked_text(cli, ollama_server, use_ollama,
                                                                      mirror_home: Path):
    use_ollama(ollama_server.url)
    ollama_server.script(Reply(GOOD, chunks=8))

    code, out, terminal = _reflect_on_a_terminal(mirror_home, REFLECTION)

    assert code == 0
    assert GOOD in out
    assert "tokens" in terminal and "the mirror is listening" in terminal
    assert "tokens" not in out  # progress is for the terminal only, never the data
    assert GOOD not in terminal  # the answer goes to stdout, not to the progress line
    assert "\x1b[2K" in terminal  # the progress line is cleared when done

    ollama_server.default = Reply(BAD, chunks=8)  # every answer fails its checks
    code, out, terminal = _reflect_on_a_terminal(mirror_home, REFLECTION + " Once more.")

    assert code == 0 and "mirror · offline" in out
    assert "tokens" in terminal  # the model did write: progress was shown...
    counts = [int(part.split(" tokens")[0]) for part in terminal.split("listening… ")[1:]]
    assert len(counts) == 3 * 8 and counts == sorted(counts)  # ...over all three attempts...
    for fragment in ("You should", "call your sister tonight", "I recommend", "will help you"):
        assert fragment not in out and fragment not in terminal  # ...but never its words


def test_no_progress_when_stderr_is_not_a_terminal(cli, ollama_server, use_ollama):
    use_ollama(ollama_server.url)
    ollama_server.script(Reply(GOOD, chunks=8))

    result = cli("reflect", REFLECTION)

    assert result.code == 0 and GOOD in result.out
    assert "tokens" not in result.err and "\r" not in result.err
    assert result.err.startswith("saved ")  # said before the engine ran
