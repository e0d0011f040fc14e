"""Text renderings shared by commands (the JSON shapes come from the models)."""

from __future__ import annotations

from collections.abc import Iterable

from mirror.cli.output import Output
from mirror.display import SHORT_ID, clipped, counted, local_time  # noqa: F401 - re-exported for commands
from mirror.models import Reflection

TYPE_CHECKING = False  # typing's flag without importing typing (~4 ms of every command's start-up)
if TYPE_CHECKING:  # annotations only: `mirror --help` and `list` need no derived records
    from mirror.models.derived import Mirrorback, PatternMark, TensionMark
    from mirror.services.results import ReflectionDetails, ReflectResult


def one_line(out: Output, r: Reflection, width: int = 60) -> str:
    title = clipped(r.title, width)
    marks = (("★ " if r.starred else "") + ("🔒 " if r.private else "")
             + (f"[{r.care}] " if r.care else ""))
    tags = " ".join(f"#{t}" for t in r.tags)
    return f"{out.dim(r.id[:SHORT_ID])}  {local_time(r.created_at, r.created_tz)}  {marks}{title}" + (
        f"  {out.dim(tags)}" if tags else "")


def full(out: Output, r: Reflection) -> list[str]:
    head = [
        out.bold(f"{local_time(r.created_at, r.created_tz)} ({r.created_tz})") +
        ("  ★" if r.starred else "") + ("  private" if r.private else ""),
        out.dim(f"id {r.id}" + (f" · {counted(r.revisions, 'earlier version')}" if r.revisions else "")),
    ]
    if r.tags:
        head.append(out.dim("tags: " + ", ".join(r.tags)))
    if r.threads:
        head.append(out.dim("threads: " + ", ".join(r.threads)))
    return [*head, "", r.content]


def mirrorback_lines(out: Output, mirrorback: Mirrorback | None, care: bool) -> list[str]:
    if not mirrorback:
        return []
    label = "care" if care else f"mirror · {mirrorback.engine}"
    if mirrorback.outdated:
        # Kept as history, but it answers words that have since been edited.
        label += (f" · answers version {mirrorback.answered_version}, before the text was edited"
                  f" (`mirror mirrorback regenerate {mirrorback.reflection_id[:SHORT_ID]}`"
                  " answers the current text)")
    if mirrorback.verdict == "failed":
        # Kept as history only: a mirrorback that fails the constitution's checks (one
        # imported from a bundle, say) is never shown as the mirror's answer.
        origin = "imported mirrorback" if "imported" in mirrorback.flags else "mirrorback"
        return ["", out.dim(f"{label} · {origin} not shown: it fails the constitution's checks"
                            f" ({', '.join(f for f in mirrorback.flags if f != 'imported')})")]
    return ["", out.dim(label), mirrorback.content]


def pattern_line(patterns: Iterable[PatternMark]) -> str:
    """The patterns of a reflection by the constitution's labels (the TUI shows the same)."""
    return "patterns: " + ", ".join(dict.fromkeys(p.label for p in patterns))


def tension_line(tensions: Iterable[TensionMark]) -> str:
    return "tensions: " + ", ".join(dict.fromkeys(f"{t.axis_a} ↔ {t.axis_b}" for t in tensions))


def reflect_result(out: Output, result: ReflectResult) -> list[str]:
    lines: list[str] = []
    if result.patterns:
        lines.append(out.dim(pattern_line(result.patterns)))
    if result.tensions:
        lines.append(out.dim(tension_line(result.tensions)))
    lines += mirrorback_lines(out, result.mirrorback, result.care)
    return lines


def details(out: Output, d: ReflectionDetails) -> list[str]:
    lines = full(out, d.reflection)
    if d.patterns:
        lines += ["", out.dim(pattern_line(d.patterns))]
    if d.tensions:
        lines.append(out.dim(tension_line(d.tensions)))
    if d.care:
        lines += ["", out.dim(care_summary(d.care))]
    for mb in d.mirrorbacks:
        lines += mirrorback_lines(out, mb, mb.verdict == "care")
    return lines


def care_summary(care: dict) -> str:
    """Why a reflection carries a care marker, in one line: tier, categories, words."""
    if care["source"] == "model":
        why = "a model answered with the care sentinel"
    else:
        why = "; ".join(_signal_why(s) for s in care["signals"])
    state = " (dismissed)" if care["dismissed"] else ""
    return f"care marker: {care['tier']}{state} · {why}"


def _signal_why(signal: dict) -> str:
    """One piece of evidence: the category and the writer's words, or the care detector's
    second reader, which quotes no words (alone, or agreeing with the rules' signs)."""
    if signal.get("rule") == "model":
        agreeing = str(signal.get("context") or "").startswith("model, agreeing")
        return "the second reader agreeing" if agreeing else "the second reader"
    return f"{signal['category'].replace('_', ' ')}: “{signal['text']}”"


class Progress:
    """Progress on stderr, only when stderr is a terminal: a model's token count while it
    writes (never its unchecked text), or a bar for long work. Cleared when done."""

    def __init__(self, out: Output, label: str = "the mirror is listening") -> None:
        self.out = out
        self.label = label
        self.live = out.stderr_is_terminal
        self.shown = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.out.stderr.write("\r\x1b[2K")
            self.out.stderr.flush()

    def tokens(self, count: int) -> None:
        if self.live:
            self.shown = True
            self.out.stderr.write(f"\r\x1b[2K{self.label}… {count} tokens")
            self.out.stderr.flush()

    def bar(self, done: int, total: int) -> None:
        if self.live and total:
            self.shown = True
            width = 30
            filled = int(width * done / total)
            self.out.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            self.out.stderr.flush()


def print_result(out: Output, result: ReflectResult) -> None:
    """A reflect/regenerate result: notices on stderr, then JSON or text on stdout."""
    for notice in result.notices:
        out.note(f"note: {notice}")
    if out.as_json:
        out.json(result.to_json())
    else:
        out.lines(reflect_result(out, result))
