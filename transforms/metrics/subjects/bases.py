"""Shares, comparisons and start points: the base of a share (占|全市经济总量|的), the side compared
with (较|“十三五”末, 快于|城镇居民), the start point after 由/从 (由|每生每年|5元).

A percent or a change often names, where its own noun would stand, the whole it is a share of or
what it is compared with or changed from; these cut that off so it is not taken for the counted thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.spans import _balanced, _text
from transforms.metrics.subjects.trim import _DATE_TAILS, _trim_np
from transforms.metrics.subjects.vocab import _attribute_heads, _is_punct, _is_stop, _nominal_verbs, _set
from transforms.metrics.words import Word


def _before_base(ws: list[Word]) -> list[Word]:
    """The words before the base of a share (高标准农田|达到|耕地总面积|的|64%, 总额|不|超过|封顶线|的|
    20%): the metric after B的 is a part of B, so B is what it is measured against and the thing
    measured is the noun before the bridge verb. Unchanged when no noun stands before it (占全省的)."""
    at = next((j for j in range(len(ws) - 2, 0, -1) if ws[j].text in _set("subject_base_bridges.txt")), None)
    if at is None:
        return ws
    base = ws[at + 1 :]
    if not _nounlike(base[-1], ("n",)) or any(_is_stop(w) or _is_punct(w) for w in base):
        return ws
    head = ws[:at]
    while head and head[-1].tag in ("d", "ad"):
        head = head[:-1]  # 总额|不|超过, 产值|均|达到
    if not head or not _nounlike(head[-1], ("n", "j", "vn", "eng")):
        return ws
    return head


def _nounlike(w: Word, tags: tuple[str, ...]) -> bool:
    """A noun by its tag, or a word jieba tags as a verb that names a thing (零售收入|占|整体收入|的,
    subject_nominal_verbs.txt): 收入 is the head of an income's name, not a verb of the clause."""
    return w.tag.startswith(tags) or (w.tag == "v" and w.text in _nominal_verbs())


def _base_alone(ws: Sequence[Word]) -> tuple[str, str] | None:
    """The bridge word and the base when the words are a bridge and a base noun only (，占|整体罪案|近五成, ，占|总预算|
    的|26.8%): the clause names no thing before its base, so the share is of what the metric before
    counts, never of the base; None otherwise."""
    i = 0
    while i < len(ws) and ws[i].tag in ("d", "ad"):
        i += 1
    if i >= len(ws) - 1 or ws[i].text not in _set("subject_base_bridges.txt"):
        return None
    base = ws[i + 1 :]
    if base[-1].text == "的":
        base = base[:-1]  # 占|总预算|的|26.8%
    if (
        not base
        or not base[-1].tag.startswith(("n", "l", "j"))
        or any(_is_stop(w) or _is_punct(w) for w in base)
    ):
        return None
    return ws[i].text, _balanced(_text(_trim_np(list(base))))  # not its place word (全市)


def _shares_of_base(ws: Sequence[Word]) -> bool:
    """The words end in 占 + a noun (民营企业|占|全部企业|90%): the metric is a share of that base; not
    when the base ends in an attribute word (占|规上企业比重: the relation is the indicator's name)."""
    at = next((j for j in range(len(ws) - 2, 0, -1) if ws[j].text in ("占", "占到")), None)
    if at is None or not _nounlike(ws[at - 1], ("n", "j", "eng")):
        return False  # 违规|占|挖…: 占 is a verb's piece after a verb
    return not _text(ws[at + 1 :]).endswith(_attribute_heads())


def _before_comparison(ws: list[Word]) -> list[Word]:
    """The words before the comparison that ends the clause head (PM2.5浓度|较|“十三五”末|改善,
    就业人数…，较|上月|增加): what follows the preposition of comparison is the point compared with,
    never the thing measured, which stands before it or in an earlier clause. 较 is a morpheme (zg)
    in the dictionary, which keeps 较低/较高 inside a name (化工园区较低安全风险等级比例)."""
    compare = _set("subject_compare_words.txt")
    at = next(
        (j for j in range(len(ws) - 1, -1, -1) if ws[j].tag in ("p", "zg") and ws[j].text in compare), None
    )
    if at is None or (at + 1 < len(ws) and ws[at + 1].tag in ("a", "ad", "d")):  # 较|低|风险: "fairly"
        return ws
    head = ws[:at]
    while head and head[-1].tag in ("d", "ad"):
        head = head[:-1]  # 死亡人数|分别|较…
    return head


# The words that close a 与…相比 frame (犯罪案件|与|去年同期|相比|激增), and those that open it
_FRAME_CLOSERS = ("相比", "相较", "比较")  # as word endings: the dictionary holds 同期相比 whole
_FRAME_OPENERS = frozenset({"与", "和", "同", "跟"})


def _before_compared_frame(ws: list[Word]) -> list[Word]:
    """The words before a 与…相比 frame (暴力犯罪案件|与|去年同期|相比|激增31%): the frame names the
    point compared with, never the thing measured, which stands before it; ``ws`` unchanged when no
    frame closes the clause head or nothing stands before it."""
    close = next((j for j in range(len(ws) - 1, 0, -1) if ws[j].text.endswith(_FRAME_CLOSERS)), None)
    if close is None:
        return ws
    start = next((j for j in range(close - 1, -1, -1) if ws[j].text in _FRAME_OPENERS), None)
    return ws[:start] if start else ws


