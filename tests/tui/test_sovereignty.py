"""The sovereignty screen and bundles from the TUI.

These need service methods that are being added: `Journal.constitution_status()`,
`Journal.egress(remote_only=False, limit=50)`, `Journal.export_bundle(path, passphrase=None,
sign=False, progress=None)`, `Journal.verify_bundle(path, passphrase=None)` and
`Journal.import_bundle(path, passphrase=None, dry_run=False, progress=None)`. They fail
until those land."""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Static

from tests.tui.conftest import SIZE, settle


def section(app, name: str) -> str:
    return app.screen.query_one(f"#sov-{name}", Static).render().plain


async def test_sovereignty_shows_where_and_what(make_app, journal):
    journal.write("one")
    journal.write("two", starred=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert "mirror.db" in section(app, "storage") and "total" in section(app, "storage")
        assert "2  reflections" in section(app, "counts")
        status = journal.constitution_status()
        assert status.version in section(app, "constitution")
        assert ("✓ verifies" in section(app, "constitution")) == status.ok
        report = journal.audit_verify()
        assert "✓ intact" in section(app, "audit") and report.head[:32] in section(app, "audit")
        assert section(app, "engine").startswith("offline")
        assert "Nothing" in section(app, "egress")


async def test_export_verify_and_import_from_the_screen(make_app, journal, tmp_path):
    journal.write("exported words", tags=["x"])
    bundle = tmp_path / "out.zip"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        app.screen.query_one("#bundle-path", Input).value = str(bundle)
        app.screen.query_one("#bundle-pass", Input).value = "correct horse"
        app.screen.query_one("#bundle-pass2", Input).value = "correct horse"
        await pilot.click("#go")
        await settle(pilot)
        report = app.screen.query_one("#bundle-report", Static).render().plain
        assert report.startswith("Exported ✓"), report
        assert any(bundle.parent.glob("out.zip*"))
        await pilot.press("escape")
        await settle(pilot)

        exported = next(bundle.parent.glob("out.zip*"))
        await pilot.press("v")
        await settle(pilot)
        app.screen.query_one("#bundle-path", Input).value = str(exported)
        app.screen.query_one("#bundle-pass", Input).value = "wrong"
        await pilot.click("#go")
        await settle(pilot)
        assert "did not verify" in app.screen.query_one("#bundle-report", Static).render().plain
        app.screen.query_one("#bundle-pass", Input).value = "correct horse"
        await pilot.click("#go")
        await settle(pilot)
        assert app.screen.query_one("#bundle-report", Static).render().plain.startswith("Verified ✓")
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#bundle-path", Input).value = str(exported)
        app.screen.query_one("#bundle-pass", Input).value = "correct horse"
        app.screen.query_one("#bundle-dry", Checkbox).value = True
        await pilot.click("#go")
        await settle(pilot)
        assert app.screen.query_one("#bundle-report", Static).render().plain.startswith("Imported ✓")
        assert journal.stats().reflections == 1


async def test_failed_import_is_explained_and_changes_nothing(make_app, journal, tmp_path):
    journal.write("mine")
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"PK\x03\x04 definitely not a bundle")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#bundle-path", Input).value = str(junk)
        await pilot.click("#go")
        await settle(pilot)
        report = app.screen.query_one("#bundle-report", Static).render().plain
        assert report.startswith("Import refused — your journal is exactly as it was")
        assert "Traceback" not in report
        assert [r.content for r in journal.list().items] == ["mine"]


def test_snapshot_sovereignty(snap_compare, make_app, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))      # the folder shows as ~/home: stable
    journal.write("one reflection, for the counts")

    async def ready(pilot):
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=ready)
