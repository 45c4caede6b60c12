"""A sum's own noun after a verb right after it (下达1万亿元|增发|国债资金), and the project a sum's
clause names (第二期计划|预计|投入|新台币186亿元).

Money often names no noun of its own. What it is spent on (预留3亿元|添置|化验仪器) is not what it
counts: the gold leaves such a sum's subject null.
"""

from __future__ import annotations

from transforms.lexicon import words
from transforms.metrics.subjects.phrase import _ends_phrase
from transforms.metrics.subjects.spans import _MAX_BEFORE, _balanced, _clause_start, _text
from transforms.metrics.subjects.vocab import _good, _is_punct, _is_verb, _set
from transforms.metrics.words import tag


def _purpose(sentence: str, end: int) -> str | None:
    """The object of the verb right after a sum that names nothing before it, when that object is a
    fund (subject_fund_nouns.txt: 用好1800亿元|引导|基金): the verb then only qualifies the sum's own
    noun. Any other object is what the money buys or runs (投入9亿元|实施|乡村道路安全工程), which
    the sum does not count: None."""
    rest = sentence[end : end + _MAX_BEFORE + 4]
    stop = next((i for i, ch in enumerate(rest) if ch in _PURPOSE_STOP), None)
    frame = next(
        (i for f in words("subject_frame_words.txt") if (i := rest.find("的" + f, 0, stop or 0)) > 0), None
    )
    stop = frame or stop  # 在安排6亿元用于民生实事|的基础上: the frame closes the object
    if stop is None:
        return None  # the clause runs on: no whole object in reach
    ws = tag(rest[:stop])
    if len(ws) < 2 or not _is_verb(ws[0]):
        return None
    if ws[1].tag.startswith("v") and ws[1].text not in _set("subject_nominal_verbs.txt"):
        return None  # 支持|巩固|拓展…: a chain of verbs names no programme (not 实施|就业|惠民工程)
    obj = ws[1:]
    if any(_ends_phrase(obj, i) and not _is_punct(w) for i, w in enumerate(obj)) or not (
        obj[-1].tag.startswith(("n", "vn", "j")) or obj[-1].text in "”》"
    ):
        return None  # the object is no plain noun phrase (为|民办实事, …|发展)
    subject = _balanced(_text(obj))
    if not subject.endswith(words("subject_fund_nouns.txt")):
        return None  # 预留约3,800万元|添置|化验仪器: what the money is spent on
    return subject if _good(subject, obj) else None


# What ends the object of a sum's purpose: a clause, not a list item (企业找技术、成果找市场“双向揭榜挂帅”).
_PURPOSE_STOP = "，,；;。！!？?：:\n"


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
