"""Plain records passed between storage, services and the interfaces.

They carry no behaviour beyond turning themselves into the JSON shapes documented under
`schemas/json/`, so the CLI's `--json` output and the TUI read the same fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reflection:
    id: str
    content: str
    created_at: str            # UTC, ISO-8601 with 'Z'
    created_tz: str            # the writer's IANA zone
    updated_at: str
    content_type: str = "text/plain"
    visibility: str = "local_only"
    private: bool = False
    starred: bool = False
    source: str = "cli"
    metadata: dict[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    threads: tuple[str, ...] = ()   # thread titles
    revisions: int = 0
    care: str | None = None         # 'care' or 'gentle' while a care marker is active

    @property
    def title(self) -> str:
        """The first non-empty line, as a person would name the entry."""
        for line in self.content.splitlines():
            if line.strip():
                return line.strip()
        return ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["threads"] = list(self.threads)
        return data


@dataclass(frozen=True)
class Revision:
    reflection_id: str
    revision: int
    content: str
    revised_at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Thread:
    id: str
    title: str
    created_at: str
    archived_at: str | None
    reflections: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchHit:
    reflection: Reflection
    rank: float
    snippet: tuple[tuple[str, bool], ...]   # (text, is_match) segments

    def to_json(self) -> dict[str, Any]:
        return {
            "reflection": self.reflection.to_json(),
            "rank": self.rank,
            "snippet": [{"text": text, "match": match} for text, match in self.snippet],
        }


@dataclass(frozen=True)
class Page:
    """One page of a newest-first listing; `next_cursor` is None on the last page."""

    items: list[Reflection]
    next_cursor: str | None


@dataclass(frozen=True)
class ListFilter:
    since: str | None = None        # UTC ISO bounds, inclusive
    until: str | None = None
    tags: tuple[str, ...] = ()      # all of these
    starred: bool | None = None
    thread_id: str | None = None
    private: bool | None = None
    care: bool | None = None        # reflections with an active care marker (either tier)
    pattern: str | None = None      # reflections showing this pattern


@dataclass(frozen=True)
class DoctorCheck:
    """One `mirror doctor` check: what was checked, what was found, and what to do.
    `kind` is 'storage' or 'engine' (it decides the exit code of a failing doctor)."""

    name: str
    ok: bool
    detail: str
    kind: str
    fix: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DoctorReport:
    checks: tuple[DoctorCheck, ...]
    audit_head: str
    home: str

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "checks": [c.to_json() for c in self.checks],
                "audit_head": self.audit_head, "home": self.home}


@dataclass(frozen=True)
class Span:
    """Where in a reflection something was found: [start, end) and the words there."""

    start: int
    end: int
    text: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class PatternMark:
    """A pattern found in one reflection. `label` is the constitution's name for it
    ("obligation" -> "obligation language"): the CLI and the TUI show this, never their own."""

    pattern: str
    label: str
    evidence: tuple[Span, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"pattern": self.pattern, "label": self.label,
                "evidence": [s.to_json() for s in self.evidence]}


@dataclass(frozen=True)
class TensionMark:
    """A tension observed in one reflection: where it leans (-1: axis_a, +1: axis_b) and
    how strongly."""

    tension_id: str
    axis_a: str
    axis_b: str
    position: float
    intensity: float
    evidence: tuple[Span, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"tension_id": self.tension_id, "axis_a": self.axis_a, "axis_b": self.axis_b,
                "position": self.position, "intensity": self.intensity,
                "evidence": [s.to_json() for s in self.evidence]}


@dataclass(frozen=True)
class TrajectoryPoint:
    reflection_id: str
    observed_at: str
    position: float
    intensity: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Tension:
    """A tension across the journal: how often it was observed, and on average where."""

    id: str
    axis_a: str
    axis_b: str
    origin: str
    created_at: str
    observations: int
    last_observed: str | None
    mean_position: float | None
    mean_intensity: float | None
    #: Every observation, oldest first (only when one tension is asked for).
    trajectory: tuple[TrajectoryPoint, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if k != "trajectory"}
        if self.trajectory is not None:
            data["trajectory"] = [p.to_json() for p in self.trajectory]
        return data


@dataclass(frozen=True)
class PatternCount:
    """How many reflections of a period showed a pattern."""

    period: str
    pattern: str
    label: str
    reflections: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Mirrorback:
    """The mirror's answer to a reflection. `route` and `cached` are known only right after
    it was written (how the engine was chosen; whether the reply came from the cache)."""

    id: str
    reflection_id: str
    content: str
    engine: str
    verdict: str                  # passed | failed | care
    flags: tuple[str, ...] = ()
    model: str | None = None
    engine_version: str | None = None
    constitution_version: str | None = None
    prompt_version: str | None = None
    answered_text_sha256: str | None = None
    created_at: str | None = None
    route: str | None = None
    cached: bool | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = list(self.flags)
        for key in ("route", "cached"):
            if data[key] is None:
                del data[key]
        return data


@dataclass(frozen=True)
class Feedback:
    """A person's rating, flags or note on one mirrorback."""

    id: str
    mirrorback_id: str
    rating: int | None
    flags: tuple[str, ...]
    note: str | None
    created_at: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["flags"] = list(self.flags)
        return data


