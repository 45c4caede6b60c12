"""Session 14's figure kinds: a term of years as a noun (上一个五年期, 5年期贷款) names a period, not a
length of time. Made-up sentences."""

from __future__ import annotations

import pytest

from transforms.metrics.grammar import find_metrics
from transforms.text.opencc_backend import convert


def _spans(sentence: str) -> list[str]:
    return [m.text for m in find_metrics(sentence)]


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("今年建成保障房8000套，较上一个五年期增加逾一倍", ["8000套", "逾一倍"]),
        ("5年期以上贷款市场报价利率为3.5%", ["3.5%"]),
        ("三年期定期存款利率下调0.2个百分点", ["0.2个百分点"]),
        # a stated term is still a length of time
        ("贷款期限5年，额度50万元", ["5年", "50万元"]),
        ("项目建设期3年，总投资12亿元", ["3年", "12亿元"]),
    ],
)
def test_a_term_of_years_as_a_noun_is_no_figure(sentence: str, spans: list[str]) -> None:
    assert _spans(sentence) == spans


def _signed(sentence: str) -> list[tuple[str, float]]:
    return [(m.text, m.value) for m in find_metrics(sentence)]


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # a minus sign or 负 before the digits of a rate is its sign
        ("当季经济增速为-0.4%", [("-0.4%", -0.4)]),
        ("出口增长率为负1.2%", [("负1.2%", -1.2)]),
        ("对经济增长的贡献为-0.6个百分点", [("-0.6个百分点", -0.6)]),
        ("人口自然增长率为-2.3‰", [("-2.3‰", -2.3)]),
        # a dash between figures is a range, and 负 before a word is no sign
        ("增幅在3-5%之间", [("3-5%", 3.0)]),
        ("资产负债率为58%", [("58%", 58.0)]),
        ("负增长收窄至2.1%", [("2.1%", 2.1)]),
    ],
)
def test_a_rate_s_written_sign_is_kept(sentence: str, figures: list[tuple[str, float]]) -> None:
    assert _signed(sentence) == figures


def test_a_dash_after_a_unit_joins_a_range() -> None:
    # 6.5%－7%: a range written with % at both ends; the dash is no minus sign on its upper end
    assert [(m.text, m.value) for m in find_metrics("国内生产总值增长6%－6.5%")] == [
        ("6%", 6.0),
        ("6.5%", 6.5),
    ]
    assert all(m.value >= 0 for m in find_metrics("地区生产总值增长5%-5.5%，就业增长3%-4%"))


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # N成半 is N.5 tenths even when a measure word starts the noun after it (半|款项 is no figure)
        ("已有八成半款项发放到位", ("八成半", 8.5, "成")),
        ("約七成半個案已完成處理", ("约七成半", 7.5, "成")),
        # 列次 (train runs, Taiwan) is one unit, not 列 followed by 次
        ("连假期间加开列车212列次", ("212列次", 212.0, "列次")),
    ],
)
def test_tenths_and_a_half_and_train_runs(sentence: str, figure: tuple[str, float, str]) -> None:
    got = [(m.text, m.value, m.unit) for m in find_metrics(convert(sentence))]
    assert got == [figure]


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        # counts of visits by item or firm (项次, 家次) are units of their own, like 人次
        ("公共圖書館借閱量約96萬項次", ("约96万项次", 960000.0, "项次")),
        ("累计检查企业8.6万家次", ("8.6万家次", 86000.0, "家次")),
        # 度 of electricity stays 度, as written (the spec names no conversion)
        ("全年總發電量為2,286億度", ("2,286亿度", 228600000000.0, "度")),
    ],
)
def test_visit_units_and_kilowatt_hours_as_written(sentence: str, figure: tuple[str, float, str]) -> None:
    assert [(m.text, m.value, m.unit) for m in find_metrics(convert(sentence))] == [figure]
