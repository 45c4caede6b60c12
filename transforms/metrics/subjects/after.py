"""The subject read forward from a metric (28件|市区民生实事, 45万亩|水稻|相继成熟).

A noun right after a metric is its counted thing; the words that may open, continue and end that
name (a verb inside a long name, a grade, a quote) are tested here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from transforms.lexicon import words
from transforms.metrics.subjects.phrase import _ends_phrase
from transforms.metrics.subjects.predicates import (
    _drop_predicate,
    _drop_quoted_predicate,
    _names_organisation,
    _relative,
)
from transforms.metrics.subjects.spans import _CLAUSE_STOP, _HAN, _MAX_AFTER, _balanced, _text
from transforms.metrics.subjects.vocab import (
    _LONG_NAME_KINDS,
    _NOMINAL,
    _PEOPLE_KINDS,
    _SHARE_KINDS,
    _good,
    _is_bridge,
    _is_number,
    _is_punct,
    _is_stop,
    _is_verb,
    _names_people,
    _nominal_verbs,
    _set,
)
from transforms.metrics.words import Word, tag

# What may open a noun phrase after a metric besides a Han character: a quote, or Latin letters
# before one (3个|A类飞行服务站, 5个|AAAA级景区, 20个|AI应用场景)
_LATIN_OPENING = re.compile(r"[“《]|[A-Za-z]+[\u4e00-\u9fff]")


def _after(sentence: str, end: int, kind: str) -> str | None:
    """The noun phrase right after the metric (28件|市区民生实事|基础上), or None."""
    if end >= len(sentence) or not (_HAN.match(sentence, end) or _LATIN_OPENING.match(sentence, end)):
        return None
    # a duration of years or months times a programme (十年|禁渔); hours or minutes say how long a
    # thing is open or takes (公园|24小时|开放), and the thing is named before them
    term = kind == "duration" and sentence[end - 1] in "年月"
    # 次 counts the act a verb alone after it names (4次|回信), as it does the one before it (走访|53次)
    # (not 人次: people counted by visits, a verb after them is their predicate: 20万人次|居首)
    term = term or (end > 0 and sentence[end - 1] == "次" and kind not in _PEOPLE_KINDS)
    cases = sentence[end - 1 : end] in _set("subject_case_units.txt")
    found = _after_text(sentence[end : end + _MAX_AFTER + 1], kind, term, cases)
    found = _shared_head(sentence, end, kind, found)
    if found and kind == "count":
        aspect = next((w for w in words("subject_aspect_nouns.txt") if found.startswith(w)), None)
        return aspect or _counted_owner(found)  # 八个|方面|工作: the aspects are counted
    return found


def _shared_head(sentence: str, end: int, kind: str, found: str | None) -> str | None:
    """3,600名|高龄、失能老人, 12家|国有、民营企业: a 、 list of modifiers before one head, read
    forward, stops at the first item; when that item cannot head the phrase (people counted and it
    names none; or only distinguishing words and adjectives) and a later item ends in the head,
    the figure counts the whole list's head, so the list is the subject as it stands."""
    sep = sentence.find("、", end, end + _MODIFIER + 1)
    first = found or (sentence[end:sep] if sep > end else "")
    at = end + len(first)
    if not first or not sentence.startswith("、", at):
        return found
    if found is None and not _MODIFIER_WORD.fullmatch(first):
        return found
    people = kind in _PEOPLE_KINDS and not _names_people(first)
    if not (people or all(w.tag in ("a", "b") for w in tag(first))):
        return found
    for _ in range(3):  # three modifiers at most before the head
        item = _after_text(sentence[at + 1 : at + 2 + _MAX_AFTER], kind) or ""
        if item and sentence.startswith(item, at + 1) and _heads_list(item, people):
            return sentence[end : at + 1 + len(item)]
        sep = sentence.find("、", at + 1, at + 2 + _MODIFIER)
        if sep < 0 or any(ch in _CLAUSE_STOP for ch in sentence[at + 1 : sep]):
            return found
        at = sep  # 高龄、|失能|、半失能老人: a middle modifier
    return found


# The longest modifier a list of them before one head holds (高龄, 失能, 半失能, 国有)
_MODIFIER = 4
_MODIFIER_WORD = re.compile(r"[\u4e00-\u9fff]{1,4}")


