"""Where a counted thing's name starts and ends around the words beside it: the predicate moved off
its end into the measure, a case verb kept as its head (援助计划|申请|1,236宗), the owner of an
attribute after 的 (民生支出占财政支出|的|比重), a per-head word (人均|每日|弃置量), a contributor
before 对 (工业|对|经济增长贡献率).

The backward cut stops at 的, 对 and 每; each rule here grows or shrinks the phrase by the one
construction it knows, after that cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.phrase import _kept_head, _np_backward, _strippable
from transforms.metrics.subjects.trim import _trim_np
from transforms.metrics.subjects.vocab import (
    _attribute_heads,
    _is_bridge,
    _is_number,
    _is_punct,
    _is_stop,
    _set,
)
from transforms.metrics.words import Word


def _strip_predicate(ws: list[Word], measure: list[Word], event: bool, cases: bool) -> None:
    """Move the verbs and glue between the noun and the metric from the end of ``ws`` to the front of
    ``measure`` (both in place), up to a word that heads the phrase."""
    while ws and _strippable(ws[-1], event, measure) and not _kept_head(ws, measure):
        if not measure and ((cases and _case_head(ws)) or _received_case(ws)):
            break
        measure.insert(0, ws.pop())


def _case_head(ws: Sequence[Word]) -> bool:
    """A verb that names cases (申请, 投诉) right before a count of them, after a noun (收到|援助计划|
    申请|1,236宗): the applications are what is counted, as after the metric (_case_verb)."""
    if len(ws) < 2 or ws[-1].text not in _set("subject_case_verbs.txt") or _is_stop(ws[-2]):
        return False
    if ws[-2].tag.startswith(("n", "j", "vn")) or ws[-2].text in ("”", "’"):
        return True  # “中小企业援助计划”|申请|2,146宗: a quoted name is a noun too
    # 公屋|一般|申请, 非|紧急|召唤, 救护|召唤: a modifier or the act's own verb before the case verb
    # makes the name of the cases; after a governing verb or a figure it does not (办结|申请)
    return (
        ws[-2].tag in ("a", "b", "v")
        and len(ws[-2].text) > 1
        and not _is_bridge(ws[-2])
        and ws[-2].text not in _set("subject_case_receivers.txt")  # 批出|申请: the clause's verb
    )


def _received_case(ws: Sequence[Word]) -> bool:
    """A case verb right after a verb of receiving (接获|查询|9万宗, 受理|申请|1,200件: any unit of
    cases), or after the kind of the cases after one (受理|救助|申请): the verb's object, the cases
    counted."""
    if len(ws) < 2 or ws[-1].text not in _set("subject_case_verbs.txt"):
        return False
    if ws[-2].text in _set("subject_case_receivers.txt"):
        return True
    # 受理|救助|申请|3万件: the kind of the cases between the receiving verb and the case verb
    return (
        len(ws) > 2 and ws[-3].text in _set("subject_case_receivers.txt") and ws[-2].tag in ("n", "vn", "j")
    )


def _with_owner(np: list[Word], rest: list[Word]) -> tuple[list[Word], list[Word]]:
    """(np, rest) with an attribute word alone after 的 (…|的|比重) grown by what it is of."""
    if len(rest) > 1 and rest[-1].text == "的" and len(np) == 1 and np[0].text.endswith(_attribute_heads()):
        owner = _owner_of_attribute(rest[:-1])
        if owner:
            return [*owner, rest[-1], *np], rest[: len(rest) - 1 - len(owner)]
    if (
        len(rest) > 1
        and rest[-1].text == "的"
        and len(np) == 1
        and np[0].text in _set("subject_statistic_words.txt")
    ):
        owner, before = _np_backward(rest[:-1])  # 轮候时间|的|中位数: the median of the wait
        if owner and owner[-1].tag.startswith(("n", "vn")):
            return [*owner, rest[-1], *np], before
    return np, rest


# Prepositions that open a "与X有关的" clause (subject_relation_words.txt closes it)
_RELATION_OPENERS = frozenset({"与", "和", "同", "跟"})


def _relation_clause(ws: Sequence[Word]) -> int | None:
    """Where a clause 与|X|有关|的 ending ``ws`` opens (with nouns alone for X), or None."""
    if len(ws) < 4 or ws[-1].text != "的" or ws[-2].text not in _set("subject_relation_words.txt"):
        return None
    k = len(ws) - 3
    while k > 0 and ws[k].tag.startswith(("n", "j", "vn", "nz", "eng")) and not _is_stop(ws[k]):
        k -= 1
    if k == len(ws) - 3 or ws[k].text not in _RELATION_OPENERS:
        return None
    return k


def _with_relation(np: list[Word], rest: list[Word]) -> tuple[list[Word], list[Word]]:
    """(np, rest) with a 与X有关的 clause before the noun (与|博彩|相关|的|犯罪案件) moved into the phrase:
    the clause says which cases or people are counted."""
    k = _relation_clause(rest) if np and np[0].tag.startswith(("n", "j", "vn")) else None
    return ([*rest[k:], *np], rest[:k]) if k is not None else (np, rest)


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
