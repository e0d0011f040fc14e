"""The TUI on an encrypted journal (issue 16, item 4): what is typed is autosaved as a
sealed draft, never as plaintext, and offered back in the next session."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from mirror.services.journal import Journal
from mirror.storage import encryption
from tests.tui.conftest import settle

SECRET = "Quetzalcoatlmoth"


@pytest.fixture
def encrypted_journal(mirror_home, fixed_clock, tmp_path, monkeypatch):
    passfile = tmp_path / "pass.txt"
    passfile.write_text("tui passphrase\n", encoding="utf-8")
    Journal.create(mirror_home, encrypted=True, passphrase_file=passfile, clock=fixed_clock)
    monkeypatch.setenv(encryption.PASSPHRASE_FILE_ENV, str(passfile))
    journal = Journal.open(mirror_home, clock=fixed_clock)
    yield journal
    journal.close()


def _plaintext_files(folder) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]


async def test_a_draft_of_an_encrypted_journal_is_sealed_and_offered_back(encrypted_journal, mirror_home):
    from mirror.tui.app import MirrorApp

    app = MirrorApp(encrypted_journal, search_debounce=0, draft_debounce=0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        editor = app.screen.query_one("#editor", TextArea)
        editor.focus()
        editor.insert(f"Something about {SECRET} I am not ready to save")
        await settle(pilot)
        draft = encrypted_journal.paths.drafts / "tui-draft.json"
        assert draft.exists()
        assert draft.read_bytes().startswith(encryption.DRAFT_MAGIC)
        assert _plaintext_files(mirror_home) == []
    again = MirrorApp(encrypted_journal, search_debounce=0, draft_debounce=60)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        from mirror.tui.screens.dialogs import DraftOfferScreen

        assert isinstance(again.screen, DraftOfferScreen)  # opened with the journal's key
        assert SECRET in again.screen.draft["text"]
    assert _plaintext_files(mirror_home) == []
