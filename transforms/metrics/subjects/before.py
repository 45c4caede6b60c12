"""The subject read backward from a metric (收集|群众困难诉求|5880件), and the 、 lists it reads with.

``_before`` cuts the window, ``_before_window`` segments it and runs the phrase, trim, owner and
base rules in order. A list item's noun is read by ``_before`` itself, so the list readers stay here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.lexicon import words
from transforms.metrics.subjects.bases import (
    _base_alone,
    _before_base,
    _before_compare_verb,
    _before_compared_frame,
    _before_comparison,
    _before_multiple_frame,
    _frame_cut,
    _shares_of_base,
)
from transforms.metrics.subjects.bridges import _bridge_suffix, _measure_text, _metric_bridges, _rate_tail
from transforms.metrics.subjects.owners import (
    _strip_predicate,
    _with_contributor,
    _with_owner,
    _with_per_head,
    _with_relation,
)
from transforms.metrics.subjects.per_head import _per_head_change, _per_population
from transforms.metrics.subjects.phrase import _np_backward
from transforms.metrics.subjects.segments import _split_stop_prefix
from transforms.metrics.subjects.spans import (
    _CLAUSE_STOP,
    _CUT,
    _HAN_WORD,
    _balanced,
    _Before,
    _clause_start,
    _text,
)
from transforms.metrics.subjects.trim import _DATE_TAILS, _past_modal_predicate, _roc_fiscal_opening, _trim_np
from transforms.metrics.subjects.vocab import (
    _BARE_TAGS,
    _NOMINAL,
    _good,
    _is_bridge,
    _is_stop,
    _is_verb,
    _set,
)
from transforms.metrics.words import Word, tag

# Localisers that close a date after its digits and tail (117年底|前, 116年|起): when, never what
_DATE_LOCALISERS = frozenset({"前", "起", "后", "止", "以前", "之前", "以后", "之后", "为止"})


# Words that open a part of a whole before its figure (其中|滥收车资|412宗): what follows names the
# part, an act as much as a thing, so a verb opening it is the part's name, not a governing verb
_PART_OPENERS = frozenset({"其中", "当中"})


# A start date closing the words before a bridge (薪资|自115年1月起|为2万元, 工资|从明年起|调升至…): it
# says from when the figure holds, never what
_FROM_DATE = re.compile(
    r"(?:自|从)(?:[0-9０-９]{2,4}(?:学)?年度?|[明今本去下]年度?|[0-9０-９一二三四五六七八九十]{1,2}月(?:份)?|"
    r"[0-9０-９]{1,2}日|[初中底])+(?:起|开始)$"
)


def _past_where(np: list[Word], rest: list[Word]) -> list[Word]:
    """``np`` without the place after 在 that says where: with its verb (在|浙|就业|省外劳动力), or a
    one-character territory (在|台|产业及社福移工, 在|澳|人均消费)."""
    if not (rest and rest[-1].text == "在"):
        return np
    if len(np) > 2 and np[0].tag in ("ns", "j") and np[1].tag.startswith("v") and len(np[1].text) > 1:
        return np[2:]
    if len(np) > 1 and np[0].text in _set("subject_place_abbreviations.txt"):
        return np[1:]
    return np


def _past_date_tail(np: list[Word], rest: list[Word]) -> list[Word]:
    """``np`` without what is left of a date whose digits end ``rest``: its tail (2024|年|全省地区生产
    总值; 年度投资 keeps its 年度; alone, 政府115|年度|将编列…, the date names nothing) and a localiser
    closing it (117|年底|前|资源回收率, 116|年|起|…: by or from when)."""
    if not (rest and rest[-1].tag == "m" and np and np[0].text in _DATE_TAILS):
        return np
    np = np[1:]
    return np[1:] if len(np) > 1 and np[0].text in _DATE_LOCALISERS else np


def _before(
    sentence: str, start: int, floor: int, event: bool, lead: str = "", cases: bool = False
) -> _Before:
    """The noun phrase that ends right before the metric, after the verb that governs it; ``lead``
    is the clause's verb when it stands elsewhere (a 分别 list item); ``cases``: the metric counts
    cases (宗), which a verb of subject_case_verbs.txt ending the phrase names."""
    lo = _clause_start(sentence, start, floor)
    opener = sentence[lo - 1 : lo] if lo else ""
    if lo > floor and sentence[lo - 1] not in _CLAUSE_STOP:
        opener = _CUT  # the window was cut inside a long clause: its first word may be a fragment
    if not lead:
        opening = _metric_bridges().match(sentence, start)
        lead = opening.group() if opening else ""
    found = _before_window(sentence[lo:start], opener, event, lead, cases)
    if opener == "、" and found.subject and lo > floor + 1:
        joint = _joint_items(sentence, lo - 1, floor, sentence[lo:start], found.subject)
        if not _PAIRED_METRIC.match(sentence, start):  # 新增A、B|80家、16家: one metric per item
            # (主题体育公园、社区健身园|等|1100余处: 等 closes the list the figure counts)
            window = sentence[lo:start].removesuffix("等")
            joint = joint or _listed_nouns(sentence, lo - 1, floor, window, found.subject)
        if joint:
            return _Before(joint, found.measure, False)
    return found


# One-character place words that close a list with 等 (A、B等|地|降温): "and other places"
_AFTER_LIST_PLACES = frozenset({"地", "处"})


def _past_list_places(np: list[Word], rest: list[Word]) -> tuple[list[Word], list[Word]]:
    """新疆北部、甘肃西部等|地|气温: 等地 closes the list of places before the phrase, so its 地 names no
    thing and leaves the phrase; the rest still ends in 等, which governs as before."""
    if rest and rest[-1].text == "等" and len(np) > 1 and np[0].text in _AFTER_LIST_PLACES:
        return np[1:], rest
    return np, rest


_PAIRED_METRIC = re.compile(r"[^，,；;。：:、\s]{1,12}[、和][0-9０-９一二三四五六七八九十两]")


def _list_items(sentence: str, stop: int, floor: int) -> list[str] | None:
    """The 、-separated items of the list that ends at ``stop`` (back to the clause start, not past
    ``floor``), when each is a short run of Han characters; else None."""
    lo = stop
    while lo > floor and sentence[lo - 1] not in _CLAUSE_STOP.replace("、", ""):
        lo -= 1
    items = sentence[lo:stop].split("、")
    if not all(items) or not all(_HAN_WORD.fullmatch(x) and len(x) <= 12 for x in items):
        return None
    return items


# Tags of the words of a list item that opens its clause with no verb (粮食播种面积、单产、总产)
_ITEM_NOUN_TAGS = ("n", "nz", "nt", "ns", "j", "vn", "b", "an")


def _nouns_only(item: str) -> bool:
    """The item is nouns alone, with no verb or numeral: a thing named, not an act."""
    return all(w.tag.startswith(_ITEM_NOUN_TAGS) for w in tag(item))


def _listed_nouns(sentence: str, stop: int, floor: int, window: str, subject: str) -> str | None:
    """建成|休闲公园、城市森林|15处: bare nouns listed under one verb right before one count are all
    counted by it, so the subject is the list (FACTS-DECISIONS: 问题和意见建议). Only when every item
    is nouns alone and the first follows its verb or time, or opens the clause with nouns alone
    (粮食播种面积、单产、总产|连续6年): 改造小区、加装电梯|500部 lists two acts."""
    if window != subject:
        return None  # 城市森林|建设|15处: the item carries its own words
    items = _list_items(sentence, stop, floor)
    if items is None:
        return None
    first = _before(items[0], len(items[0]), 0, False)
    if not first.subject or not items[0].endswith(first.subject):
        return None
    if re.search(r"\d", items[0]):
        return None  # 建设839个海外仓、总面积…: the first item is a figure's own phrase
    if first.subject == items[0]:
        if not _nouns_only(items[0]):
            return None  # 全力支持香港、澳门: a verb the read kept, not a list of things
        if floor and stop - len("、".join(items)) <= floor:
            return None  # 839个|海外仓、总面积: the first item is the noun of the figure before it
    listed = [first.subject, *items[1:], subject]
    if not all(_NOMINAL.match(tag(x)[-1].tag) for x in listed):
        return None
    if any(_before(x, len(x), 0, False).subject != x for x in items[1:]):
        return None  # 、加装|电梯: a later item opens with its own verb
    return "、".join(listed)


def _joint_items(sentence: str, stop: int, floor: int, window: str, subject: str) -> str | None:
    """发电量、用电量占比|均|超过30%: 均 (both, all) after the subject says one metric holds for every
    item of the list the clause closes, so the subject is the list: its items before ``stop`` (the 、
    that opens the clause), back to the clause start, the first without its governing verb."""
    if not window.startswith(subject):
        return None  # 残疾人新增|就业: the item's own words are not all the subject, so no list of them is
    at = len(subject)
    after = window[at:]
    all_word = any(w.tag == "d" and w.text in _set("subject_all_words.txt") for w in tag(after))
    if not (all_word or after.startswith(words("subject_all_words.txt"))):
        return None  # 均达 is one word to jieba: at the head the character decides
    items = _list_items(sentence, stop, floor)
    if items is None:
        return None
    first = _before(items[0], len(items[0]), 0, False).subject
    if not first:
        return None
    return "、".join([first, *items[1:], subject])


def _case_modifier(untrimmed: list[Word], np: list[Word]) -> list[Word]:
    """A case verb left alone by the trim (一般|申请 -> 申请, 救护|召唤 -> 召唤) gets back the modifier
    or verb of two characters before it: before a count of cases (宗) the act is a noun, so what
    stands before it names the kind of case (ordinary applications, ambulance call-outs), not a
    manner or a governing verb of the clause."""
    if len(np) != 1 or len(untrimmed) < 2 or untrimmed[-1] is not np[0]:
        return np
    prev = untrimmed[-2]
    if (
        np[0].text not in _set("subject_case_verbs.txt")
        or prev.tag not in ("a", "b", "v")
        or len(prev.text) < 2
    ):
        return np
    if _is_stop(prev) or _is_bridge(prev) or prev.text in _set("subject_case_receivers.txt"):
        return np  # 批出|申请: the clause's verb receives or grants the cases
    return [prev, np[0]]


def _event_act(ws: list[Word]) -> list[Word]:
    """``ws`` with the event act that ends it (subject_event_acts.txt) read as one noun with the word
    of two characters at most before it that says which (突击|巡查, 防火|巡查), unless that word governs."""
    prev = ws[-2]
    if len(prev.text) <= 2 and _HAN_WORD.fullmatch(prev.text) and not (_is_stop(prev) or _is_bridge(prev)):
        return [*ws[:-2], Word(prev.text + ws[-1].text, "n")]
    return [*ws[:-1], Word(ws[-1].text, "n")]


def _after_relative(untrimmed: list[Word], np: list[Word], rest: list[Word]) -> list[Word]:
    """寻找第一份工作的|新增|劳动力: a governing verb right after 的 opens no clause (的 has closed one,
    the modifier) but the head noun's name (new entrants), so it joins the phrase the cut stopped at."""
    if (
        len(rest) > 1
        and rest[-2].text == "的"
        and rest[-1].tag == "v"
        and _is_stop(rest[-1])
        and not _is_bridge(rest[-1])
        and np
        and np == untrimmed
        and np[0].tag.startswith("n")
    ):
        return [rest[-1], *np]
    return np


