"""Everyday journaling: reflect, list, show, edit, redate, history, delete, search, tags, stats."""

from __future__ import annotations

from mirror.cli import render
from mirror.cli.context import Context
from mirror.cli.parser import BOOLEAN_OPTIONAL, SKIPPED, add_command
from mirror.display import terminal_safe
from mirror.errors import InvalidInput, UsageError

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:  # annotations only: most command lines are parsed without argparse
    import argparse

#: `--format` for list and show (rendered by mirror.cli.formats).
FORMATS = ("short", "full", "markdown", "json")


def _filters(p: argparse.ArgumentParser, command: str) -> None:
    """The shared filter options (mirror.cli.filter_args), imported only for a command that
    takes them: `show`, `reflect` and the rest load one module less."""
    if p is not SKIPPED:
        from mirror.cli.filter_args import add_filters

        add_filters(p, command)


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "reflect", "write a reflection (text, stdin, or $EDITOR)", cmd_reflect)
    p.add_argument("text", nargs="*", help="the reflection; '-' or omit to read stdin, or open $EDITOR")
    p.add_argument("--date", help="when it happened: 2024-03-05 21:30, 'yesterday 21:30', ...")
    p.add_argument("--tag", action="append", default=[], help="add a tag (repeatable)")
    p.add_argument("--star", action="store_true", help="star it")
    p.add_argument("--thread", help="add it to this thread (title or ID)")
    p.add_argument("--private", action="store_true", default=None,
                   help="never send it to a remote engine")
    p.add_argument("--template", metavar="NAME",
                   help="start from templates/NAME.md in the journal folder")

    p = add_command(sub, "list", "list reflections, newest first", cmd_list, aliases=("ls",))
    _filters(p, "list")
    p.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")
    p.add_argument("--cursor", help="continue after a previous page (from --json output)")
    p.add_argument("--format", choices=FORMATS, default="short",
                   help="short (one line each, the default), full, markdown or json")

    p = add_command(sub, "show", "show one reflection", cmd_show)
    p.add_argument("id", help="reflection ID or unique prefix")
    p.add_argument("--format", choices=FORMATS, default="full",
                   help="full (with mirrorbacks, the default), short, markdown or json")

    p = add_command(sub, "edit", "edit a reflection (the old text is kept as a revision),"
                    " or several chosen by filters", cmd_edit)
    p.add_argument("id", nargs="?", help="reflection ID or unique prefix (omit to edit every"
                   " reflection the filters choose)")
    p.add_argument("--text", help="the new text (else stdin, else $EDITOR)")
    p.add_argument("--date", help="move it to this date (as `mirror redate` does)")
    p.add_argument("--star", action=BOOLEAN_OPTIONAL, default=None, help="star or unstar")
    p.add_argument("--private", action=BOOLEAN_OPTIONAL, default=None,
                   help="mark private or not")
    p.add_argument("--tag", action="append", default=[], help="add a tag")
    p.add_argument("--untag", action="append", default=[], help="remove a tag")
    _filters(p, "edit")
    p.add_argument("-y", "--yes", action="store_true",
                   help="edit several without asking for confirmation")

    p = add_command(sub, "redate", "move a reflection to another date (in the journal's zone)", cmd_redate)
    p.add_argument("id", help="reflection ID or unique prefix")
    p.add_argument("date", help="the new date: 2024-03-05 21:30, 'yesterday 21:30', ...")

    p = add_command(sub, "history", "show every earlier version of a reflection,"
                    " or restore one", cmd_history)
    p.add_argument("id", help="reflection ID or unique prefix")
    p.add_argument("--restore", type=int, metavar="N",
                   help="make revision N the current text (the current text is kept as a revision)")

    p = add_command(sub, "delete", "delete a reflection and everything derived from it,"
                    " or several chosen by filters", cmd_delete)
    p.add_argument("id", nargs="?", help="reflection ID or unique prefix (omit to delete every"
                   " reflection the filters choose)")
    _filters(p, "delete")
    p.add_argument("-y", "--yes", action="store_true", help="do not ask for confirmation")

    p = add_command(sub, "search", "full-text search, best matches first", cmd_search)
    p.add_argument("query", nargs="+",
                   help="words to find, each with its other forms (knee: knees); a trailing * matches a prefix")
    p.add_argument("-n", "--limit", type=int, default=20, help="how many (default 20)")
    p.add_argument("--fts", action="store_true",
                   help="the query is FTS5 syntax, exact words: \"a phrase\", OR, NOT, NEAR(a b, 5), pre*")
    _filters(p, "search")

    add_command(sub, "tags", "list tags with how often each is used", cmd_tags)
    add_command(sub, "stats", "numbers about the journal", cmd_stats)


