"""Lists and groups of places right before a count (德令哈、南山口4个电站; 洛阳等10个枢纽).

A count over several places is not the place of one of its items: a list mixing divisions and sites
drops its division, and a group a division heads with 等 is the region holding its members.
"""

from __future__ import annotations

import re

from transforms.enrich.regions.divisions import _is_han, _nbytes
from transforms.lexicon import words

LIST_ITEM = 5  # the longest item of a list of sites before a count (德令哈, 南山口)
NAMED_ITEM = 8  # the longest item of a list of things named after their places (沈阳航空, 大盘绿色石化)


def _count(metric: str) -> int | None:
    """The whole number a count opens with (3个 -> 3, 三个 -> 3), else None."""
    digits = re.match(r"\d+(?![\d.])", metric)
    if digits:
        return int(digits.group(0))
    small = {
        "一": 1,
        "两": 2,
        "二": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
        "十": 10,
    }
    if metric[:1] in small and metric[1:2] not in small:
        return small[metric[0]]
    return None


def _mixed_list(lead: str, own: list[tuple[str, int]], count: int | None = None) -> tuple[int, int] | None:
    """The byte span of the 、-list right before the metric when some of its items are divisions and
    some are not (南山口、哇让、同德、德令哈4个电站): the list names sites, and the one that is also a
    county does not place the metric about all of them. A list of divisions only (内江、眉山、自贡)
    keeps its names (their common one). Items are short (LIST_ITEM chars); the leftmost may carry a
    verb before it (加快建设南山口) and then counts only by a name at its end. A longer item (up to
    NAMED_ITEM chars) is a thing named after its place when a division opens it (沈阳航空、沈大工业母机、
    大盘绿色石化3个集群: one of three clusters is 沈阳's), and another item when it names none; such
    items are read only when the metric counts them (``count`` is the number of items)."""
    items = lead.split("、")
    longest = LIST_ITEM if count != len(items) else NAMED_ITEM
    if len(items) < 2 or not items[-1] or len(items[-1]) > longest:
        return None
    end = len(lead.encode("utf-8"))
    at = start = end
    kinds: list[bool] = []
    for item in reversed(items):
        size = len(item.encode("utf-8"))
        at -= size
        inside = [off for _, off in own if at <= off < at + size]
        short = 2 <= len(item) <= LIST_ITEM
        if all(map(_is_han, item)) and (short or (len(item) <= longest and (not inside or inside == [at]))):
            kinds.append(bool(inside))
            start = at
            at -= 3  # 、 in UTF-8
            continue
        tail = [off for n, off in own if off + _nbytes(n) == at + size]
        if tail:  # 加快建设德令哈、…: the name ending the verb phrase is the first item
            kinds.append(True)
            start = tail[0]
        break
    if len(kinds) >= 2 and any(kinds) and not all(kinds):
        return start, end
    return None


def _group_heads(lead: str, own: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], int]:
    """The named places of a group a division right before 等 heads (洛阳等10个枢纽; 信阳、新乡、洛阳等
    9个市) and how many 、-items name them: the other members are other places like them. Nothing
    when no division stands right before 等 (某地某工程等14条 names an item there, not a division)."""
    raw = lead.encode("utf-8")
    comma = "、".encode()
    for closer in words("group_closers.txt"):
        if not lead.endswith(closer):
            continue
        at = len(raw) - len(closer.encode("utf-8"))
        heads: list[tuple[str, int]] = []
        items = 0
        while True:  # back along a 、-list of names only (信阳、新乡、洛阳等)
            head = next(((n, off) for n, off in own if off + _nbytes(n) == at), None)
            if head is None:
                if heads:  # 山阳、勉县等: an item not read as a division is still another place
                    item = raw[:at].decode("utf-8", "ignore").rsplit("、", 1)[-1]
                    items += 2 <= len(item) <= LIST_ITEM and all(map(_is_han, item))
                return heads, items
            items += 1
            heads.append(head)
            while True:  # 四川成都市: the name qualifying it is part of the item
                qual = next(((n, off) for n, off in own if off + _nbytes(n) == head[1]), None)
                if qual is None:
                    break
                heads.append(head := qual)
            at = head[1] - len(comma)
            if at < 0 or raw[at : head[1]] != comma:
                # 海拉尔至香港、上海等6条航线: places reached from the one the count is about
                before = raw[: head[1]].decode("utf-8", "ignore")
                return ([], 0) if before.endswith(words("group_destinations.txt")) else (heads, items)
    return [], 0
