"""The noun phrase read backward from a metric: which word ends it, and which words it keeps.

``_np_backward`` walks from the metric to the first word that cannot stand inside a noun phrase (a
governing verb, a function word, a number); the tests of each kind of word are here with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.local import _local_people
from transforms.metrics.subjects.spans import _HAN, _PARENS, _QUOTES, _text
from transforms.metrics.subjects.vocab import (
    _NOMINAL,
    _has_head,
    _is_bridge,
    _is_number,
    _is_punct,
    _is_stop,
    _is_verb,
    _nominal_verbs,
    _set,
)
from transforms.metrics.words import Word, dictionary_tag


def _ends_phrase(ws: Sequence[Word], i: int) -> bool:
    """Whether word ``i`` cannot stand inside a noun phrase: a governing verb, a function word, a number."""
    w = ws[i]
    if _glued_single(ws, i):
        return False  # 昆明|长|水|国际机场: a name the dictionary lacks, cut into single characters
    if _verb_of_project(ws, i):
        return False  # 营造林|建设|任务: the verb and the task noun after it make the name
    if _local_people(ws, i):
        return False  # 本地|居民|失业率: the local people, a class of the people counted
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
    增/减 + what grows says how the thing before the rate changes), nor a unit of time (每|小时)."""
    return (
        len(w.text) >= 2
        and w.text not in _set("duration_units.txt")  # 每|小时|多达700辆: the unit the rate is per
        and not (w.tag == "v" and w.text[0] in "增减")
        and w.tag in ("n", "vn", "v")
        and not _is_stop(w)
        and not _is_bridge(w)
        and w.text not in _set("subject_bound_words.txt")
        and w.text not in _set("subject_uptake_verbs.txt")  # 每人|领取: what each does, nothing given
    )


def _adverb_of_term(ws: Sequence[Word], j: int) -> bool:
    """Adverb ``j`` opens the name of a rate or size of an act, which the rest of ``ws`` is: the act
    and its attribute word (直接|结算率, 一次性|化解率, 直接|融资|规模). The indicator is that of the act
    done so, not the verb's manner."""
    term = ws[j + 1 :]
    if ws[j].text in _set("subject_bound_words.txt"):
        return False  # 「App」|至今|下载次数: a time word says when, it names no manner of the act
    if ws[j].text in _set("subject_term_adverbs.txt") and term and term[-1].tag.startswith("n"):
        return True  # 实质|总薪资: real wages, a term of its own (subject_term_adverbs.txt)
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
    if k >= 0 and ws[k].text in _set("subject_pivot_verbs.txt") and rest[0].tag.startswith("n"):
        return True  # 协助|移工|追讨|欠薪: the helped do the act, whose object is counted
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
    if event and w.text in _set("subject_event_acts.txt"):
        return False  # 职安健巡查|增至|约13万次: the inspections, after the bridge too
    if _is_stop(w):
        return True
    return _is_verb(w) and not any(_is_stop(x) or _is_verb(x) for x in stripped)
