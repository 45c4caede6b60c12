"""Trimming a phrase cut from the window: a period or date that opens it, a modal predicate, a lone
verb at its end.

The backward cut keeps what can stand in a noun phrase; a period (今年, 3个月内) or a modal (将,
预计) can too, but says when or how sure, never what, so it is trimmed off afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.local import _local_people
from transforms.metrics.subjects.phrase import _attribute_of_act, _glued_single, _np_backward
from transforms.metrics.subjects.spans import _HAN, _text
from transforms.metrics.subjects.vocab import _NOMINAL, _is_bridge, _is_punct, _is_stop, _is_verb, _set
from transforms.metrics.words import Word

# Localisers that close a period (3个月|内, 两年|之后), cut off from it by the window: when, never what
_PERIOD_CLOSERS = frozenset({"内", "后", "以内", "以后", "之内", "之后"})


# What is left of a date when its digits are read as a number of their own (2024|年|全省地区生产总值).
# 10|月底, 第3|季: a part of a month or year after its digits too
_DATE_TAILS = frozenset(
    {
        "年",
        "月",
        "日",
        "年度",
        "学年",  # 2026/27|学年|小一开班数目: a school year's tail
        "学年度",
        "月底",
        "月初",
        "年底",
        "年初",
        "季",
        "季度",
        "月份",
        "上旬",
        "中旬",
        "下旬",
        "年前",
    }
)


# A period word opening a clause (五年|净增…, 今年|新增…, 次年|提高…): it says when, never what.
_PERIOD = re.compile(
    r"^(?:(?:今|去|明|全|当|次|本|近|这|过去)[一二三四五六七八九十两]*|[一二三四五六七八九十两]+)年(?:来|内|间)?$"
)


# Localisers that close a time clause after its verb (通车|后, 改造|前, 投产|以来): when, never what
_CLAUSE_CLOSERS = frozenset({"后", "前", "以后", "以前", "之后", "之前", "以来"})


def _term_adverb(ws: Sequence[Word]) -> bool:
    """实质|总薪资: an adverb of subject_term_adverbs.txt before a noun opens the term (real wages);
    before a verb (实质|上升) it is the bridge's."""
    return len(ws) > 1 and ws[0].text in _set("subject_term_adverbs.txt") and ws[-1].tag.startswith("n")


def _time_clause(ws: Sequence[Word]) -> int:
    """The length of a time clause opening ``ws``: words up to a localiser closing it after a verb or
    an act of two characters (沈白高铁|通车|后|两地运行时间, 完工后|档位), with a noun after it (not
    成果|后|评估: a post-evaluation); 0 when none. What the clause timed is not what is counted."""
    for j in range(len(ws) - 1, 0, -1):
        w, prev = ws[j], ws[j - 1]
        if w.text in _CLAUSE_CLOSERS and w.tag == "f" and len(prev.text) > 1 and prev.tag in ("v", "vn", "n"):
            nxt = ws[j + 1] if j + 1 < len(ws) else None
            named = nxt is not None and (
                nxt.tag.startswith(("n", "j")) or (nxt.tag == "f" and len(nxt.text) > 1)
            )
            return j + 1 if named else 0  # 通车|后|两岸…: a place word of two characters names too
    first = ws[0] if ws else None
    if first and first.tag == "l" and len(first.text) == 3 and first.text[-1] in "前后" and len(ws) > 1:
        return 1  # 完工后|档位: the dictionary holds the clause as one word
    return 0


# 最 + one of these closes a phrase as its predicate (X最多, X最高): the dictionary cuts 最多 in two
_SUPERLATIVE_TAILS = frozenset("多少高低大小")


