"""What each metric counts (subject) and what happened to it (measure), read from words, not characters.

收集群众困难诉求5880件 -> (群众困难诉求, 收集); 28件市区民生实事基础上 -> 市区民生实事; 增长5.3% after
地区生产总值 -> (地区生产总值, 增长). The metric's own clause is cut into words (``words.tag``) and
the subject is the noun phrase

1. right after the metric when one follows it (28件|市区民生实事, 45万亩|水稻|相继成熟, 近30年的|违章建筑),
2. else right before it, after the verb that governs it (收集|群众困难诉求|5880件), with the words
   between noun and metric (增长, 达到, 突破, 将达) skipped and kept as the measure.

Some metrics name no noun of their own and take one from a neighbour in the same sentence:
a rate after a total (实现GDP 67665亿元，增长5.5%), a part stated by its state only (其中已办结4899件、
跟办981件; 目前已有2台安装完毕), the second verb of a coordination with its object left out (走访居民
43786户、电访25295户), a total after a list (交流心得体会，共计40余次), dimensions before the thing
(长280米、宽5米，总计1400平方米的水泥路), and the conjuncts of 分别 (A、B、C增加值分别增长x、y、z).
Stop and bridge words are lexicons beside this module; the rules are in code.

The rules are split by idea, one module each: ``spans`` (the window a subject is read from),
``vocab`` (word classes), ``segments`` (re-cutting jieba's words), ``phrase`` (the backward cut),
``trim`` (periods and modals off a phrase), ``owners`` (per-head words, owners, contributors),
``bases`` (a share's base, the compared thing), ``bridges`` (the measure verbs), ``before`` and
``after`` (the two readings), ``predicates`` (where a forward name ends), ``funding`` (what a sum
funds), ``respectively`` (分别 lists), ``clauses`` (a clause read whole), ``neighbours`` and ``topic``
(carrying a subject from a neighbouring figure or an earlier clause), ``tails`` and ``read_back``
(what a finished cut must lose), ``changes`` (X由A至B), ``groups`` (a group's figure in a parallel
clause) and ``ranks`` (以A…最高，B…次之). This module runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.agents import _without_agent
from transforms.metrics.subjects.aspects import _aspects
from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.bridges import _verb_before
from transforms.metrics.subjects.changes import _change_frames, _rates_of_change
from transforms.metrics.subjects.classified import _counted_by_classifier
from transforms.metrics.subjects.clause_subject import _subject_of_clause_before
from transforms.metrics.subjects.clauses import (
    _each_of_list,
    _rate_of_clause_before,
    _streak,
    _total_after_list,
)
from transforms.metrics.subjects.elided import _elided_of_previous
from transforms.metrics.subjects.ends import joined_after, tidy_ends, with_owner
from transforms.metrics.subjects.expiry import _extended_term
from transforms.metrics.subjects.funding import _purpose
from transforms.metrics.subjects.groups import _groups_of_previous
from transforms.metrics.subjects.lasting import _lasting_of_previous
from transforms.metrics.subjects.modal_rates import _without_modal_rate
from transforms.metrics.subjects.names import _without_personal_name
from transforms.metrics.subjects.names_of_people import _without_persons_name
from transforms.metrics.subjects.neighbours import (
    _after_metric,
    _attribute_of_previous,
    _dimension_of,
    _headless_relatives,
    _inherited,
    _noun_after_list,
    _noun_of_next,
    _of_metric_before,
    _parts_of_whole,
    _place_of_previous,
    _place_share_of_previous,
    _shared_level_heads,
)
from transforms.metrics.subjects.nominal import _noun_phrase
from transforms.metrics.subjects.parallel import _entities_of_previous
from transforms.metrics.subjects.place_lists import respectively_of_places, without_leading_place
from transforms.metrics.subjects.progress import _progress_shares
from transforms.metrics.subjects.ranks import _ranked_groups
from transforms.metrics.subjects.respectively import _respectively, _respectively_back
from transforms.metrics.subjects.restated import _restated
from transforms.metrics.subjects.site_coverage import _site_of_coverage
from transforms.metrics.subjects.spans import Fact, Span, _Before, _clause_start, _text
from transforms.metrics.subjects.subsidies import _subsidies
from transforms.metrics.subjects.tails import _finished
from transforms.metrics.subjects.thing_attributes import _things_of_attributes
from transforms.metrics.subjects.topic import _last_resort
from transforms.metrics.subjects.vocab import _PEOPLE_KINDS, _attribute_heads, _good, _names_people, _set
from transforms.metrics.words import tag

__all__ = ["Fact", "Span", "facts_of", "subject_of"]


_SPAN_YEARS = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)年$")


def _without_span(subject: str) -> str:
    """The subject without the span of years a change took at its end (资产总额|五年|增长64.1%:
    the grammar reads 五年 there as a reference period, so it is no metric that would stop the read)."""
    m = _SPAN_YEARS.search(subject)
    return subject[: m.start()] if m and m.start() >= 2 else subject


# A rate base before a metric's people noun: each one of them (学费津贴|每名|学生|每年|2万4,000元)
_EACH = re.compile(r"每(?:名|位|个|户|间|所)?$")


def _given_per_head(sentence: str, subject: str, floor: int, at: int, event: bool, cases: bool) -> str:
    """学费津贴每名学生每年2万4,000元: a subject read before the metric that is the base of a rate
    (每名|学生) counts per whom; what is given is the noun before the base, when the clause has one."""
    i = sentence.rfind(subject, floor, at)
    m = _EACH.search(sentence, floor, i) if i > floor else None
    if m is None or m.start() - _clause_start(sentence, m.start(), floor) < 2:
        return subject
    given = _before(sentence, m.start(), floor, event, cases=cases).subject
    return given or subject


# Corner quotes (「」『』, the quotation marks of Hong Kong, Macau and Taiwan texts) read as the curly
# ones the rules know (“”‘’): one character for one, so every offset stays where it was.
_CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")
# A space between two Chinese characters after a figure (the ideographic space those texts put between
# the two clauses of a headline: 访港旅客逾2,300万人次　按年增一成二) reads as the comma it stands for,
# so the second clause is a clause of its own; one character for one as well. Before any figure the
# space only parts a headline's subject from its predicate (西区新体育馆 料容纳近3万人) and stays.
_HEADLINE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d%])[ \u3000](?=[\u4e00-\u9fff])")


def _headline_commas(sentence: str, spans: Sequence[Span]) -> str:
    """``sentence`` with every headline space after the end of a figure read as a comma."""
    if " " not in sentence and "\u3000" not in sentence:
        return sentence  # most sentences: no scan
    first = min((sp.end for sp in spans), default=len(sentence))
    return _HEADLINE_SPACE.sub(lambda m: "，" if m.start() >= first else m.group(0), sentence)


def facts_of(sentence: str, spans: Sequence[Span]) -> list[Fact]:
    """Subject and measure of every metric of one sentence, in the order of ``spans``; a sentence
    quoting with corner quotes is read with curly ones, a headline's space after a figure as a comma,
    and its subjects given back as written."""
    curly = _headline_commas(sentence.translate(_CORNER_QUOTES), spans)
    if curly == sentence:
        return _facts_of(sentence, spans)
    return [Fact(_as_written(f.subject, curly, sentence), f.measure) for f in _facts_of(curly, spans)]


def _as_written(subject: str | None, curly: str, sentence: str) -> str | None:
    """``subject`` read from the curly-quoted ``curly`` with the quotation marks ``sentence`` has there
    (unchanged when it holds none, or is no span of the sentence: a list joined by the rules)."""
    if not subject or not any(c in subject for c in "“”‘’"):
        return subject
    at = curly.find(subject)
    return sentence[at : at + len(subject)] if at >= 0 else subject


def _facts_of(sentence: str, spans: Sequence[Span]) -> list[Fact]:
    """Subject and measure of every metric of one sentence, in the order of ``spans``."""
    out: list[Fact] = []
    floor = 0
    list_index = 0
    for k, sp in enumerate(spans):
        event = sp.unit in _set("subject_event_units.txt")
        streak = _streak(sentence, sp.start, sp.end, floor)
        # 增速|连续|19个季度居全国: read before; 三分之二|方可|启动: an adverb, no noun, follows
        after = None if streak else _noun_phrase(_after_metric(sentence, spans, k), sentence)
        # With a noun after the metric only the verb before it is wanted, and reading it off the
        # lexicon spares segmenting the clause (segmenting is most of the cost).
        at = sp.start - len(streak)
        cases = sp.unit in _set("subject_case_units.txt")
        before = (
            _verb_before(sentence, sp.start) if after else _before(sentence, at, floor, event, cases=cases)
        )
        gap = sentence[spans[k - 1].end : sp.start] if k else ""
        list_index = list_index + 1 if k and gap in ("、", "和", "与", "及") else 0
        after = _named_units(after, sentence, at, floor, event, cases)  # 公营房屋|18万个|单位
        after = _site_of_coverage(after, sentence, sp.end)  # 6个|行政村|自来水全覆盖: the villages
        after = joined_after(after, sentence, sp.end, sp.unit)  # 143间|酒店及公寓: a count of both
        after = _counted_by_classifier(after, sp.unit, sp.kind)  # 17间|公共图书馆|的入馆人次
        # 今年|再办|32件: no noun, look on; 社工局|今年预计拨款|3,200万元: the body acts, it is not counted
        subject = after or _noun_phrase(
            _without_agent(before.subject, before.measure, sentence[:at]), sentence
        )
        subject = _extended_term(sentence, sp.start, floor, sp.unit) or subject  # 承包到期后再延长|三十年
        if subject and not after:
            subject = _read_back(sentence, subject, (floor, at), event, cases, sp.kind)
        measure = before.measure
        if after is None:
            subject = _of_respectively(sentence, spans, k, list_index) or subject
        if subject and not after and sp.kind == "percent":
            subject = _share_base(sentence, sp.start, floor, event, subject) or subject
        if subject is None and sp.kind == "money" and not after:
            subject = _purpose(sentence, sp.end)  # 投入8亿元|办好|民生实事: the funded programme
        if subject is None and k and gap in _set("subject_range_marks.txt"):
            subject = out[k - 1].subject  # 增长5%-5.5%: the range's upper end
        ranked = sentence.startswith(words("subject_streak_predicates.txt"), sp.end)
        if subject is None and k and streak and ranked and before.bare and not any(c in gap for c in "。；;"):
            subject = out[k - 1].subject  # 增速年均超20%，连续三年居全国第一: the streak of that metric
        if subject is None:
            subject = _of_neighbours(sentence, spans, out, k, before, floor)
        if subject is None or subject in _attribute_heads() or subject in _set("subject_size_attributes.txt"):
            subject = _last_resort(sentence, spans, out, k, before, subject)
        subject = subject or _subject_of_clause_before(sentence, spans, out, k)  # 粮食总产再创新高，连续16年…
        # 关税总水平|仍, 美国|第三季度|经济, 包括5名儿童在内的|11人: ends and frames a cut may keep
        subject = _finished(subject, sentence, (sp.start, sp.end, sp.kind), bool(after))
        subject = with_owner(tidy_ends(subject, sentence, sp.start), sentence, sp.start)  # 酒店的|入住率
        subject = _without_personal_name(subject)  # 62岁的|小巴司机|黄先生: the driver, not his name
        subject = _without_persons_name(subject)  # 82岁的|村民|刘爱华: the villager
        subject = without_leading_place(subject)  # 仁怀市|规模以上工业增加值: where, scored as region
        subject = _without_modal_rate(subject)  # “一天|能|挣|200多元”: a rate, no noun named
        out.append(Fact(subject, measure))  # 赤字|拟, 养老金|月人均
        floor = sp.end
    out = _change_frames(sentence, spans, out)  # X由A增至B: both ends measure X
    out = _rates_of_change(sentence, spans, out)  # …增加1,365亿元，增幅4.8%: the revenue's change
    out = _elided_of_previous(sentence, spans, out)  # …为13%，署方的目标是…降至|10%以下: the same rate
    out = _groups_of_previous(sentence, spans, out)  # …中位数为A元，本地居民则为B元: the median still
    out = _entities_of_previous(sentence, spans, out)  # …时间为18个月，护养院宿位|则|约23个月: the time
    out = _respectively_back(sentence, spans, out)
    out = _ranked_groups(sentence, spans, out)  # 总薪资以A业13万元最高，B业11万元次之: the 总薪资
    out = _place_of_previous(sentence, spans, out)
    out = _place_share_of_previous(sentence, spans, out)  # 病例156例，高雄占近7成: the cases' share
    out = _parts_of_whole(sentence, spans, out)  # 诉求8.7万件，其中咨询类4.1万件: a kind of the whole
    out = _headless_relatives(sentence, spans, out)  # 其中经大桥入境的|占三成二: of the whole
    out = _attribute_of_previous(sentence, spans, out)
    out = _restated(sentence, spans, out)  # …，约合|1.1万亿元人民币: the figure before, restated
    out = _noun_of_next(sentence, spans, out)
    out = _noun_after_list(sentence, spans, out)  # 1,205宗、1,318宗及1,402宗|个案: every item's
    out = _lasting_of_previous(sentence, spans, out)  # 工程…展开，为期|18个月: how long the works run
    out = _progress_shares(sentence, spans, out)  # 麦收|过|八成: the activity's progress
    out = _things_of_attributes(sentence, spans, out)  # 线路7条、通车里程|超400公里: the lines
    out = _subsidies(sentence, spans, out)  # 每间最多可获|资助|5万元: the subsidy, not who gets it
    return _aspects(sentence, spans, _shared_level_heads(sentence, spans, out))


def _of_neighbours(
    sentence: str, spans: Sequence[Span], out: list[Fact], k: int, before: _Before, floor: int
) -> str | None:
    """For a metric whose own clause names nothing: the subject a neighbouring figure, a list or the
    clause before gives it, in that order."""
    sp = spans[k]
    subject = _inherited(sentence, spans, out, k, sp, before) if k else None
    if subject is None and k and before.bare:
        subject = _of_metric_before(sentence, spans, out, k, floor)
    if subject is None:
        subject = _each_of_list(sentence, sp.start, floor)
    if subject is None and before.bare:
        subject = _total_after_list(sentence, sp.start, floor)
    if subject is None:
        subject = _dimension_of(sentence, spans, k)
    if subject is None:
        subject = _rate_of_clause_before(sentence, sp.start, sp.end, floor)
    return subject


def _of_respectively(sentence: str, spans: Sequence[Span], k: int, list_index: int) -> str | None:
    """What metric ``k`` (item ``list_index`` of its 分别 list of figures) counts: after a list of places
    the thing the run names (怀远县、五河县分别收获|小麦: place_lists.py), else its item of the list."""
    first = spans[k - list_index].start
    if "分别" not in sentence[max(0, first - 8) : first]:
        return None
    before_list = spans[k - list_index - 1] if k > list_index else None
    places = respectively_of_places(sentence, first, before_list.end if before_list else 0)
    if places or "分别" not in sentence[max(0, first - 6) : first]:
        return places
    prior = before_list.end if before_list and before_list.unit == spans[k].unit else 0  # not 五年|分别
    return _respectively(sentence, first, list_index, prior)


def _read_back(
    sentence: str, subject: str, window: tuple[int, int], event: bool, cases: bool, kind: str
) -> str | None:
    """A subject read before the metric (in ``window``, floor to metric) without what only frames it."""
    floor, at = window
    subject = _without_span(subject)  # 居民人均可支配收入|五年|增长30.8%: when, never what
    subject = _given_per_head(sentence, subject, floor, at, event, cases)  # 每名|学生: per whom
    subject = _out_of_frame(sentence, subject, floor, at)  # 在…考核|中|连续5年
    return _served_people(subject) if kind in _PEOPLE_KINDS else subject  # 日均服务|老年人


def _named_units(
    after: str | None, sentence: str, at: int, floor: int, event: bool, cases: bool
) -> str | None:
    """公营房屋|约18万9千个|单位: when the noun read after a count is a generic unit noun
    (subject_unit_nouns.txt), the noun right before the count names what the units are; ``after``
    unchanged otherwise, and when no noun stands right there (宁东基地等|4个单位, 授予|100个单位)."""
    if after not in _set("subject_unit_nouns.txt"):
        return after
    found = _before(sentence, at, floor, event, cases=cases).subject
    if not found or not sentence.endswith(found, 0, at):
        return after
    listed = "、" in found or sentence[at - len(found) - 1 : at - len(found)] in ("、", "和", "及")
    return after if listed else found  # 中宣部、…、国家文物局|5家单位: the units are the list's members


_FRAME_LOCATIVES = ("中", "上", "里")


def _out_of_frame(sentence: str, subject: str, floor: int, at: int) -> str:
    """A subject closing a 在…中 frame (在国家考核|中|连续5年获评优秀, 在全省评比|上|排名第3位) keeps
    the frame's locative, which only says where the figure was earned: the thing is the noun inside."""
    if len(subject) < 3 or not subject.endswith(_FRAME_LOCATIVES):
        return subject
    ws = tag(subject)
    if ws[-1].tag != "f" or len(ws[-1].text) != 1 or len(ws) < 2:
        return subject
    pos = sentence.rfind(subject, floor, at)
    if pos < 0:
        return subject
    clause = sentence[_clause_start(sentence, pos, floor) : pos]
    return subject[:-1] if "在" in clause else subject


