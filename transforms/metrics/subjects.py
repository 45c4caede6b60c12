"""What each metric counts (subject) and what happened to it (measure), read from words, not characters.

收集群众困难诉求5880件 -> (群众困难诉求, 收集); 28件市区民生实事基础上 -> 市区民生实事; 增长5.3% after
地区生产总值 -> (地区生产总值, 增长). The metric's own clause is cut into words (``words.tag``) and
the subject is the noun phrase

1. right after the metric when one follows it (28件|市区民生实事, 45万亩|水稻|相继成熟, 近30年的|违章建筑),
2. else right before it, after the verb that governs it (收集|群众困难诉求|5880件), with the words
   between noun and metric (增长, 达到, 突破, 将达) skipped and kept as the measure.

Some metrics name no noun of their own and take one from a neighbour in the same sentence:
a rate after a total (实现GDP 67665亿元，增长5.5%), a part stated by its state only (其中已办结4899件、
跟办981件; 目前已有2台安装完毕), the second verb of a coordination with its object left out (走访居民
43786户、电访25295户), a total after a list (交流心得体会，共计40余次), dimensions before the thing
(长280米、宽5米，总计1400平方米的水泥路), and the conjuncts of 分别 (A、B、C增加值分别增长x、y、z).
Stop and bridge words are lexicons beside this module; the rules are in code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from transforms.lexicon import words
from transforms.metrics.units import match_unit
from transforms.metrics.words import Word, dictionary_tag, tag

# Characters that end a clause for subject purposes. 、 ends a list item: each item has its own noun.
_CLAUSE_STOP = "，,；;。！!？?：:、…\n"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# Characters read back from a metric: indicator names of reports run to 22 (规模以上工业企业研发经费支出占…比重)
_MAX_BEFORE = 24
# and forward: names after a count run to 19 (“绿水青山就是金山银山”实践创新基地)
_MAX_AFTER = 20
# Tags that may stand inside a noun phrase (jieba/ICTCLAS): nouns, names, verbal nouns,
# modifiers, abbreviations, idioms, Latin (5G), and the single characters unknown words fall into.
_NOMINAL = re.compile(r"^(n\w*|vn|an|a|b|j|l|i|eng|ng|g|z|zg|k|h|s|x)$")
# Unit kinds of metrics that count people or households (惠及3400万人的…工程 counts no project).
_PEOPLE_KINDS = frozenset({"people", "households"})
# Unit kinds of sums and shares: a verb after one says what the money or share goes to (80亿元|支持…).
_SHARE_KINDS = frozenset({"money", "percent"})
# Unit kinds whose counted things carry long names with verbs inside (中医药传承创新中心, 承接产业转移主平台).
_LONG_NAME_KINDS = frozenset({"count"})
# Tags of the words a clause may hold when it names no noun (已|办结|4899件, 目前|已有|2台).
# m, q: a date (提升到|2025年的|57.7%); c: the conjunction alone between two metrics (12000元|和|13500元)
_BARE_TAGS = ("v", "d", "p", "t", "r", "u", "m", "q", "c")
# Tags skipped between a noun and its metric: adverbs, prepositions, particles, localisers, pronouns.
_SKIP_TAGS = frozenset({"d", "ad", "vd", "p", "u", "ul", "uj", "uz", "f", "r", "t", "m", "q"})
# 每 and one unit, or a round number and a unit (每千人, 每万人), right before a metric: its rate
# Localisers that close a period (3个月|内, 两年|之后), cut off from it by the window: when, never what
_PERIOD_CLOSERS = frozenset({"内", "后", "以内", "以后", "之内", "之后"})
_RATE_TAIL = re.compile(r"每[十百千万]?[\u4e00-\u9fff]$")
_PAIRED = re.compile(r"[“”（）()《》]")
_CUT = "…"  # stands for the clause opener when the window starts inside a clause
_QUOTES = "“”‘’\"'《》「」"
_PARENS = "（）()"
# What is left of a date when its digits are read as a number of their own (2024|年|全省地区生产总值).
# 10|月底, 第3|季: a part of a month or year after its digits too
_DATE_TAILS = frozenset(
    {
        "年",
        "月",
        "日",
        "年度",
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


@dataclass(frozen=True)
class Span:
    """The metric as the subject rules need it: where it stands and what kind of unit it has."""

    start: int
    end: int
    unit: str
    kind: str


@dataclass(frozen=True)
class Fact:
    """What a metric counts and what happened to it; either may be None."""

    subject: str | None
    measure: str | None


@cache
def _set(name: str) -> frozenset[str]:
    return frozenset(words(name))


def _is_stop(w: Word) -> bool:
    return w.text in _set("subject_stops.txt")


def _is_bridge(w: Word) -> bool:
    return w.text in _set("subject_bridges.txt")


def _is_punct(w: Word) -> bool:
    return w.tag == "x" and not _HAN.search(w.text) and not w.text.isalnum()


def _is_verb(w: Word) -> bool:
    """A plain verb of two or more characters that does not name a thing (诉求, 就业 do)."""
    return w.tag == "v" and len(w.text) >= 2 and w.text not in _set("subject_nominal_verbs.txt")


def _is_condition(ws: Sequence[Word], i: int) -> bool:
    """60|岁|以上|老人, 110|千伏|及|以上|变电站: a number with a unit of an attribute
    (threshold_kinds.txt) and 以上/以下 before a noun says which things are counted. The grammar
    reads no metric there, so it is part of their name, not a number ending it."""
    j = i + 1
    unit = match_unit(ws[j].text, 0) if j < len(ws) else None
    if unit is None or unit.surface != ws[j].text or unit.kind not in _set("threshold_kinds.txt"):
        return False
    j += 1 + (j + 1 < len(ws) and ws[j + 1].text in ("及", "或"))
    return j + 1 < len(ws) and ws[j].text in ("以上", "以下") and ws[j + 1].tag.startswith("n")


def _is_number(ws: Sequence[Word], i: int) -> bool:
    """A written number (another metric) ends a phrase; 5G, 万亿级, 千亩 and a condition are part of one."""
    w = ws[i]
    if w.tag != "m" or _is_condition(ws, i):
        return False
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    if i > 1 and ws[i - 1].text == "." and ws[i - 2].tag == "eng" and ws[i - 2].text[-1:].isdigit():
        return False  # PM2|.|5|浓度: the decimals of a Latin name
    return any(ch.isdigit() for ch in w.text) and not (nxt and nxt.tag == "eng")


@cache
def _stops_and_nominal_verbs() -> frozenset[str]:
    """The words :func:`_join_singles` keeps apart, made once (the union cost 8 us per metric)."""
    return _set("subject_stops.txt") | _set("subject_nominal_verbs.txt")


def _split_stop_prefix(ws: Sequence[Word]) -> list[Word]:
    """化解矛盾|纠纷 -> 化解|矛盾|纠纷, 解决问题 -> 解决|问题: jieba glues some verbs to their object."""
    out: list[Word] = []
    stops = _set("subject_stops.txt")
    joined = _join_singles(_join_suffix_heads(ws), _stops_and_nominal_verbs())
    for i, w in enumerate(joined):
        stop = (  # most words have two characters: no stop can be a proper prefix of them
            next((w.text[:k] for k in (4, 3, 2) if len(w.text) > k and w.text[:k] in stops), None)
            if len(w.text) > 2
            else None
        )
        if stop and w.text not in _set("subject_nominal_verbs.txt"):
            rest = tag(w.text[len(stop) :])
            # 交流学习|心得体会: a verb left after the stop still modifies the noun that follows
            modifier = (
                i + 1 < len(joined)
                and joined[i + 1].tag.startswith(("n", "l"))
                and rest
                and rest[0].tag == "v"
            )
            if (
                len(rest) == 1
                and len(rest[0].text) >= 2
                and (rest[0].tag.startswith(("n", "vn", "an")) or modifier)
            ):
                out += [Word(stop, "v"), rest[0]]
                continue
        out.append(w)
    return out


def _join_suffix_heads(ws: Sequence[Word]) -> list[Word]:
    """集中|收集|率 -> 集中|收集率: a one-character head jieba leaves alone joins the word before it."""
    out: list[Word] = []
    heads = _set("subject_suffix_heads.txt")
    for w in ws:
        if w.text in heads and out and _HAN.match(out[-1].text) and not _is_bridge(out[-1]):
            out[-1] = Word(out[-1].text + w.text, "n")
        else:
            out.append(w)
    return out


def _join_singles(ws: Sequence[Word], stops: frozenset[str]) -> Sequence[Word]:
    """补|植 -> 补植, 促|办 -> 促办: a lexicon verb jieba's dictionary lacks comes out as single
    characters; two of them that spell a stop word are that word."""
    if not any(len(a.text) == 1 and len(b.text) == 1 for a, b in pairwise(ws)):
        return ws
    out: list[Word] = []
    i = 0
    while i < len(ws):
        if i + 1 < len(ws) and len(ws[i].text) == 1 and len(ws[i + 1].text) == 1:
            pair = ws[i].text + ws[i + 1].text
            if pair in stops and _HAN.match(pair):
                out.append(Word(pair, "v"))
                i += 2
                continue
        out.append(ws[i])
        i += 1
    return out


def _clause_start(sentence: str, start: int, floor: int) -> int:
    i = start
    lowest = max(floor, start - _MAX_BEFORE)  # the walk past it would be cut back to it anyway
    while i > lowest and sentence[i - 1] not in _CLAUSE_STOP:
        i -= 1
    return max(i, start - _MAX_BEFORE)


def _text(ws: Sequence[Word]) -> str:
    return "".join(w.text for w in ws)


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
        span = _period_opening(ws)
        if span:
            ws, changed = ws[span:], True  # 前|三季度|全省地区生产总值, 首|三季|…: when, never what
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
            or _is_bridge(first)
            or (first.text in _set("subject_place_words.txt") and len(ws) > 1)
            or (
                first.text in ("以上", "以下") and len(ws) > 1
            )  # …及|以上|自然村: a condition's tail, cut off
            or (first.text in _PERIOD_CLOSERS and nxt is not None and len(nxt.text) > 1)
            # 3个月|内|就业率: a period's tail (not 后|浦|社区: a name cut in characters)
            or (_is_verb(first) and len(ws) > 1 and not governed and not _verb_term(ws))
            or (first.tag in ("a", "ad", "d") and nxt is not None and _is_verb(nxt))
        ):
            ws, changed = ws[1:], True
            continue
        run = _single_verb_run(ws)
        if run > 2 or (run == 2 and len(ws) > 3 and ws[0] is opening and not governed and not listed):
            # two verbs before one noun make a compound noun (续|贷|余额, 通|办|事项)
            ws, changed = ws[run:], True  # 办|复|人大代表建议: a verb the dictionary lacks, cut in characters
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


# A part of a year (一季度, 前三季度, 首三季, 第三季, 前10个月, 上半年) once its words are joined.
_PART_OF_YEAR = re.compile(
    r"^(?:[首前第上下本今去全]+[一二三四五六七八九十两0-9]*|[一二三四五六七八九十两0-9]+)个?(?:季度?|月份?|半年)$"
)  # not 月 or 季 alone: 月|访问量, 月|最低工资标准 name a monthly measure


# A day or a month named in one word (当天|进场求职人数, 九月份|全澳…急诊求诊): when, never what.
_DAY_OR_MONTH = re.compile(r"^(?:(?:当|同|翌|次|首)[天日]|[一二三四五六七八九十]+月份?|年[末底初中内]|岁末)$")
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
    """A verb and one attribute word after it make a term (死亡|人数, 收集|率): the verb stays."""
    return len(ws) == 2 and ws[1].text.endswith(words("subject_attribute_heads.txt"))


def _balanced(text: str) -> str:
    """A quote or parenthesis opened but not closed inside the phrase is dropped with what precedes it."""
    if not _PAIRED.search(text):
        return text
    for open_, close in ("“”", "（）", "()", "《》"):
        if text.count(open_) < text.count(close):
            text = text[text.index(close) + 1 :]
        elif text.count(open_) > text.count(close):
            text = text[: text.rindex(open_)]
    return text


@dataclass(frozen=True)
class _Before:
    subject: str | None
    measure: str | None
    bare: bool  # nothing but verbs, adverbs and bridge words stand between the clause start and the metric
    base: str | None = (
        None  # a share's base, all the clause names (，占|全市经济总量|的|六成): the last resort
    )


def _ends_phrase(ws: Sequence[Word], i: int) -> bool:
    """Whether word ``i`` cannot stand inside a noun phrase: a governing verb, a function word, a number."""
    w = ws[i]
    if _glued_single(ws, i):
        return False  # 昆明|长|水|国际机场: a name the dictionary lacks, cut into single characters
    if _verb_of_project(ws, i):
        return False  # 营造林|建设|任务: the verb and the task noun after it make the name
    if _attribute_of_act(ws, i + 1) and not (w.tag == "v" and _is_stop(w)):
        return False  # 平均|办理|时间: the act whose duration is measured (办理 is a noun here)
    if (
        _is_stop(w)
        or (w.text in _set("subject_bound_words.txt") and not _attribute_of_act(ws, i))
        or _is_number(ws, i)
        or w.text.startswith("每")
        or (w.tag == "t" and any(c.isdigit() for c in w.text))  # 去（113）年|全国…: a dated year
    ):
        return True
    if w.tag in ("p", "r", "uj", "ul", "u", "uz", "ud", "ug", "y", "e", "o") or (
        w.tag in ("d", "ad", "vd") and len(w.text) > 1
    ):
        return True
    return _is_punct(w) and w.text not in _QUOTES and w.text not in _PARENS


def _verb_of_project(ws: Sequence[Word], i: int) -> bool:
    """A verb of the kind of work (subject_project_verbs.txt) between a noun and a project or task noun
    (subject_project_heads.txt) names the kind of project (营造林|建设|任务, 人才|引进|项目), as it does
    after a metric: the noun before it is what is built, not a clause's subject."""
    w = ws[i]
    if not (w.text in _set("subject_project_verbs.txt") and _is_stop(w) and 0 < i < len(ws) - 1):
        return False
    prev = ws[i - 1]
    return (
        ws[i + 1].text in _set("subject_project_heads.txt")
        and prev.tag.startswith(("n", "j", "vn"))
        and not _is_stop(prev)
        and prev.text not in _set("subject_place_words.txt")
    )


