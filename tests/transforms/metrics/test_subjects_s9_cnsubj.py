"""Round 9 (cnsubj): subjects of mainland news figures, each case a made-up sentence of its kind.

A clause adverb or time noun ends a subject (仍, 正, 近期); a total after 包括…在内的 takes no noun of
the part inside; a rate's 每 + a unit of time is passed over; a list number's dot is no name; an
index name the dictionary cuts at its inner verb stays whole; a part of a year inside a subject is
taken out; a count of people harmed takes no place or event before it as its subject.
"""

from __future__ import annotations

import pytest

from transforms.metrics.grammar import find_metrics
from transforms.metrics.subjects import Span, facts_of


def _subjects(sentence: str) -> dict[str, str | None]:
    """The subject of each metric of a sentence, keyed by the metric's text."""
    metrics = find_metrics(sentence)
    found = facts_of(sentence, [Span(f.start, f.end, f.unit, f.kind) for f in metrics])
    return {f.text: fact.subject for f, fact in zip(metrics, found, strict=True)}


CASES = [
    # an adverb after the noun, before the verb of the clause
    ("全省城乡居民医保参保率仍稳定在95.2%。", "95.2%", "城乡居民医保参保率"),
    # read before the figure, verbs and their object after the adverb: the object is counted
    ("这套文库已编纂出版图书共45种。", "45种", "图书"),
    ("持续干旱已导致水库蓄水量减少1200万立方米。", "1200万立方米", "水库蓄水量"),
    # ... but not the base after a linking verb
    ("扫地机器人、电动牙刷出口均占全省同类商品出口的三成以上。", "三成以上", "电动牙刷出口"),
    # a time noun after the noun
    ("该区养老床位近期增加了1200张。", "1200张", "养老床位"),
    # the noun after a figure, then an adverb and its predicate
    ("这三所学校正加快改造校舍。", "三所", "学校"),
    # a total that includes a part: the part's noun is the part's
    ("洪水造成包括3名村民在内的9人失踪。", "3名", "村民"),
    ("洪水造成包括3名村民在内的9人失踪。", "9人", None),
    # a rate per hour: the unit of time is not the thing counted
    ("这座大桥的通行车辆每小时多达2400辆。", "2400辆", "通行车辆"),
    # a list number's dot glued to the phrase after it
    ("3.全国快递业务量连续八个月保持增长；", "八个月", "全国快递业务量"),
    # the purchasing managers' index is one term, not the verb 采购 and its object
    ("12月份，非制造业采购经理指数为52.1%。", "52.1%", "非制造业采购经理指数"),
    # a part of a year inside the subject says when, not what: the noun after it is what is counted
    # (日本出口 is written nowhere: a subject is a phrase of the sentence, decision 0022)
    ("日本第二季度出口下降1.4%。", "1.4%", "出口"),
    ("该省商品房销售面积继第一季度减少6.5%之后再度回落。", "6.5%", "商品房销售面积"),
    # people harmed: a place or event before the count is not what is counted, people named are
    ("智利南部暴雨引发泥石流7人遇难。", "7人", None),
    ("大桥坍塌事故已造成施工人员4人遇难。", "4人", "施工人员"),
    # a period named by an event at the head of the subject says when
    ("端午假期全国铁路旅客发送量达到5600万人次。", "5600万人次", "全国铁路旅客发送量"),
    # 国际组织 is one noun, not 国际 and the verb 组织
    ("论坛吸引了20多家国际组织的代表。", "20多家", "国际组织"),
]


@pytest.mark.parametrize(("sentence", "span", "subject"), CASES)
def test_subject(sentence: str, span: str, subject: str | None) -> None:
    assert _subjects(sentence)[span] == subject


def test_average_before_a_noun_stays() -> None:
    """平均 before the noun it qualifies, or before an act, is part of the indicator's name."""
    got = _subjects("全市12个区平均空气质量优良天数比例为88.1%。")
    assert (got["88.1%"] or "").endswith("平均空气质量优良天数比例")
    assert _subjects("市属中职学校生均经费提高800元。")["800元"] == "市属中职学校生均经费"
