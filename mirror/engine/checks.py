"""The constitutional guardian: every mirrorback is checked before it is shown (I2, I3).

Checks are independent, each pass/fail with evidence, all configured in
`constitution/invariants.yaml`: the directive-word ratio, and phrase checks (explicit
advice, outcome optimisation, diagnosis, absolute promises, and any other the constitution
adds under `checks.phrase_checks`).

The one exemption: words quoted verbatim from the person's own reflection. A quoted passage
is exempt only when its words appear, in order and as whole words, in the reflection
(case, punctuation and quotation marks aside), so "should" in quotes is not excused by a
reflection that says "shoulder". Quotation marks around words the person never wrote exempt
nothing: advice smuggled in quotes is still advice. Exempt words simply do not count: they
are not directive words, and a phrase is matched only from words that count, so the
person's quoted words can neither trigger a phrase nor be glued to the mirror's own words
to complete one ("You wrote: 'should I stay?'" is not "you * should").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from mirror import constitution
from mirror.engine.lexicon import PhraseMatcher, strings
from mirror.engine.tokenize import Token, clause_break_between, normalize_word, quoted_spans, tokenize
from mirror.lazy_re import kept
from mirror.models.derived import CheckResult

NON_EMPTY = "non_empty"
DIRECTIVE_RATIO = "directive_ratio"
_SEP = "\x1f"


@dataclass(frozen=True)
class CheckReport:
    """All checks of one mirrorback."""

    results: tuple[CheckResult, ...]

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.results)

    @property
    def flags(self) -> list[str]:
        """Names of the failed checks (what engine_runs and mirrorbacks store)."""
        return [r.name for r in self.results if not r.passed]

    def describe_violations(self) -> str:
        """The failures in words, for the follow-up message that asks a model to rewrite."""
        lines = []
        for r in self.results:
            if not r.passed:
                quoted = ", ".join(f'"{e}"' for e in r.evidence[:6])
                lines.append(f"- {r.name}: {r.detail}" + (f" (found: {quoted})" if quoted else ""))
        return "\n".join(lines)


@dataclass(frozen=True)
class _PhraseCheck:
    """One phrase check, compiled (a docstring keeps dataclass from importing `inspect`)."""

    name: str
    description: str
    matcher: PhraseMatcher
    exceptions: PhraseMatcher


@dataclass(frozen=True)
class _Compiled:
    """The lexicon compiled once per process (a docstring keeps dataclass from importing `inspect`)."""

    max_ratio: float
    anywhere: frozenset[str]
    imperatives: frozenset[str]
    lead_ins: frozenset[str]
    phrase_checks: tuple[_PhraseCheck, ...]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    cfg = constitution.invariants()["checks"]
    ratio = cfg[DIRECTIVE_RATIO]
    phrase_checks = tuple(
        _PhraseCheck(
            name=name,
            description=str(spec.get("description", name)),
            matcher=PhraseMatcher.from_lexicons({name: strings(spec["phrases"])}),
            exceptions=PhraseMatcher.from_lexicons({"ok": strings(spec.get("exceptions") or [])}),
        )
        for name, spec in cfg["phrase_checks"].items()
    )
    return _Compiled(
        max_ratio=float(ratio["max_ratio"]),
        anywhere=frozenset(strings(ratio["anywhere_words"])),
        imperatives=frozenset(strings(ratio["imperative_verbs"])),
        lead_ins=frozenset(strings(ratio["imperative_lead_ins"])),
        phrase_checks=phrase_checks,
    )


def check_names() -> tuple[str, ...]:
    """Every check, in the order reports list them."""
    return (NON_EMPTY, DIRECTIVE_RATIO, *(p.name for p in _compiled().phrase_checks))


def max_directive_ratio() -> float:
    return _compiled().max_ratio


_QUOTE_MARKS = kept("[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]")
#: Of those marks, the ones a word may hold as its apostrophe (`tokenize`: "don't", "don’t").
_APOSTROPHES_IN_WORD = kept("['\u2019]")


def _joined(tokens: Sequence[Token]) -> str:
    return _SEP + _SEP.join(t.norm for t in tokens) + _SEP


def exempt_tokens(mirrorback: str, tokens: Sequence[Token], reflection: str) -> list[bool]:
    """Per mirrorback token: True when it sits in a quotation of the person's own words."""
    exempt = [False] * len(tokens)
    spans = quoted_spans(mirrorback)
    if not spans or not reflection:
        return exempt
    # The reflection's words with every quotation mark a space: its own tokens, each split
    # where an apostrophe the marks include joins it ("don't" is "don" "t"); no other
    # quotation mark is ever inside a word, so this is what tokenising it again would give.
    source_words: list[str] = []
    for t in tokenize(reflection):
        if "'" in t.text or "\u2019" in t.text:
            source_words += [normalize_word(part) for part in _APOSTROPHES_IN_WORD.split(t.text)]
        else:
            source_words.append(t.norm)
    source = _SEP + _SEP.join(source_words) + _SEP
    k = 0
    for start, end in spans:
        while k < len(tokens) and tokens[k].start < start:
            k += 1
        first = k
        while k < len(tokens) and tokens[k].end <= end:
            k += 1
        # Compared with every quotation mark as a space on both sides: the mirror gives the
        # person's inner quotation marks as its own ("I“0" quoted as “I'0”), and a mark
        # inside a word must not split it on one side only.
        inside = tokenize(_QUOTE_MARKS.sub(" ", mirrorback[start:end]))
        if inside and k > first and _joined(inside) in source:
            for i in range(first, k):
                exempt[i] = True
    return exempt


