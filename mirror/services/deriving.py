"""Deriving: patterns, tension observations and care markers from a reflection's text.

One loop serves every caller — an edit (one reflection), `analyze --all` (the whole
journal) and imports (the reflections whose text is new) — so they all write the same
records at the same speed. Analysis is pure CPU work on text: past PARALLEL_THRESHOLD
reflections it is spread over forked worker processes while this process writes results.
Nothing here trusts derived rows from elsewhere: they are always recomputed from the text.
The one thing reused is this journal's own record of what the care detector read in a
text (`mirror.engine.care.readings`, migration 018), and only while the text and the
detector are the very ones it was read with: three quarters of the work, which a change of
engine profile does not touch.

Imports derive after their merge has committed, one short transaction per batch
(`derive_after_import`), so `reflect` and edits from other processes never wait behind a
long import. The IDs still to derive are kept in MIRROR_HOME/PENDING_FILE until done: an
import killed after its merge committed leaves them there, and the next import (or
`analyze --all`) finishes the work. A large import leaves that work to one detached reader
(`reading_later`, `derive_pending`) and returns once its rows are written.

Worker processes die with the process that started them: on Linux the kernel kills them
(PR_SET_PDEATHSIG); everywhere, each watches a pipe whose only writer is the parent, and
leaves when it reads end-of-file (the parent is gone, however it ended).
"""

from __future__ import annotations

import collections
import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from mirror.engine.analysis import Analysis, analyze
from mirror.engine.care.detect import detector
from mirror.engine.tensions import template_axes
from mirror.fileio import write_private
from mirror.models import Reflection
from mirror.services.context import JournalContext
from mirror.storage.analysis_records import (
    AnalysisRecord,
    CareReadingRecord,
    CareRecord,
    ObservationRecord,
    PatternRecord,
)
from mirror.storage.db import transaction

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from concurrent.futures import Future

    from mirror.models.status import DeriveReport
    from mirror.services.evolution.profile import Profile

Progress = Callable[[int, int], None]
#: (id, text, created_at), and for a stored reflection the care reading kept for it by the
#: detector in use (`storage.bulk.Stored`): what analysing one reflection needs.
Row = tuple[str, str, str] | tuple[str, str, str, "tuple[str, str | None] | None"]

BATCH = 500
#: Below this many reflections, worker processes cost more than they save.
PARALLEL_THRESHOLD = 600
MAX_WORKERS = 4
#: Reflections an import merged whose derived rows are not written yet (JSON list of IDs).
PENDING_FILE = "derive-pending.json"


# -- records ------------------------------------------------------------------------------------
def _spans_json(spans: Iterable) -> str:
    return json.dumps([{"start": s.start, "end": s.end, "text": s.text} for s in spans],
                      ensure_ascii=False, separators=(",", ":"))


def analysis_record(reflection_id: str, created_at: str, analysis: Analysis) -> AnalysisRecord:
    """What storage keeps of one analysis; tension observations are dated by the
    reflection, so trajectories follow the person's time, not the machine's."""
    grouped: dict[str, list] = {}
    for m in analysis.patterns:
        grouped.setdefault(m.name, []).append(m)
    patterns = [PatternRecord(name, _spans_json(matches)) for name, matches in grouped.items()]
    seeded = template_axes()
    observations = [
        ObservationRecord(t.axis_a, t.axis_b, max(-1.0, min(1.0, t.position)),
                          max(0.0, min(1.0, t.intensity)), _spans_json(t.evidence),
                          # an axis of the person's own (approved into the engine profile)
                          "system_seed" if (t.axis_a, t.axis_b) in seeded else "user_created")
        for t in analysis.tensions
    ]
    finding = analysis.care_finding
    care = None if finding.tier is None else CareRecord(
        tier=finding.tier, score=round(finding.score, 3),
        signals=tuple(s.to_json() for s in finding.signals), language=analysis.care_language)
    return AnalysisRecord(reflection_id, tuple(patterns), tuple(observations), care, created_at)


