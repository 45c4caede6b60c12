"""分别 after a list of places (怀远县、五河县|分别收获|小麦|102万亩和86.5万亩; 狮山镇、大沥镇|地区生产总值|
分别达到…): the places say where each figure holds (scored under region), never what it counts.

What is counted is the object of the verb after 分别 when one stands there (小麦, 投资, 学位), else
the head that follows the last place (地区生产总值). Towns and streets (镇, 乡, 街道) are places as
counties are; the dictionary knows few of them, so a place is read by its ending word, parallel to
the items before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.bridges import _bridge_suffix
from transforms.metrics.subjects.respectively import _conjuncts, respectively_clause
from transforms.metrics.subjects.spans import _HAN_WORD, _balanced
from transforms.metrics.subjects.vocab import _is_stop, _set
from transforms.metrics.words import tag

# Endings of a division's name, from the province down to the township and the street
_ENDINGS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "街道")
# Tags of a name the dictionary knows (a place, a person's name it mistakes a place for, a proper name)
_NAME_TAGS = ("ns", "nr", "nz", "nrt", "nt")
# Tags of the words of a place name's stem (青石|镇: a common noun may name a town)
_STEM_TAGS = ("n", "g")
# Tags that cannot open the counted head (a verb, a preposition, a conjunction, a particle)
_NOT_HEAD_TAGS = ("v", "p", "c", "u", "d", "m", "q", "f", "x")


def _place(item: str) -> str | None:
    """The division ending ``item`` when the item reads as one place name (怀远县, 狮山镇, 秣陵街道),
    else None. Its words: one name word, or a stem of nouns and the ending (金牛|镇, 青石|镇, 杨|桥|镇;
    not 重点|镇 of subject_place_kinds.txt, 开发|区, and not 老旧|小区, 农村|地区: a common noun ends
    those)."""
    if not (3 <= len(item) <= 6 and _HAN_WORD.fullmatch(item)):
        return None
    ending = next((e for e in _ENDINGS if item.endswith(e)), None)
    if ending is None or len(item) - len(ending) < 2:
        return None
    ws = tag(item)
    if (
        len(ws) == 1
    ):  # a name the dictionary knows, but 中心镇, 大型超市: a kind's word or a qualifier opens it
        stem = tag(item[: -len(ending)])
        odd = any(
            w.text in _set("subject_place_kinds.txt") or (len(w.text) > 1 and w.tag in ("a", "b"))
            for w in stem
        )
        return ending if ws[0].tag in _NAME_TAGS and not odd else None
    if ws[-1].text != ending and ws[-1].tag not in _NAME_TAGS:
        return None  # 老旧|小区, 农村|地区, 特色|小镇: a common noun ends it
    stem = ws[:-1] if ws[-1].text == ending else ws
    kinds = _set("subject_place_kinds.txt")
    if any(w.text in kinds or (len(w.text) > 1 and not w.tag.startswith(_STEM_TAGS)) for w in stem):
        return None  # 重点|镇, 开发|区: a kind of division, or no name's stem
    return ending


def _places_before(items: Sequence[str]) -> int:
    """How many characters of the last item of a list (``items``) are its place, when every item
    before it is a place and the last opens with one of the same ending (金牛镇、州城镇|葡萄种植面积);
    else 0."""
    endings = {_place(c) for c in items[:-1]}
    if None in endings or len(endings) != 1:
        return 0
    ending = endings.pop()
    assert ending is not None
    last = items[-1]
    for n in range(len(ending) + 2, min(len(last), 6) + 1):
        if last[:n].endswith(ending) and (_place(last[:n]) or n == len(items[0])):
            return n
    return 0


def respectively_of_places(sentence: str, first: int, floor: int) -> str | None:
    """The counted thing of a figure of a 分别 run (the run's first figure at ``first``) whose list
    names places: the verb's object after 分别, else the head after the last place; None when the
    list is no list of places, or no noun is named."""
    found = respectively_clause(sentence, first, floor, 8)
    if found is None:
        return None
    lo, at, clause = found
    items = _conjuncts(clause[:at])
    if len(items) < 2:
        return None
    n = _places_before(items)
    if not n:
        return None
    obj = _before(sentence, first, lo + at + 2, False).subject
    if obj and sentence.rfind(obj, lo + at + 2, first) >= 0:
        return obj  # 分别收获|小麦: the object after the verb
    head = items[-1][n:].removeprefix("的")
    head = head[: len(head) - len(_bridge_suffix(head))]
    ws = tag(head)
    if len(head) < 2 or not ws or ws[0].tag in _NOT_HEAD_TAGS or _is_stop(ws[0]):
        return None
    if head in _set("subject_qualifier_items.txt") or _balanced(head) != head:
        return None
    return head


def without_leading_place(subject: str | None) -> str | None:
    """``subject`` without a named division opening it (仁怀市|规模以上工业增加值, 新河|镇|网销额): the place
    says where the figure holds, scored under region (fact-spec: never in subject_min). The place is
    the subject's first word, a name ending in a division's ending, or name words and the ending as a
    word of its own; unchanged otherwise, or when too little is left to name a thing."""
    if not subject or len(subject) < 5:
        return subject
    ws = tag(subject)
    first = ws[0]
    if first.tag in ("ns", "nr", "nz") and len(first.text) >= 3:
        n = 1
    else:
        n = next((k + 1 for k, w in enumerate(ws[:3]) if k and w.text in _ENDINGS), 0)
    place = "".join(w.text for w in ws[:n])
    strict = all(len(w.text) == 1 or w.tag in _NAME_TAGS for w in ws[: n - 1]) if n > 1 else True
    if not n or not strict or not _place(place):
        return subject  # 城际|市|域列车: a common noun before 市 names no place
    rest = ws[n + 1 :] if ws[n : n + 1] and ws[n].text == "的" else ws[n:]
    if not rest or len("".join(w.text for w in rest)) < 2:
        return subject
    if not rest[0].tag.startswith(_REST_TAGS) or _is_stop(rest[0]):
        return subject
    return "".join(w.text for w in rest)


# Tags a counted thing's name may open with after the place (a noun, a verbal noun, an abbreviation, a
# distinguishing word, an idiom-like term: 规模以上|工业增加值, 城镇居民|…)
_REST_TAGS = ("n", "vn", "j", "b", "l")
