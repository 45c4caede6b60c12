"""Ends of a subject that belong to its predicate or its frame, not to what is counted.

A cut before a figure can stop inside the predicate's own words: a modal or plan word (财政赤字|拟|
安排, 能源消耗强度|要|降低), the 年/月 of a rate marker 年人均/月人均 (养老金|月人均|提高150元), a
condition 剔除…因素后 (收入|剔除…因素后|完成), a time word (主力店|年内|完工). These readings hold for
whole classes of words, so they are read off jieba's cut and small lexicons, never single phrases.
"""

from __future__ import annotations

from transforms.lexicon import words
from transforms.metrics.words import tag

_RATE_PERIODS = ("年人", "月人", "日人")
_TIME_ENDS = ("年内", "月内", "年底", "年末", "至今", "目前", "当年")


def _noun_end(text: str) -> bool:
    """Whether ``text`` is long enough and ends in a noun, so it can stand as a subject alone."""
    return len(text) >= 2 and tag(text)[-1].tag.startswith(("n", "j", "vn"))


def tidy_ends(subject: str | None, sentence: str, start: int) -> str | None:
    """``subject`` of the figure at ``start`` without a modal, rate period, condition or time word at
    its end; unchanged when what is left would not be a noun of two characters."""
    if not subject or len(subject) < 3:
        return subject
    at = sentence.rfind(subject, 0, start)
    # 养老金月人|均提高150元: 人均 is the rate marker, its 年/月 says per what period
    if subject.endswith(_RATE_PERIODS) and at >= 0 and sentence.startswith("均", at + len(subject)):
        rest = subject[:-2]
        return rest if _noun_end(rest) else subject
    for verb in words("subject_condition_verbs.txt"):
        cut = subject.find(verb)
        if cut >= 2 and subject.endswith("后") and _noun_end(subject[:cut]):
            return subject[:cut]  # 收入剔除…因素后: the revenue, counted under a condition
    ws = tag(subject)
    if len(ws) >= 2 and ws[-1].text in words("subject_trailing_modals.txt"):
        rest = subject[: -len(ws[-1].text)]
        return rest if _noun_end(rest) else subject
    if len(ws) >= 2 and ws[-1].text in _TIME_ENDS and ws[-1].tag == "t":
        rest = subject[: -len(ws[-1].text)]
        return rest if _noun_end(rest) else subject
    return subject


_JOINERS = ("及", "和", "以及")  # not 与: 538所中小学|与|北京市学校结对 (with)
_STOPS = "，。；;,、：:！？（("


def _leading_noun(text: str) -> str:
    """The noun phrase opening ``text``: its nouns, and a verbal noun only before a noun (长者|服务|中心)."""
    ws = tag(text)
    kept = ""
    for i, w in enumerate(ws):
        nounish = w.tag.startswith(("n", "j")) and not w.tag.startswith(("nr", "ns")) and w.text != "全部"
        inner = w.tag == "vn" and i + 1 < len(ws) and ws[i + 1].tag.startswith("n")
        if not (nounish or inner):
            break
        kept += w.text
    return kept


def joined_after(after: str | None, sentence: str, end: int, unit: str) -> str | None:
    """A noun read after a count, joined by 及/与/和 to a second noun (143间|酒店及公寓): the count is of
    both, so both are the subject; ``after`` unchanged when no noun of two characters follows the joiner
    or ``unit`` counts one kind of thing only (subject_shared_classifiers.txt)."""
    if not after or unit not in words("subject_shared_classifiers.txt"):
        return after
    at = sentence.find(after, end, end + 3)
    if at < 0:
        return after
    tail = at + len(after)
    joiner = next((j for j in _JOINERS if sentence.startswith(j, tail)), None)
    if joiner is None:
        return after
    rest = sentence[tail + len(joiner) :]
    cut = next((i for i, c in enumerate(rest) if c in _STOPS), len(rest))
    second = _leading_noun(rest[:cut][:12])
    return f"{after}{joiner}{second}" if len(second) >= 2 else after


_RATE_HEADS = ("率", "比例", "人数", "数目", "金额", "价值", "比率", "数量", "总额")


def with_owner(subject: str | None, sentence: str, start: int) -> str | None:
    """An attribute head alone (入住率, 人数, 金额) read right after a 的 takes the noun phrase owning it
    (五星级酒店的|入住率): a rate or count of nothing named is no subject; places are left to the
    region, so a place owner is not taken."""
    if not subject or len(subject) > 3 or not subject.endswith(_RATE_HEADS):
        return subject
    at = sentence.rfind(subject, 0, start)
    if at < 3 or sentence[at - 1] != "的":
        return subject
    window = sentence[max(0, at - 13) : at - 1]
    if "相当于" in window or "占" in window:
        return subject  # 支出相当于|生产总值的|比例: the noun before 的 is the base, not the owner
    ws = tag(window)
    owner = ""
    for w in reversed(ws):
        if not (w.tag.startswith(("n", "j", "b")) and not w.tag.startswith(("nr", "ns", "nt"))):
            break
        owner = w.text + owner
    return f"{owner}的{subject}" if len(owner) >= 2 else subject
