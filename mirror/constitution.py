"""The constitution: its documents, its invariants as data, and their integrity.

Every rule the engine applies (lexicons, thresholds, the care text) is read from
`constitution/invariants.yaml`, so that an amendment is a reviewed change to data, with a
new hash in `GENESIS.json`, rather than an edit buried in code (I4). Loading happens once
per process: `mirror reflect` must stay fast, so this module imports nothing heavy and
parses the YAML lazily with the C loader when available.

Regenerate the genesis file after an approved change:

    python -m mirror.constitution --write-genesis
"""

from __future__ import annotations

import json
import marshal
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mirror.hashing import sha256_hex
from mirror.resources import constitution_dir, journal_cache

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:  # annotations only: importing importlib.resources costs every command ~4 ms
    from importlib.resources.abc import Traversable
    from typing import Any

    from mirror.constitution_report import FileCheck, FileStatus, VerifyReport

GENESIS_NAME = "GENESIS.json"
INVARIANTS_NAME = "invariants.yaml"
HASH_ALGORITHM = "sha256"


@dataclass(frozen=True)
class Constitution:
    """The loaded constitution. `invariants` is the parsed YAML; `documents` maps each
    Markdown file name to its text, in file-name order (the order of the prompt)."""

    version: str
    genesis_hash: str
    invariants: dict[str, Any]
    documents: dict[str, str]

    @property
    def version_string(self) -> str:
        """What the journal records as 'the constitution in force': the declared version
        plus a short hash of GENESIS.json, so two builds with the same number but different
        files are never confused."""
        return f"{self.version}+{self.genesis_hash[:12]}"


_cache_dir: Path | None = None


def set_cache_dir(folder: Path | None) -> None:
    """Where parsed invariants may be cached (a journal's `cache/` folder). Parsing the YAML
    costs ~25 ms per process (import + parse); `mirror reflect` has 150 ms in all."""
    global _cache_dir
    _cache_dir = folder


def cache_dir() -> Path | None:
    """The cache folder set for this process, if any: the one given here, else the open
    journal's (`Journal.open` names it in `mirror.resources` without importing this module)."""
    return _cache_dir if _cache_dir is not None else journal_cache()