def _trim_np(
    ws: list[Word], governed: bool = False, listed: bool = False, predicate: bool = False
) -> list[Word]:
    """Drop what cannot begin or end a noun phrase: glue, dangling punctuation, a governing verb at
    the start (新入选|国家5G工厂), modifiers and verbs at the end. ``listed``: the phrase opens a list
    item (通学、通|游|专线), where two one-character verbs are the item's own modifier. ``predicate``:
    a verb or rate follows the phrase, so a modal ending it (雨量|可|达) is the predicate's."""
    opening = ws[0] if ws else None
    changed = True
    while ws and changed:
        changed = False
        first = ws[0]
        nxt = ws[1] if len(ws) > 1 else None
        span = _period_opening(ws) or _time_clause(ws)
        if span:
            ws, changed = ws[span:], True  # 前|三季度|全省地区生产总值, 首|三季|…: when, never what
            continue
        span = _year_or_territory(ws)
        if span:
            ws, changed = ws[span:], True  # 二○二五年|全港|登记车辆, 全|台|…: when and where, never what
            continue
        if first.tag == "ns" and len(ws) > 2 and _period_opening(ws[1:]):
            ws, changed = ws[1:], True  # 高雄|上半年|旅客人次: where and when, never what
            continue
        if (
            len(first.text) == 1
            and first.tag == "v"
            and nxt is not None
            and nxt.tag == "ns"
            and len(nxt.text) > 1
            and len(ws) > 2
        ):
            # 来|高雄|旅游人次: the trip's verb; the place stays (a place word may stand in a subject)
            ws, changed = ws[1:], True
            continue
        if _PERIOD.match(first.text) and nxt is not None and nxt.tag in ("v", "vn") and len(ws) > 2:
            ws, changed = ws[2:], True  # 五年|生产|原煤: the verb after a period word is the clause's
            continue
        if (
            first.tag == "c"
            or first.tag in ("uj", "ul", "u")
            or (_is_punct(first) and first.text not in "“‘《「")
            or (
                _is_stop(first)
                and not _glued_single([Word("", "x"), *ws], 1)  # 长|照|预算: a name's piece
                and not (first.tag != "v" and _attribute_of_act(ws, 1))  # 办理|时限: the act timed
            )
            or (_is_bridge(first) and not _averaged_act(ws) and not _term_adverb(ws))
            or (first.text in _set("subject_place_words.txt") and len(ws) > 1 and not _local_people(ws))
            or (
                first.text in ("以上", "以下") and len(ws) > 1
            )  # …及|以上|自然村: a condition's tail, cut off
            or (first.text in _PERIOD_CLOSERS and nxt is not None and len(nxt.text) > 1)
            # 3个月|内|就业率: a period's tail (not 后|浦|社区: a name cut in characters)
            or (
                _is_verb(first)
                and len(ws) > 1
                and not governed
                and not _verb_term(ws)
                and nxt is not None
                and nxt.text != "类"  # 供暖|类|诉求, 停车|类: the verb names a category with 类
            )
            or (first.tag in ("a", "ad", "d") and nxt is not None and _is_verb(nxt) and not _averaged_act(ws))
            or (
                first.text in _set("subject_scope_adverbs.txt")
                and nxt is not None
                and nxt.tag.startswith(("n", "j", "vn"))
            )
            # 仅|农村电商销售额, 光|快递业务量: an adverb before a noun scopes the clause, names nothing
            or first.text in _set("subject_time_prepositions.txt")  # 截至|目前: by when, never what
        ):
            ws, changed = ws[1:], True
            continue
        run = _single_verb_run(ws)
        if run > 2 or (run == 2 and len(ws) > 3 and ws[0] is opening and not governed and not listed):
            # two verbs before one noun make a compound noun (续|贷|余额, 通|办|事项)
            ws, changed = ws[run:], True  # 办|复|人大代表建议: a verb the dictionary lacks, cut in characters
    ws = _trim_end(ws[: len(ws) - _period_closing(ws)], ("c", "a", "b", "uj", "ul", "u"))
    while (
        len(ws) > 1
        and ws[-1].text in _set("subject_scope_adverbs.txt")
        and ws[-2].tag.startswith(("n", "vn", "j"))
    ):
        ws = ws[:-1]  # 平均亩产|还|不到…: an adverb after the noun is the predicate's
        ws = _trim_end(ws, ("c", "a", "b", "uj", "ul", "u"))
    if len(ws) > 2 and ws[-2].text == "最" and ws[-1].text in _SUPERLATIVE_TAILS:
        ws = ws[:-2]  # 诉求|最|多，达…: a superlative after the noun is its predicate (it ranks first)
    # 雨量|可|达: a modal belongs to the predicate; 价值|临时估计|为: a status word says how the figure
    # was obtained. What stands before them is then trimmed again, but for an adjective (浪|高|可)
    ws, trimmed = _before_modal_predicate(ws, predicate)
    while len(ws) > 1 and (
        (
            ws[-1].text in _set("subject_modal_words.txt")
            and (predicate or ws[-1].text not in _set("subject_modal_nouns.txt"))  # 屋场|会|180场: meetings
        )
        or ws[-1].text in _set("subject_estimate_words.txt")
    ):
        ws, trimmed = ws[:-1], True  # 房委会|亦|会, 只|需: modals come in runs
    if trimmed:
        ws = _trim_end(ws, ("c", "b", "uj", "ul", "u", "d", "ad"))
        while len(ws) > 1 and ws[-1].tag == "a" and len(ws[-1].text) > 1:
            ws = ws[:-1]  # 单身青年|最高|可领 (not 浪|高|可达: a one-character adjective is a noun's part)
        if len(ws) > 2 and ws[-2].text == "最" and ws[-1].text in ("多", "少"):
            ws = ws[:-2]  # 床位|最|多|可: at most, as 最高 (the dictionary cuts 最多 before 可)
    return ws