def _glued_single(ws: Sequence[Word], i: int) -> bool:
    """A one-character dimension word (长, 宽) between a word and a single character that is no stop
    is a piece of an unknown name (昆明|长|水|国际机场), not the measure of a dimension (长|280米)."""
    w = ws[i]
    if len(w.text) != 1 or w.text not in _set("subject_dimension_words.txt") or not 0 < i < len(ws) - 1:
        return False
    nxt = ws[i + 1]
    return len(nxt.text) == 1 and bool(_HAN.match(nxt.text)) and not _is_stop(nxt) and nxt.tag != "m"


def _np_backward(ws: list[Word]) -> tuple[list[Word], list[Word]]:
    """(noun phrase at the end of ``ws``, the words before it). A head that names a thing though
    tagged a verb (入户走访|53次) stays; a rate's 每 + unit is passed over (收费标准|每生每课时|2.5元,
    每学期|收费, 每台|电梯造价)."""
    i = len(ws)
    while i > 0 and (
        not (_ends_phrase(ws, i - 1) and not (i == len(ws) and _head_noun(ws, i - 1)))
        or _adverb_of_term(ws, i - 1)
    ):
        if i < len(ws) and _verb_of_clause(ws, i - 1):
            break
        i -= 1
    if 1 < i == len(ws) - 1 and _attribute_term(ws, i - 1):
        return _np_backward([*ws[: i - 1], Word(ws[i - 1].text + ws[i].text, "n")])  # 研发投入|强度
    np, rest = ws[i:], ws[:i]
    if rest and rest[-1].text.startswith("每"):
        if rest[-1].text == "每" and len(np) > 2 and _PER_ROUND.fullmatch(np[0].text) and np[1].tag == "n":
            return [rest[-1], *np], rest[:-1]  # 每|万|人口|发明专利拥有量: per head, a core qualifier
        if rest[-1].text == "每" and len(np) > 1:
            return np[1:], rest
        if len(np) == 1 and _act_of_rate(np[0]):
            return np, rest  # 长者|每月|津贴: what is paid or done per unit is what is counted
        if len(np) <= 1:
            outer, before = _np_backward(rest[:-1])
            if outer:
                return outer, before
    return np, rest


# A round number a rate is per (每|万|人口, 每|千名|老人): with the noun after it, it opens the name of
# an indicator per head, which the rate changes as 单位 does (not a rate tail: that ends the window).
_PER_ROUND = re.compile(r"[十百千万]+名?")


def _act_of_rate(w: Word) -> bool:
    """A word of two characters or more after a rate's 每 + unit that names a sum or an act (每月|补贴,
    每班|训练, 每日|载客): the thing given or done per unit, the metric's own subject -- not the
    people or things the rate is per, which stand before it. Not a verb of change (村民|每年|增收:
    增/减 + what grows says how the thing before the rate changes)."""
    return (
        len(w.text) >= 2
        and not (w.tag == "v" and w.text[0] in "增减")
        and w.tag in ("n", "vn", "v")
        and not _is_stop(w)
        and not _is_bridge(w)
        and w.text not in _set("subject_bound_words.txt")
    )


def _adverb_of_term(ws: Sequence[Word], j: int) -> bool:
    """Adverb ``j`` opens the name of a rate or size of an act, which the rest of ``ws`` is: the act
    and its attribute word (直接|结算率, 一次性|化解率, 直接|融资|规模). The indicator is that of the act
    done so, not the verb's manner."""
    term = ws[j + 1 :]
    if ws[j].tag not in ("d", "ad") or len(ws[j].text) < 2 or not 0 < len(term) <= 2:
        return False
    if not term[-1].text.endswith(words("subject_attribute_heads.txt")):
        return False
    act = term[0]
    if len(term) == 2:
        return act.tag in ("v", "vn")
    stem = act.text[: -len(next(h for h in words("subject_attribute_heads.txt") if act.text.endswith(h)))]
    return len(stem) >= 2 and (dictionary_tag(stem) or "").startswith("v")


def _verb_of_clause(ws: Sequence[Word], j: int) -> bool:
    """Word ``j`` is the verb of a clause whose own subject stands before it, so the counted phrase
    starts after it (民间资本|推介|优质项目, 干部|包抓联|企业, 常委会|审议|地方性法规): a plain verb, or
    the last of a run of one-character verbs, with a noun before it (adverbs and 新 between). Not when
    what follows is one attribute word the verb makes a term with (研发投入|强度, 集中|收集率)."""
    w = ws[j]
    if w.tag != "v" or w.text in _nominal_verbs() or _is_bridge(w):
        return False
    k = j - 1
    if len(w.text) == 1:
        if k < 0 or not (ws[k].tag == "v" and len(ws[k].text) == 1):
            return False
        while k >= 0 and ws[k].tag == "v" and len(ws[k].text) == 1:
            k -= 1
    rest = ws[j + 1 :]
    if not rest[0].tag.startswith(("n", "vn", "j", "b", "a")):
        return False  # 出国|（境）费用
    if len(rest) == 1 and rest[0].text.endswith(words("subject_attribute_heads.txt")):
        return False
    adverb = k >= 0 and ws[k].tag in ("a", "ad", "d") and len(ws[k].text) == 1
    while k >= 0 and ws[k].tag in ("a", "ad", "d") and len(ws[k].text) == 1:
        k -= 1  # 项目|新|签署
    if k < 0:
        return False
    before = ws[k]
    if (
        not before.tag.startswith(("n", "j"))
        or _is_stop(before)
        or before.text in _set("subject_place_words.txt")
    ):
        return False  # 在|京|生产|新能源汽车: an abbreviated place is a noun too
    # 建成|各类概念|验证|中心, 投入|财政|帮扶|资金: a governing verb before that noun makes the whole
    # its object, and the inner verb only a modifier
    while k >= 0 and ws[k].tag.startswith(_INNER_TAGS) and not _is_stop(ws[k]):
        k -= 1
    if k >= 0 and _is_stop(ws[k]) and ws[k].tag.startswith("v"):
        return False
    # An indicator's name holds its verb (政府购买服务|支出, 装备制造产业|增加值); a counted object does
    # not (签署|合作项目)
    if _has_head(_text(rest)):
        return False
    # The noun is the clause's own subject only when something marks it so: a preposition before it,
    # or a verb before an organisation (向|民间资本|推介, 提请|常委会|审议), an adverb before the verb (项目|新|签署), or a
    # run of one-character verbs (干部|包抓联). Unmarked, noun and verb make a name (资金集中|运营中心).
    run = ws[k + 1 : j]
    pivot = k >= 0 and ws[k].tag == "v" and any(x.tag == "nt" for x in run)  # 提请|常委会(会议)|审议
    return adverb or len(w.text) == 1 or pivot or (k >= 0 and ws[k].tag == "p")


# Tags of the words between a governing verb and the noun before an inner verb (各类|概念, 财政).
_INNER_TAGS = ("n", "j", "b", "a", "r", "m", "q", "l", "vn", "c", "t")


def _attribute_term(ws: Sequence[Word], j: int) -> bool:
    """A verb that ends the phrase at ``j`` but makes a term with the one attribute word after it,
    after a noun (研发|投入|强度: the intensity of R&D spending, not 强度 alone)."""
    return (
        ws[j].tag == "v"
        and j > 0
        and ws[j - 1].tag.startswith(("n", "j", "vn", "eng"))
        and ws[j + 1].text.endswith(words("subject_attribute_heads.txt"))
        and not _is_bridge(ws[j])
    )


def _attribute_of_act(ws: Sequence[Word], i: int) -> bool:
    """Word ``i`` is a bound word that names an attribute (时间, subject_attribute_heads.txt) right after
    the word of an act (平均|轮候|时间, 通勤|时间): the attribute of that act is what is measured, so it
    heads the phrase; after a numeral (一周|时间) it stays bound."""
    return (
        0 < i < len(ws)
        and ws[i].text in _set("subject_bound_words.txt")
        and ws[i].text in _set("subject_attribute_heads.txt")
        and ws[i - 1].tag in ("v", "vn", "n", "j")  # 轮候 vn, 等候 n, 通勤 j
        and len(ws[i - 1].text) > 1
        and not _is_bridge(ws[i - 1])
        and ws[i - 1].text not in _set("subject_bound_words.txt")
    )


def _kept_head(ws: Sequence[Word], measure: Sequence[Word]) -> bool:
    """The last word heads the phrase though a stop: after a bridge was stripped (总|花费|增长), or with
    a modifier before it when the metric follows at once (游客旅游|总|花费|8350亿元; not 事项|精简|两成);
    or the act after a rate per unit (每人每月|最高|补助: what is given per unit, not the clause's verb)."""
    if ws and _act_of_rate(ws[-1]):
        k = len(ws) - 2
        if k >= 0 and ws[k].tag == "a":
            k -= 1  # 每月|最高|补助
        if k >= 0 and ws[k].text.startswith("每") and len(ws[k].text) > 1:
            return True
    if (
        len(ws) > 1
        and ws[-2].tag == "b"
        and ws[-1].tag.startswith("v")
        and not (_is_bridge(ws[-1]) or _is_stop(ws[-1]))
    ):
        return True  # 一次性|补助: a distinguishing word qualifies nouns only, so the verb after it is one
    if _attribute_of_act(ws, len(ws) - 1):
        return True
    if not _head_noun(ws, len(ws) - 1):
        return False
    return bool(measure) or (len(ws) > 1 and ws[-2].tag in ("b", "a", "an"))