def _heads_list(item: str, people: bool) -> bool:
    """The item read after a list of modifiers holds their head: people, or a word that is neither
    a distinguishing word nor an adjective (民营|企业, not 省级)."""
    return _names_people(item) if people else not all(w.tag in ("a", "b") for w in tag(item))


def _after_text(rest: str, kind: str, term: bool = False, cases: bool = False) -> str | None:
    """``_after`` on the text that follows the metric, memoised on that text up to its first clause
    stop: nothing past the stop is read (the words stripped off its start hold no stop), so windows
    that differ only after it share one reading."""
    stop = _STOP.search(rest)
    return _after_clause(rest[: stop.end()] if stop else rest, kind, term, cases)


_HOUSEHOLD_WORDS = ("家庭", "住户", "家户", "户")  # what a count of 户 counts after the people it names
_SHARE_COPULAS = ("为", "是")  # after a share, the part it is of the whole (约45%|为|二孩)
_RECORD = re.compile(r"^[为是][^，。；]*(?:最|历年|历史|新高|新低|纪录|以来)")  # …为历年最好: a ranking
_STOP = re.compile("[" + re.escape(_CLAUSE_STOP) + "]")


def _opens_with_de_noun(rest: str) -> bool:
    """``rest`` opens with a noun word that begins with 的 (的士), not the particle."""
    first = tag(rest[:6])[0] if rest else None
    return first is not None and len(first.text) > 1 and first.tag.startswith("n")


@lru_cache(maxsize=1 << 16)
def _after_clause(rest: str, kind: str, term: bool = False, cases: bool = False) -> str | None:
    """``_after`` on the text that follows the metric; ``term``: the metric is the length of
    a programme, so a verb alone after it, ending the clause, is the act it times (十年|禁渔);
    ``cases``: the metric counts cases, so a verb after the noun, ending the clause, names them
    (13万宗|公屋|申请)."""
    # 300个|的士牌照: a noun the dictionary has with 的 in it (的士, taxi) opens no 的 phrase
    of_phrase = rest.startswith("的") and not _opens_with_de_noun(rest)
    if of_phrase:
        rest = rest[1:]
    dimension = _dimension_of_phrase(rest)  # 约800米|长的|健身步道: the thing so long
    of_phrase, rest = of_phrase or bool(dimension), rest[len(dimension) :]
    pointer = next((d for d in words("subject_demonstratives.txt") if rest.startswith(d)), "")
    rest = rest[len(pointer) :]  # 100多家|这样的|便民市场: the noun after the pointer
    if rest.startswith(words("subject_negations.txt")):
        return None  # 连续61个月|未发生…: a predicate, not a noun
    copula = next((c for c in words("subject_copulas.txt") if rest.startswith(c)), "")
    if not copula and kind == "percent" and rest.startswith(_SHARE_COPULAS) and not _RECORD.search(rest):
        copula = rest[0]  # 其中约三成|为|傀儡户口持有人: the part the share names (not …|为历年最好水平)
    rest = rest[len(copula) :]  # 60分钟|即|课后作业辅导; 3000吨|级|航道工程: a grade of what follows
    clause_end = next((i for i, ch in enumerate(rest) if ch in _CLAUSE_STOP), None)
    cut = clause_end is None and len(rest) > _MAX_AFTER  # the clause runs on past the window
    rest = rest[:clause_end]
    if not rest or not (_HAN.match(rest) or _LATIN_OPENING.match(rest)):
        return None
    ws = _people_as_nouns(tag(rest))
    if cut and len(ws) > 1:
        ws = ws[:-1]  # its last word may be cut in two (婴幼儿照护服务机|构)
    if not of_phrase and _verb_opens(ws, kind):
        return None
    relative = _relative(ws, cases) or _cases_by_verbs(ws, cases and not cut)
    if relative:
        return _people_of_relative(ws, relative) if kind in _PEOPLE_KINDS else relative
    read = _after_words(ws, rest, kind)
    if read is None:
        return None
    np = read
    if len(np) == 1 and np[0].tag.startswith("v"):
        lone = _lone_verb(np[0], ws, of_phrase, term, cut)
        if lone is not _READ_ON:
            return lone
    if _case_verb(ws, np, cases and not cut):
        subject = _balanced(_text(ws))  # 约13万宗|一般公屋|申请: the applications are the cases
        return subject if _good(subject, ws) else None
    np = _trim_after_end(_drop_quoted_predicate(_drop_predicate(np)))
    np = _first_conjunct(np)
    np = _without_owned_attribute(np, kind)  # 27条河流|水质|达标: the rivers are counted, not their water
    if len(np) > 2 and np[-2].tag == "c" and np[-1].tag == "j" and len(np[-1].text) == 1:
        np = np[:-2]  # 5件大中型水库|和|滇|中引水…: a one-character abbreviation opens a name cut off
    subject = _balanced(_text(np))
    if not _good(subject, np) or subject in _set("subject_target_words.txt"):
        return None  # 储能60万千瓦|目标: the target word alone is not what is counted
    if of_phrase and kind in _PEOPLE_KINDS and not _names_people(subject):
        return None  # 惠及3400万人的引大济岷工程: the people are not the project
    return subject


