"""Subject rules of round 10, constructions that recur: a reading that is no noun phrase (an adverb,
a modal, a change verb before its result), a bridged clause going on about the figure before, a
dimension and 的 after a length, and a conjunct that carries a numeral of its own.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a modal adverb after the figure is no noun: the noun before it is what is measured
        ("业主同意率达到三分之二方可开工。", "三分之二", "业主同意率"),
        # a change verb with its result (由…拓宽至…) is the measure, not the thing
        ("河道由12米拓宽至20米。", "12米", "河道"),
        ("两地通行时间从3小时缩短到1小时。", "3小时", "两地通行时间"),
        # an adverb and a verb alone name nothing
        ("本月再建11座。", "11座", None),
        # a term kept whole though it opens with 再
        ("全年再就业3200人。", "3200人", "再就业"),
        # a lone verb of an act stays (it names the act, not a change)
        ("经过近6小时的搜寻，终于找到走失老人。", "近6小时", "搜寻"),
    ],
)
def test_a_reading_must_be_a_noun_phrase(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 、 or ， and only bridge words: the clause goes on about the figure before
        ("全镇工业总产值增长8.1%、达到96.4亿元。", "96.4亿元", "工业总产值"),
        ("全市财政总收入年均增长7%，由2018年的52亿元增加到73亿元。", "52亿元", "财政总收入"),
        ("全市财政总收入年均增长7%，由2018年的52亿元增加到73亿元。", "73亿元", "财政总收入"),
        # a verb of its own names another thing's figure
        ("培训农民3000人次，投入资金500万元。", "500万元", "资金"),
    ],
)
def test_a_bridged_clause_goes_on_about_the_figure_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a length, a dimension word and 的: the figure is the size of the noun after 的
        ("村里修通了一条约600米长的机耕道。", "约600米", "机耕道"),
        ("广场中央立起一座12米高的纪念碑。", "12米", "纪念碑"),
        # a conjunct with a numeral of its own is another figure's: each takes its own noun
        ("小区新建了3个充电桩和一座约200平方米的口袋公园。", "3个", "充电桩"),
        ("小区新建了3个充电桩和一座约200平方米的口袋公园。", "约200平方米", "口袋公园"),
    ],
)
def test_each_figure_takes_its_own_noun(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_respectively_clause_after_a_duration_does_not_reach_back() -> None:
    # 分别 after a duration of its own clause opens no clause: the items before it are its own
    sentence = "全县粮食产量增长5%、达到40万吨，蔬菜、水果产量三年分别增长9%、12%。"
    assert "粮食" not in (subject(sentence, "9%") or "")
    assert subject(sentence, "40万吨") == "粮食产量"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a 、 list of modifiers before one head: the figure counts the head the list shares
        ("为800余名独居、空巢老人送去慰问品。", "800余名", "独居、空巢老人"),
        ("为500名高龄、失能、半失能老人提供服务。", "500名", "高龄、失能、半失能老人"),
        ("全区共有260家国有、民营企业参展。", "260家", "国有、民营企业"),
        # items that name people or things of their own stay apart
        ("培训200名教师、医生。", "200名", "教师"),
        ("建成3个公园、5个广场。", "3个", "公园"),
    ],
)
def test_a_list_of_modifiers_shares_its_head(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # after a count of cases, verbs ending the clause name the cases
        ("海关去年共处理1,200宗走私举报，按年增加5%。", "1,200宗", "走私举报"),
        ("该署另收到2,100多宗申请。", "2,100多宗", "申请"),
        # a verb that is a stop or bridge is the predicate, not the cases
        ("全年共300宗获批。", "300宗", None),
    ],
)
def test_cases_named_by_verbs(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a body named before a time and a verb is the clause's agent, not the thing counted
        ("渔护署今年预计拨款1,500万元，资助渔民转型。", "1,500万元", None),
        ("食安局上半年抽检蔬菜3,000个。", "3,000个", "蔬菜"),
        # a place or a concept ending the same way is no body (助老餐厅, 居委) and stays
        ("全区建成长者餐厅52个。", "52个", "长者餐厅"),
    ],
)
def test_a_body_acting_is_not_counted(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 按年/按月 and a one-character change verb stand between the noun and its figure
        ("港口首季货柜吞吐量按年升近两成", "近两成", "港口首季货柜吞吐量"),
        ("酒店入住率按月跌2.4个百分点。", "2.4个百分点", "酒店入住率"),
        ("全市专精特新企业从40家跃升到95家。", "95家", "专精特新企业"),
    ],
)
def test_regional_change_words_bridge(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a time clause (a verb and 后/前/以来) before the noun says when, not what
        ("跨海大桥通车后两岸通勤时间缩短至40分钟。", "40分钟", "两岸通勤时间"),
        ("扣除沙尘影响后城区优良天数比率达到91%。", "91%", "城区优良天数比率"),
        ("竣工后摊位将由120个增至160个。", "120个", "摊位"),
        # 后 before an act is part of its name (后评估), and a name with 后 inside stays
        ("在省级项目后评估考核中连续两年获评优秀。", "两年", "省级项目后评估考核"),
    ],
)
def test_a_time_clause_is_not_the_thing(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a name the dictionary lacks, cut after a conjunction-like first character, opens the noun
        ("今年新建150个和美村庄。", "150个", "和美村庄"),
        # a conjunction before a whole word still opens another item
        ("开展培训3期和社区座谈5场。", "3期", "培训"),
    ],
)
def test_a_name_opening_with_a_conjunction_character(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a count right before another that names its noun after it counts the same group
        ("今年解决了260户900余名村民的出行难题。", "260户", "村民"),
        ("今年将办好8类30件民生实事。", "8类", "民生实事"),
        # a period right before a count is no count of its thing
        ("五年1.2亿农村人口在城镇落户。", "五年", None),
    ],
)
def test_a_count_takes_the_noun_of_the_count_after_it(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert subject(sentence, metric) == expected


def test_a_rate_named_by_verbs_is_a_noun_phrase() -> None:
    # 率 ends the name of a rate though the dictionary tags it (and the act before it) as verbs
    assert subject("其中新办件1,200件，按期办结率达97.5%。", "97.5%") == "按期办结率"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # places listed before 分别 say where; the measure they share is what each figure counts
        (
            "如皋市、海安市、启东市一般公共预算收入分别为80亿元、70亿元和60亿元。",
            "70亿元",
            "一般公共预算收入",
        ),
        (
            "如皋市、海安市、启东市一般公共预算收入分别为80亿元、70亿元和60亿元。",
            "60亿元",
            "一般公共预算收入",
        ),
        # qualifiers that change what is counted stay with their item
        ("城镇、农村居民人均可支配收入分别达到52000元、26000元。", "26000元", "农村居民人均可支配收入"),
    ],
)
def test_places_listed_before_respectively_share_the_measure(
    sentence: str, metric: str, expected: str
) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # what stands before a verb of cause caused the figure; nothing names the people counted
        ("山火共导致5人死亡、12人受伤。", "5人", None),
        ("山火共导致5人死亡、12人受伤。", "12人", None),
        ("暴雨致300多人受灾。", "300多人", None),
        # a noun after the verb of cause is the figure's own
        ("冰雹造成直接经济损失2亿元。", "2亿元", "经济损失"),
    ],
)
def test_a_cause_is_not_counted(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected
