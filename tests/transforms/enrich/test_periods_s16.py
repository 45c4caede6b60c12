"""Session 16 (coordinator) year readings: a headline's start date without its 自 (…2027年起实施,
116年起实施) says when a measure begins, so the story's figures with no time of their own keep the
publication year and stay actual, as they do after a lead's 自…起."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS, periods_of

PAGES = [
    (
        "长者乘车优惠每程降至1元　2027年起实施\n\n"
        "（本报记者陈明 2026年11月20日）运输署今天表示，全港约有190万名长者。\n\n"
        "运输署说明，参与计划的专营巴士路线约700条。自2027年1月起每程车费将降至1元。\n"
    ),
    (
        "長者乘車優惠每程降至1元　116年起實施\n\n"
        "（中央社記者陳明台北2026年11月20日電）交通部今天表示，全國約有190萬名長者。\n\n"
        "交通部說明，參與計劃的公車路線約700條。自116年1月起每程車費將降至1元。\n"
    ),
]


@SCRIPTS
def test_a_headline_start_date_does_not_date_the_story(tmp_path: Path, script: int) -> None:
    got = periods_of(tmp_path, PAGES[script], name=("hk-fares.txt", "tw-fares.txt")[script])
    assert got["约700条"] == (2026, 2026, "actual")  # no time of its own: the page's year, as it stands
    assert got["190万名"] == (2026, 2026, "actual")
    assert got["1元"][:2] == (2027, 2027)  # the measure itself: from next year


def test_a_headline_year_that_is_no_start_still_dates_the_story(tmp_path: Path) -> None:
    page = "2025年全市新增就业岗位3.2万个\n\n本报讯（2026年1月5日）市人社局介绍，全市城镇登记失业人员约1.1万人。\n"
    got = periods_of(tmp_path, page, name="cn-jobs.txt")
    assert got["约1.1万人"][:2] == (2025, 2025)


def test_a_school_year_as_a_comparison_base_dates_only_its_base_value(tmp_path: Path) -> None:
    # 较114学年度的A下降B: the school year is the base's; the change is the page's school year's
    page = (
        "發布日期：115-10-30\n\n教育部今（30）日公布115學年度高中職新生報到率，全國高中職新生報到率為91.2%，"
        "較114學年度的92.0%下降0.8個百分點。其中，公立學校報到率為96.1%。\n"
    )
    got = periods_of(tmp_path, page, name="tw-enrol.txt")
    assert got["92.0%"][:2] == (2025, 2025)
    assert got["0.8个百分点"][:2] == (2026, 2026)
    assert got["96.1%"][:2] == (2026, 2026)


def test_a_mainland_school_year_base_reads_the_same(tmp_path: Path) -> None:
    page = "本报讯（2026年3月2日）今年全市中职学校招生4.1万人，较2024学年度的4.5万人减少0.4万人。\n"
    got = periods_of(tmp_path, page, name="cn-enrol.txt")
    assert got["4.5万人"][:2] == (2024, 2024)
    assert got["0.4万人"][:2] == (2026, 2026)


@SCRIPTS
def test_cantonese_this_is_the_running_period(tmp_path: Path, script: int) -> None:
    # 今个 (this) in Hong Kong and Macau usage: the paragraph's 去年 does not carry over it
    page = (
        "房屋署：公屋申请\n2026年11月10日\n\n去年全年共收到公屋申请3万2千宗。今个月截至昨日共收到申请2千1百宗。\n",
        "房屋署：公屋申請\n2026年11月10日\n\n去年全年共收到公屋申請3萬2千宗。今個月截至昨日共收到申請2千1百宗。\n",
    )[script]
    got = periods_of(tmp_path, page, name="hk-housing.txt")
    assert got["3万2千宗"][:2] == (2025, 2025)
    assert got["2千1百宗"][:2] == (2026, 2026)


def test_the_same_year_after_the_clause_agent_reads_the_sentence_before(tmp_path: Path) -> None:
    # 渔护署同年…: 同年 after a short agent, not only at the sentence's start
    page = (
        "立法会九题：渔业执法\n二〇二六年十一月十一日\n\n"
        "（一）渔护署在2024年共巡查渔船逾2,100次。渔护署同年就违规捕鱼提出检控86宗，罚款约31万元。\n"
    )
    got = periods_of(tmp_path, page, name="hk-fisheries.txt")
    assert got["逾2,100次"][:2] == (2024, 2024)
    assert got["86宗"][:2] == (2024, 2024)
    assert got["约31万元"][:2] == (2024, 2024)


def test_the_year_s_budget_is_an_estimate_a_project_s_cost_is_not(tmp_path: Path) -> None:
    # the budget of a year not yet over is planned; a project's approved cost stands as it is
    page = (
        "体育局：场馆维修\n2026年10月8日\n\n"
        "体育局表示，今年财政预算中体育场馆的维修开支为6,200万澳门元，其中1,800万元用于泳池翻新。"
        "截至9月底，场馆收入为3,100万澳门元，已达全年预算4,000万澳门元的77.5%。"
        "有关泳池的工程预算约2,600万元，已于今年获批。\n"
    )
    got = periods_of(tmp_path, page, name="mo-sports.txt")
    assert got["6,200万澳门元"][2] == "target"
    assert got["1,800万元"][2] == "target"  # a part of the budget line
    assert got["4,000万澳门元"][2] == "target"
    assert got["3,100万澳门元"][2] == "actual"
    assert got["约2,600万元"][2] == "actual"


@SCRIPTS
def test_a_dated_survey_dates_what_it_shows(tmp_path: Path, script: int) -> None:
    # the year of a survey that 显示 its findings dates the clauses after it
    page = (
        "本报讯（2026年3月2日）\n\n市统计局2025年底的抽样调查显示，居民满意度达91.6%，网购占比为4成2。"
        "数据显示，今年前两个月全市新增市场主体1.2万户。\n",
        "發布日期：115-03-02\n\n交通部114年底的旅客調查顯示，滿意度達91.6%，網購占4成2。"
        "資料顯示，今年前兩個月新增登記公司1.2萬家。\n",
    )[script]
    got = periods_of(tmp_path, page, name=("cn-survey.txt", "tw-survey.txt")[script])
    assert got["91.6%"][:2] == (2025, 2025)
    assert got["4成2"][:2] == (2025, 2025)
    assert got[("1.2万户", "1.2万家")[script]][:2] == (2026, 2026)