def _head_noun(ws: Sequence[Word], i: int) -> bool:
    """Word ``i``, last before the metric, heads the phrase though a stop: it names a thing
    (入户走访|53次), or the dictionary tags it a noun and a modifier stands before it (总|花费)."""
    w = ws[i]
    if w.text in _nominal_verbs():
        return True
    if not (w.tag == "n" and _is_stop(w) and i > 0):
        return False
    prev = ws[i - 1]
    return bool(_NOMINAL.match(prev.tag)) and not _is_stop(prev) and not _ends_phrase(ws, i - 1)


def _nominal_verbs() -> frozenset[str]:
    return _set("subject_nominal_verbs.txt")


def _strippable(w: Word, event: bool, stripped: list[Word]) -> bool:
    """A word between the noun and the metric: a bridge (增长, 达到), an adverb or particle, or one verb
    (生猪|出栏|6248万头) -- unless the verb names the thing (新增|就业|107万人) or events are counted
    (入户走访|53次)."""
    if (
        _is_bridge(w)
        or w.text in _set("subject_bound_words.txt")  # 首次, 累计 between the noun and its bound
        or w.tag in ("p", "u", "ul", "uj", "uz")
        or (w.tag in ("d", "ad", "vd") and (len(w.text) > 1 or bool(stripped)))  # 不|低于
    ):
        return True
    if w.text in _set("subject_nominal_verbs.txt") or (event and not stripped):
        return False
    if _is_stop(w):
        return True
    return _is_verb(w) and not any(_is_stop(x) or _is_verb(x) for x in stripped)


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
            joint = joint or _listed_nouns(sentence, lo - 1, floor, sentence[lo:start], found.subject)
        if joint:
            return _Before(joint, found.measure, False)
    return found


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


def _listed_nouns(sentence: str, stop: int, floor: int, window: str, subject: str) -> str | None:
    """建成|休闲公园、城市森林|15处: bare nouns listed under one verb right before one count are all
    counted by it, so the subject is the list (FACTS-DECISIONS: 问题和意见建议). Only when every item
    is nouns alone and the first follows its verb or time: 改造小区、加装电梯|500部 lists two acts."""
    if window != subject:
        return None  # 城市森林|建设|15处: the item carries its own words
    items = _list_items(sentence, stop, floor)
    if items is None:
        return None
    first = _before(items[0], len(items[0]), 0, False)
    if not first.subject or first.subject == items[0] or not items[0].endswith(first.subject):
        return None
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
    if not any(w.tag == "d" and w.text in _set("subject_all_words.txt") for w in tag(window[at:])):
        return None
    items = _list_items(sentence, stop, floor)
    if items is None:
        return None
    first = _before(items[0], len(items[0]), 0, False).subject
    if not first:
        return None
    return "、".join([first, *items[1:], subject])


@cache
def _metric_bridges() -> re.Pattern[str]:
    """Bridge verbs a metric's own span may open with (突破3万元): two characters or more, longest
    first (one compiled alternation: this runs for every metric)."""
    found = sorted((b for b in words("subject_bridges.txt") if len(b) > 1), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, found)))


@cache
def _duration_rate() -> re.Pattern[str]:
    """每 and a unit of time of two characters or more (每小时, 每分钟) ending the window."""
    units = sorted((u for u in words("duration_units.txt") if len(u) > 1), key=len, reverse=True)
    return re.compile("每(?:" + "|".join(map(re.escape, units)) + ")$")


def _rate_tail(window: str) -> re.Match[str] | None:
    """The metric's rate right before it: 每 and one unit (每月, 每户, 每千人), or a unit of time
    of more characters (收费由|每小时|4元), never the noun measured."""
    return _RATE_TAIL.search(window) or _duration_rate().search(window)


@lru_cache(maxsize=1 << 16)
def _before_window(window: str, opener: str, event: bool, lead: str = "", cases: bool = False) -> _Before:
    """``_before`` on the clause text before the metric and the character that opens the clause
    (memoised: the same clause heads recur across a corpus). ``lead`` is a bridge verb inside the
    metric's span (突破3万元): the clause has its verb, so a verb before an adverb (支出|首次) is a noun's."""
    # 调升至|每月|4000元: 每 and one unit right before the metric are the metric's rate, not the clause's
    rate = _rate_tail(window) if len(window) > 3 else None  # 每|千人 too (抽检量超|每千人|6.5批次)
    core = window[: rate.start()] if rate else window
    bridged = _bridge_suffix(core)  # 占比|达, 控制|在: cut off before segmenting, which would glue 比达
    ws = _split_stop_prefix(tag(core[: len(core) - len(bridged)]))
    if opener == _CUT and len(ws) > 1:
        ws = ws[1:]
    measure: list[Word] = [Word(bridged, "v")] if bridged else []
    if lead and not bridged:
        measure.append(Word(lead, "v"))
    _strip_predicate(ws, measure, event, cases)
    ws = _before_compare_verb(_before_comparison(ws))
    adverbs = all(w.tag in ("d", "ad") for w in measure)  # 余额|占|GDP平均数|约|27.6%
    of_base = bool(measure) and measure[0].text == "的"
    alone = _base_alone(ws) if of_base or adverbs else None
    if alone and (of_base or alone[0] in ("占", "占到")):
        return _Before(None, alone[0], True, alone[1])  # ，占|总预算|的|26.8%: a share of the thing before
    if of_base or (adverbs and _shares_of_base(ws)):
        ws = _before_base(ws)  # 网购骗案|占|诈骗案|约三成: 占 relates the thing to its base without 的
    frame = _from_frame(ws)
    if frame is not None:
        ws = ws[:frame]  # 城镇化率|从2020年的|53.2%: the change's start point, its subject before 从
    np, rest = _with_per_head(*_with_contributor(*_with_owner(*_np_backward(ws))))
    located = len(np) > 2 and np[0].tag in ("ns", "j") and np[1].tag.startswith("v") and len(np[1].text) > 1
    if rest and rest[-1].text == "在" and located:
        np = np[2:]  # 在|浙|就业|省外劳动力: the place and verb after 在 say where, the noun says what
    if rest and rest[-1].tag == "m" and np and np[0].text in _DATE_TAILS:
        np = np[1:]  # 2024|年|全省地区生产总值: the date's 年 after its digits (年度投资 keeps its 年度);
        # alone (政府115|年度|将编列…), the date names nothing
    # 实施|帮扶项目: once a governing verb stands before the phrase, a verb opening it is a modifier
    # (not 累计|接访|群众: a bridge says how the figure runs, it governs no object)
    governed = bool(rest) and (
        (_is_stop(rest[-1]) and not _is_bridge(rest[-1]))
        or (_is_verb(rest[-1]) and not _is_bridge(rest[-1]))
        or rest[-1].text.startswith("每")
    )
    np = _trim_np(np, governed=governed, listed=opener == "、" and not rest, predicate=bool(measure or rate))
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
                for w in ws
            ),
        )
    return _Before(subject, m, False)


def _strip_predicate(ws: list[Word], measure: list[Word], event: bool, cases: bool) -> None:
    """Move the verbs and glue between the noun and the metric from the end of ``ws`` to the front of
    ``measure`` (both in place), up to a word that heads the phrase."""
    while ws and _strippable(ws[-1], event, measure) and not _kept_head(ws, measure):
        if cases and not measure and _case_head(ws):
            break
        measure.insert(0, ws.pop())


def _case_head(ws: Sequence[Word]) -> bool:
    """A verb that names cases (申请, 投诉) right before a count of them, after a noun (收到|援助计划|
    申请|1,236宗): the applications are what is counted, as after the metric (_case_verb)."""
    return (
        len(ws) > 1
        and ws[-1].text in _set("subject_case_verbs.txt")
        and ws[-2].tag.startswith(("n", "j", "vn"))
        and not _is_stop(ws[-2])
    )


def _with_owner(np: list[Word], rest: list[Word]) -> tuple[list[Word], list[Word]]:
    """(np, rest) with an attribute word alone after 的 (…|的|比重) grown by what it is of."""
    if len(rest) > 1 and rest[-1].text == "的" and len(np) == 1 and np[0].text.endswith(_attribute_heads()):
        owner = _owner_of_attribute(rest[:-1])
        if owner:
            return [*owner, rest[-1], *np], rest[: len(rest) - 1 - len(owner)]
    return np, rest


# Per-head words (人均, 户均) that make a 每 + time word after them part of the noun phrase: 人均|每日|
# 弃置量 is the per-head daily amount, one indicator, where 每日 opening a phrase (每日|客流量) says when.
_PER_HEAD = frozenset({"人均", "户均"})


def _with_per_head(np: list[Word], rest: list[Word]) -> tuple[list[Word], list[Word]]:
    """(np, rest) with a per-head word and the 每 + time word after it moved into the phrase."""
    if np and len(rest) > 1 and rest[-1].text.startswith("每") and rest[-2].text in _PER_HEAD:
        return rest[-2:] + np, rest[:-2]
    return np, rest


def _with_contributor(np: list[Word], rest: list[Word]) -> tuple[list[Word], list[Word]]:
    """(np, rest) with an attribute phrase after 对 (工业|对|经济增长贡献率) grown by the noun before 对:
    A对B…率 is A's share in B, so A changes what is measured (服务业 or 消费 对经济增长贡献率)."""
    if not (np and len(rest) > 1 and rest[-1].text == "对" and np[-1].text.endswith(_attribute_heads())):
        return np, rest
    k = len(rest) - 1
    while (
        k > 0 and rest[k - 1].tag.startswith(("n", "j", "vn", "b", "l", "eng")) and not _is_stop(rest[k - 1])
    ):
        k -= 1
    if k == len(rest) - 1 or rest[k].text in _set("subject_place_words.txt"):
        return np, rest  # 对|经济增长贡献率 opening the clause: the contributor is named before
    return [*rest[k:], *np], rest[:k]


def _owner_of_attribute(ws: Sequence[Word]) -> list[Word]:
    """What an attribute word after 的 is of (民生支出占财政支出|的|比重, 物流总费用与生产总值|的|比率):
    the words back to the start of the clause, with no number, punctuation or clause verb among them
    but the 占, 与 or 对 that relates two things (工业对经济增长|的|贡献率); empty when there is none."""
    i = len(ws)
    while i > 0 and not (
        _is_number(ws, i - 1)
        or _is_punct(ws[i - 1])
        or (_is_stop(ws[i - 1]) and ws[i - 1].text not in "占与和")
    ):
        i -= 1
    owner = _trim_np(list(ws[i:]))
    if len(owner) < 2 or not any(w.text in ("占", "与", "和", "对") for w in owner):
        return []
    return owner


def _before_base(ws: list[Word]) -> list[Word]:
    """The words before the base of a share (高标准农田|达到|耕地总面积|的|64%, 总额|不|超过|封顶线|的|
    20%): the metric after B的 is a part of B, so B is what it is measured against and the thing
    measured is the noun before the bridge verb. Unchanged when no noun stands before it (占全省的)."""
    at = next((j for j in range(len(ws) - 2, 0, -1) if ws[j].text in _set("subject_base_bridges.txt")), None)
    if at is None:
        return ws
    base = ws[at + 1 :]
    if not base[-1].tag.startswith("n") or any(_is_stop(w) or _is_punct(w) for w in base):
        return ws
    head = ws[:at]
    while head and head[-1].tag in ("d", "ad"):
        head = head[:-1]  # 总额|不|超过, 产值|均|达到
    if not head or not head[-1].tag.startswith(("n", "j", "vn", "eng")):
        return ws
    return head


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
    if at is None or not ws[at - 1].tag.startswith(("n", "j", "eng")):
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
    ):
        i -= 1
    if i < 2 or ws[i - 1].text not in _set("subject_from_words.txt"):
        return None
    at = i - 1
    if ws[at - 1].tag in ("d", "ad") and at > 1:
        at -= 1  # 低保标准|分别|从…: an adverb between the noun and 从
    return at if ws[at - 1].tag.startswith(("n", "j", "v", "eng")) else None


def _bridge_suffix(window: str) -> str:
    """The bridge words (达, 控制在, 增长) that end the window, read off the characters."""
    end = len(window)
    bridges = _set("subject_bridges.txt")
    found = True
    while found:
        found = False
        for k in _lengths_all("subject_bridges.txt"):
            if k <= end and window[end - k : end] in bridges:
                end -= k
                found = True
                break
    if 0 < end < len(window) and (dictionary_tag(window[end - 1 : end + 1]) or "").startswith("v"):
        end = _verb_across(window, end)
    return window[end:]


