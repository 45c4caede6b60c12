"""What a metric counts (subject) and what happened to it (measure), read from the words of its clause.

Every sentence here is made up for the rule it pins down; none is taken from the gold.
"""

from __future__ import annotations

import pytest

from transforms.metrics.grammar import find_metrics
from transforms.metrics.subjects import Fact, Span, facts_of, subject_of


def facts(sentence: str) -> dict[str, Fact]:
    """The facts of a sentence's metrics, keyed by the metric's text (the sentences repeat none)."""
    metrics = find_metrics(sentence)
    found = facts_of(sentence, [Span(f.start, f.end, f.unit, f.kind) for f in metrics])
    return {f.text: fact for f, fact in zip(metrics, found, strict=True)}


CASES = [
    # the noun before the metric, after the verb that governs it
    ("今年共走访独居老人320户，发放慰问金4.8万元。", "320户", "独居老人"),
    ("今年共走访独居老人320户，发放慰问金4.8万元。", "4.8万元", "慰问金"),
    # the noun after the metric; a verb after it is not part of it
    ("新建5座公共厕所，改造农村户厕1300座。", "5座", "公共厕所"),
    ("新建5座公共厕所，改造农村户厕1300座。", "1300座", "农村户厕"),
    ("组织80名志愿者清扫街道。", "80名", "志愿者"),
    ("建设12个应急避难场所和3个物资储备库。", "12个", "应急避难场所"),
    ("建设12个应急避难场所和3个物资储备库。", "3个", "物资储备库"),
    # a list: each metric has its own noun, one character is enough for a list item
    ("种植油菜1200亩、玉米900亩。", "900亩", "玉米"),
    ("栽种花椒300亩、梨120亩。", "300亩", "花椒"),
    ("栽种花椒300亩、梨120亩。", "120亩", "梨"),
    # a verb that names the thing stays; events are counted by their verb
    ("全区新增城镇就业岗位1.2万个。", "1.2万个", "城镇就业岗位"),
    ("开展入户走访120次。", "120次", "入户走访"),
    # 时长 and 时限 name an act's duration, as 时间: the act heads them, at a clause's start too
    ("热线平均等待时长20秒。", "20秒", "热线平均等待时长"),
    ("办理时限压缩65%。", "65%", "办理时限"),
    # once a verb governs the phrase, a verb opening it is a modifier
    ("实施帮扶项目35个。", "35个", "帮扶项目"),
    # a rate per unit: 每 + unit is passed over
    ("每户补助标准为1500元。", "1500元", "补助标准"),
    # a verb made a noun by 的; a group of people measured by its size
    ("经过近3个月的施工，道路通车。", "近3个月", "施工"),
    ("组建了60余人的应急抢险队。", "60余人", "应急抢险队"),
    # bridge words are cut off by their characters (jieba would glue 比 to 达)
    ("全市绿色建筑占比达41.5%。", "41.5%", "绿色建筑占比"),
    ("空气优良天数比率控制在90%以上。", "90%以上", "空气优良天数比率"),
    # a verb after the noun that follows the metric ends it
    ("7个乡镇获评省级卫生乡镇。", "7个", "乡镇"),
    # a noun with 的 owns what follows: the metric counts the owner; a modifier clause with 的 does not
    ("首批4个社区的养老助餐点已投入运行。", "4个", "社区"),
    ("对12个应立行立改的问题立即整改。", "12个", "应立行立改的问题"),
    # two governing verbs in a row
    ("建设筹集人才公寓2600套。", "2600套", "人才公寓"),
]


# The cases this module was first written for (the spec's examples and two seed sentences).
EARLIER = [
    ("收集群众困难诉求5880件，其中已办结4899件", "5880件", "群众困难诉求"),
    ("发展金银花800亩、桃650亩", "800亩", "金银花"),
    ("在28件市区民生实事基础上", "28件", "市区民生实事"),
    ("全省17个市州市市通高铁，9座长江大桥同时在建", "9座", "长江大桥"),
    ("实施老旧小区改造2932个，涉及居民", "2932个", "老旧小区"),
]


