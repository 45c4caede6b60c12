"""A clause that only moves the figure before it (…漏水率为13%，署方的目标是在2030年前进一步降至|10%以下;
…新生人数为约15万8千人，教育部预估118学年度将降至|13万人以下; …中位数约为两个半小时，较去年同期缩短|
约20分钟; …乘客死亡1,652人，仍占|近6成): it names no thing of its own, only who says or aims, when,
how and the verb of change, so the figure measures what the figure before it measures.

The clause is read word by word: an agency (its tag, or an ending of subject_agency_suffixes.txt, or a
word of subject_agency_words.txt), a time word, an adverb, a function word, a word of estimating,
reporting or aiming, and one verb of change at its end (subject_elided_changes.txt; 占 for a share).
Any other noun names a thing of its own, and the figure is left alone. The figure before must be of the
same kind (a share may follow any figure: 仍占|近6成 is a share of those counted).
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.spans import Fact, Span
from transforms.metrics.subjects.vocab import _set
from transforms.metrics.words import Word, tag

_FRAME_TAGS = frozenset({"t", "d", "ad", "vd", "p", "f", "uj", "ul", "c", "r", "m", "q", "mq", "x"})
_FRAME_WORDS = frozenset(
    {"是", "的", "可", "会", "将", "能", "再", "较", "比", "仍", "亦", "也", "均", "方", "进一步", "前"}
)
_TIME_ENDINGS = ("同期", "年", "年度", "月", "季")  # 去年同期, 学年度
_SHARE_VERBS = ("占", "占到")
_LISTS = ("subject_estimate_words.txt", "subject_report_words.txt", "subject_target_words.txt")


def _elided_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with a figure of such a clause given the subject of the figure before it."""
    out = list(out)
    for k in range(1, len(spans)):
        prev = out[k - 1].subject
        mine = out[k].subject
        if not prev or (mine is not None and not _agency(mine)):
            continue  # 教育部|预估…将降至: the agency that estimates is no subject either
        gap = sentence[spans[k - 1].end : spans[k].start]
        if gap[:1] not in "，," or any(c in gap[1:] for c in "，,。；;：:、"):
            continue
        verb = _change_at_end(gap[1:])
        if verb is None:
            continue
        share = verb in _SHARE_VERBS and spans[k].kind == "percent"
        if share or spans[k].kind == spans[k - 1].kind:
            out[k] = Fact(prev, out[k].measure)
    return out


def _change_at_end(clause: str) -> str | None:
    """The verb of change ending ``clause`` when every word before it only frames it; None otherwise."""
    verb = next(
        (v for v in (*words("subject_elided_changes.txt"), *_SHARE_VERBS) if clause.endswith(v)), None
    )
    if verb is None or len(clause) - len(verb) > 16:
        return None
    frame = clause[: len(clause) - len(verb)]
    return verb if not frame or all(_frames(w) for w in tag(frame)) else None


def _frames(w: Word) -> bool:
    """Word ``w`` only says who, when or how, never what."""
    if w.tag in _FRAME_TAGS or w.text in _FRAME_WORDS or w.tag == "nt" or w.text.endswith(_TIME_ENDINGS):
        return True
    if _agency(w.text):
        return True
    return any(w.text in _set(name) for name in _LISTS)


def _agency(text: str) -> bool:
    """``text`` names a government body (教育部, 署方, 当局, 运输署), never a counted thing here."""
    ws = tag(text)
    if len(ws) == 1 and ws[0].tag == "nt":
        return True
    if len(text) > 2 and text.endswith("部"):
        return True  # 教育部: a ministry, which the dictionary tags a plain noun
    if text in _set("subject_agency_words.txt") or text.endswith(words("subject_agency_suffixes.txt")):
        return True
    return len(text) == 2 and text.endswith("方") and text != "地方"  # 署方, 局方, 警方