def _verb_across(window: str, end: int) -> int:
    """Where the bridge cut at ``end`` moves when it splits a verb (比率|接近: 近 is a bridge, but here
    the end of 接近): the cut of the few characters around it decides, so 支出|下降 stays."""
    moved = _verb_split(window, end, 3)
    if moved != end and end > 3 and _verb_split(window, end, 6) == end:
        return end  # 房价所得比|降至: a longer word before it claims the character (所得|比降 is no verb)
    return moved


def _verb_split(window: str, end: int, back: int) -> int:
    """``_verb_across`` read on the ``back`` characters before ``end`` and the rest."""
    lo = max(0, end - back)
    at = lo
    for w in tag(window[lo:]):
        if at < end < at + len(w.text):
            return at if w.tag.startswith("v") else end
        at += len(w.text)
    return end


@cache
def _lengths_all(name: str) -> tuple[int, ...]:
    """The lengths of a lexicon's words, longest first."""
    return tuple(sorted({len(x) for x in words(name)}, reverse=True))


def _verb_before(sentence: str, start: int) -> _Before:
    """The governing verb that ends right before the metric (开展|10项综合整治行动), as its measure."""
    end = start
    while end > 0 and sentence[end - 1] in "了着过":
        end -= 1
    verbs = _stops_and_bridges()
    for k in _verb_lengths():
        if k <= end and sentence[end - k : end] in verbs:
            return _Before(None, sentence[end - k : end], False)
    return _Before(None, None, False)


@cache
def _stops_and_bridges() -> frozenset[str]:
    """The verbs :func:`_verb_before` looks for, made once (the union cost 18 us on every metric)."""
    return _set("subject_stops.txt") | _set("subject_bridges.txt")


@cache
def _verb_lengths() -> tuple[int, ...]:
    """Lengths of the two-or-more-character verbs, longest first (one-character stops are function words)."""
    found = {len(w) for w in (*words("subject_stops.txt"), *words("subject_bridges.txt")) if len(w) > 1}
    return tuple(sorted(found, reverse=True))


def _measure_text(ws: Sequence[Word]) -> str | None:
    verbs = [w.text for w in ws if w.tag.startswith("v")]
    return "".join(verbs) or None


def _good(subject: str, np: Sequence[Word], least: int = 1) -> bool:
    """A subject names something: two characters, or after a metric one noun (向8个|市|下放), and no
    bound word alone."""
    if (
        not subject
        or subject in _set("subject_bound_words.txt")
        or subject in _set("subject_place_words.txt")
        or _names_nothing(np)
    ):
        return False
    if len(subject) >= 2:
        return True
    return least == 1 and bool(np) and np[-1].tag in ("n", "ns")


# A count in Chinese numerals and a measure word (三个, 两批): never the counted thing, only its count.
_NUMERAL_COUNT = re.compile(r"[一二两三四五六七八九十几]+[个项批类]")


def _names_nothing(np: Sequence[Word]) -> bool:
    """A time (年底超过260个: time words are never the counted thing), a frame (在此基础上), or a
    place with only one-character verbs beside it (、占全国8成)."""
    if not np:
        return False
    text = _text(np)  # joined once, not once per frame word
    if any(f in text for f in words("subject_frame_words.txt")):
        return True  # 在此|基础上|再奋斗
    if all(w.tag in ("t", "m", "q", "f") for w in np) and any(w.tag == "t" for w in np):
        return True  # 年底; 过去|十二个|月, 未来|三年, 中旬|前: a time with its numerals and localisers
    if _NUMERAL_COUNT.fullmatch(text):
        return True  # 9万亿|三个|大台阶: a numeral and its measure word count, they name nothing
    places = _set("subject_place_words.txt")
    return any(w.text in places for w in np) and all(
        w.tag == "t" or w.text in places or (w.tag == "v" and len(w.text) == 1) for w in np
    )


# What may open a noun phrase after a metric besides a Han character: a quote, or Latin letters
# before one (3个|A类飞行服务站, 5个|AAAA级景区, 20个|AI应用场景)
_LATIN_OPENING = re.compile(r"[“《]|[A-Za-z]+[\u4e00-\u9fff]")


def _after(sentence: str, end: int, kind: str) -> str | None:
    """The noun phrase right after the metric (28件|市区民生实事|基础上), or None."""
    if end >= len(sentence) or not (_HAN.match(sentence, end) or _LATIN_OPENING.match(sentence, end)):
        return None
    # a duration of years or months times a programme (十年|禁渔); hours or minutes say how long a
    # thing is open or takes (公园|24小时|开放), and the thing is named before them
    term = kind == "duration" and sentence[end - 1] in "年月"
    # 次 counts the act a verb alone after it names (4次|回信), as it does the one before it (走访|53次)
    # (not 人次: people counted by visits, a verb after them is their predicate: 20万人次|居首)
    term = term or (end > 0 and sentence[end - 1] == "次" and kind not in _PEOPLE_KINDS)
    cases = sentence[end - 1 : end] in _set("subject_case_units.txt")
    found = _after_text(sentence[end : end + _MAX_AFTER + 1], kind, term, cases)
    return _counted_owner(found) if found and kind == "count" else found


@lru_cache(maxsize=1 << 16)
def _after_text(rest: str, kind: str, term: bool = False, cases: bool = False) -> str | None:
    """``_after`` on the text that follows the metric (memoised); ``term``: the metric is the length of
    a programme, so a verb alone after it, ending the clause, is the act it times (十年|禁渔);
    ``cases``: the metric counts cases, so a verb after the noun, ending the clause, names them
    (13万宗|公屋|申请)."""
    of_phrase = rest.startswith("的")
    if of_phrase:
        rest = rest[1:]
    pointer = next((d for d in words("subject_demonstratives.txt") if rest.startswith(d)), "")
    rest = rest[len(pointer) :]  # 100多家|这样的|便民市场: the noun after the pointer
    if rest.startswith(words("subject_negations.txt")):
        return None  # 连续61个月|未发生…: a predicate, not a noun
    copula = next((c for c in words("subject_copulas.txt") if rest.startswith(c)), "")
    rest = rest[len(copula) :]  # 60分钟|即|课后作业辅导; 3000吨|级|航道工程: a grade of what follows
    clause_end = next((i for i, ch in enumerate(rest) if ch in _CLAUSE_STOP), None)
    cut = clause_end is None and len(rest) > _MAX_AFTER  # the clause runs on past the window
    rest = rest[:clause_end]
    if not rest or not (_HAN.match(rest) or _LATIN_OPENING.match(rest)):
        return None
    ws = tag(rest)
    if cut and len(ws) > 1:
        ws = ws[:-1]  # its last word may be cut in two (婴幼儿照护服务机|构)
    if not of_phrase and _verb_opens(ws, kind):
        return None
    relative = _relative(ws, cases)
    if relative:
        return relative
    read = _after_words(ws, rest, kind)
    if read is None:
        return None
    np = read
    if len(np) == 1 and np[0].tag.startswith("v"):
        # 近4小时的|辗转: a verb made a noun by 的; 十年|禁渔 at the clause end: the act a duration times
        if of_phrase or (term and len(ws) == 1 and len(np[0].text) > 1 and not cut):
            own = _good(np[0].text, np) and np[0].text not in _set("subject_target_words.txt")
            return np[0].text if own else None  # not …的|转变: the change the figure ends
        if len(ws) > 1 and ws[1].tag == "p":
            return None  # 60%以上|服务|于…: the verb of the clause, with its preposition
    if _case_verb(ws, np, cases and not cut):
        subject = _balanced(_text(ws))  # 约13万宗|一般公屋|申请: the applications are the cases
        return subject if _good(subject, ws) else None
    np = _trim_after_end(_drop_quoted_predicate(_drop_predicate(np)))
    np = _first_conjunct(np)
    if len(np) > 2 and np[-2].tag == "c" and np[-1].tag == "j" and len(np[-1].text) == 1:
        np = np[:-2]  # 5件大中型水库|和|滇|中引水…: a one-character abbreviation opens a name cut off
    subject = _balanced(_text(np))
    if not _good(subject, np) or subject in _set("subject_target_words.txt"):
        return None  # 储能60万千瓦|目标: the target word alone is not what is counted
    if of_phrase and kind in _PEOPLE_KINDS and not _names_people(subject):
        return None  # 惠及3400万人的引大济岷工程: the people are not the project
    return subject


def _counted_owner(subject: str) -> str:
    """360个|地市的检查检验结果: a count right before a place and 的 counts the places (the
    classifier binds the near noun); what follows 的 is only a thing each place has."""
    owner, of, _ = subject.partition("的")
    if not of or not owner:
        return subject
    owners = _set("subject_counted_owners.txt")
    if owner in owners:
        return owner
    ws = tag(owner)
    return owner if ws[-1].text in owners and _good(owner, ws) else subject


def _first_conjunct(np: list[Word]) -> list[Word]:
    """The phrase read after a metric up to a conjunction between two nouns (3万条|棉被|和|救助金,
    5个|文化场馆|和|体育公园): the figure counts its own conjunct, which is the core the whole
    coordination may stand for; not a level word before it (3个|国家级|和|省级|园区: they share 园区),
    nor one word before a longer conjunct, which may be a modifier of its head (国际|及|地区航线)."""
    conj = _set("subject_list_conjunctions.txt")
    for j in range(1, len(np) - 1):
        w = np[j]
        if w.tag == "c" and w.text in conj:
            prev, nxt = np[j - 1], np[j + 1]
            shared = j == 1 and len(np) > 3  # one word, then a conjunct of more: a head may be shared
            if (
                prev.tag.startswith(("n", "j"))
                and len(prev.text) > 1
                and (_NOMINAL.match(nxt.tag) or nxt.tag == "t")
                and not shared
            ):
                return np[:j]
            return np
    return np


def _trim_after_end(np: list[Word]) -> list[Word]:
    """The phrase read after a metric without the verbs, glue and punctuation ending it (41个老旧小区|
    改造; 2000余户农户|增收; 300多个地级市|之间, not 优质|初中, tagged f; 3个志愿服务|组织 stays)."""
    while np and (
        (np[-1].tag in ("v", "uj", "c", "a", "b") and not _names_organisation(np))
        or (np[-1].tag == "f" and np[-1].text.startswith("之"))
        or (_is_punct(np[-1]) and np[-1].text not in "”’》」）)")
    ):
        np = np[:-1]
    return np


def _case_verb(ws: Sequence[Word], np: Sequence[Word], cases: bool) -> bool:
    """After a count of cases (``cases``), the clause is a noun and a verb ending it (公屋|申请, 居民|
    投诉), read whole or but for that verb: the verb names the cases."""
    return (
        cases
        and len(ws) > 1
        and len(np) in (len(ws), len(ws) - 1)
        and ws[-1].tag == "v"
        and len(ws[-1].text) > 1
        and ws[-2].tag.startswith(("n", "j"))
        and not _is_bridge(ws[-1])
    )


def _verb_opens(ws: Sequence[Word], kind: str) -> bool:
    """The text after a metric opens with its predicate, not a noun: a verb after a sum or share says
    what it goes to (统筹80亿元|支持…, 60%|用于…); a change verb after a start point (由3697400人|减至|
    二○二五年…), unless a noun follows it (100项|提升|举措) or it is one character (10条|超…级的).
    """
    if kind in _SHARE_KINDS and _is_verb(ws[0]) and len(ws) > 1:
        return True
    return _is_bridge(ws[0]) and len(ws[0].text) > 1 and not _opens_name(ws, 1)


def _purpose(sentence: str, end: int) -> str | None:
    """The object of the verb right after a sum that names nothing before it (安排6亿元|支持|乡村
    振兴项目): the money goes to it, so it is what the sum is about (as 投入…实施…“双向揭榜挂帅”)."""
    rest = sentence[end : end + _MAX_BEFORE + 4]
    stop = next((i for i, ch in enumerate(rest) if ch in _PURPOSE_STOP), None)
    frame = next(
        (i for f in words("subject_frame_words.txt") if (i := rest.find("的" + f, 0, stop or 0)) > 0), None
    )
    stop = frame or stop  # 在安排6亿元用于民生实事|的基础上: the frame closes the object
    if stop is None:
        return None  # the clause runs on: no whole object in reach
    ws = tag(rest[:stop])
    if len(ws) < 2 or not _is_verb(ws[0]) or ws[1].tag.startswith("v"):
        return None  # 支持|巩固|拓展…: a chain of verbs names no programme
    obj = ws[1:]
    if any(_ends_phrase(obj, i) and not _is_punct(w) for i, w in enumerate(obj)) or not (
        obj[-1].tag.startswith(("n", "vn", "j")) or obj[-1].text in "”》"
    ):
        return None  # the object is no plain noun phrase (为|民办实事, …|发展)
    subject = _balanced(_text(obj))
    return subject if _good(subject, obj) else None


# What ends the object of a sum's purpose: a clause, not a list item (企业找技术、成果找市场“双向揭榜挂帅”).
_PURPOSE_STOP = "，,；;。！!？?：:\n"


def _after_words(ws: Sequence[Word], rest: str, kind: str) -> list[Word] | None:
    """The words of the phrase that opens ``rest`` (the text after a metric), up to what ends it; None
    when ``rest`` opens the next item of a coordination (3期|和社区党委书记…), not this metric's noun."""
    np: list[Word] = []
    at = 0
    said = ""  # _text(np), kept as np grows
    for i, w in enumerate(ws):
        grade = _grade_range(np, w)
        quoted = said.count("“") > said.count("”")  # “高效办成一件事”: a name, whatever its words
        if not quoted and (
            (_after_ends(ws, i, bool(np)) and not _qualifies_people(ws, i, kind))
            or _is_number(ws, i)
            or (_after_stop(rest, at, w) and not grade)
        ):
            break
        if _ends_phrase(ws, i) and not _is_stop(w) and not (quoted and w.tag in ("d", "ad")):
            break  # “三年全面提升”项目: an adverb inside quotes is part of the name
        if w.tag == "c" and not np:
            return None
        if np and w.tag == "c" and _opens_predicate(ws, i):
            break  # 6项指标|不及|预期: a conjunction before a verb joins no nouns, it opens the predicate
        if np and _verb_to_place(ws, i):
            break  # 7个设区市|进入|全国前十: a verb whose object is a place word is the predicate
        if np and _verb_ends_name(ws, i, np, kind):
            break
        if np and _is_verb(w) and _names_people(said) and not _opens_name(ws, i + 1):
            break  # 2400多万陇原儿女|无限…: a verb after the people named opens the predicate
        np.append(w)
        at += len(w.text)
        said += w.text
        more = i + 1 < len(ws) and ws[i + 1].tag.startswith("n") and _names_people(said + ws[i + 1].text)
        if kind in _PEOPLE_KINDS and _names_people(said) and not more:
            break  # 14名残疾游客|游览景区风光 (not 3名群众|代表: a noun after them names people still)
    return np


def _grade_range(np: Sequence[Word], w: Word) -> bool:
    """A range word after a grade, or after a grade and 及 (县级|以上|医院, 二级|及|以上|医疗机构):
    it belongs to the phrase read after a metric."""
    if w.text not in _set("subject_grade_ranges.txt") or not np:
        return False
    if np[-1].text in ("及", "和"):
        # 乡镇|通|三级|及|以上公路: after a verb the grade is its object's, past the phrase counted
        return len(np) > 1 and np[-2].text.endswith("级") and not any(x.tag == "v" for x in np)
    return np[-1].text.endswith("级")


def _opens_name(ws: Sequence[Word], i: int) -> bool:
    """Word ``i`` is a noun or verbal noun, which a verb before it may qualify (就业|岗位, 照护|服务)."""
    return i < len(ws) and ws[i].tag.startswith(("n", "vn", "j"))


def _opens_predicate(ws: Sequence[Word], i: int) -> bool:
    """Conjunction ``i`` stands before a verb or adverb, or ends the text (不及|预期), not between two
    nouns (国家|或|地区)."""
    if ws[i].text in _set("subject_list_conjunctions.txt"):
        return False  # 标准体系|和|工作规范: 和 joins names, whatever their first word
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    return nxt is None or nxt.tag.startswith(("v", "d"))


def _predicate_idiom(w: Word) -> bool:
    """An idiom (tag l) that is a predicate: a manner word or verb, then a verb (如期|完成, 圆满|完成,
    有着|落), or an adverb and a verbal noun (高速|运转) -- not a name (高等|学校, 攻关|项目, 抽样|调查)."""
    if w.tag != "l" or len(w.text) < 3:
        return False
    head, tail = dictionary_tag(w.text[:2]) or "", dictionary_tag(w.text[-2:]) or ""
    return (tail == "v" and head in ("d", "a", "ad", "v")) or (tail == "vn" and head in ("d", "ad"))


def _qualifies_people(ws: Sequence[Word], i: int, kind: str) -> bool:
    """An adverb or adjective and its verb at ``i`` that qualify the people named right after them
    (离校|未|就业|高校毕业生, 新|就业|形态|从业人员): inside the name of the people counted, not the predicate."""
    if kind not in _PEOPLE_KINDS or ws[i].tag not in ("d", "ad", "a") or i + 2 >= len(ws):
        return False
    return any(_names_people(w.text) for w in ws[i + 2 : i + 4])


def _verb_to_place(ws: Sequence[Word], i: int) -> bool:
    """Word ``i`` is a verb whose object is a place word (进入|全国, 领跑|全省): names do not hold one."""
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    return ws[i].tag == "v" and nxt is not None and nxt.text in _set("subject_place_words.txt")


def _verb_ends_name(ws: Sequence[Word], i: int, np: Sequence[Word], kind: str) -> bool:
    """A verb after the noun read after a metric starts the predicate: for most kinds any verb
    (6万元资金|用以修整河坝), for counts of things -- which carry long names with verbs inside
    (中医药传承创新中心) -- a one-character verb between a noun and a place (外国政要|来|川访问,
    not 省|列|重大项目). A verb that
    qualifies the people after it (受灾|群众) does not."""
    w = ws[i]
    verbal = w.tag == "v" or (w.tag == "vn" and i + 1 < len(ws) and ws[i + 1].tag == "v")
    if not verbal or any(_names_people(x.text) for x in ws[i + 1 : i + 3]):
        return False  # 受灾|群众, 就业|高校|毕业生: the verb qualifies the people named after it
    if kind in _LONG_NAME_KINDS:
        after = ws[i + 1].tag if i + 1 < len(ws) else ""
        return w.tag == "v" and len(w.text) == 1 and np[-1].tag.startswith("n") and after in ("ns", "j")
    return any(x.tag.startswith("n") for x in np)


def _drop_quoted_predicate(np: list[Word]) -> list[Word]:
    """A quoted phrase ending in a verb after the noun read after a metric, with nothing after it, is
    the predicate put as a slogan (187项政务服务事项|“跨境通办”), not part of the name, which a quoted
    qualifier before the noun is (“零关税”清单)."""
    if len(np) < 4 or np[-1].text != "”" or np[-2].tag != "v":
        return np
    at = max((i for i, w in enumerate(np) if w.text == "“"), default=0)
    if at == 0 or not np[at - 1].tag.startswith(("n", "j")):  # no opening quote in the phrase: no slogan
        return np
    while at > 1 and np[at - 1].tag == "ns":
        at -= 1  # 服务事项|长三角|“一卡通办”: where it is done goes with the predicate
    return np[:at]


def _names_organisation(np: Sequence[Word]) -> bool:
    """3个志愿服务|组织: a governing verb that names a thing too (组织, subject_nominal_verbs.txt) after a
    noun ends the name read after a metric, as it does right before one."""
    return (
        len(np) > 1
        and np[-1].text in _nominal_verbs()
        and _is_stop(np[-1])
        and np[-2].tag.startswith(("n", "vn"))
    )


_PREDICATE_TAGS = frozenset({"v", "vn", "vd", "vi", "vg", "d", "ad"})


def _drop_predicate(np: list[Word]) -> list[Word]:
    """The verbs that end a phrase read after a metric are its predicate, not part of the name
    (4个冷链物流基地|建设, 5条高铁|加快建设, 6家重点实验室|重组入列): a run of verbs and adverbs after
    a noun, dropped when it holds a plain verb or a governing one (建设) -- not a lone verbal noun that
    names the thing (120次入户|走访, 4期干部|培训)."""
    k = len(np)
    if k > 1 and _predicate_idiom(np[-1]):
        np = np[:-1]  # 3项任务|如期完成: an idiom after the noun is its predicate, with its adverbs
        while len(np) > 1 and np[-1].tag in ("d", "ad"):
            np = np[:-1]
        return np
    if _names_organisation(np):
        return np
    if (
        k > 2
        and np[-1].tag == "a"
        and len(np[-1].text) > 1
        and np[-2].tag in ("v", "vn")
        and np[-3].tag.startswith(("n", "j"))
    ):
        return np[:-2]  # 4家公司|运营|良好: an act and how it goes, after the noun, are its predicate
    while k > 0 and np[k - 1].tag in _PREDICATE_TAGS:
        k -= 1
    if 1 < k < len(np) and np[k - 1].tag in ("a", "ad") and np[k - 2].tag.startswith(("n", "j")):
        return np[: k - 1]  # 企业|便捷|融资: a manner word and its verb after the noun
    while k < len(np) and np[k].text in _nominal_verbs():
        k += 1  # 一般公共预算|收入: a verb that names the thing is the head, what follows it the predicate
    run = np[k:]
    if not run or k == 0 or all(x.tag.startswith("v") for x in np[:k]):
        return np
    if run[-1].text in _set("subject_project_heads.txt"):
        return np  # 5个质量|提升|行动: the verb and the project noun are the name
    if any(x.tag != "vn" or _is_stop(x) for x in run):
        return _drop_scope(np[:k])
    return np


def _drop_scope(np: list[Word]) -> list[Word]:
    """A place word of scope right before a dropped predicate is that predicate's (5个指标|全国|领先,
    3项工作|全省|推广): it says where the thing ranks or spreads, never part of its name."""
    while len(np) > 1 and np[-1].text in _set("subject_place_words.txt"):
        np = np[:-1]
    return np


def _after_ends(ws: Sequence[Word], i: int, started: bool) -> bool:
    """Whether word ``i`` ends the phrase read after a metric: a governing verb (20台|安装; 发展 inside
    服务业高质量发展集聚区 is a noun, and so is 改造 before 项目), a stop opening the phrase unless a
    noun follows (500千伏|交流线路工程), or an adverb and its verb, after the noun or opening the text
    (71.3万监测对象|稳定消除…, 22.9万人|稳定消除…)."""
    w = ws[i]
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    if _is_stop(w):
        if started and nxt is not None and nxt.text in _set("subject_project_heads.txt"):
            return False
        if started and nxt is None and w.text in _nominal_verbs() and ws[i - 1].tag.startswith(("n", "vn")):
            return False  # 3个志愿服务|组织: a verb that names a thing ends the name, as before a metric
        if w.tag == "v":
            return True
        if not started and not (w.tag.startswith("n") and nxt is not None and nxt.tag.startswith("n")):
            return True
    return w.tag in ("a", "ad", "d") and nxt is not None and nxt.tag == "v" and (started or i == 0)


def _after_stop(rest: str, at: int, w: Word) -> bool:
    """A word that ends a phrase read after a metric: a whole word, or a longer stop starting here
    (基础上 across 基础|上)."""
    stops = _set("subject_after_stops.txt")
    return w.text in stops or any(rest[at : at + k] in stops for k in _lengths("subject_after_stops.txt"))


@cache
def _lengths(name: str) -> tuple[int, ...]:
    """The lengths (above one) of a lexicon's words, to look a word up by slicing."""
    return tuple(sorted({len(x) for x in words(name) if len(x) > 1}))