def _yaml_load(text: str, key: str | None = None) -> Any:
    """Parse invariants.yaml (or another constitution file), through a copy keyed by the
    text's SHA-256 (`key`, when the caller knows it already) when a cache folder is set.
    The copy is `marshal`ed, as the engine's kept tables are: `reflect` reads thirteen of
    these files, ~7 ms as JSON, ~40% less so. The cache is derived data: a missing or
    unreadable copy is re-made."""
    folder = cache_dir()
    if folder is not None and key is None:
        key = _digest(text.encode("utf-8"))
    cached = _cached_path(folder, key) if folder is not None and key is not None else None
    if cached is not None:
        try:
            return marshal.loads(cached.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass
    data = yaml_load_text(text)
    if cached is not None:
        _write_cache(cached, data)
    return data


def _cached_path(folder: Path, key: str) -> Path:
    return folder / f"invariants-{key[:32]}.marshal"


def _load_file(entry: Traversable) -> Any:
    """A constitution YAML file, parsed (`_yaml_load`). A file on disk whose parsed copy is
    kept is not even read: its key is remembered by its stat (`mirror.file_digests`)."""
    folder = cache_dir()
    if folder is None or not isinstance(entry, Path):
        return _yaml_load(entry.read_text(encoding="utf-8"))
    from mirror import file_digests

    key, st = file_digests.known(folder, entry)
    if key is not None:
        try:
            return marshal.loads(_cached_path(folder, key).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            pass
    text = entry.read_text(encoding="utf-8")
    key = _digest(text.encode("utf-8"))
    if st is not None:
        file_digests.remember(folder, entry, st, key)
    return _yaml_load(text, key)


@lru_cache(maxsize=1)
def _loader() -> type:
    """A safe YAML loader that reads only `true`/`false` as booleans: the constitution's
    word lists hold words like "no", "on" and "yes", which YAML 1.1 would turn into
    booleans (as YAML 1.2 no longer does)."""
    import re

    import yaml  # deferred: only paid when no cached copy exists

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class WordsLoader(base):  # type: ignore[misc, valid-type]
        pass

    WordsLoader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    WordsLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"))
    return WordsLoader


def yaml_load_text(text: str) -> Any:
    """Parse constitution YAML (see `_loader`)."""
    import yaml

    return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader


def _write_cache(path: Path, data: Any) -> None:
    try:
        # Only plain data (what JSON could hold: YAML's dates and the like are not cached).
        if json.loads(json.dumps(data, ensure_ascii=False)) != data:
            return
        encoded = marshal.dumps(data)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(encoded)
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        pass  # a cache that cannot be written only costs time


def _walk_files(root: Traversable, prefix: str = "") -> dict[str, Traversable]:
    """Every file under `root` by its '/'-separated relative path, skipping caches."""
    found: dict[str, Traversable] = {}
    for entry in root.iterdir():
        name = entry.name
        if name.startswith(".") or name == "__pycache__":
            continue
        rel = f"{prefix}{name}"
        if entry.is_dir():
            found.update(_walk_files(entry, rel + "/"))
        else:
            found[rel] = entry
    return found


def _digest(data: bytes) -> str:
    return sha256_hex(data)


def _read_genesis(root: Traversable) -> dict[str, Any]:
    genesis = root / GENESIS_NAME
    return json.loads(genesis.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load() -> Constitution:
    """The constitution in force for this process (loaded once)."""
    return load_from(constitution_dir())


def load_from(root: Traversable) -> Constitution:
    """Load a constitution folder (the installed one, or a bundle's, to record it)."""
    genesis_bytes = (root / GENESIS_NAME).read_bytes()
    genesis = json.loads(genesis_bytes.decode("utf-8"))
    invariants = _load_file(root / INVARIANTS_NAME)
    if not isinstance(invariants, dict):
        raise ValueError(f"{INVARIANTS_NAME} must be a mapping")
    documents = {
        name: entry.read_text(encoding="utf-8")
        for name, entry in sorted(_walk_files(root).items())
        if name.endswith(".md") and name != "README.md"
    }
    return Constitution(
        version=str(genesis.get("constitution_version", "0")),
        genesis_hash=_digest(genesis_bytes),
        invariants=invariants,
        documents=documents,
    )


def invariants() -> dict[str, Any]:
    """The parsed `invariants.yaml` of the constitution in force."""
    return load().invariants


@lru_cache(maxsize=1)
def pattern_labels() -> dict[str, str]:
    """Each pattern's human name, as the constitution words it ("obligation" ->
    "obligation language"): the one source of the labels every interface shows."""
    return {name: str(spec.get("label", name)) for name, spec in invariants()["patterns"].items()}


def pattern_label(name: str) -> str:
    """The constitution's label for a pattern (an unknown one: its name, spaced)."""
    return pattern_labels().get(name, name.replace("_", " "))


def pattern_name(typed: str) -> str:
    """The pattern a person means by `typed`: its name or the label Mirror prints, in any
    case and with spaces, hyphens or underscores alike ("Future Anxiety", "future-anxiety",
    "obligation language" -> "future_anxiety", "obligation"). An unknown one is invalid
    input naming the valid ones: a typo must not look like "no reflections match"."""
    from mirror.errors import InvalidInput

    def key(text: str) -> str:
        return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())

    labels = pattern_labels()
    wanted = key(typed)
    for name, label in labels.items():
        if wanted in (key(name), key(label)):
            return name
    raise InvalidInput(f"no pattern called {typed!r}; the patterns are: "
                       + ", ".join(sorted(labels.values())))


def care_data(name: str) -> Any:
    """A parsed file of `constitution/care/` (YAML, or JSON for generated tables), read
    through the same hash-keyed cache as the invariants."""
    entry = constitution_dir() / "care" / name
    if name.endswith(".json"):
        return json.loads(entry.read_text(encoding="utf-8"))
    return _load_file(entry)


def mirrorback_data(language: str) -> Any:
    """`constitution/mirrorback/<language>.yaml`: the feelings, sarcasm cues and sentence
    frames the offline engine reflects that language with. FileNotFoundError if none."""
    entry = constitution_dir() / "mirrorback" / f"{language}.yaml"
    if not entry.is_file():
        raise FileNotFoundError(f"no mirrorback frames for {language!r}")
    return _load_file(entry)


def care_rule_names() -> list[str]:
    """File names of the care rules, one per language (`constitution/care/rules/`)."""
    folder = constitution_dir() / "care" / "rules"
    return sorted(e.name for e in folder.iterdir() if e.name.endswith(".yaml"))


def care_rule_files() -> list[dict[str, Any]]:
    """Every language's care rules, parsed, by file name (raises on a malformed file)."""
    return [care_data(f"rules/{n}") for n in care_rule_names()]


def version() -> str:
    """The version string storage records, e.g. '1.0.0+3f2a9c01b7de'."""
    return load().version_string


def verify(root: Traversable | None = None) -> VerifyReport:
    """Recompute every file's SHA-256 and compare with GENESIS.json.

    Reports each file as ok, changed, missing (listed in genesis, absent on disk) or extra
    (on disk, not in genesis). Never raises for drift: drift is the answer, not an error.
    """
    from mirror.constitution_report import FileCheck, VerifyReport  # `verify` only

    root = constitution_dir() if root is None else root
    try:
        genesis = _read_genesis(root)
        expected: dict[str, str] = dict(genesis.get("files", {}))
        declared = str(genesis.get("constitution_version", "0"))
    except (OSError, ValueError) as exc:
        return VerifyReport(version="unknown", error=f"cannot read {GENESIS_NAME}: {exc}")
    present = {k: v for k, v in _walk_files(root).items() if k != GENESIS_NAME}
    checks: list[FileCheck] = []
    for path in sorted(set(expected) | set(present)):
        want = expected.get(path)
        got = _digest(present[path].read_bytes()) if path in present else None
        if want is None:
            status: FileStatus = "extra"
        elif got is None:
            status = "missing"
        elif got != want:
            status = "changed"
        else:
            status = "ok"
        checks.append(FileCheck(path=path, expected=want, actual=got, status=status))
    return VerifyReport(version=declared, files=tuple(checks))


def genesis_document(root: Path) -> dict[str, Any]:
    """The GENESIS.json content for a constitution folder on disk."""
    data = _yaml_load((root / INVARIANTS_NAME).read_text(encoding="utf-8"))
    files = {
        rel: _digest(entry.read_bytes())
        for rel, entry in sorted(_walk_files(root).items())
        if rel != GENESIS_NAME
    }
    return {
        "constitution_version": str(data["constitution_version"]),
        "algorithm": HASH_ALGORITHM,
        "files": files,
    }


def write_genesis(root: Path | None = None) -> Path:
    """Rewrite GENESIS.json for the checkout's constitution folder (a maintainer's act,
    done after an approved amendment; an installed package is never rewritten)."""
    if root is None:
        located = constitution_dir()
        if not isinstance(located, Path):
            raise RuntimeError("the installed constitution is read-only; run from a checkout")
        root = located
    target = root / GENESIS_NAME
    text = json.dumps(genesis_document(root), indent=2, sort_keys=True) + "\n"
    target.write_text(text, encoding="utf-8")
    load.cache_clear()
    return target


def main(argv: list[str] | None = None) -> int:
    """`python -m mirror.constitution --write-genesis | --verify` (maintainer tool)."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--write-genesis"]:
        print(write_genesis())
        return 0
    if args in ([], ["--verify"]):
        report = verify()
        print(json.dumps(report.to_dict(), indent=2))
        return 0 if report.ok else 1
    print("usage: python -m mirror.constitution [--verify | --write-genesis]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