def analyse_rows(rows: Sequence[Row], profile: Profile | None = None,
                 detector: str | None = None) -> list[AnalysisRecord]:
    """Analyse a batch of reflections, read through the engine profile in force (the
    same reading `reflect` gives one reflection). Runs in worker processes, too.

    `detector`: the care detector's key (`care.readings.detector_key`). A care reading
    kept for a row by this detector, of this very text, is used instead of reading the
    text again (the profile still applies: it acts after the detector); every other row's
    reading is returned with its record, to be kept. None: nothing is kept or reused."""
    from mirror.engine.care.readings import dump_finding, load_finding, text_digest  # derivation only

    out = []
    for row in rows:
        reflection_id, text, created_at = row[0], row[1], row[2]
        kept = row[3] if len(row) > 3 else None
        reading = None
        if detector is None:
            analysis = analyze(text)
        else:
            digest = text_digest(text)
            if kept is not None and kept[0] == digest:
                analysis = analyze(text, care=load_finding(kept[1]))
            else:
                analysis = analyze(text)
                reading = CareReadingRecord(detector, digest, dump_finding(analysis.care_finding))
        read = profile.read(analysis) if profile is not None else analysis
        out.append(analysis_record(reflection_id, created_at, read)._replace(reading=reading))
    return out


# -- the one loop ----------------------------------------------------------------------------------
def store_analysis(ctx: JournalContext, reflection: Reflection, analysis: Analysis) -> None:
    """Replace one reflection's derived rows, in the caller's transaction."""
    ctx.store.derived.replace_analyses(
        [analysis_record(reflection.id, reflection.created_at, analysis)])


def derive_ids(ctx: JournalContext, ids: list[str], progress: Progress | None = None) -> DeriveReport:
    """Re-derive the reflections `ids` inside the caller's transaction (an edit's: the new
    text and its derived rows commit together or not at all)."""
    def batches() -> Iterator[Sequence[Row]]:
        for start in range(0, len(ids), BATCH):
            yield ctx.store.reflections.texts_for_analysis(ids[start:start + BATCH], detector_key())

    return _derive(ctx, batches(), len(ids), progress, own_transactions=False)


def note_pending(ctx: JournalContext, ids: list[str]) -> None:
    """Remember `ids` as still to derive (called inside an import's merge transaction,
    before COMMIT: a kill afterwards leaves the list for `finish_pending`)."""
    if not ids:
        return
    from mirror.services.reading_later import pending_guard  # imports only

    path = ctx.paths.home / PENDING_FILE
    with pending_guard(ctx.paths.home):
        _write_pending(path, list(dict.fromkeys([*_pending_ids(path), *ids])))


def _forget_pending(ctx: JournalContext, done: set[str]) -> None:
    """Remove `done` from the pending list, keeping what another import noted meanwhile;
    the file goes when nothing is left."""
    from mirror.services.reading_later import pending_guard  # imports only

    path = ctx.paths.home / PENDING_FILE
    with pending_guard(ctx.paths.home):
        left = [i for i in _pending_ids(path) if i not in done]
        if left:
            _write_pending(path, left)
        else:
            path.unlink(missing_ok=True)


def _write_pending(path: Path, ids: list[str]) -> None:
    write_private(path, json.dumps(ids).encode("utf-8"))  # IDs of journal entries: 0600