def _is_place(ws: Sequence[Word]) -> bool:
    return len(ws) == 1 and ws[0].tag == "ns"


def _relative(ws: Sequence[Word], cases: bool = False) -> str | None:
    """12个应立行立改的问题, 8个需要长期整改的问题: a modifier clause with 的, then its head noun;
    ``cases``: a count of cases (宗), whose clause says which cases, and may run longer."""
    at = next((i for i, w in enumerate(ws) if w.text == "的"), None)
    if not at or at > (9 if cases else 6):  # 412宗|须|入住|深切|治疗|部|或|死亡|的|严重个案: cases
        return None
    if any(
        _is_stop(w) or _is_number(ws, i) or _is_punct(w) or w.tag in ("p", "r", "u")
        for i, w in enumerate(ws[:at])
    ):
        return None
    owner = ws[:at]
    if (
        all(w.tag.startswith("n") or w.tag in ("vn", "j") for w in owner)
        and owner[-1].tag.startswith("n")
        and not _is_place(owner)
    ):
        return _text(ws[:at])  # 4个社区的养老助餐点: a noun with 的 owns what follows; the metric counts it
    head: list[Word] = []
    for i, w in enumerate(ws[at + 1 :], at + 1):
        qualifier = w.tag == "a" and not head and i + 1 < len(ws) and ws[i + 1].tag.startswith("n")
        if not (w.tag.startswith("n") or w.tag in ("vn", "j", "l", "nz") or qualifier) or _is_stop(w):
            break  # 死亡的|严重|个案: an adjective may open the head noun
        head.append(w)
    if not head or head[0].text in _set("subject_bound_words.txt"):
        return None
    return _text([*ws[: at + 1], *head])


def _names_people(subject: str) -> bool:
    return subject.endswith(_people_heads())


@cache
def _people_heads() -> tuple[str, ...]:
    """The words a phrase naming people ends in, as one tuple for ``str.endswith``."""
    return (*words("people_nouns.txt"), *words("subject_people_heads.txt"))


def _respectively(sentence: str, first: int, index: int, floor: int = 0) -> str | None:
    """A、B、C增加值分别增长x、y、z: metric ``index`` of the list after 分别 takes conjunct ``index``.
    ``floor`` is the end of the metric before the list: when 分别 follows it at once, the items before
    分别 are metrics (从…的12000元和13500元|分别提高到…), not named things."""
    if floor and sentence.startswith("分别", floor):
        return None
    lo = first
    while lo > 0 and sentence[lo - 1] not in "，,；;。！!？?：:\n":
        lo -= 1
    clause = sentence[lo:first]
    at = clause.rfind("分别")
    if at < 0 or at < len(clause) - 6:
        return None
    conjuncts = _conjuncts(clause[:at])
    if len(conjuncts) < 2 or index >= len(conjuncts):
        return None
    conjunct = conjuncts[index]
    own = _before(conjunct, len(conjunct), 0, False, lead="分别").subject  # 分别增长 is its verb
    if index == len(conjuncts) - 1:
        return own
    # The measured noun after the last item is every item's (钢铁、水泥和平板玻璃产量 -> 钢铁产量):
    # 钢铁 alone does not say that output was counted, and would not group with 钢铁产量 elsewhere.
    if any(_has_head(c) for c in conjuncts[:-1]):
        return own  # 进口货值、…、船舶进出、…销售额: items that name their own measures share none
    head = _shared_head(conjuncts)
    item = own or (conjunct if _HAN_WORD.fullmatch(conjunct) and len(conjunct) <= 8 else None)
    if not item or not head or _has_head(item) or tag(item)[-1].text == tag(conjuncts[-1])[-1].text:
        return own  # 刑事案件发案数、治安案件受理数: each item names its own measure
    return item + head


def _has_head(item: str) -> bool:
    """Whether a list item already ends in a measure of its own (工业投资, 全域旅游人数)."""
    return item.endswith((*words("subject_list_heads.txt"), *words("subject_attribute_heads.txt")))


def _shared_head(conjuncts: Sequence[str]) -> str | None:
    """The head the last item of a 分别 list shares with the others: what follows the part of it that
    stands parallel to an earlier item: as long, and ending at a word or a word of its own with the
    same first character (粮食、蔬菜|产量; 第一、第三|产业增加值), else the earliest measure noun of ``subject_list_heads.txt`` in it (节能家电|零售额)."""
    last = conjuncts[-1]
    if conjuncts[0].endswith("级") and "级" in last[:4] and last.index("级") + 1 < len(last):
        return last[last.index("级") + 1 :]  # 国家级、部级|创新平台: the head after the level word
    bounds = set()
    at = 0
    for w in tag(last):
        at += len(w.text)
        bounds.add(at)
    for item in conjuncts[:-1]:
        n = len(item)
        if 0 < n < len(last) and (n in bounds or (item[0] == last[0] and len(tag(last[:n])) == 1)):
            rest = last[n:]
            ws = tag(rest)
            nominal = bool(ws) and ws[0].tag.startswith(("n", "vn", "j")) and not _is_stop(ws[0])
            verbal = bool(ws) and ws[0].tag == "v" and _has_head(rest)  # 支持|民间投资项目比重
            if (nominal or verbal) and _balanced(rest) == rest:
                # …、新增工业用地|支持民间投资项目比重: a verb may open the shared measure
                return rest
    found = [(last.find(h), h) for h in words("subject_list_heads.txt") if h in last[1:]]
    if not found:
        return None
    head = last[min(i for i, _ in found) :]
    return head[: len(head) - len(_bridge_suffix(head))] or None  # 产业增加值|年均分别增长


def _conjuncts(text: str) -> list[str]:
    """The items of a list: split at 、, and the last one at a conjunction word (钢铁、水泥|和|平板玻璃产量;
    城镇|和|农村居民收入)."""
    parts = text.split("、")
    ws = tag(parts[-1])
    conj = _set("subject_list_conjunctions.txt")
    cuts = [i for i, w in enumerate(ws) if w.tag == "c" and w.text in conj]
    if len(cuts) != 1 or cuts[0] == 0:
        return parts
    return [*parts[:-1], _text(ws[: cuts[0]]), _text(ws[cuts[0] + 1 :])]


def facts_of(sentence: str, spans: Sequence[Span]) -> list[Fact]:
    """Subject and measure of every metric of one sentence, in the order of ``spans``."""
    out: list[Fact] = []
    floor = 0
    list_index = 0
    for k, sp in enumerate(spans):
        event = sp.unit in _set("subject_event_units.txt")
        streak = _streak(sentence, sp.start, sp.end, floor)
        after = None if streak else _after_metric(sentence, spans, k)  # 增速|连续|19个季度居全国: before
        # With a noun after the metric only the verb before it is wanted, and reading it off the
        # lexicon spares segmenting the clause (segmenting is most of the cost).
        at = sp.start - len(streak)
        cases = sp.unit in _set("subject_case_units.txt")
        before = (
            _verb_before(sentence, sp.start) if after else _before(sentence, at, floor, event, cases=cases)
        )
        gap = sentence[spans[k - 1].end : sp.start] if k else ""
        list_index = list_index + 1 if k and gap in ("、", "和", "与", "及") else 0
        subject = after or before.subject
        if subject and not after:
            subject = _out_of_frame(sentence, subject, floor, at)  # 在…考核|中|连续5年
            subject = _served_people(subject) if sp.kind in _PEOPLE_KINDS else subject  # 日均服务|老年人
        measure = before.measure
        first = spans[k - list_index].start
        if after is None and "分别" in sentence[max(0, first - 6) : first]:
            before_list = spans[k - list_index - 1] if k > list_index else None
            prior = before_list.end if before_list and before_list.unit == sp.unit else 0  # not 五年|分别
            subject = _respectively(sentence, first, list_index, prior) or subject
        if subject and not after and sp.kind == "percent":
            subject = _share_base(sentence, sp.start, floor, event, subject) or subject
        if subject is None and sp.kind == "money" and not after:
            subject = _purpose(sentence, sp.end)  # 投入8亿元|办好|民生实事: the funded programme
        if subject is None and k and gap in _set("subject_range_marks.txt"):
            subject = out[k - 1].subject  # 增长5%-5.5%: the range's upper end
        ranked = sentence.startswith(words("subject_streak_predicates.txt"), sp.end)
        if subject is None and k and streak and ranked and before.bare and not any(c in gap for c in "。；;"):
            subject = out[k - 1].subject  # 增速年均超20%，连续三年居全国第一: the streak of that metric
        if subject is None and k:
            subject = _inherited(sentence, spans, out, k, sp, before)
        if subject is None and k and before.bare:
            subject = _of_metric_before(sentence, spans, out, k, floor)
        if subject is None:
            subject = _each_of_list(sentence, sp.start, floor)
        if subject is None and before.bare:
            subject = _total_after_list(sentence, sp.start, floor)
        if subject is None:
            subject = _dimension_of(sentence, spans, k)
        if subject is None:
            subject = _rate_of_clause_before(sentence, sp.start, sp.end, floor)
        if subject is None or subject in _attribute_heads():
            subject = _last_resort(sentence, spans, out, k, before, subject)
        out.append(Fact(subject, measure))
        floor = sp.end
    out = _respectively_back(sentence, spans, out)
    out = _place_of_previous(sentence, spans, out)
    out = _attribute_of_previous(sentence, spans, out)
    return _shared_level_heads(sentence, spans, out)


_FRAME_LOCATIVES = ("中", "上", "里")


def _out_of_frame(sentence: str, subject: str, floor: int, at: int) -> str:
    """A subject closing a 在…中 frame (在国家考核|中|连续5年获评优秀, 在全省评比|上|排名第3位) keeps
    the frame's locative, which only says where the figure was earned: the thing is the noun inside."""
    if len(subject) < 3 or not subject.endswith(_FRAME_LOCATIVES):
        return subject
    ws = tag(subject)
    if ws[-1].tag != "f" or len(ws[-1].text) != 1 or len(ws) < 2:
        return subject
    pos = sentence.rfind(subject, floor, at)
    if pos < 0:
        return subject
    clause = sentence[_clause_start(sentence, pos, floor) : pos]
    return subject[:-1] if "在" in clause else subject


def _last_resort(
    sentence: str, spans: Sequence[Span], out: list[Fact], k: int, before: _Before, attribute: str | None
) -> str | None:
    """For a metric nothing else names: a share's base (其中，占全市经济总量的六成: no metric before
    names the thing), else the topic of the clause before a bare one (诈骗案仍然严重，全年共有|逾4万宗).
    ``attribute``: the clause names only an attribute (发布外销订单统计，金额为|…亿美元), which says
    what was measured of the topic but not of what (FACTS-DECISIONS: the thing is the core)."""
    if attribute:
        return _topic_carried(sentence, spans, out, k, attribute) or attribute
    if before.base and _good(before.base, tag(before.base)):
        return before.base
    if spans[k].kind == "money" and not before.bare:
        return _funded_project(sentence, spans[k].start, spans[k - 1].end if k else 0)
    if k and spans[k].kind == "percent" and _recovered(sentence, spans[k - 1].end, spans[k].start):
        return out[k - 1].subject  # 旅客达886万人次，…，恢复至108年同期的|8成5: that metric's level
    if k and spans[k].kind == "duration" and _time_taken(sentence, spans[k - 1].end, spans[k].start):
        return out[k - 1].subject  # 处理约二十一万宗签证申请，平均需时|约四星期: each application's
    return (
        _topic_carried(sentence, spans, out, k)
        if before.bare or _after_space(sentence, spans[k].start)
        else None
    )


def _time_taken(sentence: str, floor: int, start: int) -> bool:
    """The clause of a duration right after a count's clause is only an average and a verb of taking
    time (，平均|需时|约四星期): the time each counted thing takes."""
    gap = sentence[floor:start]
    cut = max(gap.rfind(c) for c in "，,")
    if cut < 0 or any(c in gap for c in "。；;：:"):
        return False  # 签证申请|，|平均需时: the count's own noun may stand before the comma
    clause = gap[cut + 1 :].removeprefix("平均").removeprefix("每宗").removeprefix("每件")
    return clause in _set("subject_take_verbs.txt")


