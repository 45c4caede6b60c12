"""Subjects on Hong Kong, Macau and Taiwan pages (session 15): kinds of error read across the spent
HK/MO/TW halves, each with made-up sentences, simplified and traditional."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.metrics.grammar import find_metrics
from transforms.metrics.subjects import Span, facts_of
from transforms.parse import parse_batch


def subject(sentence: str, text: str) -> str | None:
    """The subject read for the figure ``text`` of a simplified ``sentence``."""
    metrics = find_metrics(sentence)
    found = facts_of(sentence, [Span(f.start, f.end, f.unit, f.kind) for f in metrics])
    return next(fact.subject for m, fact in zip(metrics, found, strict=True) if m.text == text)


def parsed(tmp_path: Path, text: str) -> dict[str, str | None]:
    """Figure text -> subject of a page through the whole parse (traditional is read as simplified)."""
    page = tmp_path / "hk-page.txt"
    page.write_text(text, encoding="utf-8")
    m = parse_batch([page]).metrics
    return dict(zip(m["text"], m["subject"], strict=True))


# --- a sum and what it is spent on: the sum does not count the thing bought or run ------------------


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("水务署将预留约2亿元更换老化水管。", "约2亿元"),
        ("体育局明年将再拨款约900万元推行长者健体计划。", "约900万元"),
        ("政府明年将再编列新台币15亿元推动社区营造计划。", "新台币15亿元"),
    ],
)
def test_a_sum_spent_on_a_thing_does_not_count_it(sentence: str, text: str) -> None:
    assert subject(sentence, text) is None


def test_a_fund_after_the_verb_is_the_sums_own_noun() -> None:
    assert subject("今年下达3000亿元增发国债资金。", "3000亿元") == "国债资金"
    assert subject("省里追加5亿元配套建设资金。", "5亿元") == "配套建设资金"


def test_a_sum_spent_on_a_thing_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "渠務署將預留約2億元更換老化水管，並下達50億元增發國債資金。\n")
    assert got["约2亿元"] is None
    assert got["50亿元"] == "国债资金"


# --- a verb that names a class of the noun after it is kept (the qualifier changes what is counted) ---


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("截至6月底，全市行驶车辆共12万辆。", "12万辆", "行驶车辆"),
        ("上月新登记车辆2,300辆。", "2,300辆", "新登记车辆"),
        ("海关共拘捕涉嫌人士85人。", "85人", "涉嫌人士"),
        ("另设有自助服务机40部。", "40部", "自助服务机"),
        ("其中加班工时6.5小时。", "6.5小时", "加班工时"),
    ],
)
def test_a_classing_verb_before_the_noun_is_kept(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_classing_verb_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "截至6月底，全市行駛車輛共12萬輛，上月新登記車輛2,300輛。\n")
    assert got["12万辆"] == "行驶车辆"
    assert got["2,300辆"] == "新登记车辆"


# --- a date's localiser and the causative 使 after it say by when and make, never what ---------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("力争明年年底前使光纤覆盖率达95%。", "95%", "光纤覆盖率"),
        ("目标在118年底前使公共充电桩增至8,000座。", "8,000座", "公共充电桩"),
        ("力争2029年底前垃圾回收率提升至60%。", "60%", "垃圾回收率"),
        ("将于117年起扩大自行车租借站至1,500处。", "1,500处", "自行车租借站"),
    ],
)
def test_a_dates_localiser_and_shi_are_no_part_of_the_subject(
    sentence: str, text: str, expected: str
) -> None:
    assert subject(sentence, text) == expected


def test_a_dates_localiser_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "環保署表示，力爭2029年底前垃圾回收率提升至60%。\n")
    assert got["60%"] == "垃圾回收率"


# --- a word of taking part or running after the counted noun is its predicate -----------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("共有12支龙舟队伍参赛。", "12支", "龙舟队伍"),
        ("今年共有8座焚化炉营运，另有3座在建。", "8座", "焚化炉"),
        # before an attribute it qualifies it
        ("已获得30个项目参赛资格。", "30个", "项目参赛资格"),
    ],
)
def test_taking_part_or_running_after_the_noun_is_its_predicate(
    sentence: str, text: str, expected: str
) -> None:
    assert subject(sentence, text) == expected


def test_taking_part_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "今年共有12支龍舟隊伍參賽。\n")["12支"] == "龙舟队伍"


# --- corner quotes (「」) read as curly ones, the subject given back as written -----------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("明年再增设600支「天眼」镜头。", "600支", "「天眼」镜头"),
        ("今年推出了5个「长者友善」计划。", "5个", "「长者友善」计划"),
        ("今年推出了5个“长者友善”计划。", "5个", "“长者友善”计划"),
    ],
)
def test_a_corner_quoted_name_after_a_count_is_read(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_corner_quoted_name_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "警方明年再增設600支「天眼」鏡頭。\n")["600支"] == "「天眼」镜头"


# --- a 与X有关/相关的 clause says which things are counted: part of the subject ---------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("今年收到与噪音有关的投诉300宗。", "300宗", "与噪音有关的投诉"),
        ("与毒品相关的案件则有420宗，下跌3.1%。", "420宗", "与毒品相关的案件"),
        ("与毒品相关的案件则有420宗，下跌3.1%。", "3.1%", "与毒品相关的案件"),
        ("海关共拘捕65名与走私有关的人士。", "65名", "与走私有关的人士"),
    ],
)
def test_a_relation_clause_before_the_noun_is_kept(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_relation_clause_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "與毒品相關的案件則有420宗，海關共拘捕65名與走私有關的人士。\n")
    assert got["420宗"] == "与毒品相关的案件"
    assert got["65名"] == "与走私有关的人士"


# --- births, marriages and campaign people named by a verb or a head the lexicons lacked ------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("今年首季累计出生2万3,100人。", "2万3,100人", "出生"),
        ("上月结婚8,450对。", "8,450对", "结婚"),
        ("明年将增聘约80名推广大使。", "约80名", "推广大使"),
    ],
)
def test_births_marriages_and_envoys_are_named(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_births_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "統計顯示，今年首季累計出生2萬3,100人。\n")["2万3,100人"] == "出生"


# --- a list of figures whose last names its noun after it: all count that noun, not the agent -------


def test_a_list_of_figures_before_one_noun_counts_it() -> None:
    sentence = "卫生署在2024年及2025年分别巡查约3千间、约3千5百间食肆。"
    assert subject(sentence, "约3千间") == "食肆"
    assert subject(sentence, "约3千5百间") == "食肆"
    sentence = "两个街道分别建成2所和3所托儿所。"
    assert subject(sentence, "2所") == "托儿所"


def test_a_count_of_the_items_after_a_list_is_no_noun_of_theirs() -> None:
    assert subject("出口规模连续跨过3万亿元、4万亿元两个台阶。", "3万亿元") == "出口规模"


def test_a_list_of_figures_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "衞生署在2024年及2025年分別巡查約3千間、約3千5百間食肆。\n")
    assert got["约3千间"] == "食肆"


# --- the SAR government before a public account says whose, as 全澳 does, never what -----------------


def test_the_sar_government_before_an_account_is_no_part_of_it() -> None:
    sentence = "今年首季特区政府公共财政收入为210亿澳门元，较去年同期增加3.5%。"
    assert subject(sentence, "210亿澳门元") == "公共财政收入"
    assert subject(sentence, "3.5%") == "公共财政收入"


def test_the_sar_government_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "今年首季特區政府公共財政收入為210億澳門元。\n")
    assert got["210亿澳门元"] == "公共财政收入"


# --- 为期/维持 N: how long the thing named before lasts -----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("翻新工程预计明年初展开，为期约8个月。", "约8个月", "翻新工程"),
        ("参加者每月可获3,000元的学习津贴，为期最长6个月。", "6个月", "学习津贴"),
        ("计划向雇主发放每月4,000元培训津贴，为期3至6个月。", "3至6个月", "培训津贴"),
    ],
)
def test_a_lasting_clause_times_the_thing_before(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_lasting_clause_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "翻新工程預計明年初展開，為期約8個月。\n")
    assert got["约8个月"] == "翻新工程"


# --- a governing verb right after 的 names the head noun (的|新增|劳动力), it opens no clause ----------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("失业人口为5,200人，其中首次求职的新增劳动力占7.5%。", "7.5%", "新增劳动力"),
        ("今年获批的建设项目用地面积增长两成。", "两成", "建设项目用地面积"),
    ],
)
def test_a_verb_after_de_is_part_of_the_head(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_verb_after_de_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "失業人口為5,200人，其中首次求職的新增勞動力佔7.5%。\n")
    assert got["7.5%"] == "新增劳动力"


# --- an inspection before a count of acts is what is counted (进行突击巡查|逾1万次) -------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("食环署共进行突击巡查逾8千次。", "逾8千次", "突击巡查"),
        ("全县累计开展森林防火巡查900余次。", "900余次", "森林防火巡查"),
    ],
)
def test_an_inspection_is_the_act_counted(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_an_inspection_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "食環署共進行突擊巡查逾8千次。\n")["逾8千次"] == "突击巡查"


# --- a verb before an extent word names what is measured (焚烧面积, 受害程度); 的士 is a noun ----------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("今年发生山火25宗，焚烧面积约60公顷。", "约60公顷", "焚烧面积"),
        ("台风造成农业损失5亿元，受害面积8,200公顷。", "8,200公顷", "受害面积"),
        ("稻米受害约3,000公顷，平均受害程度达3成。", "3成", "受害程度"),
        ("明年将新发200个的士牌照。", "200个", "的士牌照"),
    ],
)
def test_extent_terms_and_taxis(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_extent_terms_traditional(tmp_path: Path) -> None:
    got = parsed(tmp_path, "今年發生山火25宗，焚燒面積約60公頃，明年將新發200個的士牌照。\n")
    assert got["约60公顷"] == "焚烧面积"
    assert got["200个"] == "的士牌照"


# --- after 其中, a part named by its act keeps the verb (其中|滥收车资|412宗) -------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("今年共接获投诉900宗，其中滥收车资300宗。", "300宗", "滥收车资"),
        ("物价指数上升1.5%，其中外出用膳收费上升2.2%。", "2.2%", "外出用膳收费"),
    ],
)
def test_a_part_after_qizhong_keeps_its_act(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_part_after_qizhong_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "今年共接獲投訴900宗，其中濫收車資300宗。\n")["300宗"] == "滥收车资"


# --- a part of the year after the noun (a headline's 投诉首十月逾1,200宗) says when, never what --------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("小巴投诉首十月逾800宗", "逾800宗", "小巴投诉"),
        ("入境旅客人次首季增长8%", "8%", "入境旅客人次"),
        ("食物投诉前三季达1,500宗", "1,500宗", "食物投诉"),
    ],
)
def test_a_part_of_the_year_after_the_noun_is_no_part_of_it(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_part_of_the_year_after_the_noun_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "小巴投訴首十月逾800宗\n")["逾800宗"] == "小巴投诉"


# --- 协助 X 追讨 Y: the helped do the act, its object is what the sum counts --------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("劳工局今年已协助雇员追讨欠薪约900万澳门元。", "约900万澳门元", "欠薪"),
        ("去年协助移工追讨欠薪约6,000万元。", "约6,000万元", "欠薪"),
    ],
)
def test_a_pivot_verb_hands_the_act_to_the_helped(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_pivot_verb_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "去年協助移工追討欠薪約6,000萬元。\n")["约6,000万元"] == "欠薪"


# --- a start date before the bridge (自…起) says from when; 所需 is one word ------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("最低工资自明年1月起为每小时45元。", "45元", "最低工资"),
        ("基本工资自明年起调升至每月2万元。", "2万元", "基本工资"),
        ("受惠长者约3万人，所需经费每年约5亿元。", "约5亿元", "所需经费"),
    ],
)
def test_a_start_date_before_the_bridge_is_no_part_of_the_subject(
    sentence: str, text: str, expected: str
) -> None:
    assert subject(sentence, text) == expected


def test_a_start_date_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "最低工資自明年1月起為每小時45元。\n")["45元"] == "最低工资"


# --- a statistic alone after 的 is of the quantity before it (轮候时间的中位数) ----------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("普通科门诊轮候时间的中位数为12天。", "12天", "普通科门诊轮候时间的中位数"),
        ("公屋租金的平均数由去年的3,000元增至3,200元。", "3,200元", "公屋租金的平均数"),
    ],
)
def test_a_statistic_after_de_keeps_its_quantity(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_statistic_after_de_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "普通科門診輪候時間的中位數為12天。\n")["12天"] == "普通科门诊轮候时间的中位数"


# --- a surname and title after the people noun say which one, not what --------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("58岁的的士司机陈先生表示生意淡了。", "58岁", "的士司机"),
        ("45岁的退休教师李女士说。", "45岁", "退休教师"),
    ],
)
def test_a_name_after_a_people_noun_is_dropped(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_a_name_alone_or_after_no_people_stays() -> None:
    from transforms.metrics.subjects.names import _without_personal_name

    assert _without_personal_name("黄先生") == "黄先生"
    assert _without_personal_name("小巴司机黄先生") == "小巴司机"
    assert _without_personal_name("服务中心何太") == "服务中心何太"


def test_a_name_after_a_people_noun_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "58歲的的士司機陳先生表示生意淡了。\n")["58岁"] == "的士司机"


def test_new_cases_after_xinzeng_are_counted(tmp_path: Path) -> None:
    assert subject("今年上半年新增申请约800宗。", "约800宗") == "申请"
    assert parsed(tmp_path, "今年上半年新增申請約800宗。\n")["约800宗"] == "申请"


def test_the_kind_of_cases_received_stays(tmp_path: Path) -> None:
    assert subject("各地已受理救助申请2万件。", "2万件") == "救助申请"
    assert parsed(tmp_path, "各地已受理救助申請2萬件。\n")["2万件"] == "救助申请"


def test_living_alone_names_a_class_of_elders(tmp_path: Path) -> None:
    assert subject("受助长者中，独居长者占约三成。", "约三成") == "独居长者"
    assert parsed(tmp_path, "受助長者中，獨居長者佔約三成。\n")["约三成"] == "独居长者"


def test_places_of_a_respectively_list_own_the_head_after_de(tmp_path: Path) -> None:
    sentence = "沙田区及大埔区的单车径分别长约60公里及约40公里。"
    assert subject(sentence, "约60公里") == "单车径"
    assert subject(sentence, "约40公里") == "单车径"
    got = parsed(tmp_path, "沙田區及大埔區的單車徑分別長約60公里及約40公里。\n")
    assert got["约60公里"] == "单车径"


# --- a verb of taking up a benefit after a rate per person names nothing counted ---------------------


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("以月为单位申请者共5,000人，平均每人申请25日。", "25日"),
        ("平均每人使用800点。", "800点"),
    ],
)
def test_an_uptake_verb_after_a_rate_is_no_subject(sentence: str, text: str) -> None:
    assert subject(sentence, text) is None


def test_an_uptake_verb_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "平均每人使用800點。\n")["800点"] is None


# --- 在 and a one-character territory (在台, 在澳) say where, never what -----------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "expected"),
    [
        ("截至9月底，在台产业移工共20万人。", "20万人", "产业移工"),
        ("调查显示，旅客在澳人均消费为2,800元。", "2,800元", "人均消费"),
    ],
)
def test_zai_and_a_territory_are_no_part_of_the_subject(sentence: str, text: str, expected: str) -> None:
    assert subject(sentence, text) == expected


def test_zai_and_a_territory_traditional(tmp_path: Path) -> None:
    assert parsed(tmp_path, "調查顯示，旅客在澳人均消費為2,800元。\n")["2,800元"] == "人均消费"


def test_a_ranking_of_categories_counts_each_category(tmp_path: Path) -> None:
    assert subject("火警原因以电线短路520件最多。", "520件") == "电线短路"
    assert subject("总薪资以电力业13万元最高，金融业11万元次之。", "13万元") == "总薪资"
    assert parsed(tmp_path, "火警原因以電線短路520件最多。\n")["520件"] == "电线短路"
