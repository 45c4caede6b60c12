"""Fact fields by kind of error (session 11, helper topic): Hong Kong, Macau and Taiwan releases.

Every sentence is made up; each kind is read in Simplified and in Traditional characters, through
the whole parse (the Traditional text is normalised before the facts are read).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.parse import parse_batch


def _facts(tmp_path: Path, name: str, text: str) -> dict[str, dict]:
    """The facts of every figure of one made-up page, keyed by the figure's text."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    rows = parse_batch([str(page)]).metrics.to_dicts()
    return {r["text"]: r for r in rows}


# (page name, Simplified sentence, Traditional sentence, figure, topic)
TOPICS = [
    # help for problem gamblers is social welfare, not the gaming industry nor policing
    (
        "mo-a.txt",
        "社会工作局表示，上半年新登记的问题赌博个案共有95宗。",
        "社會工作局表示，上半年新登記的問題賭博個案共有95宗。",
        "95宗",
        "social_security",
    ),
    (
        "mo-b.txt",
        "今年首季自我隔离计划的申请有48宗。",
        "今年首季自我隔離計劃的申請有48宗。",
        "48宗",
        "social_security",
    ),
    # cases of a disease and the mosquito's breeding sites cleared are public health
    (
        "tw-a.txt",
        "卫生局说，本周新增本土病例17例。",
        "衛生局說，本週新增本土病例17例。",
        "17例",
        "health",
    ),
    (
        "tw-b.txt",
        "防疫人员上周清除积水容器3千多个。",
        "防疫人員上週清除積水容器3千多個。",
        "3千多个",
        "health",
    ),
    # vehicles on the road by class are transport
    (
        "mo-c.txt",
        "统计局资料显示，月底行驶车辆共20万4,100辆。",
        "統計局資料顯示，月底行駛車輛共20萬4,100輛。",
        "20万4,100辆",
        "transport",
    ),
    (
        "mo-d.txt",
        "当中电单车9万6千辆。",
        "當中電單車9萬6千輛。",
        "9万6千辆",
        "transport",
    ),
    # electric vehicles and their chargers are the clean-air policy
    (
        "hk-a.txt",
        "全港电动私家车数目升至约9万辆。",
        "全港電動私家車數目升至約9萬輛。",
        "约9万辆",
        "environment",
    ),
    (
        "hk-b.txt",
        "去年新增公共充电器约2,300个。",
        "去年新增公共充電器約2,300個。",
        "约2,300个",
        "environment",
    ),
]


@pytest.mark.parametrize("script", [1, 2], ids=["simplified", "traditional"])
@pytest.mark.parametrize("row", TOPICS, ids=[r[0] for r in TOPICS])
def test_release_vocabulary_topics(tmp_path: Path, row: tuple[str, str, str, str, str], script: int) -> None:
    facts = _facts(tmp_path, row[0], row[script])
    assert facts[row[3]]["topic"] == row[4]


def test_gaming_revenue_stays_the_economy(tmp_path: Path) -> None:
    # the industry itself (博彩) is not help for gamblers
    facts = _facts(tmp_path, "mo-e.txt", "上月博彩毛收入为210亿澳门元。")
    assert facts["210亿澳门元"]["topic"] == "economy"


# (page name, Simplified sentence, Traditional sentence, figure, topic): mainland reports
MAINLAND_TOPICS = [
    # long-term care insurance is social security, not medical care
    (
        "cn-b.txt",
        "全市长期护理保险参保人数达到520万人。",
        "全市長期護理保險參保人數達到520萬人。",
        "520万人",
        "social_security",
    ),
    # fire crews and their kit are emergencies
    (
        "cn-c.txt",
        "县里组建半专业扑火队14支。",
        "縣裡組建半專業撲火隊14支。",
        "14支",
        "public_safety",
    ),
    (
        "cn-d.txt",
        "各乡镇配发灭火机260台。",
        "各鄉鎮配發滅火機260台。",
        "260台",
        "public_safety",
    ),
    # freight across a border port is trade
    (
        "cn-e.txt",
        "口岸今年以来进出口货运量达到42万吨。",
        "口岸今年以來進出口貨運量達到42萬噸。",
        "42万吨",
        "economy",
    ),
]


@pytest.mark.parametrize("script", [1, 2], ids=["simplified", "traditional"])
@pytest.mark.parametrize("row", MAINLAND_TOPICS, ids=[r[0] for r in MAINLAND_TOPICS])
def test_mainland_report_topics(tmp_path: Path, row: tuple[str, str, str, str, str], script: int) -> None:
    facts = _facts(tmp_path, row[0], row[script])
    assert facts[row[3]]["topic"] == row[4]


def test_a_sector_of_a_gdp_breakdown_stays_the_economy(tmp_path: Path) -> None:
    # even the primary sector: a line of the breakdown of output, not a farm figure
    facts = _facts(tmp_path, "cn-f.txt", "分产业看，第一产业增加值85.2亿元，第二产业增加值310.4亿元。")
    assert facts["85.2亿元"]["topic"] == "economy" and facts["310.4亿元"]["topic"] == "economy"


# a page dating itself by the Republic of China's years alone, naming no division, is Taiwan's
ROC_DATED = (
    "文化部表示，114年底共有合作店家8,600家，115年将再增加900家。",
    "文化部表示，114年底共有合作店家8,600家，115年將再增加900家。",
)


