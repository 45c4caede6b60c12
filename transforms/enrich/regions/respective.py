"""Places paired one to one with figures by 分别 (西安、宝鸡分别增长6.1%和5.8%).

A 、/和-list of divisions followed, in the same clause, by 分别 and a run of as many figures joined
by 、/和 gives the k-th figure to the k-th place: none of them is the page's or the places' common
region. A list and a run of different lengths, a list reached by a route or market word (销往北京、
上海), or an item the clause reading does not take as a division pairs nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from transforms.enrich.regions.clauses import CLAUSE_STOP
from transforms.enrich.regions.divisions import _common, _nbytes
from transforms.enrich.regions.naming import _named
from transforms.lexicon import words

RESPECTIVELY = "分别"
LIST_JOINERS = ("、", "和", "及", "与", "以及")  # between two items of a list, or two figures of a run
ITEM_TAILS = "省市县区州盟旗"  # a division suffix a short-name mention may leave after it (宜昌市)


@lru_cache(maxsize=1)
def _markets() -> tuple[str, ...]:
    """Words before a list that make its places destinations, sources or markets (group_destinations.txt,
    region_origin_prefixes.txt): 销往北京、上海 do not hold the figures."""
    return tuple({*words("group_destinations.txt"), *words("region_origin_prefixes.txt")})


def _items(sent: str, found: list[tuple[str, int]]) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """The sentence's mentions grouped into names (a chain 福建宁德 is one), as (char start, char end,
    mentions), in order."""
    raw = sent.encode("utf-8")
    out: list[tuple[int, int, list[tuple[str, int]]]] = []
    for m, off in sorted(found, key=lambda x: x[1]):
        c0 = len(raw[:off].decode("utf-8", "ignore"))
        c1 = len(raw[: off + _nbytes(m)].decode("utf-8", "ignore"))
        if out and out[-1][1] == c0:
            out[-1] = (out[-1][0], c1, [*out[-1][2], (m, off)])
        else:
            out.append((c0, c1, [(m, off)]))
    return out


def _joined(gap: str) -> bool:
    """Whether the text between two items or two figures only joins them (、, 和, 及)."""
    return gap.strip() in LIST_JOINERS


def _place_list(
    sent: str, found: list[tuple[str, int]], at: int
) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """The list of names ending nearest before char ``at`` (a 分别) in the same clause, else []."""
    items = [it for it in _items(sent, found) if it[1] <= at]
    if not items:
        return []
    last = items[-1]
    if any(ch in CLAUSE_STOP for ch in sent[last[1] : at]):
        return []
    chain = [last]
    for it in reversed(items[:-1]):
        gap = sent[it[1] : chain[0][0]]
        gap = gap[1:] if gap[:1] and gap[0] in ITEM_TAILS else gap
        if not _joined(gap):
            break
        chain.insert(0, it)
    if len(chain) < 2 or sent[: chain[0][0]].endswith(_markets()):
        return []
    return chain


_COUNTS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
# a clause opening on a count of divisions (两市分别…, 这三个县分别…) refers back to a list named before
_BACK_REFERENCE = re.compile(r"^(?:这|上述|以上)?([两二三四五六])个?(?:省|市|县|区|州|地|镇|乡|盟|旗)")


def _referred_list(
    sent: str, found: list[tuple[str, int]], at: int
) -> list[tuple[int, int, list[tuple[str, int]]]]:
    """The list of as many names as a back reference opening the 分别's clause counts (在青岛、
    烟台，…，两市分别建成…), the nearest such list before that clause; else []."""
    start = max((i + 1 for i, ch in enumerate(sent[:at]) if ch in CLAUSE_STOP), default=0)
    ref = _BACK_REFERENCE.match(sent[start:at])
    if not ref:
        return []
    n = _COUNTS[ref.group(1)]
    items = [it for it in _items(sent, found) if it[1] <= start]
    chain: list[tuple[int, int, list[tuple[str, int]]]] = []
    for it in reversed(items):
        if chain:
            gap = sent[it[1] : chain[0][0]]
            gap = gap[1:] if gap[:1] and gap[0] in ITEM_TAILS else gap
            if not _joined(gap):
                if len(chain) == n:
                    break
                chain = []
        chain.insert(0, it)
    if len(chain) != n or sent[: chain[0][0]].endswith(_markets()):
        return []
    return chain


def respective_places(
    sent: str,
    found: list[tuple[str, int]],
    spans: list[tuple[int, int]],
    province: str | None,
    vouched: frozenset[str],
) -> dict[int, str]:
    """Figure index (into ``spans``, char spans in ``sent``) -> the adcode 分别 pairs it with."""
    if RESPECTIVELY not in sent or not found:
        return {}
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    out: dict[int, str] = {}
    last: list[str] = []  # the list an earlier 分别 paired, for a later one naming none (…，分别增长…)
    last_end = 0
    for hit in re.finditer(RESPECTIVELY, sent):
        at = hit.start()
        chain = _place_list(sent, found, at) or _referred_list(sent, found, at)
        if not chain:
            named_between = any(last_end <= c0 < at for c0, _, _ in _items(sent, found))
            if last and not named_between:
                _pair(sent, spans, order, at, last, out)
            continue
        codes: list[str] = []
        for _, _, mine in chain:
            named = _named(sent, mine, province, vouched)
            code = _common(named) if named else None
            if code is None:
                break
            codes.append(code)
        if len(codes) != len(chain) or len(set(codes)) != len(codes):
            last = []
            continue
        last, last_end = codes, at
        _pair(sent, spans, order, at, codes, out)
    return out


def _pair(
    sent: str, spans: list[tuple[int, int]], order: list[int], at: int, codes: list[str], out: dict[int, str]
) -> None:
    """In place: the run of figures right after the 分别 at char ``at`` paired with ``codes`` when it
    holds as many figures."""
    after = [i for i in order if spans[i][0] > at]
    if not after or any(ch in CLAUSE_STOP for ch in sent[at : spans[after[0]][0]]):
        return
    run = [after[0]]
    for i in after[1:]:
        if not _joined(sent[spans[run[-1]][1] : spans[i][0]]):
            break
        run.append(i)
    if len(run) == len(codes):
        out.update(zip(run, codes, strict=True))