def _served_people(subject: str) -> str | None:
    """The people after a serving verb (subject_serve_verbs.txt) inside a subject read before a count
    of people (日均|服务|老年人): they are what is counted; the subject unchanged otherwise. The verb
    alone (目标每年|服务|20万人次, 培训|3100人次) names no people: None."""
    if subject in _set("subject_serve_verbs.txt"):
        return None
    ws = tag(subject)
    at = next((i for i, w in enumerate(ws) if w.text in _set("subject_serve_verbs.txt")), None)
    if at is None or at == len(ws) - 1:
        return subject
    people = _text(ws[at + 1 :])
    if people.endswith(_attribute_heads()) or not _good(people, ws[at + 1 :]):
        return subject  # 服务|人数: the number served is the indicator itself
    return people if _names_people(people) else subject


def _share_base(sentence: str, start: int, floor: int, event: bool, subject: str) -> str | None:
    """津贴|由|投保薪资|6成|提高至8成: a share right after 由/从 and a noun is a share of that noun, the
    base of the start point; what changes is the thing named before 由."""
    at = start - len(subject) - 1
    if at <= floor or sentence[at] not in "由从" or not sentence.endswith(subject, 0, start):
        return None
    return _before(sentence, at, floor, event).subject


def subject_of(sentence: str, start: int, end: int, unit: str = "", kind: str = "count") -> str | None:
    """The counted thing of the single metric at ``sentence[start:end]``, or None when none is named."""
    return facts_of(sentence, [Span(start, end, unit, kind)])[0].subject
