"""The offline mirrorback composer: no model, always available, always within the rules.

It reads the entry first (`mirror.engine.reading`: its centre, the writer's feelings,
sarcasm, a phrase of their own) and composes two or three sentences from the frames in
`constitution/mirrorback/<lang>.yaml`: the centre quoted exactly, the feeling named, at most
one more moment (a second paragraph's line, a tension or contrast in their words, sharp
words about themselves), and one question built from their phrase.

- **Deterministic**: every choice comes from a BLAKE2 digest of the engine version and the
  text (not Python's salted `hash()`), so the same text always gets the same mirrorback and
  snapshots stay stable; a new engine version may answer differently.
- **Varied**: several frames for every kind of reading, chosen by that digest and by what
  the entry holds, so a hundred entries do not read like one template.
- **Specific**: it always quotes something the person wrote (when they wrote any words).
- **Within the constitution by construction**: its own words contain no directive,
  advice, outcome, diagnosis or promise vocabulary, and everything it quotes is cut at
  word boundaries from the reflection, so the checks exempt it as the person's own words.
  A property test holds it to that for arbitrary text.
- **Language-aware**: a language with a frames file gets the full reading (English today);
  Spanish, French, German, Portuguese, Italian, Dutch and Polish get short localized
  answers; a few words get them back with a question.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from mirror.engine.analysis import Analysis, analyze
from mirror.engine.echo import Echo, echo, happened, opens_on_the_writer, superlative
from mirror.engine.past_tense import did
from mirror.engine.patterns import PatternMatch
from mirror.engine.reading import (
    ALSO,
    LONG_CLAUSE_WORDS,
    Moment,
    Reading,
    also_split,
    contains_phrase,
    frames,
    is_determiner,
    judged_badly,
    last_clause,
    leaves,
    line_at,
    makes_a_plan,
    opens_a_turn,
    points_back,
    read,
    realises,
    said_twice,
    says_how_it_is,
    says_i,
    stops_writing,
    tags_the_line,
    valences,
    valences_felt,
)
from mirror.engine.tensions import Contrast, Tension
from mirror.engine.tokenize import LIST_ITEM, QUOTE_CHARS, Token, as_tokens, inside_quotation, tokenize
from mirror.hashing import blake2b
from mirror.lazy_re import kept

TYPE_CHECKING = False  # typing's flag without importing typing (~2.5 ms of a `reflect`)
if TYPE_CHECKING:
    from typing import Any

ENGINE_VERSION = "offline-3"

_MAX_QUOTE_WORDS = 14
_MAX_SIDE_WORDS = 14
_MAX_QUOTE_CHARS = 160
_MAX_EVIDENCE_CHARS = 40
_SHORT_TEXT_WORDS = 2
_ELLIPSIS = "\u2026"
_KEEP_FORMAT = frozenset("\u200c\u200d")


class _Picker:
    """Choices drawn from a digest of the text: reproducible, and not Python's `hash()`."""

    __slots__ = ("_pool", "_i")

    def __init__(self, key: str) -> None:
        data = key.encode("utf-8", "surrogatepass")
        self._pool = blake2b(data, digest_size=64).digest()
        self._i = 0

    def index(self, n: int) -> int:
        if self._i + 2 > len(self._pool):
            self._pool = blake2b(self._pool, digest_size=64).digest()
            self._i = 0
        value = int.from_bytes(self._pool[self._i : self._i + 2], "big")
        self._i += 2
        return value % n

    def choice(self, options: Sequence[str]) -> str:
        return options[self.index(len(options))]

    def shuffled(self, items: list) -> list:
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.index(i + 1)
            items[i], items[j] = items[j], items[i]
        return items


# --- English -------------------------------------------------------------------------
# Rules for every template below: no directive, advice, outcome, diagnosis or promise
# words (see invariants.yaml), and quotes ({q}, {a}, {b}, {words}) arrive already wrapped
# in quotation marks.

_OPEN_PLAIN = (
    "Thank you for writing this down.",
    "There's a lot in what you wrote today.",
    "This sounds like it has been on your mind.",
    "It sounds like today had some weight to it.",
    "Reading this, there's a sense of something still unfolding.",
)
_OPEN_SHORT = (
    "You wrote: {q}.",
    "A few words today: {q}.",
    "Short and to the point: {q}.",
    "{q} \u2014 a few words, and maybe more behind them.",
)
_ASK = (
    "What do you notice as you read this back?",
    "Which part of it stays with you most?",
    "Where does that sit in you today?",
    "What is underneath that, if anything?",
    "What would you like to understand better about this?",
    "What stands out to you now that it's written down?",
    "What feels unsaid here?",
    "How does it feel to see it in words?",
    "If this moment had a name, what might it be?",
    "What part of this matters most to you?",
    "What else is there, beneath what you wrote?",
    "Which of these words feels heaviest, and which feels lightest?",
)
_WORDLESS = (
    "There are no words here yet, and that is all right. What is here for you right now?",
    "Nothing written yet, and that is all right too. What would you like these pages to hold?",
)
_MARKS_ONLY = (
    "You wrote {q}. Sometimes a few marks say enough. What is behind them today?",
    "Just this: {q}. What is behind it today?",
)

# --- Other languages -------------------------------------------------------------------
_LOCALIZED: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "es": (
        ("Escribiste: \u201c{t}\u201d.", "Hay una frase que se queda: \u201c{t}\u201d.",
         "Tus palabras: \u201c{t}\u201d."),
        ("\u00bfQu\u00e9 notas al leerlo de nuevo?", "\u00bfQu\u00e9 hay debajo de esas palabras?",
         "\u00bfQu\u00e9 parte de esto pesa m\u00e1s hoy?"),
        "Gracias por escribir esto.",
    ),
    "fr": (
        ("Tu as \u00e9crit : \u201c{t}\u201d.", "Une phrase reste : \u201c{t}\u201d.",
         "Ces mots sont les tiens : \u201c{t}\u201d."),
        ("Qu'est-ce que tu remarques en les relisant ?", "Qu'y a-t-il sous ces mots ?",
         "Qu'est-ce qui compte le plus pour toi, l\u00e0-dedans ?"),
        "Merci d'avoir \u00e9crit cela.",
    ),
    "de": (
        ("Du hast geschrieben: \u201c{t}\u201d.", "Ein Satz bleibt h\u00e4ngen: \u201c{t}\u201d.",
         "Deine Worte: \u201c{t}\u201d."),
        ("Was bemerkst du, wenn du das noch einmal liest?", "Was liegt unter diesen Worten?",
         "Was davon wiegt heute am schwersten?"),
        "Danke, dass du das aufgeschrieben hast.",
    ),
    "pt": (
        ("Voc\u00ea escreveu: \u201c{t}\u201d.", "Uma frase fica: \u201c{t}\u201d.",
         "Suas palavras: \u201c{t}\u201d."),
        ("O que voc\u00ea percebe ao ler isso de novo?", "O que h\u00e1 por baixo dessas palavras?",
         "O que disso pesa mais hoje?"),
        "Obrigado por escrever isso.",
    ),
}
#: The languages care reads but the engine has no frames for: a plain answer in the
#: writer's own language (the quote and an open question), never another language's.
_LOCALIZED.update({
    "sv": (("Du skrev: \u201c{t}\u201d.", "Dina ord: \u201c{t}\u201d."),
           ("Vad betyder de här orden för dig i dag?",
            "Vad stannar kvar när du läser det igen?",
            "Vad är viktigast i det här för dig just nu?"),
           "Tack för att du skrev det här."),
    "tr": (("Şöyle yazmışsın: \u201c{t}\u201d.", "Senin sözlerin: \u201c{t}\u201d."),
           ("Bu sözler bugün senin için ne taşıyor?",
            "Tekrar okuyunca aklında ne kalıyor?",
            "Şu an bunun içinde senin için en önemli olan ne?"),
           "Bunu yazdığın için teşekkürler."),
    "id": (("Kamu menulis: \u201c{t}\u201d.", "Kata-katamu: \u201c{t}\u201d."),
           ("Apa arti kata-kata ini bagimu hari ini?",
            "Apa yang tertinggal saat kamu membacanya lagi?",
            "Apa yang paling penting bagimu dari semua ini sekarang?"),
           "Terima kasih sudah menuliskannya."),
    "vi": (("Bạn viết: \u201c{t}\u201d.", "Lời của bạn: \u201c{t}\u201d."),
           ("Hôm nay những lời này có ý nghĩa gì với bạn?",
            "Đọc lại, điều gì còn đọng lại trong bạn?",
            "Lúc này, điều gì trong đây quan trọng nhất với bạn?"),
           "Cảm ơn bạn đã viết ra điều này."),
})
_LOCALIZED.update({
    "ru": (("Твои слова: \u201c{t}\u201d.", "Одна строка отсюда: \u201c{t}\u201d."),
           ("Что эти слова значат для тебя сегодня?",
            "Что остаётся с тобой, когда ты это перечитываешь?",
            "Что в этом сейчас для тебя самое важное?"),
           "Спасибо за эти строки."),
    "uk": (("Твої слова: \u201c{t}\u201d.", "Один рядок звідси: \u201c{t}\u201d."),
           ("Що ці слова означають для тебе сьогодні?",
            "Що лишається з тобою, коли ти це перечитуєш?",
            "Що в цьому зараз для тебе найважливіше?"),
           "Дякую за ці рядки."),
    "ja": (("あなたはこう書いています：\u201c{t}\u201d。", "あなたの言葉：\u201c{t}\u201d。"),
           ("今日、この言葉はあなたにとってどんな意味がありますか？",
            "読み返してみて、何が心に残りますか？",
            "この中で、今いちばん大切なのは何ですか？"),
           "書いてくれてありがとう。"),
    "zh": (("你写道：\u201c{t}\u201d。", "你的话：\u201c{t}\u201d。"),
           ("今天，这些话对你来说意味着什么？",
            "再读一遍，有什么留在你心里？",
            "这里面，此刻对你最重要的是什么？"),
           "谢谢你写下这些。"),
    "ko": (("이렇게 썼어요: \u201c{t}\u201d.", "당신의 말: \u201c{t}\u201d."),
           ("오늘 이 말들은 당신에게 어떤 의미인가요?",
            "다시 읽어 보면 무엇이 마음에 남나요?",
            "지금 이 안에서 가장 중요한 것은 무엇인가요?"),
           "적어 주셔서 고마워요."),
    "hi": (("आपने लिखा: \u201c{t}\u201d।", "आपके शब्द: \u201c{t}\u201d।"),
           ("आज ये शब्द आपके लिए क्या मायने रखते हैं?",
            "इसे दोबारा पढ़कर आपके मन में क्या रह जाता है?",
            "इसमें अभी आपके लिए सबसे ज़रूरी क्या है?"),
           "यह लिखने के लिए धन्यवाद।"),
    "ar": (("كلماتك: \u201c{t}\u201d.", "من كلماتك: \u201c{t}\u201d."),
           ("ماذا تعني لك هذه الكلمات اليوم؟",
            "عند قراءة هذا من جديد، ما الذي يبقى معك؟",
            "ما الأهم بالنسبة لك في هذا الآن؟"),
           "شكرًا على كتابة هذا."),
})
_LOCALIZED.update({
    "es-AR": (
        ("Escribiste: \u201c{t}\u201d.", "Hay una frase que se queda: \u201c{t}\u201d.",
         "Tus palabras: \u201c{t}\u201d."),
        ("\u00bfQu\u00e9 not\u00e1s al leerlo de nuevo?", "\u00bfQu\u00e9 hay debajo de esas palabras?",
         "\u00bfQu\u00e9 parte de esto pesa m\u00e1s hoy?"),
        "Gracias por escribir esto.",
    ),
    "pt-PT": (
        ("Escreveste: \u201c{t}\u201d.", "Fica uma frase: \u201c{t}\u201d.",
         "As tuas palavras: \u201c{t}\u201d."),
        ("O que notas ao ler isto outra vez?", "O que h\u00e1 por baixo destas palavras?",
         "O que \u00e9 que disto pesa mais hoje?"),
        "Obrigado por escreveres isto.",
    ),
    "it": (
        ("Hai scritto: \u201c{t}\u201d.", "Una frase resta: \u201c{t}\u201d.",
         "Le tue parole: \u201c{t}\u201d."),
        ("Che cosa noti rileggendolo?", "Che cosa c'\u00e8 sotto queste parole?",
         "Che cosa pesa di pi\u00f9, oggi, in tutto questo?"),
        "Grazie per averlo scritto.",
    ),
    "nl": (
        ("Je schreef: \u201c{t}\u201d.", "E\u00e9n zin blijft hangen: \u201c{t}\u201d.",
         "Jouw woorden: \u201c{t}\u201d."),
        ("Wat merk je als je het terugleest?", "Wat ligt er onder deze woorden?",
         "Wat weegt hier vandaag het zwaarst?"),
        "Dank je dat je dit hebt opgeschreven.",
    ),
    "pl": (
        ("W twoich s\u0142owach: \u201e{t}\u201d.", "Jedno zdanie zostaje: \u201e{t}\u201d.",
         "Twoje s\u0142owa: \u201e{t}\u201d."),
        ("Co zauwa\u017casz, czytaj\u0105c to jeszcze raz?", "Co kryje si\u0119 pod tymi s\u0142owami?",
         "Co z tego wa\u017cy dzi\u015b najwi\u0119cej?"),
        "Dzi\u0119kuj\u0119 za te s\u0142owa.",
    ),
})
_NEUTRAL = (
    ("You wrote: \u201c{t}\u201d.", "Your words: \u201c{t}\u201d."),
    ("What do these words hold for you today?", "What stays with you as you read this back?",
     "What matters most in this for you right now?"),
    "Thank you for writing this.",
)


def _clean(raw: str) -> str:
    """Quote-safe text: inner quotation marks become apostrophes (so the mirror's own
    marks still pair up), control/format characters and line breaks become spaces (which
    never changes where words begin and end)."""
    out = []
    for ch in raw:
        if ch in QUOTE_CHARS:
            out.append("'")
        elif ch.isprintable() or ch in _KEEP_FORMAT:
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            out.append(ch)
        else:
            out.append(" ")
    return " ".join("".join(out).split())


