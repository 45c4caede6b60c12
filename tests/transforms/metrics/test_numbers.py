"""transforms.metrics.numbers: the numerals the metric spec names, read to the values the gold expects."""

from __future__ import annotations

import re

import polars as pl
import pytest

from transforms.metrics.numbers import (
    ARABIC_NUMBER,
    NUMERAL_CHARS,
    fold_scale,
    mixed_is_sound,
    parse_adjacent_range,
    parse_number,
    parse_percent,
    resolve_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Arabic, separators, full width, sign
        ("5880", 5880),
        ("16.1", 16.1),
        ("1,400", 1400),
        ("1，400", 1400),
        ("1,050,000", 1050000),
        ("１２", 12),
        ("１６．１", 16.1),
        ("-5", -5),
        ("0.5", 0.5),
        # Chinese: digits, units, 零, shorthand, bare digit strings
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三百", 300),
        ("一万二千", 12000),
        ("两千零五", 2005),
        ("一百二十三万四千五百六十七", 1234567),
        ("一万二", 12000),
        ("三千五", 3500),
        ("两百五", 250),
        ("一百零十万", 1100000),
        ("二〇二一", 2021),
        ("一九九八", 1998),
        ("十万零六百五十一", 100651),
        ("四亿五千六百四十二万零一十五", 456420015),
        ("二十一万亿", 21e12),
        ("一万五千亿", 1.5e12),
        ("负五", -5),
        ("负三十二", -32),
        ("廿二", 22),
        # Traditional and financial forms
        ("壹佰伍拾", 150),
        ("兩千四百五", 2450),
        ("五億零六", 500000006),
        ("肆拾肆", 44),
        ("負三十二", -32),
        ("十萬柒仟捌佰伍拾肆", 107854),
        # decimals with 点
        ("九十九点五", 99.5),
        ("三点一四", 3.14),
        ("零点五", 0.5),
        ("四百亿点零五零", 40000000000.05),
        ("五十五點五七九", 55.579),
        ("三点五万", 35000),
        # Arabic with multipliers (exact, no binary-float residue)
        ("16.1万", 161000),
        ("3千", 3000),
        ("1.2亿", 1.2e8),
        ("5万亿", 5e12),
        ("2万5千", 25000),
        ("16.4亿", 1640000000),
        ("1,100万", 11000000),
        ("3万4000", 34000),
        ("1千零20", 1020),
        ("4.78萬億", 4.78e12),
        # halves
        ("半", 0.5),
        ("一个半", 1.5),
        ("两个半", 2.5),
    ],
)
def test_parse_number_values(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_parse_number_is_exact_for_multiplied_decimals() -> None:
    """The gold compares values exactly: 16.4亿 must not come out as 1639999999.9999998."""
    for mantissa in ("16.4", "35.1", "0.3", "2.55", "12.550", "99.9"):
        for suffix, factor in (("万", 10**4), ("亿", 10**8)):
            want = float(f"{mantissa}e{len(str(factor)) - 1}")
            assert parse_number(mantissa + suffix) == want


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "abc",
        "三四百",
        "五六十",
        "十几",
        "几十",
        "数千",
        "20余万",
        "十多万",
        "千瓦",
        "万元",
        "点五",
        "零点",
        "十一十二",
        "十百",
        "一百二百",
        "1,4000",
        "1 400",
        "3.4.5",
        "第一",
        "一枝一叶",
        "%",
    ],
)
def test_parse_number_rejects_what_is_not_one_numeral(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("百分之九十九点五", 99.5),
        ("99.5%", 99.5),
        ("99.5％", 99.5),
        ("百分之五十", 50),
        ("百分之百", 100),
        ("百分之2.4", 2.4),
        ("千分之五", 0.5),
        ("万分之三", 0.03),
        ("负3.9%", -3.9),
        ("-22.2%", -22.2),
        ("五成", 50),
        ("三成半", 35),
        ("9.5成", 95),
        ("九折", 90),
        ("八五折", 85),
        ("6个百分点", 6),
        ("0.4個百分點", 0.4),
    ],
)
def test_parse_percent_values(text: str, value: float) -> None:
    assert parse_percent(text) == pytest.approx(value)


def test_parse_percent_share_is_one_hundred_times_m_over_n() -> None:
    assert parse_percent("三分之一") == pytest.approx(100 / 3)
    assert parse_percent("四分之三") == pytest.approx(75)
    assert parse_percent("3分之2") == pytest.approx(200 / 3)