def _before_modal_predicate(ws: list[Word], predicate: bool) -> tuple[list[Word], bool]:
    """``ws`` cut before a modal followed by nothing but verbs, adverbs and adjectives (子女|可|申请|最长,
    会员|更|可|享): the modal opens the predicate, the subject is what stands before it; and whether
    it was cut. A modal opening the words, a verb and a noun (可|申请|一次性津贴): the noun, the verb's
    object (not inside a name: 村居主干基本|会|使用…比例)."""
    modals = _set("subject_modal_words.txt")
    for m in range(len(ws) - 2, 0, -1):
        w = ws[m]
        if w.text in modals and (predicate or w.text not in _set("subject_modal_nouns.txt")):
            tail = ws[m + 1 :]
            if tail[0].tag == "v" and all(x.tag in ("v", "d", "ad", "a") for x in tail):
                return ws[:m], True
            return ws, False
    tail = ws[1:]
    opening = ws and ws[0].text in modals and len(tail) > 1 and tail[0].tag == "v" and len(tail[0].text) > 1
    if opening and _NOMINAL.match(tail[1].tag):
        return tail[1:], False  # 可|申请|一次性津贴 opening the clause: the object of the modal's verb
    return ws, False


def _past_modal_predicate(np: list[Word], rest: list[Word]) -> list[Word]:
    """``np``, or when it is a modal and its verb alone, the predicate (届时|可|容纳), the noun phrase
    before them past the space that parts a headline's subject from it (新市镇扩展| |料|容纳)."""
    if not _modal_predicate(np):
        return np
    before = list(rest)
    while before and (_is_punct(before[-1]) or not before[-1].text.strip()):
        before = before[:-1]
    return _trim_np(_np_backward(before)[0]) if before and len(before) < len(rest) else np


def _modal_predicate(np: Sequence[Word]) -> bool:
    """A modal (可, 料) opening the words and nothing but verbs and adverbs after it (可|容纳)."""
    return (
        len(np) > 0
        and np[0].text in _set("subject_modal_words.txt")
        and (len(np) == 1 or np[1].tag == "v")
        and all(w.tag in ("v", "d", "ad") for w in np[1:])
    )


def _trim_end(ws: list[Word], tags: tuple[str, ...]) -> list[Word]:
    """``ws`` without the words of ``tags`` and the dangling punctuation that end it."""
    while ws and (ws[-1].tag in tags or (_is_punct(ws[-1]) and ws[-1].text not in "”’》」）)")):
        ws = ws[:-1]
    return ws


# A part of a year (一季度, 前三季度, 首三季, 第三季, 前10个月, 上半年) or a school year named by
# its place (本学年, 上学年, 新学年) once its words are joined.
_PART_OF_YEAR = re.compile(
    r"^(?:[首前第上下本今去全新该]+[一二三四五六七八九十两0-9]*|[一二三四五六七八九十两0-9]+)个?(?:季度?|月份?|半年|学年)$"
)  # not 月 or 季 alone: 月|访问量, 月|最低工资标准 name a monthly measure


def _period_closing(ws: Sequence[Word]) -> int:
    """How many words closing ``ws`` after its noun are a part of the year opened by its place
    (的士投诉|首|十月, 旅客人次|首季, 投诉|前三季): when, never what (a headline's word order); else 0."""
    for k in (3, 2, 1):
        if len(ws) > k and ws[-k].text[0] in "首前上下本今去全第" and _PART_OF_YEAR.match(_text(ws[-k:])):
            return k if ws[-k - 1].tag.startswith(("n", "vn", "j")) else 0
    return 0


# A day or a month named in one word (当天|进场求职人数, 九月份|全澳…急诊求诊), the same period of a
# release (同期|入境旅客, 月内|平均气温) or the year so far (今年以来|单月平均毛收入): when, never what.
_DAY_OR_MONTH = re.compile(
    r"^(?:(?:当|同|翌|次|首)[天日]|[一二三四五六七八九十]+月份?|年[末底初中内]|岁末|同期|[月期]内|[当同本上]月|(?:今|本|去)年以来|[本上下新该今]学年)$"
)


# a point of the year and the localiser after it (年底|前, 年末|时): when, never what
_YEAR_POINT_TAIL = ("前", "时", "止")


