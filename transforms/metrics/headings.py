"""A row of a list or table takes its subject from the heading above it.

LegCo answers, statistics releases and bulletins put the thing counted in a heading and the values
in rows under it: ``过渡性房屋单位的数目如下：`` then ``2021-22年度：3,412个``, ``2022-23年度：4,865个``;
or a table header ``年份 | 宗数`` over ``2023 | 35,120宗``. The subject reader works one sentence at a
time and finds no noun in a row, so such a figure has no subject. This post-pass gives it the
heading's noun phrase when

- its subject is null and it is a row: right before it stands a short label (a year, a district, a
  category) and ``：``/``:``, or a table cell separator (``|``, tab), with no clause mark in between;
- walking back over the rows before it (figures, their labels, ``；``) reaches a heading -- a stretch
  ending in ``：``/``:``/``如下`` -- or a table header, with no prose on the way. Prose (a clause
  with ``，``/``。``) ends the run, so a sentence after the table does not inherit.

The label is not put in the subject: a year or a place is scored under years and region, and a
category (长者一人申请者：3.6年 under 平均轮候时间如下) only narrows what the heading names
(fact-spec: such a qualifier may stand in subject_max, never in subject_min). The heading is reduced
to the noun phrase after its last 的 (过去五年落成的|过渡性房屋单位), without the count words of
``heading_tails.txt`` (数目, 宗数 ...), read with the subject reader as the noun a figure counts.
It runs after extraction and before enrichment, since the topic is decided from the subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import polars as pl

from transforms.lexicon import words
from transforms.metrics.subjects import subject_of
from transforms.metrics.subjects.vocab import _attribute_heads
from transforms.metrics.words import tag

# a row's label: a short stretch without clause marks, then the colon that hands over to the figure
_LABEL = re.compile(r"(?P<label>[^，。；;,：:|\t！？!?]{1,30})\s*[：:]\s*$")
_CELL = re.compile(r"[|\t｜]\s*$")
# what may stand between two rows: a sentence end of a row, spaces, bullets, enumerators
_ROW_GAP = re.compile(r"^[\s；;、|\t｜\-－—•·●○■◆▪*]*$")
_ENUM = re.compile(
    r"^[\s\-－—•·●○■◆▪*]*(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+[、.．])?"
)
_HEADING_ENDS = ("：", ":", "如下")
_LABEL_LINE = re.compile(r"[\u3400-\u9fff（）()]{2,16}")
_MAX_ROWS = 40  # rows walked back before giving up: a list is not longer than this
_MAX_HEADING = 80
_MAX_NOUN = 12


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    metrics: tuple[tuple[int, int], ...]  # (start, end) of its figures, document offsets


@cache
def _tails() -> tuple[str, ...]:
    return words("heading_tails.txt")


def _is_heading(text: str) -> bool:
    t = text.strip()
    return 2 < len(t) <= _MAX_HEADING and t.endswith(_HEADING_ENDS) and t.rstrip("：:") not in _salutations()


@cache
def _salutations() -> frozenset[str]:
    return frozenset(words("heading_salutations.txt"))


def _is_label_line(text: str) -> bool:
    """A bare label on a line of its own over rows (平均轮候时间 / 2024-25年度：20个月): words only, no
    digit or mark, short -- a table's caption, not prose (prose has punctuation or figures)."""
    return _LABEL_LINE.fullmatch(text.strip()) is not None


def _cells(text: str) -> list[str] | None:
    """The cells of a table header line (年份 | 宗数), or None when the line is not one."""
    parts = [c.strip() for c in re.split(r"[|\t｜]", text.strip())]
    if len(parts) < 2 or not all(0 < len(c) <= 12 for c in parts) or re.search(r"[0-9，。]", text):
        return None
    return parts