def _confirm(args: argparse.Namespace, ctx: Context, question: str) -> bool:
    """Yes with --yes; at a terminal, ask; anywhere else a usage error (DESIGN §8): a
    script must say --yes before Mirror changes or removes what it chose."""
    if args.yes:
        return True
    if not ctx.stdin_is_terminal():
        raise UsageError(f"{args.command} needs confirmation: add --yes when not at a terminal")
    ctx.out.stderr.write(f"{question} [y/N] ")
    ctx.out.stderr.flush()
    try:
        answer = input()
    except EOFError:  # ctrl-D means no
        answer = ""
    return answer.strip().lower() in ("y", "yes")


def _one_or_filtered(args: argparse.Namespace) -> bool:
    """True when the command acts on the filters' choice; a usage error when it has
    neither an ID nor a filter, or both."""
    from mirror.cli.filter_args import any_filter

    filtered = any_filter(args, args.command)
    if args.id and filtered:
        raise UsageError(f"give {args.command} an ID or filters, not both")
    if not args.id and not filtered:
        raise UsageError(f"{args.command} needs a reflection ID, or filters (e.g. --tag, --on)"
                         " to choose several")
    return filtered


def _text_argument(args: argparse.Namespace, ctx: Context, words: list[str] | None,
                   initial: str = "") -> str:
    """Text from the command line, else stdin, else the editor on a terminal. A lone "-"
    means stdin, as for every tool that reads a file: `… | mirror reflect -` once saved
    the reflection "-"."""
    if words == ["-"]:
        return ctx.read_stdin()
    if words:
        return " ".join(words)
    if not ctx.stdin_is_terminal():
        return ctx.read_stdin()
    return ctx.edit_in_editor(initial)


def trim_end(text: str) -> str:
    """The text without the blank lines at its end. A pipe (`echo …`) and every editor end
    a file with a newline the writer never typed as part of the reflection; the text itself,
    inner blank lines and indentation included, is kept exactly."""
    lines = text.split("\n")
    while len(lines) > 1 and not lines[-1].strip():
        lines.pop()
    lines[-1] = lines[-1].rstrip("\r")
    return "\n".join(lines)


