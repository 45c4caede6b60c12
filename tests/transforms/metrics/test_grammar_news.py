"""News figures: reference periods and cohort labels that are no figures, and the units of market,
weather and broadcast news (made-up sentences of each kind)."""

from __future__ import annotations

import pytest

from transforms.metrics.grammar import find_metrics


def _spans(sentence: str) -> list[tuple[str, float, float, float, str, str]]:
    return [(m.text, m.value, m.low, m.high, m.unit, m.bound) for m in find_metrics(sentence)]


# sentence, the spans it gives (a reference period or a label gives none of its own)
PERIODS = [
    ("今明两年要完成老旧管网改造", []),  # this year and next
    ("明后两年，全市将新建学校", []),
    ("今明两天，北方将有一次降温过程", []),
    ("今年前9个月，港口吞吐量超20亿吨", [("超20亿吨", 2e9, 2e9, 2e9, "吨", "at_least")]),
    ("前三个月，全省外贸保持增长", []),
    ("2026年前11个月，新开工项目增多", []),
    ("最初的前两周，团队调试设备", []),
    ("假期前三天，景区接待游客", []),  # the first days of a holiday
    ("开学前5天，教师集中备课", []),  # the days before an event: a point in time
    ("全市2027届高校毕业生达到31万人", [("31万人", 310000, 310000, 310000, "人", "exact")]),
    ("全校2024级新生入学", []),
    ("省里印发了养老服务三年发展计划", []),
    ("编制全区五年建设规划", []),
    ("专题片今晚播出第五、六集", []),
    ("第二、三批试点共计40个", [("40个", 40, 40, 40, "个", "exact")]),
]

# the same numbers stated as amounts stay figures
AMOUNTS = [
    ("工程比计划提前3个月完工", [("3个月", 3, 3, 3, "月", "exact")]),
    ("大桥提前两年建成通车", [("两年", 2, 2, 2, "年", "exact")]),
    (
        "车程将由目前5小时缩短至2小时",
        [("5小时", 5, 5, 5, "小时", "exact"), ("2小时", 2, 2, 2, "小时", "exact")],
    ),
    ("该联赛已连续举办两届", [("两届", 2, 2, 2, "届", "exact")]),
    ("纪录片共8集，讲述了", [("8集", 8, 8, 8, "集", "exact")]),
    ("三集电视专题片今晚开播", [("三集", 3, 3, 3, "集", "exact")]),
]

UNITS = [
    ("当天期货成交量达4.5亿手", [("4.5亿手", 4.5e8, 4.5e8, 4.5e8, "手", "exact")]),
    (
        "收盘时成交3.6万手，成交额2亿元",
        [("3.6万手", 36000, 36000, 36000, "手", "exact"), ("2亿元", 2e8, 2e8, 2e8, "元", "exact")],
    ),
    ("该国央行宣布加息50个基点", [("50个基点", 50, 50, 50, "基点", "exact")]),
    ("贷款利率比上年低20基点", [("20基点", 20, 20, 20, "基点", "exact")]),
    ("火箭将6颗卫星送入预定轨道", [("6颗", 6, 6, 6, "颗", "exact")]),
    ("船厂新接订单820万载重吨", [("820万载重吨", 8.2e6, 8.2e6, 8.2e6, "载重吨", "exact")]),
    (
        "决议以13票赞成、2票弃权获得通过",
        [("13票", 13, 13, 13, "票", "exact"), ("2票", 2, 2, 2, "票", "exact")],
    ),
    ("搜救人员找到12具遗体", [("12具", 12, 12, 12, "具", "exact")]),
    ("货物周转量达120.5亿吨公里", [("120.5亿吨公里", 1.205e10, 1.205e10, 1.205e10, "吨公里", "exact")]),
    ("储罐内存有约30万升燃油", [("约30万升", 3e5, 3e5, 3e5, "升", "approx")]),
    ("PM2.5平均浓度为31微克/立方米", [("31微克/立方米", 31, 31, 31, "微克/立方米", "exact")]),
    ("年均浓度降至28微克／立方米以下", [("28微克／立方米以下", 28, 28, 28, "微克/立方米", "at_most")]),
    ("年均浓度不超过30微克每立方米", [("不超过30微克每立方米", 30, 30, 30, "微克/立方米", "at_most")]),
    ("北方大部降温6—10℃", [("6—10℃", 6, 6, 10, "摄氏度", "exact")]),
    ("局地降温超过12℃。", [("超过12℃", 12, 12, 12, "摄氏度", "at_least")]),
    ("最低气温达到零下25摄氏度", [("零下25摄氏度", -25, -25, -25, "摄氏度", "exact")]),
    ("署方发出警告信120封", [("120封", 120, 120, 120, "封", "exact")]),
    ("出口额达23亿卢布", [("23亿卢布", 2.3e9, 2.3e9, 2.3e9, "卢布", "exact")]),
    ("全书共约2.6万字", [("约2.6万字", 26000, 26000, 26000, "字", "approx")]),
    ("夜间气温降到零下10度左右", [("零下10度左右", -10, -10, -10, "度", "approx")]),
    # a minus sign before a temperature is its sign; after a figure it is a range's dash
    ("山区最低-7℃", [("-7℃", -7, -7, -7, "摄氏度", "exact")]),
    (
        "早晚气温在-2.5℃到4℃之间",
        [("-2.5℃", -2.5, -2.5, -2.5, "摄氏度", "exact"), ("4℃", 4, 4, 4, "摄氏度", "exact")],
    ),
    ("白天气温6-9度", [("6-9度", 6, 6, 9, "度", "exact")]),
]

