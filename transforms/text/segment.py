"""Page layout: join hard-wrapped lines, then split a page into stories, paragraphs and sentences.

Newspaper pages arrive hard-wrapped every 10-20 characters, sometimes with a blank line between
wrapped lines and blank lines at column breaks, so blank lines carry no paragraph information and
are ignored. A line is joined to the next when it cannot end a paragraph: it ends with a comma-like
mark, it is long (a paragraph broken mid-sentence), or it is about as wide as its neighbours (a
full column line). Headlines, bylines, photo captions and teasers are never glued on: they end
without punctuation but are narrower than the column around them, contain spaced words, or match
the byline/credit/teaser lexicons. A caption bullet (▲, ■) is stripped and keeps no line apart
by itself: a second pass could not see it, and the layout must be a fixed point. Two or more
``label：figure`` lines in a row are a list's rows, never a wrapped paragraph.

A page is worked on as columns, one list per fact of its lines (_Lines, _Layout), not an object
per line: the per-line checks are list comprehensions, the joiner visits only lines without a full
stop, later rounds only the neighbourhood of what the round before joined, and the sentences of a
page's ordinary paragraphs come from one scan of its text. Each fast path has its plain definition
beside it in tests/transforms/text/test_fast_paths.py.
"""

from __future__ import annotations

