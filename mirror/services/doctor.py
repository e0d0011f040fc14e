"""`mirror doctor`: every check a person would want before trusting their journal, each
with what to do about a problem. Probes engines without sending any reflection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mirror import constitution
from mirror.adapters import registry
from mirror.adapters.base import AdapterUnavailable
from mirror.adapters.secrets import load_anthropic_key
from mirror.clock import Clock
from mirror.display import counted
from mirror.engine.care import care_languages
from mirror.engine.care.detect import detector
from mirror.errors import InvalidInput, StorageError
from mirror.models.status import ConstitutionFile, ConstitutionStatus, DoctorCheck, DoctorReport
from mirror.services.context import JournalContext
from mirror.services.engines import SET_KEY_HINT
from mirror.storage import migrations, salvage

RECOVER_HINT = ("salvage what can be read with `mirror doctor --recover` (SQLite's .recover into "
                "a new file; the damaged one is kept), or restore your latest bundle (mirror import)")


def recover(db: Path, clock: Clock) -> salvage.Recovery:
    """Salvage a damaged journal into a new file that takes its place (the damaged files
    are kept beside it). Uses SQLite's own `.recover` when the `sqlite3` tool is installed:
    it also finds rows the damaged tables no longer reach; otherwise Mirror reads what it
    can, row by row. Works on a journal too damaged to open, so it takes a path, not a
    context."""
    return salvage.recover(db, clock)


def _check(name: str, ok: bool, detail: str, kind: str, fix: str = "") -> DoctorCheck:
    return DoctorCheck(name, ok, detail, kind, fix)


def constitution_status(ctx: JournalContext) -> ConstitutionStatus:
    """The constitution in force, whether the installed documents still match their
    genesis hashes, and when each version was adopted by this journal."""
    report = constitution.verify()
    return ConstitutionStatus(
        ok=report.ok, version=report.version, error=report.error,
        files=tuple(ConstitutionFile(f.path, f.expected, f.actual, f.status) for f in report.files),
        history=tuple(ctx.store.derived.constitution_history()),
        amendments=(*ctx.store.derived.constitution_amendments(), *_approved_amendments(ctx)))


def _approved_amendments(ctx: JournalContext) -> list[dict[str, Any]]:
    """The amendments the person approved (typed confirmation, I4) and applied to the engine
    profile, while in force: rolled back, an amendment is no longer listed."""
    from mirror.storage.evolution import EvolutionStore  # only `mirror constitution`

    return [{"version": f"engine profile {p['profile_after']}", "summary": str(p["change"].get("summary", "")),
             "adopted_at": p["applied_at"], "migration": None}
            for p in EvolutionStore(ctx.store.conn, ctx.clock).proposals("applied")
            if p["kind"] == "constitution_amendment"][::-1]


def diagnose(ctx: JournalContext) -> DoctorReport:
    checks = []
    try:
        integrity = ctx.store.integrity_check()
    except StorageError as exc:  # too damaged even to check: say so, and how to recover
        integrity = str(exc)
    if integrity != "ok":
        checks.append(_check("database", False, f"{ctx.paths.db} is damaged: {integrity}",
                             "storage", RECOVER_HINT))
        # Every other check reads the same damaged file: report this one clearly instead.
        try:
            head = ctx.store.audit_head()
        except Exception:  # noqa: BLE001 - the damaged file may not yield its head either
            head = ""
        return DoctorReport(tuple(checks), head, str(ctx.paths.home))
    checks.append(_check("database", True, f"{ctx.paths.db} integrity ok", "storage"))
    checks.append(_check("encryption", True, "the journal file is encrypted at rest (SQLCipher)"
                         if ctx.store.encrypted else "the journal file is plain SQLite (disk encryption"
                         " protects it; `mirror encrypt` encrypts it)", "storage"))
    version, latest = ctx.store.schema_version, migrations.latest_version()
    checks.append(_check("schema", version == latest, f"version {version} of {latest}", "storage",
                         "open the journal with this Mirror to migrate it"))
    status = constitution_status(ctx)
    checks.append(_check("constitution", status.ok,
                         status.version + ("" if status.ok else " drifted: " + ", ".join(status.drift)),
                         "storage", "reinstall Mirror: the installed documents were changed"))
    checks.append(care_check())
    checks.append(reading_check(ctx))
    audit = ctx.store.audit_verify()
    checks.append(_check("audit chain", audit.ok,
                         f"{counted(audit.entries, 'entry', 'entries')}, head {audit.head}" + ("" if audit.ok else f": {audit.problem}"),
                         "storage", "compare the head with your latest bundle's manifest"))
    checks.append(engine_check(ctx))
    return DoctorReport(tuple(checks), audit.head, str(ctx.paths.home))


def care_check() -> DoctorCheck:
    """Whether every language's care rules load: a broken file would leave that language
    without care (the rest keep working)."""
    errors = detector().errors
    detail = (f"{len(care_languages())} languages" if not errors
              else "rules not loaded: " + "; ".join(errors))
    return _check("care rules", not errors, detail, "storage",
                  "reinstall Mirror: a care rules file is damaged")


def reading_check(ctx: JournalContext) -> DoctorCheck:
    """Whether every reflection has its patterns and care markers: a large import leaves
    reading to a background reader (`reading_later`); one that was killed leaves the rest
    pending until an import or `analyze --pending` reads it."""
    from mirror.services.deriving import pending_count  # doctor only

    count, reading = pending_count(ctx)
    if not count:
        return _check("reading", True, "every reflection is read for patterns and care", "storage")
    if reading:
        return _check("reading", True, f"{counted(count, 'reflection')} being read in the "
                      "background", "storage")
    return _check("reading", False, f"{counted(count, 'reflection')} an import left unread "
                  "(no patterns or care markers yet)", "storage",
                  "`mirror analyze --pending` reads them")


def engine_check(ctx: JournalContext) -> DoctorCheck:
    settings = ctx.settings.as_flat()
    try:
        name = registry.engine_name(settings)
    except InvalidInput as exc:
        return _check("engine", False, str(exc), "engine", "choose one with `mirror config set engine`")
    if name == "offline":
        return _check("engine", True, "offline (built in, always available)", "engine")
    api_key = None
    try:
        if name == "anthropic":
            api_key = load_anthropic_key(ctx.paths.home)
        adapter = registry.create_adapter(settings, api_key=api_key)
    except (AdapterUnavailable, InvalidInput) as exc:  # InvalidInput: refused secrets.toml, bad URL
        return _check("engine", False, f"{name}: {exc}", "engine", str(exc))
    try:
        health = adapter.check_health()
    except AdapterUnavailable as exc:
        return _check("engine", False, f"{name}: {exc}", "engine", str(exc))
    finally:
        adapter.close()
    where = "remote" if adapter.is_remote() else "local"
    parts = [f"{name} at {health.endpoint} ({where})"]
    if health.model:
        parts.append(f"model {health.model}" + ("" if health.model_present is not False else " missing"))
    if health.key_present is not None:
        parts.append("key present" if health.key_present else "no key")
    if health.server_version:
        parts.append(f"server {health.server_version}")
    problem = health.problem
    if health.key_present is False:
        problem = f"no Anthropic API key is set: {SET_KEY_HINT}"
    return _check("engine", health.ok, ", ".join(parts) + (f": {problem}" if problem else ""),
                  "engine", problem)