def _period_opening(ws: Sequence[Word]) -> int:
    """How many words opening ``ws`` are a part of a year (前|三季度, 首|三季) -- numerals, localisers
    and time words that join into one -- or a day or month word, with a noun after them; else 0."""
    if len(ws) > 1 and _DAY_OR_MONTH.match(ws[0].text) and ws[1].tag not in ("m", "mq", "q", "f"):
        return 1
    if len(ws) > 2 and _DAY_OR_MONTH.match(ws[0].text) and ws[1].text in _YEAR_POINT_TAIL:
        return 2  # 年底前|物业服务覆盖率
    k = 0
    while k < len(ws) - 1 and ws[k].tag in ("m", "mq", "q", "f", "t"):
        k += 1
        if _PART_OF_YEAR.match(_text(ws[:k])) and ws[k].tag not in ("m", "mq", "q", "f"):
            return k
    return 0


# A calendar year or fiscal year written out (二○二五年, 2024年, 2023-24年度): when, never what
# (2026/27学年, cut 2026|/|27|学年: a school year named by both its years)
_YEAR = re.compile(r"^(?:[0-9０-９]{4}|[零〇○一二三四五六七八九]{4})(?:[-－至/][0-9]{2,4})?学?年度?$")
# (session 9) a fiscal year the dictionary cuts in two (116|年度, 2027|年度): a Republic of China one
# has three digits (a mainland text writes no 3-digit 年度)
_ROC_FISCAL = re.compile(r"^(?:1[0-4][0-9]|(?:19|20)[0-9]{2})年度$")


def _roc_fiscal_opening(ws: Sequence[Word]) -> int:
    """2 when ``ws`` opens with a fiscal year cut in two (116|年度, 2027|年度), else 0."""
    return 2 if len(ws) > 1 and _ROC_FISCAL.match(ws[0].text + ws[1].text) else 0


def _year_or_territory(ws: Sequence[Word]) -> int:
    """How many words opening ``ws`` spell a year (2024|年, 二○二五年) or a place word the dictionary
    cut in two (全|台), with more words after them; else 0. The year and the whole territory say when
    and where the figure holds (scored under years and region), never what is counted."""
    if len(ws) > 2 and _roc_fiscal_opening(ws):
        return 2  # 116|年度|将增编至…: when, never what
    for k in (1, 2, 3, 4):
        if len(ws) > k and ws[k - 1].text not in "年度":
            joined = _text(ws[:k])
            cut = k == 2 and joined in _set("subject_place_words.txt") and len(ws[k].text) > 1
            if _YEAR.match(joined) or cut:  # not 全|台|超|商: single characters, a name cut up
                return k
    return 0


def _single_verb_run(ws: Sequence[Word]) -> int:
    """The length of a run of two or more one-character verbs opening ``ws`` before a noun of two
    characters or more (办|复|建议, 新|改|扩|建|学校): a compound verb the dictionary lacks; else 0."""
    k = 0
    while k < len(ws) and ws[k].tag == "v" and len(ws[k].text) == 1 and _HAN.match(ws[k].text):
        k += 1
    if k < 2 or k >= len(ws):
        return 0
    head = ws[k]
    return k if head.tag.startswith(("n", "j")) and len(head.text) >= 2 else 0


def _verb_term(ws: Sequence[Word]) -> bool:
    """A verb and one attribute word after it make a term (死亡|人数, 收集|率), or one extent word
    (subject_extent_heads.txt: 焚烧|面积, 受害|程度): the verb stays; so does a verb before 人员 (参演|人员, 进山|人员: the people who do it, a class of people)."""
    return len(ws) == 2 and (
        ws[1].text.endswith(words("subject_attribute_heads.txt"))
        or ws[1].text == "人员"
        or ws[1].text in _set("subject_extent_heads.txt")  # 焚烧|面积, 受害|程度: the extent of the act
    )


def _averaged_act(ws: Sequence[Word]) -> bool:
    """The phrase opens with a rate marker before the attribute of an act (平均|轮候|时间, 平均|等候|时长):
    the marker names the statistic (the mean of the wait), so it stays in the subject, unlike a
    bridge before a verb (平均|增长); so does 平均 before one noun (平均|房价). rate_markers.txt holds
    the markers."""
    if not (len(ws) > 1 and ws[0].text in _set("rate_markers.txt")):
        return False
    if (
        ws[0].text == "平均"
        and len(ws) == 2
        and ws[1].tag == "n"
        and len(ws[1].text) > 1
        and not _is_stop(ws[1])
    ):
        return True  # 平均|房价, 平均|降雨量: the mean of a quantity named by a noun is the indicator
    return len(ws) > 2 and _attribute_of_act(ws, 2)