import bisect
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
list, a page whose full stops were lost) would otherwise be one sentence of any length, and metric
extraction is quadratic in sentence length (one 200 kB sentence: 18 s and 830 MB). Natural sentences
stay well below it (the longest gold sentence is 191; 0.04% of corpus sentences are longer). A longer
sentence is cut after the last clause mark before the limit, else at the limit."""
CLAUSE_MARKS = "，、：,:"

_ENDS_TERMINAL = re.compile(rf"[{TERMINAL}][{CLOSERS}]*$")
_CONTINUES = "，、,（(“‘《〈—-·/"
_ENDS_CONTINUES = re.compile(rf"[{re.escape(_CONTINUES)}]$")
_TERMINAL_ENDS = tuple(TERMINAL)
_CONTINUES_ENDS = tuple(_CONTINUES)


# a line of prose (a comma inside) cut off right before its figure: …按年上升 / 0.9%，…; …面积 / 约18.6万
# (not a year: a heading with commas is followed by 1979年…, a paragraph of its own)
_NUMBER_START = re.compile(r"(?:约|逾|近|超过|超|达|共)?[0-9][0-9.,]*(?![0-9.,]|年)")
_HAN_END = re.compile(rf"[{HAN}]$")
_LABELLED = re.compile(r"[^，：:]{1,16}[：:]")


def _cut_before_number(line: str, following: str) -> bool:
    """Does ``line`` stop mid-clause before the number ``following`` opens with? A wrap whatever the
    widths: a ragged page wraps lines of any width, but a heading holds no comma."""
    return (
        "，" in line
        and _HAN_END.search(line) is not None
        and _NUMBER_START.match(following) is not None
        and _LABELLED.match(line) is None  # a table row (2025年：41,260宗，损失约78亿元) ends its line
    )


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
_ENUMERATED_FIRST = "一二三四五六七八九十（(第"  # the first characters _ENUMERATED can match
_DATELINE = re.compile(rf"^[{HAN}]{{2,15}}?[0-9]{{1,2}}月[0-9]{{1,2}}日电(?=[ （(])")
_SENTENCE = re.compile(rf"[^{TERMINAL}]*(?:[{TERMINAL}]+[{CLOSERS}]*)?")
_WORD = re.compile(r"\w")
# A table row laid out as text: a short label, a colon, a figure (2023-24年度：1 200宗, 男性：52.3%).
# Two or more in a row are a list, never a wrapped paragraph, however equal their widths.
_ROW = re.compile(
    r"^[^：:\s，。；！？,;!?、]{1,16}[：:] ?[约近超逾共]?[-+]?[0-9](?:[0-9.]|,(?=[0-9]))*"
    r"[^：:，。；！？,;!?、]{0,12}$"
)
# The pieces of _SENTENCE, each in one of two forms: with a word character before its full stops
# (group 2 is the piece from its first non-space character on), or without one (no group).
# Full stops and closing marks are neither spaces nor word characters, so only the part before
# them can hold either.
# No class of it crosses a line break, so one scan of the normalised text ("\n" between
# paragraphs, none inside one) finds each paragraph's pieces as a scan of that paragraph alone.
# The second form never matches empty: _SENTENCE's empty piece (at a line break or the end) is
# no sentence, and the scan goes on from the next character either way.
_SENTENCE_PIECE = re.compile(
    rf"([^\S\n]*)(?=[^{TERMINAL}\w\n]*\w)([^{TERMINAL}\n]*(?:[{TERMINAL}]+[{CLOSERS}]*)?)"
    rf"|[^{TERMINAL}\n]+(?:[{TERMINAL}]+[{CLOSERS}]*)?|[{TERMINAL}]+[{CLOSERS}]*"
)
_LAST_CLAUSE_MARK = re.compile(rf"[{CLAUSE_MARKS}](?=[^{CLAUSE_MARKS}]*$)")
_TOKEN_TAIL = re.compile(r"[0-9A-Za-z.%]+$")  # a number or word a hard cut must not halve


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
        "bullet_chars": "".join(words("caption_bullets.txt")),  # "bullet" matches a line opening with one
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
    row: bool = False  # one of 2+ consecutive label：figure lines (see _ROW)

    @property
    def standalone(self) -> bool:
        return self.teaser or self.credit or self.byline or self.spaced or self.deck or self.row

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


@dataclass
class _Lines:
    """The lines of a page as columns of classify's fields: one list per field, not an object per
    line (a page has hundreds of lines, most of them plain text)."""

    texts: list[str]
    teaser: list[bool]
    bullet: list[bool]
    credit: list[bool]
    byline: list[bool]
    spaced: list[bool]
    deck: list[bool]
    row: list[bool]

    def line(self, k: int) -> Line:
        """Line k as classify returns it (for _reclassify, which needs a Line)."""
        return Line(
            self.texts[k],
            self.teaser[k],
            self.bullet[k],
            self.credit[k],
            self.byline[k],
            self.spaced[k],
            self.deck[k],
            self.row[k],
        )

    def standalone(self) -> list[bool]:
        """Line.standalone of every line."""
        return [
            t or c or b or s or d or r
            for t, c, b, s, d, r in zip(
                self.teaser, self.credit, self.byline, self.spaced, self.deck, self.row, strict=True
            )
        ]


def _classify_lines(raws: list[str], counts: dict[str, int]) -> _Lines:
    """classify of each line (non-empty, stripped), dropping lines it leaves empty. A line without
    a teaser marker or caption bullet (nearly all) is classified by the column expressions below,
    which are classify's with nothing stripped; the others go through classify itself, in order,
    so the counts are the same."""
    lex = _lexicons()
    teasers, bullets = lex["teasers"], lex["bullet_chars"]
    texts = list(raws)
    n = len(texts)
    marked = [k for k, t in enumerate(texts) if t.endswith(teasers) or t[0] in bullets]
    credit_ends, credit_search = lex["credit_ends"], lex["credit"].search
    credit = [t.endswith(credit_ends) and credit_search(t) is not None for t in texts]
    punct = _SENTENCE_PUNCT.search
    names, bylines, spaced_search = _NAMES_ONLY.match, lex["bylines"], _SPACED.search
    byline, spaced, deck = [False] * n, [False] * n, [False] * n  # all three hold of short lines only
    for k in [k for k, t in enumerate(texts) if len(t) <= LONG_LINE and punct(t) is None]:
        t = texts[k]
        byline[k] = b = names(t) is not None or t.startswith(bylines)
        spaced[k] = not b and not credit[k] and spaced_search(t) is not None
        deck[k] = t.startswith("——")
    row_match = _ROW.match  # a row may hold a thousands separator (3,100宗), so it is asked apart
    row_like = [len(t) <= LONG_LINE and row_match(t) is not None for t in texts]
    row = [
        r and ((k > 0 and row_like[k - 1]) or (k + 1 < n and row_like[k + 1])) for k, r in enumerate(row_like)
    ]
    lines = _Lines(texts, [False] * n, [False] * n, credit, byline, spaced, deck, row)
    for k in marked:
        ln = classify(texts[k], counts)
        texts[k] = ln.text
        lines.teaser[k], lines.bullet[k], credit[k] = ln.teaser, ln.bullet, ln.credit
        byline[k], spaced[k], deck[k] = ln.byline, ln.spaced, ln.deck
    if marked and not all(texts[k] for k in marked):
        keep = [k for k, t in enumerate(texts) if t]
        lines = _Lines(*([col[k] for k in keep] for col in vars(lines).values()))
    return lines


def _mark_decks(lines: _Lines) -> None:
    """The line right after a spaced headline, short and unpunctuated, is its second deck
    (执法用心 服务暖心 / 多部门联合开展10项综合整治行动)."""
    texts, deck, bullet = lines.texts, lines.deck, lines.bullet
    for k in [k + 1 for k, s in enumerate(lines.spaced[:-1]) if s]:
        text = texts[k]
        standalone = lines.teaser[k] or lines.credit[k] or lines.byline[k] or lines.spaced[k] or deck[k]
        short = not standalone and not bullet[k] and len(text) <= LONG_LINE
        if short and not _SENTENCE_PUNCT.search(text) and not _ends_terminal(text):
            deck[k] = True


_ASCII_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _reference_width(i: int, widths: list[float], ordinary: list[bool | None]) -> float:
    """The local column width at line i: the wider of the nearest ordinary lines before and after
    (within WINDOW lines). Nearest, not widest in a window, because columns of different widths meet.
    Asked only for the few lines whose join depends on it, so it is not computed for every line."""
    before = after = None
    for j in range(i - 1, max(i - WINDOW, 0) - 1, -1):
        if ordinary[j]:
            before = widths[j]
            break
    for j in range(i + 1, min(i + WINDOW + 1, len(widths))):
        if ordinary[j]:
            after = widths[j]
            break
    if before is None:
        return widths[i] if after is None else after
    return before if after is None or not after > before else after  # max([b, after]) keeps b on a tie


def _reclassify(first: Line, text: str) -> Line:
    """A joined paragraph seen as one line, as the joiner sees it when the normalised text is laid out
    again; what its first line was (a teaser, a caption, a deck...) still holds for the paragraph."""
    line = classify(text, {})
    line.text = text  # a marker-like ending inside a paragraph is text, not a marker to strip
    for flag in ("teaser", "bullet", "credit", "byline", "spaced", "deck"):
        setattr(line, flag, getattr(line, flag) or getattr(first, flag))
    return line


class _Layout:
    """The lines of one round of the joiner as columns (one list per fact, instead of an object per
    line). A paragraph the previous round made is classified only when a join question reaches it:
    most paragraphs end with a full stop, and nothing is asked about what lies around them."""

    def __init__(self, page: _Lines) -> None:
        self.page = page
        n = len(page.texts)
        self.firsts = list(range(n))  # the page line each paragraph starts with (it decides the role)
        self.joined = [False] * n  # a paragraph an earlier round made
        self.lines: list[Line | None] = [None] * n  # a joined paragraph, once classified
        self.bases: list[Line | None] = [None] * n  # a joined paragraph: the classified line it grew from
        self.dirty: list[int] | None = None  # the paragraphs the last round made (None: first round)
        self.texts = texts = list(page.texts)
        # lines hold no "\n", so the end checks need no regex (see _ends_terminal)
        self.widths = [len(t) - 0.5 * len(t.encode("ascii", "ignore")) for t in texts]
        self.terminal = [t.rstrip(CLOSERS).endswith(_TERMINAL_ENDS) for t in texts]
        standalone = page.standalone()
        enumerated = _ENUMERATED.match
        self.standalone: list[bool | None] = list(standalone)
        self.kept_apart: list[bool | None] = [
            s or (t[0] in _ENUMERATED_FIRST and enumerated(t) is not None)
            for s, t in zip(standalone, texts, strict=True)
        ]
        self.ordinary: list[bool | None] = [
            not (s or b) for s, b in zip(standalone, page.bullet, strict=True)
        ]

    def classify(self, k: int) -> None:
        """Fill in the facts of paragraph k, a join of the previous round (see _reclassify)."""
        base = self.bases[k]
        assert base is not None  # only a joined paragraph has facts to fill in
        line = self.lines[k] = _reclassify(base, self.texts[k])
        standalone = self.standalone[k] = line.standalone
        self.kept_apart[k] = standalone or bool(_ENUMERATED.match(line.text))
        self.ordinary[k] = not (standalone or line.bullet)

    def joins(self) -> list[int]:
        """One round of the joiner: each i whose line is joined to line i+1 (see _joined).

        Only lines without a full stop are asked: a paragraph goes on only through them, so the
        width so far is carried from one to the next. After the first round, only lines within
        WINDOW of a paragraph the round before made are asked, and the lines a new join reaches:
        every other question has the same lines around it as in the round before, where it was
        answered no (both lines were left as they were)."""
        terminal, n = self.terminal, len(self.texts)
        if self.dirty is None:
            asked = [k for k, t in enumerate(terminal[:-1]) if not t]
        else:
            near = {j for d in self.dirty for j in range(d - WINDOW, d + WINDOW + 1)}
            asked = sorted(j for j in near if 0 <= j < n - 1 and not terminal[j])
        widths = self.widths
        joins: list[int] = []
        paragraph = 0.0
        last = -1  # the last line asked
        for first in asked:
            i = first
            while i > last:
                # the width of the paragraph so far: line i alone, or the lines joined up to it
                paragraph = paragraph + widths[i] if joins and joins[-1] == i - 1 else widths[i]
                last = i
                if not self._joined(i, paragraph):
                    break
                joins.append(i)
                if i + 1 < n - 1 and not terminal[i + 1]:
                    i += 1  # the paragraph goes on: ask about its next line now
        return joins

    def _joined(self, i: int, paragraph: float) -> bool:
        """Is line i (not ending with a full stop) joined to line i+1? ``paragraph`` is the width
        of the paragraph so far, ending in line i. Not if line i is standalone or line i+1 is kept
        apart; yes if line i ends with a comma-like mark or the paragraph is LONG_LINE wide;
        otherwise yes if it is about as wide as the local column (see _reference_width), or, when
        it is much wider than the column (a 2-line paragraph, a headline over a line), if the next
        line ends with a full stop."""
        standalone, kept_apart, ordinary = self.standalone, self.kept_apart, self.ordinary
        if standalone[i] is None:
            self.classify(i)
        if kept_apart[i + 1] is None:
            self.classify(i + 1)
        if standalone[i] or kept_apart[i + 1]:
            return False
        if self.texts[i].endswith(_CONTINUES_ENDS) or paragraph >= LONG_LINE:  # _ends_continuing: no "\n"
            return True
        if _cut_before_number(self.texts[i], self.texts[i + 1]):
            return True
        widths = self.widths
        if self.dirty is not None:  # the first round classified every line already
            for j in range(max(i - WINDOW, 0), min(i + WINDOW + 1, len(widths))):
                if ordinary[j] is None:
                    self.classify(j)
        ref = _reference_width(i, widths, ordinary)
        w = widths[i]
        if ref < WRAP_SHARE * w:  # much wider than its neighbours
            return self.terminal[i + 1]
        if paragraph <= w and (i == 0 or self.terminal[i - 1]):
            w += INDENT  # a paragraph's first line is indented in print; the text lost it
        return w >= ref - max(WRAP_SLACK, (1 - WRAP_SHARE) * ref)

    def join(self, joins: list[int]) -> None:
        """Replace the lines by the paragraphs ``joins`` make. The lines between joined paragraphs
        are copied over a slice at a time with their facts; a joined paragraph is classified when
        asked (see classify)."""
        texts = self.texts
        runs: list[tuple[int, int]] = []  # [s, e): the lines of one joined paragraph
        for i in joins:
            if runs and runs[-1][1] == i + 1:
                runs[-1] = (runs[-1][0], i + 2)
            else:
                runs.append((i, i + 2))
        glued: list[str] = []
        bases: list[Line] = []
        for s, e in runs:
            if self.joined[s] and self.lines[s] is None:  # joined the round before, not asked since
                self.classify(s)
            base = self.lines[s] if self.joined[s] else self.page.line(self.firsts[s])
            assert base is not None
            bases.append(base)
            parts = [texts[s]]
            for j in range(s + 1, e):  # a space only between two ASCII letters or digits
                if texts[j - 1][-1] in _ASCII_ALNUM and texts[j][0] in _ASCII_ALNUM:
                    parts.append(" ")
                parts.append(texts[j])
            glued.append("".join(parts))
        widths = [len(t) - 0.5 * len(t.encode("ascii", "ignore")) for t in glued]
        terminal = [t.rstrip(CLOSERS).endswith(_TERMINAL_ENDS) for t in glued]
        firsts = [self.firsts[s] for s, _ in runs]
        nones: list[None] = [None] * len(runs)

        def spliced(col: list[Any], new: list[Any]) -> list[Any]:
            out: list[Any] = []
            prev = 0
            for (s, e), value in zip(runs, new, strict=True):
                out += col[prev:s]
                out.append(value)
                prev = e
            out += col[prev:]
            return out

        index = 0  # the new index of each joined paragraph
        self.dirty = []
        prev = 0
        for s, e in runs:
            index += s - prev
            self.dirty.append(index)
            index += 1
            prev = e
        self.bases = spliced(self.bases, bases)
        self.texts = spliced(texts, glued)
        self.widths = spliced(self.widths, widths)
        self.terminal = spliced(self.terminal, terminal)
        self.firsts = spliced(self.firsts, firsts)
        self.lines = spliced(self.lines, nones)
        self.joined = spliced(self.joined, [True] * len(runs))
        self.standalone = spliced(self.standalone, nones)
        self.kept_apart = spliced(self.kept_apart, nones)
        self.ordinary = spliced(self.ordinary, nones)


def _paragraphs(lines: _Lines) -> list[tuple[int, str]]:
    """Join wrapped lines; each paragraph keeps (the index of) its first line, for its
    classification, and its text.

    The joiner runs again on its own paragraphs until nothing more joins, so the layout is a fixed
    point and normalising normalised text changes nothing. One pass is not enough: a paragraph the
    joiner made can look like a line of a column it did not see (今年以来 / 今年以来 / 今年以来今年以来
    gives two 8-wide lines, which a second pass joins). Each round that changes anything removes a
    line, so this ends; on real pages the second round is the last.
    """
    layout = _Layout(lines)
    while True:
        joins = layout.joins()
        if not joins:
            return list(zip(layout.firsts, layout.texts, strict=True))
        layout.join(joins)


def _roles(lines: _Lines, paragraphs: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(role, text) of each (first line, text): the first line's kind (teaser, caption, byline),
    else headline for a short unpunctuated paragraph not ending in a colon, else body. Paragraphs
    hold no "\n", so the full-stop check needs no regex (see _ends_terminal)."""
    teaser, bullet, credit, byline = lines.teaser, lines.bullet, lines.credit, lines.byline
    punct, row = _SENTENCE_PUNCT.search, lines.row
    return [
        (
            "teaser"
            if teaser[k]
            else "body"
            if row[k]
            else "caption"
            if bullet[k] or credit[k]
            else "byline"
            if byline[k]
            else "headline"
            if len(t) <= LONG_LINE
            and not punct(t)
            and not t.endswith(("：", ":"))
            and not t.rstrip(CLOSERS).endswith(_TERMINAL_ENDS)
            else "body",
            t,
        )
        for k, t in paragraphs
    ]