@dataclass(frozen=True)
class CheckResult:
    """One constitutional check of a mirrorback: its name, whether it passed, the
    offending text, and a one-line detail."""

    name: str
    passed: bool
    evidence: tuple[str, ...]
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "passed": self.passed, "evidence": list(self.evidence),
                "detail": self.detail}


@dataclass(frozen=True)
class SentRequest:
    """One entry of the egress ledger: a request that went to a model server (local or
    remote), which reflections it carried, and what it cost. Never the text itself."""

    id: str
    at: str
    adapter: str
    endpoint_host: str
    remote: bool
    reflection_ids: tuple[str, ...]
    bytes_sent: int
    payload_sha256: str
    model: str | None
    tokens_in: int
    tokens_out: int
    cost_usd: float

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["reflection_ids"] = list(self.reflection_ids)
        return data


# -- bundles and other journals ---------------------------------------------------------------

@dataclass(frozen=True)
class BundleExport:
    """A bundle `mirror export` wrote: where, what it holds (`counts`: rows per table), and
    whether it is encrypted and signed. `omitted` names what never leaves this machine."""

    path: str
    bundle_id: str
    created_at: str
    size: int
    encrypted: bool
    signed: bool
    signer_fingerprint: str | None
    schema_version: int
    constitution_version: str
    audit_head: str
    counts: dict[str, int]
    members: tuple[str, ...]
    omitted: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "bundle", "path": self.path, "bundle_id": self.bundle_id,
            "created_at": self.created_at, "size": self.size, "encrypted": self.encrypted,
            "signed": self.signed, "signer_fingerprint": self.signer_fingerprint,
            "schema_version": self.schema_version,
            "constitution_version": self.constitution_version, "audit_head": self.audit_head,
            "counts": dict(self.counts), "members": list(self.members),
            "omitted": list(self.omitted),
        }


@dataclass(frozen=True)
class PlainExport:
    """A Markdown folder or JSON document `mirror export --format` wrote."""

    format: str                   # markdown | json
    path: str
    reflections: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BundleSignature:
    """How a bundle is signed: 'unsigned', 'trusted' or 'untrusted', and by which key."""

    status: str
    fingerprint: str | None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class BundleCheck:
    """A bundle that passed every check (`mirror verify`): what its manifest says, its
    signature, and whether its schema needs migrating here. A bundle that fails a check is
    refused (`BundleRefused`), so a record always means ok."""

    path: str
    bundle_id: str
    created_at: str
    app_version: str
    format_version: int
    schema_version: int
    needs_migration: bool
    encrypted: bool
    signature: BundleSignature
    audit_head: str | None
    constitution_version: str
    constitution_matches_ours: bool
    counts: dict[str, int]
    members: int
    database_bytes: int

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True, "path": self.path, "bundle_id": self.bundle_id,
            "created_at": self.created_at, "app_version": self.app_version,
            "format_version": self.format_version, "schema_version": self.schema_version,
            "needs_migration": self.needs_migration, "encrypted": self.encrypted,
            "signature": self.signature.to_json(), "audit_head": self.audit_head,
            "constitution_version": self.constitution_version,
            "constitution_matches_ours": self.constitution_matches_ours,
            "counts": dict(self.counts), "members": self.members,
            "database_bytes": self.database_bytes, "error": None,
        }


