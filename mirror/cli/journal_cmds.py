"""Everyday journaling: reflect, list, show, edit, redate, history, delete, search, tags, stats."""

from __future__ import annotations

import argparse

from mirror.cli import render
from mirror.cli.context import Context
from mirror.cli.parser import add_command
from mirror.display import terminal_safe
from mirror.errors import InvalidInput, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "reflect", "write a reflection (text, stdin, or $EDITOR)", cmd_reflect)
    p.add_argument("text", nargs="*", help="the reflection; omit to read stdin or open $EDITOR")
    p.add_argument("--date", help="when it happened: 2024-03-05 21:30, 'yesterday 21:30', ...")
    p.add_argument("--tag", action="append", default=[], help="add a tag (repeatable)")
    p.add_argument("--star", action="store_true", help="star it")
    p.add_argument("--thread", help="add it to this thread (title or ID)")
    p.add_argument("--private", action="store_true", default=None,
                   help="never send it to a remote engine")

    p = add_command(sub, "list", "list reflections, newest first", cmd_list, aliases=("ls",))
    _add_filters(p)
    p.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")
    p.add_argument("--cursor", help="continue after a previous page (from --json output)")

    p = add_command(sub, "show", "show one reflection", cmd_show)
    p.add_argument("id", help="reflection ID or unique prefix")

    p = add_command(sub, "edit", "edit a reflection (the old text is kept as a revision)", cmd_edit)
    p.add_argument("id", help="reflection ID or unique prefix")
    p.add_argument("--text", help="the new text (else stdin, else $EDITOR)")
    p.add_argument("--star", action=argparse.BooleanOptionalAction, default=None, help="star or unstar")
    p.add_argument("--private", action=argparse.BooleanOptionalAction, default=None,
                   help="mark private or not")
    p.add_argument("--tag", action="append", default=[], help="add a tag")
    p.add_argument("--untag", action="append", default=[], help="remove a tag")

    p = add_command(sub, "redate", "move a reflection to another date (in the journal's zone)", cmd_redate)
    p.add_argument("id", help="reflection ID or unique prefix")
    p.add_argument("date", help="the new date: 2024-03-05 21:30, 'yesterday 21:30', ...")

    p = add_command(sub, "history", "show every earlier version of a reflection", cmd_history)
    p.add_argument("id", help="reflection ID or unique prefix")

    p = add_command(sub, "delete", "delete a reflection and everything derived from it", cmd_delete)
    p.add_argument("id", help="reflection ID or unique prefix")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")

    p = add_command(sub, "search", "full-text search, best matches first", cmd_search)
    p.add_argument("query", nargs="+", help="words to find (a trailing * matches a prefix)")
    p.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")

    add_command(sub, "tags", "list tags with how often each is used", cmd_tags)
    add_command(sub, "stats", "numbers about the journal", cmd_stats)


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", help="from this date (inclusive)")
    p.add_argument("--until", help="up to this date (inclusive)")
    p.add_argument("--tag", action="append", default=[], help="only with this tag (repeatable: all of them)")
    p.add_argument("--starred", action="store_true", default=None, help="only starred")
    p.add_argument("--thread", help="only in this thread")
    p.add_argument("--private", action=argparse.BooleanOptionalAction, default=None,
                   help="only private (--no-private: only not private)")
    p.add_argument("--care", action="store_true", default=None,
                   help="only reflections with a care marker (shown as [care] or [gentle])")
    p.add_argument("--pattern", help="only reflections showing this pattern (e.g. obligation)")


def _text_argument(args: argparse.Namespace, ctx: Context, words: list[str] | None,
                   initial: str = "") -> str:
    """Text from the command line, else stdin, else the editor on a terminal."""
    if words:
        return " ".join(words)
    if not ctx.stdin_is_terminal():
        return ctx.read_stdin()
    return ctx.edit_in_editor(initial)