def _quoted_names(ws: list[Word]) -> list[Word]:
    """A quoted name holding a numeral (“15分钟品质文化生活圈”) as one word: its digits are part of
    the name, not a figure that ends the phrase read backward."""
    if not any(w.text == "“" for w in ws):
        return ws
    out: list[Word] = []
    i = 0
    while i < len(ws):
        end = (
            next((j for j in range(i + 1, len(ws)) if ws[j].text == "”"), None) if ws[i].text == "“" else None
        )
        if end is not None and any(any(c.isdigit() for c in w.text) for w in ws[i + 1 : end]):
            out.append(Word("".join(w.text for w in ws[i : end + 1]), "nz"))
            i = end + 1
            continue
        out.append(ws[i])
        i += 1
    return out


@lru_cache(maxsize=1 << 16)
def _before_window(window: str, opener: str, event: bool, lead: str = "", cases: bool = False) -> _Before:
    """``_before`` on the clause text before the metric and the character that opens the clause
    (memoised: the same clause heads recur across a corpus). ``lead`` is a bridge verb inside the
    metric's span (突破3万元): the clause has its verb, so a verb before an adverb (支出|首次) is a noun's."""
    # 调升至|每月|4000元: 每 and one unit right before the metric are the metric's rate, not the clause's
    rate = _rate_tail(window) if len(window) > 3 else None  # 每|千人 too (抽检量超|每千人|6.5批次)
    core = window[: rate.start()] if rate else window
    bridged = _bridge_suffix(core)  # 占比|达, 控制|在: cut off before segmenting, which would glue 比达
    named = _FROM_DATE.sub("", core[: len(core) - len(bridged)])  # 薪资|自115年1月起|为: from when
    ws = _quoted_names(_split_stop_prefix(_per_population(tag(named))))
    if opener == _CUT and len(ws) > 1:
        ws = ws[1:]
    measure: list[Word] = [Word(bridged, "v")] if bridged else []
    if lead and not bridged:
        measure.append(Word(lead, "v"))
    _strip_predicate(ws, measure, event, cases)
    if event and len(ws) > 1 and ws[-1].text in _set("subject_event_acts.txt"):
        ws = _event_act(ws)  # 突击|巡查|逾1万次: the inspections are counted
    ws = _before_compare_verb(_before_comparison(_before_compared_frame(_before_multiple_frame(ws, measure))))
    adverbs = all(w.tag in ("d", "ad") for w in measure)  # 余额|占|GDP平均数|约|27.6%
    of_base = bool(measure) and measure[0].text == "的"
    alone = _base_alone(ws) if of_base or adverbs else None
    if alone and (of_base or alone[0] in ("占", "占到")):
        return _Before(None, alone[0], True, alone[1])  # ，占|总预算|的|26.8%: a share of the thing before
    if of_base or (adverbs and _shares_of_base(ws)):
        ws = _before_base(ws)  # 网购骗案|占|诈骗案|约三成: 占 relates the thing to its base without 的
    # 城镇化率|从2020年的|53.2%: the change's start point; 财政储备|在2026年3月31日|为…: a dated point
    ws = ws[: _frame_cut(ws)]
    np, rest = _past_list_places(
        *_with_per_head(*_with_contributor(*_with_relation(*_with_owner(*_np_backward(ws)))))
    )
    np = _past_where(np, rest)
    np = _past_date_tail(np, rest)
    # 实施|帮扶项目: once a governing verb stands before the phrase, a verb opening it is a modifier
    # (not 累计|接访|群众: a bridge says how the figure runs, it governs no object)
    governed = bool(rest) and (
        (_is_stop(rest[-1]) and not _is_bridge(rest[-1]))
        or (_is_verb(rest[-1]) and not _is_bridge(rest[-1]))
        or rest[-1].text.startswith("每")
        or rest[-1].text in _PART_OPENERS  # 其中|滥收|车资|412宗: a part named by its act
    )
    untrimmed = np
    np = _trim_np(np, governed=governed, listed=opener == "、" and not rest, predicate=bool(measure or rate))
    if cases:
        np = _case_modifier(untrimmed, np)
    np = _after_relative(untrimmed, np, rest)
    np = _past_modal_predicate(np, rest)
    if not any(w.tag.startswith("v") for w in measure):
        head = ws[: len(ws) - len(np)] if np else ws
        verbs: list[Word] = []
        for w in reversed(head):
            if not (w.tag.startswith("v") or _is_stop(w)) or w.tag.startswith("u"):
                if verbs:
                    break
                continue
            verbs.insert(0, w)
        measure = verbs + measure
    if np and all(w.tag in ("m", "q", "mq") for w in np):
        np = []  # 一条|长280米: a numeral and measure word name nothing
    subject = _balanced(_text(np)) if np else ""
    m = _measure_text(measure)
    if np and len(np) == 1 and len(np[0].text) == 1 and ws == np and opener == "、":
        return _Before(subject, m, False)  # 发展金银花800亩、桃|650亩: a one-character item of a list
    if not subject or not _good(subject, np, 2):
        return _Before(
            None,
            m,
            all(
                _is_stop(w)
                or _is_bridge(w)
                or w.text in _set("subject_place_words.txt")
                or w.tag.startswith(_BARE_TAGS)
                or w.text in "）)/／"  # 旅客（120万人次）|上升: the bracket closes the figure before;
                # 700元/月|提高至: the slash and its unit are the figure's rate
                for w in ws[_roc_fiscal_opening(ws) :]  # 116|年度|将增编至: when, as 明年
            ),
        )
    return _Before(_per_head_change(subject, core, m), m, False)  # 户均|增收: the gain per head
