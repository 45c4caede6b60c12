"""Facts of made-up Hong Kong, Macau and Taiwan pages in Traditional script, with no sidecar.

Nothing but the text says where such a page is from: its institutions (特區政府, 社會福利署,
行政院, 勞動部) or the division it names (澳門特別行政區) give the region, the region gives the
currency of a bare 元, and a Republic of China dateline (民國113年6月20日) gives the publication
year that 113年, 112年 and 今年 resolve against (fact-spec: region, years; metric-spec: regional
conventions). The pages are in ``regional/``; the real parse chain reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.enrich.regions import institution_region
from transforms.parse import parse_batch

HERE = Path(__file__).parent / "regional"
PAGES = sorted(HERE.glob("*.txt"))


@pytest.fixture(scope="module")
def facts() -> dict[tuple[str, str], dict]:
    rows = parse_batch([str(p) for p in PAGES]).metrics.to_dicts()
    return {(Path(r["path"]).stem, r["text"]): r for r in rows}


def test_the_pages_have_no_sidecar() -> None:
    assert len(PAGES) == 3
    assert not any(p.with_name(p.stem + ".meta.json").exists() for p in PAGES)


@pytest.mark.parametrize(
    ("page", "region", "adcode"),
    [
        ("hk_press_release", "香港特别行政区", "810000"),
        ("macau_notice", "澳门特别行政区", "820000"),
        ("taiwan_ministry", "台湾省", "710000"),
    ],
)
def test_every_metric_takes_the_region_its_page_points_to(
    facts: dict[tuple[str, str], dict], page: str, region: str, adcode: str
) -> None:
    mine = [r for (p, _), r in facts.items() if p == page]
    assert mine
    assert {(r["region"], r["adcode"]) for r in mine} == {(region, adcode)}


def test_a_bare_yuan_is_the_local_currency(facts: dict[tuple[str, str], dict]) -> None:
    assert facts[("hk_press_release", "6,000元")]["unit"] == "港元"
    assert facts[("hk_press_release", "约10亿元")]["unit"] == "港元"
    assert facts[("macau_notice", "约1.5亿元")]["unit"] == "澳门元"
    assert facts[("taiwan_ministry", "约12亿元")]["unit"] == "新台币"


@pytest.mark.parametrize(
    ("page", "span", "years", "modality"),
    [
        ("hk_press_release", "6,000元", (2031, 2031), "target"),  # 將向…發放, 每戶最高: its detail
        ("hk_press_release", "约18万户", (2031, 2031), "target"),  # 預計, dated by the dateline
        ("hk_press_release", "约10亿元", (2031, 2031), "target"),  # 涉及開支: a detail of the grant
        ("hk_press_release", "2.3万名", (2030, 2030), "actual"),  # 過去一年
        ("hk_press_release", "3间", (2031, 2031), "target"),  # 計劃於本年內
        ("hk_press_release", "600个", (2031, 2031), "target"),  # 目標
        ("macau_notice", "1,250宗", (2031, 2031), "actual"),  # 計劃 inside the scheme's quoted name
        ("macau_notice", "920万人次", (2031, 2031), "actual"),  # 今年首季
        ("macau_notice", "4,800个", (2030, 2030), "actual"),  # 去年
        ("macau_notice", "约3万人次", None, "target"),  # 預計
        ("taiwan_ministry", "8.6万人", (2024, 2024), "actual"),  # 113年1至5月
        ("taiwan_ministry", "约12亿元", (2024, 2024), "target"),  # 預計
        ("taiwan_ministry", "2万名", (2024, 2024), "target"),  # 目標
        ("taiwan_ministry", "7.2万人次", (2023, 2023), "actual"),  # 112年
        ("taiwan_ministry", "82%", (2023, 2023), "actual"),
    ],
)
def test_years_and_modality(
    facts: dict[tuple[str, str], dict], page: str, span: str, years: tuple[int, int] | None, modality: str
) -> None:
    r = facts[(page, span)]
    if years is not None:
        assert (r["year_from"], r["year_to"]) == years
    assert r["modality"] == modality


@pytest.mark.parametrize(
    ("page", "span", "topic"),
    [
        ("hk_press_release", "约18万户", "social_security"),  # 生活津貼
        ("hk_press_release", "2.3万名", "social_security"),  # 長者 care
        ("hk_press_release", "3间", "social_security"),  # 日間護理中心
        ("hk_press_release", "约34万名", "education"),
        ("macau_notice", "1,250宗", "economy"),  # loans to small firms
        ("macau_notice", "920万人次", "culture_tourism"),
        ("macau_notice", "4,800个", "social_security"),  # 經濟援助 to needy families
        ("macau_notice", "约3万人次", "transport"),  # 輕軌
        ("taiwan_ministry", "8.6万人", "employment"),
        ("taiwan_ministry", "7.2万人次", "employment"),  # 職業訓練
        ("taiwan_ministry", "1.1万处", "social_security"),  # 長照
    ],
)
def test_topics(facts: dict[tuple[str, str], dict], page: str, span: str, topic: str) -> None:
    assert facts[(page, span)]["topic"] == topic


def test_institutions_point_to_a_region_only_when_clear() -> None:
    assert institution_region("特区政府今日宣布，社会福利署将增加资助。") == "810000"
    assert institution_region("行政院核定计划，劳动部今日表示。") == "710000"
    # shared words alone (特区政府, 立法会) tie Hong Kong and Macau: no region
    assert institution_region("特区政府今日宣布，立法会已批准。") is None
    # a mainland department (劳动部门, 经济部门) and 民国 as a historical era are not Taiwan's
    assert institution_region("各级劳动部门和经济部门联合开展检查，民国时期的旧址得到修缮。") is None


def test_another_countrys_institutions_are_not_taiwans() -> None:
    # international news: a presidential office or a ministry in a sentence naming its country
    assert institution_region("国际快讯：智利总统府表示，内政部将加强边境管理。") is None
    text = "肯尼亚政府军宣布收复总统府。自去年冲突爆发以来，总统府一直由反对派控制。肯尼亚经济部称损失严重。"
    assert institution_region(text) is None
    # a Taiwan release that names another country elsewhere keeps its own institutions
    text = "行政院今日核定补助计划。劳动部表示，受美国关税影响的企业可申请。经济部将协助厂商。"
    assert institution_region(text) == "710000"


def test_institution_words_inside_other_words_are_not_institutions() -> None:
    # 全国小麦 / 全国小微 are not 国小; 万台电梯 / 台电动汽车 are not 台电; 俄总统府 is Russia's
    assert institution_region("全国小麦收获过半，全国小微企业贷款增长。") is None
    assert institution_region("今年支持2万台电梯更新，新增300台电动公交车。台电梯改造提速。") is None
    assert institution_region("俄总统府表示将继续谈判。据俄总统府消息，会谈下周举行。") is None
    # the words themselves still count
    assert institution_region("台电公司今日表示，今夏供电稳定。宜兰县国小学童午餐免费。") == "710000"


def test_a_digest_of_stories_from_several_provinces_is_not_hong_kongs_page() -> None:
    import polars as pl

    from transforms.enrich.regions import document_regions

    digest = (
        "本期节目主要内容：\n山东青岛港吞吐量创新高。\n四川成都新建托育机构120家。\n"
        "甘肃兰州新增绿化面积。\n特区政府今日公布施政报告，特区政府将拨款50亿港元。\n"
    )
    release = "特区政府今日宣布，与深圳合作推进口岸建设，特区政府拨款30亿港元，港元结算。\n"
    docs = pl.DataFrame({"sha256": ["digest", "release"], "text": [digest, release]})
    got = {r["sha256"]: r["adcode"] for r in document_regions(docs, None).iter_rows(named=True)}
    assert got["digest"] is None  # the Hong Kong story's place reaches its own figures only
    assert got["release"] == "810000"


def test_beijing_time_is_a_clock_not_beijing() -> None:
    import polars as pl

    from transforms.enrich.regions import document_regions

    text = "北京时间今天凌晨，在斯德哥尔摩举行的田径比赛中，选手以2米05夺冠。北京时间昨晚，另一场比赛结束。"
    docs = pl.DataFrame({"sha256": ["t"], "text": [text]})
    assert document_regions(docs, None)["adcode"].item() is None
    docs = pl.DataFrame({"sha256": ["b"], "text": ["北京今年新增托育机构120家。北京还将新建公园30个。"]})
    assert document_regions(docs, None)["adcode"].item() == "110000"
