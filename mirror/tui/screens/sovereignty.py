"""Sovereignty: where the journal lives and how big it is, what it holds, whether the
constitution and the audit chain verify, which engine answers, whether anything has ever
left this machine — and export, verification and import of bundles, with progress."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Footer, Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from mirror.errors import MirrorError
from mirror.models.bundles import BundleCheck, BundleExport, BundleImport
from mirror.models.egress import SentRequest
from mirror.models.status import ConstitutionStatus, JournalStats
from mirror.models.sync import SyncReport, SyncStatus
from mirror.tui import messages as m
from mirror.tui.format import human_size, local_time, plural, tilde
from mirror.tui.gateway import JournalGateway
from mirror.tui.host import host
from mirror.tui.screens.dialogs import ConfirmScreen
from mirror.tui.widgets.screen_keys import ScreenKeys

if TYPE_CHECKING:
    from mirror.services.journal import Journal

DELETES_BODY = (
    "They were deleted in the journal this bundle comes from; the bundle keeps only their IDs. "
    "Delete removes them here too, with their earlier versions, mirrorbacks and everything "
    "derived from them, and imports the rest.\n\n"
    "Cancel imports nothing: this journal stays exactly as it is.")

SECTIONS = ("storage", "counts", "constitution", "audit", "engine", "egress")


class AuditSummary(Protocol):
    """What the audit section shows of `Journal.audit_verify()`'s report (its class lives in
    the storage layer, which the TUI does not import)."""

    @property
    def ok(self) -> bool: ...

    @property
    def entries(self) -> int: ...

    @property
    def head(self) -> str: ...

    @property
    def problem(self) -> str | None: ...


def file_sizes(db: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for suffix in ("", "-wal", "-shm"):
        path = Path(str(db) + suffix)
        try:
            sizes[path.name] = path.stat().st_size
        except OSError:
            continue
    return sizes


class SovereigntyScreen(Screen):
    BINDINGS = [
        Binding("x", "bundle('export')", "Export…", id="sovereignty.export"),
        Binding("v", "bundle('verify')", "Verify bundle…", id="sovereignty.verify"),
        Binding("i", "bundle('import')", "Import…", id="sovereignty.import"),
        Binding("r", "reload", "Reload", id="sovereignty.reload"),
        Binding("s", "sync", "Sync now", id="sovereignty.sync"),
    ]

    def __init__(self) -> None:
        super().__init__(id="sovereignty")
        self._version = -1
        self._sync: SyncStatus | None = None
        self._syncing = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sovereignty-body"):
            yield Label("Sovereignty: your journal, on your machine", classes="screen-title")
            with Grid(id="sovereignty-grid"):
                for section, title in (("storage", "Where it lives"), ("counts", "What it holds"),
                                       ("constitution", "Constitution"), ("audit", "Audit chain"),
                                       ("engine", "Engine"), ("egress", "Has anything left this machine?")):
                    with Vertical(classes="panel", id=f"panel-{section}"):
                        yield Label(title, classes="panel-title")
                        yield Static(Text("…", style="dim"), id=f"sov-{section}")
            # Shown once this journal is paired for sync (`mirror sync pair DIR`).
            with Vertical(classes="panel", id="panel-sync"):
                yield Label("Your devices (sync)", classes="panel-title")
                yield Static(Text("…", style="dim"), id="sov-sync")
            with Horizontal(id="bundle-buttons"):
                yield Button("Export…", id="export", variant="primary")
                yield Button("Verify a bundle…", id="verify")
                yield Button("Import…", id="import")
                yield Button("Sync now", id="sync")
        yield ScreenKeys()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#panel-sync").display = False
        self.query_one("#sync", Button).display = False

    def on_screen_resume(self) -> None:
        if self._version != host(self.app).data_version:
            self.action_reload()

    def action_reload(self) -> None:
        app = host(self.app)
        self._version = app.data_version
        self.load(app.require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def load(self, gateway: JournalGateway) -> None:
        """Each section on its own: one failing (or not offered yet) never hides the others."""
        readers: dict[str, Callable[[Journal], object]] = {
            "storage": lambda j: {"home": j.paths.home, "files": file_sizes(j.paths.db)},
            "counts": lambda j: j.stats(),
            "constitution": lambda j: j.constitution_status(),
            "audit": lambda j: j.audit_verify(),
            "engine": lambda j: {"engine": j.settings.get("engine"),
                                 "private_by_default": j.settings.get("private_by_default"),
                                 "profile": j.engine_profile().version},
            "egress": lambda j: j.egress(remote_only=False, limit=50),
            "sync": lambda j: j.sync_status(),
        }
        for section, read in readers.items():
            try:
                data = gateway.call(read)
            except MirrorError as exc:
                self.post_message(m.SovereigntySection(section, problem=str(exc)))
                continue
            except Exception as exc:  # noqa: BLE001
                path = gateway.log_unexpected(f"sovereignty {section}", exc)
                self.post_message(m.SovereigntySection(section, problem=f"could not be read (details in {path})"))
                continue
            self.post_message(m.SovereigntySection(section, data))

    def on_sovereignty_section(self, event: m.SovereigntySection) -> None:
        if event.section == "sync":
            self._show_sync(event.data if event.problem is None else None)
            return
        target = self.query_one(f"#sov-{event.section}", Static)
        if event.problem is not None:
            target.update(Text(event.problem, style="italic"))
            return
        target.update(getattr(self, f"_render_{event.section}")(event.data))

    # -- rendering each section ------------------------------------------------------------------
    @staticmethod
    def _render_storage(data: dict[str, Any]) -> Text:
        files = data["files"]
        lines = Text.assemble(("folder  ", "dim"), tilde(data["home"]), "\n")
        for name, size in files.items():
            lines.append_text(Text.assemble((f"{name:<14}", "dim"), human_size(size), "\n"))
        lines.append_text(Text.assemble(("total   ", "dim"), (human_size(sum(files.values())), "bold")))
        return lines

    @staticmethod
    def _render_counts(stats: JournalStats) -> Text:
        rows = [("reflections", "reflections"), ("starred", "starred"), ("private", "private"),
                ("revisions", "earlier versions"), ("mirrorbacks", "mirrorbacks"), ("tags", "tags"),
                ("threads", "threads"), ("tensions", "tensions"), ("deleted", "deleted (IDs only)")]
        text = Text()
        for key, label in rows:
            text.append(f"{getattr(stats, key):>9,}  ", "bold")
            text.append(label + "\n")
        if stats.first and stats.last:
            text.append(f"from {stats.first[:10]} to {stats.last[:10]}", "dim")
        return text

    @staticmethod
    def _render_constitution(status: ConstitutionStatus) -> Text:
        ok = status.ok
        text = Text.assemble(("version ", "dim"), status.version, "\n",
                             ("✓ verifies: every document matches its recorded hash" if ok
                              else "✗ does not verify", "green" if ok else "bold red"))
        for item in status.drift:
            text.append("\n  changed: " + item)
        return text

    @staticmethod
    def _render_audit(report: AuditSummary) -> Text:
        ok = report.ok
        text = Text.assemble(
            ("✓ intact" if ok else "✗ broken", "green" if ok else "bold red"),
            f" · {plural(report.entries, 'entry')}\n", ("head ", "dim"), (report.head or "(empty)")[:32])
        if report.problem:
            text.append("\n" + report.problem, "red")
        return text

    @staticmethod
    def _render_engine(data: dict[str, Any]) -> Text:
        engine = data["engine"]
        where = "on this machine, no model" if engine == "offline" else (
            "a local model server" if engine == "ollama" else "a remote model (your key)")
        text = Text.assemble((engine, "bold"), f" — {where}")
        if data.get("private_by_default"):
            text.append("\nnew reflections are private by default", "dim")
        if data.get("profile") is not None:
            profile = data["profile"]
            text.append(f"\nengine profile {profile} in force", "bold" if profile > 1 else "")
            text.append(" (as shipped)" if profile == 1 else " (changes you approved: F9)", "dim")
        return text

    @staticmethod
    def _render_egress(entries: list[SentRequest]) -> RenderableType:
        if not entries:
            return Text("Nothing. No reflection has ever been sent anywhere.", style="green")
        remote = [e for e in entries if e.remote]
        table = Table(box=None, padding=(0, 1), show_edge=False)
        for column in ("when", "adapter", "endpoint", "bytes", "reflections"):
            table.add_column(column, style="dim" if column == "when" else "")
        for e in entries[:12]:
            table.add_row(local_time(e.at, "UTC"), e.adapter, e.endpoint_host,
                          f"{e.bytes_sent:,}", str(len(e.reflection_ids)))
        summary = Text(f"{plural(len(entries), 'call')} listed, {len(remote)} to a remote server.",
                       style="bold" if remote else "")
        from rich.console import Group

        return Group(summary, table)

    # -- sync ------------------------------------------------------------------------------------
    def _show_sync(self, status: SyncStatus | None) -> None:
        """The devices panel and the Sync button appear only on a paired journal."""
        self._sync = status if status is not None and status.paired else None
        paired = self._sync is not None
        self.query_one("#panel-sync").display = paired
        self.query_one("#sync", Button).display = paired
        self.refresh_bindings()
        if status is not None and paired:
            self.query_one("#sov-sync", Static).update(self._render_sync(status))

    @staticmethod
    def _render_sync(status: SyncStatus) -> Text:
        text = Text.assemble(("folder  ", "dim"), tilde(status.folder or ""), "\n",
                             ("last    ", "dim"), local_time(status.last_sync_at, "UTC") + " UTC"
                             if status.last_sync_at else "never", "\n",
                             ("waiting ", "dim"), f"{plural(status.pending_here, 'change')} here, "
                             f"{plural(status.waiting_in_folder, 'change set')} in the folder")
        for device in status.devices:
            seen = "this device" if device.this_device else (
                "unpaired" if device.unpaired_at else
                "last seen " + (local_time(device.last_seen_at, "UTC") + " UTC" if device.last_seen_at else "never"))
            text.append(f"\n{device.device_id}  {device.label or ''}  ", "bold" if device.this_device else "")
            text.append(seen, "dim")
        return text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "sync":
            return self._sync is not None
        return True

    def action_sync(self) -> None:
        if self._sync is None or self._syncing:
            return
        self._syncing = True
        self.query_one("#sync", Button).disabled = True
        self.query_one("#sov-sync", Static).update(Text("Syncing…", style="dim"))
        self.run_sync(host(self.app).require_gateway())

    @work(thread=True, group="journal", exit_on_error=False)
    def run_sync(self, gateway: JournalGateway) -> None:
        try:
            report = gateway.call_long(lambda j: j.sync())
        except MirrorError as exc:
            self.post_message(SyncFinished(None, str(exc)))
            return
        except Exception as exc:  # noqa: BLE001
            log = gateway.log_unexpected("sync", exc)
            self.post_message(SyncFinished(None, f"Something unexpected went wrong; details are in {log}."))
            return
        self.post_message(SyncFinished(report))

    def on_sync_finished(self, event: SyncFinished) -> None:
        self._syncing = False
        self.query_one("#sync", Button).disabled = False
        report = event.report
        if report is None:
            self.notify(f"Sync failed: {event.problem}", severity="error")
        else:
            sent = report.sent.get("reflections", 0) + report.sent.get("tombstones", 0)
            message = (f"Synced: sent {plural(sent, 'change')}, applied "
                       f"{plural(len(report.applied), 'change set')} from your other devices.")
            if report.refused:
                message += f" {len(report.refused)} refused: " + report.refused[0].reason
            self.notify(message, severity="warning" if report.refused else "information")
            if report.applied:
                host(self.app).journal_changed()
        self.action_reload()

    # -- bundles -----------------------------------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("export", "verify", "import"):
            self.action_bundle(event.button.id)
        elif event.button.id == "sync":
            self.action_sync()

    def action_bundle(self, action: str) -> None:
        def done(changed: bool | None) -> None:
            if changed:
                host(self.app).journal_changed()
                self.action_reload()

        self.app.push_screen(BundleScreen(action), done)


class SyncFinished(Message):
    """A sync started from this screen ended: its report, or why it failed."""

    def __init__(self, report: SyncReport | None, problem: str | None = None) -> None:
        super().__init__()
        self.report = report
        self.problem = problem


class BundleScreen(ModalScreen[bool]):
    """Export, verify or import a bundle: path, passphrase, progress, then the report."""

    BINDINGS = [Binding("escape", "close", "Close", id="bundle.close")]
    TITLES = {"export": "Export a bundle", "verify": "Verify a bundle", "import": "Import a bundle"}

    def __init__(self, action: str) -> None:
        super().__init__(classes="dialog-screen")
        self.action_name = action
        self.running = False
        self.changed = False
        self.declined = 0       # reflections the person chose to keep (an import cancelled)

    def compose(self) -> ComposeResult:
        action = self.action_name
        default = str(Path.home() / f"mirror-{date.today().isoformat()}.zip") if action == "export" else ""
        # Compact fields in a scrolling dialog: at 80×24 the full-height fields pushed the
        # buttons below the dialog's edge.
        with VerticalScroll(classes="dialog bundle-dialog"):
            yield Label(self.TITLES[action], classes="dialog-title")
            yield Input(default, placeholder="path to the bundle (.zip or .zip.age)", id="bundle-path",
                        compact=True)
            yield Input(placeholder="passphrase (leave empty for none)", password=True, id="bundle-pass",
                        compact=True)
            if action == "export":
                yield Input(placeholder="passphrase again", password=True, id="bundle-pass2", compact=True)
                yield Checkbox("sign with this device's key", id="bundle-sign", compact=True)
            if action == "import":
                yield Checkbox("dry run: check and report, change nothing", id="bundle-dry", compact=True)
            yield ProgressBar(total=None, show_eta=False, id="bundle-progress")
            yield Static("", id="bundle-report")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="close")
                yield Button({"export": "Export", "verify": "Verify", "import": "Import"}[action],
                             id="go", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#bundle-progress").display = False
        self.query_one("#bundle-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "go":
            self.start()
        else:
            self.action_close()

    def action_close(self) -> None:
        if self.running:
            self.notify("Please wait until it finishes: stopping halfway is what bundles are protected from, "
                        "but it is kinder to let it end.", severity="warning")
            return
        self.dismiss(self.changed)

    def start(self) -> None:
        if self.running:
            return
        path = os.path.expanduser(self.query_one("#bundle-path", Input).value.strip())
        passphrase = self.query_one("#bundle-pass", Input).value or None
        report = self.query_one("#bundle-report", Static)
        if not path:
            report.update(Text("Give the path of the bundle.", style="yellow"))
            return
        options: dict[str, Any] = {"passphrase": passphrase}
        if self.action_name == "export":
            if passphrase != (self.query_one("#bundle-pass2", Input).value or None):
                report.update(Text("The two passphrases differ.", style="yellow"))
                return
            options["sign"] = self.query_one("#bundle-sign", Checkbox).value
        if self.action_name == "import":
            options["dry_run"] = self.query_one("#bundle-dry", Checkbox).value
        self.running = True
        self.declined = 0
        self.query_one("#go", Button).disabled = True
        bar = self.query_one("#bundle-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        report.update(Text({"export": "Exporting…", "verify": "Verifying…", "import": "Importing…"}
                           [self.action_name], style="dim"))
        self.run_bundle(host(self.app).require_gateway(), self.action_name, path, options)

    @work(thread=True, group="journal", exit_on_error=False)
    def run_bundle(self, gateway: JournalGateway, action: str, path: str, options: dict[str, Any]) -> None:
        last = [-1]

        def progress(done: int, total: int) -> None:
            step = max(1, total // 100) if total else 1
            if done == total or done - last[0] >= step:
                last[0] = done
                self.post_message(m.BundleProgress(done, total))

        def call(j: Journal) -> BundleExport | BundleCheck | BundleImport:
            if action == "export":
                return j.export_bundle(path, passphrase=options["passphrase"],
                                       sign=options["sign"], progress=progress)
            if action == "verify":
                return j.verify_bundle(path, passphrase=options["passphrase"])
            return j.import_bundle(path, passphrase=options["passphrase"],
                                   dry_run=options["dry_run"], progress=progress,
                                   confirm_deletes=self.confirm_deletes)

        try:
            report = gateway.call_long(call)
        except MirrorError as exc:
            self.post_message(m.BundleFinished(action, None, str(exc)))
            return
        except Exception as exc:  # noqa: BLE001
            log = gateway.log_unexpected(f"bundle {action}", exc)
            self.post_message(m.BundleFinished(action, None, f"Something unexpected went wrong; details are in {log}."))
            return
        self.post_message(m.BundleFinished(action, report))

    def confirm_deletes(self, count: int) -> bool:
        """Asked by the import (in this worker, before it writes) when the bundle's tombstones
        would delete `count` reflections here: the dialog, Cancel focused. The worker waits
        for the answer; a closing app counts as Cancel."""
        answer: list[bool] = []
        answered = threading.Event()

        def done(yes: bool | None) -> None:
            answer.append(bool(yes))
            answered.set()

        def ask() -> None:
            self.app.push_screen(ConfirmScreen(
                f"This bundle would delete {plural(count, 'reflection')} from this journal",
                DELETES_BODY, yes="Delete"), done)

        self.app.call_from_thread(ask)
        worker = get_current_worker()
        while not answered.wait(0.1):
            if worker.is_cancelled or not self.app.is_running:
                return False
        if not answer[0]:
            self.declined = count
        return answer[0]

    def on_bundle_progress(self, event: m.BundleProgress) -> None:
        self.query_one("#bundle-progress", ProgressBar).update(total=event.total or None, progress=event.done)

    def on_bundle_finished(self, event: m.BundleFinished) -> None:
        self.running = False
        self.query_one("#go", Button).disabled = False
        bar = self.query_one("#bundle-progress", ProgressBar)
        report = self.query_one("#bundle-report", Static)
        if event.problem is not None and self.declined:
            bar.display = False
            report.update(Text.assemble(("Not imported — your journal is exactly as it was\n", "bold"),
                                        f"You kept the {plural(self.declined, 'reflection')} the bundle "
                                        "would have deleted."))
            return
        if event.problem is not None:
            bar.display = False
            verb = {"export": "Export failed", "verify": "The bundle did not verify",
                    "import": "Import refused — your journal is exactly as it was"}[event.action]
            report.update(Text.assemble((verb + "\n", "bold red"), event.problem))
            return
        bar.update(total=100, progress=100)
        if isinstance(event.report, BundleImport) and not event.report.dry_run:
            self.changed = True
        title = {"export": "Exported ✓", "verify": "Verified ✓", "import": "Imported ✓"}[event.action]
        report.update(Text.assemble((title + "\n", "bold green"), bundle_summary(event.report)))


def _counted(counts: dict[str, int], names: list[tuple[str, str]]) -> str:
    """ "5 reflections, 3 mirrorbacks" for the non-zero counts among `names`."""
    parts = [plural(counts.get(key, 0), word) for key, word in names if counts.get(key)]
    return ", ".join(parts) or "nothing"


_CONTENT = [("reflections", "reflection"), ("mirrorbacks", "mirrorback"), ("threads", "thread"),
            ("tags", "tag"), ("reflection_revisions", "earlier version")]
_CHANGES = [("reflections_added", "new reflection"), ("reflections_updated", "updated reflection"),
            ("revisions_added", "earlier version"), ("reflections_deleted", "deletion"),
            ("threads_added", "new thread"), ("mirrorbacks_added", "mirrorback"),
            ("tensions_added", "new tension")]
_SIGNATURES = {"trusted": "signed by a key you trust", "untrusted": "signed by a key you have not trusted",
               "unsigned": "not signed"}


def bundle_summary(report: BundleExport | BundleCheck | BundleImport | None) -> Text:
    """A few plain lines a person can read at a glance (the full record is `--json` on the
    command line): what is in the bundle, whether it is encrypted and signed, what changed."""
    text = Text()
    if isinstance(report, BundleExport):
        text.append(f"{tilde(report.path)} ({human_size(report.size)})\n")
        text.append(f"Holds {_counted(report.counts, _CONTENT)}.\n")
        text.append(("Encrypted with your passphrase" if report.encrypted else "Not encrypted")
                    + (", signed by this device." if report.signed else ", not signed."))
    elif isinstance(report, BundleImport):
        check = report.check
        changes = _counted(report.changes, _CHANGES)
        if report.dry_run:
            text.append("Dry run, nothing was changed. " + (f"Importing would bring {changes}."
                                                            if report.changed else "Importing would change nothing."))
        elif report.changed:
            text.append(f"Brought in {changes}.")
        else:
            text.append("Nothing changed: everything in it is already in this journal.")
        unchanged = report.changes.get("reflections_unchanged", 0)
        if unchanged:
            text.append(f"\n{plural(unchanged, 'reflection')} already here.", "dim")
        text.append(f"\nFrom {local_time(check.created_at, 'UTC')} UTC, {_SIGNATURES.get(check.signature.status, check.signature.status)}.",
                    "dim")
    elif isinstance(report, BundleCheck):
        text.append(f"Made {local_time(report.created_at, 'UTC')} UTC by Mirror {report.app_version}; "
                    f"holds {_counted(report.counts, _CONTENT)}.\n")
        text.append(("Encrypted" if report.encrypted else "Not encrypted") + ", "
                    + _SIGNATURES.get(report.signature.status, report.signature.status) + ".")
        if report.needs_migration:
            text.append("\nAn older journal format: it is updated as it is imported.", "dim")
        if not report.constitution_matches_ours:
            text.append("\nIts constitution differs from yours (kept as a record, never adopted).", "dim")
    return text