# What _lone_verb returns when the verb decides nothing and the reading goes on
_READ_ON = "\x00"


def _lone_verb(verb: Word, ws: Sequence[Word], of_phrase: bool, term: bool, cut: bool) -> str | None:
    """The subject when the phrase after a metric is one verb: the verb itself where it names a thing
    (近4小时的|辗转: made a noun by 的; 十年|禁渔: the act a duration times; 1,958件|申请: the cases),
    None where it is the clause's predicate, else _READ_ON."""
    if term and verb.text in _set("subject_duration_changes.txt"):
        return None  # 较一年前的5.8年|缩短: how the duration changed, not an act it times
    if of_phrase or (term and len(ws) == 1 and len(verb.text) > 1 and not cut):
        own = _good(verb.text, [verb]) and verb.text not in _set("subject_target_words.txt")
        return verb.text if own else None  # not …的|转变: the change the figure ends
    if len(ws) > 1 and ws[1].tag == "p":
        return None  # 60%以上|服务|于…: the verb of the clause, with its preposition
    if len(ws) == 1 and not cut and verb.text in _set("subject_case_verbs.txt"):
        return verb.text  # 收到|1,958件|申请: a case verb alone ending the clause names the cases
    return _READ_ON


# Tags the name of a kind of case may hold when it is made of verbs (救护|召唤, 特别|服务|召唤, 申请)
_CASE_NAME_TAGS = frozenset({"v", "vn", "d", "n", "j", "b"})


def _cases_by_verbs(ws: Sequence[Word], cases: bool) -> str | None:
    """After a count of cases (``cases``: 宗), a clause that is nothing but verbs and nouns ending in a
    verb (84万宗|救护召唤，, 4,300多宗|申请。) names the cases: a classifier binds a noun, so the verbs
    are a nominalised act, not a predicate. None when any word is a stop, bridge or function word."""
    if not cases or not ws or ws[-1].tag != "v" or len(ws[-1].text) < 2:
        return None
    if any(w.tag not in _CASE_NAME_TAGS or _is_stop(w) or _is_bridge(w) for w in ws):
        return None
    subject = _text(ws)
    return subject if _good(subject, ws) else None


def _dimension_of_phrase(rest: str) -> str:
    """A dimension word and 的 opening the text after a length (800米|长的|步道, 30米|高的|塔): the
    figure is the size of the noun after 的, which it names as a modifier clause would; empty else."""
    for word in words("subject_dimension_words.txt"):
        if rest.startswith(word + "的"):
            return word + "的"
    return ""


def _counted_owner(subject: str) -> str:
    """360个|地市的检查检验结果: a count right before a place and 的 counts the places (the
    classifier binds the near noun); what follows 的 is only a thing each place has."""
    owner, of, _ = subject.partition("的")
    if not of or not owner:
        return subject
    owners = _set("subject_counted_owners.txt")
    if owner in owners:
        return owner
    ws = tag(owner)
    return owner if ws[-1].text in owners and _good(owner, ws) else subject


