"""Hong Kong, Macau and Taiwan pages without a sidecar: the page's own words decide its region, its
years (二○二五年, ROC 114年) and its plans (将投放, 未来三年). Pages are made up, in Traditional."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from transforms.enrich.regions import institution_region
from transforms.enrich.regions.divisions import _gazetteer
from transforms.enrich.timewords import scan
from transforms.parse import parse_batch

HK = """勞動人口統計

統計處今日（十月二日）公布，二○二四年六月至八月經季節性調整的失業率為3.1%。總就業人數為3 512 600人。

勞工及福利局表示，政府會在未來三年撥款十五億元推行培訓計劃，預計惠及約兩萬名僱員。
"""
TW = """勞動部今（5）日表示，112年度補助在職訓練共1,280家事業單位，受益勞工達9萬人次。

依主計總處統計，113年3月失業率為3.42%。明（114）年度將投放新臺幣3億元辦理職訓。

113年全國新生兒為13萬5千人，較112年減少1萬2千人。
"""
TW_NEWS = """（記者台北電）內政部今天公布，113年全國結婚對數為12萬4千對。
"""
HK_BUDGET = """財政司司長今日在立法會發表2025至26年度財政預算案，預計2025/26年度綜合赤字為600億元。

政府將向每名合資格長者發放3,000元，並將編列10億元推行安老服務。
"""
MO = """統計暨普查局公布，二〇二四年第二季入境旅客共812萬人次，旅客總消費為140億澳門元。
"""


def _parse(tmp_path: Path, pages: dict[str, str]) -> pl.DataFrame:
    paths = []
    for name, text in pages.items():
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    m = parse_batch(paths).metrics
    return m.with_columns(pl.col("path").str.extract(r"(\w+)\.txt$").alias("page"))


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    pages = {"hk": HK, "tw": TW, "mo": MO, "twnews": TW_NEWS, "hkbudget": HK_BUDGET}
    return _parse(tmp_path_factory.mktemp("regional"), pages)


def _row(m: pl.DataFrame, page: str, text: str) -> dict:
    rows = m.filter((pl.col("page") == page) & (pl.col("text") == text)).to_dicts()
    assert len(rows) == 1, (page, text, m.filter(pl.col("page") == page)["text"].to_list())
    return rows[0]


def test_a_page_naming_no_place_takes_the_region_of_its_institutions(metrics: pl.DataFrame) -> None:
    assert {(p, a) for p, a in metrics.select("page", "adcode").unique().iter_rows()} == {
        ("hk", "810000"),
        ("tw", "710000"),
        ("mo", "820000"),
        ("twnews", "710000"),
        ("hkbudget", "810000"),
    }


def test_institutions_decide_only_without_a_tie() -> None:
    assert institution_region("劳工及福利局与政府统计处今日公布") == "810000"
    assert institution_region("行政院会议通过，主计总处公布") == "710000"
    assert institution_region("行政院与医管局") is None  # one each: no region
    assert institution_region("市统计局今日公布") is None
    # Taiwan's agencies and words of its own (a health-agency release often names nothing else)
    assert institution_region("疾管署今天表示，全台共有合约院所提供接种") == "710000"
    assert institution_region("气象署发布海上警报，台电表示") == "710000"
    # Hong Kong's bureaus and departments, Macau's 司 and 局, Taiwan's councils
    assert institution_region("立法会会议上议员的提问和保安局局长的书面答复") == "810000"
    assert institution_region("食环署与康文署联合公布") == "810000"
    assert institution_region("交通事务局与市政署今日表示") == "820000"
    assert institution_region("陆委会今天表示，健保署将配合") == "710000"
    # not a piece of a mainland phrase: 全国中小学 holds no 国中 (Taiwan's junior high schools)
    assert institution_region("全国中小学和跨国中小企业") is None


def test_places_below_a_region_code_name_the_region() -> None:
    _, aliases, _ = _gazetteer()
    assert aliases["铜锣湾"][0] == ("810000",)
    assert aliases["氹仔"][0] == ("820000",)
    assert aliases["九龙县"][0] == ("513324",)  # the Sichuan county keeps its name
    assert aliases["台北市"][0] == ("710000",)


def test_space_grouped_thousands_are_one_metric(metrics: pl.DataFrame) -> None:
    row = _row(metrics, "hk", "3512600人")
    assert row["value"] == 3512600


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("二○二四年六月至八月的失业率为3.1%", 2024),
        ("二〇二六年将投放约2亿元", 2026),
        ("一九九七年回归", 1997),
        ("113年3月失业率为3.42%", 2024),
        ("112年度补助在职训练", 2023),
        ("明（114）年度将投放", 2025),
        ("民国100年", 2011),
    ],
)
def test_chinese_digit_and_republic_years(sentence: str, year: int) -> None:
    years = [(e.first, e.last) for e in scan(sentence) if e.kind == "year"]
    assert years == [(year, year)]


@pytest.mark.parametrize("sentence", ["建党100年来", "拥有120年历史", "第110年", "约130年前"])
def test_a_bare_hundred_years_is_no_republic_year(sentence: str) -> None:
    assert not [e for e in scan(sentence) if e.kind == "year"]


def test_regional_years_and_plans(metrics: pl.DataFrame) -> None:
    assert _row(metrics, "tw", "1,280家")["year_from"] == 2023
    assert _row(metrics, "tw", "3.42%")["year_from"] == 2024
    plan = _row(metrics, "tw", "新台币3亿元")
    assert (plan["year_from"], plan["modality"], plan["unit"]) == (2025, "target", "新台币")
    assert _row(metrics, "hk", "十五亿元")["modality"] == "target"  # 在未来三年拨款
    assert _row(metrics, "mo", "812万人次")["year_from"] == 2024


def test_regional_words_give_topics(metrics: pl.DataFrame) -> None:
    assert _row(metrics, "tw", "1,280家")["topic"] == "employment"  # 在职训练
    assert _row(metrics, "mo", "812万人次")["topic"] == "culture_tourism"  # 入境旅客


def test_a_taiwan_page_reads_bare_republic_years(metrics: pl.DataFrame) -> None:
    assert (
        _row(metrics, "twnews", "12万4千对")["year_from"] == 2024
    )  # 113年 on a page with 行政院-style names
    assert _row(metrics, "tw", "13万5千人")["year_from"] == 2024
    # 较112年: a base of comparison, not the metric's year
    assert _row(metrics, "tw", "1万2千人")["year_from"] == 2024


@pytest.mark.parametrize("sentence", ["较112年减少", "比二○二三年增长"])
def test_a_regional_base_year_is_no_year(sentence: str) -> None:
    assert scan(sentence, roc=True) == ()


def test_a_fiscal_year_spans_two_years(metrics: pl.DataFrame) -> None:
    row = _row(metrics, "hkbudget", "600亿元")
    assert (row["year_from"], row["year_to"], row["modality"]) == (2025, 2026, "target")
    assert [(e.first, e.last) for e in scan("2024-25年度")] == [(2024, 2025)]


def test_plans_with_a_preposition_or_a_budget_verb(metrics: pl.DataFrame) -> None:
    assert _row(metrics, "hkbudget", "3,000元")["modality"] == "target"  # 将向每名长者发放
    assert _row(metrics, "hkbudget", "10亿元")["modality"] == "target"  # 将编列


def test_the_legislature_is_no_topic(metrics: pl.DataFrame) -> None:
    assert _row(metrics, "hkbudget", "600亿元")["topic"] != "public_safety"  # 立法会 is not 立法


def test_regional_housing_words_survive_the_script_conversion(tmp_path: Path) -> None:
    m = _parse(tmp_path, {"flats": "香港特別行政區政府表示，約有22萬人居於劏房。\n"})
    assert _row(m, "flats", "22万人")["topic"] == "housing"  # t2s writes 劏房 as 㓥房