def _stories(paragraphs: list[Paragraph]) -> list[Story]:
    """Group paragraphs into stories: a headline block (2+ lines, or headline + byline) after body
    text starts a new article; a single headline line inside an article is a subheadline; every
    teaser line is its own story.

    Whether a story has a headline or a body so far is kept beside it rather than looked up in its
    paragraphs at every block, and the paragraphs between blocks and teasers go over as one slice
    (a role, once its paragraph is in a story, no longer changes)."""
    stories: list[Story] = [Story("article")]
    titled, bodied = [False], [False]  # of each story: a headline paragraph, a body paragraph
    roles = [p.role for p in paragraphs]
    n = len(paragraphs)
    marked = [k for k, r in enumerate(roles) if r in ("teaser", "headline", "byline")]
    marked.append(n)
    i = 0
    while i < n:
        role = roles[i]
        if role == "teaser":
            stories.append(Story("teaser", [paragraphs[i]]))
            titled.append(False)
            bodied.append(False)
            i += 1
            continue
        if role in ("headline", "byline"):
            j = i
            while j < n and roles[j] in ("headline", "byline"):
                j += 1
            starts_story = j - i >= 2 and "headline" in roles[i:j]
            if stories[-1].kind == "teaser" or (starts_story and (bodied[-1] or titled[-1])):
                stories.append(Story("article"))
                titled.append(False)
                bodied.append(False)
            current = stories[-1]
            has_title, has_body = titled[-1], bodied[-1]
            for q in paragraphs[i:j]:
                if q.role == "headline" and (has_title or has_body):
                    q.role = "subheadline"
                elif q.role == "headline":
                    has_title = True
                current.paragraphs.append(q)
            titled[-1] = has_title
            i = j
            continue
        j = marked[bisect.bisect_left(marked, i)]  # the run of other paragraphs up to the next mark
        if stories[-1].kind == "teaser":
            stories.append(Story("article"))
            titled.append(False)
            bodied.append(False)
        stories[-1].paragraphs.extend(paragraphs[i:j])
        bodied[-1] = bodied[-1] or "body" in roles[i:j]
        i = j
    return [s for s in stories if s.paragraphs]