@pytest.mark.parametrize("script", [0, 1], ids=["simplified", "traditional"])
def test_a_page_dated_in_roc_years_is_taiwans(tmp_path: Path, script: int) -> None:
    facts = _facts(tmp_path, "tw-c.txt", ROC_DATED[script])
    assert facts["8,600家"]["adcode"] == "710000" and facts["900家"]["adcode"] == "710000"


def test_a_three_digit_count_of_years_is_no_roc_date(tmp_path: Path) -> None:
    # 115年 is a span of years on a mainland page, not Taiwan's calendar: no region from it
    facts = _facts(tmp_path, "cn-g.txt", "这家老字号已经营115年，去年接待顾客3万人次。")
    assert facts["3万人次"]["adcode"] is None


# a district of a Taiwan or Hong Kong city named by compass points is the page's, not the mainland's
LOCAL_DISTRICTS = [
    (
        "tw-d.txt",
        "台南市政府表示，台南市社宅再添据点。位于东区的新建社宅首批280户下月开放申请。",
        "台南市政府表示，台南市社宅再添據點。位於東區的新建社宅首批280戶下月開放申請。",
        "280户",
        "710000",
    ),
    (
        "hk-c.txt",
        "香港特区政府表示，东区今年新增休憩用地3处。",
        "香港特區政府表示，東區今年新增休憩用地3處。",
        "3处",
        "810000",
    ),
]


@pytest.mark.parametrize("script", [1, 2], ids=["simplified", "traditional"])
@pytest.mark.parametrize("row", LOCAL_DISTRICTS, ids=[r[0] for r in LOCAL_DISTRICTS])
def test_a_compass_district_is_the_pages(
    tmp_path: Path, row: tuple[str, str, str, str, str], script: int
) -> None:
    facts = _facts(tmp_path, row[0], row[script])
    assert facts[row[3]]["adcode"] == row[4]


def test_a_compass_district_on_a_mainland_page_stays_mainland(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "cn-h.txt", "攀枝花市东区今年新建社区食堂12个。")
    assert facts["12个"]["adcode"] == "510402"


# a ROC deadline after a verb of planning (预计118年前…) is that year, not 118 years ago
ROC_DEADLINE = (
    "发布日期：115-03-12\n市府预计118年前累计提供社宅1万户。",
    "發布日期：115-03-12\n市府預計118年前累計提供社宅1萬戶。",
)


@pytest.mark.parametrize("script", [0, 1], ids=["simplified", "traditional"])
def test_a_planned_roc_deadline_is_its_year(tmp_path: Path, script: int) -> None:
    facts = _facts(tmp_path, "tw-e.txt", ROC_DEADLINE[script])
    got = facts["1万户"]
    assert (got["year_from"], got["year_to"], got["modality"]) == (2029, 2029, "target")


def test_an_age_in_years_is_no_roc_deadline(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "tw-f.txt", "發布日期：115-03-12\n這座廟宇約100年前興建，佔地300平方公尺。")
    assert facts["300平方公尺"]["year_from"] != 2011


# (page name, Simplified sentence, Traditional sentence, figure, modality)
MODALITIES = [
    # 会 + 把 / 预留 is the future in Hong Kong releases
    (
        "hk-d.txt",
        "政府会把合资格院校名单由120所扩大至约180所。",
        "政府會把合資格院校名單由120所擴大至約180所。",
        "约180所",
        "target",
    ),
    (
        "hk-e.txt",
        "政府会预留50亿元推行第三期资助计划。",
        "政府會預留50億元推行第三期資助計劃。",
        "50亿元",
        "target",
    ),
    # 在 + the place of the chain's next verb goes on with the plan before it
    (
        "hk-h.txt",
        "政府将于明年拨款约2亿元，在18个公共停车场增设充电器约900个。",
        "政府將於明年撥款約2億元，在18個公共停車場增設充電器約900個。",
        "约900个",
        "target",
    ),
    # ... and with a done chain as done
    (
        "hk-i.txt",
        "政府去年已拨款约2亿元，在18个公共停车场增设充电器约900个。",
        "政府去年已撥款約2億元，在18個公共停車場增設充電器約900個。",
        "约900个",
        "actual",
    ),
    # a budget's sum of spending is its estimate
    (
        "hk-g.txt",
        "2026-27年度的预算开支为3,200万元。",
        "2026-27年度的預算開支為3,200萬元。",
        "3,200万元",
        "target",
    ),
    # a scheme named as a noun before the applications it received: they came in
    (
        "mo-f.txt",
        "此外，长者陪诊计划的申请有215宗。",
        "此外，長者陪診計劃的申請有215宗。",
        "215宗",
        "actual",
    ),
    (
        "hk-f.txt",
        "过去一年，各项输入人才计划共收到约8万宗申请。",
        "過去一年，各項輸入人才計劃共收到約8萬宗申請。",
        "约8万宗",
        "actual",
    ),
]


@pytest.mark.parametrize("script", [1, 2], ids=["simplified", "traditional"])
@pytest.mark.parametrize("row", MODALITIES, ids=[r[0] for r in MODALITIES])
def test_release_modalities(tmp_path: Path, row: tuple[str, str, str, str, str], script: int) -> None:
    facts = _facts(tmp_path, row[0], row[script])
    assert facts[row[3]]["modality"] == row[4]
