"""`mirror completion fish` and `mirror completion man` are generated from the parser: the
fish script is valid fish (`fish -n`) that completes real commands, options and choices; the
man page renders with `man -l` and names every command; the wheel installs it as
share/man/man1/mirror.1."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mirror.cli import build_parser
from mirror.cli.manpage import command_tree
from tests.cli.test_json_schemas import validate

REPO = Path(__file__).resolve().parents[2]
FISH = shutil.which("fish")
PATHS = [" ".join(path) for path, _, _ in command_tree(build_parser())]


def _script(cli, what: str) -> str:
    run = cli("completion", what)
    assert run.code == 0, run.err
    as_json = cli("completion", what, "--json")
    validate("completion", as_json.json)
    assert as_json.json["script"] == run.out
    return run.out


def test_fish_script_names_every_command_path(cli):
    script = _script(cli, "fish")
    (paths_line,) = [line for line in script.splitlines() if line.startswith("set -g __mirror_paths ")]
    assert re.findall(r"'([^']*)'", paths_line) == PATHS
    for path in PATHS:
        *parent, name = path.split()
        condition = f"-n '__mirror_at {' '.join(parent)}'" if parent else "-n '__mirror_at '"
        assert f"complete -c mirror {condition} -f -a '{name}'" in script, path
    assert "complete -c mirror -n '__mirror_at list' -l format -x -a 'short full markdown json'" in script


@pytest.mark.skipif(FISH is None, reason="fish is not installed (.ci/run installs it)")
def test_fish_accepts_the_script_and_completes_with_it(cli, tmp_path):
    path = tmp_path / "mirror.fish"
    path.write_text(_script(cli, "fish"), "utf-8")
    check = subprocess.run([FISH, "-n", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr

    def complete(line: str) -> list[str]:
        run = subprocess.run([FISH, "--no-config", "-c", f"source {path}; complete -C {line!r}"],
                             capture_output=True, text=True, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        return [row.split("\t")[0] for row in run.stdout.splitlines()]

    assert complete("mirror con") == ["config", "constitution"]
    assert complete("mirror --home /tmp/x config ") == ["get", "list", "set", "unset"]
    assert complete("mirror completion ") == ["bash", "fish", "man", "tcsh", "zsh"]
    assert {"--format", "--from"} <= set(complete("mirror list --f"))
    assert complete("mirror list --format ") == ["full", "json", "markdown", "short"]


@pytest.mark.skipif(shutil.which("man") is None, reason="man-db is not installed")
def test_man_page_renders_and_names_every_command(cli, tmp_path):
    page = tmp_path / "mirror.1"
    page.write_text(_script(cli, "man"), "utf-8")
    run = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "MANWIDTH": "200", "MANPAGER": "cat", "PAGER": "cat"})
    assert run.returncode == 0, run.stderr
    text = re.sub(r".\x08", "", run.stdout)  # overstrike bold, if any
    assert text.startswith("MIRROR(1)")
    for path in PATHS:
        assert re.search(rf"^\s+mirror {re.escape(path)}$", text, re.M), path
    for section in ("SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT"):
        assert re.search(rf"^{section}$", text, re.M)
    assert "OLLAMA_HOST" in text and "--tag TAG" in text


@pytest.mark.slow
def test_the_wheel_installs_the_man_page(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--no-index", "-q", "-w", str(tmp_path), str(REPO)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("mirror_journal-*.whl")
    archive = zipfile.ZipFile(wheel)
    [name] = [n for n in archive.namelist() if n.endswith("/data/share/man/man1/mirror.1")]
    page = archive.read(name).decode("utf-8")
    generated = subprocess.run([sys.executable, "-m", "mirror", "completion", "man"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout
    assert page == generated
    assert list(tmp_path.iterdir()) == [wheel]  # nothing left beside the wheel
