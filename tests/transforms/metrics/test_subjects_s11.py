"""Subject rules of session 11, kinds of error seen on unseen pages (Hong Kong, Macau, Taiwan and
mainland): a bridge character that closes a noun, a verb that sets up or carries out what is
counted, a named division opening the phrase.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject
from transforms.text.script import to_simplified


def _read(sentence: str, metric: str) -> str | None:
    """The subject as the pipeline gives it: a page in traditional script reaches the rules simplified."""
    return subject(to_simplified(sentence)[0], to_simplified(metric)[0])


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 为 closes the noun 行为 the dictionary holds whole: no bridge verb, the noun is kept
        ("上月共查获违法行为4200起。", "4200起", "违法行为"),
        ("上月共查獲違法行為4200起。", "4200起", "违法行为"),
        ("全年纠正交通违法行为3.1万起。", "3.1万起", "交通违法行为"),
        # a true bridge after a noun still leaves it
        ("全区常住人口为86万人。", "86万人", "常住人口"),
        ("新能源汽车占比达35%。", "35%", "新能源汽车占比"),
    ],
)
def test_a_bridge_character_closing_a_noun_is_the_nouns(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 设立, 签订 and 执行 govern what is counted; the agent or place before them is not counted
        ("各街道口设立便民服务点18个。", "18个", "便民服务点"),
        ("消防大队联合村委设立微型消防站9个。", "9个", "微型消防站"),
        ("与辖区企业签订共享停车位300个。", "300个", "共享停车位"),
        ("在疫点周边执行环境消杀140次。", "140次", "环境消杀"),
        ("與轄區企業簽訂共享停車位300個。", "300個", "共享停车位"),
    ],
)
def test_a_verb_that_sets_up_or_carries_out_governs(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a named county, city or district opening the phrase says where: region, not subject
        ("青田县油茶林面积12万亩。", "12万亩", "油茶林面积"),
        ("全市茶叶产量5万吨，青田县茶叶产量6000吨。", "6000吨", "茶叶产量"),
        ("青田縣油茶林面积12万亩。", "12万亩", "油茶林面积"),
        # a place word alone, or with only one character after it, is left as it is
        ("全县油茶林面积40万亩。", "40万亩", "油茶林面积"),
    ],
)
def test_a_named_division_opening_the_phrase_is_the_region(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 其中 + a district + a count of cases: where the cases are, the cases are counted; so too the
        # districts listed after it with 、
        ("本月累计本土病例90例，其中南湖区35例、北塘区20例。", "35例", "本土病例"),
        ("本月累计本土病例90例，其中南湖区35例、北塘区20例。", "20例", "本土病例"),
        ("本月累計本土病例90例，其中南湖區35例、北塘區20例。", "20例", "本土病例"),
    ],
)
def test_a_district_after_its_total_says_where(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # in Hong Kong statistics 本地 opens the term itself (本地固定资本形成总额, 本地研发总开支)
        ("去年本地固定资本形成总额按年上升2.1%。", "2.1%", "本地固定资本形成总额"),
        ("去年本地固定資本形成總額按年上升2.1%。", "2.1%", "本地固定资本形成总额"),
        ("去年本地研发总开支达到410亿元。", "410亿元", "本地研发总开支"),
        # elsewhere 本地 only points at the place
        ("本地新建公园6个。", "6个", "公园"),
    ],
)
def test_local_opens_a_statistics_term(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 实质 (real, after prices) before a noun opens the term; before a verb it is the change's
        ("剔除物价因素后，实质平均薪资增加1.2%。", "1.2%", "实质平均薪资"),
        ("剔除物價因素後，實質平均薪資增加1.2%。", "1.2%", "实质平均薪资"),
        ("整体出口货值按年实质上升4.4%。", "4.4%", "整体出口货值"),
    ],
)
def test_real_opens_a_term_before_a_noun(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 核定 and 改善 handle what is counted; 登记 opens terms (登记失业率) and stays
        ("今年核定住房補貼2300户。", "2300户", "住房补贴"),
        ("全年登记失业率为3.2%。", "3.2%", "登记失业率"),
        ("今年核定住房补贴2300户。", "2300户", "住房补贴"),
        ("去年改善排涝面积40万亩。", "40万亩", "排涝面积"),
    ],
)
def test_a_verb_of_handling_governs(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected
