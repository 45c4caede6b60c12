"""Where a subject read off its clause must end: at an adverb or time noun after its noun, and not
at all when the figure is a total after 包括…在内的.

The backward and forward cuts keep one-character adverbs and bare time nouns, which jieba tags
loosely (仍 zg, 近期 t), so a subject can run into the clause's predicate (城市正因地制宜) or keep the
adverb before it (关税总水平仍). Such a word says when or how, never what: the noun before it is the
subject (subject_clause_adverbs.txt).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.read_back import read_back
from transforms.metrics.subjects.vocab import _PEOPLE_KINDS, _is_bridge, _names_people, _set
from transforms.metrics.words import Word, tag

# What a list item's number (9., 6．) leaves at the head of a subject once its digits are read as a
# number of their own: never part of a name.
_LIST_MARK_DEBRIS = ".．、"

# Tags of a word before such an adverb that cannot end a noun phrase (a function word, a number), so
# the adverb is no boundary after it; any other word may (参保|率 is tagged a verb).
_FUNCTION_TAGS = ("d", "p", "u", "c", "r", "m", "q", "x")

# Tags of a word that opens a predicate after the adverb (正|因地制宜, 仍|保持): a noun after it means
# the adverb qualifies that noun (城市|平均|空气质量优良天数比例, 高校生|均|经费 with 经费 a verbal noun),
# so the phrase goes on. Exact tags: vn is a noun here.
_PREDICATE_TAGS = frozenset({"v", "i", "d", "p", "ad"})


def _before_adverb(subject: str | None, read_after: bool = False) -> str | None:
    """The subject without a list number's dot at its head, and cut at the first clause adverb after
    a noun, when the adverb ends it or a predicate follows (关税总水平|仍, 城市|正|因地制宜, 军事人员|近期):
    the noun before it, or, read before the figure, the object of the verbs after it when one stands
    there (项目|已|编纂出版|图书, 冰川融化|已|导致|全球海平面): that object is what the figure counts."""
    if subject and subject[0] in _LIST_MARK_DEBRIS:
        subject = subject.lstrip(_LIST_MARK_DEBRIS) or None  # 9.|中国制造业…: the item's number is cut off
    if not subject or len(subject) < 3:
        return subject
    ws = tag(subject)
    done = 0
    for i, w in enumerate(ws):
        if i and w.text in _set("subject_clause_adverbs.txt") and w.tag in ("d", "zg", "t", "a", "ad"):
            prev = ws[i - 1]
            # 平均 before a verb names an average act (热线|平均|等待|时长): only at the end is it loose
            last = i == len(ws) - 1
            ends = last or (w.tag != "a" and ws[i + 1].tag in _PREDICATE_TAGS)
            if ends and not prev.tag.startswith(_FUNCTION_TAGS) and done >= 2:
                obj = None if read_after else _object_after(ws[i + 1 :])
                return obj or subject[:done]
        done += len(w.text)
    return subject


def _object_after(ws: Sequence[Word]) -> str | None:
    """The noun phrase after the verbs opening ``ws`` (编纂|出版|图书 -> 图书), or None when no noun of
    two characters or more follows them, or when the first verb links the figure to a base (均|占|全国同类
    商品出口的四成: subject_bridges.txt), so the noun after it is what the figure is measured against."""
    if ws and _is_bridge(ws[0]):
        return None
    k = 0
    while k < len(ws) and ws[k].tag in _PREDICATE_TAGS:
        k += 1
    if k == 0 or k == len(ws) or not ws[k].tag.startswith(_OBJECT_TAGS):
        return None
    obj = "".join(w.text for w in ws[k:])
    return obj if len(obj) >= 2 else None


# Tags that open an object noun phrase after the verbs.
_OBJECT_TAGS = ("n", "vn", "j", "l", "nz", "b")


# A total that includes a part named before it: 包括5名儿童在内的|11人. The part's noun belongs to the
# part's figure; the total names its own noun after it, or none.
_INCLUSIVE = re.compile(r"(?:包括|包含|含)[^，,；;。]{1,30}在内的?$")


def _inclusive_total(sentence: str, start: int) -> bool:
    """Whether the figure at ``start`` closes a 包括…在内的 frame, so no noun before it is its own."""
    return bool(_INCLUSIVE.search(sentence[max(0, start - 34) : start]))


# A part of a year inside a subject (美国|第三季度|经济, 深合区|上半年|澳资企业增加值, …投资|继|第二季度):
# when the figure holds, never what it counts. A numeral or 上/下 is required, so 季度 alone (季度历史)
# is left; 继/自/从 before it open a time phrase that ends the subject.
_PART_OF_YEAR = re.compile(
    r"(?:继|自|从)?(?:[第前首本今去]?[一二三四1-4两]个?季度(?:末|初|以来)?|[上下]半年)"
)


# A month closing a subject read before the figure, with its 于/在 (访港旅客人次|于十月|增长12%)
_TRAILING_MONTH = re.compile(r"(?:于|在)?(?:[一二三四五六七八九十]{1,3}|1[0-2]|[1-9])月份?$")


# A period named by an event opening a subject (国庆假期|国内出游人次, 春运期间|…流动量, 高峰期|进出车辆):
# when, as a part of a year is; only at the head, where the clause's time phrase stands.
_EVENT_PERIOD = re.compile(r"^(?:[\u4e00-\u9fff]{2}假期|[\u4e00-\u9fff]{2,4}期间|高峰期)")


def _without_part_of_year(subject: str | None) -> str | None:
    """The subject with a part of a year inside or at its ends, or a period of an event at its head,
    taken out; unchanged when what is left would be shorter than two characters."""
    if not subject:
        return subject
    month = _TRAILING_MONTH.search(subject)
    if month and month.start() >= 2:
        subject = subject[: month.start()]  # 访港旅客人次|于十月|按年增长: when, never what
    head = _EVENT_PERIOD.match(subject)
    if head and len(subject) - head.end() >= 2:
        subject = subject[head.end() :]
    m = _PART_OF_YEAR.search(subject)
    if m is None:
        return subject
    # at an end the rest is a phrase of the sentence; inside (美国|第三季度|经济) the noun after the
    # time is: a subject is written in the sentence (decision 0022), 美国经济 is not
    rest = (
        subject[m.end() :]
        if m.start() and m.end() < len(subject)
        else subject[: m.start()] + subject[m.end() :]
    )
    return rest if len(rest) >= 2 else subject


def _casualties(subject: str | None, sentence: str, end: int, kind: str) -> bool:
    """Whether a count of people ending at ``end`` is one of people harmed (subject_casualty_verbs.txt
    follows it) while the subject read before it names no people (菲律宾|坠毁4人死亡, 强降雪|13人死亡):
    nothing then names the dead but 人, so the subject is null."""
    if not subject or kind not in _PEOPLE_KINDS:
        return False
    if not sentence.startswith(words("subject_casualty_verbs.txt"), end):
        return False
    return not _names_people(subject) or subject.endswith("人数")  # 死亡人数…，|30人|受伤: not the dead


_CLASSIFIER_OPENING = re.compile(r"^[个条家项所名座处件批类]")


def _without_counted_classifier(subject: str | None, sentence: str) -> str | None:
    """A subject opening on the classifier of a count written right before it (16条|省级重点产业链、
    18个|省级特色专业镇营业收入分别增长…: the 分别 item keeps its count's 个): the noun after it."""
    if not subject or len(subject) < 3 or not _CLASSIFIER_OPENING.match(subject):
        return subject
    at = sentence.find(subject)
    if at <= 0 or not (sentence[at - 1].isdigit() or sentence[at - 1] in "一二两三四五六七八九十百千万"):
        return subject
    period = next((p for p in ("个月", "个季度") if subject.startswith(p)), None)
    if period:
        rest = subject[len(period) :]  # 前5|个月|出口量: the period's classifier and its unit
        return rest if len(rest) >= 2 else subject
    first = tag(subject)[0].text
    return subject[1:] if len(first) == 1 else subject  # not 900多万|个体工商户: a word of its own


def _finished(subject: str | None, sentence: str, span: tuple[int, int, str], read_after: bool) -> str | None:
    """The subject of the figure at ``span`` (start, end, unit kind) with what no cut should keep
    taken off: None for a total after 包括…在内的 read before it or for people harmed with no people
    named, then a part of a year, a list number's dot and a clause adverb with what follows it."""
    start, end, kind = span
    if not read_after and _inclusive_total(sentence, start):
        return None  # 包括5名儿童在内的|11人: the part's noun is the part's
    if not read_after and _casualties(subject, sentence, end, kind):
        return None
    subject = _without_named_division(_before_adverb(_without_part_of_year(subject), read_after))
    subject = _without_counted_classifier(subject, sentence)
    if subject and not read_after:
        subject = read_back(subject, sentence, start, kind)
    return _without_count_word(subject, sentence, start)


def _without_count_word(subject: str | None, sentence: str, start: int) -> str | None:
    """``subject`` without a count word at its end (电动私家车|数目, 大学|名单: subject_count_words.txt),
    the number or list of the noun before it; a count word alone (…服务券的|数目) takes the noun
    before its 的 in the sentence. Unchanged when no noun of two characters is left."""
    if not subject:
        return subject
    word = next((w for w in words("subject_count_words.txt") if subject.endswith(w)), None)
    if word is None:
        return subject
    rest = subject[: -len(word)].removesuffix("的")
    if len(rest) >= 2:
        return rest if tag(rest)[-1].tag.startswith(("n", "j", "vn")) else subject
    at = sentence.rfind(subject, 0, start)
    if rest or at < 3 or sentence[at - 1] != "的":
        return subject
    return _before(sentence, at - 1, 0, False).subject or subject


# How the name of an administrative division ends (湄潭县, 仁怀市, 红花岗区)
_DIVISION_ENDINGS = ("省", "市", "县", "区", "州", "旗")


def _without_named_division(subject: str | None) -> str | None:
    """``subject`` without the named division that opens it (某某县|茶园面积): the place is scored
    under region, never the thing counted (fact-spec); kept when nothing of two characters is left."""
    if not subject:
        return subject
    ws = tag(subject)
    first = ws[0]
    if len(ws) < 2 or first.tag != "ns" or len(first.text) < 3 or not first.text.endswith(_DIVISION_ENDINGS):
        return subject
    rest = subject[len(first.text) :]
    return rest if len(rest) >= 2 and rest[0] not in "的、和与及" else subject
