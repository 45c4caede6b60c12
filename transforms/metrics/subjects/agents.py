"""The agent of a clause read backward into a subject: a government body named before a time or a
verb (社工局|今年预计拨款|3,200万元, 市政署|上半年抽检|食品|5000个) acts; what it handles is the
figure's thing, after its verb, or nothing when the verb has no object but the figure.

Bodies are known by the endings of their names (subject_agency_suffixes.txt), not by a list of
names, so the rule reads any city's or territory's bureaux alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from transforms.lexicon import words
from transforms.metrics.subjects.spans import _text
from transforms.metrics.subjects.vocab import _NOMINAL, _is_bridge, _is_stop
from transforms.metrics.words import Word, tag

# Tags of what may stand between a body and what it handles: a time, an adverb, a verb
_ACT_TAGS = frozenset({"t", "d", "ad", "vd", "v", "p"})


def _without_agent(subject: str | None, measure: str | None, before: str = "") -> str | None:
    """``subject`` without a government body that opens it as the clause's agent, and without the
    time and verbs after the body; None when nothing nominal is left, or when the body alone was
    read and a verb (``measure``) stands between it and the figure (社工局|拨款|3,200万元), or when a
    verb of cause ends ``before`` (the text before the figure: 火警|导致|17人): what is named caused
    the figure; ``subject`` unchanged when no body opens it."""
    if not subject or _caused(before):
        return None if subject else subject
    if measure and _is_body(subject):
        return None
    ws = tag(subject)
    at = _agent_end(ws)
    if at is None:
        return subject
    rest = list(ws[at:])
    verbs = [i for i, w in enumerate(rest) if w.tag == "v" or _is_stop(w) or _is_bridge(w)]
    rest = rest[verbs[-1] + 1 :] if verbs else rest  # 今年|计划|拨款: what follows the body's verb
    while rest and rest[0].tag in _ACT_TAGS:
        rest = rest[1:]
    if not rest or not any(_NOMINAL.match(w.tag) for w in rest):
        return None
    return _text(rest)


def _is_body(name: str) -> bool:
    """A name of three characters or more ending as a government body's does (社工局, 消防处), or a
    government named as such (政府, 特区政府: subject_agency_words.txt)."""
    if name in words("subject_agency_words.txt"):
        return True
    return len(name) >= 3 and name.endswith(tuple(words("subject_agency_suffixes.txt")))


def _agent_end(ws: Sequence[Word]) -> int | None:
    """The index after a body's name opening ``ws`` and followed by a time or a verb, or None."""
    name = ""
    for i, w in enumerate(ws[:-1]):
        name += w.text
        if w.tag == "c" or len(name) > _LONGEST_BODY:
            return None  # 公共政策和政府|承诺…: a coordination or a long name is no body's
        nxt = ws[i + 1]
        if name in words("subject_agency_words.txt"):
            # 政府|会预留, 政府|今年|拨款: a government acts only before a modal, adverb or time; before a
            # verb it is a term's first word (政府|购买服务支出, 政府|收入预算)
            if nxt.tag in _ACT_TAGS - {"v"} or nxt.text in _acting_words():
                return i + 1
            continue
        if _is_body(name) and (nxt.tag in _ACT_TAGS or _is_stop(nxt)):
            return i + 1
    return None


@lru_cache(maxsize=1)
def _acting_words() -> frozenset[str]:
    """Modals and plan words after which a government named as such acts (政府|会…, 当局|计划…)."""
    return frozenset([*words("subject_modal_words.txt"), *words("subject_plan_openers.txt")])


# The longest body name read as a clause's agent (社会工作局, 中央政府); longer ones are terms
# that hold a body's name (中小微企业政府采购)
_LONGEST_BODY = 6


def _caused(before: str) -> bool:
    """The text before a figure ends with a verb of cause (导致, 致), with 了 after it at most."""
    return before.removesuffix("了").endswith(tuple(words("subject_cause_verbs.txt")))