def derive_after_import(ctx: JournalContext, ids: list[str],
                        progress: Progress | None = None) -> DeriveReport:
    """Derive what an import merged, after its merge committed: one transaction per batch,
    so the write lock is free between batches for other writers. Also finishes what an
    earlier, killed import left pending."""
    path = ctx.paths.home / PENDING_FILE
    todo = list(dict.fromkeys([*_pending_ids(path), *ids]))

    def batches() -> Iterator[Sequence[Row]]:
        for start in range(0, len(todo), BATCH):
            yield ctx.store.reflections.texts_for_analysis(todo[start:start + BATCH], detector_key())

    written: list[str] = []

    def checkpoint(records: list[AnalysisRecord]) -> None:
        # (what is written leaves the pending list now and then, so a reader killed late in
        # a long run leaves only the rest to read again)
        written.extend(r.reflection_id for r in records)
        if len(written) >= FORGET_EVERY:
            _forget_pending(ctx, set(written))
            written.clear()

    report = _derive(ctx, batches(), len(todo), progress, own_transactions=True,
                     written=checkpoint)
    _forget_pending(ctx, set(todo))
    return report


#: How many derived reflections leave the pending list at a time (`derive_after_import`):
#: each time rewrites the list (~40 bytes an ID), so not after every batch.
FORGET_EVERY = 10_000


