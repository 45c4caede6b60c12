"""Subject rules of session 12: kinds of error seen on Hong Kong, Macau and Taiwan pages.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject
from transforms.text.script import to_simplified


def _read(sentence: str, metric: str) -> str | None:
    """The subject as the pipeline gives it: a page in traditional script reaches the rules simplified."""
    return subject(to_simplified(sentence)[0], to_simplified(metric)[0])


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a verb after a count of people says what they did or suffered: no noun names them
        ("医院指，共有120人受伤送院。", "120人", None),
        ("醫院指，共有120人受傷送院。", "120人", None),
        ("卫生署表示，已有约5万人接种疫苗。", "约5万人", None),
        ("已有3人出现重症。", "3人", None),
        # the people named after the verb, or a count of people, are the subject still
        ("全区共有2000名获奖学生。", "2000名", "获奖学生"),
        ("共有300名参赛选手同台竞技。", "300名", "参赛选手"),
        ("今年首季急症室共录得约31万求诊人次。", "约31万", "求诊人次"),
    ],
)
def test_a_verb_after_people_is_their_predicate(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # X由A至B: both ends measure X, past a time phrase, a modal, a per-unit word or a base of 的
        ("基本工资自明年1月1日起由每月2万7,500元调升至2万8,400元。", "2万7,500元", "基本工资"),
        ("基本工资自明年1月1日起由每月2万7,500元调升至2万8,400元。", "2万8,400元", "基本工资"),
        ("基本工資自明年1月1日起由每月2萬7,500元調升至2萬8,400元。", "2万8,400元", "基本工资"),
        ("并把非本地学生限额由本地学额的40%提升至50%。", "40%", "非本地学生限额"),
        ("并把非本地学生限额由本地学额的40%提升至50%。", "50%", "非本地学生限额"),
        ("学额的数目会由现时的900个增加至明年的1,200个。", "1,200个", "学额"),
        # a forecast of growth in a frame: the growth is the measure, the product is what is measured
        ("政府把今年实质本地生产总值增长预测由五月时的1.5%至2.5%调整至2%至3%。", "1.5%", "本地生产总值"),
        ("政府把今年实质本地生产总值增长预测由五月时的1.5%至2.5%调整至2%至3%。", "3%", "本地生产总值"),
        # 经济增长 alone names the thing: the growth and its forecast stay
        ("全年经济增长预测由1%至2%调整至2%至3%。", "2%", "经济增长预测"),
        # a frame already read right stays right
        ("政府会把长者日间护理名额由3,000个增加至4,500个。", "4,500个", "长者日间护理名额"),
    ],
)
def test_both_ends_of_a_change_frame_measure_the_thing_before_it(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a count word after a noun: the noun is counted (subject_count_words.txt)
        ("全港电动私家车数目达约9万辆。", "约9万辆", "电动私家车"),
        ("政府会把免费巴士路线名单由12条扩大至约20条。", "约20条", "免费巴士路线"),
        ("全年基本通胀率预测则维持于1.5%。", "1.5%", "基本通胀率"),
        # a count word after a verb names an indicator of its own
        ("今年小一开班数目为450班。", "450班", "小一开班数目"),
    ],
)
def test_a_count_word_leaves_the_noun_it_counts(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a word naming only the size of a change measures the thing of the figure before it
        ("今年1至6月全国税收收入为1万亿元，较去年同期增加500亿元，增幅4.8%。", "4.8%", "税收收入"),
        ("全年死亡人数为2,100人，较上年减少200人，降幅8.7%。", "8.7%", "死亡人数"),
        ("其中國際旅客約50萬人次，成長幅度超過2成。", "超过2成", "国际旅客"),
        # not across a full stop: nothing before it in its sentence, the word stays
        ("增幅4.8%。", "4.8%", "增幅"),
    ],
)
def test_the_size_of_a_change_is_of_the_thing_before(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a group's figure in a parallel clause measures the thing of the figure before it
        (
            "就业人口月工作收入中位数为18,000澳门元，本地居民则为20,500澳门元。",
            "20,500澳门元",
            "月工作收入中位数",
        ),
        (
            "县府已将育儿津贴由每月5,000元提高至6,000元，第三名以上子女每月再加发1,000元。",
            "1,000元",
            "育儿津贴",
        ),
        ("城镇居民人均可支配收入5万元，农村居民2.1万元。", "2.1万元", "人均可支配收入"),
        # an indicator of people is a thing of its own; a group after a group stays
        ("全县交通事故起数、死亡人数同比分别下降12.5%和21.3%。", "21.3%", "死亡人数"),
        ("其中男性占52%，女性占48%。", "48%", "女性"),
        # a different unit is another measure
        ("每户每月收入上限为8万元，个人则为4万1,000澳门元。", "4万1,000澳门元", "个人"),
    ],
)
def test_a_group_in_a_parallel_clause_keeps_the_measured_thing(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a 分别 clause naming no items, after its period (按月, 较上年), refers back in order; 及 joins too
        ("同月录得交通事故980宗，导致300人受伤，按月分别增加2.1%及4.2%。", "2.1%", "交通事故"),
        ("全年共录得医疗券申报约900万宗，涉及金额约40亿元，较上年分别上升5.1%及7.4%。", "5.1%", "医疗券申报"),
        ("全年共录得医疗券申报约900万宗，涉及金额约40亿元，较上年分别上升5.1%及7.4%。", "7.4%", "金额"),
        ("机场共处理旅客3,000万人次及飞机起降20万架次，分别按年上升8.8%及6.1%。", "8.8%", "旅客"),
        ("其中，滑冰场地1500个，滑雪场地800个，分别较上年度增长8.1%、7.2%。", "8.1%", "滑冰场地"),
        # people counted after cases are the people, not the cases
        (
            "全年处理6,000宗召唤，包括1,200宗困升降机事故及300宗山岭搜救，分别救出约1,400人及400人。",
            "400人",
            None,
        ),
    ],
)
def test_a_respectively_clause_without_items_refers_back(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a case verb alone after a count, ending the clause, names the cases
        ("今年8月开放申请，共收到1,500件申请。", "1,500件", "申请"),
        ("今年8月開放申請，共收到1,500件申請。", "1,500件", "申请"),
        ("批出500份申请。", "500份", "申请"),
        # a case verb right after a verb of receiving is its object, whatever unit counts the cases
        ("去年共接获查询约9万宗。", "约9万宗", "查询"),
        ("今年共受理申请1,200件。", "1,200件", "申请"),
        # other verbs after a count are its predicate still
        ("12类45件民生实事全面完成。", "45件", "民生实事"),
    ],
)
def test_case_verbs_name_the_cases(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # two per-unit words right before a figure are its rate, not what it measures
        ("目前补贴标准为每户每月1,000至5,000元。", "1,000至5,000元", "补贴标准"),
        ("住宅物业差饷宽减上限为每户每季800元。", "800元", "住宅物业差饷宽减上限"),
        ("城市人均综合用水量为每人每天300升。", "300升", "城市人均综合用水量"),
        ("PM2.5平均浓度为每立方米25微克。", "25微克", "PM2.5平均浓度"),
        ("并把相关津贴增至每校每年60万元。", "60万元", "相关津贴"),
    ],
)
def test_per_unit_words_before_a_figure_are_its_rate(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 多/少 after a point compared are the change: the thing before the comparison is measured
        ("今年截至目前总雨量约2,100毫米，较正常多约两成。", "约两成", "总雨量"),
        ("八月天氣回顧：雨量比正常多三成", "三成", "雨量"),
        # 同比减少 is a change verb of its own; 多 inside a word is the word's
        ("办税时长同比减少20%。", "20%", "办税时长"),
        ("多国驻华使节等200多人出席。", "200多人", "多国驻华使节"),
        # 偏多 is a bridge, never the thing
        ("降水量将比常年同期偏多二至五成。", "二至五成", None),
    ],
)
def test_more_or_less_than_a_point_compared(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a total in another unit right after a figure, joined by 、, counts the same thing
        ("市府目前已完工社会住宅5处、共1,200户，另有4处、2,300户兴建中。", "1,200户", "社会住宅"),
        ("市府目前已完工社會住宅5處、共1,200戶。", "1,200户", "社会住宅"),
        ("改造城镇老旧小区800个、9万户。", "9万户", "城镇老旧小区"),
        ("完成并购重组200起、900亿元。", "900亿元", "并购重组"),
        # a figure of the same kind after 、 is a list item of its own
        ("新建学校3所、幼儿园5所。", "5所", "幼儿园"),
    ],
)
def test_a_total_in_another_unit_counts_the_same_thing(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # one figure for every item of a noun list opening its clause: the list is the subject
        ("粮食播种面积、单产、总产连续6年增长。", "6年", "粮食播种面积、单产、总产"),
        ("县级综合医院、基层医疗卫生机构100%达到国家标准。", "100%", "县级综合医院、基层医疗卫生机构"),
        (
            "危险废物安全处置率、受污染耕地安全利用率均达100%。",
            "100%",
            "危险废物安全处置率、受污染耕地安全利用率",
        ),
        (
            "危險廢物安全處置率、受污染耕地安全利用率均達100%。",
            "100%",
            "危险废物安全处置率、受污染耕地安全利用率",
        ),
        # the first item as the noun of a figure before it is that figure's
        ("累计建设839个海外仓、总面积1210万平方米。", "1210万平方米", "总面积"),
        # two acts listed are not one thing
        ("改造小区、加装电梯500部。", "500部", "电梯"),
    ],
)
def test_one_figure_for_a_whole_noun_list(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a manner adverb and its verb, one noun to the dictionary, govern or predicate the noun
        ("统筹安排省级财政资金350亿元以上。", "350亿元以上", "省级财政资金"),
        ("自贸试验区159项改革试验任务全面实施。", "159项", "改革试验任务"),
        ("全力支持香港、澳门两个特别行政区。", "两个", "香港、澳门"),
        # a study session is still the thing counted
        ("理论学习中心组开展集中学习4期。", "4期", "集中学习"),
    ],
)
def test_adverb_verb_compounds_are_verbs(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected
