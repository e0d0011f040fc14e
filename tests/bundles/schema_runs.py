"""Command lines for the bundle commands in tests/cli/test_json_schemas.py (kept here so
that test only gains entries in its `runs` dict)."""

from __future__ import annotations

import os
from pathlib import Path


def bundle_runs() -> dict[str, tuple[str, ...]]:
    from mirror.bundles import crypto

    home = Path(os.environ["MIRROR_HOME"])
    scratch = home.parent / "schema-runs"
    scratch.mkdir(exist_ok=True)
    bundle, public = scratch / "b.zip", scratch / "device.pub"
    fingerprint = crypto.fingerprint(crypto.load_or_create_device_key(home))
    return {
        "export": ("export", str(bundle), "--sign"),
        "verify": ("verify", str(bundle)),
        "import": ("import", str(bundle), "--dry-run"),
        "key": ("key",), "key show": ("key", "show"),
        "key export-public": ("key", "export-public", str(public)),
        "trust add": ("trust", "add", str(public), "--label", "me"),
        "trust": ("trust",), "trust list": ("trust", "list"),
        "trust remove": ("trust", "remove", fingerprint[:12]),
    }