def _first_conjunct(np: list[Word]) -> list[Word]:
    """The phrase read after a metric up to a conjunction between two nouns (3万条|棉被|和|救助金,
    5个|文化场馆|和|体育公园): the figure counts its own conjunct, which is the core the whole
    coordination may stand for; not a level word before it (3个|国家级|和|省级|园区: they share 园区),
    nor one word before a longer conjunct, which may be a modifier of its head (国际|及|地区航线)."""
    conj = _set("subject_list_conjunctions.txt")
    for j in range(1, len(np) - 1):
        w = np[j]
        if w.tag == "c" and w.text in conj:
            prev, nxt = np[j - 1], np[j + 1]
            if _places_both(prev, nxt):
                return np[: j + 2]  # 45个|国家|和|地区|投资: one classifier counts both kinds of place
            if _names_people(prev.text) and _names_people(nxt.text):
                return np  # 40名|学生|和|教师, 党员|和|群众|代表: the people read end the phrase already
            shared = j == 1 and len(np) > 3  # one word, then a conjunct of more: a head may be shared
            if (
                prev.tag.startswith(("n", "j"))
                and len(prev.text) > 1
                and (_NOMINAL.match(nxt.tag) or nxt.tag == "t")
                and not shared
            ):
                return np[:j]
            return np
    return np


def _places_both(prev: Word, nxt: Word) -> bool:
    """Two conjuncts that are both places or communities (subject_counted_owners.txt: 国家和地区,
    村和社区): the classifier before them counts the units of both kinds, so the figure is of the
    coordination, not of its first conjunct (3万条|棉被|和|救助金 counts quilts only); so too for two
    conjuncts that both name people (学生|和|教师)."""
    owners = _set("subject_counted_owners.txt")
    return prev.text in owners and nxt.text in owners


def _without_owned_attribute(np: list[Word], kind: str) -> list[Word]:
    """The name read after a count cut before an attribute its noun has (subject_owned_attributes.txt:
    12个监测点位|空气质量|…, 30家企业|营业收入|超亿元): the classifier counts the things; what follows
    is said of each. The attribute is found at a word boundary, as the dictionary cuts these words
    in more ways than one (营业|收入, 监测点|位); at least two characters of name must stay. Counts
    only: a sum or share after its noun may be of the attribute itself."""
    if kind != "count" or not np:
        return np
    attributes = words("subject_owned_attributes.txt")
    first = np[0].text
    owned = next((a for a in attributes if first.endswith(a) and len(first) - len(a) >= 2), None)
    if owned:
        return [Word(first[: -len(owned)], "n")]  # 17种|产品产量|保持…: the dictionary holds them as one
    at = 0
    for j, w in enumerate(np):
        if j and at >= 2 and np[j - 1].tag not in ("v", "p", "c", "u", "uj"):
            rest = _text(np[j:])
            if rest.startswith(attributes):
                return np[:j]
        at += len(w.text)
    return np


def _trim_after_end(np: list[Word]) -> list[Word]:
    """The phrase read after a metric without the verbs, glue and punctuation ending it (41个老旧小区|
    改造; 2000余户农户|增收; 300多个地级市|之间, not 优质|初中, tagged f; 3个志愿服务|组织 stays)."""
    while np and (
        (np[-1].tag in ("v", "uj", "c", "a", "b") and not _names_organisation(np))
        or (np[-1].tag == "f" and np[-1].text.startswith("之"))
        or (_is_punct(np[-1]) and np[-1].text not in "”’》」）)")
    ):
        np = np[:-1]
    return np


def _case_verb(ws: Sequence[Word], np: Sequence[Word], cases: bool) -> bool:
    """After a count of cases (``cases``), the clause is a noun and a verb ending it (公屋|申请, 居民|
    投诉), read whole or but for that verb: the verb names the cases."""
    return (
        cases
        and len(ws) > 1
        and len(np) in (len(ws), len(ws) - 1)
        and ws[-1].tag == "v"
        and len(ws[-1].text) > 1
        and ws[-2].tag.startswith(("n", "j"))
        and not _is_bridge(ws[-1])
    )


def _verb_opens(ws: Sequence[Word], kind: str) -> bool:
    """The text after a metric opens with its predicate, not a noun: a verb after a sum or share says
    what it goes to (统筹80亿元|支持…, 60%|用于…); a change verb after a start point (由3697400人|减至|
    二○二五年…), unless a noun follows it (100项|提升|举措) or it is one character (10条|超…级的); a
    verb after people with no people named in the words after it (16人|受伤送院).
    """
    if kind in _SHARE_KINDS and _is_verb(ws[0]) and len(ws) > 1:
        return True
    if kind in _PEOPLE_KINDS and _is_verb(ws[0]) and not any(_people_word(w.text) for w in ws[1:4]):
        return True  # 16人|受伤送院, 3人|出现重症: what the people did or suffered, not who they are
    return _is_bridge(ws[0]) and len(ws[0].text) > 1 and not _opens_name(ws, 1)


