"""Carrying a subject from an earlier clause: the topic of the clause before a bare figure
(诈骗案仍然严重，全年共有|逾4万宗), and the last resort of ``facts_of``.

Used only when nothing in the figure's own clause names a thing, with guards against a speaker,
a time, or a figure between.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from transforms.lexicon import words
from transforms.metrics.subjects.funding import _funded_project
from transforms.metrics.subjects.phrase import _np_backward
from transforms.metrics.subjects.spans import _MAX_BEFORE, Fact, Span, _balanced, _Before, _text
from transforms.metrics.subjects.trim import _trim_np
from transforms.metrics.subjects.vocab import _NUMERAL_COUNT, _good, _is_stop, _is_verb, _names_people, _set
from transforms.metrics.words import tag


def _last_resort(
    sentence: str, spans: Sequence[Span], out: list[Fact], k: int, before: _Before, attribute: str | None
) -> str | None:
    """For a metric nothing else names: a share's base (其中，占全市经济总量的六成: no metric before
    names the thing), else the topic of the clause before a bare one (诈骗案仍然严重，全年共有|逾4万宗).
    ``attribute``: the clause names only an attribute (发布外销订单统计，金额为|…亿美元), which says
    what was measured of the topic but not of what (FACTS-DECISIONS: the thing is the core)."""
    if attribute:
        carried = _topic_carried(sentence, spans, out, k, attribute)
        if carried is None and attribute in _set("subject_size_attributes.txt"):
            carried = _sized_topic(sentence, spans, k, attribute)
        return carried or attribute
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


def _sized_topic(sentence: str, spans: Sequence[Span], k: int, attribute: str) -> str | None:
    """新卫生中心将于明年投入服务，面积约2,400平方米: a size (subject_size_attributes.txt) alone in its
    clause measures the thing the clause before is about, its subject: the noun phrase before that
    clause's first adverb, preposition or verb (新卫生中心|将于…, 轻轨东线|预计…, 食堂|由…改造而成).
    Only the nearest clause of the sentence, and only when it holds no figure."""
    sp = spans[k]
    lo = max(sentence.rfind(c, 0, sp.start) for c in _TOPIC_STOP + "。；;！!？?\n")
    if lo <= 0 or sentence[lo] not in "，,":
        return None
    own = sentence[lo + 1 : sp.start]
    if not own.startswith(attribute) or len(own) > len(attribute) + 2:
        return None  # 智慧供热覆盖|面积: the figure's clause names more than the size
    start = max(sentence.rfind(c, 0, lo) for c in _TOPIC_STOP + "。；;！!？?\n") + 1
    if any(s.end > start and s.start < sp.start for s in spans[:k]):
        return None  # a figure before, in this clause or the one before, names its own thing
    ws = [w for w in tag(sentence[start:lo]) if w.text.strip()]
    for i in range(1, len(ws)):
        w, prev = ws[i], ws[i - 1]
        predicate = w.tag in ("d", "ad", "p") or (w.tag.startswith("v") and len(w.text) > 1 and _is_stop(w))
        predicate = predicate or (w.tag == "v" and len(w.text) > 1)  # 食堂|由…, 东线|预计…, 中心|将于…
        if predicate and prev.tag.startswith(("n", "j")):
            np, rest = _np_backward(ws[:i])
            if rest and rest[-1].tag != "uj":
                return None  # 着力|补齐…: the clause opens with its verb, it has no subject
            text = _balanced(_text(np)) if np else ""
            return text if text and _good(text, np, 2) else None
    return None


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
