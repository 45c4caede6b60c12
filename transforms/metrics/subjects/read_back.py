"""What a subject read backward from its figure must lose once the phrase is cut (``read_back``).

The backward cut ends at the figure and starts after the clause's governing verb, so it can keep
words that frame the figure rather than name what it counts: the people an act is for (为|农民工|
追回|工资), a plan word and its verb (计划|加开|列车), the whole a share is of (本土病例中|长者|占…),
"yearly" (班列|年|开行), or a numeral and classifier the figure sits inside (调查一宗|涉及12人的…).
Each rule here takes one such frame off, or says no noun is named at all (None).
"""

from __future__ import annotations

import re

from transforms.lexicon import words
from transforms.metrics.subjects.vocab import _names_people
from transforms.metrics.words import tag


def read_back(subject: str, sentence: str, start: int, kind: str) -> str | None:
    """``subject``, read before the figure at ``sentence[start:]`` (unit kind ``kind``), without the
    frames of this module; None when what is left names nothing the figure counts."""
    found = _without_plan_opening(_without_yearly(subject))
    if _COUNTED_ONE.search(found):
        return None  # 调查一宗|涉及12人的…个案: the figure sits inside what 一宗 counts; no noun names it
    found = _past_beneficiary(found, sentence, start)  # 为|企业|减免|税费: the 税费
    if kind == "percent" and _takes_share(sentence, found, start):
        found = _part_of_whole(found)  # 本土病例中|65岁以上长者|占3成5: the part
    if _modal_act(found):
        return None  # 可|训练|约11万人次: a modal and a verb are the predicate, no noun is read
    if found.startswith("岁") and len(found) > 2:
        found = _with_age(found, sentence, start)  # 15至24|岁失业率: the age cut from its digits
    return found


# a numeral and classifier ending a subject read before a figure (…调查一宗|涉及12人的个案)
_COUNTED_ONE = re.compile(r"[一两二三四五六七八九十几数]+[宗名个间项起次位家所座条件]$")


_AGE_DIGITS = re.compile(r"\d+(?:\s*[至到\-－~～—–]\s*\d+)?$")


def _with_age(subject: str, sentence: str, start: int) -> str:
    """A subject the read cut after an age's digits (15至24|岁失业率, 3|岁以下托位数) with them put back."""
    at = sentence.rfind(subject, 0, start)
    digits = _AGE_DIGITS.search(sentence, 0, at) if at > 0 else None
    return digits.group(0) + subject if digits else subject


_BENEFICIARY_MARKS = ("为", "帮助", "帮", "给", "替")  # who the act is for (为农民工追回工资…)


def _past_beneficiary(subject: str, sentence: str, start: int) -> str:
    """A subject read across a beneficiary frame (为|5.58万名农民工|追回工资, 为企业|减免税费): the
    people it is for, then the act's verb; what the figure counts is the verb's object after them."""
    at = sentence.rfind(subject, 0, start)
    if at < 1:
        return subject
    lo = max((sentence.rfind(c, 0, at) for c in "，,；;。：:"), default=-1) + 1
    marked = any(
        sentence.startswith(m, i) and sentence[i - 1 : i] not in _COPULA_HEADS
        for i in range(lo, at)
        for m in _BENEFICIARY_MARKS
    )
    if not marked:
        return subject
    ws = tag(subject)
    for i, w in enumerate(ws[1:-1], 1):
        people = "".join(x.text for x in ws[:i])
        if w.tag == "v" and _names_people(people):
            rest = "".join(x.text for x in ws[i + 1 :])
            # (农民工|随迁|子女: people after the verb, which then only qualifies them)
            return rest if len(rest) >= 2 and not _names_people(rest) else subject
    return subject


# characters that make 为 a copula or a result (定为, 作为, 成为, 列为): no one the act is for
_COPULA_HEADS = set("定作成认视改更分列称评选划转因以")


def _takes_share(sentence: str, subject: str, start: int) -> bool:
    """Whether 占 follows the subject, read before the share, as the share's verb (…长者|占|3成5)."""
    at = sentence.rfind(subject, 0, start)
    return at >= 0 and sentence.startswith("占", at + len(subject))


def _part_of_whole(subject: str) -> str:
    """A share's subject naming a whole and, after 中, its part (本土病例中|65岁以上长者, 企业中|民营
    企业): the share is the part's; the whole is its base."""
    ws = tag(subject)
    for i, w in enumerate(ws[1:-1], 1):
        prev = ws[i - 1]
        if (
            w.text in ("中", "之中")
            and w.tag == "f"
            and prev.tag.startswith(("n", "j", "vn"))
            and len(prev.text) > 1
        ):
            rest = "".join(x.text for x in ws[i + 1 :])
            return rest if len(rest) >= 2 and tag(rest)[-1].tag.startswith(("n", "j", "vn")) else subject
    return subject


def _modal_act(subject: str) -> bool:
    """A subject that is only a modal and the verb after it (可|训练, 将|建设)."""
    ws = tag(subject)
    return len(ws) == 2 and ws[0].text in words("subject_modal_words.txt") and ws[1].tag in ("v", "vn")


# words ending in 年 that are nouns or times of their own (青少年, 老年, 学年, 今年 …), not "yearly"
_YEAR_WORDS = ("少年", "老年", "青年", "中年", "童年", "学年", "周年", "成年", "晚年", "年年", "新年", "丰年")


def _without_yearly(subject: str) -> str:
    """A subject read before a figure that ends on 年 as "yearly" (…海铁联运班列|年|开行突破万列):
    the adverb belongs to the verb after it; a word ending in 年 (青少年, 周年) and a year stay."""
    if len(subject) < 3 or not subject.endswith("年") or subject.endswith(_YEAR_WORDS):
        return subject
    before = subject[-2]
    if before.isdigit() or before in "〇○零一二两三四五六七八九十百今去明前本当同上下全每近多历往常":
        return subject
    return subject[:-1]


def _without_plan_opening(subject: str) -> str:
    """``subject`` without a plan word and the verb after it opening it (计划|招聘|社工, 拟|培训|农民):
    jieba tags 计划 a noun and 招聘 a verbal noun, so the read keeps them; they are the measure."""
    if not subject or not subject.startswith(words("subject_plan_openers.txt")):
        return subject
    ws = tag(subject)
    if len(ws) > 2 and ws[0].text in words("subject_plan_openers.txt") and ws[1].tag in ("v", "vn"):
        rest = "".join(w.text for w in ws[2:])
        return rest if len(rest) >= 2 and tag(rest)[0].tag.startswith(("n", "j", "vn", "a", "b")) else subject
    return subject
