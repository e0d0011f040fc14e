"""An installed Mirror (a real wheel, not this checkout) finds its constitution and schemas,
and CLI commands stay light: none imports the TUI, a model SDK or other heavy modules."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("textual", "ollama", "anthropic", "httpx", "dateparser", "sqlite_utils", "pyrage",
         "lingua", "simplemma",
         "cryptography", "jsonschema", "rich")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", str(out), str(REPO)],
        check=True, capture_output=True)
    [built] = out.glob("mirror_journal-*.whl")
    return built


def test_wheel_carries_constitution_and_schemas(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mirror/schemas/sqlite/001_core.sql" in names
    assert "mirror/schemas/json/commands.json" in names
    assert any(n.startswith("mirror/constitution/") and n.endswith(".md") for n in names)


@pytest.mark.slow
def test_installed_wheel_finds_its_data_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True)
    # Dependencies come from the test environment (no network); `mirror` itself from the wheel.
    site = Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    (site / "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    probe = (
        "import mirror, mirror.resources as r, pathlib;"
        "c = r.constitution_dir(); s = r.schemas_dir();"
        "print(pathlib.Path(mirror.__file__).parent);"
        "print(str(c)); print(str(s));"
        "print(sorted(p.name for p in (s / 'sqlite').iterdir())[0])"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.check_output([str(python), "-c", probe], text=True, cwd=tmp_path, env=env)
    package, constitution, schemas, first_migration = out.splitlines()
    assert package.startswith(str(site))
    assert constitution.startswith(str(site)) and schemas.startswith(str(site))
    assert first_migration == "001_core.sql"
    home = tmp_path / "home"
    run = subprocess.run([str(venv / "bin" / "mirror"), "--home", str(home), "reflect", "installed"],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr
    assert (home / "mirror.db").exists()


def imported_modules(*args: str, input: str = "") -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "mirror", *args],
                          capture_output=True, text=True, input=input, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


@pytest.mark.parametrize("command", [("list", "-n", "20"), ("search", "word"),
                                     ("reflect", "a light reflection"), ("stats",)])
def test_cli_commands_do_not_import_heavy_modules(command, mirror_home):
    modules = imported_modules("--home", str(mirror_home), *command)
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert heavy == []


#: What `mirror list`, the command run most, must never load: the engine, bundle formats,
#: model adapters, the reflecting and bundle use cases, the TUI.
NOT_FOR_LIST = ("mirror.engine", "mirror.bundles", "mirror.adapters", "mirror.services.reflecting",
                "mirror.services.bundles", "textual")


def test_mirror_list_loads_nothing_listing_does_not_use(mirror_home):
    # sys.modules after a real run, not -X importtime: that misses modules loaded by importlib.
    probe = ("import sys\nfrom mirror.cli import main\ncode = main(sys.argv[1:])\n"
             "print('--modules--', *sorted(sys.modules))\nraise SystemExit(code)")
    proc = subprocess.run([sys.executable, "-c", probe, "--home", str(mirror_home), "list"],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.split("--modules--", 1)[1].split()
    assert "mirror.services.journal" in loaded  # the probe really ran the command
    unwanted = [m for m in loaded if any(m == p or m.startswith(p + ".") for p in NOT_FOR_LIST)]
    assert unwanted == []