def _recovered(sentence: str, floor: int, start: int) -> bool:
    """The clause before a share is a recovery verb and a time (恢复至|疫前, 恢复至|108年同期的): the
    share is the metric before's level against that time, so it counts that metric's thing."""
    gap = sentence[floor:start]
    if any(c in gap for c in "。；;"):
        return False
    clause = gap[max(gap.rfind(c) for c in _TOPIC_STOP) + 1 :]
    if not clause.startswith(words("subject_recover_verbs.txt")):
        return False
    rest = [w for w in tag(clause) if w.text.strip()][1:]
    return all(w.tag in ("t", "m", "q", "f", "uj", "p") or w.text in ("同期", "至", "到") for w in rest)


def _after_space(sentence: str, start: int) -> bool:
    """A space, not a comma, opens the figure's clause (a headline's 推动社会住宅 第二期将再增建|逾五千户):
    the clause the metric reads runs over the space, so bareness is left to the topic's own check."""
    stops = [sentence.rfind(c, 0, start) for c in _TOPIC_STOP + "。；;！!？?"]
    at = max(stops)
    return at > 0 and sentence[at] in " 　"


def _funded_project(sentence: str, start: int, floor: int) -> str | None:
    """The project a sum goes to when its clause is the project, a modal or adverb, and a verb of
    funding right before the sum (第二期计划|预计|投入|新台币186亿元): the project is the subject of
    the clause, the sum its funding (a project head: subject_project_heads.txt)."""
    ws = [w for w in tag(sentence[_clause_start(sentence, start, floor) : start]) if w.text.strip()]
    if len(ws) < 2 or ws[-1].text not in _set("subject_fund_verbs.txt"):
        return None
    at = len(ws) - 1
    while at and (ws[at - 1].tag in ("d", "vn") or ws[at - 1].text in ("预计", "拟", "计划")):
        at -= 1
        if ws[at].text in _set("subject_project_heads.txt") and ws[at].tag != "d":
            at += 1  # 计划 the noun, not the modal: it ends the phrase
            break
    head = at
    while head and (ws[head - 1].tag.startswith("n") or ws[head - 1].text.startswith("第")):
        head -= 1
    np = ws[head:at]
    if not np or np[-1].text not in _set("subject_project_heads.txt"):
        return None
    text = _text(np)
    return text if _good(text, np, 2) else None


# What ends a clause an earlier clause's topic may be carried across: not 、, which lists figures
# of one clause (完工13处、共4,612户).
_TOPIC_STOP = "，,；;：: 　"
# Tags a clause's predicate may hold after its topic noun for the noun to be the topic: adverbs and
# adjectives (诈骗案|仍然|严重), never a verb (市府|表示: the speaker, not the thing).
_STATE_TAGS = frozenset({"a", "ad", "d", "z"})
# Kinds of figure a topic is never carried to: a time (仅用|90天) or an age says when or how long.
_UNCARRIED_KINDS = frozenset({"duration", "age"})
# Tags of a word that names a thing in a figure's own clause (减轻|负担|5000多亿元): nouns, not time
# words (全年|共有) or verbs.
_NOMINAL_TAG = re.compile(r"^(n\w*|vn|an|j|b|eng|l|i)$")


def _topic_carried(
    sentence: str, spans: Sequence[Span], out: list[Fact], k: int, attribute: str = ""
) -> str | None:
    """The topic of the clause before a figure whose own clause names nothing (only verbs, bridges,
    modals, time words): 推动社会住宅，至今已完工|13处 counts 社会住宅, 诈骗案仍然严重，全年共有|逾4万宗
    counts 诈骗案. Only the nearest clause before, in the same sentence, and only when no figure of
    another subject stands between it and this one (a figure's clause names its own thing);
    ``attribute`` the one noun the figure's clause may hold (金额为|661.5亿美元)."""
    sp = spans[k]
    if sp.kind in _UNCARRIED_KINDS or _NUMERAL_COUNT.fullmatch(sentence[sp.start : sp.end]):
        return None  # 仅用|90天, 两批: a time or a bare numeral count is no count of the topic
    lo = sp.start
    while lo > 0 and sentence[lo - 1] not in _TOPIC_STOP and sentence[lo - 1] not in "。；;！!？?\n":
        lo -= 1
    if lo == 0 or sentence[lo - 1] not in _TOPIC_STOP or sentence[lo - 1] in "；;":
        return None  # the figure's clause opens the sentence: no clause before it
    top = lo - 1
    start = top
    while start > 0 and sentence[start - 1] not in _TOPIC_STOP and sentence[start - 1] not in "。；;！!？?\n":
        start -= 1
    if any(s.end > start and s.start < top for s in spans[:k]):
        return None  # the clause before holds a figure: it names that figure's thing
    floor = max((s.end for s in spans[:k] if s.end <= sp.start), default=lo)
    own = tag(sentence[max(lo, floor) : sp.start])
    if any(_NOMINAL_TAG.match(w.tag) and w.text != attribute for w in own):
        return None  # 减轻企业和个人|负担|5000多亿元: the figure's clause names a noun of its own
    topic = _clause_topic(sentence[start:top])
    if topic is None or topic.endswith(words("subject_topic_abstracts.txt")):
        return None  # 加快…改造|步伐: how an action runs, not what is counted
    if sp.kind == "people" and not _names_people(topic):
        return None  # 发放价格补贴，约6700万人|受益: a count of people counts people
    for j in range(k):
        if spans[j].start >= lo and out[j].subject != topic:
            return None  # a figure of this clause before names something else
    return topic


@lru_cache(maxsize=4096)
def _clause_topic(clause: str) -> str | None:
    """The thing a figure-free clause is about: its object when it ends on a governed noun phrase
    (推动|社会住宅), or its subject when only adverbs and adjectives follow (诈骗案|仍然|严重)."""
    ws = [w for w in tag(clause[-_MAX_BEFORE:]) if w.text.strip()]
    if len(ws) > 2 and ws[-1].text in _set("subject_report_words.txt") and ws[-2].tag.startswith("n"):
        ws = ws[:-1]  # 发布…外销订单|统计: the statistic of the noun before
    if len(ws) < 2:
        return None
    end = len(ws)
    while end and ws[end - 1].tag in _STATE_TAGS:
        end -= 1
    if 0 < end < len(ws) and any(w.tag == "a" for w in ws[end:]) and len(clause) <= _MAX_BEFORE:
        head = ws[:end]  # 诈骗案|仍然严重: the noun phrase opening the clause
        if all(w.tag.startswith("n") or w.tag in ("vn", "j", "b") for w in head):
            text = _text(head)
            return text if _good(text, head, 2) else None
        return None
    if end != len(ws) or not ws[-1].tag.startswith("n"):
        return None
    at = len(ws)
    while at and _NOMINAL_TAG.match(ws[at - 1].tag) and not _is_verb(ws[at - 1]):
        at -= 1
    verb = at
    while verb and ws[verb - 1].tag in ("m", "t", "q"):
        verb -= 1  # 发布|114年10月|外销订单: a date between the verb and its object says when
    if verb and at < len(ws) and ws[verb - 1].tag.startswith("v"):
        np = ws[at:]  # 推动|社会住宅: the object of the clause's verb is its topic
    else:
        np, rest = _np_backward(list(ws))  # 实施|退耕还林|还|草: a name the dictionary cuts apart
        if not rest or not _is_verb(rest[-1]) or not np or _is_verb(np[0]):
            return None
        np = _trim_np(np, governed=True)
    text = _balanced(_text(np)) if np else ""
    return text if text and _good(text, np, 2) else None


def _served_people(subject: str) -> str:
    """The people after a serving verb (subject_serve_verbs.txt) inside a subject read before a count
    of people (日均|服务|老年人): they are what is counted; the subject unchanged otherwise."""
    ws = tag(subject)
    at = next((i for i, w in enumerate(ws) if w.text in _set("subject_serve_verbs.txt")), None)
    if at is None or at == len(ws) - 1:
        return subject
    people = _text(ws[at + 1 :])
    if people.endswith(_attribute_heads()) or not _good(people, ws[at + 1 :]):
        return subject  # 服务|人数: the number served is the indicator itself
    return people if _names_people(people) else subject


def _after_metric(sentence: str, spans: Sequence[Span], k: int) -> str | None:
    """The noun phrase after metric ``k``, or after the grade or the range end that follows it."""
    sp = spans[k]
    after = _after(sentence, sp.end, sp.kind)
    if after is None and k + 1 < len(spans) and spans[k + 1].start == sp.end and _grade_of(sp, spans[k + 1]):
        after = _after(sentence, spans[k + 1].end, sp.kind)  # 7个|750千伏|输变电工程: past its grade
    if after is None and _range_end(sentence, spans, k):
        after = _after(sentence, spans[k + 1].end, sp.kind)  # 5%至40%的|共付额: past the upper end
    if after in _set("subject_part_words.txt"):
        return None  # 所得额100万元至300万元|部分: the portion of the thing named before
    return after


def _range_end(sentence: str, spans: Sequence[Span], k: int) -> bool:
    """Metric ``k`` is the lower end of a range whose upper end is the next metric (1,200元至6,000元|
    罚锾): the noun after the range names what both ends count."""
    if k + 1 >= len(spans) or spans[k + 1].kind != spans[k].kind:  # 新台币1,200元至6,000元
        return False
    return sentence[spans[k].end : spans[k + 1].start] in _set("subject_range_marks.txt")


def _of_metric_before(
    sentence: str, spans: Sequence[Span], out: list[Fact], k: int, floor: int
) -> str | None:
    """The subject of the metric before, for a bare clause that goes on about its thing: a modal
    predicate (工程已完成约七成，届时|可|容纳…), or a total over a period after a rate (案件减少约两成，
    全年共520宗), not a total of metrics of its own kind (…约79万人，合计逾3百万人次: their sum)."""
    sp = spans[k]
    if any(c in sentence[spans[k - 1].end : sp.start] for c in "。；;"):
        return None
    if _modal_clause(sentence, sp.start, floor):
        return out[k - 1].subject
    after_metric = sentence[floor : floor + 1] in ("，", ",") and spans[k - 1].kind != sp.kind
    if after_metric and _total_clause(sentence, sp.start, floor):
        return out[k - 1].subject
    return None


def _modal_clause(sentence: str, start: int, floor: int) -> bool:
    """The clause before a metric holds a modal and no noun (届时|可|容纳, 料|可|达): its subject is
    the one of the clause before, left out as a modal predicate goes on about it."""
    lo = _clause_start(sentence, start, floor)
    if lo <= floor or sentence[lo - 1] not in "，,":
        return False
    return any(w.text in _set("subject_modal_words.txt") for w in tag(sentence[lo:start]))


def _share_base(sentence: str, start: int, floor: int, event: bool, subject: str) -> str | None:
    """津贴|由|投保薪资|6成|提高至8成: a share right after 由/从 and a noun is a share of that noun, the
    base of the start point; what changes is the thing named before 由."""
    at = start - len(subject) - 1
    if at <= floor or sentence[at] not in "由从" or not sentence.endswith(subject, 0, start):
        return None
    return _before(sentence, at, floor, event).subject


