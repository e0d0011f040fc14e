"""The one door: every use case the CLI and the TUI need is one method here.

A `Journal` is an open MIRROR_HOME: its database, its settings and its clock. Methods take
what a person typed (ID prefixes, date phrases, thread titles) and return records; simple
reads and writes are answered here from the store, and each larger use case is delegated
to its module in `mirror.services` (`reflecting`, `deriving`, `bundles`, `doctor`), which
takes the journal's `JournalContext` and owns its transactions. The interfaces only parse
and print.

Use-case modules are imported when their method is first called: `mirror list` never pays
for the engine, the model adapters or the bundle code (CLI start-up is measured).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from mirror.clock import Clock, utc_iso
from mirror.dates import parse_when
from mirror.errors import InvalidInput, NotFound
from mirror.models import ListFilter, Page, Reflection, Revision, SearchHit, Thread
from mirror.paths import JournalPaths, ensure_home, journals, resolve_home
from mirror.resources import set_journal_cache
from mirror.services.context import JournalContext
from mirror.settings import Settings
from mirror.storage.journalfile import is_encrypted
from mirror.storage.reflections import NewReflection
from mirror.storage.store import Store
from mirror.storage.tags import counts as tag_counts

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:  # annotations only: `mirror list` builds none of these records
    from typing import BinaryIO

    from mirror.models.bundles import (
        BundleCheck,
        BundleExport,
        BundleImport,
        DeviceKey,
        ForeignImport,
        ImportRecord,
        PlainExport,
        TrustedKey,
    )
    from mirror.models.derived import CareDismissal
    from mirror.models.digests import Digest
    from mirror.models.egress import EgressTotals, SentRequest
    from mirror.models.encryption import EncryptionChange
    from mirror.models.evolution import EvolutionReport, ProfileInfo, Proposal
    from mirror.models.evolution_import import EvolutionImport
    from mirror.models.insights import Feedback, PatternCount, Tension
    from mirror.models.journals import NamedJournal
    from mirror.models.memory import OnThisDay
    from mirror.models.runs import EngineRun
    from mirror.models.status import CareInfo, ConstitutionStatus, DeriveReport, DoctorReport, JournalStats
    from mirror.models.sync import SyncDevice, SyncPairing, SyncReport, SyncStatus
    from mirror.services.results import ReflectionDetails, ReflectResult
    from mirror.storage.audit_report import AuditReport
    from mirror.storage.encryption import DraftSeal
    from mirror.storage.salvage import Recovery

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Filters:
    """Listing filters as a person types them (dates as phrases, thread by title).
    `tags`: all of them; `any_tags`: at least one; `not_tags`: none; `on`: that whole day
    (narrowing `since`/`until`); `contains`: the text, ignoring case."""

    since: str | None = None
    until: str | None = None
    tags: tuple[str, ...] = ()
    starred: bool | None = None
    thread: str | None = None
    private: bool | None = None
    care: bool | None = None
    pattern: str | None = None
    on: str | None = None
    any_tags: tuple[str, ...] = ()
    not_tags: tuple[str, ...] = ()
    contains: str | None = None


def _pattern(typed: str | None) -> str | None:
    """The pattern name `--pattern` means (the constitution is read only when one is given:
    a plain listing must not pay for its YAML)."""
    if not typed:
        return None
    from mirror.constitution import pattern_name

    return pattern_name(typed)


class Journal:
    # `list` is a method here: annotations below say `builtins.list`.
    def __init__(self, paths: JournalPaths, store: Store, settings: Settings, clock: Clock) -> None:
        self.paths = paths
        self.store = store
        self.settings = settings
        self.clock = clock
        #: What use-case modules get instead of the Journal itself.
        self.context = JournalContext(paths, store, settings, clock)

    @classmethod
    def open(cls, home: str | Path | None = None, clock: Clock | None = None, *,
             ask_passphrase: Callable[[], str] | None = None) -> Journal:
        """`ask_passphrase`: how to ask for an encrypted journal's passphrase when the
        environment gives none and no key is kept for this session (None: do not ask)."""
        paths = ensure_home(resolve_home(home))
        clock = clock or Clock()
        set_journal_cache(paths.home / "cache")  # for the constitution, imported only if used
        settings = Settings(paths.config)
        settings.validate()  # a hand-edited mistake is named before anything is saved
        return cls(paths, Store(paths.db, clock, ask_passphrase=ask_passphrase), settings, clock)

    # -- encryption at rest (opt-in; the journal is closed while it changes) -----------------
    @staticmethod
    def create(home: str | Path | None, *, encrypted: bool = False, passphrase_file: Path | None = None,
               ask_passphrase: Callable[[], str] | None = None, remember: bool = False,
               clock: Clock | None = None) -> EncryptionChange:
        """A new journal, encrypted at rest if asked (SQLCipher, the `encrypted` extra)."""
        from mirror.services import encryption  # only the encryption commands

        return encryption.create(ensure_home(resolve_home(home)), clock or Clock(), encrypted=encrypted,
                                 source=encryption.keys(passphrase_file, ask_passphrase), remember=remember)

    @staticmethod
    def convert_at_rest(home: str | Path | None, *, encrypt: bool, passphrase_file: Path | None = None,
                        ask_passphrase: Callable[[], str] | None = None, remember: bool = False,
                        clock: Clock | None = None) -> EncryptionChange:
        """Encrypt (or decrypt) the journal in place: a verified copy replaces it."""
        from mirror.services import encryption  # only the encryption commands

        paths, source = ensure_home(resolve_home(home)), encryption.keys(passphrase_file, ask_passphrase)
        if encrypt:
            return encryption.encrypt(paths, clock or Clock(), source=source, remember=remember)
        return encryption.decrypt(paths, clock or Clock(), source=source)

    @staticmethod
    def unlock(home: str | Path | None, *, passphrase_file: Path | None = None,
               ask_passphrase: Callable[[], str] | None = None, clock: Clock | None = None) -> EncryptionChange:
        """Keep the derived key for this login session, so commands skip the passphrase."""
        from mirror.services import encryption  # only the encryption commands

        return encryption.unlock(ensure_home(resolve_home(home)), clock or Clock(),
                                 source=encryption.keys(passphrase_file, ask_passphrase))

    @staticmethod
    def lock(home: str | Path | None) -> EncryptionChange:
        """Forget the key kept by `unlock`."""
        from mirror.services import encryption  # only the encryption commands

        return encryption.lock(ensure_home(resolve_home(home)))

    @staticmethod
    def unlock_in_process(home: str | Path | None, ask_passphrase: Callable[[], str] | None) -> None:
        """If the journal is encrypted, ask for its passphrase now (before the TUI owns the
        terminal); this process's later opens then reuse the key."""
        paths = ensure_home(resolve_home(home))
        if is_encrypted(paths.db):
            Store(paths.db, ask_passphrase=ask_passphrase).close()

    @staticmethod
    def editor_folder(home: str | Path | None) -> Path:
        """Where `$EDITOR` gets its file: the journal's drafts folder, or for an encrypted
        journal this login session's memory-backed runtime folder (the editor needs the
        text in clear; it must not land on the disk beside the encrypted file)."""
        paths = JournalPaths(resolve_home(home))
        if is_encrypted(paths.db):
            from mirror.storage.encryption import runtime_dir  # encrypted journals only

            folder = runtime_dir()
            if folder is not None:
                return folder / "drafts"
        return paths.drafts

    @property
    def encrypted(self) -> bool:
        return self.store.encrypted

    def draft_seal(self) -> DraftSeal | None:
        """What seals the TUI's drafts of an encrypted journal (None: a plain journal)."""
        from mirror.services import encryption  # only for an encrypted journal's drafts

        return encryption.draft_seal(self.store.cipher_key)

    @staticmethod
    def named_journals(default_home: Path) -> builtins.list[NamedJournal]:
        """The journals `--journal NAME` can open: `default` (this home) and those named in
        its config.toml's `[journals]` table, each its own home."""
        from mirror.models.journals import NamedJournal  # `mirror journals` only

        return [NamedJournal(name, str(home), (home / "mirror.db").is_file())
                for name, home in journals(default_home).items()]

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- time ----------------------------------------------------------------------------
    @property
    def timezone(self) -> str:
        return self.context.timezone

    def parse_date(self, text: str, *, end_of_day: bool | None = None) -> str:
        """A date phrase as the UTC timestamp text the database stores (`end_of_day`: see
        `mirror.dates.parse_when`; True/False for the upper/lower bound of a range)."""
        return utc_iso(parse_when(text, self.timezone, self.clock.now(), end_of_day=end_of_day))

    # -- reflections -----------------------------------------------------------------------
    def write(self, text: str, *, when: str | None = None, tags: list[str] | tuple[str, ...] = (),
              starred: bool = False, thread: str | None = None, private: bool | None = None,
              source: str = "cli") -> Reflection:
        """Save a reflection durably. Returns only after COMMIT."""
        thread_ids = [self.store.threads.find(thread).id] if thread else []
        return self.store.reflections.create(NewReflection(
            content=text,
            created_at=self.parse_date(when) if when else None,
            created_tz=self.timezone,
            tags=list(tags),
            starred=starred,
            private=self.settings.get("private_by_default") if private is None else private,
            source=source,
            thread_ids=thread_ids,
        ))

    def resolve(self, prefix: str) -> str:
        return self.store.reflections.resolve(prefix)

    def get(self, prefix: str) -> Reflection:
        return self.store.reflections.get(self.resolve(prefix))

    def edit(self, prefix: str, *, text: str | None = None, starred: bool | None = None,
             private: bool | None = None, add_tags: list[str] | None = None,
             remove_tags: list[str] | None = None, when: str | None = None) -> Reflection:
        """Edit a reflection. A changed text is re-analysed at once, so patterns, tensions
        and the care marker always describe the current words (earlier mirrorbacks stay, as
        history, linked to the hash of the text they answered). `when` moves it to another
        date, exactly as `redate` does."""
        reflection_id = self.resolve(prefix)
        if when is not None:
            self.redate(reflection_id, when)
        before = self.store.reflections.get(reflection_id).content if text is not None else None
        reflection = self.store.reflections.update(
            reflection_id, content=text, starred=starred, private=private,
            add_tags=add_tags, remove_tags=remove_tags)
        if before is not None and reflection.content != before:
            from mirror.services import deriving  # the engine: only when the text changed

            deriving.derive_ids(self.context, [reflection.id])
        return reflection

    def redate(self, prefix: str, when: str) -> Reflection:
        """Move a reflection to another date ("yesterday 21:00", "2026-03-01"), in the
        journal's zone. Its tension observations follow (they are dated by the reflection)."""
        reflection = self.store.reflections.redate(self.resolve(prefix), self.parse_date(when),
                                                   self.timezone)
        from mirror.services import deriving  # the engine: observations carry the date

        deriving.derive_ids(self.context, [reflection.id])
        return reflection

    def history(self, prefix: str) -> tuple[Reflection, list[Revision]]:
        reflection = self.get(prefix)
        return reflection, self.store.reflections.revisions(reflection.id)

    def restore_revision(self, prefix: str, number: int) -> Reflection:
        """Make earlier version `number` the current text. It is an edit like any other:
        the text being replaced becomes the newest revision (so a restore can itself be
        undone), the audit log records it, and patterns follow the restored words."""
        reflection, revisions = self.history(prefix)
        chosen = next((r for r in revisions if r.revision == number), None)
        if chosen is None:
            known = ", ".join(str(r.revision) for r in revisions)
            raise InvalidInput(f"{reflection.id[:8]} has no version {number}"
                               + (f" (its earlier versions: {known})" if known
                                  else " (it has never been edited)"))
        if chosen.content == reflection.content:
            return reflection  # already the current text: nothing to keep or re-derive
        return self.edit(reflection.id, text=chosen.content)

    def delete(self, prefix: str) -> tuple[str, bool]:
        """Returns the deleted ID and whether its text is already gone from every file
        (False while another open Mirror holds the write-ahead log; purged on close)."""
        reflection_id = self.resolve(prefix)
        purged = self.store.reflections.delete(reflection_id)
        return reflection_id, purged

    def delete_many(self, reflection_ids: builtins.list[str]) -> bool:
        """Delete these reflections (full IDs, from `matching`) all or none, in one
        transaction; returns whether their text is already gone from every file."""
        return self.store.reflections.delete_many(list(reflection_ids))

    def edit_many(self, reflection_ids: builtins.list[str], *, starred: bool | None = None,
                  private: bool | None = None, add_tags: builtins.list[str] | None = None,
                  remove_tags: builtins.list[str] | None = None) -> builtins.list[Reflection]:
        """Star, mark private or (un)tag these reflections (full IDs, from `matching`) all
        or none, in one transaction. The texts are unchanged: nothing to re-analyse."""
        return self.store.reflections.update_many(list(reflection_ids), starred=starred,
                                                  private=private, add_tags=add_tags,
                                                  remove_tags=remove_tags)

    def list(self, filters: Filters = Filters(), limit: int = 20, cursor: str | None = None) -> Page:
        if limit < 1:
            raise InvalidInput("the number of reflections to list must be at least 1")
        return self.store.reflections.list(self._filter(filters), limit, cursor)

    def _filter(self, filters: Filters) -> ListFilter:
        since = self.parse_date(filters.since, end_of_day=False) if filters.since else None
        until = self.parse_date(filters.until, end_of_day=True) if filters.until else None
        if since and until and since > until:
            raise InvalidInput("--since is after --until")
        if filters.on:  # the whole day in the journal's zone, within --since/--until if given
            day_start = self.parse_date(filters.on, end_of_day=False)
            day_end = self.parse_date(filters.on, end_of_day=True)
            since = max(since, day_start) if since else day_start
            until = min(until, day_end) if until else day_end
        if filters.contains is not None and not filters.contains.strip():
            raise InvalidInput("--contains needs some text")
        thread_id = self.store.threads.find(filters.thread).id if filters.thread else None
        return ListFilter(since=since, until=until, tags=tuple(filters.tags),
                          starred=filters.starred, thread_id=thread_id,
                          private=filters.private, care=filters.care,
                          pattern=_pattern(filters.pattern),
                          any_tags=tuple(filters.any_tags), not_tags=tuple(filters.not_tags),
                          contains=filters.contains)

    def matching(self, filters: Filters) -> builtins.list[str]:
        """The IDs of every reflection `filters` selects, newest first: bulk edit and
        delete count them and ask before changing anything."""
        return self.store.reflections.ids(self._filter(filters))

    def search(self, query: str, limit: int = 20,
               filters: Filters = Filters(), *, fts: bool = False) -> builtins.list[SearchHit]:
        """Full-text search among the reflections `filters` selects (as `list` does): words
        in any script, substrings of Chinese, Japanese, emoji...; `fts`: the query is FTS5
        syntax (phrases, OR, NOT, NEAR), a malformed one is `InvalidInput`."""
        from mirror.services import searching  # only `search` ranks: `list` and the rest never load it

        return searching.search(self.context, query, limit, self._filter(filters), fts=fts)

    def tags(self) -> builtins.list[tuple[str, int]]:
        return tag_counts(self.store.conn)

    def stats(self) -> JournalStats:
        """Counts, dates, and how the person writes (words, streaks, busiest times)."""
        from mirror.services import stats  # the writing statistics: `stats` and the TUI only

        return stats.journal_stats(self.context)

    # -- threads ---------------------------------------------------------------------------
    def threads(self, include_archived: bool = False) -> builtins.list[Thread]:
        return self.store.threads.list(include_archived)

    def thread(self, name: str) -> Thread:
        return self.store.threads.find(name)

    def create_thread(self, title: str) -> Thread:
        return self.store.threads.create(title)

    def rename_thread(self, name: str, title: str) -> Thread:
        return self.store.threads.rename(self.thread(name).id, title)

    def archive_thread(self, name: str, archived: bool = True) -> Thread:
        return self.store.threads.set_archived(self.thread(name).id, archived)

    def add_to_thread(self, name: str, prefix: str) -> Thread:
        thread = self.thread(name)
        self.store.threads.add(thread.id, self.resolve(prefix))
        return self.store.threads.get(thread.id)

    def remove_from_thread(self, name: str, prefix: str) -> Thread:
        thread = self.thread(name)
        self.store.threads.remove(thread.id, self.resolve(prefix))
        return self.store.threads.get(thread.id)

    def thread_reflections(self, name: str) -> tuple[Thread, builtins.list[Reflection]]:
        """A thread's reflections oldest first: it reads like a conversation."""
        thread = self.thread(name)
        items = list(self.store.reflections.iter_all(ListFilter(thread_id=thread.id)))
        return thread, items[::-1]

    # -- integrity -------------------------------------------------------------------------
    def audit_verify(self) -> AuditReport:
        return self.store.audit_verify()

    # -- reflecting --------------------------------------------------------------------------
    def answer(self, reflection: Reflection, *, on_progress: Callable[[int], None] | None = None,
               use_cache: bool = True) -> ReflectResult:
        """Analyse a saved reflection and produce its checked mirrorback. Reflecting is
        always `write` (durable, its own transaction), then `answer`: nothing the engine does
        afterwards can lose what the person wrote, and an interface can say "saved" first."""
        from mirror.services import reflecting  # the engine and adapters: only to answer

        return reflecting.answer(self.context, reflection, on_progress=on_progress,
                                 use_cache=use_cache)

    def care_prepared(self) -> bool:
        """False when the next `answer` first prepares the care check (its index: a few
        seconds, once per machine and set of care rules), so an interface can say why."""
        from mirror.engine.care.detect import prepared

        return prepared()

    def regenerate(self, prefix: str, on_progress: Callable[[int], None] | None = None) -> ReflectResult:
        """A fresh mirrorback for a reflection, bypassing the response cache; earlier
        mirrorbacks are kept so they can be compared."""
        return self.answer(self.get(prefix), on_progress=on_progress, use_cache=False)

    def analyze_all(self, progress: Progress | None = None) -> DeriveReport:
        """Re-derive patterns, tensions and care markers for every reflection (the same
        loop imports use: batched, on worker processes for large journals), then rebuild
        the counts `stats` and `patterns` read from the rows."""
        from mirror.services import deriving  # the engine: only for this command

        report = deriving.derive_all(self.context, progress)
        self.store.derived.rebuild_counts()
        return report

    def analyze_pending(self, progress: Progress | None = None) -> DeriveReport:
        """Read what imports left pending (a large import's detached reader runs this;
        run by hand, it waits for that reader, then reads whatever is still left)."""
        from mirror.services import deriving  # the engine: only for this command

        return deriving.derive_pending(self.context, progress)

    def pending_reading(self) -> tuple[int, bool]:
        """How many reflections imports left unread, and whether a reader is at them."""
        from mirror.services import deriving  # imports only

        return deriving.pending_count(self.context)

    def runs(self, limit: int = 20) -> builtins.list[EngineRun]:
        """Engine runs, newest first: which engine answered each reflection, every attempt,
        and the prompt template version a model was sent."""
        if limit < 1:
            raise InvalidInput("the number of runs to list must be at least 1")
        from mirror.models.runs import EngineRun  # the runs view only

        return [EngineRun.from_row(row) for row in self.store.derived.runs(limit)]

    def egress(self, remote_only: bool = False, limit: int = 50) -> builtins.list[SentRequest]:
        """What was sent to model servers, newest first (the egress ledger)."""
        return self.store.egress.entries(remote_only=remote_only, limit=limit)

    def egress_totals(self) -> EgressTotals:
        """How many requests and bytes went to model servers, and how many left this machine."""
        return self.store.egress.totals()

    def constitution_status(self) -> ConstitutionStatus:
        """The constitution in force, whether the installed documents still match their
        genesis hashes, and when each version was adopted by this journal."""
        from mirror.services import doctor  # probes engines too: only constitution commands

        return doctor.constitution_status(self.context)

    def doctor(self) -> DoctorReport:
        """Every check a person would want before trusting their journal."""
        from mirror.services import doctor  # probes engines: only for `mirror doctor`

        return doctor.diagnose(self.context)

    @classmethod
    def recover(cls, home: str | Path | None = None, clock: Clock | None = None) -> Recovery:
        """Salvage a damaged journal into a new file that takes its place; the damaged
        files are kept beside it as `mirror.db.damaged-<time>`. A class method: a damaged
        journal may not open. Refuses a healthy journal (InvalidInput) and, when nothing
        could be recovered, leaves every file as it was (StorageError)."""
        from mirror.services import doctor  # probes engines: only for `mirror doctor`

        return doctor.recover(ensure_home(resolve_home(home)).db, clock or Clock())

    def details(self, prefix: str) -> ReflectionDetails:
        """A reflection with its mirrorbacks, patterns and tensions (the reader's view)."""
        reflection = self.get(prefix)
        derived = self.store.derived
        from mirror.services.results import ReflectionDetails  # derived records: `show` only

        return ReflectionDetails(reflection, derived.mirrorbacks_for(reflection.id),
                                 derived.patterns_for(reflection.id),
                                 derived.tensions_for(reflection.id),
                                 derived.care_for(reflection.id))

    # -- memory --------------------------------------------------------------------------------
    def on_this_day(self, day: str | None = None, filters: Filters = Filters()) -> OnThisDay:
        """Reflections written on this month and day in earlier years, newest year first
        (`day`: YYYY-MM-DD; default today in the journal's zone), among those `filters`
        selects (its dates are ignored: the day decides). Reflections that received care
        are not resurfaced."""
        from mirror.services import onthisday  # the memory views only

        chosen = replace(self._filter(replace(filters, since=None, until=None, on=None)),
                         care=False)
        return onthisday.on_this_day(self.context,
                                     onthisday.parse_day(day) if day else None, chosen)

    # -- templates -------------------------------------------------------------------------------
    def template(self, name: str) -> str:
        """The text of template `name` (templates/NAME.md in the journal folder)."""
        from mirror.services import templates  # only `reflect --template`

        return templates.read(self.context, name)

    def templates(self) -> builtins.list[str]:
        """The names of the journal's templates, sorted."""
        from mirror.services import templates  # only `reflect --template`

        return templates.names(self.context)

    # -- care ----------------------------------------------------------------------------------
    def care_info(self, language: str | None = None) -> CareInfo:
        """What `mirror care` shows: the care text in a language, the resources the person
        saved, and how many reflections carry an active care marker."""
        from mirror.engine.care import care_languages, care_text  # care data: only here
        from mirror.models.status import CareInfo, CareMarked

        lang = language or "en"
        if lang not in care_languages():
            raise InvalidInput(f"no care text in {lang!r}; available: {', '.join(care_languages())}")
        resources = tuple(self.settings.get("care.resources") or ())
        marked = self.store.reflections.list(ListFilter(care=True), limit=1000).items
        return CareInfo(lang, care_text(lang), resources,
                        tuple(CareMarked(r.id, r.created_at, r.care) for r in marked))

    def dismiss_care(self, prefix: str) -> CareDismissal:
        """Clear a false alarm on one reflection (audited); later reflections still get
        care whenever they need it."""
        reflection = self.get(prefix)
        return self.store.derived.dismiss_care(reflection.id)

    # -- patterns, tensions, feedback --------------------------------------------------------
    def pattern_counts(self, since: str | None = None, bucket: str = "month") -> builtins.list[PatternCount]:
        """How often each pattern appeared per period, by the reflections' own dates."""
        return self.store.derived.pattern_counts(
            self.parse_date(since, end_of_day=False) if since else None, bucket)

    def pattern_labels(self, reflection_ids: builtins.list[str]) -> dict[str, builtins.list[str]]:
        """Which patterns each of these reflections shows, by the constitution's labels
        (timeline markers: the words `mirror reflect` and the reader use)."""
        names = self.store.derived.pattern_names(list(reflection_ids))
        from mirror import constitution  # the labels: only commands that show patterns

        return {rid: [constitution.pattern_label(n) for n in found] for rid, found in names.items()}

    def tensions(self) -> builtins.list[Tension]:
        return self.store.derived.tensions()

    def tension(self, key: str) -> Tension:
        """One tension by ID prefix or by "pole_a/pole_b", with its trajectory over time."""
        derived = self.store.derived
        if "/" in key:
            axis_a, axis_b = (part.strip() for part in key.split("/", 1))
            tension = derived.find_tension(axis_a, axis_b)
        else:
            tension = derived.tension(key)
        return replace(tension, trajectory=tuple(derived.trajectory(tension.id)))

    def add_tension(self, axis_a: str, axis_b: str) -> Tension:
        """Name a tension of one's own (it has no observations yet)."""
        tension = self.store.derived.create_tension(axis_a, axis_b, "user_created")
        return replace(tension, trajectory=())

    def feedback(self, prefix: str, rating: int | None, flags: builtins.list[str], note: str | None,
                 labels: builtins.list[str] | tuple[str, ...] = ()) -> Feedback:
        """Feedback on a mirrorback, found by its own ID or by its reflection's ID
        (then the latest mirrorback of that reflection). `labels`: the patterns (names or
        labels) Mirror misread in that reflection; each is kept as the flag
        'inaccurate:NAME' beside 'inaccurate', so the critics count the flag for those
        labels only (DESIGN §7)."""
        derived = self.store.derived
        try:
            mirrorback = derived.mirrorback(prefix)
        except NotFound:
            reflection_id = self.resolve(prefix)
            mirrorbacks = derived.mirrorbacks_for(reflection_id)
            if not mirrorbacks:
                raise NotFound(f"reflection {prefix} has no mirrorback to rate yet") from None
            mirrorback = mirrorbacks[-1]
        if labels:
            flags = list(dict.fromkeys([*flags, *self._misread(mirrorback.reflection_id, labels)]))
        return derived.add_feedback(mirrorback.id, rating, flags, note)

    def _misread(self, reflection_id: str, labels: builtins.list[str] | tuple[str, ...]) -> builtins.list[str]:
        """The flags saying which of the reflection's pattern labels were inaccurate."""
        from mirror import constitution  # the labels: only feedback that names one
        from mirror.storage.evolution import misread_flag

        read = self.store.derived.pattern_names([reflection_id]).get(reflection_id, [])
        out = ["inaccurate"]
        for typed in labels:
            name = constitution.pattern_name(typed)
            if name not in read:
                shown = ", ".join(constitution.pattern_label(n) for n in read) or "no pattern"
                raise InvalidInput(f"Mirror did not read {constitution.pattern_label(name)!r} in "
                                   f"this reflection (it read: {shown})")
            out.append(misread_flag(name))
        return out

    # -- bundles and other journals ---------------------------------------------------------
    # The bundle code (zip, age, signatures) is imported only by these commands.
    def export_bundle(self, path: str | Path | None = None, passphrase: str | None = None,
                      sign: bool = False, progress: Progress | None = None,
                      overwrite: bool = False, to: BinaryIO | None = None) -> BundleExport:
        """Write a bundle of the whole journal (to `path`, or streamed to `to`: stdout)."""
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.export_bundle(self.context, path, passphrase=passphrase, sign=sign,
                                     progress=progress, overwrite=overwrite, to=to)

    def export_plain(self, path: str | Path | None, fmt: str, progress: Progress | None = None,
                     overwrite: bool = False, to: BinaryIO | None = None) -> PlainExport:
        """Markdown (a folder of files that import back) or JSON (one document; to `to`,
        stdout, when given)."""
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.export_plain(self.context, path, fmt, progress=progress,
                                    overwrite=overwrite, to=to)

    def verify_bundle(self, path: str | Path, passphrase: str | None = None,
                      require_signature: bool = False) -> BundleCheck:
        """Check a bundle completely without touching the journal."""
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.verify_bundle(self.context, path, passphrase=passphrase,
                                     require_signature=require_signature)

    def import_bundle(self, path: str | Path, passphrase: str | None = None, dry_run: bool = False,
                      progress: Progress | None = None,
                      require_signature: bool = False,
                      confirm_deletes: Callable[[int], bool] | None = None,
                      restore_deleted: bool = False, read_later: bool = False) -> BundleImport:
        """Verify, then merge a bundle in one transaction (or only report, with dry_run).
        `confirm_deletes(count)` is asked before an import that would delete reflections
        here; False refuses it (None: deletions apply without asking). `restore_deleted`:
        reflections deleted here come back from the bundle under new IDs (audited; the
        tombstones stay, so nothing deleted elsewhere is resurrected). `read_later`: a
        large import leaves reading its reflections to a detached process (`mirror
        import` does, unless --wait; `analyze_pending` waits for it)."""
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.import_bundle(self.context, path, passphrase=passphrase, dry_run=dry_run,
                                     progress=progress, require_signature=require_signature,
                                     confirm_deletes=confirm_deletes,
                                     restore_deleted=restore_deleted, read_later=read_later)

    def import_foreign(self, kind: str, path: str | Path, tz: str | None = None,
                       dry_run: bool = False, progress: Progress | None = None, *,
                       date_from: str = "frontmatter", timeformat: str | None = None,
                       jrnl_config: str | Path | None = None,
                       read_later: bool = False) -> ForeignImport:
        """Import jrnl, Day One, Markdown files or Mirror's JSON export; entries imported
        before (or with an ID already here) are skipped. `date_from`: where undated
        Markdown notes get their date first; `timeformat`/`jrnl_config`: a jrnl journal's
        custom time format; `read_later`: as for `import_bundle`."""
        from mirror.bundles.importers.base import ImportOptions  # only bundle commands
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        options = ImportOptions(tz=tz, date_from=date_from, timeformat=timeformat,
                                jrnl_config=Path(jrnl_config) if jrnl_config else None)
        return bundles.import_foreign(self.context, kind, path, tz=tz, dry_run=dry_run,
                                      progress=progress, options=options,
                                      read_later=read_later)

    def imports(self, limit: int = 50) -> builtins.list[ImportRecord]:
        """Earlier imports, newest first."""
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.imports(self.context, limit)

    def device_key(self) -> DeviceKey:
        """This device's signing key (created on first use)."""
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.device_key(self.context)

    def trust_add(self, key_text: str, label: str | None = None) -> TrustedKey:
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.trust_add(self.context, key_text, label)

    def trust_signer(self, path: str | Path, fingerprint: str, passphrase: str | None = None,
                     label: str | None = None) -> TrustedKey:
        """Trust the key that signed a bundle, once the bundle verified and `fingerprint`
        is its signer's (a signed backup restored on a new machine)."""
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.trust_signer(self.context, path, fingerprint, passphrase=passphrase,
                                    label=label)

    def trust_list(self) -> builtins.list[TrustedKey]:
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.trust_list(self.context)

    def trust_remove(self, fingerprint: str) -> TrustedKey:
        from mirror.services import bundles  # zip, age, signatures: only bundle commands

        return bundles.trust_remove(self.context, fingerprint)

    # -- evolution by approval (DESIGN §7) -----------------------------------------------------
    def evolve_report(self, days: int = 30) -> EvolutionReport:
        """What the critics see over the last `days` days; files the proposals it supports
        (as drafts, checked against the invariants, each change once while open)."""
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.report(self.context, days)

    def evolve_proposals(self, status: str | None = None) -> builtins.list[Proposal]:
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.proposals(self.context, status)

    def evolve_show(self, prefix: str) -> Proposal:
        """One proposal with its history and, once applied, its measured effect."""
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.show(self.context, prefix)

    def evolve_approve(self, prefix: str, confirmation: str | None = None) -> Proposal:
        """Approve a proposal in review; a constitutional amendment needs `confirmation`."""
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.approve(self.context, prefix, confirmation)

    def evolve_reject(self, prefix: str, note: str = "") -> Proposal:
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.reject(self.context, prefix, note)

    def evolve_apply(self, prefix: str) -> Proposal:
        """Apply an approved proposal: a new engine profile, used by the next reflect."""
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.apply(self.context, prefix)

    def evolve_rollback(self, prefix: str) -> Proposal:
        """Put the profile before an applied change back in force, exactly."""
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.rollback(self.context, prefix)

    def engine_profile(self) -> ProfileInfo:
        """The engine profile in force (version 1: the engine as shipped)."""
        from mirror.services.evolution import lifecycle  # only for `mirror evolve` and the TUI

        return lifecycle.profile_info(self.context)

    # -- digests and telemetry ---------------------------------------------------------------
    def digest(self, kind: str, when: str | None = None, *, engine: bool = False) -> Digest:
        """A descriptive summary of the week or month holding `when` (default: now);
        with `engine`, written by the configured model engine under the mirrorback rules."""
        from mirror.services import digest  # the reading engine: only for `mirror digest`

        return digest.write(self.context, kind, when, engine=engine)

    def telemetry_packet(self) -> str:
        """The packet of anonymised aggregates, exactly as `write_telemetry` saves it."""
        from mirror.services import telemetry  # only for `mirror telemetry`

        return telemetry.serialise(telemetry.packet(self.context))

    def write_telemetry(self, path: str | Path, overwrite: bool = False) -> str:
        """Save the telemetry packet to a file (never sent anywhere); returns its text."""
        from mirror.services import telemetry  # only for `mirror telemetry`

        return telemetry.write(self.context, Path(path), overwrite)

    def evolve_import(self, path: str | Path, require_signature: bool = False) -> EvolutionImport:
        """Verify a proposal or telemetry packet from elsewhere (signature and trust as for
        bundles, the invariant checker for a proposal); a proposal enters as a draft for
        review, never applied. Refusals raise before anything is stored."""
        from mirror.services.evolution import incoming  # signatures: only for `evolve import`

        return incoming.import_file(self.context, Path(path), require_signature)

    # -- sync (issue 16) ----------------------------------------------------------------------
    # age, signatures and the merge: imported only by `mirror sync` and the TUI's sync action.
    def sync(self, folder: str | Path | None = None, dry_run: bool = False,
             progress: Progress | None = None) -> SyncReport:
        """Write this device's changes as a change set into the folder and apply the other
        devices' new ones (each in one transaction); refused ones are reported."""
        from mirror.services import sync  # age, signatures, the merge: only sync

        return sync.sync(self.context, folder, dry_run=dry_run, progress=progress)

    def sync_watch(self, folder: str | Path | None, interval: float,
                   on_report: Callable[[SyncReport], None], should_stop: Callable[[], bool]) -> int:
        """Sync now and whenever the folder or the journal changes, until `should_stop()`."""
        from mirror.services import sync  # age, signatures, the merge: only sync

        return sync.watch(self.context, folder, interval=interval, on_report=on_report,
                          should_stop=should_stop)

    def sync_status(self) -> SyncStatus:
        """This device, its folder, the paired devices and what waits to be synced."""
        from mirror.services import sync  # age, signatures, the merge: only sync

        return sync.status(self.context)

    def sync_pair(self, folder: str | Path, code: str | None = None, include_private: bool = False,
                  label: str | None = None) -> SyncPairing:
        """Pair this journal with a sync folder: the first device gets a short code to give
        the others; the others give it (`code`, or a passphrase the person chose)."""
        from mirror.services import sync  # age, signatures, the merge: only sync

        return sync.pair(self.context, folder, code=code, include_private=include_private,
                         label=label)

    def sync_unpair(self, device: str | None = None) -> SyncDevice | None:
        """Refuse a device's change sets from now on, or (no device) leave sync here."""
        from mirror.services import sync  # age, signatures, the merge: only sync

        return sync.unpair(self.context, device)