def _quote(text: str, tokens: Sequence[Token], first: int, last: int, *, cut_left: bool = False,
           cut_right: bool = False, max_chars: int = _MAX_QUOTE_CHARS) -> str | None:
    """Tokens [first, last) as a quotation, trimmed to whole words; None if impossible.
    A question or exclamation mark that ends the quoted words stays with them."""
    while last > first:
        body = _clean(text[tokens[first].start : tokens[last - 1].end])
        if len(body) <= max_chars:
            break
        last -= 1
        cut_right = True
    else:
        return None
    if not body:
        return None
    if not cut_right:
        after = text[tokens[last - 1].end : tokens[last - 1].end + 4]
        stripped = after.lstrip(" \u00a0\u202f")
        if stripped[:1] in ("?", "!"):
            body += after[: len(after) - len(stripped) + 1]  # "marathon !" keeps its space
    if cut_left:
        body = f"{_ELLIPSIS} {body}"
    if cut_right:
        body = f"{body} {_ELLIPSIS}"
    return f"\u201c{body}\u201d"


def _sentence_ranges(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for i, t in enumerate(tokens):
        if ranges and tokens[ranges[-1][0]].sent == t.sent:
            ranges[-1] = (ranges[-1][0], i + 1)
        else:
            ranges.append((i, i + 1))
    return ranges


def _salient_quote(a: Analysis, pick: _Picker) -> str | None:
    """The person's most telling line: the sentence richest in patterns and tensions,
    cut to a window around its first piece of evidence."""
    tokens = a.tokens
    evidence_starts = [m.start for m in a.patterns]
    evidence_starts += [e.start for t in a.tensions for e in t.evidence]
    evidence_starts += [tokens[c.left[0]].start for c in a.contrasts]
    sentences = _sentence_ranges(tokens)
    best: list[tuple[int, int]] = []
    best_score = None
    for lo, hi in sentences[:200]:
        span_lo, span_hi = tokens[lo].start, tokens[hi - 1].end
        hits = sum(1 for s in evidence_starts if span_lo <= s < span_hi)
        score = 3 * hits + (1 if hi - lo >= 4 else -1)
        if best_score is None or score > best_score:
            best, best_score = [(lo, hi)], score
        elif score == best_score:
            best.append((lo, hi))
    chosen = best[pick.index(len(best))]
    for lo, hi in [chosen, *sentences[:200]]:
        start = lo
        if hi - lo > _MAX_QUOTE_WORDS:
            anchor = next((i for i in range(lo, hi) if any(
                tokens[i].start <= s < tokens[i].end for s in evidence_starts)), lo)
            start = max(lo, min(anchor - 3, hi - _MAX_QUOTE_WORDS))
        end = min(hi, start + _MAX_QUOTE_WORDS)
        quote = _quote(a.text, tokens, start, end, cut_left=start > lo, cut_right=end < hi)
        if quote is not None:
            return quote
    return None


def _contrast_sides(a: Analysis, con: Contrast) -> tuple[str, str] | None:
    (l0, l1), (r0, r1) = con.left, con.right
    ls = max(l0, l1 - _MAX_SIDE_WORDS)
    re_ = min(r1, r0 + _MAX_SIDE_WORDS)
    if ls > l0 or re_ < r1:
        return None  # a side cut short reads as not listening: say nothing of it
    left = _quote(a.text, a.tokens, ls, l1, max_chars=90)
    right = _quote(a.text, a.tokens, r0, re_, max_chars=90)
    if left and right and left != right:
        return left, right
    return None


def _tension_sides(a: Analysis, t: Tension) -> tuple[str, str] | None:
    """The two sides, quoted, of the first contrast that holds the tension's evidence."""
    starts = [e.start for e in t.evidence]
    for con in a.contrasts:
        lo = a.tokens[min(con.left[0], con.right[0])].start
        hi = a.tokens[max(con.left[1], con.right[1]) - 1].end
        if any(lo <= s < hi for s in starts):
            return _contrast_sides(a, con)
    return None


def _evidence_words(matches: Sequence[PatternMatch]) -> str | None:
    """Up to two of the matches' own words, quoted ("“so stupid” and “my fault”")."""
    seen: dict[str, str] = {}
    for m in matches:
        body = _clean(m.text)
        key = body.casefold()
        if body and len(body) <= _MAX_EVIDENCE_CHARS and key not in seen:
            seen[key] = f"\u201c{body}\u201d"
        if len(seen) == 2:
            break
    return " and ".join(seen.values()) or None


_FRENCH_CLOSE = kept("[.,]?[ \u00a0\u202f]?[\u00bb\u203a]")
_OPENERS = "\u201c\u201e\u00ab\u2039\u300c\u300e"
_UNIT_SIGNS = "%\u2030\u00b0"  # "4%", "38°": the number's sign is part of it
_CLOSERS = ")]}\u201d\u00bb\u203a\u300d\u300f'\u2019\""


#: A closing bracket that closes something: not the mouth of a smiley (":)", ";-)").
_CLOSING_BRACKET = re.compile(r"(?<![:;=\-])\)")
#: A list's number ("1)", "12)"), which closes no bracket when none is open.
_ENUMERATOR = re.compile(r"(?:^|(?<=\s))\d{1,2}\)")


def _closing_brackets(text: str, start: int, end: int) -> int:
    """How many brackets in text[start:end] close something ("just checking in :)" closes
    nothing: the smiley is quoted whole; nor does a list's number, "… to: 1) Alma texted")."""
    closers = sum(1 for _ in _CLOSING_BRACKET.finditer(text, start, end))
    opens = text.count("(", start, end)
    if closers <= opens:
        return closers
    return max(opens, closers - sum(1 for _ in _ENUMERATOR.finditer(text, start, end)))


def _closes_before_opening(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] closes a quotation before it opens one: its first quotation
    mark is a closing one (a straight " after a word, or a closing curly or angle mark; after
    a German or Polish „ the high “ closes: „Der heißt Bernd.“)."""
    low = start > 0 and text[start - 1] == "\u201e"
    for i in range(start, end):
        ch = text[i]
        if ch == "\u201c" and low and i > start and not text[i - 1].isspace():
            return True
        if ch in "\u201c\u201e\u00ab\u2039":
            return False
        if ch in "\u201d\u00bb\u203a" or (ch == '"' and i > start and not text[i - 1].isspace()):
            return True
        if ch == '"':
            return False
    return False


#: Markdown's marks of strong emphasis, "**Next week:**" (a single "*behind*" is the writer's
#: own stress on a word, and kept).
_EMPHASIS = re.compile(r"\*\*|__")


def _exact_quote(text: str, tokens: Sequence[Token], first: int, last: int) -> str | None:
    """Tokens [first, last) quoted as the person wrote them: closing brackets and quotation
    marks right after the last word are kept, and a question or exclamation mark. Only
    whitespace is folded, and quotation marks inside become single ones (so the mirror's
    own marks still pair up; the checks ignore quotation marks when comparing words)."""
    if last <= first:
        return None
    start, end = tokens[first].start, tokens[last - 1].end
    if end + 1 < len(text) and text[end] in " \u00a0\u202f" and text[end + 1] in _UNIT_SIGNS \
            and text[end - 1].isdigit():
        end += 2  # French spacing: « Je lui pardonne à 60 % », never « … à 60 »
    while end < len(text) and (text[end] in _CLOSERS + "?!" + _UNIT_SIGNS or (
            text[end] in ".," and end + 1 < len(text) and text[end + 1] in _CLOSERS) or (
            # French spacing: « Tu me manques. » keeps its closing mark, after a space
            text[end] in " \u00a0\u202f.," and _FRENCH_CLOSE.match(text, end))):
        end += 1  # "… like this.'" keeps its full stop inside the person's own quotation
    # A price keeps its currency sign: "£85 and two minutes", never "85 and two minutes".
    while start > 0 and unicodedata.category(text[start - 1]) == "Sc":
        start -= 1
    # A quotation the quote closes is opened in it too: „Bitte beachten: … Altpapier!!"
    # starts at the writer's „, never at "Bitte" with a closing mark left alone.
    if start > 0 and text[start - 1] in _OPENERS + '"' and _closes_before_opening(text, start, end):
        start -= 1
    elif start > 1 and text[start - 1] in " \u00a0\u202f" and text[start - 2] in "\u00ab\u2039" \
            and _closes_before_opening(text, start, end):
        start -= 2  # (French spacing: « Tu en auras plus besoin que moi. » opens after a space)
    # Spanish opens what it closes: "¡Me han dado la plaza!", never "Me han dado la plaza!".
    for opener, closer in (("\u00a1", "!"), ("\u00bf", "?")):
        while start > 0 and text[start - 1] == opener and closer in text[start:end]:
            start -= 1
    # A bracket the quote closes is opened in it too: "(not calming down)", never "not
    # calming down)"; one it cannot reach is left out.
    while _closing_brackets(text, start, end) > text.count("(", start, end):
        if start > 0 and text[start - 1] == "(":
            start -= 1
        else:
            end = max(m.start() for m in _CLOSING_BRACKET.finditer(text, start, end))
            end = len(text[start:end].rstrip()) + start
    # …and a bracket it opens but cannot close ("…first one? (It is. I'm right.)", cut at
    # the sentence) is left out with what follows it: never "…first one? (It is".
    while text.count("(", start, end) > _closing_brackets(text, start, end):
        end = len(text[start:text.rindex("(", start, end)].rstrip()) + start
    if end <= start:
        return None
    body: list[str] = []
    low_open = 0  # German and Polish open low („) and close high (“ or ”): „schneller!“
    for ch in text[start:end]:
        if ch == "\u201c" and low_open:
            low_open -= 1
            body.append("\u2019")
        elif ch in _OPENERS:
            low_open += ch == "\u201e"
            body.append("\u2018")
        elif ch in "\u201d\u00bb\u203a\u300d\u300f":
            low_open = max(0, low_open - (ch == "\u201d"))
            body.append("\u2019")
        elif ch == '"':  # opening after a space, closing after a word
            prev = body[-1] if body else " "
            closing = not (prev.isspace() or prev in "(\u2018")
            body.append("\u2019" if closing else "\u2018")
        elif ch.isprintable() or ch in _KEEP_FORMAT or unicodedata.category(ch) in ("Mn", "Mc", "Me"):
            body.append(ch)
        else:
            body.append(" ")
    # French spacing inside the marks (« Tu me manques ») is not kept inside the mirror's;
    # nor are Markdown's marks of emphasis ("**Next week:** dentist"), which are not words
    # (read blind, a quote opening "Next week:** dentist" was "a stray ** left in").
    quoted = _EMPHASIS.sub("", " ".join("".join(body).split()))
    quoted = " ".join(quoted.split()).replace("\u2018 ", "\u2018").replace(" \u2019", "\u2019")
    if quoted.count("\u2018") > quoted.count("\u2019"):
        quoted += "\u2019"  # an inner quotation the person closed after their full stop
    if len(quoted) > _MAX_QUOTE_CHARS * 2:
        return None
    return f"\u201c{quoted}\u201d" if quoted else None


def _say(template: str, **values: str) -> str:
    """A frame filled in; a frame that opens with a feeling name gets its capital."""
    caps = {k[:1].upper() + k[1:]: v[:1].upper() + v[1:] for k, v in values.items()}
    return template.format(**values, **caps)


_HEAVY = frozenset({"grief", "sadness", "loneliness", "hurt"})
#: An entry of at most this many lines is short enough for an answer to someone absent to be its point.
_RETORT_LINES = 6
_STRONG_SCORE = 2.0  # a line elsewhere in the entry is said back only when it carries this much
#: How much the other moment must carry to open a mirrorback whose question holds the centre.
_OTHER_SCORE = 0.0


def _compose_framed(a: Analysis, pick: _Picker, data: dict, reading: Reading | None = None) -> str:
    """The mirrorback from a reading of the entry (`mirror.engine.reading`) and the
    language's frames (`constitution/mirrorback/<lang>.yaml`): the centre quoted exactly,
    the feeling named in plain words, and a question built from the person's own phrase."""
    r = reading or read(a.text, a.tokens, str(data.get("language", a.language)))
    fr = data["frames"]
    names = {f: str(spec.get("name", f)) for f, spec in (data.get("feelings") or {}).items()}
    quote = _exact_quote(a.text, a.tokens, *_to_the_end(a, r, *_with_set_up(a, r))) if r.centre else None
    if quote is None:
        return " ".join([pick.choice(fr["plain"]).format(q="\u201c\u2026\u201d"),
                         pick.choice(fr["ask_generic"])])
    feeling = names.get(r.feelings[0], r.feelings[0]) if r.feelings else ""
    feeling2 = names.get(r.feelings[1], r.feelings[1]) if len(r.feelings) > 1 else ""
    if len(r.feelings) > 2:  # several listed side by side: all of them, as the person did
        feeling = ", ".join(names.get(f, f) for f in r.feelings[:-1])
        feeling2 = names.get(r.feelings[-1], r.feelings[-1])
    # Two feelings, of one kind or not, take the frames written for two: "Tiredness and anger
    # runs through this" read a pair as one feeling.
    values = {"q": quote, "feeling": feeling, "feeling2": feeling2}
    sentences: list[str] = []
    if r.request is not None and "request" in fr and "ask_request" in fr:
        # Advice asked for outright: the mirror says it heard the question, gives no answer
        # (it never prescribes), and asks after what the person already knows of it.
        asked = _exact_quote(a.text, a.tokens, r.request.first, r.request.last)
        if asked:
            opening = _say(pick.choice(fr["request"]), q=asked)
            if _centre_beside_request(r):
                # "What should I do? Seriously. … Future me, I hope whatever you picked didn't
                # make you resent him.": the heart of the entry is a line of its own, beside the
                # question, and is reflected as any other (read alone, the question quoted and a
                # question about asking it left the entry unheard: "Lo peor es que Flor es re
                # buena mina"). It is never "one line from it" after a first line quoted.
                part = set(fr.get("plain_part") or ())
                beside = {**data, "frames": {**fr, "plain": [f for f in fr["plain"] if f not in part] or fr["plain"],
                                             "plain_part": []}}
                rest = _compose_framed(a, pick, beside, replace(r, request=None))
                return " ".join([opening, rest]).replace("?\u201d.", "?\u201d")
            ask = pick.choice(fr["ask_request"])
            return " ".join([opening, ask]).replace("?\u201d.", "?\u201d")
    if "log" in fr and "ask_log" in fr and "log_coda" in fr and (ends := _log_ends(a, r)) is not None:
        # A day kept in times and numbers ("Up 6:40. Train 7:52 … Bed 23:00"): no line of it
        # is the heart, and "what was going on in you just then?" of "Bed 23:00" reads as
        # not having looked. The record is named as a record, and the question asks what
        # it leaves out.
        if not ends[0]:
            # (the record ends in the person's own voice: that line is quoted, and asked after)
            return " ".join([_say(pick.choice(fr["log_coda"]), c=ends[1]), pick.choice(fr["ask_log_coda"])])
        if not ends[1]:
            # (one line runs far longer than the rest: where the person stopped to write)
            return " ".join([_say(pick.choice(fr["log_long"]), c=ends[0]), pick.choice(fr["ask_log_long"])])
        return " ".join([_say(pick.choice(fr["log"]), a=ends[0], b=ends[1]), pick.choice(fr["ask_log"])])
    if "log_terse" in fr and "ask_log_terse" in fr and (day := _terse_day(a, r, data)) is not None:
        # "Mon. 6,214 steps. Porridge. Standup. … Pasta. Two episodes. Bed 11:40.": a day
        # kept in a word or two a line has no line that is its heart, and asking what "Bed
        # 11:40" holds, or what the short lines leave out, reads depth into a plain day (read
        # blind, both were graded 2 of 5, "disputing" a "Manchmal reicht das"). The day is
        # taken as the person gave it: a person in it is what is asked after ("Called Nan"),
        # a word of their own on it closes it ("Nothing to report, which is fine"), and
        # otherwise the question leaves room for a day that needed no more words.
        kind, values = day
        key = "log_terse" if kind == "day" else f"log_terse_{kind}"  # ("someone")
        if key not in fr or f"ask_{key}" not in fr:
            key = "log_terse"
            values = {"a": values["a"], "b": values["b"]}
        return " ".join([_say(pick.choice(fr[key]), **values), pick.choice(fr[f"ask_{key}"])])
    if len(r.feelings) > 2 and "many" in fr and "ask_many" in fr:
        # Several feelings the person listed side by side: named together, as they wrote
        # them, and the question keeps them all instead of favouring one.
        return " ".join([_say(pick.choice(fr["many"]), **values), pick.choice(fr["ask_many"])])
    if "both_open" in fr and "ask_both" in fr and not r.sarcasm and (sides := _both_sides(a, r, data)):
        # "… ik was echt opgelucht. Maar ik heb ook het gevoel dat ik haar heb achtergelaten.
        # Allebei tegelijk.": the person names the mix themselves; both lines are given back
        # and neither is favoured, where naming the one feeling found would drop the other.
        return " ".join([_say(pick.choice(fr["both_open"]), a=sides[0], b=sides[1]),
                         pick.choice(fr["ask_both"])])
    # "I am calm. I am very calm.": a state protested too much is never said back as fact
    protests = _protests(a, r, data)
    # (feelings said before the centre's turn are named with the turn itself, below)
    turned = None if protests or (r.turned_from and "feeling_before" in fr) else _turned_centre(a, r, fr)
    if turned is not None:
        # The centre is one clause that the question can say back whole: the opening quotes
        # the entry's other moment instead, so neither repeats the other.
        other, whole = turned
        values["q"] = other
        if feeling:
            # The feeling is the centre's, which the question says back: it is named of the
            # entry first, never pinned on the other line quoted ("'She was nice about it'.
            # There's frustration in that").
            kind = ("mixed" if feeling2 else "positive" if r.valence == "positive"
                    else "heavy" if r.feelings[0] in _HEAVY else "negative")
            table = fr.get("feeling_also") or fr["feeling_short"]
            sentences.append(_say(pick.choice(table[kind]), **values))
        sentences.append(_say(pick.choice(fr.get("turned_open") or fr["plain"]), **values))
        sentences.append(_echo_question(fr, r, whole, pick))
        return " ".join(sentences).replace("?\u201d.", "?\u201d").replace("!\u201d.", "!\u201d")
    # A tension or a second moment says more than the halves; they keep their own frames.
    halves = (_halves(a, r) if not r.asking and not r.sarcasm and not a.tensions
              and r.second is None and "ask_sides" in fr else None)
    if halves is not None:
        # A centre that turns inside itself is given back in its two halves, in the
        # question, so neither side is favoured and nothing is quoted twice.
        kind = ("mixed" if feeling2 else "positive" if r.valence == "positive"
                else "heavy" if r.feelings and r.feelings[0] in _HEAVY else "negative")
        if feeling:
            sentences.append(_say(pick.choice(fr["feeling_short"][kind]), **values))
        if not sentences and fr.get("sides_open"):
            sentences.append(pick.choice(fr["sides_open"]))
        sentences.append(_say(pick.choice(fr["ask_sides"]), a=halves[0], b=halves[1]))
        return " ".join(sentences)
    # A question asked in jest ("… a single skull emoji. I think that means it's good?") is
    # part of the joke: weighed as a question hard to put down, it was read blind as taking
    # the humour literally (graded 1 of 5).
    asking = r.asking and not r.sarcasm and not _laughs(a, data, r)
    if asking:
        # (the feeling is named with the question when the entry names one: "Ma perché … la
        # prima cosa che sento è sollievo?" is relief, asked about)
        # (only a feeling of the question itself: one from elsewhere in the entry, set beside
        # "what if I figure out what I want and it's nothing they'd recognize?", misnames it)
        key = ("asking_mixed" if feeling2 else "asking_feeling") if feeling and r.felt_in_centre else "asking"
        sentences.append(_say(pick.choice(fr.get(key) or fr["asking"]), **values))
    elif r.sarcasm:
        sentences.append(_say(pick.choice(fr["sarcasm"]), **values))
    elif feeling and r.turned_from and "feeling_before" in fr:
        # "I am terrified. … But I'd rather be terrified in my own shop": the feeling the
        # writer said first, then the line that turns from it, so neither half is dropped
        # (named alone, the first half reads as not having read to the end; left unnamed, as
        # not having heard it).
        sentences.append(_say(pick.choice(fr["feeling_before"]["two" if feeling2 else "one"]), **values))
    elif feeling and not r.felt_in_centre and "feeling_also" in fr:
        # The feeling's words are elsewhere in the entry: named beside the quote, never
        # pinned on it ("Pride, in your own words: 'I drove home with the seat empty'").
        kind = ("mixed" if feeling2 else "positive" if r.valence == "positive"
                else "heavy" if r.feelings[0] in _HEAVY else "negative")
        sentences.append(_say(pick.choice(fr["feeling_also"][kind]), **values))
        sentences.append(_say(pick.choice(_plain(fr, a, quote)), **values))
    elif feeling2:
        sentences.append(_say(pick.choice(fr["mixed"]), **values))
    elif feeling and r.valence == "positive":
        sentences.append(_say(pick.choice(fr["positive"]), **values))
    elif feeling and r.feelings[0] in _HEAVY:
        sentences.append(_say(pick.choice(fr["heavy"]), **values))
    elif feeling:
        sentences.append(_say(pick.choice(fr["feeling"]), **values))
    else:
        sentences.append(_say(pick.choice(_plain(fr, a, quote)), **values))

    two = False
    tension_said = False  # a tension named with the person's words on both sides
    # One more moment, at most: a second paragraph's line, or the two sides of a contrast
    # the person drew outside the quoted words, or sharp words they used about themselves.
    # A long entry's second moment comes only when the centre offers no question of its own
    # (a likeness, a phrase of theirs): then the question holds the two moments.
    own_question = r.image is not None or (r.phrase is not None and not r.sarcasm)
    # (feelings named before the turn have their line already: no second moment repeats it)
    if r.second is not None and not r.turned_from and (not own_question or "ask_two" not in fr):
        # A second moment from another paragraph is quoted only when it holds the other
        # side of a mixed feeling ("À soixante-sept ans, je suis fier de vingt-deux mètres"
        # beside the humiliation): anywhere else it was read blind as two replies stitched
        # together, and the question it drew as asking after the wrong moment (graded in
        # pairs on 44 entries: 3.11 without it, 2.89 with it). It is quoted, too, only when
        # the question can take it up in the person's own words; "how do those two lines
        # sit together?" invents a link between them.
        second = _exact_quote(a.text, a.tokens, r.second.first, r.second.last) \
            if _other_side(a, r, data) else None
        if "ask_echo" in fr and echo(a.text, a.tokens, r.second.first, r.second.last) is None:
            second = None
        if second and second != quote:
            before = r.centre is not None and r.second.first < r.centre.first
            part = {_say(f, **values) for f in fr.get("plain_part") or ()}
            if sentences and sentences[-1] in part:
                # "One line from it: …" and then a second line quoted reads as miscounted
                # (read blind in pairs: "says 'one line' and then splices in a second")
                whole = [f for f in fr["plain"] if f not in (fr.get("plain_part") or ())]
                sentences[-1] = _say(pick.choice(whole or fr["plain"]), **values)
            sentences.append(_say(pick.choice(fr["second_before" if before else "second"]), q=second))
            two = True
    elif not r.sarcasm and not r.asking and r.second is None:
        tension = a.tensions[0] if a.tensions else None
        # A tension is named only with the person's own words on both sides: an axis alone
        # ("between stability and growth") reads as a frame laid over the entry. A contrast
        # outside the quote ("$140 saved, and at the same time $170 short") invented a mixed
        # feeling more often than it found one, and is left out.
        sides = _tension_sides(a, tension) if tension is not None else None
        if tension is not None and sides and sides[0] not in quote and sides[1] not in quote:
            axes = {"A": tension.axis_a, "B": tension.axis_b}
            sentences.append(pick.choice(fr["tension_words"]).format(a=sides[0], b=sides[1], **axes))
            tension_said = True
        else:
            words = _self_judgment_words(a) if r.valence == "negative" else None
            if words and pick.index(2):
                sentences.append(pick.choice(fr["self_judgment"]).format(words=words))

    second_said = (echo(a.text, a.tokens, r.second.first, r.second.last, _weight)
                   if two and r.second is not None and "ask_echo" in fr else None)
    if second_said is not None:
        ask = _echo_question(fr, r, second_said, pick)  # the later moment, in their words
    elif two and "ask_two" in fr:
        ask = pick.choice(fr["ask_two"])  # the question holds both moments it quoted
    elif asking:
        # A choice asked ("Do I start over with Kim, or follow her to Zurich?") has answers to
        # weigh; a question with none ("Who am I going to text at 2am about nothing?",
        # "What do I even say at Dad's funeral?") is one to be kept company with.
        choice = "ask_asking_choice" in fr and bool(
            {t.norm for t in a.tokens[r.centre.first:r.centre.last]} & _words_of(data, "choice_words")) \
            if r.centre is not None else False
        ask = pick.choice(fr["ask_asking_choice" if choice else "ask_asking"])
    elif r.retort and "ask_retort" in fr and _retort_is_the_point(a, r, r.retort):
        # The comeback nobody heard ("Nee Wouter, …", "Danke, Bahn, wirklich."): asked about,
        # in its own key.
        ask = pick.choice(fr["ask_retort"]).format(name=r.retort)
    elif r.sarcasm:
        ask = pick.choice(fr["ask_sarcasm"])
    elif tension_said and (not r.phrase or pick.index(3) == 0):
        t = a.tensions[0]
        ask = pick.choice(fr["ask_tension"]).format(A=t.axis_a, B=t.axis_b)
    elif "ask_generic_now" in fr and protests:
        # "I am calm. I am very calm.": a state said again, harder, is protested too much;
        # asked after as a fact ("How does it sit with you, that you are very calm?") it was
        # read blind as taking a self-mocking line at face value (graded 1 of 5).
        ask = pick.choice(fr["ask_generic_now"])
    elif "ask_realised" in fr and r.centre is not None and realises(
            str(data.get("language", a.language)), [t.norm for t in a.tokens[r.centre.first:r.centre.last]]):
        # "I hadn't realised how much I'd been carrying it": what they have only now seen is
        # the moment, and seeing it is what is asked after (what let them see it is usually
        # in the entry already: "till they let go").
        ask = pick.choice(fr["ask_realised"])
    elif "ask_list" in fr and _errands_only(a, r):
        # errands only: the list is asked about, not one item. A list of what was done ("-
        # paid council tax / - finally texted Jess back") is not asked which to cross off
        # first (read blind as not having read the list, graded 1).
        done = "ask_list_done" in fr and any(_done(a, m) for m in r.moments)
        ask = pick.choice(fr["ask_list_done" if done else "ask_list"])
    elif r.weighing and "ask_both" in fr and not _laughs(a, data, r):
        # "Maybe it is selfish to stay … Maybe it is selfish to go …": two lines built alike
        # that weigh are asked after together; the last words of the second are half of it.
        ask = pick.choice(fr["ask_both"])
    elif "ask_clause" in fr and not _laughs(a, data, r) and (clause := _last_clause(a, r, data)):
        # The quoted line's last words, quoted again, are what the question asks after
        # ("¿Qué hay para ti en ese “por si acaso”?", "What is in that “Small wins”, for
        # you?"): where the writer ends a line is where they put its weight. Read blind,
        # these were graded above every other kind of question (3.4-3.7 against 3.0 for
        # the open ones, 2.0-2.7 for one about the feeling named, 2.4 about a thing named).
        # In English the clause can be said back in the second person, which reads more
        # naturally ("What is it like to write that you're not moving till morning?").
        said = echo(a.text, a.tokens, *clause[0]) \
            if "ask_echo" in fr and opens_on_the_writer(a.tokens, clause[0][0]) else None
        if said is not None and not said.verdict and happened(said):
            # A moment said back in the past ("What was it like when you were there for
            # twenty minutes?") was read blind below the clause asked after in the writer's
            # own words: 2.45 of 5 over 24 replies, against 2.9-3.0; it retells the story
            # and asks what it was like, which the entry has just said.
            said = None
        if said is None and "ask_verdict" in fr and not r.sarcasm:
            # "Best Twix of my life.": a line that is only a superlative is asked what made
            # it so ("What made it the best Twix of your life?"), not what it "holds".
            said = superlative(a.text, a.tokens, *clause[0])
            if said is None and tuple(t.norm for t in a.tokens[clause[0][0]:clause[0][0] + 2]) in _PAST_VERDICT:
                # "Nothing happened today. It was perfect.": the writer's glad judgement of
                # the day is asked after ("What made it perfect?"), not what "It was perfect"
                # brings up. Only a glad one, looking back: "What made it awful?" over a
                # hospice visit presses; "That's true" and "This is a disaster" are no verdicts
                # on a moment (read in full, asked what made them so, they were worse).
                said = echo(a.text, a.tokens, *clause[0])
                said = said if said is not None and said.verdict and _glad(said.text) else None
        ask = _echo_question(fr, r, said, pick) if said is not None else \
            _say(pick.choice(_clause_frames(_clause_asks(fr, r), clause[1])), f=clause[1])
    elif r.image is not None and "ask_image" in fr and (
            image := _exact_quote(a.text, a.tokens, r.image.first, r.image.last)):
        ask = pick.choice(fr["ask_image"]).format(i=image)
    elif "ask_echo" in fr and (near := _echo_near(a, r)) is not None and (near.verdict or not happened(near)):
        ask = _echo_question(fr, r, near, pick)
    elif _laughs(a, data, r) and "ask_light" in fr and not r.feelings:
        ask = pick.choice(fr["ask_light"])  # a joke is answered lightly, not with a far echo
    elif "ask_echo" in fr and (far := _echo_strongest(a, r)) is not None:
        ask = _echo_question(fr, r, far, pick)
    elif "ask_about" in fr and (thing := _pointed_thing(a, r, data)) is not None:
        # "The smell is what got me", "That photo undid me more than the job did": the thing
        # the writer says undid them is what is asked after ("What was it about that
        # photo?"), where the line is too short to ask after its last words again.
        ask = pick.choice(fr["ask_about"]).format(t=thing)
    elif "ask_clause" in fr and not _laughs(a, data, r) and (
            clause := _last_clause(a, r, data, LONG_CLAUSE_WORDS)):
        # A longer last clause, where no short one, likeness or clause said back was found:
        # still the person's own words, where the questions below fit any entry (read
        # blind, "What feels most true in it for you now?" was graded 2.1 of 5 on average).
        ask = _say(pick.choice(_clause_frames(_clause_asks(fr, r), clause[1])), f=clause[1])
    elif r.phrase and _someone(r.phrase, data):
        # Only a person of theirs ("your sister", "Sam"): read blind, a question about a
        # thing named ("What comes up around your dressing gown, right now?") was graded
        # below the open questions (2.4 against 3.0), a minor noun taken for the heart.
        # The tone of the question follows a feeling the person named; an entry whose
        # feeling is not named gets an open one (no "remember" for a divorce).
        tone = r.valence if r.feelings else "neutral"
        ask = pick.choice(fr["ask_phrase"][tone]).format(p=r.phrase)
    elif feeling2 and len(r.feelings) == 2 and not r.turned_from and "ask_both" in fr:
        # Two feelings named ("This holds tenderness and fear at once"): the question keeps
        # both; one about the first alone was read blind as dropping the other (graded 3).
        ask = pick.choice(fr["ask_both"])
    elif feeling and not r.turned_from:  # (the turn is the question, not what it turned from)
        glad = r.valence == "positive" and not feeling2 and "ask_feeling_glad" in fr
        ask = pick.choice(fr["ask_feeling_glad" if glad else "ask_feeling"]).format(feeling=feeling)
    elif _laughs(a, data, r) and "ask_light" in fr:
        ask = pick.choice(fr["ask_light"])  # a joke is answered lightly
    elif r.feelings and r.valence in ("positive", "negative") and "ask_generic_by_tone" in fr \
            and not r.turned_from:  # (the tone of what the centre turns from is not its own)
        # (only with a feeling named: a tone guessed from loose words may be irony)
        ask = pick.choice(fr["ask_generic_by_tone"][r.valence])  # tone-matched, at least
    elif "ask_generic_now" in fr and not _an_event(a, r):
        ask = pick.choice(fr["ask_generic_now"])  # no "just then" of a line where nothing happens
    else:
        ask = pick.choice(fr["ask_generic"])
    sentences.append(ask)
    # A quotation that ends on its own ? or ! needs no full stop after it.
    return " ".join(sentences).replace("?\u201d.", "?\u201d").replace("!\u201d.", "!\u201d")


def _centre_beside_request(r: Reading) -> bool:
    """Whether the entry's centre is a line apart from the advice asked for: not the request
    itself, nor a question of its own, nor irony."""
    if r.centre is None or r.request is None or r.asking or r.sarcasm:
        return False
    return r.centre.last <= r.request.first or r.request.last <= r.centre.first


def _retort_is_the_point(a: Analysis, r: Reading, name: str) -> bool:
    """Whether an answer to someone absent is what the question should take up: in a short
    entry, whose punchline it is; said to someone the entry is about ("Kringverjaardag bij
    tante Ria … Ja tante, …"); or inside the moment quoted. Asked of a long entry's passing
    stranger ("No uncle, I work in a glass box", to a driver), "And what did you actually
    say to uncle?" was read blind as a non sequitur."""
    said = name.lower()
    if len(r.moments) <= _RETORT_LINES or len({t.sent for t in a.tokens if t.norm == said}) > 1:
        return True
    return r.centre is not None and said in {t.norm for t in a.tokens[r.centre.first:r.centre.last]}


def _words_of_text(text: str) -> list[str]:
    """The words of a text, lowercased, its punctuation and quotation marks aside."""
    return re.findall(r"\w+", text.lower())


def _plain(fr: dict, a: Analysis, quote: str) -> list[str]:
    """The plain openings that fit the quote: when it is the whole entry, not the ones
    that call it a line of it (`plain_part`: "One line from it: 'Walked the dog in the
    rain'" of an entry that says nothing else)."""
    # (compared word for word: the quote gives the person's inner quotation marks as its own,
    # "‘lol same’" for '"lol same"', and drops Markdown's marks)
    whole = _words_of_text(quote) == _words_of_text(a.text)
    part = set(fr.get("plain_part") or ())
    return [f for f in fr["plain"] if not (whole and f in part)] or fr["plain"]


#: A "both at once" said in a line of its own: at most this many words.
_BOTH_WORDS = 8
#: Each of its two sides, quoted: at least and at most this many words.
_SIDE_WORDS = (3, 32)


def _both_sides(a: Analysis, r: Reading, data: dict) -> tuple[str, str] | None:
    """(the two lines before, quoted) when a short line of the entry says both at once
    ("Allebei tegelijk.", "Both at once, honestly."; the language's `both_at_once`): the
    person has just said each of the two, one line each."""
    phrases = [tuple(str(p).lower().split()) for p in data.get("both_at_once") or ()]
    if not phrases:
        return None
    norms = [t.norm for t in a.tokens]
    moments = r.moments
    for k, m in enumerate(moments):
        said = norms[m.first : m.last]
        if m.last - m.first > _BOTH_WORDS or not any(
                any(tuple(said[j : j + len(p)]) == p for j in range(len(said) - len(p) + 1))
                for p in phrases):
            continue
        if inside_quotation(a.text, a.tokens[m.first].start):
            return None
        after = moments[k + 1] if k + 1 < len(moments) else None
        halves = _either_side(norms, after) if after is not None and "\n" not in a.text[
            a.tokens[m.last - 1].end : a.tokens[after.first].start] else None
        if halves is not None:
            # "I think both things are true. I'm lucky to be here and I miss home so much my
            # teeth hurt sometimes.": the two sides come after, in one line, either side of its
            # "and".
            first = _exact_quote(a.text, a.tokens, halves[0].first, halves[0].last)
            second = _exact_quote(a.text, a.tokens, halves[1].first, halves[1].last)
            return (first, second) if first and second else None
        if k < 2:
            return None
        sides = moments[k - 2], moments[k - 1]
        if (split := also_split(str(a.language), a.tokens, moments[k - 1])) is not None:
            sides = split  # ("I'm proud of you. I'm also a bit cross with you …": one moment, both sides)
        if any(not _SIDE_WORDS[0] <= side.last - side.first <= _SIDE_WORDS[1] for side in sides):
            return None
        said = tuple(norms[sides[1].first : sides[1].last])
        joint = next((j for j in range(len(said) - 1) if said[j : j + 2] in _AND_ALSO), None)
        if joint is not None:
            # "Three bedrooms, a lemon tree … I said 'it's gorgeous!!' and meant it and also
            # wanted to scream a bit. Both things are true.": the one line holds both sides,
            # either side of its "and also", and the house before it is no side of it.
            sides = (Moment(sides[1].first, sides[1].first + joint, 0.0),
                     Moment(sides[1].first + joint + 2, sides[1].last, 0.0))
        first = _exact_quote(a.text, a.tokens, sides[0].first, sides[0].last)
        second = _exact_quote(a.text, a.tokens, sides[1].first, sides[1].last)
        return (first, second) if first and second else None
    return None


def _either_side(norms: Sequence[str], line: Moment) -> tuple[Moment, Moment] | None:
    """The line's two halves either side of its first "and" or "but" (in the languages with
    frames), each of at least three words; None when it has no such joint."""
    for j in range(line.first + _SIDE_WORDS[0], line.last - _SIDE_WORDS[0]):
        if norms[j] in _JOINING:
            return Moment(line.first, j, 0.0), Moment(j + 1, line.last, 0.0)
    return None


#: "And", "but" in the languages with frames: where a line holding two sides joins them.
_JOINING = frozenset({"and", "but", "y", "pero", "et", "mais", "und", "aber", "e", "ma", "mas",
                      "en", "maar", "a", "ale", "i"})
#: "And also", "but also", "y también", "ale też": a line that holds both sides itself.
_AND_ALSO = frozenset((join, also) for join in _JOINING for also in ALSO)

#: A turning centre and its set-up are quoted together up to this many words.
_SET_UP_WORDS = 45


def _with_set_up(a: Analysis, r: Reading) -> tuple[int, int]:
    """The token range to quote for the centre: the centre, and the sentence before it when
    the centre turns against it ("I've worked Saturdays for three years and I still mostly
    resent it. But I'd never have met Dolores otherwise") or is a few words that land on it
    ("Expliquei-lhe tudo outra vez, devagar. Ela entendeu"). The two are one moment, and
    quoting both keeps both sides in the person's words, where a question about the line
    left out would read as stitched on."""
    assert r.centre is not None
    span = _set_up_line(a, r)
    return (0, r.centre.last) if span[0] > 0 and _opening_set_up(a, r) else span


def _set_up_line(a: Analysis, r: Reading) -> tuple[int, int]:
    """`_with_set_up` but for a short entry's opening line: the centre, with the line before
    it when the centre turns against it or lands on it (the clause asked after is found in
    this range: the opening line quoted before the centre is not asked after with it)."""
    assert r.centre is not None
    first, last = r.centre.first, r.centre.last
    toks = a.tokens
    if len(toks) <= _FEW_WORDS and toks[-1].sent - toks[0].sent < 3 and "\n" not in a.text.strip() \
            and not r.asking:
        # "Tired. Not the sleepy kind.", "Müde. Aber der Kuchen war gut.": a few words are one
        # moment; "most of all in 'Tired'" gave back the word and dropped what it was said with.
        return 0, len(toks)
    starts_sentence = first == 0 or toks[first - 1].sent != toks[first].sent
    short = toks[first].sent == toks[last - 1].sent and last - first <= _SHORT_CENTRE_WORDS
    turn = opens_a_turn(str(a.language), toks[first].norm)
    if not starts_sentence or not (short or turn):
        return first, last
    before = [m for m in r.moments if m.last <= first]
    if not before:
        return first, last
    prev = before[-1]
    gap = a.text[toks[prev.last - 1].end : toks[first].start]
    # A short line may stand on a line of its own under the sentence it lands on ("El mate
    # se enfrió en la mano.\nMañana otra vez."); a blank line, or a list item, is a new moment.
    line_start = a.text.rfind("\n", 0, toks[first].start) + 1
    own_line = short and gap.count("\n") == 1 and gap.lstrip()[:1] in (".", "!", "?") and \
        not LIST_ITEM.match(a.text[line_start : toks[first].end])
    # (a set-up of two words is enough for a turn, "Sigo enfadada. Pero me comí dos trozos";
    # a short line lands on a sentence, not on "Denk ik." or "4:31.")
    # ("Not the milk. The kettle. But his fever broke": a thing named in two words is the
    # end of a joke before it, not what the turn answers; read blind, quoted with it the
    # line "awkwardly starts at 'The kettle.'")
    named = prev.last - prev.first == 2 and is_determiner(str(a.language), toks[prev.first].norm)
    if ("\n" in gap and not own_line) or prev.last - prev.first < (2 if turn else 3) or named \
            or last - prev.first > _SET_UP_WORDS \
            or prev.last != first or (
                short and prev.last - prev.first > _SHORT_SET_UP_WORDS) \
            or ("\n" in gap and not _a_whole_line_before(a, prev)):
        return first, last
    return prev.first, last


def _a_whole_line_before(a: Analysis, prev: Moment) -> bool:
    """Whether the sentence above a short line of its own is one the line can land on: a
    sentence of prose on one line, from its start ("My knees hate it.\nI'd sit there all
    day."), not a list item ("- lunch: bad. new café sandwich is mostly lettuce"), an aside
    in brackets, a heading run into its line, or the tail of "no. 12"."""
    toks = a.tokens
    start, end = toks[prev.first].start, toks[prev.last - 1].end
    line_start = a.text.rfind("\n", 0, start) + 1
    if "\n" in a.text[start:end] or LIST_ITEM.match(a.text[line_start:end]) or a.text[start - 1 : start] == "(":
        return False
    before = a.text[line_start:start].rstrip()
    if not before:
        return True
    word = before.split()[-1].strip(".!?").lower()
    return before[-1] in ".!?\u00bb\u201d\"" and word not in _ABBREVIATIONS


#: Words a full stop only shortens ("no. 12", "Dr. Alvarez"): no sentence ends on them.
_ABBREVIATIONS = frozenset({"no", "nr", "dr", "mr", "mrs", "ms", "st", "sr", "jr", "vs", "etc", "approx",
                            "sra", "dra", "bzw", "usw", "ca", "pp", "prof"})


def _opening_set_up(a: Analysis, r: Reading) -> bool:
    """Whether a short entry's opening line of a few words is quoted with the centre after
    it: "Sold the piano. The men said it was the heaviest upright they'd moved all year, as
    if that was my fault." is said of the piano (read blind, quoted without it the reply
    "skips the loss", graded 2; in pairs, with it preferred 45 to 5)."""
    assert r.centre is not None
    toks, first = a.tokens, r.centre.first
    return 0 < first <= _OPENING_WORDS and toks[first - 1].sent != toks[first].sent \
        and toks[first - 1].sent == toks[0].sent == toks[first].sent - 1 \
        and len(toks) <= _SHORT_ENTRY_WORDS and not r.asking \
        and "\n" not in a.text[toks[0].start : toks[first].start]


def _to_the_end(a: Analysis, r: Reading, first: int, last: int) -> tuple[int, int]:
    """The quote of a short entry, taken on to its last line when that line is a few words
    of the same breath, no plan and no leave-taking, and the whole fits in one quote. A short
    entry is told to its last line: "Dentist 9:40 tomorrow. Have been dreading it since
    March. It's a check-up.", "Told Dev his drawing of me was 'very modern'. He said, 'It's a
    horse, Dad.'" Quoted without it, the dread reads as meant and the joke as missed (read
    blind, both graded 2), and "Found one of Gran's hair grips … Sat there with it in my palm
    for ages." loses "Put it back where it was". The question still asks after the centre."""
    toks = a.tokens
    end = len(toks)
    while end > last and toks[end - 1].start > 0 and a.text[toks[end - 1].start - 1] == "#":
        end -= 1  # (a closing tag is how it was filed, not a line of it)
    tail = [t.norm for t in toks[last:end]]
    # (the opening words quoted before the centre are not counted: the quote then holds the
    # whole entry, at most `_SHORT_ENTRY_WORDS`)
    counted_from = r.centre.first if r.centre is not None and _opening_set_up(a, r) else first
    if not tail or r.asking or end > _SHORT_ENTRY_WORDS or end - counted_from > _TO_THE_END_WORDS \
            or len(tail) > _TAIL_WORDS or "\n" in a.text[toks[last - 1].end : toks[end - 1].start]:
        return first, last
    language = str(a.language)
    last_line = [t.norm for t in toks[last:end] if t.sent == toks[end - 1].sent]
    if makes_a_plan(language, tail) or leaves(language, last_line) or tags_the_line(language, last_line):
        return first, last
    if r.centre is not None and said_twice(a.text, toks, r.centre):
        return first, last  # ("I'm fine. I'm fine. Crisps from the machine.": it ends where it is said again)
    return first, end


#: A short entry (at most this many words) is quoted to its end when the quote holds at most
#: this many, and the lines after the centre at most this many.
_SHORT_ENTRY_WORDS, _TO_THE_END_WORDS, _TAIL_WORDS = 32, 26, 8


#: A short entry's opening line of at most this many words is quoted with the line after it.
_OPENING_WORDS = 5

#: An entry of at most this many words, in three sentences at most, is quoted whole.
_FEW_WORDS = 8

#: A centre this short ("Ela entendeu.", "Ich habe ihre alte Nummer trotzdem noch einmal
#: angerufen.", at most the words a clause asked after may have) is quoted with the line
#: before it, when that line is no longer than this: the short line lands on it, and the
#: question can then ask after the short line by itself.
_SHORT_CENTRE_WORDS, _SHORT_SET_UP_WORDS = 9, 24


#: A log's lines are short: at most this many words each, on average; most of them carry a
#: time or a number, or half of them when the lines are terse.
_LOG_LINE_WORDS = 10
_LOG_LINE_WORDS_LINES = 14  # (a log written line by line may hold a few sentences a line)
_LOG_TIMED = 0.6
_TERSE_WORDS = 6
#: ... and a log half of whose lines are timed has at least this many ("Aos 52 anos. Às 23h."
#: in a four-line complaint is not a record).
_TERSE_UNITS = 5
#: A log's closing line in the person's voice: at least this many words, and at most one
#: figure for every this many words ("O 3 złapał mnie za palec").
_CODA_WORDS, _CODA_FIGURES = 4, 8


def _log_units(a: Analysis, r: Reading) -> tuple[list[tuple[int, int]], int]:
    """(the token ranges a log would be kept in, the most words such a unit may average):
    its lines when it is written line by line (a night shift, a gym session: "02:05 bed 12
    breathing changed. called Dr Hale."), else its sentences ("Up 6:15. Ran 5k, 29:48.
    Porridge."). A one-word heading ("Monday.") is not a unit of it."""
    lines: list[tuple[int, int]] = []
    starts = [t.start for t in a.tokens]
    at = 0
    for line in a.text.split("\n"):
        first, last = bisect_left(starts, at), bisect_left(starts, at + len(line))
        if last - first >= 2:
            lines.append((first, last))
        at += len(line) + 1
    if len(lines) >= 4:
        return lines, _LOG_LINE_WORDS_LINES
    return [(m.first, m.last) for m in r.moments if m.last - m.first >= 2], _LOG_LINE_WORDS


def _unit_text(a: Analysis, first: int, last: int) -> str:
    """The text of tokens [first, last), without the number of a numbered list's item ("1.
    The heron was back" is not a line with a number in it)."""
    start = a.tokens[first].start
    line_start = a.text.rfind("\n", 0, start) + 1
    said = a.text[start : a.tokens[last - 1].end]
    if not a.text[line_start:start].strip():
        said = LIST_ITEM.sub("", said, count=1)
    return said


def _log_ends(a: Analysis, r: Reading) -> tuple[str, str] | None:
    """(its first timed line, its last line), quoted, when the entry is a log: four lines
    or more, short, most of them with a time or a number, hardly any with the writer in
    them ("Up 6:40", "Di, 7:10 Uhr, 8,2 km", "Puls im Schnitt 152"), and no feeling named.
    A log that ends in the person's own voice gives ("", its closing lines) instead, and one
    with a line far longer than the rest (that line, "")."""
    if r.feelings or r.sarcasm or r.asking or r.request is not None:
        return None
    units, most = _log_units(a, r)
    if len(units) < 4:
        return None
    words = sum(last - first for first, last in units) / len(units)
    if words > most:
        return None
    norms = [t.norm for t in a.tokens]
    language = str(a.language)
    timed = [(first, last) for first, last in units if any(ch.isdigit() for ch in _unit_text(a, first, last))]
    # (half the lines timed make a log only when the lines are terse: "Wind von West, leichter
    # Nieselregen"; a delayed train told in sentences, with its times, is a day told)
    if len(timed) < _LOG_TIMED * len(units) and not (len(timed) * 2 >= len(units) and words <= _TERSE_WORDS
                                                      and len(units) >= _TERSE_UNITS):
        return None
    if sum(says_i(language, norms[first:last]) for first, last in units) * 5 > len(units):
        return None
    (start, end), (last_first, last_end) = timed[0], units[-1]
    if last_first <= start:
        return None
    coda = _log_coda(a, units)
    if coda is not None:
        said = _exact_quote(a.text, a.tokens, *coda)
        return ("", said) if said else None
    longest = _log_longest(units)
    if longest is not None:
        said = _exact_quote(a.text, a.tokens, *longest)
        return (said, "") if said else None
    while start + 1 < end and "\n" in a.text[a.tokens[start].end : a.tokens[start + 1].start]:
        start += 1  # (a heading on the line above, "Laufprotokoll", is not quoted)
    opening = _exact_quote(a.text, a.tokens, start, end)
    closing = _exact_quote(a.text, a.tokens, last_first, last_end)
    return (opening, closing) if opening and closing else None


def _terse_day(a: Analysis, r: Reading, data: dict) -> tuple[str, dict[str, str]] | None:
    """(its kind, the quotes its frames take) when the entry is a day kept in a few words a
    line ("Gym. Laundry. Rang Dad. Pasta. Bed 11."): at least `_TERSE_DAY_LINES` sentences or
    listed items of at most `_TERSE_DAY_WORDS` words on average, hardly any with the writer
    in them, no feeling named, and a last item that is an item of the record, not the
    person's word on it ("… Nothing to report, which is fine", "… Manchmal reicht das":
    that word is asked after, on the prose path). The kind is "someone" when one item has a
    person in it ({p}: that item), else "day" ({a}, {b}: its first and last items)."""
    if r.feelings or r.sarcasm or r.asking or r.request is not None or "!" in a.text \
            or any(q in a.text for q in "\"\u201c\u201d\u201e\u00ab\u00bb"):
        return None  # (someone's words, or a shout, make it a story, not a record)
    if any(said_twice(a.text, a.tokens, m) for m in r.moments):
        return None  # "Nobody called today. That's fine. It's fine.": a line insisted on is no record
    if _laughs(a, data, r):
        return None  # "… No flood. Am now unbearable.": a day told for the joke, answered lightly
    if any(a.tokens[first].norm in _FIRSTS for first, _ in _listed_units(a, r)):
        return None  # "Primer día sin fumar. Muerdo bolígrafos.": a first is news, not a plain day
    units = _listed_units(a, r)
    if len(units) < _TERSE_DAY_LINES or sum(b - a_ for a_, b in units) > _TERSE_DAY_WORDS * len(units):
        return None
    language = str(a.language)
    norms = [t.norm for t in a.tokens]
    if sum(says_i(language, norms[first:last]) for first, last in units) * 5 > len(units):
        return None
    grammar = frozenset(str(w).lower() for w in data.get("stopwords") or ())  # ("no fillings" is good news)
    if _one_thread(norms, [t.sent for t in a.tokens], units, grammar):
        return None  # "Dog ate a sock. Vet says wait. Waiting.": one thing told in short lines
    if a.english and all(LIST_ITEM.match(line_at(a.text, a.tokens[m.first].start)) for m in r.moments) \
            and not any(_done(a, m) for m in r.moments):
        return None  # "- ring council re: bins / - tell Tom about the thing": things to do, not a
        #              day kept ("How was that, in the middle of it all?" of what has not happened)
    vader = valences() if a.english else {}
    if any(vader.get(norms[k], 0.0) <= -_TERSE_JUDGED and norms[k] not in grammar
           for u in units for k in range(*u)) or (not vader and judged_badly(
               language, a.text, a.tokens, units[0][0], units[-1][1])):
        return None  # "Bad, tiring day. Work, shops, bed.", "… Couldn't sleep.": a day judged,
        #              not only kept (what would you keep of it, asked after a hard one, jars)
    opening = _exact_quote(a.text, a.tokens, *units[0])
    if opening is None:
        return None
    first, last = units[-1]
    closing = _exact_quote(a.text, a.tokens, first, last)
    if closing is None:
        return None
    if _a_verdict(a, first, last, data, grammar):
        # "… Nothing to report, which is fine", "… Toch een goeie dag.": the person's own word
        # on the day is asked after as theirs, on the prose path (read blind, a frame saying
        # "it ends on your word for it" read as filler, and "What was it like, a day like
        # that?" flat, beside asking after the word itself)
        return None
    if last - first == 1 and a.tokens[first].norm in grammar:
        return None  # "… Didn't go to gym. Again.": a word on the line before, asked after as such
    someone = [_whole_sentence(a, r, u) for u in units if _someone_in(a, *u, data)]
    if len(someone) == 1 and (said := _exact_quote(a.text, a.tokens, *someone[0])):
        return "someone", {"p": said, "a": opening, "b": closing}
    return "day", {"a": opening, "b": closing}


def _one_thread(norms: Sequence[str], toks_sent: Sequence[int], units: Sequence[tuple[int, int]],
                grammar: frozenset[str]) -> bool:
    """Whether short lines tell one thing, not a day: a word of substance comes back in a
    later line ("Dog ate a sock. Vet says wait. Waiting.", "Fenster auf. Nachbar mäht. Egal,
    Fenster bleibt auf."). Told as the items of a day ("In among the rest of the day: 'Dog
    ate a sock'"), read blind, it was graded 2: there was no rest of the day, only the wait."""
    seen: set[str] = set()
    sentence: set[str] = set()  # (items of one sentence may repeat: "Fietsen naar werk, fietsen terug")
    for n, (first, last) in enumerate(units):
        stems = {w[:_THREAD_STEM] for w in norms[first:last]
                 if len(w) >= _THREAD_STEM and w.isalpha() and w not in grammar}
        if n and toks_sent[first] != toks_sent[units[n - 1][0]]:
            seen |= sentence
            sentence = set()
        if stems & seen:
            return True
        sentence |= stems
    return False


#: The letters of a word that stand for its forms where short lines are matched ("wait",
#: "waiting"; "Fenster", "Fenster").
_THREAD_STEM = 4


def _listed_units(a: Analysis, r: Reading) -> list[tuple[int, int]]:
    """The items of an entry kept a few words a line: each sentence, or its listed parts."""
    return [part for m in r.moments for part in _listed(a, m.first, m.last)]


#: "First" in the engine's languages: an item that opens on it is a milestone.
_FIRSTS = frozenset({"first", "primer", "primera", "premier", "première", "premiere", "erster",
                     "erste", "ersten", "erstes", "primo", "prima", "primeiro", "primeira",
                     "pierwszy", "pierwsza", "pierwsze", "eerste"})


def _whole_sentence(a: Analysis, r: Reading, unit: tuple[int, int]) -> tuple[int, int]:
    """An item with its sentence, when the sentence is short: "Called Mum, no answer" is one
    thing that happened; "Called Mum" alone, asked after, reads as a call that went well."""
    for m in r.moments:
        if m.first <= unit[0] and unit[1] <= m.last and m.last - m.first <= _ITEM_WORDS + 2:
            return m.first, m.last
    return unit


def _a_verdict(a: Analysis, first: int, last: int, data: dict, grammar: frozenset[str]) -> bool:
    """Whether an item is the writer's word on the day, not an item of it: said of it ("Soms
    is dat genoeg", "which is fine", "Fine."), every word of it a word of the language's
    grammar or of the sentiment lexicon, or the writer in it ("I didn't mind")."""
    norms = [t.norm for t in a.tokens[first:last]]
    language = str(a.language)
    pointing = {str(w).lower() for w in data.get("back_words") or ()}
    vader = valences() if a.english else {}
    if says_i(language, norms) or any(w in pointing for w in norms):
        return True
    enough = [tuple(t.norm for t in tokenize(str(w))) for w in data.get("enough_words") or ()]
    if any(len(norms) <= len(e) + 1 and tuple(norms[-len(e):]) == e for e in enough if e):
        return True  # "… Enough.", "… Genoeg.", "… Va bene così."
    verdicts = {str(w).lower() for w in data.get("verdicts") or ()}
    softeners = {str(w).lower() for w in data.get("verdict_softeners") or ()}
    if any(w in verdicts for w in norms) and all(w in verdicts or w in softeners or w in grammar
                                                 for w in norms):
        return True  # "… Eigentlich ganz gut.", "… Pas mal.", "… Valeu."
    return any(w in vader for w in norms) and all(w in grammar or w in vader for w in norms)


def _someone_in(a: Analysis, first: int, last: int, data: dict) -> bool:
    """Whether an item of a day kept short has a person in it: a word the language keeps for
    people, written with a capital as a name is ("Called Nan", "Oma angerufen"), or a name
    ("Liam rang from Toronto", "lunch with Priya"), never a place or a shop ("bij de Appie",
    "Swam at Piha": a short word before it places it)."""
    people = {str(w).lower() for w in data.get("people") or ()}
    toks = a.tokens
    for k in range(first, last):
        t = toks[k]
        if not t.text[:1].isupper() or t.text.isupper() or len(t.text) < 2:
            continue
        if t.norm in people:
            return True
        if str(a.language) == "de" or k + 1 < last and toks[k + 1].text[:1].isupper():
            continue  # (German capitalises every noun; "Stephen's Green" is a place)
        if k > first and len(toks[k - 1].text) > 3 and toks[k - 1].text.islower():
            return True  # "with Priya", "Called Nan"
        if k == first and k + 1 < last and toks[k + 1].norm in _AFTER_SOMEONE:
            return True  # "Liam rang", "Sam came round"
    return False


#: Verbs after a name that make it someone's: "Liam rang", "Sam came round".
_AFTER_SOMEONE = frozenset({"rang", "called", "phoned", "texted", "came", "visited", "said",
                            "stopped", "dropped", "popped", "was", "is", "sent", "brought",
                            "ha", "hat", "heeft", "a", "ist", "llamó", "vino", "appelé",
                            "chiamato", "ligou", "veio", "dzwoniła", "dzwonił", "belde"})


def _listed(a: Analysis, first: int, last: int) -> list[tuple[int, int]]:
    """A sentence's comma-separated items when it lists things done ("Boodschappen, was,
    Jip uitgelaten in de regen."): each at most `_ITEM_WORDS` words; else the sentence."""
    cuts = [k for k in range(first + 1, last) if "," in a.text[a.tokens[k - 1].end : a.tokens[k].start]]
    parts = list(zip([first, *cuts], [*cuts, last]))
    if len(parts) < 2 or any(hi - lo > _ITEM_WORDS for lo, hi in parts) \
            or (len(parts) == 2 and parts[1][1] - parts[1][0] == 1):
        return [(first, last)]  # ("Leafs lost, obviously": an aside, not a second item)
    return parts


#: A day kept short: at least this many lines or listed items, of at most this many words
#: on average; an item of a listing sentence has at most `_ITEM_WORDS`.
_TERSE_DAY_LINES, _TERSE_DAY_WORDS, _ITEM_WORDS = 3, 3, 6
#: A word of the sentiment lexicon this negative in an item before the last judges the day
#: ("Clean sheets" is an item of a good one).
_TERSE_JUDGED = 1.0


def _log_longest(units: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The token range of a log's one line that runs far longer than the others ("03:50
    fox in the parking lot. sat under the lamp looking at me through the glass for a full
    minute …" among "01:15 nothing"): where the person stopped to write, the record's heart."""
    sizes = sorted(last - first for first, last in units)
    median = sizes[len(sizes) // 2]
    first, last = max(units, key=lambda u: u[1] - u[0])
    runner_up = sizes[-2] if len(sizes) > 1 else 0
    if last - first < _LONG_LINE_WORDS or last - first < _LONG_LINE_TIMES * max(median, runner_up * 0.75):
        return None
    return first, last


#: A log's longest line is its heart when it has this many words and this many times the
#: median line's (and clearly more than the next longest).
_LONG_LINE_WORDS, _LONG_LINE_TIMES = 12, 2.0


def _log_coda(a: Analysis, units: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The token range of a log's last lines when they leave the figures behind and speak
    ("Longest since the surgery. Didn't stop once. Sat on the wall at the end for a bit.",
    "Kreuz tut weh. Aber der Handlauf, Mann."): where a record ends in the person's own
    voice, that is its heart, and quoting its first and last figures misses it."""
    def voiced(first: int, last: int) -> bool:
        start = a.tokens[first].start
        if LIST_ITEM.match(a.text[a.text.rfind("\n", 0, start) + 1 :]):
            return False  # an item of the record's list is the record
        words = [t for t in a.tokens[first:last] if any(ch.isalpha() for ch in t.text)]
        figures = sum(any(ch.isdigit() for ch in t.text) for t in a.tokens[first:last])
        return len(words) >= _CODA_WORDS and figures * _CODA_FIGURES <= len(words)
    k = len(units)
    while k > 0 and voiced(*units[k - 1]):
        k -= 1
    if k == len(units) or k < len(units) // 2:
        return None  # no voice at the end, or more voice than record: not a log's coda
    if all(makes_a_plan(str(a.language), [t.norm for t in a.tokens[first : min(last, first + 2)]])
           for first, last in units[k:]):
        return None  # "Next week: dentist, finish self-review": the next list, not a voice
    if "\n" in a.text[a.tokens[units[k][0]].start : a.tokens[units[-1][0]].start]:
        # A log kept line by line: the last line is the voice quoted ("a last line in your
        # own voice"); lines run together in one quote read as one garbled line.
        return units[-1][0], units[-1][1]
    return units[k][0], units[-1][1]


#: Words of story after the writer's state, in a quote, for the question to ask after the
#: state rather than the story.
_STORY_AFTER_STATE = 4


def _last_clause(a: Analysis, r: Reading, data: dict, longest: int | None = None
                 ) -> tuple[tuple[int, int], str] | None:
    """The quoted centre's last clause (its token range, and quoted), when it can be asked
    about by itself (`reading.last_clause`; `longest`: its most words)."""
    if r.centre is None:
        return None
    language = str(data.get("language", a.language))
    # (an entry's opening words quoted before the centre are not asked after with it: the
    # question says back the centre's last clause, never the whole line again)
    span = _set_up_line(a, r)
    # (the writer's own few words of how they are, when the quote holds them, are asked after
    # before a line of the story beside them)
    state = says_how_it_is(language, a.text, a.tokens, *span)
    found = None
    turns = {str(w).lower() for w in data.get("opening_turns") or ()}
    if state is not None and state[0] > 0 and span[1] - state[1] >= _STORY_AFTER_STATE \
            and not (state[1] < len(a.tokens) and a.tokens[state[1]].norm in turns):
        # (unless the line after turns against it: "I'm an engineer. But I looked at
        # flights to nowhere" lands on the But)
        # Only before a line of story ("Mi sento strana. Marco pensava che mi fossi
        # offesa"): a short line after it says the state again ("Je le suis"), and that is
        # the one to ask after. (Read from the word before it, so the full stop that opens
        # it is inside the range.)
        found = last_clause(language, a.text, a.tokens, state[0] - 1, state[1], longest)
    found = found or last_clause(language, a.text, a.tokens, *span, longest)
    if found is not None and (items := _list_items(a, found)) is not None:
        # "Things I want: sleep, a window seat, for Kev to text back, a new knee.": the last
        # of a list is not where the weight is by being last; an item that holds a person
        # is. (Only a list under a label: a run of three in a sentence, "aligned, leveraged
        # and, I think, gently rowed", puts its punch last.)
        found = next((item for item in items if _names_someone(a, *item, data)), found)
    if found is not None and found[0] > span[0] and _points_back(a, language, found):
        # "… my grandmother called just to ask if I'm eating. Honestly that was the best
        # part.": the last line only points at the one before, which is the line asked after.
        found = last_clause(language, a.text, a.tokens, span[0], max(span[0], _line_start(a, found[0])), longest)
        small = {str(w).lower() for w in data.get("stopwords") or ()}
        if found is not None and found[0] > span[0] and (_points_back(a, language, found) or (
                found[1] - found[0] <= 3 and all(a.tokens[k].norm in small for k in range(*found)))):
            # ("… in her little voice. That was all. That was the whole thing.", "That's the
            # thing. That's the whole thing.": a line of small words, or a second pointer,
            # between is part of the pointing, not what is pointed at)
            found = last_clause(language, a.text, a.tokens, span[0], found[0], longest)
        if found is not None and found[1] - found[0] <= _ECHOED_WORDS and (first := next(
                (k for k in range(span[0], found[0]) if a.tokens[k].norm == a.tokens[found[0]].norm), None)) is not None:
            # ("Dad called me Annie. Not Margaret, not "lady". Annie. Held onto that one all
            # the way home.": a word said again alone echoes the line that first said it,
            # which is the one asked after)
            sent = a.tokens[first].sent
            end = next((k for k in range(first, found[0]) if a.tokens[k].sent != sent), found[0])
            begin = next(k for k in range(first, -1, -1) if k == 0 or a.tokens[k - 1].sent != sent)
            found = last_clause(language, a.text, a.tokens, span[0], end, longest) or (
                (begin, end) if begin >= span[0] and _ECHOED_WORDS < end - begin <= (longest or LONG_CLAUSE_WORDS)
                else found)
    if found is None:
        return None
    start, end = a.tokens[found[0]].start, a.tokens[found[1] - 1].end
    if "(" in a.text[a.tokens[found[0] - 1].end : start]:
        return None  # an aside in brackets ("(check break clause??)") is not the line's weight
    if any(m.start < end and start < m.end for m in a.patterns if m.name == "self_judgment"):
        return None  # "What a failure" asked about would say the judgement back as the mirror's
    quoted = _exact_quote(a.text, a.tokens, *found)
    return (found, quoted) if quoted else None


#: A run of items: at least this many, each at most this many words.
_RUN_ITEMS = 3
_RUN_ITEM_WORDS = 6


def _list_items(a: Analysis, clause: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The items of the labelled list a last clause closes ("Things I want: sleep, a window
    seat, for Kev to text back, a new knee"), or None when it closes no such list."""
    toks = a.tokens
    first, last = clause
    if first == 0 or toks[first - 1].sent != toks[first].sent \
            or "," not in a.text[toks[first - 1].end : toks[first].start]:
        return None
    items = [(first, last)]
    end = first
    k = first - 1
    while k >= 0 and toks[k].sent == toks[first].sent:
        gap = a.text[toks[k].end : toks[k + 1].start]
        if ":" in gap:
            items.append((k + 1, end))
            break
        if "," in gap:
            items.append((k + 1, end))
            end = k + 1
        k -= 1
    else:
        return None  # no label before the run
    if len(items) < _RUN_ITEMS or any(hi - lo > _RUN_ITEM_WORDS for lo, hi in items):
        return None
    return items[::-1]


def _names_someone(a: Analysis, first: int, last: int, data: dict) -> bool:
    """Whether tokens [first, last) name a person: a word the language keeps for people
    ("Mum", "my sister"), or a name written with a capital inside the sentence ("for Kev")."""
    people = {str(w).lower() for w in data.get("people") or ()}
    toks = a.tokens
    for k in range(first, last):
        t = toks[k]
        if t.norm in people:
            return True
        if str(a.language) != "de" and t.text[:1].isupper() and not t.text.isupper() \
                and k > 0 and toks[k - 1].sent == t.sent and t.norm not in ("i", "i'm", "i've", "i'd", "i'll"):
            return True
    return False


#: A line pointed at this short, a word said again ("Annie."), is asked after where it was
#: first said.
_ECHOED_WORDS = 2


def _points_back(a: Analysis, language: str, clause: tuple[int, int]) -> bool:
    """Whether the clause is a whole sentence that only points back ("That was the best part")."""
    # (the tail of a line that points back is the pointer too: "Komisch, das aufzuschreiben"
    # asked after as "das aufzuschreiben" asks after the writing, not the line written)
    return points_back(language, [t.norm for t in a.tokens[_line_start(a, clause[0]):clause[1]]])


def _line_start(a: Analysis, i: int) -> int:
    """The first token of token i's sentence (the tokens' own sentence bounds, kept on them)."""
    return as_tokens(a.tokens).sentence_bounds()[a.tokens[i].sent][0]


def _clause_asks(fr: dict, r: Reading) -> list[str]:
    """The clause questions for this moment: with those that look under the words ("What
    sits underneath …?") only where a heavy feeling is named."""
    return [*fr["ask_clause"], *(fr.get("ask_clause_deep") or ())] if r.feelings and r.valence == "negative" \
        else list(fr["ask_clause"])


def _clause_frames(options: list[str], clause: str) -> list[str]:
    """The clause questions that do not say the clause's first word twice: "And that “that
    was fine”" stumbles, "What do you hear in “that was fine”" does not."""
    words = clause.strip("\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\"' \u00a0\u202f").split()
    first = words[0].lower() if words else ""
    kept_ = [o for o in options if not re.search(rf"(?i)(?<!\w){re.escape(first)}\s*\{{f\}}", o)]
    return kept_ or options


def _someone(phrase: str, data: dict) -> bool:
    """Whether a phrase of the entry names a person: one of the language's `people` words
    ("your mum", "his brother"), a name ("Sam", "Dad"), or a thing of someone's that stands
    for them ("her coat", still on the hook by the door)."""
    words = phrase.strip("\u201c\u201d\u00ab\u00bb\u201e\"' ").split()
    if not words:
        return False
    people = {str(w).lower() for w in data.get("people") or ()}
    return (words[-1].lower().strip(".,!?;:") in people or (len(words) == 1 and words[0][:1].isupper())
            or (len(words) > 1 and words[0].lower() in _THEIRS))


#: Possessives of someone else: a thing of theirs kept ("her coat", "sa veste") carries them.
_THEIRS = frozenset({"her", "his", "their", "su", "sus", "son", "sa", "ses", "leur", "leurs",
                     "sein", "seine", "ihr", "ihre", "zijn", "haar", "hun", "jego", "jej",
                     "ich", "suo", "sua", "suoi", "sue", "dele", "dela"})


def _an_event(a: Analysis, r: Reading) -> bool:
    """Whether the quoted line tells something that happened ("I cried a little over the
    shortbread"), which a question may ask after as a moment; "Best Sunday in ages" and
    "Still like him. More, mostly" are a verdict and a state."""
    if r.centre is None:
        return False
    said = echo(a.text, a.tokens, r.centre.first, r.centre.last)
    return said is not None and said.past and not said.verdict


def _protests(a: Analysis, r: Reading, data: dict) -> bool:
    """Whether the centre holds a state the writer says twice, the second time harder ("I am
    calm. I am very calm.", "Estoy bien. Estoy muy bien."): two short lines in a row, the
    centre's and the one before or after it, both the writer's, sharing a word of weight,
    the second with an intensifier."""
    if r.centre is None:
        return False
    at = [k for k, m in enumerate(r.moments) if m.first < r.centre.last <= m.last]
    if not at:
        return False
    k = at[0]
    pairs = [(r.moments[j], r.moments[j + 1]) for j in (k - 1, k) if 0 <= j and j + 1 < len(r.moments)]
    return any(_said_harder(a, one, two, data) for one, two in pairs)


def _said_harder(a: Analysis, one: Moment, two: Moment, data: dict) -> bool:
    """Whether line `two` says a state of line `one` again, harder (see `_protests`)."""
    if one.last != two.first or two.last - two.first > _PROTEST_WORDS:
        return False
    language = str(data.get("language", a.language))
    stop = {str(w).lower() for w in data.get("stopwords") or ()}
    harder = {str(w).lower() for w in data.get("intensifiers") or ()}
    # (the line before, from its last sentence: "'here mum calm down x' I am calm")
    lo = one.last - 1
    while lo > one.first and a.tokens[lo - 1].sent == a.tokens[one.last - 1].sent:
        lo -= 1
    first = [t.norm for t in a.tokens[max(lo, one.last - _PROTEST_WORDS) : one.last]]
    second = [t.norm for t in a.tokens[two.first : two.last]]
    said = {w for w in first if w not in stop and w.isalpha() and len(w) >= _PROTEST_LETTERS}
    return (says_i(language, first) and says_i(language, second) and bool(said & set(second))
            and any(w in harder for w in second) and not any(w in harder for w in first))


#: A protested state: two lines of at most this many words, sharing a word this long.
_PROTEST_WORDS, _PROTEST_LETTERS = 6, 3


def _turned_centre(a: Analysis, r: Reading, fr: dict) -> tuple[str, Echo] | None:
    """(another moment, quoted; the centre said back) when the centre is a verdict on a line
    beside it ("I know she's my sister. That's the whole problem"): the two are one thought,
    so the question can hold the verdict while the opening quotes what it judges. Any other
    clause asked about beside a different quoted line reads as two replies stitched together
    ("'Had to hang on to the edge'. What was it like when you bought yourself a hot
    chocolate?"), which readers took for not having listened."""
    if (r.centre is None or r.asking or r.sarcasm or r.second is not None or r.image is not None
            or "ask_echo" not in fr or len(r.moments) < 2):
        return None
    centre = r.centre
    said = echo(a.text, a.tokens, centre.first, centre.last, _weight)
    if said is None or len(said.text.split()) * 2 <= centre.last - centre.first or not said.verdict:
        return None  # nothing to say back, only a part of it (asked as usual), or no verdict
    at = next((k for k, m in enumerate(r.moments) if m.first <= centre.first < m.last), None)
    # Only a neighbour: the line just before or after is part of the same moment ("ate dinner
    # over the sink again. The house is so quiet"); a line from elsewhere reads as a non sequitur.
    others = [r.moments[k] for k in (at - 1, at + 1) if at is not None and 0 <= k < len(r.moments)
              and (r.moments[k].last <= centre.first or r.moments[k].first >= centre.last)]
    if not others:
        return None
    best = max(others, key=lambda m: (m.score, -m.first))
    # One line further, when it carries far more than the neighbours in the same paragraph
    # ("I set out two cups this morning without thinking" two lines before "I miss him so
    # much", with only "The house is so quiet" between): still the same moment, told.
    para = a.text.count("\n\n", 0, a.tokens[centre.first].start)
    further = [r.moments[k] for k in ((at - 2, at + 2) if at is not None else ()) if 0 <= k < len(r.moments)
               and r.moments[k].score >= max(_STRONG_SCORE, best.score + 1.0)
               and a.text.count("\n\n", 0, a.tokens[r.moments[k].first].start) == para]
    if further:
        best = max(further, key=lambda m: (m.score, -m.first))
    if best.score < _OTHER_SCORE or best.last - best.first < 3:
        return None
    other = _exact_quote(a.text, a.tokens, best.first, best.last)
    same = " ".join(a.text[a.tokens[centre.first].start:a.tokens[centre.last - 1].end].split())
    if not other or same.casefold() in other.casefold():
        return None  # the entry says the same line twice: nothing else to quote
    return other, said


#: Emoji people laugh at themselves with: tears of laughter, rolling, sweat-smile, grinning
#: squint, cat with tears, upside-down face, facepalm, shrug, skull ("I'm dead").
_LAUGHING_EMOJI = "\U0001f602\U0001f923\U0001f605\U0001f606\U0001f639\U0001f643\U0001f926\U0001f937\U0001f480"
#: Laughter written out in any language: "haha", "jajaja", "hehe", "hihi", "kkkk", "rsrs", "xD".
_LAUGHTER = kept(r"a?(?:[hj]a){2,}h?|(?:[hj]e){2,}|(?:hi){2,}|k{3,}|(?:rs){2,}|xd+")


def _laughs(a: Analysis, data: dict, r: Reading) -> bool:
    """Whether the entry laughs at the moment it is answered from ("lol", "haha", "mdr",
    "kkkk", a laughing emoji in the quoted line or the one beside it), in the writer's own
    words, not inside someone's quotation marks. A laugh elsewhere is
    often the brave face of a hurt entry ("…for MY 30th lol" before "deleted it 3 times"),
    and a light question there reads as not having noticed."""
    marks = {str(w).lower() for w in data.get("laughter") or ()}
    if r.centre is None:
        return False
    sents = {a.tokens[r.centre.first].sent, a.tokens[r.centre.last - 1].sent}
    near = {s + d for s in sents for d in (-1, 0, 1)}
    # (a laugh inside someone's quoted words is theirs: 'He replied "haha no worries mate"
    # in about ten seconds, which is somehow worse' is not the writer laughing)
    if any(t.sent in near and (t.norm in marks or _LAUGHTER.fullmatch(t.norm))
           and not inside_quotation(a.text, t.start) for t in a.tokens):
        return True
    lo = min(t.start for t in a.tokens if t.sent in near)
    hi = max(t.end for t in a.tokens if t.sent in near)
    if any(ch in a.text[lo : hi + 4] for ch in _LAUGHING_EMOJI):
        return True
    # A line said in jest about oneself ("Who even am I.", "Am now unbearable.", "10/10 would
    # not recommend"): the writer is grinning at their own story, as plainly as with "lol".
    words = [t.norm for t in a.tokens if t.sent in near and not inside_quotation(a.text, t.start)]
    return any(contains_phrase(words, phrase) for phrase in _as_words(tuple(str(p) for p in data.get("jest") or ())))


#: How a thing the writer points at opens, said back to them ("my dad's voice" → "your dad's
#: voice"), and the most words after its determiner.
_POINTED_BY = {"the": "the", "that": "that", "this": "that", "his": "his", "her": "her",
               "their": "their", "my": "your", "our": "your"}
_POINTED_WORDS = 3
#: Words a thing pointed at never holds: a clause about it begins there ("the thing that …").
_POINTED_NOT = frozenset({"is", "was", "that", "which", "who", "what", "i", "we", "you", "it",
                          "one", "thing", "bit", "part"})


def _pointed_thing(a: Analysis, r: Reading, data: dict) -> str | None:
    """The thing a line of the centre opens on and then says undid the writer or stays with
    them ("The smell is what got me", "That photo undid me more than the job did"): a
    determiner and at most three words, right before one of the language's `pointers` or
    `moved` phrases (after an "is"/"was"), said back in the second person; None otherwise."""
    if r.centre is None:
        return None
    phrases = _as_words(tuple(str(p) for p in (*(data.get("pointers") or ()), *(data.get("moved") or ()))))
    if not phrases:
        return None
    toks = a.tokens
    writer = _words_of(data, "first_person")
    bounds = as_tokens(toks).sentence_bounds()
    for lo, hi in sorted({bounds[toks[k].sent] for k in range(r.centre.first, r.centre.last)}):
        norms = [t.norm for t in toks[lo:hi]]
        if not norms or norms[0] not in _POINTED_BY or lo < r.centre.first:
            continue
        for size in range(2, min(_POINTED_WORDS + 1, len(norms) - 1) + 1):
            if any(c in a.text[toks[k].end:toks[k + 1].start] for k in range(lo, lo + size - 1)
                   for c in ",;:.!?()\"\u201c\u201d"):
                break  # (the thing is said without a break inside it)
            if norms[size - 1] in writer or norms[size - 1] in _POINTED_NOT:
                break  # ("The daft thing I keep coming back to": the line points on, at what follows)
            rest = norms[size:]
            if rest[:1] in (["is"], ["was"]):
                rest = rest[1:]
            if any(tuple(rest[:len(p)]) == p and p[0] not in writer for p in phrases):
                # ("The one I keep thinking about is Leo": a phrase that opens on the writer
                # makes what comes before it the head of a clause that points on)
                return _POINTED_BY[norms[0]] + a.text[toks[lo].end:toks[lo + size - 1].end]
    return None


def _words_of(data: dict, key: str) -> frozenset[str]:
    """A word list of the language's frames file, lowered."""
    return frozenset(str(w).lower() for w in data.get(key) or ())


@cache
def _as_words(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """A phrase list of the language's frames file (`jest`, `pointers`, `moved`) as token
    sequences: tokenised once per process, not at every reply."""
    return tuple(tuple(t.norm for t in tokenize(p)) for p in phrases if p.strip())


def _weight(said: str) -> float:
    """How much feeling a clause carries (VADER intensities): the clause said back should be
    "you still want her to be proud of you", not "you talked about work"."""
    vader = valences()
    return sum(abs(vader.get(w.strip(".,!?'").lower(), 0.0)) for w in said.split())


def _echo_question(fr: dict, r: Reading, said: Echo, pick: _Picker) -> str:
    """The closing question around a clause of theirs, by its tense and the entry's tone."""
    if said.verdict and "ask_verdict" in fr:
        options = fr["ask_verdict"]["past" if said.past else "present"]
        return str(pick.choice(options)).format(e=said.text)
    # The tone follows a feeling the person named; words that only lean one way ("love",
    # "joke", "birthday" in a breakup) leave it open: "what do you want to keep from the
    # moment you did it like adults?" answered a parting as a treasure.
    tone = r.valence if r.feelings and r.valence in ("positive", "negative") else "neutral"
    # (a past state or a thing not done is asked about as written, not as a moment)
    options = fr["ask_echo"]["past"][tone] if happened(said) else fr["ask_echo"]["present"]
    return str(pick.choice(options)).format(e=said.text)


def _other_side(a: Analysis, r: Reading, data: dict) -> bool:
    """Whether the second moment feels something the centre does not: a feeling word of
    another valence than every one in the centre ("fier" beside "humilié"; "ich bin
    traurig" beside "großartig")."""
    if r.second is None or r.centre is None:
        return False
    language = str(data.get("language", a.language))
    second, centre = valences_felt(language, a.text, a.tokens, (r.second.first, r.second.last),
                                   (r.centre.first, r.centre.last))
    return bool(second - centre - {"neutral", "mixed"})


def _echo_near(a: Analysis, r: Reading) -> Echo | None:
    """A clause of the person's to say back in the question, from the centre when the quote
    holds more than that clause, so the question adds to the quote instead of repeating it.
    Never from another line: "'Geoff sounds great'. What was going through you
    when you ate a second stroopwafel?" reads as two replies stitched together."""
    if r.centre is None:
        return None
    centre = r.centre
    last = centre.last
    opens = next((k for k in range(last - 1, centre.first, -1) if a.tokens[k - 1].sent != a.tokens[k].sent), None)
    if opens is not None and stops_writing(str(a.language), [t.norm for t in a.tokens[opens:last]]):
        # ("The vet said 'quality of life' on Tuesday. I'm not writing any more about that
        # tonight.": the line where the writer stops is never the one said back)
        last = opens
    inside = echo(a.text, a.tokens, centre.first, last, _weight)
    if inside is not None and len(inside.text.split()) * 2 <= centre.last - centre.first:
        return inside  # a part of the quote, not the quote again
    return None


#: How far from the quoted moment a line the question says back may be, in sentences: a
#: question about a line from another part of the entry reads as answering something else.
_CLOSE = 2


def _close_to_centre(a: Analysis, r: Reading) -> list[Moment]:
    """The entry's other lines within `_CLOSE` sentences of the centre, in its paragraph."""
    if r.centre is None:
        return []
    centre = r.centre
    at = next((k for k, m in enumerate(r.moments) if m.first <= centre.first < m.last), None)
    if at is None:
        return []
    para = a.text.count("\n\n", 0, a.tokens[centre.first].start)
    return [m for k, m in enumerate(r.moments) if 0 < abs(k - at) <= _CLOSE
            and (m.last <= centre.first or m.first >= centre.last)
            and a.text.count("\n\n", 0, a.tokens[m.first].start) == para]


#: What a clause judging a moment looked back on opens on ("It was perfect").
_PAST_VERDICT = frozenset({("it", "was")})


def _glad(judgement: str) -> bool:
    """Whether a judgement said back is glad: a superlative of good, or words that lean glad."""
    words = [w.strip(".,!?;:'\u2019").lower() for w in judgement.split()]
    lean = valences()
    return not any(w in _NOT_GLAD for w in words) and sum(lean.get(w, 0.0) for w in words) > 0.0


#: Words that make a judgement anything but glad, whatever else leans ("too sweet", "worst").
_NOT_GLAD = frozenset({"too", "worst", "hardest", "saddest", "not", "never", "no"})


def _echo_strongest(a: Analysis, r: Reading) -> Echo | None:
    """A verdict of the person's from the lines close to the centre ("It was not easy
    peasy"), when the centre itself cannot be said back: their own judgement, asked about,
    is specific to this entry where a stock question would fit any. Only a verdict: any
    other clause asked about beside a different quoted line reads as two replies stitched
    together ("'Had to hang on to the edge'. What was it like when you bought yourself a
    hot chocolate?"), which readers took for not having listened."""
    if r.centre is None:
        return None
    others = sorted((m for m in _close_to_centre(a, r) if m.score >= _STRONG_SCORE),
                    key=lambda m: (-m.score, m.first))
    for m in others[:3]:
        found = echo(a.text, a.tokens, m.first, m.last, _weight)
        # (a clause ending on "that" or "it" points at a line that is not quoted here)
        if found is not None and found.verdict \
                and found.text.rsplit(" ", 1)[-1] not in ("that", "it", "this", "them"):
            return found
    return None


_FIRST_PERSON = kept(r"\b(?:I|I'm|I've|I'd|me|my|myself|we|us|our)\b", re.IGNORECASE)


#: A word or two in brackets at an item's end: the writer's aside on it ("(don't)", "(again)").
_BRACKETED_WORD = kept(r"\(\s*\w[\w'’]*(?:\s+\w[\w'’]*){0,2}\s*[.!?]*\)\s*$")


def _errands_only(a: Analysis, r: Reading) -> bool:
    """Whether the entry is a list of things to do: every line a list item or a heading
    ("things to do before thursday:"), and none with the writer in it ("I apologised but I
    still feel it" in a weekly review is a moment, not an errand)."""
    if not r.moments or r.valence == "positive":
        return False  # ("Grata hoje por: …", "good things today": a list of what was good)
    if r.centre is not None and a.tokens[r.centre.first].sent != a.tokens[r.centre.last - 1].sent \
            and "\n" not in a.text[a.tokens[r.centre.first].start : a.tokens[r.centre.last - 1].end]:
        return False  # "- stop checking his Instagram. actually stop": an item said again is no errand
    if r.centre is not None and _BRACKETED_WORD.search(a.text[a.tokens[r.centre.first].start:
                                                              a.tokens[r.centre.last - 1].end + 2]):
        return False  # "- reply to Mum's email about Christmas (don't)": the writer's aside on it
    for m in r.moments:
        said = a.text[a.tokens[m.first].start : a.tokens[m.last - 1].end + 1]
        if _FIRST_PERSON.search(said):
            return False
        if _own_prose(a, m) and not said.rstrip().endswith(":"):
            return False
    return True


def _done(a: Analysis, m: Moment) -> bool:
    """Whether a list line tells something done: ticked ("[x] laundry"), or, in English,
    opening on a verb in the past ("paid council tax", "finally texted Jess back")."""
    line = a.text[a.text.rfind("\n", 0, a.tokens[m.first].start) + 1 : a.tokens[m.first].start]
    if "[x]" in line.lower():
        return True
    words = [t.norm for t in a.tokens[m.first:m.last] if t.norm not in ("finally", "just", "also")]
    return bool(a.english and words and did(words[0]))


def _own_prose(a: Analysis, m: Moment) -> bool:
    """Whether a line is the person's own prose: not a list item ("- Cooked every night"
    under "What went well" is one of many, not a moment) and not someone's words quoted
    ("“I'm not crying, my eyes are just leaking”" is the child's, never "you")."""
    start = a.tokens[m.first].start
    line_start = a.text.rfind("\n", 0, start) + 1
    return not LIST_ITEM.match(a.text[line_start:start + 1]) and not inside_quotation(a.text, start)


#: How each language sets a quotation, where it is not “ ”: French « … », German „…“,
#: Polish „…”, Portugal's Portuguese, Russian, Ukrainian and Arabic «…», Japanese 「…」.
#: (Every frame writes “…”; the marks are set once, on the whole reply. Swedish ”…” opens
#: and closes on one mark, which would hide a quote from the checks: “…” is kept.)
_QUOTE_MARKS: dict[str, tuple[str, str]] = {
    "fr": ("\u00ab ", " \u00bb"), "de": ("\u201e", "\u201c"), "pl": ("\u201e", "\u201d"),
    "pt-PT": ("\u00ab", "\u00bb"), "ru": ("\u00ab", "\u00bb"), "uk": ("\u00ab", "\u00bb"),
    "ja": ("\u300c", "\u300d"), "ar": ("\u00ab", "\u00bb")}


def _in_language_marks(said: str, language: str) -> str:
    """The person quoted in the marks their language is written with (`_QUOTE_MARKS`);
    other languages keep “ ”. A German reader sees English marks as foreign."""
    if language not in _QUOTE_MARKS:
        return said
    opening, closing = _QUOTE_MARKS[language]
    return said.replace("\u201c", "\x00").replace("\u201d", closing).replace("\x00", opening)


def _halves(a: Analysis, r: Reading) -> tuple[str, str] | None:
    """The centre's two halves, each quoted exactly, or None."""
    if r.sides is None:
        return None
    left = _exact_quote(a.text, a.tokens, r.sides[0].first, r.sides[0].last)
    right = _exact_quote(a.text, a.tokens, r.sides[1].first, r.sides[1].last)
    if left is None or right is None:
        return None
    return left, right


def _compose_short(a: Analysis, pick: _Picker) -> str:
    """A few words (or nothing quotable at word boundaries): the words back, and a question."""
    quote = _salient_quote(a, pick)
    if quote is None:  # only giant unbroken "words": nothing quotable
        return " ".join([pick.choice(_OPEN_PLAIN), pick.choice(_ASK)])
    return " ".join([pick.choice(_OPEN_SHORT).format(q=quote), pick.choice(_ASK)])


def _self_judgment_words(a: Analysis) -> str | None:
    """The sharp words the person used of themselves ("I'm so stupid", "my fault"): only
    those said of the writer. "She still laughs at the same stupid stuff" judges no one,
    and "There's a harsh voice in 'stupid'" misread a fond line as self-criticism."""
    starts = [t.start for t in a.tokens]
    norms = [t.norm for t in a.tokens]
    language = str(a.language)
    own = [m for m in a.patterns if m.name == "self_judgment" and not m.parts
           and _said_of_writer(a, starts, norms, language, m.start, m.end)]
    return _evidence_words(own)


def _said_of_writer(a: Analysis, starts: list[int], norms: list[str], language: str,
                    start: int, end: int) -> bool:
    """Whether the writer is in the clause of the words at [start, end): in them ("my
    fault", "hate myself") or in the few words before, in the same sentence ("I'm so")."""
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    if first >= len(a.tokens):
        return False
    sent = a.tokens[first].sent
    lo = first
    while lo > 0 and first - lo < 4 and a.tokens[lo - 1].sent == sent:
        lo -= 1
    return says_i(language, norms[lo:last])


def _compose_marks(text: str, pick: _Picker) -> str:
    """No words at all: emoji, punctuation, or nothing."""
    body = _clean(text)[:40].strip()
    if not body:
        return pick.choice(_WORDLESS)
    return pick.choice(_MARKS_ONLY).format(q=f"\u201c{body}\u201d")


def _compose_localized(a: Analysis, pick: _Picker, register: str) -> str:
    opens, asks, thanks = _LOCALIZED.get(register, _LOCALIZED.get(a.language, _NEUTRAL))
    quote = _salient_quote(a, pick)
    if quote is None:
        return " ".join([thanks, pick.choice(asks)])
    opening = pick.choice(opens).format(t=quote[1:-1])
    # (Chinese and Japanese set no space after a full stop)
    return ("" if opening.endswith("\u3002") else " ").join([opening, pick.choice(asks)])


def compose(text: str, analysis: Analysis | None = None, *, version: str = ENGINE_VERSION,
            memory: str | None = None, avoid: str | None = None, hour: int | None = None) -> str:
    """The offline mirrorback for `text` (pass `analysis` when already computed).

    `memory` is one descriptive sentence about the person's earlier reflections, already in
    the entry's language (written by the service layer, which alone may read the journal);
    it goes just before the closing question. `avoid` is the question the journal's last
    mirrorback closed with: a stock question is never asked twice in a row, so the choice
    is drawn again (a few times) when it would repeat. `hour` is the local hour the
    reflection was written at, when known: by day the frames ask about the day, not "tonight"."""
    a = analyze(text) if analysis is None else analysis
    daytime = hour is not None and _DAY_STARTS <= hour < _EVENING_STARTS
    reply = _compose(text, a, memory, f"{version}\x00{text}", daytime)
    for attempt in range(1, 4):
        if not avoid or not _same_skeleton(_closing_question(reply), _closing_question(avoid)):
            break
        reply = _compose(text, a, memory, f"{version}\x00{text}\x00{attempt}", daytime)
    return reply


#: Local hours that are the day, not the evening or the night, for the frames' words.
_DAY_STARTS, _EVENING_STARTS = 4, 17


@cache
def _daytime_frames(register: str) -> dict[str, Any] | None:
    """The register's frames with their evening words put as the day's ("tonight" →
    "today", "stasera" → "oggi", the file's `daytime` map), in the templates only: the
    person's own words, quoted into them later, are never changed."""
    data = frames(register)
    if data is None or not data.get("daytime"):
        return data
    swaps = sorted(((str(k), str(v)) for k, v in data["daytime"].items()), key=lambda kv: -len(kv[0]))

    def day(value: Any) -> Any:
        if isinstance(value, str):
            for night, light in swaps:
                value = value.replace(night, light)
            return value
        if isinstance(value, list):
            return [day(v) for v in value]
        if isinstance(value, dict):
            return {k: day(v) for k, v in value.items()}
        return value

    return {**data, "frames": day(data.get("frames", {}))}


def _same_skeleton(question: str, before: str) -> bool:
    """Whether two closing questions are the same one, or open the same way ("What comes up
    when you read back that …" twice in a row, about different lines, reads as a form)."""
    if question == before:
        return True
    head = question.casefold().split()[:4]
    return len(head) == 4 and head == before.casefold().split()[:4]


def _closing_question(reply: str) -> str:
    """The last sentence of a mirrorback (its question), for comparison."""
    return re.split(r"(?<=[.!?\u201d])\s+", reply.strip())[-1]


def _compose(text: str, a: Analysis, memory: str | None, key: str, daytime: bool = False) -> str:
    pick = _Picker(key)
    register = _register(text, a) if a.tokens else "en"  # (read once: it scans the text)
    if not a.tokens:
        reply = _compose_marks(text, pick)
    else:
        data = (_daytime_frames if daytime else frames)(register)
        if data is not None and len(a.tokens) > _SHORT_TEXT_WORDS:
            reply = _compose_framed(a, pick, data)
        elif a.english:
            reply = _compose_short(a, pick)
        else:
            reply = _compose_localized(a, pick, register)
    # The marks are set once, on the whole reply (the memory line quotes the person too).
    return _in_language_marks(_one_stop(_with_memory(reply, memory)), register)


#: A quotation that already ends on its own stop, with an inner quotation closing after it
#: ("… better than mine.’”"), followed by the frame's full stop.
_DOUBLED_STOP = re.compile("([.!?\u2026][\u2019'\"\u00bb]?\u201d)\\.")


def _one_stop(reply: str) -> str:
    """`reply` with no full stop after a quotation that ends on a stop of its own: the
    person's "said ‘you've got good hands for it, better than mine.’" closes the sentence."""
    return _DOUBLED_STOP.sub(r"\1", reply)


def _register(text: str, a: Analysis) -> str:
    """The frames to answer in: the entry's language, for Portuguese Portugal's or Brazil's
    (a Lisbon writer is not answered with "você"), for Spanish the River Plate's "vos" or
    "tú" (a writer from Buenos Aires is not answered with "escribes")."""
    language = a.language if not a.english else "en"
    if language == "es":
        from mirror.engine.rioplatense import written_with_vos  # Spanish entries only

        return "es-AR" if written_with_vos(text) else language
    if language != "pt":
        return language
    from mirror.engine.portuguese import written_in_portugal  # Portuguese entries only

    return "pt-PT" if written_in_portugal(text) else language


def _with_memory(reply: str, memory: str | None) -> str:
    """`reply` with the memory sentence placed before its closing question (or at the end
    when the reply has no question)."""
    if not memory:
        return reply
    # The question opens after the last sentence end outside a quotation: a mark ending a
    # sentence (a closing quotation mark may stand on either side of it), a space, and a
    # capital. A closing mark alone is no end: "What does “…a programme” carry for you?"
    # once took the memory inside the question.
    cut = -1
    for end in _SENTENCE_END.finditer(reply):
        after = reply[end.end():]
        if after[:1].isupper() and sum(after.count(m) for m in _DOUBLE_MARKS) % 2 == 0:
            cut = end.end()
    if not reply.rstrip().endswith("?") or cut < 0:
        return f"{reply} {memory}"
    return f"{reply[:cut]}{memory} {reply[cut:]}"


#: A sentence's end inside a mirrorback: its mark, with a closing quotation mark before or
#: after it ("…”. What", "…?” What", "…». Et"), then the space before the next sentence.
_SENTENCE_END = re.compile("(?:[\u201d\u00bb\u201c]?[.!?][\u201d\u00bb\u201c]?)\\s+")
#: The mirror's own double quotation marks, which always come in pairs (inner ones are single).
_DOUBLE_MARKS = ("\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")