def _people_word(text: str) -> bool:
    """A word naming people or a count of them (学生, 人次, 人数): a verb before it qualifies them
    (获奖|学生, 求诊|人次), it does not open the predicate."""
    return _names_people(text) or text.startswith("人")


def _after_words(ws: Sequence[Word], rest: str, kind: str) -> list[Word] | None:
    """The words of the phrase that opens ``rest`` (the text after a metric), up to what ends it; None
    when ``rest`` opens the next item of a coordination (3期|和社区党委书记…), not this metric's noun."""
    np: list[Word] = []
    at = 0
    said = ""  # _text(np), kept as np grows
    for i, w in enumerate(ws):
        grade = _grade_range(np, w)
        quoted = said.count("“") > said.count("”")  # “高效办成一件事”: a name, whatever its words
        if (
            not quoted
            and not _passive_modifier(ws, i)
            and (
                (_after_ends(ws, i, bool(np)) and not _qualifies_people(ws, i, kind))
                or _is_number(ws, i)
                or (_after_stop(rest, at, w) and not grade)
            )
        ):
            break
        if _ends_phrase(ws, i) and not _is_stop(w) and not (quoted and w.tag in ("d", "ad")):
            break  # “三年全面提升”项目: an adverb inside quotes is part of the name
        if w.tag == "c" and not np and not _glued_conjunction(ws, i):
            return None
        if np and w.tag == "c" and i + 1 < len(ws) and ws[i + 1].tag == "m":
            break  # 2处养老服务点|和|一条…步道: the conjunct after has a numeral of its own, its own figure
        if np and w.tag == "c" and _opens_predicate(ws, i):
            break  # 6项指标|不及|预期: a conjunction before a verb joins no nouns, it opens the predicate
        if np and _verb_to_place(ws, i):
            break  # 7个设区市|进入|全国前十: a verb whose object is a place word is the predicate
        if np and _verb_ends_name(ws, i, np, kind):
            break
        if np and not quoted and _opens_event_predicate(ws, i):
            break  # 5条高速公路|通车, 8家企业|开足马力|生产: what the thing does, not its name
        if np and _is_verb(w) and _names_people(said) and not _opens_name(ws, i + 1):
            break  # 2400多万陇原儿女|无限…: a verb after the people named opens the predicate
        np.append(w)
        at += len(w.text)
        said += w.text
        more = i + 1 < len(ws) and ws[i + 1].tag.startswith("n") and _names_people(said + ws[i + 1].text)
        more = more or _people_conjunct(ws, i)  # 4名|学生|和|教师: both kinds of people are counted
        # 6000户|老年人|家庭: a count of households goes on to the household word after the people
        more = more or (kind == "households" and i + 1 < len(ws) and ws[i + 1].text in _HOUSEHOLD_WORDS)
        inside = said.count("“") > said.count("”")  # 100多位|“小科学家|”: the quote closes the name
        if kind in _PEOPLE_KINDS and _names_people(said) and not more and not inside:
            break  # 14名残疾游客|游览景区风光 (not 3名群众|代表: a noun after them names people still)
    return np


def _people_as_nouns(ws: Sequence[Word]) -> Sequence[Word]:
    """The words with a noun of people the dictionary tags a verb (选手) tagged a noun: a verb there
    would end or drop the name of the people counted (219名|选手|同台竞技)."""
    people = _set("subject_people_heads.txt") | _set("people_nouns.txt")
    if not any(w.tag.startswith("v") and w.text in people for w in ws):
        return ws
    return [Word(w.text, "n") if w.tag.startswith("v") and w.text in people else w for w in ws]


def _people_of_relative(ws: Sequence[Word], relative: str) -> str:
    """A count of people read through 的 to a head that names no people (十余位|唐代诗人|传奇的|人生故事):
    the people are what is counted, so the phrase ends at the last word before 的 that names them."""
    owner, of, head = relative.partition("的")
    if not of or _names_people(head):
        return relative
    at = next(i for i, w in enumerate(ws) if w.text == "的")
    for j in range(at - 1, -1, -1):
        if _names_people(ws[j].text):
            people = _text(ws[: j + 1])
            return people if owner.startswith(people) else relative
    return relative