def _noun_of_heading(heading: str) -> str | None:
    """The noun phrase a heading names: last clause, no enumerator, count words and 的 off the end,
    the part after the last 的; None when nothing is left."""
    core = heading.strip()
    for end in ("如下：", "如下:", "如下", "：", ":"):
        if core.endswith(end):
            core = core[: -len(end)]
            break
    core = re.split(r"[，,；;。]", core)[-1]
    core = _ENUM.sub("", core).strip()
    changed = True
    while changed:
        changed = False
        for tail in _tails():
            if core.endswith(tail) and len(core) > len(tail):
                core, changed = core[: -len(tail)], True
        if core.endswith(("的", "之")):
            core, changed = core[:-1], True
    if "的" in core and (head := core.rsplit("的", 1)[1]) not in _attribute_heads():
        core = head  # not 轮候资助宿位的|人数: an attribute alone names no thing
    if len(core) < 2 or core in _tails():
        return None
    return core


def _reading(noun: str, figure: str, unit: str, kind: str) -> str | None:
    """The subject reader's name for ``noun`` as the thing the figure counts (figure + noun); when
    it reads none (12天|平均处理时间: 天平均 reads as a rate), the noun itself if it ends in a noun."""
    found = subject_of(figure + noun, 0, len(figure), unit or "", kind or "count")
    if found and found in noun:
        return found
    ws = tag(noun)
    return noun if ws and ws[-1].tag.startswith("n") and len(noun) <= _MAX_NOUN else None


def _column(doc: str, s: _Sentence, mi: int, floor: int = 0) -> int:
    """The table column of figure ``mi``: separators since its row began (the sentence start, or a
    figure followed straight by text: rows of a table joined into one line)."""
    start = max(s.start, floor)
    for _a, b in s.metrics[:mi]:
        if b < len(doc) and not re.match(r"[\s|\t｜]", doc[b : b + 1]):
            start = b
    return len(re.findall(r"[|\t｜]", doc[start : s.metrics[mi][0]]))


def _heading(doc: str, sents: list[_Sentence], si: int, mi: int) -> tuple[str, int | None] | None:
    """(heading text, table column or None) over the row figure ``sents[si].metrics[mi]``, or None
    when the figure is not a row or prose comes between it and a heading."""
    s = sents[si]
    start = s.metrics[mi][0]
    piece = doc[s.metrics[mi - 1][1] if mi else s.start : start]
    if not (_LABEL.search(piece) or _CELL.search(piece)):
        return None
    column = _column(doc, s, mi) if _CELL.search(piece) else None
    if column is not None and (joined := _joined_header(doc, s, mi)) is not None:
        return joined
    rest = _label_off(piece)
    for _ in range(_MAX_ROWS):
        if rest is None:
            return None
        if rest.strip() and not _ROW_GAP.match(rest):
            return (rest, column) if _is_heading(rest) and column is None else None
        if mi:  # the row before, in the same sentence
            mi -= 1
        else:  # the sentence before: a row (it ends with its figure) or the heading
            si -= 1
            if si < 0:  # (a row set apart like a headline opens a story of its own: stories are not checked)
                return None
            s = sents[si]
            tail = doc[s.metrics[-1][1] if s.metrics else s.start : s.end]
            if not s.metrics or not _ROW_GAP.match(tail):
                if s.metrics:
                    return None
                if column is not None:
                    return (s.text, column) if _cells(s.text) else None
                return (s.text, None) if _is_heading(s.text) or _is_label_line(s.text) else None
            mi = len(s.metrics) - 1
        rest = _label_off(doc[s.metrics[mi - 1][1] if mi else s.start : s.metrics[mi][0]])
    return None


def _joined_header(doc: str, s: _Sentence, mi: int) -> tuple[str, int] | None:
    """A table header joined with its rows into one line after a heading's colon (…如下：年份 | 宗数
    2023 | 120宗): the header and the figure's column, when only rows stand between them."""
    line = doc[s.start : s.metrics[mi][0]]
    colon = max(line.rfind("："), line.rfind(":"))
    digit = re.search(r"[0-9]", line[colon + 1 :])
    if colon < 0 or digit is None:
        return None
    header = line[colon + 1 : colon + 1 + digit.start()]
    if _cells(header) is None or re.search(r"[，。！？!?]", line[colon:]):  # 30,100: a figure
        return None
    return header, _column(doc, s, mi, s.start + colon + 1 + len(header))