@pytest.mark.parametrize(
    "text", ["", "百分之", "三分之", "零分之一", "五", "99.5", "十成十", "一百折", "abc%"]
)
def test_parse_percent_rejects(text: str) -> None:
    assert parse_percent(text) is None


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("三四百", (300, 400)),
        ("五六十", (50, 60)),
        ("七八千", (7000, 8000)),
        ("两三万", (20000, 30000)),
        ("一两百", (100, 200)),
        ("十七八", (17, 18)),
        ("三十五六万", (350000, 360000)),
        ("二三十万", (200000, 300000)),
        ("三四", (3, 4)),
    ],
)
def test_parse_adjacent_range(text: str, pair: tuple[float, float]) -> None:
    assert parse_adjacent_range(text) == pair


@pytest.mark.parametrize(
    "text", ["十几", "几十", "数千", "三百", "二〇二一", "三五", "一二三", "五四", "", "两千"]
)
def test_parse_adjacent_range_rejects_vague_and_single(text: str) -> None:
    assert parse_adjacent_range(text) is None


def test_resolve_number_reads_fractions_and_bounded_bases() -> None:
    assert resolve_number("五分之一") == pytest.approx(0.2)
    assert resolve_number("三百五又三分之一") == pytest.approx(350 + 1 / 3)
    assert resolve_number("1 3/5") == pytest.approx(1.6)
    assert resolve_number("十多万") == 100000
    assert resolve_number("500余萬") == 5000000
    assert resolve_number("16.1万") == parse_number("16.1万")
    assert resolve_number("一枝一叶") is None


def test_numeral_chars_build_a_class_that_finds_chinese_numerals() -> None:
    cls = re.compile(f"[{NUMERAL_CHARS}]+")
    assert cls.findall("收集群众困难诉求五千八百八十件，惠及两万人") == ["五千八百八十", "两万"]
    assert {"零", "〇", "两", "十", "百", "千", "万", "亿", "萬", "億", "兩", "壹", "拾"} <= set(
        NUMERAL_CHARS
    )
    assert "点" not in NUMERAL_CHARS and "兆" not in NUMERAL_CHARS


def test_arabic_number_works_in_polars_rust_regex() -> None:
    """The pattern must compile in polars (Rust regex: no look-around) and match whole numbers."""
    text = "收集群众困难诉求5880件，惠及群众16.1万人次，资金1,400万元，比例99.5%"
    found = pl.Series([text]).str.extract_all(ARABIC_NUMBER).to_list()[0]
    assert found == ["5880", "16.1", "1,400", "99.5"]
    assert all(parse_number(f) is not None for f in found)
    assert re.fullmatch(ARABIC_NUMBER, "1,234,567.89")


def test_parse_functions_never_raise_on_junk() -> None:
    junk = [
        "9^9999",
        "1e99999",
        "0^-1",
        "负",
        "--",
        "点点",
        "分之",
        "万万万万万万",
        "一" * 200,
        "\x00",
        "1/0",
    ]
    for text in junk:
        parse_number(text)
        parse_percent(text)
        parse_adjacent_range(text)
        resolve_number(text)


# Regional numerals (metric-spec "Regional conventions"): tens characters, 〇/○, colloquial shorthand,
# mixed Arabic and place values, Chinese decimals with a multiplier, 一半.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("廿三", 23),
        ("卅", 30),
        ("卅五", 35),
        ("二○一九", 2019),
        ("二〇二六", 2026),
        ("千三", 1300),
        ("万八", 18000),
        ("7万3,600", 73600),
        ("15亿2,000万", 1520000000),
        ("2亿3千4百万", 234000000),
        ("五点六亿", 560000000),
    ],
)
def test_parse_number_regional(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_yi_ban_is_fifty_percent() -> None:
    assert parse_percent("一半") == 50


@pytest.mark.parametrize(
    ("text", "factor", "value"),
    [
        ("15亿2,000", 1e4, 1520000000),  # 15亿2,000万: 万 scales 2,000 only
        ("2亿3千4百", 1e4, 234000000),  # 2亿3千4百多万
        ("九亿三千", 1e4, 930000000),
        ("8.2", 1e8, 820000000),
        ("3千5百", 1e4, 35000000),
        ("4兆7,200", 1e8, 4.72e12),  # Taiwan's 兆 (10^12): 4兆7,200亿元
    ],
)
def test_fold_scale_scales_only_after_the_larger_place_value(text: str, factor: float, value: float) -> None:
    assert fold_scale(text, factor) == pytest.approx(value)


def test_fold_scale_rejects_a_tail_that_overflows_its_place() -> None:
    assert fold_scale("3亿20000", 1e4) is None  # 20000万 is not below 1亿


@pytest.mark.parametrize(
    ("text", "sound"),
    [
        ("7万3,600", True),
        ("15亿2,000", True),
        ("2亿3千4百", True),
        ("3兆6,500", True),
        ("7万36000", False),
        ("1千2,000", False),
    ],
)
def test_mixed_numbers_fold_only_when_each_part_fits(text: str, sound: bool) -> None:
    assert mixed_is_sound(text) is sound