def _people_conjunct(ws: Sequence[Word], i: int) -> bool:
    """Word ``i`` names people and a list conjunction and another noun naming people follow it
    (学生|和|教师): the count goes on over the coordination."""
    if i + 2 >= len(ws) or ws[i + 1].text not in _set("subject_list_conjunctions.txt"):
        return False
    return _names_people(ws[i].text) and _names_people(ws[i + 2].text)


def _passive_modifier(ws: Sequence[Word], i: int) -> bool:
    """被 opening the text after a metric, then a verb and a noun (3名|被扣押|人员, 20户|被征收|农户): a
    passive participle that qualifies the counted noun, not the passive of a clause (10人|被|送医);
    the noun opens the clause, so its predicate follows it."""
    if i != 0 or ws[0].text != "被" or len(ws) < 4:
        return False  # 8次|被|评优|嘉奖: nothing after the noun, the passive is the clause's predicate
    return ws[1].tag == "v" and ws[2].tag.startswith(("n", "j"))


def _opens_event_predicate(ws: Sequence[Word], i: int) -> bool:
    """Word ``i``, after the noun read after a metric, opens the predicate: a verb of setting a record
    (subject_record_verbs.txt); a word of opening or working, or a predicate idiom
    (subject_event_predicates.txt: 开足马力), unless a noun follows that it qualifies (通车|里程,
    投产|项目). The dictionary's idiom tag alone says nothing: it covers nouns (出入口, 冰上运动)."""
    w, prev = ws[i], ws[i - 1]
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    if w.text in _set("subject_record_verbs.txt"):
        # 机组|创|单日发电量新纪录: the record is the verb's object; a lone 创 between pieces of one
        # character is a name cut in characters (科|创|基金, 晋|创|谷)
        return len(w.text) > 1 or (len(prev.text) > 1 and nxt is not None and len(nxt.text) > 1)
    if w.text not in _set("subject_event_predicates.txt"):
        return False
    if not any(x.tag.startswith(("n", "j")) for x in ws[:i]):
        return False  # 拟|竣工|投产项目: nothing named yet, the words qualify the head to come
    # before a project noun or an attribute the word qualifies it (投产|项目, 通车|里程); before any
    # other noun it governs that noun as its object (国家|投运|海外仓)
    return nxt is None or not (
        nxt.text in _set("subject_project_heads.txt") or nxt.text.endswith(_QUALIFIED_HEADS)
    )


# Heads an opening word qualifies (通车|里程, 投产|规模, 参赛|资格): attributes of the thing opened
_QUALIFIED_HEADS = ("里程", "规模", "总量", "时间", "率", "量", "资格")


def _glued_conjunction(ws: Sequence[Word], i: int) -> bool:
    """A one-character conjunction opening the text, then a single character and a noun (和|美|村庄):
    the dictionary lacks the name (和美) and cut it in characters; it opens the counted noun, not a
    coordination (和|社区党委书记)."""
    if len(ws[i].text) != 1 or i + 2 >= len(ws):
        return False
    piece, head = ws[i + 1], ws[i + 2]
    return (
        len(piece.text) == 1
        and bool(_HAN.match(piece.text))
        and not _is_stop(piece)
        and piece.tag not in ("m", "q", "p", "v")
        and head.tag.startswith("n")
        and len(head.text) > 1
    )


def _grade_range(np: Sequence[Word], w: Word) -> bool:
    """A range word after a grade, or after a grade and 及 (县级|以上|医院, 二级|及|以上|医疗机构):
    it belongs to the phrase read after a metric."""
    if w.text not in _set("subject_grade_ranges.txt") or not np:
        return False
    if np[-1].text in ("及", "和"):
        # 乡镇|通|三级|及|以上公路: after a verb the grade is its object's, past the phrase counted
        return len(np) > 1 and np[-2].text.endswith("级") and not any(x.tag == "v" for x in np)
    return np[-1].text.endswith("级")