def _label_off(piece: str) -> str | None:
    """What stands before a row's label: '' for a label alone (2023年：, 2023 |, 护理安老宿位),
    the heading when one is joined to its first row (平均轮候时间如下：长者：), None for prose."""
    m = _LABEL.search(piece)
    if m is not None:
        return piece[: m.start()]
    if re.search(r"[，。,！？!?]", piece):
        return None
    cells = [c for c in re.split(r"[|\t｜；;]", piece) if c.strip()]
    return "" if all(len(c.strip()) <= 20 for c in cells) else None


def _subject(heading: str, column: int | None, figure: str, unit: str, kind: str) -> str | None:
    cells = _cells(heading) if column is not None else None
    if cells is not None and column is not None:
        cell = _noun_of_heading(cells[column % len(cells)] + "：")
        if not cell or cell in _tails() or cell in _attribute_heads():  # 宗数, 人数 alone name no thing
            return None
        return _reading(cell, figure, unit, kind)
    noun = _noun_of_heading(heading)
    return _reading(noun, figure, unit, kind) if noun else None


def inherit_headings(metrics: pl.DataFrame, sentences: pl.DataFrame) -> pl.DataFrame:
    """``metrics`` with the subject of each row figure under a heading filled from the heading."""
    if metrics.is_empty() or "subject" not in metrics.columns:
        return metrics
    open_rows = metrics.filter(pl.col("subject").is_null() & pl.col("sentence").str.contains(r"[：:|\t｜]"))
    if open_rows.is_empty():
        return metrics
    shas = open_rows.get_column("sha256").unique().implode()
    wanted = set(open_rows.get_column("metric_id").to_list())
    # one partition per document, not one filter per document: a batch holds thousands of pages
    texts = sentences.filter(pl.col("sha256").is_in(shas)).partition_by("sha256", as_dict=True)
    found: dict[str, str] = {}
    for (sha,), figures in (
        metrics.filter(pl.col("sha256").is_in(shas)).partition_by("sha256", as_dict=True).items()
    ):
        if (page := texts.get((sha,))) is not None:
            found.update(_document(figures, page, wanted))
    if not found:
        return metrics
    return metrics.with_columns(
        pl.coalesce(
            "subject", pl.col("metric_id").replace_strict(found, default=None, return_dtype=pl.String)
        )
    )


def _document(metrics: pl.DataFrame, sentences: pl.DataFrame, wanted: set[str]) -> dict[str, str]:
    """metric_id -> heading subject for the open row figures of one document."""
    sents_df = sentences.sort("sent_ix")
    by_sent: dict[int, list[tuple[int, int, str, str, str, str]]] = {}
    for mid, ix, a, b, text, unit, kind in (
        metrics.sort("char_start")
        .select("metric_id", "sent_ix", "char_start", "char_end", "text", "unit", "unit_kind")
        .iter_rows()
    ):
        by_sent.setdefault(ix, []).append((a, b, mid, text, unit, kind))
    if not sents_df.height:
        return {}
    end = max(sents_df.get_column("char_end").to_list())
    doc = [" "] * end
    sents: list[_Sentence] = []
    index: dict[int, int] = {}
    for ix, a, b, text in sents_df.select("sent_ix", "char_start", "char_end", "text").iter_rows():
        doc[a:b] = list(text)
        index[ix] = len(sents)
        spans = tuple((m[0], m[1]) for m in by_sent.get(ix, []))
        sents.append(_Sentence(a, b, text, spans))
    page = "".join(doc)
    out: dict[str, str] = {}
    for ix, rows in by_sent.items():
        if ix not in index:
            continue
        for mi, (_a, _b, mid, text, unit, kind) in enumerate(rows):
            if mid not in wanted:
                continue
            found = _heading(page, sents, index[ix], mi)
            if found is None:
                continue
            subject = _subject(found[0], found[1], text, unit, kind)
            if subject:
                out[mid] = subject
    return out