def _before_multiple_frame(ws: list[Word], measure: list[Word]) -> list[Word]:
    """The words before a 是…的 frame closing the clause head (完成投资|是|“十三五”时期的|1.6倍): what
    stands between 是 and 的 is the base the figure is a multiple of, never the thing measured,
    which stands before 是. The 的 is already the measure's (``measure``, changed in place: 是 takes
    its place, so that the base is not read as a share's); ``ws`` unchanged when no frame ends it."""
    if not measure or measure[0].text != "的" or len(ws) < 2:
        return ws
    at = next((j for j in range(len(ws) - 1, 0, -1) if ws[j].text == "是"), None)
    if at is None:
        return ws
    measure[0] = Word("是", "v")
    while at > 1 and ws[at - 1].tag in ("d", "ad"):
        at -= 1  # 营业额|已经|是…的: the adverb goes with 是
    return ws[:at]


def _before_compare_verb(ws: list[Word]) -> list[Word]:
    """The words before a verb of comparison followed by the side compared with (增速|快于|城镇居民,
    保有率|高于|全国平均水平): the metric is the gap, the thing measured stands before the verb.
    The dictionary cuts some of them (快|于); a clause opening with the verb is left alone."""
    verbs = _set("subject_compare_verbs.txt")
    for j in range(len(ws) - 2, 0, -1):
        w = ws[j]
        if w.text in verbs:
            at = j
        elif w.text == "于" and ws[j - 1].text + "于" in verbs:
            at = j - 1
        else:
            continue
        side = ws[j + 1 :]
        if at == 0 or not all(x.tag.startswith(("n", "j", "b", "r")) for x in side):
            return ws
        head = ws[:at]
        while head and head[-1].tag in ("d", "ad"):
            head = head[:-1]  # 增速|均|高于
        return head or ws
    return ws


_EVENT_TIMES = ("前", "后", "以前", "之前", "以后", "之后", "初期", "期间")  # after an event word: a time


def _from_frame(ws: Sequence[Word]) -> int | None:
    """Where 由/从 opens the start point the metric is (由|每生每年|5元, 从|2020年的|53.2%): only
    dates, rates per unit and 的 stand between it and the metric, and a noun before it."""
    i = len(ws)
    while i > 0 and (
        ws[i - 1].tag in ("m", "q", "mq", "t", "r", "uj", "f")
        or ws[i - 1].text.startswith("每")
        or ws[i - 1].text in _DATE_TAILS
        or (ws[i - 1].tag == "vn" and i > 1 and ws[i - 2].text.startswith("每"))  # 每|生
        or (
            ws[i - 1].text in _set("subject_range_marks.txt") and i > 1 and ws[i - 2].tag in ("t", "m")
        )  # 七月|至|九月
        or (  # 翻新|前|的, 开业|初期|的: an event dating the start point, as a date does
            ws[i - 1].tag in ("v", "vn", "n")
            and i < len(ws)
            and ws[i].text in _EVENT_TIMES
            and ws[i - 2].text in _set("subject_from_words.txt")
        )
    ):
        i -= 1
    if i < 2 or ws[i - 1].text not in _set("subject_from_words.txt"):
        return None
    at = i - 1
    if ws[at - 1].tag in ("d", "ad") and at > 1:
        at -= 1  # 低保标准|分别|从…: an adverb between the noun and 从
    return at if ws[at - 1].tag.startswith(("n", "j", "v", "eng")) else None


_DATE_FRAMES = frozenset({"在", "截至", "截止", "截止到", "截至到", "于"})  # a date's preposition
_DATE_WORDS = ("m", "t", "q", "mq")


def _date_frame(ws: Sequence[Word]) -> int | None:
    """Where a dated point (在|2026年3月31日, 截至|6月底, 于|2024年底) ends the words before the
    metric, with a noun before its preposition (and an estimate verb such as 预计 between): the
    index to cut at, else None. Only numerals and time words may follow the preposition."""
    i = len(ws)
    while i > 0 and ws[i - 1].tag in _DATE_WORDS:
        i -= 1
    if i == len(ws) or i < 2 or ws[i - 1].text not in _DATE_FRAMES:
        return None
    at = i - 1
    if at > 1 and ws[at - 1].text in _ESTIMATES:
        at -= 1  # 财政储备|预计|在…: an estimate verb says how the figure is known
    return at if ws[at - 1].tag.startswith(("n", "vn", "j", "eng")) else None


_ESTIMATES = frozenset({"预计", "预期", "估计", "预料"})


def _frame_cut(ws: Sequence[Word]) -> int:
    """How many words before the metric belong to its subject side: all, unless a start point (由/从…)
    or a dated point (在/截至…) ends them, which say where the figure starts or when it holds."""
    frame = _from_frame(ws)
    if frame is None:
        frame = _date_frame(ws)
    return len(ws) if frame is None else frame
