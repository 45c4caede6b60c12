"""Page layout: join hard-wrapped lines, then split a page into stories, paragraphs and sentences.

Newspaper pages arrive hard-wrapped every 10-20 characters, sometimes with a blank line between
wrapped lines and blank lines at column breaks, so blank lines carry no paragraph information and
are ignored. A line is joined to the next when it cannot end a paragraph: it ends with a comma-like
mark, it is long (a paragraph broken mid-sentence), or it is about as wide as its neighbours (a
full column line). Headlines, bylines, photo captions and teasers are never glued on: they end
without punctuation but are narrower than the column around them, contain spaced words, or match
the byline/credit/teaser lexicons.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from transforms.lexicon import words

HAN = r"\u3400-\u9fff"
TERMINAL = "。！？；!?;"
CLOSERS = "”’」』）)"
# A paragraph this wide that ends without a full stop was broken mid-sentence (002, gov reports).
LONG_LINE = 40
# A line at least this share of its neighbours' width is a full column line, i.e. wrapped.
WRAP_SHARE = 0.8
WINDOW = 3
INDENT = 2
WRAP_SLACK = 2  # narrow columns: a wrapped line may fall 2 characters short (punctuation rules)
MAX_SENTENCE = 300
"""Longest sentence handed on, in characters. Text with commas but no 。 or line break (a scraped
list, a page whose full stops were lost) would otherwise be one sentence of any length, and figure
extraction is quadratic in sentence length (one 200 kB sentence: 18 s and 830 MB). Natural sentences
stay well below it (the longest gold sentence is 191; 0.04% of corpus sentences are longer). A longer
sentence is cut after the last clause mark before the limit, else at the limit."""
CLAUSE_MARKS = "，、：,:"

_ENDS_TERMINAL = re.compile(rf"[{TERMINAL}][{CLOSERS}]*$")
_CONTINUES = "，、,（(“‘《〈—-·/"
_ENDS_CONTINUES = re.compile(rf"[{re.escape(_CONTINUES)}]$")
_TERMINAL_ENDS = tuple(TERMINAL)
_CONTINUES_ENDS = tuple(_CONTINUES)


def _ends_terminal(text: str) -> bool:
    """``_ENDS_TERMINAL.search(text)`` from the end of the text alone: a full stop and closing marks
    (the two sets are disjoint). "$" also matches before a final line break, which a line never has."""
    if text.endswith("\n"):
        return bool(_ENDS_TERMINAL.search(text))
    return text.rstrip(CLOSERS).endswith(_TERMINAL_ENDS)


def _ends_continuing(text: str) -> bool:
    """``_ENDS_CONTINUES.search(text)`` from the end of the text alone (see ``_ends_terminal``)."""
    if text.endswith("\n"):
        return bool(_ENDS_CONTINUES.search(text))
    return text.endswith(_CONTINUES_ENDS)


_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?、]")
_SPACED = re.compile(rf"[{HAN}”’」》)）】] +[{HAN}“‘「《(（【]")
_NAMES_ONLY = re.compile(rf"^[{HAN}]{{1,3}}(?: [{HAN}]{{1,3}})+$")
_ENUMERATED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[章节部分条])"
)
_DATELINE = re.compile(rf"^[{HAN}]{{2,15}}?[0-9]{{1,2}}月[0-9]{{1,2}}日电(?=[ （(])")
_SENTENCE = re.compile(rf"[^{TERMINAL}]*(?:[{TERMINAL}]+[{CLOSERS}]*)?")
_WORD = re.compile(r"\w")
# The pieces of _SENTENCE, each in one of two forms: with a word character before its full stops
# (group 2 is the piece from its first non-space character on), or without one (no group).
# Full stops and closing marks are neither spaces nor word characters, so only the part before
# them can hold either.
_SENTENCE_PIECE = re.compile(
    rf"(\s*)(?=[^{TERMINAL}\w]*\w)([^{TERMINAL}]*(?:[{TERMINAL}]+[{CLOSERS}]*)?)"
    rf"|[^{TERMINAL}]*(?:[{TERMINAL}]+[{CLOSERS}]*)?"
)
_LAST_CLAUSE_MARK = re.compile(rf"[{CLAUSE_MARKS}](?=[^{CLAUSE_MARKS}]*$)")
_TOKEN_TAIL = re.compile(r"[0-9A-Za-z.%]+$")  # a number or word a hard cut must not halve
_ASCII_END = re.compile(r"[A-Za-z0-9]$")
_ASCII_START = re.compile(r"^[A-Za-z0-9]")


@cache
def _lexicons() -> dict[str, Any]:  # word tuples and compiled patterns, by name
    credit = "|".join(re.escape(w) for w in words("credit_words.txt"))
    bullets = "".join(re.escape(b) for b in words("caption_bullets.txt"))
    return {
        "teasers": words("teaser_markers.txt"),
        "bylines": words("byline_prefixes.txt"),
        # a line the credit pattern can match ends with a credit word or a closing parenthesis
        # (or, were there one, before a final line break, where "$" also matches)
        "credit_ends": (*words("credit_words.txt"), "）", ")", "\n"),
        "bullet": re.compile(rf"^[{bullets}]+\s*"),
        "credit": re.compile(
            rf"(?:(?:^|[\s。！？!?])[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}})*\s?(?:{credit})"
            rf"|[（(][^（()）]{{1,30}}(?:{credit})[）)])$"
        ),
    }


@dataclass
class Line:
    text: str
    teaser: bool = False
    bullet: bool = False
    credit: bool = False
    byline: bool = False
    spaced: bool = False  # headline-like words separated by spaces, no sentence punctuation
    deck: bool = False  # second line of a headline

    @property
    def standalone(self) -> bool:
        return self.teaser or self.credit or self.byline or self.spaced or self.deck

    @property
    def width(self) -> float:
        return visual_width(self.text)


@dataclass
class Paragraph:
    role: str  # headline | subheadline | byline | body | caption | teaser
    text: str


@dataclass
class Story:
    kind: str  # article | teaser
    paragraphs: list[Paragraph] = field(default_factory=list)

    def has_body(self) -> bool:
        return any(p.role == "body" for p in self.paragraphs)


@dataclass
class Segmented:
    text: str  # the normalised text: paragraphs joined by "\n"
    stories: list[dict[str, object]]  # story_ix, kind, title, byline, char_start, char_end
    sentence_columns: dict[str, list[Any]]  # SENTENCE_FIELDS, one list each (frames are built so)
    counts: dict[str, int]  # repairs made here (teaser markers, caption bullets)

    @property
    def sentences(self) -> list[dict[str, object]]:
        """One dict per sentence, keyed by SENTENCE_FIELDS."""
        cols = self.sentence_columns
        return [dict(zip(cols, row, strict=True)) for row in zip(*cols.values(), strict=True)]


SENTENCE_FIELDS = ("story_ix", "para_ix", "sent_ix", "role", "char_start", "char_end", "text")


def visual_width(s: str) -> float:
    """Column width: half-width (ASCII) characters count half."""
    return len(s) - 0.5 * len(s.encode("ascii", "ignore"))


def classify(raw: str, counts: dict[str, int]) -> Line:
    lex = _lexicons()
    text = raw
    line = Line(text)
    if text.endswith(lex["teasers"]):  # one C call for the common case: no marker at all
        for marker in lex["teasers"]:
            if text.endswith(marker):
                text = text[: -len(marker)].rstrip()
                counts["web_residue"] = counts.get("web_residue", 0) + 1
                line.teaser = True
                break
    bullet = lex["bullet"].match(text)
    if bullet:
        text = text[bullet.end() :]
        counts["caption_bullet"] = counts.get("caption_bullet", 0) + 1
        line.bullet = True
    line.text = text
    if line.teaser:
        return line
    line.credit = text.endswith(lex["credit_ends"]) and bool(lex["credit"].search(text))
    short_plain = len(text) <= LONG_LINE and not _SENTENCE_PUNCT.search(text)
    line.byline = short_plain and (bool(_NAMES_ONLY.match(text)) or text.startswith(lex["bylines"]))
    line.spaced = short_plain and not line.byline and not line.credit and bool(_SPACED.search(text))
    line.deck = short_plain and text.startswith("——")
    return line


def _should_join(lines: list[Line], i: int, ref: float, paragraph: float, facts: _Facts) -> bool:
    """Join line i to line i+1? ``paragraph`` is the width of the paragraph so far (ending in line i)."""
    a = lines[i]
    widths, terminal = facts.widths, facts.terminal
    if facts.standalone[i] or facts.kept_apart[i + 1]:
        return False
    if terminal[i]:
        return False
    if _ends_continuing(a.text):
        return True
    w = widths[i]
    if paragraph >= LONG_LINE:
        return True
    if ref < WRAP_SHARE * w:  # much wider than its neighbours: 2-line paragraph, or headline over a line
        return terminal[i + 1]
    if paragraph <= widths[i] and (i == 0 or terminal[i - 1]):
        w += INDENT  # a paragraph's first line is indented in print; the indent is lost in the text
    return w >= ref - max(WRAP_SLACK, (1 - WRAP_SHARE) * ref)


@dataclass
class _Facts:
    """What the joiner asks of every line, computed once per pass instead of once per question."""

    widths: list[float]
    terminal: list[bool]  # ends with a full stop
    standalone: list[bool]
    kept_apart: list[bool]  # never glued onto the line before: standalone, bullet, enumerated
    ordinary: list[bool]  # neither standalone nor a bullet: it sets the column width

    @classmethod
    def of(cls, lines: list[Line], per_line: list[_LineFacts] | None = None) -> _Facts:
        rows = per_line if per_line is not None else [_line_facts(ln) for ln in lines]
        if not rows:
            return cls([], [], [], [], [])
        widths, terminal, standalone, kept_apart, ordinary = map(list, zip(*rows, strict=True))
        return cls(widths, terminal, standalone, kept_apart, ordinary)


_LineFacts = tuple[float, bool, bool, bool, bool]


def _line_facts(ln: Line) -> _LineFacts:
    """(width, ends with a full stop, standalone, kept apart, ordinary) of one line; a line that
    passes to the next round of the joiner unchanged keeps them."""
    text = ln.text
    standalone = ln.standalone
    return (
        visual_width(text),
        _ends_terminal(text),
        standalone,
        standalone or ln.bullet or bool(_ENUMERATED.match(text)),
        not (standalone or ln.bullet),
    )


def _reference_widths(
    lines: list[Line], widths: list[float] | None = None, ordinary: list[bool] | None = None
) -> list[float]:
    """The local column width: the wider of the nearest ordinary lines before and after (within
    WINDOW lines). Nearest, not widest in a window, because columns of different widths meet.

    One pass each way keeps the nearest ordinary line seen so far, instead of scanning a window
    per line."""
    if widths is None:
        widths = [ln.width for ln in lines]
    if ordinary is None:
        ordinary = [not (ln.standalone or ln.bullet) for ln in lines]
    n = len(lines)
    plain = [w if o else None for o, w in zip(ordinary, widths, strict=True)]
    before: list[float | None] = [None] * n
    last = -1  # index of the nearest ordinary line so far
    for i in range(n):
        if last >= 0 and last >= i - WINDOW:
            before[i] = plain[last]
        if plain[i] is not None:
            last = i
    refs = [0.0] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        after = plain[nxt] if nxt >= 0 and nxt <= i + WINDOW else None
        b = before[i]
        if b is None:
            refs[i] = widths[i] if after is None else after
        else:
            refs[i] = b if after is None or not after > b else after  # max([b, after]) keeps b on a tie
        if plain[i] is not None:
            nxt = i
    return refs


def _mark_decks(lines: list[Line]) -> None:
    """The line right after a spaced headline, short and unpunctuated, is its second deck
    (执法用心 服务暖心 / 多部门联合开展10项综合整治行动)."""
    for prev, ln in itertools.pairwise(lines):
        short = not ln.standalone and not ln.bullet and len(ln.text) <= LONG_LINE
        unpunctuated = not _SENTENCE_PUNCT.search(ln.text) and not _ends_terminal(ln.text)
        if prev.spaced and short and unpunctuated:
            ln.deck = True


def _glue(a: str, b: str) -> str:
    return a + " " + b if _ASCII_END.search(a) and _ASCII_START.search(b) else a + b


def _join_once(lines: list[Line], per_line: list[_LineFacts] | None = None) -> list[tuple[int, str]]:
    """One pass of the joiner: (index of the paragraph's first line, paragraph text)."""
    facts = _Facts.of(lines, per_line)
    widths = facts.widths
    refs = _reference_widths(lines, widths, facts.ordinary)
    out: list[tuple[int, str]] = []
    n = len(lines)
    i = 0
    while i < n:
        start, text = i, lines[i].text
        width = widths[i]
        while i + 1 < n and _should_join(lines, i, refs[i], width, facts):
            i += 1
            text = _glue(text, lines[i].text)
            width += widths[i]
        out.append((start, text))
        i += 1
    return out


def _reclassify(first: Line, text: str) -> Line:
    """A joined paragraph seen as one line, as the joiner sees it when the normalised text is laid out
    again; what its first line was (a teaser, a caption, a deck...) still holds for the paragraph."""
    line = classify(text, {})
    line.text = text  # a marker-like ending inside a paragraph is text, not a marker to strip
    for flag in ("teaser", "bullet", "credit", "byline", "spaced", "deck"):
        setattr(line, flag, getattr(line, flag) or getattr(first, flag))
    return line


def _paragraphs(lines: list[Line]) -> list[tuple[Line, str]]:
    """Join wrapped lines; each paragraph keeps its first line (for its classification) and text.

    The joiner runs again on its own paragraphs until nothing more joins, so the layout is a fixed
    point and normalising normalised text changes nothing. One pass is not enough: a paragraph the
    joiner made can look like a line of a column it did not see (今年以来 / 今年以来 / 今年以来今年以来
    gives two 8-wide lines, which a second pass joins). Each round that changes anything removes a
    line, so this ends; on real pages the second round is the last.
    """
    firsts = list(lines)  # the original first line of each current paragraph (it decides the role)
    current = lines
    facts = [_line_facts(ln) for ln in current]
    while True:
        joined = _join_once(current, facts)
        if len(joined) == len(current):
            return [(firsts[k], ln.text) for k, ln in enumerate(current)]
        firsts = [firsts[start] for start, _ in joined]
        kept: list[Line] = []
        kept_facts: list[_LineFacts] = []
        for start, text in joined:
            if current[start].text == text:  # not joined: the same line, the same facts
                kept.append(current[start])
                kept_facts.append(facts[start])
            else:
                line = _reclassify(current[start], text)
                kept.append(line)
                kept_facts.append(_line_facts(line))
        current, facts = kept, kept_facts


def _role(first: Line, text: str) -> str:
    if first.teaser:
        return "teaser"
    if first.bullet or first.credit:
        return "caption"
    if first.byline:
        return "byline"
    if (
        len(text) <= LONG_LINE
        and not _SENTENCE_PUNCT.search(text)
        and not text.endswith(("：", ":"))
        and not _ends_terminal(text)
    ):
        return "headline"
    return "body"


def _stories(paragraphs: list[Paragraph]) -> list[Story]:
    """Group paragraphs into stories: a headline block (2+ lines, or headline + byline) after body
    text starts a new article; a single headline line inside an article is a subheadline; every
    teaser line is its own story."""
    stories: list[Story] = [Story("article")]
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if p.role == "teaser":
            stories.append(Story("teaser", [p]))
            i += 1
            continue
        if p.role in ("headline", "byline"):
            j = i
            while j < len(paragraphs) and paragraphs[j].role in ("headline", "byline"):
                j += 1
            block = paragraphs[i:j]
            current = stories[-1]
            starts_story = any(q.role == "headline" for q in block) and len(block) >= 2
            titled = any(q.role == "headline" for q in current.paragraphs)
            if current.kind == "teaser" or (starts_story and (current.has_body() or titled)):
                current = Story("article")
                stories.append(current)
            has_title = any(q.role == "headline" for q in current.paragraphs)
            for q in block:
                if q.role == "headline" and (has_title or current.has_body()):
                    q.role = "subheadline"
                elif q.role == "headline":
                    has_title = True
                current.paragraphs.append(q)
            i = j
            continue
        if stories[-1].kind == "teaser":
            stories.append(Story("article"))
        stories[-1].paragraphs.append(p)
        i += 1
    return [s for s in stories if s.paragraphs]


def _split_sentences(text: str, role: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within a paragraph, trimmed of surrounding whitespace."""
    cuts: list[tuple[int, int]] = []
    if role != "teaser" and "日电" not in text:  # the usual paragraph: no dateline, no space splits
        for m in _SENTENCE_PIECE.finditer(text):
            s = m.start(2)
            if s < 0:  # no word character: not a sentence
                continue
            e = m.end()
            if e - m.start() > MAX_SENTENCE:
                _trim(text, _cap(text, m.start(), e), cuts)
            elif text[e - 1].isspace():  # only a piece without a full stop can end in a space
                cuts.append((s, s + len(text[s:e].rstrip())))
            else:
                cuts.append((s, e))
        return cuts
    dateline = _DATELINE.match(text)  # it ends in 日电
    pieces: list[tuple[int, int]] = []
    start = 0
    if dateline:
        pieces.append((0, dateline.end()))
        start = dateline.end()
    for m in _SENTENCE.finditer(text, start):
        if m.end() > m.start():
            pieces.append((m.start(), m.end()))
    if role == "teaser":  # caption, credit, headline and lead share a teaser line, separated by spaces
        split: list[tuple[int, int]] = []
        for s, e in pieces:
            pos = s
            for sp in re.finditer(r" +", text[s:e]):
                split.append((pos, s + sp.start()))
                pos = s + sp.end()
            split.append((pos, e))
        pieces = split
    for piece in pieces:
        _trim(text, _cap(text, *piece), cuts)
    return cuts


def _trim(text: str, spans: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> None:
    """Append the spans that hold a word character to ``cuts``, trimmed of whitespace."""
    for s, e in spans:
        chunk = text[s:e]
        if not _WORD.search(chunk):
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        cuts.append((s + lead, e - trail))


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut the span [start, end) into pieces of at most MAX_SENTENCE characters (see there)."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        mark = _LAST_CLAUSE_MARK.search(window)
        cut = start + mark.end() if mark else start + MAX_SENTENCE
        if not mark:
            token = _TOKEN_TAIL.search(window)
            if token and token.start() > 0 and cut < end and _TOKEN_TAIL.match(text[cut]):
                cut = start + token.start()
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def segment(text: str) -> Segmented:
    """Lay out a repaired, Simplified page (see module docstring)."""
    counts: dict[str, int] = {}
    lines = [classify(ln, counts) for ln in map(str.strip, text.split("\n")) if ln]
    lines = [ln for ln in lines if ln.text]
    _mark_decks(lines)
    paragraphs = [Paragraph(_role(first, t), t) for first, t in _paragraphs(lines)]
    stories = _stories(paragraphs)

    out_text: list[str] = []
    story_rows: list[dict[str, object]] = []
    cols: dict[str, list[Any]] = {k: [] for k in SENTENCE_FIELDS}
    story_col, para_col, sent_col, role_col = cols["story_ix"], cols["para_ix"], cols["sent_ix"], cols["role"]
    start_col, end_col, text_col = cols["char_start"], cols["char_end"], cols["text"]
    offset = para_ix = sent_ix = 0
    for story_ix, story in enumerate(stories):
        story_start = offset
        for p in story.paragraphs:
            cuts = _split_sentences(p.text, p.role)
            if cuts:  # a paragraph at a time: its sentences share story, paragraph and role
                n = len(cuts)
                story_col.extend([story_ix] * n)
                para_col.extend([para_ix] * n)
                sent_col.extend(range(sent_ix, sent_ix + n))
                role_col.extend([p.role] * n)
                start_col.extend([offset + s for s, _ in cuts])
                end_col.extend([offset + e for _, e in cuts])
                text_col.extend([p.text[s:e] for s, e in cuts])
                sent_ix += n
            out_text.append(p.text)
            offset += len(p.text) + 1
            para_ix += 1
        title = next((p.text for p in story.paragraphs if p.role == "headline"), None)
        if story.kind == "teaser" and story.paragraphs:
            title = next(
                (t for t in story.paragraphs[0].text.split(" ") if not _SENTENCE_PUNCT.search(t)), None
            )
        story_rows.append(
            {
                "story_ix": story_ix,
                "kind": story.kind,
                "title": title,
                "byline": next((p.text for p in story.paragraphs if p.role == "byline"), None),
                "char_start": story_start,
                "char_end": max(story_start, offset - 1),
            }
        )
    return Segmented("\n".join(out_text), story_rows, cols, counts)
