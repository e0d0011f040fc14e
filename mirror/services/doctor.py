"""`mirror doctor`: every check a person would want before trusting their journal, each
with what to do about a problem. Probes engines without sending any reflection."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mirror.services.journal import Journal


def _check(name: str, ok: bool, detail: str, kind: str, fix: str = "") -> dict[str, Any]:
    return {"name": name, "ok": ok, "detail": detail, "kind": kind, "fix": fix}


def diagnose(journal: "Journal") -> dict[str, Any]:
    from mirror.storage import migrations

    checks = []
    integrity = journal.store.integrity_check()
    checks.append(_check("database", integrity == "ok",
                         f"{journal.paths.db} integrity {integrity}", "storage",
                         "restore from your latest bundle (mirror import)"))
    version, latest = journal.store.schema_version, migrations.latest_version()
    checks.append(_check("schema", version == latest, f"version {version} of {latest}", "storage",
                         "open the journal with this Mirror to migrate it"))
    status = journal.constitution_status()
    checks.append(_check("constitution", status["ok"],
                         f"{status['version']}" + ("" if status["ok"] else " drifted: " + ", ".join(status["drift"])),
                         "storage", "reinstall Mirror: the installed documents were changed"))
    checks.append(care_check())
    audit = journal.audit_verify()
    checks.append(_check("audit chain", audit.ok,
                         f"{audit.entries} entries, head {audit.head}" + ("" if audit.ok else f": {audit.problem}"),
                         "storage", "compare the head with your latest bundle's manifest"))
    checks.append(engine_check(journal))
    return {"ok": all(c["ok"] for c in checks), "checks": checks,
            "audit_head": audit.head, "home": str(journal.paths.home)}


def care_check() -> dict[str, Any]:
    """Whether every language's care rules load: a broken file would leave that language
    without care (the rest keep working)."""
    from mirror.engine.care import care_languages
    from mirror.engine.care.detect import detector

    errors = detector().errors
    detail = (f"{len(care_languages())} languages" if not errors
              else "rules not loaded: " + "; ".join(errors))
    return _check("care rules", not errors, detail, "storage",
                  "reinstall Mirror: a care rules file is damaged")


def engine_check(journal: "Journal") -> dict[str, Any]:
    from mirror.adapters import registry
    from mirror.adapters.base import AdapterUnavailable
    from mirror.errors import InvalidInput

    settings = journal.settings.as_flat()
    try:
        name = registry.engine_name(settings)
    except InvalidInput as exc:
        return _check("engine", False, str(exc), "engine", "choose one with `mirror config set engine`")
    if name == "offline":
        return _check("engine", True, "offline (built in, always available)", "engine")
    api_key = None
    try:
        if name == "anthropic":
            from mirror.adapters.secrets import load_anthropic_key

            api_key = load_anthropic_key(journal.paths.home)
        adapter = registry.create_adapter(settings, api_key=api_key)
    except (AdapterUnavailable, InvalidInput) as exc:  # InvalidInput: refused secrets.toml, bad URL
        return _check("engine", False, f"{name}: {exc}", "engine", str(exc))
    try:
        health = adapter.check_health()
    except AdapterUnavailable as exc:
        return _check("engine", False, f"{name}: {exc}", "engine", str(exc))
    finally:
        close = getattr(adapter, "close", None)
        if close is not None:
            close()
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
        from mirror.services.mirroring import SET_KEY_HINT

        problem = f"no Anthropic API key is set: {SET_KEY_HINT}"
    return _check("engine", health.ok, ", ".join(parts) + (f": {problem}" if problem else ""),
                  "engine", problem)
