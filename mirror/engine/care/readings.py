"""What the care detector read in a text, kept so that it need not read the text again.

The detector is three quarters of analysing a reflection, and its verdict (`assess`)
depends on nothing but the text and the detector itself: its rules, forms and model, the
code that reads them, and the interpreter's Unicode tables. Storage keeps each verdict
with the detector's key and the text's digest (migration 018); re-deriving a journal
(`mirror analyze --all`) reuses a verdict only when both still match, so the result is
the one a fresh reading gives.

The key is built from what the detector is made of as this machine holds it: Mirror's
version, the interpreter's, and the size and modification time of every file of the
constitution folder and of the `mirror` package's code (a checkout being edited, an
upgrade or a reinstall changes it). It covers more than the detector needs, on purpose:
a reading reused after the detector changed would be a care finding nobody computed.

Readings are kept where derivation runs in bulk (`analyze --all`, imports, edits: the
`services.deriving` loop); `reflect` keeps none, since building the key (a walk over the
package, 2–8 ms) would cost every reflect more than the reading it saves later.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache

from mirror.engine.care.detect import CareFinding, CareSignal
from mirror.resources import constitution_dir

#: Bump when what a reading holds, or how it is written, changes.
READINGS_FORMAT = 1

_PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _stats(root: str, suffixes: tuple[str, ...]) -> list[str]:
    """`relative path:size:mtime_ns` of every file under `root` ending in `suffixes`,
    sorted, skipping bytecode caches."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith(suffixes):
                path = os.path.join(folder, name)
                st = os.stat(path)
                out.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
    return sorted(out)


@lru_cache(maxsize=1)
def detector_key() -> str | None:
    """The care detector's key on this machine (see the module docstring); None when the
    constitution is not a plain folder (a zipped installation): then nothing is reused."""
    import hashlib

    from mirror import __version__

    root = constitution_dir()
    if not isinstance(root, os.PathLike):
        return None
    h = hashlib.blake2b(digest_size=16)
    h.update(f"care-readings {READINGS_FORMAT} mirror {__version__} python {sys.version}".encode())
    for part in (*_stats(os.fspath(root), ("",)), *_stats(_PACKAGE, (".py",))):
        h.update(b"\x00" + part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def text_digest(text: str) -> str:
    """The digest a reading is kept under: of the whole text the detector read."""
    import hashlib

    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def dump_finding(finding: CareFinding) -> str | None:
    """The finding as exact JSON (floats as Python writes them, which read back the same);
    None when there is nothing to look after (no tier: all that derivation keeps)."""
    if finding.tier is None:
        return None
    return json.dumps({"tier": finding.tier, "score": finding.score, "fired": list(finding.fired),
                       "signals": [[s.category, s.rule, s.weight, s.start, s.end, s.text,
                                    s.language, s.context] for s in finding.signals]},
                      ensure_ascii=False, separators=(",", ":"))


def load_finding(stored: str | None) -> CareFinding:
    """The finding `dump_finding` wrote. A finding with no tier is stored as None, and
    read back as the detector's own empty finding."""
    from mirror.engine.care.detect import NO_FINDING

    if stored is None:
        return NO_FINDING
    data = json.loads(stored)
    return CareFinding(data["tier"], float(data["score"]),
                       tuple(CareSignal(c, r, float(w), int(a), int(b), t, lang, ctx)
                             for c, r, w, a, b, t, lang, ctx in data["signals"]),
                       tuple(data["fired"]))
