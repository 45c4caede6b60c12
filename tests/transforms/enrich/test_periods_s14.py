"""Session 14's year kinds (made-up pages, simplified and traditional): the span of the last few
years (近3年), counted back from a news story's own year, or from the year before a work report's."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS
from tests.transforms.enrich.pages import periods_of as _rows

NEWS = (
    "（本社记者台北2026年5月2日电）水利署说，近3年已完成联通管线52公里；再生水厂已有4座营运。",
    "（本社記者台北2026年5月2日電）水利署說，近3年已完成聯通管線52公里；再生水廠已有4座營運。",
)


@SCRIPTS
def test_the_last_three_years_of_a_news_story_end_in_its_year(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, NEWS[script], "tw-n.txt")
    assert got["52公里"][:2] == (2024, 2026)
    # what the text states after the ； stands now: the span dates only what was done in it
    assert got["4座"][:2] == (2026, 2026)


REPORT = """2026年某省政府工作报告

一、2025年工作回顾

{line}
"""
REVIEW = ("近三年，全省累计投入农田建设资金86亿元。", "近三年，全省累計投入農田建設資金86億元。")


@SCRIPTS
def test_the_last_three_years_of_a_work_report_are_those_it_reviews(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, REPORT.format(line=REVIEW[script]), "r.txt")
    assert got["86亿元"][:2] == (2023, 2025)


def test_a_record_over_the_last_years_and_a_description_are_no_span(tmp_path: Path) -> None:
    got = _rows(
        tmp_path,
        "（本报记者 2026年3月4日）全市城镇化率提高1.2个百分点，创近三年新高。近两年引进的企业达到45家。",
    )
    assert got["1.2个百分点"][:2] == (2026, 2026)
    assert got["45家"][:2] == (2026, 2026)


# 当时 (at that time) stands for the year named before it: it dates the clauses after it so
THEN = (
    "（本报讯）2026年5月6日，房屋局指出，上一期社屋于2023年开放申请，当时共收到8,400份申请，最终编配3,100个单位。",
    "（本報訊）2026年5月6日，房屋局指出，上一期社屋於2023年開放申請，當時共收到8,400份申請，最終編配3,100個單位。",
)


@SCRIPTS
def test_at_that_time_is_the_year_named_before_it(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, THEN[script], "mo-h.txt")
    assert got["8,400份"][:2] == (2023, 2023) and got["3,100个"][:2] == (2023, 2023)


# 本学年 is the school year running when the page was written (September to August), a base of
# comparison after 较/比 is no period of the figure
SCHOOL_JUNE = (
    "新闻公报\n\n二○二六年六月十日（星期三）\n\n本学年共有约830所幼稚园参加计划，较上年增加12所。",
    "新聞公報\n\n二○二六年六月十日（星期三）\n\n本學年共有約830所幼稚園參加計劃，較上年增加12所。",
)
SCHOOL_OCTOBER = (
    "新闻公报\n\n2026年10月8日\n\n本学年全港共有约2万名非本地学生，较本学年初增加约300名。",
    "新聞公報\n\n2026年10月8日\n\n本學年全港共有約2萬名非本地學生，較本學年初增加約300名。",
)


@SCRIPTS
def test_this_school_year_before_september_started_the_year_before(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, SCHOOL_JUNE[script], "hk-s.txt")
    assert got["约830所"][:2] == (2025, 2026)


@SCRIPTS
def test_this_school_year_from_september_starts_in_the_page_s_year(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, SCHOOL_OCTOBER[script], "hk-s.txt")
    assert got["约2万名"][:2] == (2026, 2027)


def test_this_school_year_as_a_base_is_no_period(tmp_path: Path) -> None:
    got = _rows(
        tmp_path,
        "新闻公报\n\n2026年6月8日\n\n教育局预计2026/27学年小一开班数目为约1,500班，较本学年减少约80班。",
        "hk-s.txt",
    )
    assert got["约80班"][:2] == (2026, 2027)


# the year an agent acted in (某署在2025年进行…) frames the clauses that go on with what it did,
# and a sentence opening on 同年 after them; a year dating a noun (在2019年创办的企业) frames nothing
ACTED = (
    "立法会二十题\n\n2026年3月4日（星期三）\n\n（二）卫生署在2025年进行食物抽检逾3万次，发出警告信420封，"
    "并提出检控160宗。同年，该署举办讲座95场。\n\n他在2019年创办的企业，现有员工300人。",
    "立法會二十題\n\n2026年3月4日（星期三）\n\n（二）衞生署在2025年進行食物抽檢逾3萬次，發出警告信420封，"
    "並提出檢控160宗。同年，該署舉辦講座95場。\n\n他在2019年創辦的企業，現有員工300人。",
)


@SCRIPTS
def test_the_year_an_agent_acted_in_frames_what_it_did(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, ACTED[script], "hk-l.txt")
    assert [got[t][:2] for t in ("逾3万次", "420封", "160宗", "95场")] == [(2025, 2025)] * 4
    assert got["300人"][:2] == (2026, 2026)


# a pair's start 由目前的A dates A only: B is the year the plan before it names
NOW_TO_NEXT = (
    "（本报讯）2026年5月6日，局方表示，明年将把自助服务点由目前的40个增至65个。",
    "（本報訊）2026年5月6日，局方表示，明年將把自助服務點由目前的40個增至65個。",
)


@SCRIPTS
def test_a_pair_from_now_ends_in_the_year_the_plan_names(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, NOW_TO_NEXT[script], "mo-d.txt")
    assert got["40个"] == (2026, 2026, "actual") and got["65个"] == (2027, 2027, "target")


# an office named for planning in a page's source line (来源：规划计划处) plans nothing
SOURCE_LINE = (
    "某某水利厅\n\n前三季度全区水利建设完成投资超200亿元\n\n发布时间：2026-10-20 16:35　　来源：规划计划处"
    "　　【字号：大 中 小】　　分享到：\n\n今年以来，前三季度全区水利建设完成投资215.4亿元，同比增长7.6%。",
    "某某水利廳\n\n前三季度全區水利建設完成投資超200億元\n\n發佈時間：2026-10-20 16:35　　來源：規劃計劃處"
    "　　【字號：大 中 小】　　分享到：\n\n今年以來，前三季度全區水利建設完成投資215.4億元，同比增長7.6%。",
)


@SCRIPTS
def test_a_planning_office_in_the_source_line_plans_nothing(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, SOURCE_LINE[script], "cn-w.txt")
    assert got["215.4亿元"] == (2026, 2026, "actual") and got["7.6%"] == (2026, 2026, "actual")


# an estimate of a quantity named before it (…销售额估计为A) is the figure as it is reckoned to
# stand, and so is the share stated of it; a forecast names what it foresees after 估计
ESTIMATES = (
    "新闻公报\n\n2026年11月2日\n\n网上销售额估计为25亿元，占零售业总销货价值的9.8%。"
    "旅游局表示，上半年旅客消费金额估计约180亿元。统计处估计全年出生数为11万人。",
    "新聞公報\n\n2026年11月2日\n\n網上銷售額估計為25億元，佔零售業總銷貨價值的9.8%。"
    "旅遊局表示，上半年旅客消費金額估計約180億元。統計處估計全年出生數為11萬人。",
)


@SCRIPTS
def test_an_estimate_of_a_stated_quantity_is_actual(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, ESTIMATES[script], "hk-r.txt")
    assert [got[t][2] for t in ("25亿元", "9.8%", "约180亿元")] == ["actual"] * 3
    assert got["11万人"][2] == "target"


# Taiwan's 推估 projects a trend (a forecast whose scope runs on); a spending programme's name
# (投资与发展开支计划) plans nothing
PROJECTION = (
    "（中央社记者王小明台北2026年11月5日电）内政部分析，若以目前趋势推估，全年结婚对数约11万对，将再创新低。",
    "（中央社記者王小明臺北2026年11月5日電）內政部分析，若以目前趨勢推估，全年結婚對數約11萬對，將再創新低。",
)
PROGRAMME = (
    "（本报讯）2026年11月6日，财政局公布，首十个月其中投资与发展开支计划支出86.2亿元，按年增加一成。",
    "（本報訊）2026年11月6日，財政局公布，首十個月其中投資與發展開支計劃支出86.2億元，按年增加一成。",
)


@SCRIPTS
def test_a_projection_of_a_trend_is_a_forecast(tmp_path: Path, script: int) -> None:
    assert _rows(tmp_path, PROJECTION[script], "tw-b.txt")["约11万对"] == (2026, 2026, "target")


@SCRIPTS
def test_a_spending_programme_s_name_plans_nothing(tmp_path: Path, script: int) -> None:
    assert _rows(tmp_path, PROGRAMME[script], "mo-f.txt")["86.2亿元"] == (2026, 2026, "actual")


# a ministry's 统计/分析/说明 is a source clause: the year opening the next clause frames the paragraph
SOURCE_VERBS = (
    "劳动部新闻稿\n\n发布日期：115-09-02\n\n劳动部统计，114年核发津贴金额达150亿元，平均每人每月领取约2万元。"
    "以日为单位申请者共9,800人，平均每人申请15日。",
    "勞動部新聞稿\n\n發布日期：115-09-02\n\n勞動部統計，114年核發津貼金額達150億元，平均每人每月領取約2萬元。"
    "以日為單位申請者共9,800人，平均每人申請15日。",
)


@SCRIPTS
def test_a_ministry_s_statistics_clause_is_a_source(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, SOURCE_VERBS[script], "tw-m.txt")
    assert [got[t][:2] for t in ("150亿元", "9,800人", "15日")] == [(2025, 2025)] * 3


# a lead announcing how a scheme was used in a year (公布…2025年的使用情况) states the story's
# period; a standing entitlement (每名长者每月可获…) still holds at the page's date
USAGE = (
    "新闻公报\n\n长者乘车优惠计划去年使用量上升\n\n政府发言人今日（六月十八日）公布长者乘车优惠计划2025年的使用情况。"
    "\n\n2025年，全港共有约98万名合资格长者使用优惠。\n\n按交通工具划分，港铁占车程的52.1%，巴士占30.4%。"
    "\n\n每名合资格长者每月可获500元乘车额，累积上限为1,500元。\n\n完\n2026年6月18日（星期四）",
    "新聞公報\n\n長者乘車優惠計劃去年使用量上升\n\n政府發言人今日（六月十八日）公布長者乘車優惠計劃2025年的使用情況。"
    "\n\n2025年，全港共有約98萬名合資格長者使用優惠。\n\n按交通工具劃分，港鐵佔車程的52.1%，巴士佔30.4%。"
    "\n\n每名合資格長者每月可獲500元乘車額，累積上限為1,500元。\n\n完\n2026年6月18日（星期四）",
)


@SCRIPTS
def test_a_lead_announcing_a_year_s_usage_frames_the_story(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, USAGE[script], "hk-v.txt")
    assert got["52.1%"][:2] == (2025, 2025) and got["30.4%"][:2] == (2025, 2025)
    assert got["500元"][:2] == (2026, 2026) and got["1,500元"][:2] == (2026, 2026)


# a sentence opening with 其中 states a part of the figure before it: that figure's period
PART_SENTENCE = (
    "（本报讯）2025年3月2日\n\n据统计，截至2024年底，全省体育场地2.1万个，较上年增长6.2%。\n\n"
    "其中，足球场地860个，篮球场地4300个。",
    "（本報訊）2025年3月2日\n\n據統計，截至2024年底，全省體育場地2.1萬個，較上年增長6.2%。\n\n"
    "其中，足球場地860個，籃球場地4300個。",
)


@SCRIPTS
def test_a_part_sentence_takes_the_period_of_the_figure_before_it(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, PART_SENTENCE[script], "cn-s.txt")
    assert got["860个"][:2] == (2024, 2024) and got["4300个"][:2] == (2024, 2024)


# the year a facility named by a longer subject is planned for (…新卫生中心将于明年投入服务) frames
# the clauses describing it: planned, that year
PLANNED_FACILITY = (
    "（本报讯）2026年5月6日，卫生局又表示，位于黑沙环的新卫生中心将于明年第二季投入服务，面积约1,800平方米，设有诊室12间。",
    "（本報訊）2026年5月6日，衞生局又表示，位於黑沙環的新衞生中心將於明年第二季投入服務，面積約1,800平方米，設有診室12間。",
)


@SCRIPTS
def test_a_facility_planned_for_next_year_is_described_as_planned(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, PLANNED_FACILITY[script], "mo-h.txt")
    assert got["约1,800平方米"] == (2027, 2027, "target") and got["12间"] == (2027, 2027, "target")


# 至今 (up to now) dates a count as it stands, whatever year the story's lead reports on; 截至今天
# is no 至今: the start 自2020年…以来 still spans the count
UP_TO_NOW = (
    "新闻公报\n\n保安局今日公布2025年骗案统计数字。\n\n2025年共录得骗案4万宗。\n\n「防诈App」至今下载次数逾52万次。"
    "截至今天（3月4日），某工程自2020年投产以来累计发电量突破90亿度。\n\n完\n2026年3月4日（星期三）",
    "新聞公報\n\n保安局今日公布2025年騙案統計數字。\n\n2025年共錄得騙案4萬宗。\n\n「防詐App」至今下載次數逾52萬次。"
    "截至今天（3月4日），某工程自2020年投產以來累計發電量突破90億度。\n\n完\n2026年3月4日（星期三）",
)


@SCRIPTS
def test_up_to_now_is_the_page_s_year(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, UP_TO_NOW[script], "hk-a.txt")
    assert got["4万宗"][:2] == (2025, 2025) and got["逾52万次"][:2] == (2026, 2026)
    assert got["突破90亿度"][:2] == (2020, 2026)


def test_a_season_written_with_both_full_years_is_a_range() -> None:
    # 2026/2027年度 like 2026/27年度: the season or fiscal year runs over both years; and a scheme
    # named as the subject of what it has done (…计划自十月起展开) plans nothing
    from transforms.enrich.timewords import scan

    assert [(e.first, e.last) for e in scan("2025/2026年度流感疫苗接种计划")] == [(2025, 2026)]
    assert [(e.first, e.last) for e in scan("2025/2026学年")] == [(2025, 2026)]


def test_up_to_now_after_a_start_closes_its_span() -> None:
    # 自民国105年起…，至今已完工: 至今 ends the span the start opened; alone it is the page's now
    from transforms.enrich.timewords import scan

    assert [e.kind for e in scan("市府自民国105年起推动社会住宅，至今已完工13处", roc=True)] == ["since"]
    assert [e.kind for e in scan("「防诈App」至今下载次数逾52万次")] == ["this"]
