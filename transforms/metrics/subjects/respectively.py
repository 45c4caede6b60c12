"""分别 lists: A、B、C增加值分别增长x、y、z gives metric i conjunct i, with the head the items share.

Both directions: the list before 分别 handed out to the figures after it, and back again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.bridges import _bridge_suffix
from transforms.metrics.subjects.spans import _HAN_WORD, Fact, Span, _balanced, _clause_start, _text
from transforms.metrics.subjects.vocab import _PEOPLE_KINDS, _has_head, _is_stop, _names_people, _set
from transforms.metrics.words import Word, tag


def _respectively(sentence: str, first: int, index: int, floor: int = 0) -> str | None:
    """A、B、C增加值分别增长x、y、z: metric ``index`` of the list after 分别 takes conjunct ``index``.
    ``floor`` is the end of the metric before the list: when 分别 follows it at once, the items before
    分别 are metrics (从…的12000元和13500元|分别提高到…), not named things."""
    if floor and sentence.startswith("分别", floor):
        return None
    found = respectively_clause(sentence, first, 0, 6)
    if found is None:
        return None
    _, at, clause = found
    conjuncts = _conjuncts(clause[:at])
    if len(conjuncts) < 2 or index >= len(conjuncts):
        return None
    conjunct = conjuncts[index]
    place_head = _place_head(conjuncts)
    if place_head:
        return place_head  # 靖江市、泰兴市|地区生产总值: the place is the region's
    own = _before(conjunct, len(conjunct), 0, False, lead="分别").subject  # 分别增长 is its verb
    if index == len(conjuncts) - 1:
        return own
    # The measured noun after the last item is every item's (钢铁、水泥和平板玻璃产量), but a subject
    # is a phrase of the sentence (fact-spec; REPORTS-DECISIONS: min the figure's own conjunct, max
    # the whole list up to its head), so an item before the last is named by its conjunct (钢铁):
    # 钢铁产量 is written nowhere. The head still decides whether the conjunct is the item at all.
    if any(_has_head(c) for c in conjuncts[:-1]):
        return own  # 进口货值、…、船舶进出、…销售额: items that name their own measures share none
    head = _shared_head(conjuncts)
    if own in _set("subject_qualifier_items.txt") and head:
        listed = clause[:at]
        return listed[: len(listed) - len(_bridge_suffix(listed))]  # 城镇、农村居民人均可支配收入|分别
    item = own or (conjunct if _HAN_WORD.fullmatch(conjunct) and len(conjunct) <= 8 else None)
    if not item or not head or _has_head(item) or tag(item)[-1].text == tag(conjuncts[-1])[-1].text:
        return own  # 刑事案件发案数、治安案件受理数: each item names its own measure
    return item


# Endings of the administrative places a 分别 list may name (靖江市、泰兴市、兴化市…)
_PLACE_ENDINGS = ("市", "县", "区", "省", "州", "盟", "旗")
_COUNTED_KIND = re.compile(
    r"[两二三四五六七八九十]个?[省市县区州盟旗]"
)  # …岳阳|两市|新增…: the places' count


def respectively_clause(sentence: str, first: int, floor: int, reach: int) -> tuple[int, int, str] | None:
    """(start, position of 分别 in it, text) of the clause before the figure at ``first`` (not before
    ``floor``), when 分别 stands within ``reach`` characters of the figure; else None."""
    lo = first
    while lo > floor and sentence[lo - 1] not in "，,；;。！!？?：:\n":
        lo -= 1
    clause = sentence[lo:first]
    at = clause.rfind("分别")
    if at < 0 or at < len(clause) - reach:
        return None
    return lo, at, clause


def _place_head(conjuncts: Sequence[str]) -> str | None:
    """The measure a 分别 list of named places shares (靖江市、泰兴市、兴化市|地区生产总值): every item
    but the last is a place of three characters or more, and the last opens with one; the items say
    where, the rest of the last is what each figure counts; short names close on their count and kind
    (益阳、岳阳两市|新增和改善灌溉面积). None else (城镇、农村: qualifiers that
    change what is counted are no places)."""

    def place(w: str) -> bool:
        return len(w) >= 3 and w.endswith(_PLACE_ENDINGS) and tag(w)[0].tag in ("ns", "nz")

    def short(w: str) -> bool:  # 益阳、岳阳两市: short names, which the count and kind make places
        return len(w) == 2 and _HAN_WORD.fullmatch(w) is not None

    last = conjuncts[-1]
    if all(place(c) for c in conjuncts[:-1]):
        # 九龙区及新界区|的路线: a place the dictionary lacks, closed by 的, parallels the named ones
        n = next((k for k in range(3, 6) if place(last[:k]) or _owned_place(last, k)), 0)
    elif all(short(c) for c in conjuncts[:-1]) and short(last[:2]) and _COUNTED_KIND.match(last, 2):
        n = _COUNTED_KIND.match(last, 2).end()  # type: ignore[union-attr]
    else:
        return None
    head = last[n:].removeprefix("的") if n else ""
    ws = tag(head)
    k = 0
    while k < len(ws) - 1 and (ws[k].tag == "v" or (k and ws[k].tag == "c")):
        k += 1  # 新增和改善|灌溉面积: the verbs the figures measure it by, not the counted thing
    head = _text(ws[k:]) if k else head
    return head if len(head) >= 2 and tag(head)[0].tag.startswith(("n", "a", "b", "vn")) else None


def _owned_place(last: str, k: int) -> bool:
    """``last[:k]`` ends as a place name does and 的 follows it (新界区|的路线): the place owns the head."""
    return (
        last[:k].endswith(_PLACE_ENDINGS)
        and last[k : k + 1] == "的"
        and _HAN_WORD.fullmatch(last[:k]) is not None
    )


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
    cuts = [i for i, w in enumerate(ws) if w.tag == "c" and w.text in conj and not _joins_verbs(ws, i)]
    if len(cuts) != 1 or cuts[0] == 0:
        return parts
    return [*parts[:-1], _text(ws[: cuts[0]]), _text(ws[cuts[0] + 1 :])]


def _joins_verbs(ws: Sequence[Word], i: int) -> bool:
    """Whether the conjunction at ``ws[i]`` joins two verbs (岳阳市新增|和|改善灌溉面积): the verbs
    of one measure, not two items of the list."""
    return 0 < i < len(ws) - 1 and ws[i - 1].tag == "v" and ws[i + 1].tag == "v"


# How a 分别 clause that names no items opens: 分别 itself, or after the period it is compared over
# (按月|分别增加, 较2024年|分别上升, 同比|分别下降)
_BACK_OPENING = re.compile(r"(?:按[年月季]|同比|环比|较[^，,；;。]{1,8})?分别")


def _respectively_back(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """接待游客超10.9亿人次，旅游总收入超1.3万亿元，分别增长15.8%和11.5%: a 分别 clause that names no
    items refers back to the metrics before it (of another kind), one for each of its own, in order."""
    if "分别" not in sentence:  # most sentences: no clause can open with it
        return out
    k = 0
    while k < len(spans):
        lo = _clause_start(sentence, spans[k].start, spans[k - 1].end if k else 0)
        head = sentence[lo : spans[k].start]
        opens = lo == 0 or sentence[lo - 1] in "，,；;：:"  # not 利润总额五年|分别…: a list before it
        if k == 0 or not _BACK_OPENING.match(head) or len(head) > 12 or not opens:
            k += 1
            continue
        group = [k]
        while group[-1] + 1 < len(spans) and sentence[spans[group[-1]].end : spans[group[-1] + 1].start] in (
            "、",
            "和",
            "及",
            "与",
        ):
            group.append(group[-1] + 1)
        earlier = [j for j in range(k) if spans[j].kind != spans[k].kind][-len(group) :]
        between = sentence[spans[earlier[0]].start if earlier else 0 : lo]
        named = any(out[j].subject for j in earlier)
        if len(group) > 1 and len(earlier) == len(group) and named and not any(c in between for c in "。；;"):
            for g, j in zip(group, earlier, strict=True):
                lent = out[j].subject  # 导致402人受伤: a count with no noun of its own lends none
                if lent and (spans[g].kind not in _PEOPLE_KINDS or _names_people(lent)):
                    out[g] = Fact(lent, out[g].measure)  # not 1,204宗事故…，分别救出|1,500人: people
        k = group[-1] + 1
    return out


def listed_phrase(text: str, subject: str) -> str | None:
    """The subject of a 分别 item with the head its list shares (城镇|和农村居民人均可支配收入分别… ->
    城镇居民人均可支配收入), or None when the subject opens no such list in ``text`` (the sentence up
    to the figure; its last such list is the figure's).

    The subject itself stays the item as written (a phrase of the sentence); what the item counts
    -- income, output -- is said once at the end of the list, and a theme is read from that."""
    if not subject:
        return None
    whole = _qualified_list(text, subject)
    if whole:
        return whole
    at = text.rfind(subject)
    while at >= 0:
        after = text[at + len(subject) :]
        stop = after.find("分别")
        if stop > 0 and after[0] in "、和与及" and not any(c in after[:stop] for c in "，,；;。"):
            conjuncts = _conjuncts(subject + after[:stop])
            if len(conjuncts) < 2 or conjuncts[0] != subject or any(_has_head(c) for c in conjuncts[:-1]):
                return None  # 接待人次、经营收入: items that name their own measures share none
            head = _shared_head(conjuncts)
            if not head or _has_head(subject) or tag(subject)[-1].text == tag(conjuncts[-1])[-1].text:
                return None
            return subject + head
        at = text.rfind(subject, 0, at)
    return None


def _qualified_list(text: str, subject: str) -> str | None:
    """城镇和农村常住居民人均可支配收入 read as the subject of a 分别 list of qualifiers (the first figure's,
    subject_qualifier_items.txt) names, for a theme, the first qualifier with the shared head
    (城镇常住居民人均可支配收入); None for any other subject."""
    if f"{subject}分别" not in text:
        return None
    conjuncts = _conjuncts(subject)
    qualifier = next((q for q in _set("subject_qualifier_items.txt") if conjuncts[0].endswith(q)), None)
    if len(conjuncts) < 2 or qualifier is None:
        return None
    head = _shared_head(conjuncts)
    return conjuncts[0] + head if head else None  # 全县城镇|居民人均可支配收入