def _opens_name(ws: Sequence[Word], i: int) -> bool:
    """Word ``i`` is a noun or verbal noun, which a verb before it may qualify (就业|岗位, 照护|服务)."""
    return i < len(ws) and ws[i].tag.startswith(("n", "vn", "j"))


def _opens_predicate(ws: Sequence[Word], i: int) -> bool:
    """Conjunction ``i`` stands before a verb or adverb, or ends the text (不及|预期), not between two
    nouns (国家|或|地区)."""
    if ws[i].text in _set("subject_list_conjunctions.txt"):
        return False  # 标准体系|和|工作规范: 和 joins names, whatever their first word
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    return nxt is None or nxt.tag.startswith(("v", "d"))


def _qualifies_people(ws: Sequence[Word], i: int, kind: str) -> bool:
    """An adverb or adjective and its verb at ``i`` that qualify the people named right after them
    (离校|未|就业|高校毕业生, 新|就业|形态|从业人员): inside the name of the people counted, not the predicate."""
    if kind not in _PEOPLE_KINDS or ws[i].tag not in ("d", "ad", "a") or i + 2 >= len(ws):
        return False
    return any(_names_people(w.text) for w in ws[i + 2 : i + 4])


def _verb_to_place(ws: Sequence[Word], i: int) -> bool:
    """Word ``i`` is a verb whose object is a place word (进入|全国, 领跑|全省): names do not hold one."""
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    return ws[i].tag == "v" and nxt is not None and nxt.text in _set("subject_place_words.txt")


def _verb_ends_name(ws: Sequence[Word], i: int, np: Sequence[Word], kind: str) -> bool:
    """A verb after the noun read after a metric starts the predicate: for most kinds any verb
    (6万元资金|用以修整河坝), for counts of things -- which carry long names with verbs inside
    (中医药传承创新中心) -- a one-character verb between a noun and a place (外国政要|来|川访问,
    not 省|列|重大项目). A verb that
    qualifies the people after it (受灾|群众) does not."""
    w = ws[i]
    verbal = w.tag == "v" or (w.tag == "vn" and i + 1 < len(ws) and ws[i + 1].tag == "v")
    if not verbal or any(_names_people(x.text) for x in ws[i + 1 : i + 3]):
        return False  # 受灾|群众, 就业|高校|毕业生: the verb qualifies the people named after it
    if kind in _LONG_NAME_KINDS:
        after = ws[i + 1].tag if i + 1 < len(ws) else ""
        return w.tag == "v" and len(w.text) == 1 and np[-1].tag.startswith("n") and after in ("ns", "j")
    return any(x.tag.startswith("n") for x in np)


def _after_ends(ws: Sequence[Word], i: int, started: bool) -> bool:
    """Whether word ``i`` ends the phrase read after a metric: a governing verb (20台|安装; 发展 inside
    服务业高质量发展集聚区 is a noun, and so is 改造 before 项目), a stop opening the phrase unless a
    noun follows (500千伏|交流线路工程), or an adverb and its verb, after the noun or opening the text
    (71.3万监测对象|稳定消除…, 22.9万人|稳定消除…)."""
    w = ws[i]
    nxt = ws[i + 1] if i + 1 < len(ws) else None
    if _is_stop(w):
        if started and nxt is not None and nxt.text in _set("subject_project_heads.txt"):
            return False
        if started and nxt is None and w.text in _nominal_verbs() and ws[i - 1].tag.startswith(("n", "vn")):
            return False  # 3个志愿服务|组织: a verb that names a thing ends the name, as before a metric
        if w.tag == "v":
            return True
        if not started and not (w.tag.startswith("n") and nxt is not None and nxt.tag.startswith("n")):
            return True
    return w.tag in ("a", "ad", "d") and nxt is not None and nxt.tag == "v" and (started or i == 0)


def _after_stop(rest: str, at: int, w: Word) -> bool:
    """A word that ends a phrase read after a metric: a whole word, or a longer stop starting here
    (基础上 across 基础|上)."""
    stops = _set("subject_after_stops.txt")
    return w.text in stops or any(rest[at : at + k] in stops for k in _lengths("subject_after_stops.txt"))


@cache
def _lengths(name: str) -> tuple[int, ...]:
    """The lengths (above one) of a lexicon's words, to look a word up by slicing."""
    return tuple(sorted({len(x) for x in words(name) if len(x) > 1}))