def cmd_reflect(args: argparse.Namespace, ctx: Context) -> int:
    template = ctx.journal.template(args.template) if args.template else None
    if not args.text and ctx.stdin_is_terminal():
        # Check what can be wrong before the person spends time in the editor.
        if args.date:
            ctx.journal.parse_date(args.date)
        if args.thread:
            ctx.journal.thread(args.thread)
    if template is not None and not args.text and ctx.stdin_is_terminal():
        text = ctx.edit_in_editor(template)
        if text.strip() == template.strip():
            ctx.discard_draft()  # only the template's own words: nothing to keep
            raise InvalidInput(f"the template {args.template} was left as it was: nothing saved")
    else:
        text = _text_argument(args, ctx, args.text)
        if template is not None and text.strip():  # text given at once follows the template
            text = template.rstrip("\n") + "\n\n" + text
    if not text.strip():
        raise InvalidInput("a reflection cannot be empty")
    text = trim_end(text)
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
    from mirror.cli.filter_args import any_filter, filter_words, filters_from, journal_words, quoted

    filters = filters_from(args, "list")
    page = ctx.journal.list(filters, limit=args.limit, cursor=args.cursor)
    if ctx.out.as_json or args.format == "json":
        ctx.out.json({"reflections": [r.to_json() for r in page.items],
                      "next_cursor": page.next_cursor})
        return 0
    if not page.items:
        ctx.out.note("no reflections yet: write one with `mirror reflect`" if not any_filter(
            args, "list") else "no reflections match")
    if args.format == "short":
        ctx.out.lines(render.one_line(ctx.out, r) for r in page.items)
    else:
        from mirror.cli import formats  # full text and Markdown only

        ctx.out.lines(formats.reflections(ctx.out, page.items, args.format))
    if page.next_cursor:
        # Every filter again, and the same journal: following the hint continues this list.
        words = [*journal_words(args), "list", "-n", str(args.limit), *filter_words(args, "list"),
                 *(["--format", args.format] if args.format != "short" else []),
                 "--cursor", page.next_cursor]
        ctx.out.note(f"more: mirror {quoted(words)}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    if ctx.out.as_json or args.format == "json":
        ctx.out.json(ctx.journal.details(args.id).to_json())
    elif args.format == "full":
        ctx.out.lines(render.details(ctx.out, ctx.journal.details(args.id)))
    else:
        from mirror.cli import formats  # short and Markdown only

        ctx.out.lines(formats.reflections(ctx.out, [ctx.journal.get(args.id)], args.format))
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    if _one_or_filtered(args):
        return _edit_many(args, ctx)
    journal = ctx.journal
    text = args.text
    nothing_else = (args.star is None and args.private is None and not args.tag
                    and not args.untag and args.date is None)
    if text is None and not ctx.stdin_is_terminal() and nothing_else:
        text = trim_end(ctx.read_stdin())
    elif text is None and nothing_else:
        original = journal.get(args.id).content
        text = trim_end(ctx.edit_in_editor(original))
        if text == trim_end(original):
            text = original  # editors add a final newline on save: that is not an edit
    if text is not None and not text.strip():
        raise InvalidInput("a reflection cannot be empty (use `mirror delete` to remove it)")
    before = journal.get(args.id).tags if text is not None else ()
    reflection = journal.edit(args.id, text=text, starred=args.star, private=args.private,
                              add_tags=args.tag, remove_tags=args.untag, when=args.date)
    ctx.discard_draft()
    dropped = _dropped_tags(before, reflection.tags, args.untag)
    if ctx.out.as_json:
        ctx.out.json({"reflection": reflection.to_json(), "removed_tags": dropped})
    else:
        ctx.out.note(f"saved {reflection.id[:render.SHORT_ID]}"
                     + (f" (revision {reflection.revisions} kept)" if reflection.revisions else ""))
        _say_dropped(ctx, dropped)
    return 0


def _dropped_tags(before: tuple[str, ...], after: tuple[str, ...], untagged: list[str]) -> list[str]:
    """Inline tags follow the text: one whose #word the new text no longer has is removed
    with it. The person asked for a text change, not a tag change, so it is said, never done
    quietly (tags removed with --untag were asked for and are not listed)."""
    asked = {t.casefold().lstrip("#@") for t in untagged}
    return [t for t in before if t not in after and t.casefold() not in asked]


def _say_dropped(ctx: Context, dropped: list[str]) -> None:
    if dropped:
        them = "them" if len(dropped) != 1 else "it"
        ctx.out.note(f"removed tag{'s' if len(dropped) != 1 else ''} "
                     + ", ".join(f"#{t}" for t in dropped)
                     + f": the new text no longer has {them} (`--tag` adds {them} back)")


def _edit_many(args: argparse.Namespace, ctx: Context) -> int:
    """Star, mark private or (un)tag every reflection the filters choose, after saying how
    many. Text and date belong to one reflection: they need an ID."""
    if args.text is not None or args.date is not None:
        raise UsageError("--text and --date edit one reflection: give its ID")
    changes = [*(["star" if args.star else "unstar"] if args.star is not None else []),
               *(["mark private" if args.private else "mark not private"]
                 if args.private is not None else []),
               *(f"add #{t}" for t in args.tag), *(f"remove #{t}" for t in args.untag)]
    if not changes:
        raise UsageError("editing several reflections needs a change: --star, --no-star,"
                         " --private, --no-private, --tag or --untag")
    journal = ctx.journal
    from mirror.cli.filter_args import filters_from

    ids = journal.matching(filters_from(args, "edit"))
    count = len(ids)
    if count and not _confirm(args, ctx, f"{', '.join(changes).capitalize()} on {count}"
                              f" reflection{'s' if count != 1 else ''}?"):
        ctx.out.note("nothing changed")
        ids = []
    edited = journal.edit_many(ids, starred=args.star, private=args.private,
                               add_tags=args.tag, remove_tags=args.untag) if ids else []
    if ctx.out.as_json:
        ctx.out.json({"reflections": [r.to_json() for r in edited], "count": len(edited)})
    elif not count:
        ctx.out.note("no reflections match: nothing changed")
    elif edited:
        ctx.out.note(f"edited {len(edited)} reflection{'s' if len(edited) != 1 else ''}")
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
    if args.restore is not None:
        return _restore(args, ctx)
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


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    before = ctx.journal.get(args.id)
    reflection = ctx.journal.restore_revision(before.id, args.restore)
    dropped = _dropped_tags(before.tags, reflection.tags, [])
    if ctx.out.as_json:
        ctx.out.json({"reflection": reflection.to_json(), "removed_tags": dropped,
                      "restored": args.restore if reflection.content != before.content else None})
    elif reflection.content == before.content:
        ctx.out.note(f"{reflection.id[:render.SHORT_ID]} already reads as revision {args.restore}:"
                     " nothing changed")
    else:
        ctx.out.note(f"restored revision {args.restore} of {reflection.id[:render.SHORT_ID]};"
                     f" the text it replaced is kept as revision {reflection.revisions}"
                     f" (`mirror history {reflection.id[:render.SHORT_ID]}`)")
        _say_dropped(ctx, dropped)
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    if _one_or_filtered(args):
        return _delete_many(args, ctx)
    journal = ctx.journal
    reflection = journal.get(args.id)
    warning = ("Bundles exported earlier still contain it; importing one brings it back only with"
               " --restore-deleted.")
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


def _delete_many(args: argparse.Namespace, ctx: Context) -> int:
    """Delete every reflection the filters choose, after saying how many; all or none."""
    from mirror.cli.filter_args import filters_from

    journal = ctx.journal
    ids = journal.matching(filters_from(args, "delete"))
    count = len(ids)
    plural = "s" if count != 1 else ""
    warning = ("Bundles exported earlier still contain them; importing one brings them back only"
               " with --restore-deleted.")
    if count and not _confirm(args, ctx, f"Delete {count} reflection{plural} and everything"
                              f" derived from them? {warning}"):
        ctx.out.note("kept")
        ids = []
    purged = journal.delete_many(ids) if ids else True
    if not purged:
        warning += (" Another open Mirror is still reading the journal: the text leaves the"
                    " write-ahead log when it closes.")
    if ctx.out.as_json:
        ctx.out.json({"deleted": ids, "count": len(ids), "note": warning})
    elif not count:
        ctx.out.note("no reflections match: nothing deleted")
    elif ids:
        ctx.out.note(f"deleted {count} reflection{plural}. {warning}")
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    from mirror.cli.filter_args import filters_from

    hits = ctx.journal.search(" ".join(args.query), limit=args.limit,
                              filters=filters_from(args, "search"), fts=args.fts)
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
        if key in ("first", "last") and value is not None:  # as every other command shows a date
            value = render.local_time(value, ctx.journal.timezone)
        ctx.out.line(f"{key.replace('_', ' '):<15} {value if value is not None else '—'}")
    if stats.writing is not None:  # its "words per month" lines count reflections too
        ctx.out.lines(stats.writing.lines())
    elif stats.per_month:
        ctx.out.line("per month")
        for month in stats.per_month:
            ctx.out.line(f"  {month.month}  {month.reflections}")
    return 0