class Overlapped:
    """Analysis that runs *while* an import writes (issue 13, item 2): the importer offers
    each chunk it added, inside its write transaction; once the import is large enough for
    workers, chunks go to them at once, so analysing overlaps parsing and writing. The
    pipeline is bounded: at most two batches per worker in flight and HOLD records
    waiting; a chunk offered when it is full is derived after the commit instead (read
    back from the journal), so the writer never waits for analysis and memory stays flat.

    Results are written only after the import's transaction committed (`finish`), in
    short transactions as `derive_after_import` writes them: the write lock is held for
    the import's rows alone. The IDs are noted as pending before COMMIT (`note`), so an
    import killed before `finish` is completed by the next one."""

    HOLD = 10_000

    def __init__(self, ctx: JournalContext, overlap: bool = True) -> None:
        """`overlap`: False when the import may leave its reading to a detached reader
        (`reading_later`): nothing is analysed while rows are written (the writer keeps
        the machine), and `finish` decides from the whole count."""
        from mirror.services.evolution.hook import load_profile  # derivation only

        self.ctx = ctx
        self.overlap = overlap
        self.profile = load_profile(ctx)
        self.pool: _Pool | None = None
        self.inflight: collections.deque[Future[list[AnalysisRecord]]] = collections.deque()
        self.ready: list[list[AnalysisRecord]] = []
        self.later: list[str] = []
        self.ids: list[str] = []
        import threading  # an overlapped derive only (imports): `reflect` never starts one

        self._feeder: threading.Thread | None = None
        self._stop = threading.Event()
        self._error: BaseException | None = None

    def feed(self, ids: list[str], texts: Callable[[list[str]], Sequence[Row]]) -> None:
        """Analyse `ids` while this thread is busy with one long merge (a bundle's): a
        feeder thread reads their texts with `texts` (on its own connection: the staged
        bundle, not the journal) and keeps the workers busy, within the same bounds as
        `offer`. Only records of reflections the merge really added are written."""
        if len(ids) < PARALLEL_THRESHOLD or _workers() < 2:
            return
        pool = self.pool = _Pool(_workers())

        def run() -> None:
            try:
                for start in range(0, len(ids), BATCH):
                    while self.inflight and (self.inflight[0].done()
                                             or len(self.inflight) >= 2 * pool.workers):
                        if self._stop.is_set():
                            return
                        # the oldest batch (waited for here, in this thread: the merge is not)
                        self.ready.append(self.inflight.popleft().result())
                    if self._stop.is_set():
                        return
                    if sum(len(batch) for batch in self.ready) >= self.HOLD:
                        self.later += ids[start:]
                        return
                    chunk = ids[start:start + BATCH]
                    self.ids += chunk
                    self.inflight.append(pool.submit(texts(chunk), self.profile))
            except BaseException as exc:  # noqa: BLE001 - re-raised by finish()
                self._error = exc

        import threading

        self._feeder = threading.Thread(target=run, name="analysis-feeder", daemon=True)
        self._feeder.start()

    def _join_feeder(self) -> None:
        if self._feeder is not None:
            self._feeder.join()
            self._feeder = None

    def offer(self, rows: Sequence[Row]) -> None:
        """Rows the import just added (inside its transaction)."""
        if not rows:
            return
        self.ids += [row[0] for row in rows]
        if not self.overlap:
            self.later += [row[0] for row in rows]
            return
        while self.inflight and self.inflight[0].done():
            self.ready.append(self.inflight.popleft().result())
        if self.pool is None and len(self.ids) >= PARALLEL_THRESHOLD and _workers() >= 2:
            self.pool = _Pool(_workers())
            backlog, self.later = self.later, []
            for start in range(0, len(backlog), BATCH):  # what came before the pool started
                self._submit_or_defer(self.ctx.store.reflections.texts_for_analysis(
                    backlog[start:start + BATCH], detector_key()))
        for start in range(0, len(rows), BATCH):
            self._submit_or_defer(rows[start:start + BATCH])

    def _submit_or_defer(self, rows: Sequence[Row]) -> None:
        held = sum(len(batch) for batch in self.ready)
        if self.pool is not None and len(self.inflight) < 2 * self.pool.workers \
                and held < self.HOLD:
            self.inflight.append(self.pool.submit(rows, self.profile))
        else:
            self.later += [row[0] for row in rows]

    def note(self) -> None:
        """Inside the import's transaction, before COMMIT: every ID it added is pending."""
        note_pending(self.ctx, self.ids)

    def finish(self, progress: Progress | None = None,
               merged: list[str] | None = None, later_from: int | None = None) -> DeriveReport:
        """After COMMIT: write what was analysed meanwhile, then derive the rest (and what
        an earlier, killed import left pending); the pending list is then cleared.
        `merged`: what a merge says it added or changed (a fed merge): only those are
        written, and those not analysed yet are derived now. `later_from`: when at least
        this many are left to derive, they stay pending for a detached reader instead
        (`DeriveReport.later` says how many; the caller starts the reader)."""
        from mirror.models.status import DeriveReport
        from mirror.services.reading_later import reading  # imports only

        if later_from is not None:  # what the feeder has not handed out may be left
            self._stop.set()
        self._join_feeder()
        if self._error is not None:  # the IDs stay pending: the next import derives them
            raise self._error
        if merged is not None:
            wanted = set(merged)
            fed = set(self.ids) - set(self.later)
            self.later = [i for i in merged if i not in fed]
            self.ids = list(merged)
        else:
            wanted = None
        total = len(self.ids)
        done = patterns = care = 0
        kept: list[str] = []

        def write(records: list[AnalysisRecord]) -> None:
            nonlocal done, patterns, care
            if wanted is not None:
                records = [r for r in records if r.reflection_id in wanted]
            with transaction(self.ctx.store.conn):
                self.ctx.store.derived.replace_analyses(records)
            done += len(records)
            patterns += sum(len(r.patterns) for r in records)
            care += sum(r.care is not None for r in records)
            if progress is not None:
                progress(done, total)

        try:
            for records in self.ready:
                write(records)
            self.ready = []
            while self.inflight:
                write(self.inflight.popleft().result())
            path = self.ctx.paths.home / PENDING_FILE
            derived = set(self.ids) - set(self.later)
            # What an earlier import left is this import's to read too, unless a detached
            # reader is at it already (it reads what is pending, this import's rest too).
            earlier = [] if reading(self.ctx.paths.home) else _pending_ids(path)
            rest = [i for i in dict.fromkeys([*earlier, *self.later]) if i not in derived]
            if later_from is not None and len(rest) >= later_from:
                # Left to a detached reader (`reading_later`): noted again now the rows are
                # committed, in case a reader dropped them as not there yet before COMMIT.
                note_pending(self.ctx, rest)
                kept, rest = rest, []
            total = done + len(rest)

            def batches() -> Iterator[Sequence[Row]]:
                for start in range(0, len(rest), BATCH):
                    yield self.ctx.store.reflections.texts_for_analysis(rest[start:start + BATCH], detector_key())

            for records in _analysed(batches(), len(rest), self.profile, self.pool):
                write(records)
        finally:
            self.close()
        _forget_pending(self.ctx, (set(self.ids) | set(rest)) - set(kept))
        if progress is not None and total == 0:
            progress(0, 0)
        return DeriveReport(done, patterns, care, len(kept))

    def close(self) -> None:
        """End the workers (also when the import failed: its rows were rolled back)."""
        self._stop.set()
        self._join_feeder()
        self.inflight.clear()
        self.ready = []
        if self.pool is not None:
            pool, self.pool = self.pool, None
            pool.close(cancel=True)