def cmd_reflect(args: argparse.Namespace, ctx: Context) -> int:
    if not args.text and ctx.stdin_is_terminal():
        # Check what can be wrong before the person spends time in the editor.
        if args.date:
            ctx.journal.parse_date(args.date)
        if args.thread:
            ctx.journal.thread(args.thread)
    text = _text_argument(args, ctx, args.text)
    if not text.strip():
        raise InvalidInput("a reflection cannot be empty")
    journal = ctx.journal
    r = journal.write(text, when=args.date, tags=args.tag, starred=args.star,
                      thread=args.thread, private=args.private)
    ctx.discard_draft()
    # Said before the engine runs: whatever happens next, the person knows it is saved.
    ctx.out.note(f"saved {r.id[:render.SHORT_ID]} ({render.local_time(r.created_at, r.created_tz)})")
    with render.Progress(ctx.out) as progress:
        result = journal.answer(r, on_progress=progress.tokens)
    render.print_result(ctx.out, result)
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.services.journal import Filters  # storage and all (~50 ms): --help and other commands skip it

    filters = Filters(since=args.since, until=args.until, tags=tuple(args.tag),
                      starred=args.starred, thread=args.thread, private=args.private,
                      care=args.care, pattern=args.pattern)
    page = ctx.journal.list(filters, limit=args.limit, cursor=args.cursor)
    if ctx.out.as_json:
        ctx.out.json({"reflections": [r.to_json() for r in page.items],
                      "next_cursor": page.next_cursor})
        return 0
    if not page.items:
        ctx.out.note("no reflections yet: write one with `mirror reflect`" if not any(
            vars(filters).values()) else "no reflections match")
    ctx.out.lines(render.one_line(ctx.out, r) for r in page.items)
    if page.next_cursor:
        ctx.out.note(f"more: mirror list -n {args.limit} --cursor {page.next_cursor}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    details = ctx.journal.details(args.id)
    if ctx.out.as_json:
        ctx.out.json(details.to_json())
        return 0
    ctx.out.lines(render.details(ctx.out, details))
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal
    text = args.text
    nothing_else = args.star is None and args.private is None and not args.tag and not args.untag
    if text is None and not ctx.stdin_is_terminal() and nothing_else:
        text = ctx.read_stdin()
    elif text is None and nothing_else:
        original = journal.get(args.id).content
        text = ctx.edit_in_editor(original)
        if text.rstrip("\n") == original.rstrip("\n"):
            text = original  # editors add a final newline on save: that is not an edit
    if text is not None and not text.strip():
        raise InvalidInput("a reflection cannot be empty (use `mirror delete` to remove it)")
    reflection = journal.edit(args.id, text=text, starred=args.star, private=args.private,
                              add_tags=args.tag, remove_tags=args.untag)
    ctx.discard_draft()
    if ctx.out.as_json:
        ctx.out.json({"reflection": reflection.to_json()})
    else:
        ctx.out.note(f"saved {reflection.id[:render.SHORT_ID]}"
                     + (f" (revision {reflection.revisions} kept)" if reflection.revisions else ""))
    return 0


def cmd_redate(args: argparse.Namespace, ctx: Context) -> int:
    reflection = ctx.journal.redate(args.id, args.date)
    if ctx.out.as_json:
        ctx.out.json({"reflection": reflection.to_json()})
    else:
        ctx.out.note(f"moved {reflection.id[:render.SHORT_ID]} to "
                     f"{render.local_time(reflection.created_at, reflection.created_tz)}")
    return 0


def cmd_history(args: argparse.Namespace, ctx: Context) -> int:
    reflection, revisions = ctx.journal.history(args.id)
    if ctx.out.as_json:
        ctx.out.json({"reflection": reflection.to_json(),
                      "revisions": [r.to_json() for r in revisions]})
        return 0
    for rev in revisions:
        ctx.out.line(ctx.out.bold(f"revision {rev.revision} (replaced "
                                  f"{render.local_time(rev.revised_at, reflection.created_tz)})"))
        ctx.out.line(rev.content)
        ctx.out.line()
    ctx.out.line(ctx.out.bold("current"))
    ctx.out.line(reflection.content)
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal
    reflection = journal.get(args.id)
    warning = "Bundles exported earlier still contain it."
    if not args.yes:
        if not ctx.stdin_is_terminal():
            raise UsageError("deleting needs confirmation: add --yes when not at a terminal")
        ctx.out.stderr.write(f"Delete {reflection.id[:render.SHORT_ID]} “{terminal_safe(reflection.title[:50])}” "
                             f"and everything derived from it? {warning} [y/N] ")
        ctx.out.stderr.flush()
        try:
            answer = input()
        except EOFError:  # ctrl-D means no
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            ctx.out.note("kept")
            return 0
    _, purged = journal.delete(reflection.id)
    if not purged:
        warning += (" Another open Mirror is still reading the journal: the text leaves the"
                    " write-ahead log when it closes.")
    if ctx.out.as_json:
        ctx.out.json({"deleted": reflection.id, "note": warning})
    else:
        ctx.out.note(f"deleted {reflection.id[:render.SHORT_ID]}. {warning}")
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    hits = ctx.journal.search(" ".join(args.query), limit=args.limit)
    if ctx.out.as_json:
        ctx.out.json({"query": " ".join(args.query), "results": [h.to_json() for h in hits]})
        return 0
    if not hits:
        ctx.out.note("nothing found")
    for hit in hits:
        r = hit.reflection
        ctx.out.line(f"{ctx.out.dim(r.id[:render.SHORT_ID])}  "
                     f"{render.local_time(r.created_at, r.created_tz)}  "
                     f"{ctx.out.highlight(hit.snippet).replace(chr(10), ' ')}")
    return 0


def cmd_tags(args: argparse.Namespace, ctx: Context) -> int:
    counts = ctx.journal.tags()
    if ctx.out.as_json:
        ctx.out.json({"tags": [{"name": n, "reflections": c} for n, c in counts]})
        return 0
    if not counts:
        ctx.out.note("no tags yet: write #tag or @tag in a reflection, or use --tag")
    width = max((len(n) for n, _ in counts), default=0)
    ctx.out.lines(f"{n.ljust(width)}  {c}" for n, c in counts)
    return 0


def cmd_stats(args: argparse.Namespace, ctx: Context) -> int:
    stats = ctx.journal.stats()
    if ctx.out.as_json:
        ctx.out.json(stats.to_json())
        return 0
    for key in ("reflections", "starred", "private", "revisions", "deleted", "tags", "threads",
                "mirrorbacks", "tensions", "first", "last", "home", "schema_version"):
        value = getattr(stats, key)
        ctx.out.line(f"{key.replace('_', ' '):<15} {value if value is not None else '—'}")
    for month in stats.per_month:
        ctx.out.line(f"  {month.month}  {month.reflections}")
    return 0