def _respectively_back(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """接待游客超10.9亿人次，旅游总收入超1.3万亿元，分别增长15.8%和11.5%: a 分别 clause that names no
    items refers back to the metrics before it, one for each of its own, in order."""
    if "分别" not in sentence:  # most sentences: no clause can open with it
        return out
    k = 0
    while k < len(spans):
        lo = _clause_start(sentence, spans[k].start, spans[k - 1].end if k else 0)
        head = sentence[lo : spans[k].start]
        if k == 0 or not head.startswith("分别") or len(head) > 6:
            k += 1
            continue
        group = [k]
        while group[-1] + 1 < len(spans) and sentence[spans[group[-1]].end : spans[group[-1] + 1].start] in (
            "、",
            "和",
        ):
            group.append(group[-1] + 1)
        earlier = [j for j in range(k) if out[j].subject and spans[j].kind != spans[k].kind]
        between = sentence[spans[earlier[0]].start if earlier else 0 : lo]
        if len(group) > 1 and len(earlier) >= len(group) and "。" not in between and "；" not in between:
            for g, j in zip(group, earlier[-len(group) :], strict=True):
                out[g] = Fact(out[j].subject, out[g].measure)
        k = group[-1] + 1
    return out


def _place_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """收入比为8.1倍，其中杭州市达12.3倍: a measure (not a count: places are counted things) whose
    subject is only a place names where the figure before holds, so it measures that figure's thing;
    the place itself is the region's, never the subject's core."""
    for k in range(1, len(spans)):
        subject, prev = out[k].subject, out[k - 1].subject
        if not subject or not prev or spans[k].kind == "count" or spans[k].unit != spans[k - 1].unit:
            continue
        gap = sentence[spans[k - 1].end : spans[k].start]
        if "。" in gap or "；" in gap or ";" in gap or not gap.lstrip("，,").startswith("其中"):
            continue  # only a part (其中) names where: a list's items name things (桃|650亩)
        ws = tag(subject)
        if all((w.tag == "ns" and len(w.text) > 1) or w.text in _set("subject_place_words.txt") for w in ws):
            out[k] = Fact(prev, out[k].measure)
    return out


def _attribute_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """装机达到1.39亿千瓦，占比由31%提升至…: a clause whose subject is only an attribute word (占比,
    增幅) measures the thing the metric before it counts."""
    for k in range(1, len(spans)):
        subject, prev = out[k].subject, out[k - 1].subject
        gap = sentence[spans[k - 1].end : spans[k].start]
        if not prev or not subject or "。" in gap or "；" in gap:
            continue
        if (
            gap.startswith(("、占", "，占"))
            and not gap[1:].startswith(_attribute_heads())
            and "、" not in gap[1:]
            and "，" not in gap[1:]
        ):
            out[k] = Fact(prev, out[k].measure)  # 装机1.69亿千瓦、占全疆装机64%: the share of that metric
            continue
        if _share_of_previous(gap, subject):
            out[k] = Fact(prev, out[k].measure)  # 共4.1万件，占比|18.4%: the share of that metric's thing
            continue
        if subject in _set("subject_attribute_heads.txt") or (
            _rate_of_act_before(sentence, spans[k - 1], subject) and not _has_head(prev)
        ):
            out[k] = Fact(prev if prev.endswith(subject) else prev + subject, out[k].measure)
            continue
        # the measure word stands in the item itself (not a 分别 list's, whose items share a head)
        own = gap.startswith("、") and "，" not in gap and subject in gap
        sibling = _sibling_measure(prev, subject) if own else None
        if sibling:
            out[k] = Fact(sibling, out[k].measure)
    return out


def _share_of_previous(gap: str, subject: str) -> bool:
    """The clause after the metric before is a share word and the metric (，占比|18.4%, 、占比达到|45%):
    the share is that metric's thing, whose subject it takes as it stands. Not a change of the share
    (，占比由45%提升至51%): that names the share itself as the indicator that moves."""
    return (
        subject in _set("subject_share_words.txt")
        and gap[:1] in "，、"
        and gap[1:].startswith(subject)
        and not any(c in gap for c in "由从")
    )


def _sibling_measure(prev: str, subject: str) -> str | None:
    """旅游人次50万、收入20亿元; 污水集中收集率达75%、处理率98%: a list item whose subject is one word
    naming a measure (收入, 处理率) measures the thing the item before names with another measure, so
    it takes that item's words before its measure (旅游 收入, 污水集中收集 处理率)."""
    ws = tag(subject)
    if len(ws) != 1 or len(subject) > 4 or not _has_head(subject) or prev.endswith(subject):
        return None
    heads = (*words("subject_list_heads.txt"), *words("subject_attribute_heads.txt"))
    head = max((h for h in heads if prev.endswith(h)), key=len, default=None)
    if head is None:
        return None
    stem = prev[: -len(head)]
    if len(stem) < 2 or not _HAN.match(stem[-1]) or stem.endswith(("、", "和", "及")):
        return None
    return stem + subject


def _rate_of_act_before(sentence: str, prev: Span, subject: str | None) -> bool:
    """化解…23万户，化解率达94%: a rate named only by an act (化解率, 办结率) whose verb governs the
    metric before it measures that act on the same thing."""
    head = next((h for h in _attribute_heads() if subject and subject.endswith(h)), None)
    if not subject or not head or len(subject) - len(head) < 2:
        return False
    stem = subject[: -len(head)]
    if not (dictionary_tag(stem) or "").startswith("v"):
        return False
    lo = _clause_start(sentence, prev.start, 0)
    before = sentence[lo : prev.start]
    return stem in before and subject not in before  # not 起数、死亡人数分别…: the rate's own name


@cache
def _attribute_heads() -> tuple[str, ...]:
    return tuple(words("subject_attribute_heads.txt"))


def _grade_of(count: Span, nxt: Span) -> bool:
    """Whether ``nxt``, right after a count, is the grade of the counted things (7个|750千伏|工程,
    3座|10万吨级|码头) rather than a metric of its own (投资593亿元|28个重点项目)."""
    return count.kind == "count" and nxt.kind not in _set("subject_not_grade_kinds.txt")


def _shared_level_heads(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """建成6个市级、9个县级养老服务中心: a metric followed only by a level word (市级, tagged b) before
    、 counts the head the next item names after its own level word."""
    for k in range(len(spans) - 2, -1, -1):
        nxt = out[k + 1].subject
        gap = sentence[spans[k].end : spans[k + 1].start]
        if not nxt or not gap.endswith("、") or len(gap) < 2 or out[k].subject not in (None, gap[:-1]):
            continue
        own = tag(gap[:-1])  # 8个|国家级、: the level word alone, which the subject rules may drop
        if not all(w.tag == "b" or w.text.endswith("级") for w in own):
            continue
        ws = tag(nxt)
        i = 0
        while i < len(ws) and (ws[i].tag == "b" or ws[i].text.endswith("级")):
            i += 1
        if i == 0 and "级" in nxt[:5] and nxt.index("级") + 1 < len(nxt):
            out[k] = Fact(nxt[nxt.index("级") + 1 :], out[k].measure)  # 自治区|级|区域医疗中心: cut in two
        elif 0 < i < len(ws):
            out[k] = Fact(_text(ws[i:]), out[k].measure)
    return out


def _inherited(
    sentence: str, spans: Sequence[Span], out: list[Fact], k: int, sp: Span, before: _Before
) -> str | None:
    """The subject of an earlier metric of the sentence, for a metric whose clause names none."""
    if not before.bare:
        return None
    prev, prev_fact = spans[k - 1], out[k - 1]
    between = sentence[prev.end : sp.start]
    if "。" in between or "；" in between or ";" in between:
        return None
    rate = sp.kind in _set("non_additive_kinds.txt")
    if not between and prev_fact.subject:
        return prev_fact.subject  # 惠及园区常住居民82户320人: one subject, two units
    if rate and prev_fact.subject:
        return prev_fact.subject  # 实现地区生产总值67665亿元，增长5.5%
    if between == "、" and prev_fact.subject and _metric_bridges().match(sentence, sp.start):
        return prev_fact.subject  # 产值增长19.2%、突破8500亿元: a bridged figure right after one
    same_unit = [(s, f) for s, f in zip(spans[:k], out, strict=False) if s.unit == sp.unit and f.subject]
    if same_unit and not rate:
        return same_unit[-1][1].subject  # 20台电梯，目前已有2台安装完毕、5台正在加装中
    return None


def _streak(sentence: str, start: int, end: int, floor: int) -> str:
    """The streak word (连续) right before a metric of time, when the clause names something before it
    (增速|连续|19个季度) or ranks after it (，连续三年|居…); empty when the clause opens with 连续 and
    names its subject after the metric (连续四次|药品安全考核|获评A级)."""
    word = next((w for w in words("subject_streak_words.txt") if sentence.endswith(w, floor, start)), "")
    if not word:
        return ""
    opens = _clause_start(sentence, start - len(word), floor) == start - len(word)
    return "" if opens and not sentence.startswith(words("subject_streak_predicates.txt"), end) else word


def _each_of_list(sentence: str, start: int, floor: int) -> str | None:
    """新建A、B、C各20家: a metric after 各 counts each of the listed things, so the list is its subject
    (the first item without the verb that governs it)."""
    each = next((w for w in words("subject_each_words.txt") if sentence.endswith(w, floor, start)), None)
    if each is None:
        return None
    end = start - len(each)
    lo = end
    while lo > floor and sentence[lo - 1] not in _CLAUSE_STOP.replace("、", ""):
        lo -= 1
    items = sentence[lo:end].split("、")
    if len(items) < 2 or not all(items):
        return None
    first = _before(items[0], len(items[0]), 0, False).subject
    if not first or not all(_HAN_WORD.fullmatch(x) for x in items[1:]):
        return None
    return "、".join([first, *items[1:]])


# A clause that is only a rate per unit (每户, 每人每月, 即每程) before its metric.
_RATE_CLAUSE = re.compile(r"(?:即|则|亦)?(?:每[\u4e00-\u9fff]{1,2}?)+")


def _rate_of_clause_before(sentence: str, start: int, end: int, floor: int) -> str | None:
    """提供电费补贴，每户1,000元: a metric whose clause is only a rate per unit and itself is the rate of
    the thing the clause before ends with (上门探望，每次约2小时; 享半价优惠，即每程3元), not of nothing.
    Not when the clause goes on after the metric (每天|24小时|提供…: its own predicate follows)."""
    if end < len(sentence) and sentence[end] not in _CLAUSE_STOP:
        return None
    lo = _clause_start(sentence, start, floor)
    if not (lo > floor + 1 and sentence[lo - 1] in "，," and _RATE_CLAUSE.fullmatch(sentence, lo, start)):
        return None
    if not _HAN.match(sentence, lo - 2):
        return None  # the clause before ends with a figure: no noun closes it
    return _before(sentence, lo - 1, floor, False).subject


# The period a total covers (全年|共, 今年|合计): when, never what.
_PERIOD_WORD = re.compile(r"(?:全|今|去|本|上|当)(?:年|月|季|周)|全年度|年内")


def _total_after_list(sentence: str, start: int, floor: int) -> str | None:
    """交流学习心得体会，共计40余次: a total whose clause is only 共计 takes the noun that ends the clause before."""
    if not _total_clause(sentence, start, floor):
        return None
    end = _clause_start(sentence, start, floor) - 1
    if end <= floor:
        return None
    return _before(sentence, end, floor, False).subject


def _total_clause(sentence: str, start: int, floor: int) -> bool:
    """The clause before a metric is only a total word (共计, 共), with the period it covers (全年|共)."""
    ws = tag(sentence[_clause_start(sentence, start, floor) : start])
    if not ws or not any(w.text in _set("subject_total_words.txt") for w in ws):
        return False
    return all(w.text in _set("subject_total_words.txt") or _PERIOD_WORD.fullmatch(w.text) for w in ws)


def _dimension_of(sentence: str, spans: Sequence[Span], k: int) -> str | None:
    """长280米、宽5米，总计1400平方米的水泥路: a dimension takes the thing a later metric of the sentence names with 的."""
    sp = spans[k]
    head = sentence[max(0, sp.start - 2) : sp.start]
    if not any(head.endswith(w) for w in words("subject_dimension_words.txt")):
        return None
    for later in spans[k + 1 :]:
        if "。" in sentence[sp.end : later.start] or "；" in sentence[sp.end : later.start]:
            return None
        if sentence.startswith("的", later.end):
            return _after(sentence, later.end, later.kind)
    return None


def subject_of(sentence: str, start: int, end: int, unit: str = "", kind: str = "count") -> str | None:
    """The counted thing of the single metric at ``sentence[start:end]``, or None when none is named."""
    return facts_of(sentence, [Span(start, end, unit, kind)])[0].subject