def finish_pending(ctx: JournalContext) -> int:
    """Derive what a killed import left pending, unless a detached reader is at it
    already (`reading_later`); returns how many reflections."""
    path = ctx.paths.home / PENDING_FILE
    if not path.exists():
        return 0
    from mirror.services.reading_later import ReaderLock  # imports only

    with ReaderLock(ctx.paths.home) as lock:
        return derive_after_import(ctx, []).reflections if lock.acquire(wait=False) else 0


def pending_count(ctx: JournalContext) -> tuple[int, bool]:
    """How many reflections imports left to read, and whether a reader is at them now."""
    from mirror.services.reading_later import reading  # imports only

    return len(_pending_ids(ctx.paths.home / PENDING_FILE)), reading(ctx.paths.home)


def derive_pending(ctx: JournalContext, progress: Progress | None = None) -> DeriveReport:
    """`mirror analyze --pending`: read every reflection an import left pending (a large
    import's detached reader runs this), after any reader already at work has ended; what
    imports note meanwhile is read too, until nothing is left."""
    from mirror.models.status import DeriveReport
    from mirror.services.reading_later import ReaderLock, pending_guard  # imports only

    path = ctx.paths.home / PENDING_FILE
    total = DeriveReport()
    with ReaderLock(ctx.paths.home, adopt=True) as lock:
        lock.acquire()
        while True:
            with pending_guard(ctx.paths.home):
                if not _pending_ids(path):
                    lock.release()  # inside the guard: see `ReaderLock`
                    break
            report = derive_after_import(ctx, [], progress)
            total = DeriveReport(total.reflections + report.reflections,
                                 total.patterns + report.patterns, total.care + report.care)
    return total


def _pending_ids(path: Path) -> list[str]:
    try:
        ids = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []


def derive_all(ctx: JournalContext, progress: Progress | None = None) -> DeriveReport:
    """Re-derive every reflection, streaming in batches (memory stays flat) with one
    transaction per batch, so a long run can be interrupted and loses only one batch."""
    from mirror.storage.bulk import analysis_rows  # the whole journal's texts, nothing more

    report = _derive(ctx, iter(analysis_rows(ctx.store.conn, BATCH, detector_key())),
                     ctx.store.reflections.count(), progress, own_transactions=True)
    (ctx.paths.home / PENDING_FILE).unlink(missing_ok=True)  # everything is derived now
    return report


def _derive(ctx: JournalContext, batches: Iterator[Sequence[Row]], total: int,
            progress: Progress | None, *, own_transactions: bool,
            written: Callable[[list[AnalysisRecord]], None] | None = None) -> DeriveReport:
    from mirror.models.status import DeriveReport  # its record: not built by reflect or edit
    from mirror.services.evolution.hook import load_profile  # derivation only, not reflect's path

    done = patterns = care = 0
    for records in _analysed(batches, total, load_profile(ctx)):
        if own_transactions:
            with transaction(ctx.store.conn):
                ctx.store.derived.replace_analyses(records)
        else:
            ctx.store.derived.replace_analyses(records)
        if written is not None:
            written(records)
        done += len(records)
        patterns += sum(len(r.patterns) for r in records)
        care += sum(r.care is not None for r in records)
        if progress is not None:
            progress(done, total)
    if progress is not None and done == 0:
        progress(0, 0)
    return DeriveReport(done, patterns, care)