@pytest.mark.parametrize(("sentence", "span", "subject"), CASES + EARLIER)
def test_subject(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_single_metric_helper_reads_the_same_rules() -> None:
    sentence = "改造农村户厕1300座。"
    start = sentence.index("1300座")
    assert subject_of(sentence, start, start + len("1300座"), "座") == "农村户厕"


def test_a_long_name_cut_by_the_window_loses_its_broken_end() -> None:
    sentence = "新建3个区域性农产品冷链物流集散分拨配送服务中心项目及配套设施。"
    assert facts(sentence)["3个"].subject == "区域性农产品冷链物流集散分拨配送服务中心"  # not …中心项


def test_no_subject_when_nothing_is_named() -> None:
    assert facts("增长5%。")["5%"].subject is None


def test_people_reached_by_a_project_are_not_the_project() -> None:
    assert facts("建成惠及4200人的饮水工程。")["4200人"].subject is None


def test_a_rate_takes_the_indicator_of_the_total_before_it() -> None:
    found = facts("全县粮食总产量达到12.6万吨，增长2.1%。")
    assert found["2.1%"].subject == found["12.6万吨"].subject
    assert "粮食总产量" in (found["2.1%"].subject or "")
    assert found["2.1%"].measure == "增长"


def test_a_comparison_with_a_place_keeps_the_indicator() -> None:
    assert facts("出口额增长8%、高于全省2.3个百分点。")["2.3个百分点"].subject == "出口额"


def test_parts_stated_by_their_state_take_the_whole() -> None:
    found = facts("计划改造供水管网40公里，目前已完工25公里、在建15公里。")
    assert [found[t].subject for t in ("40公里", "25公里", "15公里")] == ["供水管网"] * 3


def test_two_units_of_one_subject() -> None:
    found = facts("帮扶困难家庭56户183人。")
    assert found["56户"].subject == found["183人"].subject == "困难家庭"


def test_respectively_gives_each_metric_its_conjunct() -> None:
    # a subject is a phrase of the sentence (REPORTS-DECISIONS: min the own conjunct, max the whole
    # list): 小麦单产 is written nowhere, so the items before the last are their conjuncts
    found = facts("小麦、玉米、油菜单产分别提高3.2%、4.5%、1.8%。")
    assert found["3.2%"].subject == "小麦"
    assert found["4.5%"].subject == "玉米"
    assert found["1.8%"].subject == "油菜单产"


def test_a_total_after_a_list_takes_the_listed_noun() -> None:
    assert facts("召开院坝会、恳谈会，共计86场。")["86场"].subject == "恳谈会"


def test_dimensions_take_the_thing_named_after_them() -> None:
    found = facts("修建一条长1.2公里、宽6米的产业路。")
    assert found["1.2公里"].subject == found["6米"].subject == "产业路"


@pytest.mark.parametrize(
    ("sentence", "span", "measure"),
    [
        ("今年共走访独居老人320户。", "320户", "走访"),
        ("新建5座公共厕所。", "5座", "新建"),
        ("全县粮食总产量达到12.6万吨。", "12.6万吨", "达到"),
    ],
)
def test_measure_is_the_verb(sentence: str, span: str, measure: str) -> None:
    assert facts(sentence)[span].measure == measure


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a date's 年 left when its digits are a number of their own does not open the subject
        ("2023年全县粮食总产量45万吨。", "45万吨", "粮食总产量"),
        ("2022年度餐饮营业额增长6.4%。", "6.4%", "餐饮营业额"),
        ("完成年度投资380亿元。", "380亿元", "年度投资"),
        # a stop word the dictionary tags a noun heads the phrase after a modifier (总|花费)
        ("全市旅游总花费增长9.7%。", "9.7%", "旅游总花费"),
        # reduction verbs govern the metric, they are not part of what is counted
        ("涉企检查事项精简两成。", "两成", "涉企检查事项"),
        ("低效工业用地压降120宗。", "120宗", "低效工业用地"),
    ],
)
def test_second_pass_boundaries(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_respectively_splits_items_joined_by_a_conjunction() -> None:
    found = facts("城镇和农村居民人均消费支出分别增长4.1%和6.2%。")
    # 城镇 alone is a qualifier, not a thing: the first figure takes the list up to its head (the gold's
    # 城镇、农村居民人均可支配收入分别… rows: min 居民人均可支配收入, max the whole list)
    assert found["4.1%"].subject == "城镇和农村居民人均消费支出"
    assert found["6.2%"].subject == "农村居民人均消费支出"


def test_respectively_last_item_after_a_conjunction_keeps_its_head() -> None:
    found = facts("钢铁、水泥和平板玻璃产量分别下降3.1%、4.2%和5.5%。")
    assert found["3.1%"].subject == "钢铁"
    assert found["4.2%"].subject == "水泥"
    assert found["5.5%"].subject == "平板玻璃产量"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # an adverb such as 首次 between the noun and a metric that opens with its bridge verb
        ("其中城镇居民人均消费支出首次突破3万元。", "突破3万元", "城镇居民人均消费支出"),
        ("全省粮食播种面积首次突破9000万亩。", "突破9000万亩", "粮食播种面积"),
    ],
)
def test_adverb_before_a_bridged_metric(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_level_word_item_takes_the_head_of_the_next_item() -> None:
    found = facts("新建5个市级、12个县级应急物资储备库。")
    assert found["5个"].subject == "应急物资储备库"
    assert found["12个"].subject == "县级应急物资储备库"


def test_respectively_item_keeps_a_noun_tagged_stop_as_its_head() -> None:
    found = facts("过夜游客人次、过夜游客总花费分别增长6.1%、8.3%。")
    assert found["8.3%"].subject == "过夜游客总花费"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # the predicate after the noun that follows a metric is not part of it
        ("推进6个县级物流中心建设。", "6个", "县级物流中心"),
        ("8条城市快速路加快建设。", "8条", "城市快速路"),
        ("3家省级重点实验室重组入列。", "3家", "省级重点实验室"),
        ("支持20个省级园区集约集聚发展。", "20个", "省级园区"),
        ("5.2万脱贫群众稳定消除返贫风险。", "5.2万", "脱贫群众"),
        # a verb that makes a name with the project noun after it stays
        ("实施8个城中村改造项目。", "8个", "城中村改造项目"),
        # the verb of a clause with its own subject starts the counted phrase
        ("向社会资本推介重点项目120个。", "120个", "重点项目"),
        ("全县500名干部包抓联农户1.2万户。", "1.2万户", "农户"),
        ("提请市人大常委会审议地方性法规6件。", "6件", "地方性法规"),
        # ... unless a governing verb makes the whole its object
        ("投入财政衔接资金5亿元。", "5亿元", "财政衔接资金"),
        # a verb before one attribute word makes a term with it
        ("全市研发投入强度达3.1%。", "3.1%", "研发投入强度"),
        ("农村生活污水集中收集率达到55%。", "55%", "农村生活污水集中收集率"),
        # a one-character adverb before a stripped bound verb goes with it
        ("社会资本占比不低于30%。", "不低于30%", "社会资本占比"),
        # words the dictionary lacks or mistags (word_tags.csv)
        ("改造县乡公路差等路300公里。", "300公里", "县乡公路差等路"),
        ("上线“一网通办”事项35项。", "35项", "“一网通办”事项"),
        ("让18万偏远山区群众喝上放心水。", "18万", "偏远山区群众"),
        # the start point of a change: the subject stands before 由/从
        ("学生午餐补助由每生每天4元提高至6元。", "4元", "学生午餐补助"),
        ("全县森林覆盖率从2015年的41.2%提高到46%。", "41.2%", "森林覆盖率"),
        # a grade metric between a count and its noun
        ("新建3个220千伏变电站。", "3个", "变电站"),
        # a grade with 以上 belongs to the people or things after it
        ("接待12批次省级以上考察团。", "12批次", "省级以上考察团"),
    ],
)
def test_phrase_boundaries_by_part_of_speech(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_time_word_is_never_the_subject() -> None:
    found = facts("力争6月建成示范场景30个、年底达到50个。")
    assert found["30个"].subject == "示范场景"
    assert found["50个"].subject == "示范场景"


def test_a_share_clause_takes_the_subject_of_its_rate() -> None:
    found = facts("无人机产量增长25%、占全国3成。")
    assert found["3成"].subject == "无人机产量"


def test_a_level_word_item_with_no_subject_takes_the_next_head() -> None:
    found = facts("建成6个国家级、9个省级临床重点专科。")
    assert found["6个"].subject == "临床重点专科"
    assert found["9个"].subject == "省级临床重点专科"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # the items before the last are their conjuncts: the shared head is written once, after the
        # last (a subject is a phrase of the sentence; topics still read the head, see test_topics)
        ("新能源汽车、集成电路、工业机器人产量分别增长30.1%、9.2%、21.5%。", "30.1%", "新能源汽车"),
        ("新能源汽车、集成电路、工业机器人产量分别增长30.1%、9.2%、21.5%。", "9.2%", "集成电路"),
        ("新能源汽车、集成电路、工业机器人产量分别增长30.1%、9.2%、21.5%。", "21.5%", "工业机器人产量"),
        ("限上智能手机、节能家电零售额分别增长11.2%、25.4%。", "11.2%", "限上智能手机"),
        ("第一、第二产业增加值分别增长3.1%、6.4%。", "3.1%", "第一"),
        ("盗窃、诈骗案件分别下降12.5%、20.1%。", "12.5%", "盗窃"),
        # 城镇 alone is a qualifier: the list up to its head (the gold's 城镇、农村…分别 rows)
        ("城镇和农村居民人均可支配收入分别增长4.9%和6.8%。", "4.9%", "城镇和农村居民人均可支配收入"),
        ("工业投资、民间投资分别增长8.2%、3.4%。", "8.2%", "工业投资"),
    ],
)
def test_respectively_items_take_the_shared_head(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_level_word_cut_in_two_still_gives_the_head() -> None:
    found = facts("建成3个国家级、5个自治区级临床医学中心。")
    assert found["3个"].subject == "临床医学中心"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a range's upper end counts what its lower end counts
        ("全县生产总值增长6%-6.5%。", "6.5%", "生产总值"),
        # 各 after a list: the metric counts each listed thing
        ("新建市级孵化器、众创空间、星创天地各15家。", "15家", "市级孵化器、众创空间、星创天地"),
        # the verb of the clause with its preposition is not the noun after a metric
        ("新增课程40%以上服务于本地产业。", "40%以上", "课程"),
        # an adverb the dictionary lacks before the predicate (word_tags.csv)
        ("3座抽水蓄能电站全容量并网发电。", "3座", "抽水蓄能电站"),
    ],
)
def test_ranges_each_lists_and_predicates(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a coordinated verb the dictionary lacks (电访) with its object left out takes the earlier one's
        ("入户走访群众1200户、电访800户。", "800户", "群众"),
        # 即 after a metric says what it is
        ("每天90分钟即体育锻炼、30分钟为阅读。", "90分钟", "体育锻炼"),
        # a verb glued to a stop (交流学习) still modifies the noun after it
        ("到各村交流学习心得体会，共计30余次。", "30余次", "学习心得体会"),
    ],
)
def test_coordinated_verbs_copulas_and_glued_stops(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a streak (连续N年) is about the noun before 连续, or the metric before it in the sentence
        ("工业投资增速连续6个季度居全省前列。", "6个", "工业投资"),
        ("外贸进出口增长8%，连续五年居全国前十。", "五年", "外贸进出口"),
        # a frame names nothing
        ("在此基础上接续奋斗五年。", "五年", None),
        # a date between a change's verb and its end point: the subject of the start point carries on
        ("森林覆盖率从2020年的40.1%提高到2025年的42.3%。", "42.3%", "森林覆盖率"),
        # a coordinated verb (并网) with its object left out takes the earlier metric's subject
        ("新增光伏装机1200万千瓦、并网800万千瓦。", "800万千瓦", "光伏装机"),
    ],
)
def test_streaks_frames_and_end_points(sentence: str, span: str, subject: str | None) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a 分别 clause with no items of its own refers back to the metrics before it
        ("接待游客2.1亿人次，旅游收入超900亿元，分别增长12.5%和9.8%。", "12.5%", "游客"),
        ("接待游客2.1亿人次，旅游收入超900亿元，分别增长12.5%和9.8%。", "9.8%", "旅游收入"),
        # an attribute word alone measures what the metric before it counts
        # an attribute alone in its clause stays as written (a subject is a phrase of the sentence:
        # 清洁能源装机占比 is written nowhere), unless it stands right after the thing
        ("清洁能源装机达到6500万千瓦，占比由45%提升至51%。", "45%", "占比"),
        ("清洁能源装机达到6500万千瓦，占比由45%提升至51%。", "51%", "占比"),
        # a grade suffix after a metric (3000吨|级) belongs to what follows
        ("开工建设2000吨级航道工程。", "2000吨", "航道工程"),
        # 投入 right before a metric names the investment; governing verbs new to the lexicon
        ("全社会研发投入增长9%以上。", "9%以上", "全社会研发投入"),
        ("整治城市背街小巷80条。", "80条", "城市背街小巷"),
        # a threshold's 台阶 is no counted thing; 设定为 is a bridge
        ("全县生产总值迈上500亿元新台阶。", "500亿元", "生产总值"),
        ("经济增长目标设定为5.5%左右。", "5.5%左右", "经济增长目标"),
        # a streak opening its clause names its subject after the metric, unless a negation follows
        ("连续三次安全生产考核获评优秀。", "三次", "安全生产考核"),
        ("事故起数下降12%，连续40个月未发生重大事故。", "40个月", None),
        # a predicate verb the dictionary files as a noun (落地)
        ("推进15项改革事项落地实施。", "15项", "改革事项"),
    ],
)
def test_back_references_attributes_and_thresholds(sentence: str, span: str, subject: str | None) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # dictionary fixes: 和美乡村 is a name, 殡葬 and 提案 nouns
        ("新增和美乡村150个。", "150个", "和美乡村"),
        ("办理省政协提案320件。", "320件", "省政协提案"),
        # a start point with a modifier between 由 and the metric; the end point after a bridge alone
        ("殡葬服务费由平均3000元下降到1200元。", "1200元", "殡葬服务费"),
        # level words in a 分别 list share the head after them
        ("省级、市级创新平台分别达到30家、120家。", "120家", "市级创新平台"),
        # a stop that heads its phrase after a modifier, with the metric right after it
        ("游客旅游总花费5200亿元。", "5200亿元", "游客旅游总花费"),
        # a verb and one attribute word make a term
        ("事故起数、死亡人数分别下降10.2%和15.4%。", "15.4%", "死亡人数"),
        # a grade with 及以上 before the thing it grades is a condition (no metric of its own) and
        # part of the counted thing's name, not a number ending it
        ("110千伏及以上变电站新增35座。", "35座", "110千伏及以上变电站"),
        ("全区60岁以上老人达2800人。", "2800人", "60岁以上老人"),
        ("70周岁或以上长者约9万人。", "约9万人", "70周岁或以上长者"),
        # a count with 以上 is a metric of its own and still ends the phrase
        ("建成12座以上泵站和5个水厂，投资8亿元。", "8亿元", "投资"),
    ],
)
def test_dictionary_fixes_levels_and_terms(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # people counted with no noun: the adverb and verb after them are the predicate
        ("3.2万户、10.5万人稳定消除返贫风险。", "10.5万人", None),
        # governing verbs new to the lexicon
        ("更新改造老旧燃气管网260公里。", "260公里", "老旧燃气管网"),
        ("投运地下储气库2座。", "2座", "地下储气库"),
    ],
)
def test_predicates_after_people_and_more_governing_verbs(
    sentence: str, span: str, subject: str | None
) -> None:
    assert facts(sentence)[span].subject == subject