@dataclass(frozen=True)
class BundleImport:
    """A bundle import (or dry run): the bundle's checks, then what changed (`changes`:
    one count per kind of change). `import_id` is None for a dry run."""

    check: BundleCheck
    dry_run: bool
    import_id: str | None
    changes: dict[str, int]
    changed: bool
    rederived: int
    recorded_not_applied: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {**self.check.to_json(), "dry_run": self.dry_run, "import_id": self.import_id,
                "changes": dict(self.changes), "changed": self.changed,
                "rederived": self.rederived,
                "recorded_not_applied": list(self.recorded_not_applied)}


@dataclass(frozen=True)
class ForeignImport:
    """An import of another journal's files (`mirror import --from`): `source` is the tool
    ('jrnl', 'dayone' or 'markdown'; "from" in JSON), `ids` the first 1,000 new reflections."""

    source: str
    path: str
    dry_run: bool
    import_id: str | None
    changes: dict[str, int]
    changed: bool
    ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"ok": True, "from": self.source, "path": self.path, "dry_run": self.dry_run,
                "import_id": self.import_id, "changes": dict(self.changes),
                "changed": self.changed, "ids": list(self.ids)}


@dataclass(frozen=True)
class ImportRecord:
    """An earlier import, as this journal recorded it (`details`: the path, the bundle's
    manifest facts, config and constitution, and a summary of the changes)."""

    id: str
    kind: str                     # bundle | jrnl | dayone | markdown
    bundle_id: str | None
    imported_at: str
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeviceKey:
    """This device's signing key: the public half, its fingerprint, and the private key's file."""

    public_key: str
    fingerprint: str
    fingerprint_display: str
    path: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TrustedKey:
    """A public key whose signed bundles this journal accepts. `added` is known only right
    after `trust add` (whether the key was new); it is left out of the JSON otherwise."""

    fingerprint: str
    public_key: str
    label: str | None
    added_at: str
    fingerprint_display: str
    added: bool | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.added is None:
            del data["added"]
        return data


@dataclass(frozen=True)
class MonthCount:
    month: str
    reflections: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class JournalStats:
    """What `mirror stats` and the TUI's sovereignty screen count."""

    reflections: int
    first: str | None
    last: str | None
    starred: int
    private: int
    characters: int
    revisions: int
    deleted: int
    tags: int
    threads: int
    mirrorbacks: int
    tensions: int
    per_month: tuple[MonthCount, ...] = ()     # the latest twelve months, newest first
    home: str = ""
    schema_version: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["per_month"] = [m.to_json() for m in self.per_month]
        return data


@dataclass(frozen=True)
class EgressTotals:
    """How many requests went to model servers, and how many left this machine."""

    requests: int
    remote_requests: int
    bytes: int
    remote_bytes: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CareMarked:
    """A reflection carrying an active care marker ('care' or 'gentle')."""

    id: str
    created_at: str
    tier: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class CareInfo:
    """What `mirror care` shows: the care text in a language, the person's own resources,
    and the reflections that carry a care marker."""

    language: str
    text: str
    resources: tuple[str, ...]
    marked: tuple[CareMarked, ...]

    def to_json(self) -> dict[str, Any]:
        return {"language": self.language, "text": self.text, "resources": list(self.resources),
                "marked": [m.to_json() for m in self.marked]}


@dataclass(frozen=True)
class CareDismissal:
    """A care marker the person cleared as a false alarm (audited)."""

    reflection_id: str
    tier: str
    dismissed_at: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ConstitutionFile:
    path: str
    expected: str | None
    actual: str | None
    status: str                      # ok | changed | missing | extra

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ConstitutionStatus:
    """The constitution in force, whether its installed documents still match their
    genesis hashes, and when each version (and amendment) was adopted by this journal."""

    ok: bool
    version: str
    error: str | None
    files: tuple[ConstitutionFile, ...]
    history: tuple[dict[str, Any], ...] = ()
    amendments: tuple[dict[str, Any], ...] = ()

    @property
    def drift(self) -> tuple[str, ...]:
        """Each document that does not match, as "path (status)"."""
        return tuple(f"{f.path} ({f.status})" for f in self.files if f.status != "ok")

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "version": self.version, "error": self.error,
                "files": [f.to_json() for f in self.files], "drift": list(self.drift),
                "history": list(self.history), "amendments": list(self.amendments)}