def detector_key() -> str | None:
    """The care detector's key (`care.readings`), imported here only where derivation
    keeps readings: `reflect` stores its one analysis without one."""
    from mirror.engine.care.readings import detector_key as key

    return key()


def _workers() -> int:
    # One worker per core: writing the results is light (a few inserts per reflection),
    # so this process mostly waits and would leave a core idle if it kept one for itself.
    return min(os.cpu_count() or 1, MAX_WORKERS)


class _Pool:
    """Forked analysis workers (see the module docstring for how they end with us).
    multiprocessing and concurrent.futures (~25 modules) are imported only here: for large
    jobs, never for the one reflection `mirror reflect` or an edit derives."""

    def __init__(self, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        analyze("warm up")  # load the lexicons once; forked workers inherit them
        # fork: workers start instantly with the engine loaded and never touch the database
        # (they only analyse text handed to them and exit with os._exit).
        self.workers = workers
        self._lifeline, self._keep = os.pipe()  # we hold `keep`; workers read `lifeline`
        try:
            self.executor = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                initializer=_worker_start, initargs=(os.getpid(), self._lifeline, self._keep))
            # Fork every worker now, from this thread, between statements: a fork from the
            # feeder thread while this one is inside SQLite could copy a held lock.
            self.executor.submit(os.getpid).result()
        except BaseException:
            self._close_pipe()
            raise

    def submit(self, rows: Sequence[Row], profile: Profile | None) -> Future[list[AnalysisRecord]]:
        return self.executor.submit(analyse_rows, rows, profile, detector_key())

    def close(self, cancel: bool = False) -> None:
        try:
            self.executor.shutdown(wait=True, cancel_futures=cancel)
        finally:
            self._close_pipe()

    def _close_pipe(self) -> None:
        for fd in (self._keep, self._lifeline):
            try:
                os.close(fd)
            except OSError:
                pass


def _analysed(batches: Iterator[Sequence[Row]], total: int, profile: Profile | None,
              pool: _Pool | None = None) -> Iterator[list[AnalysisRecord]]:
    """Each batch's analysis records, in order: in this process for small jobs, else on
    forked workers (`pool` when the caller already has one running)."""
    own = pool is None
    if own and (total < PARALLEL_THRESHOLD or _workers() < 2):
        for batch in batches:
            yield analyse_rows(batch, profile, detector_key())
        return
    pool = pool or _Pool(_workers())
    try:
        pending: collections.deque[Future[list[AnalysisRecord]]] = collections.deque()
        for batch in batches:
            pending.append(pool.submit(batch, profile))
            if len(pending) >= 2 * pool.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        if own:
            pool.close(cancel=True)


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent ends (Linux only; elsewhere the
    lifeline pipe does it)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # Linux only, and only in forked workers
    import signal  # (its enums cost `reflect`'s start-up ~1.5 ms, which never forks)

    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)


def _worker_start(parent: int, lifeline: int, keep: int) -> None:
    """In each analysis worker: its own connection to the care index (a SQLite connection
    must not cross a fork), and two ways of ending when the deriving process is gone
    (killed mid-import, its workers would otherwise wait forever to hand over results
    nobody reads): the kernel's parent-death signal, and end-of-file on the lifeline pipe
    (this worker closes its copy of the write end, so only the parent keeps it open)."""
    die_with_parent(parent)
    os.close(keep)
    detector.cache_clear()
    # A worker allocates a few hundred objects per word it reads and keeps few: with the
    # default thresholds the collector ran ~1,400 times per 3,000 reflections, each time
    # walking the per-word memos and what the fork inherited. Inherited objects are frozen
    # (never scanned), and the youngest generation is collected ten times less often.
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)

    def watch() -> None:
        while True:
            try:
                if not os.read(lifeline, 1):
                    break
            except InterruptedError:
                continue
            except OSError:
                break
        os._exit(1)

    import threading

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