def _is_clause_start(text: str, tokens: Sequence[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].sent != tokens[i].sent or clause_break_between(
        text, tokens[i - 1], tokens[i]
    )


def _questions(text: str, tokens: Sequence[Token]) -> set[int]:
    """Sentences that end in a question mark ("Do you notice ...?" is not an imperative)."""
    asked: set[int] = set()
    for i, tok in enumerate(tokens):
        if i + 1 == len(tokens) or tokens[i + 1].sent != tok.sent:
            stop = tokens[i + 1].start if i + 1 < len(tokens) else len(text)
            if "?" in text[tok.end : stop] or "\uff1f" in text[tok.end : stop]:
                asked.add(tok.sent)
    return asked


def _directive_positions(text: str, tokens: Sequence[Token]) -> list[int]:
    """Indices of directive tokens: modal/advice words anywhere, imperative verbs where a
    sentence or clause opens (possibly after lead-ins: "Just breathe", "Maybe try"),
    except in questions."""
    c = _compiled()
    found: list[int] = []
    asked: set[int] | None = None
    for i, tok in enumerate(tokens):
        if tok.norm in c.anywhere:
            found.append(i)
            continue
        if tok.norm not in c.imperatives:
            continue
        j = i
        while j > 0 and not _is_clause_start(text, tokens, j) and tokens[j - 1].norm in c.lead_ins:
            j -= 1
        if _is_clause_start(text, tokens, j) and (j == i or tokens[j].norm in c.lead_ins):
            if asked is None:
                asked = _questions(text, tokens)
            if tok.sent not in asked:
                found.append(i)
    return found


def _ratio_check(text: str, tokens: Sequence[Token], exempt: list[bool],
                 limit: float | None = None) -> CheckResult:
    c = _compiled()
    # A person's engine profile may only make the limit stricter, never looser.
    max_ratio = c.max_ratio if limit is None else min(limit, c.max_ratio)
    positions = [i for i in _directive_positions(text, tokens) if not exempt[i]]
    total = len(tokens)
    ratio = len(positions) / total if total else 0.0
    passed = ratio <= max_ratio
    return CheckResult(
        name=DIRECTIVE_RATIO,
        passed=passed,
        evidence=tuple(tokens[i].text for i in positions),
        detail=f"{len(positions)} directive words of {total} ({ratio:.0%}, limit {max_ratio:.0%})",
    )


def _phrase_check(
    spec: _PhraseCheck, text: str, tokens: Sequence[Token], exempt: list[bool]
) -> CheckResult:
    hits = spec.matcher.find(tokens)
    evidence: list[str] = []
    if hits:
        allowed = spec.exceptions.find(tokens)
        for hit in hits:
            if any(exempt[hit.first : hit.last]):
                continue
            if any(a.first < hit.last and hit.first < a.last for a in allowed):
                continue
            evidence.append(text[tokens[hit.first].start : tokens[hit.last - 1].end])
    return CheckResult(
        name=spec.name,
        passed=not evidence,
        evidence=tuple(evidence),
        detail=spec.description if evidence else "none found",
    )


def check(mirrorback: str, reflection: str, *, max_directive_ratio: float | None = None) -> CheckReport:
    """Run every constitutional check on `mirrorback`, written in answer to `reflection`.
    `max_directive_ratio` is a stricter limit from the person's engine profile (DESIGN §7);
    a looser one is ignored."""
    tokens = tokenize(mirrorback)
    exempt = exempt_tokens(mirrorback, tokens, reflection)
    results = [
        CheckResult(
            name=NON_EMPTY,
            passed=bool(tokens),
            evidence=(),
            detail="has words" if tokens else "the mirrorback has no words",
        ),
        _ratio_check(mirrorback, tokens, exempt, max_directive_ratio),
    ]
    results.extend(_phrase_check(spec, mirrorback, tokens, exempt) for spec in _compiled().phrase_checks)
    return CheckReport(results=tuple(results))
