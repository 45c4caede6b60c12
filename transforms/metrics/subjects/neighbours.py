"""Carrying a subject from a neighbouring figure of the same sentence: a rate after a total, a part
by its state only, a place, attribute or level head shared with the figure before.

These read the facts already made (``out``), so they run inside or after ``facts_of``'s loop.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.after import _after
from transforms.metrics.subjects.bridges import _metric_bridges
from transforms.metrics.subjects.clauses import _total_clause
from transforms.metrics.subjects.spans import _HAN, _HAN_WORD, Fact, Span, _Before, _clause_start, _text
from transforms.metrics.subjects.vocab import _PEOPLE_KINDS, _attribute_heads, _has_head, _names_people, _set
from transforms.metrics.words import Word, dictionary_tag, tag


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


def _place_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """收入比为8.1倍，其中杭州市达12.3倍: a measure (or a count in a unit that counts no places:
    病例108例，其中东城区41例; 个, 处 may count places, subject_place_units.txt) whose
    subject is only a place names where the figure before holds, so it measures that figure's thing;
    the place itself is the region's, never the subject's core."""
    placed = False  # the metric before was such a part: the places listed after it (、西城区|20例) too
    for k in range(1, len(spans)):
        subject, prev = out[k].subject, out[k - 1].subject
        counted_place = spans[k].kind == "count" and spans[k].unit in _set("subject_place_units.txt")
        # 建成服务站58处，其中兰山区、罗庄区分别建成12处和9处: one named division is no count of places
        if counted_place and subject and _named_division(subject):
            counted_place = False
        if not subject or not prev or counted_place or spans[k].unit != spans[k - 1].unit:
            placed = False
            continue
        gap = sentence[spans[k - 1].end : spans[k].start]
        listed = placed and gap.startswith(("、", "和"))
        if "。" in gap or "；" in gap or ";" in gap or not (gap.lstrip("，,").startswith("其中") or listed):
            placed = False
            continue  # only a part (其中) names where: a list's items name things (桃|650亩)
        placed = only_place(subject) or _division_name(subject)
        if placed:
            out[k] = Fact(prev, out[k].measure)
            for j in range(k + 1, len(spans)):  # …苓雅区27例，上周新增19例，增加近5成: they inherited it
                if out[j].subject == subject:
                    out[j] = Fact(prev, out[j].measure)
    return out


def _parts_of_whole(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """受理诉求8.7万件，其中咨询类4.1万件、求助类2.9万件; 招聘教师1260名，其中研究生学历186名: a part
    after 其中 named only by a category (…类) or, for people, by an attribute they hold (学历, 职称) is
    a part of the whole counted before, so it counts the whole's thing; the 、 items after it too."""
    placed = False
    for k in range(1, len(spans)):
        subject, prev = out[k].subject, out[k - 1].subject
        gap = sentence[spans[k - 1].end : spans[k].start]
        if not subject or not prev or spans[k].kind != spans[k - 1].kind or any(c in gap for c in "。；;"):
            placed = False
            continue
        clause = re.split("[，,]", gap)[-1]
        if not (clause.startswith("其中") or (placed and gap.startswith("、"))):
            placed = False
            continue
        category = subject.endswith("类") and 2 < len(subject) <= 5 and bool(_HAN_WORD.fullmatch(subject))
        held = spans[k].kind in _PEOPLE_KINDS and subject.endswith(words("subject_people_attributes.txt"))
        placed = category or (held and _names_people(prev))
        if placed:
            out[k] = Fact(prev, out[k].measure)
    return out


# A clause that is a headless relative clause before its figure (其中|经大桥入境的|占三成二, 居民经旅行社
# 出外旅游的|有3万人次): those who did so are counted, and the clause names no noun of its own
_HEADLESS = re.compile(r"(其中)?([\u4e00-\u9fff]{2,16})的(?:约有|有|约占|占|为)")
_COPULAS = ("属于", "属", "是", "为")
# Prepositions of route the dictionary tags nouns (居民|经|旅行社|出外旅游): they end the people
_ROUTE_PREPOSITIONS = frozenset({"经", "由"})


def _headless_relatives(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """其中经港珠澳大桥入境的占三成二: a part after 其中 stated by a headless relative clause (not one of
    a copula, 属…的, which names the kind) is of the whole counted before; 本地居民经旅行社出外旅游的有3万3千人次: without 其中, the people
    opening the clause are the ones counted, the rest of it says what they did."""
    for k, sp in enumerate(spans):
        lo = max(sentence.rfind(c, 0, sp.start) for c in "，,；;。：:") + 1
        m = _HEADLESS.fullmatch(sentence, lo, sp.start)
        subject = out[k].subject
        if m is None or not subject or subject not in m.group(2):
            continue
        if m.group(2).startswith(_COPULAS):
            continue  # 属紧急召唤的: those that are emergency calls, the kind is named
        ws = tag(m.group(2))
        prev = out[k - 1].subject if k else None
        if m.group(1):
            gap = sentence[spans[k - 1].end : lo] if k else "。"
            if prev and not any(c in gap for c in "。；;"):
                out[k] = Fact(prev, out[k].measure)
            continue
        people = _opening_people(ws)
        if people and sp.kind in _PEOPLE_KINDS:
            out[k] = Fact(people, out[k].measure)
            for j in range(k + 1, len(spans)):  # 按年增加12.7%: the rate after it is of the same people
                if out[j].subject == subject:
                    out[j] = Fact(people, out[j].measure)
    return out


def _opening_people(ws: Sequence[Word]) -> str | None:
    """The noun phrase opening ``ws`` up to its first verb, preposition or adverb, when it names people."""
    k = 0
    while (
        k < len(ws)
        and ws[k].tag.startswith(("n", "j", "b"))
        and not ws[k].tag.startswith("nr")
        and ws[k].text not in _ROUTE_PREPOSITIONS
    ):
        k += 1
    if k == 0 or k == len(ws):
        return None
    text = _text(ws[:k])
    return text if _names_people(text) else None


def _place_share_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """病例156例，高雄占近7成: a share whose subject is only a place, with 占 right before it, is that
    place's share of the thing the figure before counts; the place is the region's, never the subject."""
    for k in range(1, len(spans)):
        subject, prev = out[k].subject, out[k - 1].subject
        if spans[k].kind != "percent" or not subject or not prev or only_place(prev):
            continue
        gap = sentence[spans[k - 1].end : spans[k].start]
        if any(c in gap for c in "。；;") or not gap.endswith(("占", "占了", "约占")):
            continue
        if only_place(subject) or _named_division(subject):
            out[k] = Fact(prev, out[k].measure)
    return out


def _named_division(subject: str) -> bool:
    """A proper name of one division (兰山区, 杭州市), not a place word (全区) nor a kind (乡镇): it can
    say where a count of places lies, never be that count."""
    ws = tag(subject)
    return _division_name(subject) or (len(ws) == 1 and ws[0].tag == "ns" and len(ws[0].text) > 1)


# How the name of a division ends (前镇区, 苓雅区, 凤山市): a part after 其中 so named says where
_DIVISION_ENDINGS = ("省", "市", "县", "区", "镇", "乡")


def _division_name(subject: str) -> bool:
    """A short name ending like a division (前镇区, a district the dictionary lacks): after 其中 and in a
    unit that counts no places it can only say where the figure before holds. Not a common noun the
    dictionary holds whole (棚户区, 开发区, 示范区: kinds of area, not names)."""
    known = dictionary_tag(subject)
    return (
        3 <= len(subject) <= 4
        and subject.endswith(_DIVISION_ENDINGS)
        and bool(_HAN_WORD.fullmatch(subject))
        and (known is None or known.startswith("ns"))
    )


def without_place(subject: str) -> str | None:
    """``subject`` without the place names opening it (台北市|房价所得比 -> 房价所得比); None when
    nothing but places is left."""
    ws = tag(subject)
    k = 0
    while k < len(ws) and only_place(ws[k].text):
        k += 1
    return _text(ws[k:]) or None


def only_place(subject: str) -> bool:
    """Whether ``subject`` is nothing but place names (杭州市, 新北市, 全省): where a figure holds,
    scored under region, never what it counts."""
    ws = tag(subject)
    return bool(ws) and all(
        (w.tag == "ns" and len(w.text) > 1) or w.text in _set("subject_place_words.txt") for w in ws
    )


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
            # 总量|达到…: the attribute stays as written unless the two stand together in the
            # sentence (a subject is a phrase of it: 地区生产总值总量 is written nowhere)
            joined = prev if prev.endswith(subject) else prev + subject
            out[k] = Fact(joined if joined in sentence else subject, out[k].measure)
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
    other_kind = sp.kind != prev.kind and "percent" not in (sp.kind, prev.kind) and bool(sp.unit)
    if prev_fact.subject and other_kind and _TOTAL_IN_OTHER_UNIT.fullmatch(between):
        return prev_fact.subject  # 已完工社会住宅8处、共2,146户: the same homes, counted in another unit
    if prev_fact.subject and _bridged_clause(between):
        return prev_fact.subject  # 总值增长6.3%、达到486.2亿元; 年均增长6.1%，由2020年的338.7亿元…
    if (
        prev_fact.subject
        and sp.unit
        and prev_fact.subject.endswith(sp.unit)
        and _LEVEL_AFTER.fullmatch(between)
    ):
        return prev_fact.subject  # 访港旅客人次增长12%，约有410万人次: the level of the indicator itself
    head = between.removesuffix("其中").rstrip("，,")
    if (
        prev_fact.subject
        and sp.kind == prev.kind
        and between.endswith("其中")
        and head in ("", prev_fact.subject)
    ):
        return prev_fact.subject  # 约142万名长者，其中|132万人|曾使用…: a part of the same people, 名 or 人
    same_unit = [(s, f) for s, f in zip(spans[:k], out, strict=False) if s.unit == sp.unit and f.subject]
    if same_unit and not rate:
        return same_unit[-1][1].subject  # 20台电梯，目前已有2台安装完毕、5台正在加装中
    return None


# A clause that gives only a level (，约有|410万人次) after a figure of an indicator counted in that unit
_LEVEL_AFTER = re.compile(r"[，,](?:约|共|合共|总共|即|达)?(?:有|为)?")


# A 、 and a word of total between two figures of one thing in two units (8处、共2,146户)
_TOTAL_IN_OTHER_UNIT = re.compile(r"、(?:共|合共|共计|约|逾)?")


# A start point opening a clause: 由/从, a year, 的 (，由2020年的|338.7亿元)
_START_POINT = re.compile(r"[由从](?:[0-9]{4}年(?:底|末)?)?的?")


def _bridged_clause(between: str) -> bool:
    """The text between the metric before and this one is a clause stop and nothing but bridge words
    (、达到, ，增加到) or a start point (，由2020年的): the clause goes on about the thing the metric
    before names, with its noun left out."""
    if between[:1] not in ("、", "，", ","):
        return False
    rest = between[1:]
    if not rest or "分别" in rest:
        return False  # 累计分别达到: a 分别 list hands its items out itself
    if _START_POINT.fullmatch(rest):
        return True
    bridges = _metric_bridges()
    at = 0
    while at < len(rest):
        found = bridges.match(rest, at)
        if not found:
            return False
        at = found.end()
    return True


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


_FIGURE_JOINS = ("、", "和", "及", "与", "以及")  # between two figures of one list (1,205宗、1,318宗及…)


# A numeral and classifier opening the noun after a list (5万亿美元、6万亿美元|两个大的台阶): it counts
# the list's items, it names no thing they measure
_COUNTED = re.compile(r"[一二两三四五六七八九十几]+[个项批类次]")


def _noun_after_list(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """分别接获1,205宗、1,318宗及1,402宗个案: a list of figures in one unit whose last names its noun
    after it; the earlier ones, with no noun of their own, count the same thing."""
    out = list(out)
    k = len(spans) - 1
    while k > 0:
        last = k
        while (
            k > 0
            and spans[k - 1].unit == spans[k].unit
            and (sentence[spans[k - 1].end : spans[k].start] in _FIGURE_JOINS)
        ):
            k -= 1
        noun = out[last].subject
        if last > k and noun and _after_metric(sentence, spans, last) == noun:
            # the earlier items read one and the same noun before the list (食物安全中心|在…分别抽取|
            # 约6万5千个、约6万8千个及约7万1千个|食物样本): the clause's agent, not what they count
            shared = len({out[j].subject for j in range(k, last)}) == 1 and not _COUNTED.match(noun)
            for j in range(k, last):
                if out[j].subject is None or shared:
                    out[j] = Fact(noun, out[j].measure)
        k -= 1
    return out


def _noun_of_next(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """420户|1,500余名|村民: a metric with no noun of its own right before another, which names its
    noun after it, counts the same thing in another unit (households and people of one group)."""
    for k in range(len(spans) - 2, -1, -1):
        sp, nxt = spans[k], spans[k + 1]
        if out[k].subject or sp.end != nxt.start or sp.unit == nxt.unit or not out[k + 1].subject:
            continue
        if sp.kind == "duration" or sentence[sp.end - 1 : sp.end] == "年":
            continue  # 十年|1.4亿农村人口: a period, not a count of the people
        if _after_metric(sentence, spans, k + 1) == out[k + 1].subject:
            out[k] = Fact(out[k + 1].subject, out[k].measure)
    return out
