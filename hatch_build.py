"""Build step: mirror(1), generated from the parser (`mirror completion man`), goes into the
wheel as share/man/man1/mirror.1, so `man mirror` finds it wherever Mirror is installed
(man looks in <prefix>/share/man for every <prefix>/bin on the PATH).

The generator needs only the standard library, so it runs with the build's own Python,
even in an isolated build environment that has none of Mirror's dependencies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ManPageHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        self._work = tempfile.mkdtemp(prefix="mirror-man-")
        out = Path(self._work) / "mirror.1"
        env = {**os.environ, "PYTHONPATH": self.root, "NO_COLOR": "1"}
        page = subprocess.run([sys.executable, "-m", "mirror", "completion", "man"], cwd=self.root,
                              env=env, capture_output=True, check=True).stdout
        out.write_bytes(page)
        build_data["shared_data"][str(out)] = "share/man/man1/mirror.1"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work:
            shutil.rmtree(work, ignore_errors=True)