def test_the_bounded_clause_walk_agrees_with_the_full_walk() -> None:
    from transforms.metrics.subjects.spans import _CLAUSE_STOP, _MAX_BEFORE, _clause_start

    def full(sentence: str, start: int, floor: int) -> int:
        i = start
        while i > floor and sentence[i - 1] not in _CLAUSE_STOP:
            i -= 1
        return max(i, start - _MAX_BEFORE)

    sentence = (
        "全县新建改造农村公路和城乡供水管网以及配套设施共计一百二十公里，其中新建道路三十公里、管网九十公里"
    )
    for floor in (0, 5, 31, 40):
        for start in range(len(sentence) + 1):
            assert _clause_start(sentence, start, floor) == full(sentence, start, floor)


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # verbs of setting up or creating before the counted noun are no part of it
        ("全市新设科技型企业1200家。", "1200家", "科技型企业"),
        ("新创建省级示范园区6个。", "6个", "省级示范园区"),
        ("新改扩建普惠性幼儿园45所。", "45所", "普惠性幼儿园"),
        ("新设5所本科院校。", "5所", "本科院校"),
        # a period word and the verb after it open the clause; the noun is what is counted
        ("三年开采铁矿石2亿吨。", "2亿吨", "铁矿石"),
        ("今年净增市场主体8万户。", "8万户", "市场主体"),
        # a modifier that only looks like a time word stays (老年, 年 of 年投资)
        ("建成老年助餐点300个。", "300个", "老年助餐点"),
        # the target word after a metric is not what it counts
        ("完成新增光伏装机150万千瓦目标。", "150万千瓦", "光伏装机"),
    ],
)
def test_leading_verbs_period_words_and_targets(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a name the dictionary lacks, cut into single characters: a dimension word inside it is no stop
        ("贵阳长江国际会展中心年度展会面积120万平方米。", "120万平方米", "贵阳长江国际会展中心年度展会面积"),
        # 在 + a place + a verb before the noun says where the thing is, not what it is
        ("在沪就业高校毕业生1.5万人。", "1.5万人", "高校毕业生"),
        # a one-character abbreviation after 和 opens the next name, which the phrase would cut in two
        ("开工建设4座中型水库和黔中调水工程。", "4座", "中型水库"),
    ],
)
def test_names_are_not_cut_in_the_middle(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # 占 right before a share is the measure, not part of the subject
        ("其中小微企业占85.6%。", "85.6%", "小微企业"),
        # verbs the dictionary has as nouns or idioms end the noun read after a metric
        ("4个创新成果亮相国际博览会。", "4个", "创新成果"),
        ("120个示范项目全面铺开。", "120个", "示范项目"),
    ],
)
def test_shares_and_predicates_after_the_noun(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_latin_name_with_decimals_keeps_them() -> None:
    # PM2|.|5: the digits after the point belong to the name, they are no number of their own
    assert facts("全区PM2.5浓度同比下降6.2%。")["6.2%"].subject == "PM2.5浓度"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # words the dictionary lacks, cut into a verb and single characters (保障|房, 赋|能)
        ("交付各类保障房2.4万套。", "2.4万套", "保障房"),
        ("建成棚改安置房3000套。", "3000套", "棚改安置房"),
        ("新建充电桩1.2万台。", "1.2万台", "充电桩"),
        ("引进品牌旗舰店25家。", "25家", "品牌旗舰店"),
        ("建成青年创新赋能中心8个。", "8个", "青年创新赋能中心"),
        ("推动6个省级物流园区提质升级。", "6个", "省级物流园区"),
    ],
)
def test_words_the_dictionary_lacks_are_cut_whole(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a bridge character that ends a longer verb (接|近, 升|至 after the noun) takes the verb whole
        ("全县森林覆盖率接近65%。", "65%", "森林覆盖率"),
        ("城区人均公园绿地面积升至15平方米。", "15平方米", "城区人均公园绿地面积"),
        # 支出|下降 is no verb cut in two
        ("市级行政经费支出下降6%。", "6%", "市级行政经费支出"),
    ],
)
def test_a_bridge_never_splits_the_verb_it_ends(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # predicates after the noun read after a metric: an idiom of manner + verb, a conjunction before
        # a verb, a verb whose object is a place word, a manner word and its verbal noun
        ("12项惠民工程如期完成。", "12项", "惠民工程"),
        ("30台风电机组高速运转。", "30台", "风电机组"),
        ("3项考核指标不及预期。", "3项", "考核指标"),
        ("5个县城集中供热普及率进入全省前列。", "5个", "县城集中供热普及率"),
        ("平台帮助2万家小微企业高效融资。", "2万家", "小微企业"),
        # names keep their idioms, and conjunctions between names
        ("新增2所高等学校。", "2所", "高等学校"),
        ("实施10个攻关项目和示范工程。", "10个", "攻关项目和示范工程"),
        ("覆盖60个国家或地区。", "60个", "国家或地区"),
    ],
)
def test_a_predicate_after_the_noun_ends_it(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # 全面 and a reduplicated measure word (件件) after the noun are adverbs opening the predicate
        ("8个产业园区全面投产。", "8个", "产业园区"),
        ("确保12件民生实事件件落地。", "12件", "民生实事"),
        # inside quotes an adverb is part of the name
        ("启动20个“两年全面提升”工程。", "20个", "“两年全面提升”工程"),
    ],
)
def test_adverbs_after_the_noun_open_the_predicate(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a verb after a sum or share says what it goes to: the subject is named before it ...
        ("安排专项资金3亿元支持县域商业项目建设。", "3亿元", "专项资金"),
        ("新增财力70%以上用于教育领域。", "70%以上", "财力"),
        # ... and when nothing is named before, the programme the money goes to is not what the
        # sum counts (session 15: the spent gold leaves these null)
        ("投入9亿元实施乡村道路安全工程。", "9亿元", None),
        ("投入6亿元实施校园提质、课堂提效“双提”行动。", "6亿元", None),
    ],
)
def test_a_sum_and_what_it_goes_to(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_chain_of_verbs_after_a_sum_names_no_programme() -> None:
    assert facts("统筹5亿元支持巩固提升乡村产业振兴。")["5亿元"].subject is None


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a verb the dictionary lacks comes out as one-character verbs: three or more open the clause's
        # verb, two before a phrase of several words too
        ("立改废市政府规章9件。", "9件", "市政府规章"),
        ("按时办复市政协委员提案300件。", "300件", "市政协委员提案"),
        # two before a single noun make a compound noun, and so do they opening a list item
        ("全市通办事项120项。", "120项", "通办事项"),
    ],
)
def test_one_character_verbs_opening_the_phrase(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_respectively_items_with_their_own_measures_share_no_head() -> None:
    # 游客人数 names its own measure, so the items are not bare conjuncts of one shared head
    found = facts("接待游客人数、旅游收入、过夜游客销售额分别增长3%、5%、7%。")
    assert found["5%"].subject == "旅游收入"
    assert found["3%"].subject == "游客人数"


def test_an_adverb_and_verb_qualifying_the_people_counted_stay_in_their_name() -> None:
    found = facts("帮扶3000名失业未就业青年实现就业。")
    assert found["3000名"].subject == "失业未就业青年"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # an adverb before an act and its attribute word names the indicator (直接|结算率): the phrase
        # goes on to the thing before it
        ("全省门诊费用直接结算率达到88%。", "88%", "门诊费用直接结算率"),
        ("群众投诉一次性化解率达95%。", "95%", "群众投诉一次性化解率"),
        ("民营企业直接融资规模突破80亿元。", "突破80亿元", "民营企业直接融资规模"),
    ],
)
def test_an_adverb_inside_the_name_of_a_rate(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_rate_of_the_act_before_measures_the_same_thing() -> None:
    # 办结 governs the count before, so 办结率 is that of the same requests; it stays as written
    # (群众来信诉求办结率 is no phrase of the sentence)
    found = facts("全年办结群众来信诉求1.2万件，办结率达98%。")
    assert found["98%"].subject == "办结率"
    # a measure of its own before (人数) takes no rate of another act
    assert facts("新增参保人数12万人，参保率达95%。")["95%"].subject == "参保率"


def test_a_deictic_place_word_is_never_the_subject() -> None:
    assert facts("如今，当地已新增了30多家。")["30多家"].subject is None


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # an attribute word after 的 is that of the relation before it (A占B的比重, A与B的比率)
        ("教育支出占财政支出的比重达到18%。", "18%", "教育支出占财政支出的比重"),
        ("居民存款与地区生产总值的比率为1.2%。", "1.2%", "居民存款与地区生产总值的比率"),
    ],
)
def test_an_attribute_after_de_is_of_the_relation_before(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # verbs of a predicate with an object end the noun read after a count (subject_stops.txt)
        ("8家企业进入全球企业竞争力榜单。", "8家", "企业"),
        ("12个项目列入省级重点项目名单。", "12个", "项目"),
        ("3万户家庭享受电费补贴。", "3万户", "家庭"),
        ("5家医院位列全国百强。", "5家", "医院"),
        ("40项改革举措取得明显成效。", "40项", "改革举措"),
    ],
)
def test_predicate_verbs_with_an_object_end_the_noun(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_plain_verb_after_the_people_named_opens_the_predicate() -> None:
    # 儿女 names people (subject_people_heads.txt); the verb after it is no part of the name
    assert facts("这份荣誉给了300多万江南儿女无限鼓舞。")["300多万"].subject == "江南儿女"


def test_a_distinguishing_word_makes_the_verb_after_it_a_noun() -> None:
    # 一次性 (word_tags.csv: b) qualifies nouns only: 一次性|补助 is the grant, not a verb before the sum
    assert facts("考入高职院校的一次性补助5000元。")["5000元"].subject == "一次性补助"


def test_a_share_clause_opening_with_zhan_is_the_share_of_the_metric_before() -> None:
    found = facts("风电装机800万千瓦、占全市电力装机40%。")
    assert found["40%"].subject == "风电装机"


def test_a_bridged_figure_right_after_another_takes_its_subject() -> None:
    found = facts("全市旅游收入增长8%、突破900亿元。")
    assert found["突破900亿元"].subject == "旅游收入"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # the start point after 从 takes the noun before it, past an adverb or a Latin name
        ("人均GDP从2020年的4.1万元提高到5.6万元。", "4.1万元", "人均GDP"),
        ("农村低保标准分别从每人每月300元提高到360元。", "300元", "农村低保标准"),
    ],
)
def test_the_start_point_of_a_change(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_one_character_place_noun_after_a_count() -> None:
    # 县 (word_tags.csv: n) may stand alone after a count, as a list item's one-character noun may
    assert facts("全省12个县入选国家示范县。")["12个"].subject == "县"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # what follows 较/比 is the point compared with; the thing measured stands before it
        ("全市森林覆盖率较“十三五”末提高3个百分点。", "3个百分点", "森林覆盖率"),
        ("私家车数量比2021年增长30%。", "30%", "私家车数量"),
        # a comparison opening its clause names nothing: the metric before it gives the subject
        ("签约客户为52万户，较上月增加3千户。", "3千户", "签约客户"),
        ("登记失业率为2.9%，比上年下降0.2个百分点。", "0.2个百分点", "登记失业率"),
        # 较 before an adjective is "fairly", inside the name
        ("全县较低风险村庄比例达70%。", "70%", "较低风险村庄比例"),
    ],
)
def test_a_comparison_is_no_subject(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # 按年/按季 say how a change is measured, 年增 and 实质增长 are change verbs (word_tags.csv)
        ("今年首两季本地生产总值按年实质增长3.1%。", "3.1%", "本地生产总值"),
        ("私家车为80万辆，年增2万辆。", "2万辆", "私家车"),
        ("酒店住客为120万人次，按季下降5%。", "5%", "酒店住客"),
        # a part of the year opening the phrase says when, never what (前|三季度, 第|二季)
        ("前三季度全市社会消费品零售总额增长4%。", "4%", "社会消费品零售总额"),
        ("2024年第二季居民总体失业率为2.1%。", "2.1%", "居民总体失业率"),
        # 月 alone before a noun is part of a monthly measure's name
        ("平台月活跃用户保持在200万人以上。", "200万人以上", "平台月活跃用户"),
        # 维持在, 成长 and 调升至 are bridges; 每 + unit right before the metric is the metric's rate
        ("全年出口增长预测维持在4%。", "4%", "出口增长预测"),
        ("公司营收可望成长一成。", "一成", "公司营收"),
        ("并将伤残津贴调升至每月3,000元。", "3,000元", "伤残津贴"),
    ],
)
def test_regional_release_wording(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_year_in_chinese_digits_is_a_date_not_a_subject() -> None:
    # 二○二四年 is one time word (words.py); the start and end of a change take the noun before 由
    found = facts("住户总数由二○二四年一月至三月的52000户增至二○二四年四月至六月的53000户。")
    assert found["52000户"].subject == "住户总数"
    assert found["53000户"].subject == "住户总数"
    # (what the sum runs is not what it counts: null, session 15; never the year)
    assert facts("当局表示，二〇二七年将拨款3亿元推行青年宿舍计划。")["3亿元"].subject is None


def test_the_year_word_after_digits_alone_is_no_subject() -> None:
    # 116|年度 is a date (a year of the ROC calendar); what the sum goes to is named after it
    found = facts("市府116年度将编列新台币20亿元推动长照服务。")
    assert found["新台币20亿元"].subject in (None, "长照服务")  # the purpose, once 长照 is a word


def test_a_localiser_with_zhi_ends_the_noun_after_a_metric() -> None:
    # 之间/之内 after the counted noun says where between them, not what is counted
    assert facts("40多个县城之间开通了直达班车。")["40多个"].subject == "县城"


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # a manner word before the predicate's verb ends the noun read after a metric
        ("全市26项改革举措有序推进。", "26项", "改革举措"),
        # 进步 in a name is a noun, not the adverb the dictionary has
        ("命名8个民族团结进步示范单位。", "8个", "民族团结进步示范单位"),
        # 清单 is the counted noun after a quoted qualifier
        ("制定五张“减负”清单。", "五张", "“减负”清单"),
        # 在 + a one-character place is a status word inside the name, not the preposition
        ("全县公办园在园幼儿占比达到85%。", "85%", "公办园在园幼儿占比"),
    ],
)
def test_tag_fixes_keep_names_whole(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_metric_after_a_conjunction_alone_takes_the_one_before() -> None:
    # 和 alone between two metrics names nothing: the second shares the first's subject
    found = facts("两县光伏装机分别增长12%和9%。")
    assert found["9%"].subject == "两县光伏装机"
    found = facts("城乡低保标准分别提高到每月700元和520元。")
    assert found["520元"].subject == "城乡低保标准"


def test_start_points_before_respectively_are_metrics_not_items() -> None:
    # 从…的A和B|分别提高到C和D: the items before 分别 are the start points, not named things
    found = facts("城乡居民人均收入从2020年的12000元和8500元分别提高到15000元和10800元。")
    assert [found[t].subject for t in ("12000元", "8500元", "15000元", "10800元")] == ["城乡居民人均收入"] * 4


@pytest.mark.parametrize(
    ("sentence", "span", "subject"),
    [
        # A + 达到/占 + B的 + share: B is the base, A the thing measured
        ("全县节水灌溉面积达到耕地面积的45%。", "45%", "节水灌溉面积"),
        ("民营经济占全市经济总量的六成。", "六成", "民营经济"),
        # no noun before the bridge: the base is all the clause names
        ("其中，占全市经济总量的六成。", "六成", "经济总量"),
    ],
)
def test_the_base_of_a_share_is_not_its_subject(sentence: str, span: str, subject: str) -> None:
    assert facts(sentence)[span].subject == subject


def test_a_verb_alone_after_a_length_of_years_is_the_act_it_times() -> None:
    # 五年|禁牧 at the clause end: the ban lasts five years, the river is only where
    assert facts("全面落实草原五年禁牧。")["五年"].subject == "禁牧"
    # hours say how long a thing is open: the thing named before them stays
    assert facts("全市图书馆实现24小时开放。")["24小时"].subject != "开放"


def test_qidong_governs_its_object() -> None:
    # 启动 (launch) is a governing verb like 实施: after the counted noun it opens the predicate
    assert facts("全省3200家工厂启动智能化改造。")["3200家"].subject == "工厂"
    assert facts("启动老旧街区改造1.5万户。")["1.5万户"].subject == "老旧街区"
    # 启动区 (launch area) is a noun
    assert facts("建设2个先行启动区。")["2个"].subject == "先行启动区"


def test_jun_after_a_list_makes_the_list_the_subject() -> None:
    # 均 after the last item: the one metric holds for every item, the first named first
    found = facts("全年接待游客人次、旅游收入均增长9%以上。")
    assert found["9%以上"].subject == "游客人次、旅游收入"
    # 人均 is no adverb of "both"
    assert facts("全县茶叶、菌菇人均收入增长8%。")["8%"].subject == "菌菇人均收入"
    # an item whose words are not all the subject is no list of subjects: the list qualifies the
    # indicator (新增就业, one word since session 16, read as 就业 and 再就业 are)
    assert facts("退役军人、残疾人新增就业均超5000人。")["超5000人"].subject == "退役军人、残疾人新增就业"


def test_a_quoted_predicate_after_the_noun_is_no_part_of_it() -> None:
    # “…通办” ending the clause after the counted noun is what is done to it, put as a slogan
    assert facts("全省320项涉企事项“跨市通办”。")["320项"].subject == "涉企事项"
    assert facts("90项便民事项长江流域“一网通办”。")["90项"].subject == "便民事项"
    # a quoted qualifier before the noun stays
    assert facts("发布两张“负面”清单。")["两张"].subject == "“负面”清单"
    # a closing quote whose opening one is not in the phrase (cut off, or a typo) is no slogan
    assert "320项" in facts("全省320项涉企事项跨市通办”。")  # it raised ValueError


def test_an_adjective_and_verb_before_the_people_counted_qualify_them() -> None:
    # 新|就业|形态|从业人员: the people are named after the verb, which qualifies them
    assert facts("全市6万名新就业形态劳动者纳入工伤保障。")["6万名"].subject == "新就业形态劳动者"


def test_acts_on_rules_are_verbs_cut_whole() -> None:
    # 宣布失效 (declare void) governs the rules counted; 失效 is no qualifier of them
    assert facts("全年宣布失效行政规范性文件35件。")["35件"].subject == "行政规范性文件"


def test_a_long_indicator_name_is_read_whole() -> None:
    # 22 characters of name before the bridge: the core qualifier at its start stays
    found = facts("全省规模以上工业企业研发经费支出占营业收入比重达到1.4%。")
    assert found["1.4%"].subject == "规模以上工业企业研发经费支出占营业收入比重"
    # a condition's tail (及以上) cut off by the window opens no name
    found = facts("推进城乡供水一体化，全区30户及以上自然村千兆光纤和5G网络通达率分别达98%、91%。")
    assert not found["98%"].subject.startswith("以上")


def test_a_long_name_after_a_count_is_read_whole() -> None:
    # 19 characters of name after the count, a quoted slogan first
    found = facts("全县建成4个“绿色低碳就是发展优势”实践创新示范基地。")
    assert found["4个"].subject == "“绿色低碳就是发展优势”实践创新示范基地"


def test_zizhu_governs_the_people_counted() -> None:
    # 资助 is a verb (the dictionary has a noun), 考生 a noun (it has a verb)
    assert facts("资助低保家庭考生860名。")["860名"].subject == "低保家庭考生"


def test_a_verb_of_winning_an_honour_ends_the_name_after_a_count() -> None:
    assert facts("全市9部剧目荣获省级艺术奖。")["9部"].subject == "剧目"
    assert facts("6个县受命名省级园林县城。")["6个"].subject == "县"
    assert facts("新增4座纪念馆晋级国家二级纪念馆。")["4座"].subject == "纪念馆"


def test_a_frame_after_a_sums_purpose_closes_its_object() -> None:
    # 用于…|的基础上: the frame word ends what the money goes to (a fund, the only object kept)
    assert facts("今年在安排6亿元用于专项资金的基础上，再办一批好事。")["6亿元"].subject == "专项资金"


def test_jixu_and_youwang_are_adverbs_before_the_verb() -> None:
    assert facts("全县茶叶产量继续保持20万斤以上。")["20万斤以上"].subject == "茶叶产量"
    assert facts("合作社收入有望突破80万元。")["突破80万元"].subject == "合作社收入"


def test_a_rate_per_round_number_before_the_metric_is_passed_over() -> None:
    # 每千人 right before the metric is its rate, as 每月 is
    assert facts("全市药品抽检量超每千人3.2批次。")["3.2批次"].subject == "药品抽检量"


def test_a_verb_alone_after_ci_is_the_act_counted() -> None:
    # 2次|复信 ending its list item: the replies are what is counted
    assert facts("市长5次深入社区调研、2次复信、3次致电。")["2次"].subject == "复信"


def test_a_latin_acronym_with_an_ampersand_is_one_word() -> None:
    # R＆D (full width) or R&D: the subject does not start at the letter after the ampersand
    assert facts("全省R＆D经费投入增长12%。")["12%"].subject == "R＆D经费投入"
    assert facts("企业R&D投入强度达到2.8%。")["2.8%"].subject == "企业R&D投入强度"


def test_zai_and_a_place_after_the_people_counted_end_their_name() -> None:
    # 在城镇 is a personal name in the dictionary: here the preposition and the place
    assert facts("全年有3200名渔民在城镇稳定就业。")["3200名"].subject == "渔民"
    # 设置 governs what is set up (the dictionary has a verbal noun)
    assert facts("在500个社区设置智能回收箱。")["500个"].subject == "社区"


def test_liang_after_a_verb_is_the_volume_of_the_act() -> None:
    found = facts("乡镇卫生院的诊疗量占全县诊疗量的比例达到60%。")["60%"].subject
    assert found is not None and found.startswith("诊疗量占全县诊疗量")
    assert facts("县医院转诊量增长15%。")["15%"].subject == "县医院转诊量"


def test_zuzhi_after_a_noun_is_the_organisation_counted() -> None:
    assert facts("培育老年志愿服务组织50个。")["50个"].subject == "老年志愿服务组织"
    assert facts("全县新增3个志愿服务组织。")["3个"].subject == "志愿服务组织"
    assert facts("全年组织志愿者800名。")["800名"].subject == "志愿者"


def test_a_verb_of_the_kind_of_work_before_a_task_noun_is_in_its_name() -> None:
    # 建设|任务, 引进|项目: the kind of project; 实施 before 项目 governs it
    assert facts("完成防护林建设任务80万亩。")["80万亩"].subject == "防护林建设任务"
    assert facts("累计促成人才引进项目49个。")["49个"].subject == "人才引进项目"
    assert facts("全年计划实施项目290个。")["290个"].subject == "项目"


def test_a_modal_before_the_predicate_is_not_in_the_subject() -> None:
    # 可/料/则/亦会 (Hong Kong, Macau, Taiwan usage) stand between the subject and its verb
    assert facts("山区累积雨量可达600公厘。")["600公厘"].subject == "山区累积雨量"
    assert facts("每日客流量料逾八万人次。")["逾八万人次"].subject == "客流量"
    assert facts("本地学生每人5,000元，外地学生则每人3,000元。")["3,000元"].subject == "外地学生"
    assert facts("房署亦会拨款约2亿元。")["约2亿元"].subject == "房署"


def test_a_status_word_of_an_estimate_is_not_in_the_subject() -> None:
    assert facts("九月的批发业总销货价值临时估计为二十五亿元。")["二十五亿元"].subject == "批发业总销货价值"
    assert facts("全年本地生产总值预估为3万亿元。")["3万亿元"].subject == "本地生产总值"


def test_hong_kong_and_taiwan_bridges() -> None:
    # 合共 (in all) and 多达 (as many as) are bridges, read whole
    assert facts("检获各类货品合共约5吨。")["约5吨"].subject == "货品"
    assert facts("全市义工多达3万人。")["3万人"].subject == "义工"


def test_shijian_after_an_act_is_the_duration_measured() -> None:
    # 时间 alone is bound (一周时间), after the word of an act it heads the phrase; 平均 opening it
    # names the statistic (heldout2 gold: subject_min 平均轮候时间), so it stays
    assert facts("一般申请者的平均轮候时间为4.2年。")["4.2年"].subject == "平均轮候时间"
    assert facts("平均通勤时间缩短8分钟。")["8分钟"].subject == "平均通勤时间"
    assert facts("审批事项平均办理时间减少40%。")["40%"].subject == "事项平均办理时间"


def test_a_verb_ending_the_clause_after_a_count_of_cases_names_them() -> None:
    # 宗 counts cases: 公屋|申请, 居民|投诉 are what is counted
    assert facts("截至6月底，共有约8万宗公屋申请。")["约8万宗"].subject == "公屋申请"
    assert facts("今年录得120宗居民投诉，较去年减少。")["120宗"].subject == "居民投诉"


def test_hui_right_before_a_count_of_meetings_is_the_meeting() -> None:
    # 会 is a modal only when a verb follows it (政府|会|增加); before the count it names the meetings
    assert facts("全区召开院坝会120余场。")["120余场"].subject == "院坝会"


def test_a_modal_and_its_verbs_after_the_subject_are_the_predicate() -> None:
    assert facts("每名学员可申请最长3年。")["3年"].subject == "学员"
    assert facts("持卡人更可享七折。")["七折"].subject == "持卡人"
    # a modal opening the clause: what its verb governs is counted
    assert facts("如合资格，可申请一次性补助5,000元。")["5,000元"].subject == "一次性补助"


def test_jiao_glued_to_a_time_word_is_the_comparison() -> None:
    # 较前年 is one word in the dictionary: here 较|前年, the point compared with
    found = facts("去年过境旅客达300万人次，较前年上升两成。")
    assert found["两成"].subject == "过境旅客"


def test_times_and_causatives_are_not_subjects() -> None:
    assert facts("外汇储备现时约为800亿元。")["800亿元"].subject == "外汇储备"
    # (session 12: the count word 数目 leaves the noun it counts, subject_count_words.txt)
    assert facts("拨款后，令公立学校学位数目增至约9,000个。")["约9,000个"].subject == "公立学校学位"
    # a time with its numerals names nothing (过去|十二个|月)
    assert facts("过去十二个月共有约3千个。")["约3千个"].subject is None


def test_a_one_character_stop_glued_to_a_single_character_opens_a_name() -> None:
    # 长|照 (long-term care) cut in characters: 长 is no verb here
    assert facts("明年长照经费编列300亿元。")["300亿元"].subject == "长照经费"


def test_the_contributor_before_dui_is_part_of_a_contribution_rate() -> None:
    # A对B增长贡献率: A's share in B's growth, so A changes what is measured
    assert facts("服务业对经济增长贡献率达到58%。")["58%"].subject == "服务业对经济增长贡献率"
    # 对 opening the clause: the contributor is named in the clause before
    assert facts("增加值增长8%、对工业增长贡献率达到35%。")["35%"].subject == "工业增长贡献率"


def test_touxiang_governs_where_a_sum_goes() -> None:
    # 投向 is a verb (the dictionary has a noun): not the thing the sum counts
    assert facts("全年有超5亿元投向了乡村振兴。")["超5亿元"].subject != "投向"
    assert facts("全县财政支出八成以上投向民生领域。")["八成以上"].subject == "财政支出"


def test_regional_openers_times_and_compounds() -> None:
    # 当中 opens a part as 其中 does; 上月/本年度 say when, never what
    assert facts("去年旅客约500万人次，当中外籍旅客占约两成。")["约两成"].subject == "外籍旅客"
    assert facts("上月全台超商营业额为2,000亿元。")["2,000亿元"].subject == "全台超商营业额"
    assert facts("本年度设备维修预算约8亿元。")["约8亿元"].subject == "设备维修预算"
    # 历时 is the verb of a duration, 原本 an adverb before the clause
    assert facts("听证会历时五个多小时。")["五个多小时"].subject == "听证会"
    assert facts("原本工程预算为50亿元。")["50亿元"].subject == "工程预算"
    # regional compounds the dictionary cuts keep their qualifier
    assert facts("全年交通意外共二百多宗。")["二百多宗"].subject == "交通意外"
    assert facts("全年不过夜旅客有约90万人次。")["约90万人次"].subject == "不过夜旅客"
    assert facts("中部地区房价所得比为7.5倍。")["7.5倍"].subject.endswith("房价所得比")


def test_a_rate_per_unit_of_time_is_no_subject() -> None:
    # 每小时 (two characters of a duration unit) is the metric's rate, as 每月 is
    found = facts("停车费由每小时5元调高至每小时7元。")
    assert found["5元"].subject == found["7元"].subject == "停车费"


def test_a_period_tail_opens_no_name() -> None:
    # 6个月|内 cut off by the number: the localiser says when (not 后|浦: a name in characters)
    assert facts("毕业后6个月内就业率达八成。")["八成"].subject == "就业率"
    assert facts("改建后通行能力提升三成。")["三成"].subject == "通行能力"


def test_at_most_qualifies_the_modal() -> None:
    # 最多/最少 before a modal belong to the predicate, as 最高 does
    assert facts("病房床位最多可增至800张。")["800张"].subject == "病房床位"


def test_nouns_of_budgets_the_dictionary_has_as_verbs() -> None:
    # 开支 (spending), 上限 (cap) name the sum; 经常开支 (recurrent spending) is one word
    assert facts("全年开支约30亿元。")["约30亿元"].subject == "开支"
    assert facts("涉及额外经常开支约5亿元。")["约5亿元"].subject == "额外经常开支"
    assert facts("每宗上限2,000元。")["2,000元"].subject == "上限"


def test_a_bracketed_roc_year_opens_no_name() -> None:
    # 去（112）年: a dated year, when, never what (its 年 does not open the name)
    assert facts("去（112）年全台新车销量约45万辆。")["约45万辆"].subject == "新车销量"  # 全|台: region


def test_a_bridge_is_not_moved_into_a_longer_word_before_it() -> None:
    # 房价所得比|降至: with more characters read, 比 belongs to the word before (所得|比降 is no verb)
    assert facts("五年内将中部房价所得比降至7倍以下。")["7倍以下"].subject == "中部房价所得比"


def test_the_funds_of_a_kind_of_work_keep_the_work() -> None:
    # 采购|经费: the verb names what the money pays for, inside the name
    assert facts("今年公费药品采购经费约30亿元。")["约30亿元"].subject == "公费药品采购经费"


def test_the_act_after_a_rate_per_unit_is_counted() -> None:
    # 长者|每月|津贴: what is paid or done per unit is the subject, not the people the rate is per
    assert facts("70岁以上长者每月津贴500元。")["500元"].subject == "津贴"
    assert facts("每名学员每月最高补助6,000元。")["6,000元"].subject in ("补助", "最高补助")
    assert facts("平均每期培训40小时。")["40小时"].subject == "培训"
    # a verb of change says how the thing before the rate changes
    assert facts("带动农户每年增收5000元。")["5000元"].subject == "农户"


def test_a_clause_of_a_rate_alone_is_the_rate_of_the_clause_before() -> None:
    # 提供…补贴，每户800元: the rate of the thing the clause before ends with
    assert facts("向低收入家庭发放取暖补贴，每户800元。")["800元"].subject == "取暖补贴"
    assert facts("游客持卡可享门票优惠，即每人20元。")["20元"].subject == "门票优惠"
    # not when the clause goes on after the metric
    assert facts("动员志愿者线上接力，每天24小时提供服务。")["24小时"].subject is None


def test_a_closing_bracket_leaves_the_clause_bare() -> None:
    # 旅客（120万人次）|增加3.1%: the bracket closes the figure before, whose subject the rate takes
    assert facts("过境旅客（120万人次）增加3.1%。")["3.1%"].subject == "过境旅客"


def test_a_predicate_after_the_counted_noun_is_dropped() -> None:
    # 3家子公司|有序|展业, 4家公司|运营|良好, 5条绿道|全线贯通: what happened to the things counted
    assert facts("3家子公司有序展业。")["3家"].subject == "子公司"
    assert facts("4家公司运营良好。")["4家"].subject == "公司"
    assert facts("新建5条绿道全线贯通。")["5条"].subject == "绿道"
    # 时隔 is the verb of a duration, as 历时 is: no subject of its own
    assert facts("时隔12年再次举办。")["12年"].subject is None


def test_a_count_before_a_coordination_counts_its_own_conjunct() -> None:
    # 3万条|棉被|和|救助金: the core is the conjunct counted
    assert facts("发放3万条防寒棉被和过冬救助金。")["3万条"].subject == "防寒棉被"
    assert facts("新建5个文化场馆和体育公园。")["5个"].subject == "文化场馆"
    # one word before a longer conjunct may modify its head; level words share the head
    assert facts("开通12条国际及地区航线。")["12条"].subject == "国际及地区航线"
    assert facts("建成3个国家级和省级园区。")["3个"].subject == "国家级和省级园区"


def test_a_rate_per_round_number_of_heads_is_part_of_the_name() -> None:
    # 每|万|人口 before the indicator: per head changes what is measured, as 单位 does
    assert facts("每万人口发明专利拥有量达到30件。")["30件"].subject == "每万人口发明专利拥有量"
    assert facts("每千名老人养老床位数达到35张。")["35张"].subject == "每千名老人养老床位数"
    # a rate right before the metric is still its rate, not the name
    assert facts("抽检量超每千人6.5批次。")["6.5批次"].subject == "抽检量"


def test_a_list_item_of_a_measure_alone_takes_the_thing_of_the_item_before() -> None:
    # 旅游人次50万、收入20亿元: the income is that of the same tourism
    assert facts("接待康养旅游人次50万、收入20亿元。")["20亿元"].subject == "康养旅游收入"
    assert facts("城市污水集中收集率达75%、处理率98%。")["98%"].subject == "城市污水集中收集处理率"
    # not the items of a 分别 list, each of which names its own thing
    assert facts("盗窃、诈骗案件分别下降7%、4%。")["4%"].subject == "诈骗案件"


def test_near_zero_qualifiers_open_a_name_after_a_count() -> None:
    # 近零碳 is one distinguishing word, not the bound 近 (nearly) before a numeral
    assert facts("创建首批30家近零碳公共机构。")["30家"].subject == "近零碳公共机构"
    assert facts("建成近零能耗建筑20万平方米。")["20万平方米"].subject == "近零能耗建筑"


def test_a_subsidy_is_the_sum_counted_not_a_verb_skipped() -> None:
    # 补助 before a sum names the money, as 投入 and 支出 do: the payer alone is not what is counted
    assert facts("其中中央补助约300亿元。")["约300亿元"].subject == "中央补助"
    assert facts("省级财政补助2000万元。")["2000万元"].subject == "省级财政补助"


def test_a_bridge_before_the_phrase_governs_no_object() -> None:
    # 累计|接访|群众: a bridge (累计, 是) says how the figure runs, so a verb opening the phrase is the
    # clause's, not a modifier of the noun (as it is after a governing verb: 实施|帮扶项目)
    assert facts("累计接访群众300批900人次。")["300批"].subject == "群众"
    assert facts("三是招募社区志愿者3000名。")["3000名"].subject == "社区志愿者"
    assert facts("累计开通国际航线40条。")["40条"].subject == "国际航线"


def test_a_fixed_verb_object_programme_is_one_noun() -> None:
    # 减税降费, 送戏下乡: programmes named by a verb and its object, not a verb to trim
    assert facts("共减税降费及退税超50亿元。")["超50亿元"].subject == "减税降费"
    assert facts("十是免费送戏下乡800场。")["800场"].subject.endswith("送戏下乡")


def test_the_side_compared_with_is_not_the_subject() -> None:
    # A|高于/快于|B + gap: B is the side compared with (a base, an average), A what is measured
    assert facts("农村居民收入增速快于城镇居民2个百分点。")["2个百分点"].subject == "农村居民收入增速"
    assert facts("耕地保有率高于全国平均水平0.3个百分点。")["0.3个百分点"].subject == "耕地保有率"
    assert facts("全市失业率低于全省1.2个百分点。")["1.2个百分点"].subject == "失业率"
    # right before the metric the verb is a bridge
    assert facts("合格率不低于95%。")["不低于95%"].subject == "合格率"


def test_a_part_named_by_its_place_measures_the_thing_before() -> None:
    # 其中|杭州市|达…: the place says where the figure before holds; it is the region's, not the subject
    assert facts("全省人均收入4万元，其中杭州市达7万元。")["7万元"].subject == "人均收入"
    assert facts("城镇化率达70%，其中西湖区达95%。")["95%"].subject == "城镇化率"
    # a work the dictionary has as a place keeps its own name
    assert facts("完成造林任务300万亩，其中防沙治沙100万亩。")["100万亩"].subject == "防沙治沙"


def test_a_slash_rate_leaves_the_clause_bare() -> None:
    # 700元/月|提高至760元/月: the slash and its unit are the first figure's rate
    found = facts("城市低保人均保障标准从700元/月提高至760元/月。")
    assert found["760元"].subject == found["700元"].subject == "城市低保人均保障标准"


def test_people_read_after_a_count_run_on_to_a_noun_naming_people() -> None:
    # 3名|群众|代表: the representatives are counted, not the group they speak for
    assert facts("3名群众代表在会上发言。")["3名"].subject == "群众代表"


def test_the_change_a_figure_ends_is_no_subject() -> None:
    # …到结余900万元的|转变: the change is the figure's frame, the thing is named before it
    assert facts("基金实现了从亏损2000万元到结余900万元的转变。")["900万元"].subject == "结余"


def test_a_share_of_a_base_after_from_changes_the_thing_before() -> None:
    # 津贴|由|平均工资|5成|提高至7成: the wage is the base of the share; the allowance changes
    found = facts("陪产津贴由平均工资5成提高至7成。")
    assert found["5成"].subject == found["7成"].subject == "陪产津贴"
    assert facts("城镇化率由55%提高到60%。")["55%"].subject == "城镇化率"


def test_a_modal_predicate_alone_takes_the_subject_before_it() -> None:
    # 届时|可|容纳: the clause says what the works named in the clause before will hold
    found = facts("新体育馆第一期工程已完成约六成，届时可容纳近3万人。")
    assert found["近3万人"].subject == "新体育馆第一期工程"
    # a headline: the space parts the subject from its modal predicate
    assert facts("西区新体育馆 料容纳近3万人")["近3万人"].subject == "西区新体育馆"
    assert facts("会员可享8折。")["8折"].subject == "会员"


def test_a_part_of_a_month_or_year_after_its_digits_opens_no_name() -> None:
    # 9|月底, 第2|季: when, never what
    assert facts("截至9月底全市户籍人口为120万人。")["120万人"].subject == "户籍人口"
    assert facts("今年第2季全市房屋买卖登记约3万栋。")["约3万栋"].subject.startswith("房屋买卖")


def test_only_belongs_to_the_predicate() -> None:
    # 仅 (only) says how small the figure is, as 只 does
    assert facts("今年1至9月死亡数仅8万人。")["8万人"].subject == "死亡数"


def test_long_term_care_qualifies_what_is_counted() -> None:
    assert facts("明年新增约80张长期照顾床位。")["约80张"].subject == "长期照顾床位"


def test_a_total_over_a_period_after_a_rate_counts_its_thing() -> None:
    # …减少约两成，全年共520宗: the total of the cases the rate before measured
    assert facts("抢劫案件按年减少约两成，全年共520宗。")["520宗"].subject == "抢劫案件"


def test_a_share_of_a_base_without_de_measures_the_thing_before_zhan() -> None:
    # A|占|B|约三成: B is the base, A the thing measured (as A占B的…)
    assert facts("网购骗案占诈骗案约三成。")["约三成"].subject == "网购骗案"
    assert facts("民营企业占全部企业90%以上。")["90%以上"].subject == "民营企业"
    # the relation is the indicator's name when an attribute word ends it
    assert facts("高新技术企业占规上企业比重达30%。")["30%"].subject == "高新技术企业占规上企业比重"


def test_originally_and_extent_words() -> None:
    # 原 (originally) belongs to the predicate; 幅度 is an attribute word its act makes a term with
    assert facts("预算原编列300亿元。")["300亿元"].subject == "预算"
    assert facts("删减幅度约2%。")["约2%"].subject == "删减幅度"


def test_a_number_word_is_an_attribute_its_act_makes_a_term_with() -> None:
    # 死亡|数 (and 跑动|次数): the act and 数 name the measure, the act is no clause verb to trim
    assert facts("今年1至9月死亡数仅8万人。")["8万人"].subject == "死亡数"
    found = facts("盗窃案件发案数、诈骗案件受理数分别下降9%、4%。")
    assert found["4%"].subject == "诈骗案件受理数"


def test_causative_rang_governs_the_clause() -> None:
    # 让 (make) governs the clause it opens, as 令 does
    assert facts("远程诊断让慢病筛查率提升20%以上。")["20%以上"].subject == "慢病筛查率"


def test_a_verb_after_people_counted_by_visits_is_their_predicate() -> None:
    # 20万人次|居首: the visitors rank first; 4次|回信 still names the act counted
    assert facts("韩国旅客约20万人次居首。")["约20万人次"].subject == "韩国旅客"
    assert facts("总书记4次回信。")["4次"].subject == "回信"


def test_a_superlative_after_the_noun_is_its_predicate() -> None:
    # 最多/最高 after the counted noun says it ranks first; the dictionary cuts it 最|多
    assert facts("按类别看，物业服务类投诉最多，共3200件。")["3200件"].subject == "物业服务类投诉"
    assert facts("农业用水最少，共1.2亿立方米。")["1.2亿立方米"].subject == "农业用水"
    # inside a name it stays (最多跑一次 is a reform's name, not a ranking)
    assert facts("“最多跑一次”事项达到120项。")["120项"].subject == "“最多跑一次”事项"