def _split_sentences(text: str, role: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within a paragraph, trimmed of surrounding whitespace."""
    cuts: list[tuple[int, int]] = []
    if role != "teaser" and "日电" not in text:  # the usual paragraph: no dateline, no space splits
        _plain_sentences(text, 0, len(text), cuts)
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


def _plain_sentences(text: str, pos: int, endpos: int, cuts: list[tuple[int, int]]) -> None:
    """Append the sentence spans of text[pos:endpos] to ``cuts``: ordinary paragraphs (no teaser, no
    dateline), one or several separated by "\n" (see _SENTENCE_PIECE), in one scan."""
    append = cuts.append
    for m in _SENTENCE_PIECE.finditer(text, pos, endpos):
        s, e = m.span(2)  # group 2 ends where the piece does
        if s < 0:  # no word character: not a sentence
            continue
        start = m.start()
        if e - start > MAX_SENTENCE:
            _trim(text, _cap(text, start, e), cuts)
        elif text[e - 1].isspace():  # only a piece without a full stop can end in a space
            append((s, s + len(text[s:e].rstrip())))
        else:
            append((s, e))


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


def segment(text: str, *, stripped: bool = False) -> Segmented:
    """Lay out a repaired, Simplified page (see module docstring). ``stripped``: every line of
    ``text`` is stripped already (repairs.tidy_spaces ran last), so it is not stripped again."""
    counts: dict[str, int] = {}
    raws = text.split("\n")
    raws = list(filter(None, raws if stripped else map(str.strip, raws)))  # non-empty lines
    lines = _classify_lines(raws, counts)
    _mark_decks(lines)
    paragraphs = [Paragraph(role, t) for role, t in _roles(lines, _paragraphs(lines))]
    stories = _stories(paragraphs)
    paragraphs = [p for story in stories for p in story.paragraphs]  # the same, in story order
    texts = [p.text for p in paragraphs]
    out = "\n".join(texts)
    offsets = [0, *itertools.accumulate(len(t) + 1 for t in texts)]  # where each paragraph starts
    cuts = _page_sentences(out, paragraphs, offsets)

    story_of = [ix for ix, story in enumerate(stories) for _ in story.paragraphs]
    starts, ends = (list(col) for col in zip(*cuts, strict=True)) if cuts else ([], [])
    # the paragraph of a sentence: how many paragraphs start at or before it, less the first (at 0)
    para_col = list(map(bisect.bisect_right, itertools.repeat(offsets[1:]), starts))
    roles = [p.role for p in paragraphs]
    cols: dict[str, list[Any]] = {
        "story_ix": list(map(story_of.__getitem__, para_col)),
        "para_ix": para_col,
        "sent_ix": list(range(len(cuts))),
        "role": list(map(roles.__getitem__, para_col)),
        "char_start": starts,
        "char_end": ends,
        "text": list(map(out.__getitem__, map(slice, starts, ends))),
    }
    story_rows: list[dict[str, object]] = []
    first = 0  # index of the story's first paragraph
    for story_ix, story in enumerate(stories):
        last = first + len(story.paragraphs) - 1
        title = next((p.text for p in story.paragraphs if p.role == "headline"), None)
        if story.kind == "teaser":
            title = next(
                (t for t in story.paragraphs[0].text.split(" ") if not _SENTENCE_PUNCT.search(t)), None
            )
        story_rows.append(
            {
                "story_ix": story_ix,
                "kind": story.kind,
                "title": title,
                "byline": next((p.text for p in story.paragraphs if p.role == "byline"), None),
                "char_start": offsets[first],
                "char_end": offsets[last] + len(texts[last]),
            }
        )
        first = last + 1
    return Segmented(out, story_rows, cols, counts)


def _page_sentences(out: str, paragraphs: list[Paragraph], offsets: list[int]) -> list[tuple[int, int]]:
    """Sentence spans in the page text, as _split_sentences of each paragraph, shifted: the runs of
    ordinary paragraphs between the rare teaser and dateline ones are split in one scan each."""
    cuts: list[tuple[int, int]] = []
    pos = 0  # start of the run of ordinary paragraphs not yet split
    dated = "日电" in out  # a page without it has no dateline paragraph ("\n" is in no 日电)
    for k in [k for k, p in enumerate(paragraphs) if p.role == "teaser" or (dated and "日电" in p.text)]:
        p, start = paragraphs[k], offsets[k]
        if pos < start:
            _plain_sentences(out, pos, start - 1, cuts)
        cuts.extend((start + s, start + e) for s, e in _split_sentences(p.text, p.role))
        pos = offsets[k + 1]
    if pos < len(out):
        _plain_sentences(out, pos, len(out), cuts)
    return cuts