# the same characters inside words of another meaning: no figure
WORDS = [
    ("二手车交易量回升", []),
    ("坚持两手抓、两手都要硬", []),
    ("掌握一手资料", []),
    ("影片收获10亿票房", [("10亿", 1e9, 1e9, 1e9, "个", "exact")]),
    ("一颗红心向着党", []),
    ("车辆驶过十字路口", []),
    ("小区实行3封闭管理", []),
    ("牢记12字方针", []),
    ("省里组建3集团军式的服务队", []),
    ("指数从5升至8", []),
    ("实施“0.1微克”行动", []),  # a short quoted name, though its number holds a decimal point
]


@pytest.mark.parametrize(("sentence", "expected"), PERIODS + AMOUNTS + UNITS + WORDS)
def test_news_figures(sentence: str, expected: list[tuple]) -> None:
    assert _spans(sentence) == [tuple(e) for e in expected]


def test_an_ordinal_list_needs_the_numeral_right_after_its_comma() -> None:
    """全国第四、突破1万公里: a bound word after the comma opens a figure of its own."""
    assert _spans("通车里程居全国第五、突破8000公里") == [
        ("突破8000公里", 8000, 8000, 8000, "公里", "at_least")
    ]


# made up: a digest's numbered headline glued to a year is a list number and a date, not N.YYYY years
LISTED_YEARS = [
    ("6.2026年“春风行动”启动；", []),
    ("7.2025年“村超”总决赛开赛；", []),
    ("12.2025年全市新增就业8.1万人；", [("8.1万人", 81000, 81000, 81000, "人", "exact")]),
    ("工程建设工期为2.5年", [("2.5年", 2.5, 2.5, 2.5, "年", "exact")]),
]


@pytest.mark.parametrize(("sentence", "expected"), LISTED_YEARS, ids=[s for s, _ in LISTED_YEARS])
def test_a_list_number_before_a_year_is_no_figure(sentence: str, expected: list[tuple]) -> None:
    assert _spans(sentence) == expected


# made up: a place whose name holds a numeral and a measure word is no count
PLACE_NAMES = [
    ("观众涌入五棵松体育馆", []),
    ("新疆五家渠市新增就业3200人", [("3200人", 3200, 3200, 3200, "人", "exact")]),
]


@pytest.mark.parametrize(("sentence", "expected"), PLACE_NAMES, ids=[s for s, _ in PLACE_NAMES])
def test_a_place_name_with_a_numeral_is_no_figure(sentence: str, expected: list[tuple]) -> None:
    assert _spans(sentence) == expected
