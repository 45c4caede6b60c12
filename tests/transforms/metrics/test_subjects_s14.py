"""Subject rules of session 14: governing verbs the lexicon lacked, and kinds of cases counted in 宗.

Every sentence here is made up for the rule it pins down; none is taken from a test text. Each
kind has a Simplified sentence read by ``subject`` and a Traditional page read by ``parse_batch``
(which normalises the script first).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transforms.metrics.frames import subject
from transforms.parse import parse_batch


def _page_subjects(tmp_path: Path, text: str) -> dict[str, str | None]:
    page = tmp_path / "p.txt"
    page.write_text(text + "\n", encoding="utf-8")
    return dict(parse_batch([str(page)]).metrics.select("text", "subject").rows())


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a governing verb before the counted object is the measure, not part of what is counted
        ("区民政局去年共核发高龄津贴2.4万人。", "2.4万人", "高龄津贴"),
        ("该车队全年接载长者约12万人次。", "约12万人次", "长者"),
        ("执法人员当日检取过期食品约300公斤。", "约300公斤", "过期食品"),
        ("施工队本月铺设雨水管道2.6公里。", "2.6公里", "雨水管道"),
        ("街道今年更换破损井盖410个。", "410个", "破损井盖"),
        ("房屋署上季收到维修申请1,850宗。", "1,850宗", "维修申请"),
        ("警方上周接报盗窃案63宗。", "63宗", "盗窃案"),
        # a deictic time word (当时) says when, it is never part of what is counted
        ("当时低保对象约2,100人。", "约2,100人", "低保对象"),
    ],
)
def test_governing_verbs_and_time_words_leave_the_subject(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_governing_verbs_leave_the_subject_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path, "區民政局去年共核發高齡津貼2.4萬人，並更換破損井蓋410個。房屋署上季收到維修申請1,850宗。"
    )
    assert got["2.4万人"] == "高龄津贴"
    assert got["410个"] == "破损井盖"
    assert got["1,850宗"] == "维修申请"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # before a count of cases the act is a noun, and what qualifies it names the kind of case
        ("截至九月底，居屋一般申请约4万2千宗。", "约4万2千宗", "居屋一般申请"),
        ("当时一般申请约6万宗。", "约6万宗", "一般申请"),
        ("消防处全年接获救护召唤约45万宗。", "约45万宗", "救护召唤"),
        ("其中非紧急召唤逾3万宗。", "逾3万宗", "非紧急召唤"),
        # 属 (belongs to) is the clause's verb, not a word of the kind of case
        ("其中属紧急召唤的有41万宗。", "41万宗", "紧急召唤"),
        # a verb that grants or receives the cases stays out of them
        ("当局今年批出申请约600宗。", "约600宗", "申请"),
        # 救护员 is one noun (ambulanceman), not a verb and a bound character
        ("消防处今年招聘救护员118名。", "118名", "救护员"),
    ],
)
def test_kinds_of_cases_keep_their_modifier(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_kinds_of_cases_keep_their_modifier_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path, "消防處全年接獲救護召喚約45萬宗，其中屬緊急召喚的有41萬宗，非緊急召喚逾3萬宗。"
    )
    assert got["约45万宗"] == "救护召唤"
    assert got["41万宗"] == "紧急召唤"
    assert got["逾3万宗"] == "非紧急召唤"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 平均 before one noun names the mean of that quantity, the indicator itself
        ("上月全市新建住宅平均房价为每平方米9,800元。", "9,800元", "住宅平均房价"),
        ("去年全省平均降雨量为812毫米。", "812毫米", "平均降雨量"),
        ("受访家庭平均月租4,200元。", "4,200元", "家庭平均月租"),
        # before a verb 平均 is still the rate's adverb (平均|增长), not part of the name
        ("全县农民收入平均增长6.5%。", "6.5%", "农民收入"),
    ],
)
def test_the_mean_of_a_noun_keeps_its_average(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_the_mean_of_a_noun_keeps_its_average_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "去年全省平均降雨量為812毫米，受訪家庭平均月租4,200元。")
    assert got["812毫米"] == "平均降雨量"
    assert got["4,200元"] == "家庭平均月租"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 共有 (there are in all) governs the count; what follows the count says what it counts
        ("全区12个农贸市场共有摊档约2,400个。", "约2,400个", "摊档"),
        ("全区12个农贸市场共有摊档约2,400个。", "12个", "农贸市场"),
        # 营业 after a count of shops or hotels is their predicate (open for business)
        ("国庆期间共有320间餐厅营业。", "320间", "餐厅"),
        # the revenue terms stay whole
        ("全市规上服务业企业营业收入增长7.2%。", "7.2%", "规上服务业企业营业收入"),
    ],
)
def test_in_all_and_open_for_business_are_predicates(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_in_all_and_open_for_business_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "全區12個農貿市場共有攤檔約2,400個。國慶期間共有320間餐廳營業。")
    assert got["约2,400个"] == "摊档"
    assert got["320间"] == "餐厅"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a part named by divisions, even in a unit that may count places, holds the whole's thing
        ("全省新建乡镇卫生院34所，其中东湖区、西湖区分别建成5所和3所。", "5所", "乡镇卫生院"),
        ("全省新建乡镇卫生院34所，其中东湖区、西湖区分别建成5所和3所。", "3所", "乡镇卫生院"),
        # a kind of place after 其中 is still what is counted
        ("全县有行政村210个，其中贫困村46个。", "46个", "贫困村"),
        # a place's share of the figure before is a share of that figure's thing
        ("今年全省累计登革热病例420例，佛山占近4成。", "近4成", "登革热病例"),
        ("全省粮食产量1,200万吨，其中洛阳市占15%。", "15%", "粮食产量"),
    ],
)
def test_parts_named_by_places_take_the_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_parts_named_by_places_take_the_whole_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path,
        "全省新建鄉鎮衛生院34所，其中東湖區、西湖區分別建成5所和3所。今年累計登革熱病例420例，佛山佔近4成。",
    )
    assert got["5所"] == got["3所"] == "乡镇卫生院"
    assert got["近4成"] == "登革热病例"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # the base of a comparison followed by a verb of change measures what is compared
        ("今年居屋平均等候时间为3.1年，较去年的3.6年缩短。", "3.6年", "居屋平均等候时间"),
        ("留学生平均在读时间为2.5年，较五年前的2.1年延长。", "2.1年", "留学生平均在读时间"),
        # a duration before the act it times still names that act
        ("当地实行八年禁猎。", "八年", "禁猎"),
        # adverb + verb the dictionary holds as a personal name is the predicate after a count
        ("入境旅客逾50万人次，较去年同月的41万人次明显增加。", "41万人次", "入境旅客"),
    ],
)
def test_a_change_after_a_compared_base_is_its_predicate(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_change_after_a_compared_base_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path,
        "今年居屋平均等候時間為3.1年，較去年的3.6年縮短。入境旅客逾50萬人次，較去年同月的41萬人次明顯增加。",
    )
    assert got["3.6年"] == "居屋平均等候时间"
    assert got["41万人次"] == "入境旅客"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 长期 before a noun qualifies it (long-term care insurance), it does not end the phrase
        ("全市长期护理保险参保人数达到210万人。", "210万人", "长期护理保险参保人数"),
        ("央行此次释放长期资金约3000亿元。", "约3000亿元", "长期资金"),
        # 服务承诺 (a performance pledge) is one noun
        ("消防车在9分钟内到场的个案占93.1%，高于92.5%的服务承诺。", "92.5%", "服务承诺"),
    ],
)
def test_long_term_and_pledges_are_nouns(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_long_term_and_pledges_are_nouns_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path, "全市長期護理保險參保人數達到210萬人。消防車到場個案佔93.1%，高於92.5%的服務承諾。"
    )
    assert got["210万人"] == "长期护理保险参保人数"
    assert got["92.5%"] == "服务承诺"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # the people after a verb of benefiting are the ones counted, the verb is the measure
        ("新学年预计受惠学生约4,500人。", "约4,500人", "学生"),
        ("项目建成后受益农户约8,000户。", "约8,000户", "农户"),
        # a part of counted people right after 其中 is of the same people, in 名 or 人
        ("全区共有约9万名退休职工，其中6万人已领取补贴。", "6万人", "退休职工"),
        ("全区有困难家庭420户，其中150户已脱困。", "150户", "困难家庭"),
    ],
)
def test_served_people_and_parts_of_people(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_served_people_and_parts_of_people_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path, "新學年預計受惠學生約4,500人。全區共有約9萬名退休職工，其中6萬人已領取補貼。"
    )
    assert got["约4,500人"] == "学生"
    assert got["6万人"] == "退休职工"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a generic 单位 after a count, with a noun right before it: that noun names the units
        ("房署明年可落成资助房屋约2万1千个单位。", "约2万1千个", "资助房屋"),
        # with nothing named right before, or a list before, 单位 (organisations) stays
        ("市政府今年表彰了35个单位。", "35个", "单位"),
        ("市教育局、市卫健委、市民政局3个单位。", "3个", "单位"),
    ],
)
def test_generic_units_take_the_noun_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_generic_units_take_the_noun_before_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "房署明年可落成資助房屋約2萬1千個單位。")
    assert got["约2万1千个"] == "资助房屋"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 收托 (take into care) is one verb; cut 新|增收|托 it left a stray 托 before the places
        ("县府明年新增收托名额不少于300名。", "不少于300名", "收托名额"),
        # take-offs and landings are the movements a count of 架次 counts
        ("今年以来航班起降1万2千架次。", "1万2千架次", "航班起降"),
        ("该机场全年飞机升降8,500架次。", "8,500架次", "飞机升降"),
        # a governing verb before them still leaves the craft counted
        ("当日出动无人机巡查45架次。", "45架次", "无人机"),
    ],
)
def test_childcare_places_and_aircraft_movements(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_childcare_places_and_aircraft_movements_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "縣府明年新增收托名額不少於300名。全年航班起降1萬2千架次。")
    assert got["不少于300名"] == "收托名额"
    assert got["1万2千架次"] == "航班起降"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a part after 其中 named only by a category (…类) counts the whole's thing, and so do the
        # 、 items after it
        ("全年市民热线共接到来电12.6万件，其中咨询类5.2万件、投诉类3.1万件。", "5.2万件", "来电"),
        ("全年市民热线共接到来电12.6万件，其中咨询类5.2万件、投诉类3.1万件。", "3.1万件", "来电"),
        # a part of people named by an attribute they hold counts those people
        ("全县今年招录医生420名，其中硕士学历95名。", "95名", "医生"),
        # a part named by a kind of people keeps its own noun
        ("全县今年招录医生420名，其中女性210人。", "210人", "女性"),
    ],
)
def test_kinds_and_attributes_after_qizhong_take_the_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_kinds_and_attributes_after_qizhong_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path,
        "全縣今年招錄醫生420名，其中碩士學歷95名。全年市民熱線共接到來電12.6萬件，其中諮詢類5.2萬件。",
    )
    assert got["95名"] == "医生"
    assert got["5.2万件"] == "来电"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a verb before 类 names a category (停车类 requests), it is no governing verb to drop
        ("其中，取暖类投诉3,400件。", "3,400件", "取暖类投诉"),
        ("其中，维修类诉求1.1万件。", "1.1万件", "维修类诉求"),
    ],
)
def test_a_verb_before_lei_names_a_category(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_verb_before_lei_names_a_category_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "其中，維修類訴求1.1萬件。")
    assert got["1.1万件"] == "维修类诉求"


def test_pei_bei_governs_what_is_equipped(tmp_path: Path) -> None:
    # 配备 (equip with) governs its object; the people or things supplied are what is counted
    assert subject("每个站点配备调解员45名。", "45名") == "调解员"
    assert _page_subjects(tmp_path, "每個站點配備調解員45名。")["45名"] == "调解员"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 方面 after a count is what it counts; the noun or verb after it is not part of the subject
        ("明年要着力抓好以下七个方面工作。", "七个", "方面"),
        ("全区从四个方面协同推进。", "四个", "方面"),
        # a count before another noun still counts that noun
        ("明年要办好以下七件民生实事。", "七件", "民生实事"),
    ],
)
def test_aspects_are_what_a_count_of_fangmian_counts(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_aspects_in_traditional_script(tmp_path: Path) -> None:
    assert _page_subjects(tmp_path, "明年要著力抓好以下七個方面工作。")["七个"] == "方面"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 提出, 作出 and 编列 (Taiwan: budget for) govern what they put forward or set aside
        ("执法队今年就违规占道提出检控41宗。", "41宗", "检控"),
        ("该部门全年作出审查意见360件。", "360件", "审查意见"),
        ("县府明年将为长照服务编列经费约8亿元。", "约8亿元", "经费"),
    ],
)
def test_verbs_of_putting_forward_govern_their_object(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_verbs_of_putting_forward_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "執法隊今年就違規佔道提出檢控41宗。縣府明年將為長照服務編列經費約8億元。")
    assert got["41宗"] == "检控"
    assert got["约8亿元"] == "经费"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a size alone in its clause measures the subject of the clause before
        ("新体育馆将于明年五月启用，面积约8,600平方米。", "约8,600平方米", "新体育馆"),
        ("环湖公路预计于年底贯通，全长约12公里。", "约12公里", "环湖公路"),
        ("社区食堂由旧仓库改造而成，面积约180平方米。", "约180平方米", "社区食堂"),
        # a clause that opens with its verb carries its object
        ("街道今年建成口袋公园，面积约600平方米。", "约600平方米", "口袋公园"),
    ],
)
def test_a_size_measures_the_subject_of_the_clause_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_size_measures_the_subject_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path, "新體育館將於明年五月啟用，面積約8,600平方米。環湖公路預計於年底貫通，全長約12公里。"
    )
    assert got["约8,600平方米"] == "新体育馆"
    assert got["约12公里"] == "环湖公路"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 数目 (the number of) makes a term with the verb before it, as 数 and 率 do
        ("上月全港私家车新登记数目为3,200辆。", "3,200辆", "私家车新登记数目"),
        # 至今 (so far) says when; it names no manner of the act after it
        ("「长者易」App至今下载次数逾12万次。", "逾12万次", "下载次数"),
    ],
)
def test_number_of_terms_and_so_far(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_number_of_terms_and_so_far_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "上月全港私家車新登記數目為3,200輛。「長者易」App至今下載次數逾12萬次。")
    assert got["3,200辆"] == "私家车新登记数目"
    assert got["逾12万次"] == "下载次数"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a part after 其中 stated by a headless relative clause is of the whole
        ("上月入境旅客有180万人次，其中经高铁抵达的占四成。", "四成", "入境旅客"),
        # without 其中, the people opening the relative clause are the ones counted, and the change after
        ("本地居民经口岸出境旅游的有52万人次，按年增加8.1%。", "52万人次", "本地居民"),
        ("本地居民经口岸出境旅游的有52万人次，按年增加8.1%。", "8.1%", "本地居民"),
        # 属…的 (those that are …) names the kind, which stays
        ("全年接获投诉3,100宗，其中属噪音投诉的有900宗。", "900宗", "噪音投诉"),
        # a share of a base (占…的) is no headless relative
        ("全区耕地12万亩，其中水田占耕地的六成。", "六成", "水田"),
    ],
)
def test_headless_relatives_count_the_whole_or_its_people(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_headless_relatives_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path, "上月入境旅客有180萬人次，其中經高鐵抵達的佔四成。本地居民經口岸出境旅遊的有52萬人次。"
    )
    assert got["四成"] == "入境旅客"
    assert got["52万人次"] == "本地居民"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # figures after a part named by a place, which inherited that place, count the whole's thing
        ("全市累计流感病例560例，其中东湖区120例、西湖区95例，本周新增40例，增加约3成。", "40例", "流感病例"),
        (
            "全市累计流感病例560例，其中东湖区120例、西湖区95例，本周新增40例，增加约3成。",
            "约3成",
            "流感病例",
        ),
        # a kind of area the dictionary holds whole is no division's name
        ("全省安排安居工程50万套，其中棚户区改造30万套。", "30万套", "棚户区"),
    ],
)
def test_figures_after_a_place_part_count_the_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_figures_after_a_place_part_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "全市累計流感病例560例，其中東湖區120例、西湖區95例，本週新增40例。")
    assert got["40例"] == "流感病例"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 额 (an amount) makes a term with the verb before it, as 金额 does
        ("计划共批出申请约300宗，资助额约4亿元。", "约4亿元", "资助额"),
        ("全年新引进项目80个、合同引资额120亿元。", "120亿元", "引资额"),
        # 展演 (performances) is a noun in a list of shares
        ("其中用于购书的点数占4成，艺文展演3成，电影2成。", "3成", "艺文展演"),
    ],
)
def test_amounts_and_performances(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_amounts_and_performances_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(
        tmp_path, "計劃共批出申請約300宗，資助額約4億元。其中用於購書的點數佔4成，藝文展演3成。"
    )
    assert got["约4亿元"] == "资助额"
    assert got["3成"] == "艺文展演"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 新开 / 新开通 / 新开行 (newly open or run) govern what is opened, as 新建 does
        ("古镇今年新开咖啡馆42家。", "42家", "咖啡馆"),
        ("全市今年新开通定制公交线路16条。", "16条", "定制公交线路"),
        ("港口今年新开行集装箱航线9条。", "9条", "集装箱航线"),
        # a rate of the act keeps its verb
        ("问题整改率达到97%。", "97%", "问题整改率"),
    ],
)
def test_newly_open_governs_its_object(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_newly_open_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "全市今年新開通定制公交線路16條。")
    assert got["16条"] == "定制公交线路"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a verb before 人员 names the people who do it (参赛人员), a class of people
        ("本届赛事共有参赛人员近2,600人。", "近2,600人", "参赛人员"),
        ("景区今年以来共登记入园人员3.2万人次。", "3.2万人次", "入园人员"),
    ],
)
def test_a_verb_before_renyuan_names_the_people(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_verb_before_renyuan_in_traditional_script(tmp_path: Path) -> None:
    assert _page_subjects(tmp_path, "本屆賽事共有參賽人員近2,600人。")["近2,600人"] == "参赛人员"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 学前 (preschool) and 高价值 (high-value) qualify the indicator they open
        ("去年全市学前三年毛入园率为91.2%。", "91.2%", "学前三年毛入园率"),
        ("全省每万人口高价值发明专利拥有量达到8.4件。", "8.4件", "每万人口高价值发明专利拥有量"),
    ],
)
def test_distinguishing_words_open_the_indicator(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_distinguishing_words_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "全省每萬人口高價值發明專利擁有量達到8.4件。")
    assert got["8.4件"] == "每万人口高价值发明专利拥有量"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # scheme nouns of Hong Kong and Taiwan releases, and 预留 (reserve) as a governing verb
        ("医疗券按收入分为五个共付级别。", "五个", "共付级别"),
        ("完成课程的学员可获额外300元奖赏。", "300元", "奖赏"),
        ("当局已在6幅发展用地预留位置。", "6幅", "发展用地"),
    ],
)
def test_scheme_nouns_and_reserving(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_scheme_nouns_and_reserving_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "醫療券按收入分為五個共付級別。當局已在6幅發展用地預留位置。")
    assert got["五个"] == "共付级别"
    assert got["6幅"] == "发展用地"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a serving verb alone before a count of people names no people: the subject is null
        ("该中心预计每年服务3万人次。", "3万人次", None),
        ("全年培训12万人次。", "12万人次", None),
        # with the people named after it, they are counted
        ("该中心每年服务长者3万人次。", "3万人次", "长者"),
    ],
)
def test_a_serving_verb_alone_names_no_people(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


def test_a_serving_verb_alone_in_traditional_script(tmp_path: Path) -> None:
    got = _page_subjects(tmp_path, "該中心預計每年服務3萬人次。全年培訓12萬人次。")
    assert got["3万人次"] is None
    assert got["12万人次"] is None


def test_care_is_a_noun_inside_a_scheme_name(tmp_path: Path) -> None:
    # 照顾 (care) inside 社区照顾服务券 is part of the voucher's name, not a verb cutting it
    assert subject("当局明年把社区照顾服务券增至9,000张。", "9,000张") == "社区照顾服务券"
    assert _page_subjects(tmp_path, "當局明年把社區照顧服務券增至9,000張。")["9,000张"] == "社区照顾服务券"
