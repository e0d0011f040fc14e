"""What a command handler gets besides its arguments: output, and the journal opened
only when the command needs it (so `mirror --help` never touches the database)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mirror.cli.output import Output
from mirror.clock import Clock
from mirror.errors import InvalidInput
from mirror.paths import journal_home, resolve_home

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
#: The most read from standard input: what one reflection holds (storage.domain.MAX_TEXT_BYTES;
#: the command line does not import storage), so a runaway pipe costs bounded memory.
MAX_STDIN_BYTES = 64 * 1024 * 1024
if TYPE_CHECKING:
    import argparse

    from mirror.services.journal import Journal


class Context:
    def __init__(self, args: argparse.Namespace, clock: Clock | None = None) -> None:
        self.args = args
        self.out = Output(bool(getattr(args, "json", False)))
        self.clock = clock
        self._journal: Journal | None = None

    @property
    def home(self) -> Path:
        """--home (or $MIRROR_HOME, or the user data folder); with --journal NAME, the
        folder that home's config.toml names NAME."""
        name = getattr(self.args, "journal", None)
        return journal_home(self.default_home, name) if name else self.default_home

    @property
    def default_home(self) -> Path:
        """The home --home (or $MIRROR_HOME, or the user data folder) names: its
        config.toml names the other journals."""
        return resolve_home(getattr(self.args, "home", None))

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            from mirror.cli.passphrase import passphrase_prompt  # an encrypted journal may ask
            from mirror.services.journal import Journal  # storage and all (~50 ms): only commands that open it

            self._journal = Journal.open(self.home, clock=self.clock,
                                         ask_passphrase=passphrase_prompt(confirm=False))
        return self._journal

    def log_path(self) -> Path | None:
        try:
            home = self.home
        except Exception:
            return None
        return home / "mirror.log" if home.is_dir() else None

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    # -- input -----------------------------------------------------------------------------
    @staticmethod
    def stdin_is_terminal() -> bool:
        try:
            return sys.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    @staticmethod
    def read_stdin() -> str:
        """All of stdin as strict UTF-8 (a body may be megabytes: never via argv), read no
        further than the most a reflection holds: `mirror reflect < /dev/zero` is one line,
        not a read until memory runs out."""
        data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
        if len(data) > MAX_STDIN_BYTES:
            raise InvalidInput(f"standard input is longer than {MAX_STDIN_BYTES // 2 ** 20} MiB, "
                               "the most a reflection holds")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"standard input is not valid UTF-8 (byte {exc.start})") from exc

    def edit_in_editor(self, initial: str = "") -> str:
        """Open $VISUAL/$EDITOR on a draft file in MIRROR_HOME/drafts; the draft is kept if
        saving fails, so nothing typed is lost."""
        import shlex  # these three (~10 ms) only when an editor opens
        import subprocess
        import tempfile

        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        from mirror.services.journal import Journal  # where an encrypted journal's editor file goes

        drafts = Journal.editor_folder(self.home)
        drafts.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix="draft-", suffix=".md", dir=drafts)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        result = subprocess.run([*shlex.split(editor), name], check=False)
        if result.returncode != 0:
            raise InvalidInput(f"the editor exited with status {result.returncode}; draft kept at {name}")
        self._draft = Path(name)
        return Path(name).read_text("utf-8")

    def discard_draft(self) -> None:
        draft = getattr(self, "_draft", None)
        if draft is not None:
            draft.unlink(missing_ok=True)
