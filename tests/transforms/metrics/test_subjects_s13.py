"""Subject rules of session 13: lists of places sharing one measure, and nouns jieba mis-tags.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transforms.metrics.frames import subject
from transforms.metrics.grammar import find_metrics
from transforms.parse import parse_batch


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # short place names closed by their count and kind: the places say where, the rest is measured
        ("衡阳、邵阳两市新建和改造供水管网分别为120公里、95公里。", "120公里", "供水管网"),
        ("衡阳、邵阳两市新建和改造供水管网分别为120公里、95公里。", "95公里", "供水管网"),
        # full names, with a verb pair joined by 和: one measure, not two list items
        ("衡阳市、邵阳市新增和改善灌溉面积分别为12万亩、9万亩。", "12万亩", "灌溉面积"),
        # a list of things is still split at 和 (城镇|和|农村居民收入)
        ("城镇和农村居民人均可支配收入分别增长5.1%、6.3%。", "6.3%", "农村居民人均可支配收入"),
        # 积分 is a noun (积分卡), not the adverb jieba tags it
        ("该镇累计发放积分卡4800张。", "4800张", "积分卡"),
        # 村 counted after its classifier is the thing counted, not the named village before 等
        ("李家村等6个村已完成改厕。", "6个", "村"),
        # 一度 (for a time) opens the predicate after a forward-read name
        ("暴雨期间有6个隧道入口一度封闭。", "6个", "隧道入口"),
        # Hong Kong incident nouns the dictionary cuts into verbs are the cases counted
        ("消防处当日接报52宗塌树。", "52宗", "塌树"),
        # a government acting through a modal is the agent: the sum names nothing it counts
        ("政府会预留80亿元，设立创科基金。", "80亿元", None),
        ("特区政府将拨款25亿元。", "25亿元", None),
        # before a verb, 政府 is a term's first word
        ("政府购买服务支出下降6%。", "6%", "政府购买服务支出"),
        # a release's estimate of a noun: the noun is measured, and the change after it too
        ("本季出口货值的临时估计为1,250亿元，较去年同期上升4.1%。", "1,250亿元", "出口货值"),
        ("本季出口货值的临时估计为1,250亿元，较去年同期上升4.1%。", "4.1%", "出口货值"),
        # a month closing the subject read before the figure says when
        ("入境旅客人次于九月按年增长9%，约有280万人次。", "9%", "入境旅客人次"),
        # a clause giving only the level, in the unit the indicator counts, is that indicator's
        ("入境旅客人次于九月按年增长9%，约有280万人次。", "280万人次", "入境旅客人次"),
        # a list of figures in one unit shares the noun after its last
        ("消防处分别接获812宗、905宗及1,020宗火警。", "812宗", "火警"),
        # a modifier clause opened by 涉及/有关 before the head noun after a count of cases
        ("食安中心接获460宗涉及网购食品的投诉。", "460宗", "涉及网购食品的投诉"),
        ("劳工处接获96宗涉及饮食业的工业意外个案。", "96宗", "涉及饮食业的工业意外个案"),
        # tags: 主任 a noun (职业安全主任), 致命 a distinguishing word (致命个案)
        ("当局计划增聘职业安全主任12名。", "12名", "职业安全主任"),
        ("其中致命个案为9宗。", "9宗", "致命个案"),
        # a case laid (提出|检控) is counted as a case received is
        ("海关今年提出检控420宗。", "420宗", "检控"),
        # the police acting through an adverb are the agent of a count of people
        ("警方共拘捕310人。", "310人", None),
        # a plan word and its verb opening the subject are the measure (计划|加开|列车)
        ("计划加开旅客列车260列。", "260列", "旅客列车"),
        ("当局计划增设长者宿位800个。", "800个", "长者宿位"),
        # 本澳 is one place word, 院舍 one noun
        ("目前本澳共有安老院舍41间。", "41间", "安老院舍"),
        # a figure inside what 一宗 counts (调查一宗涉及9人的…): no noun before it names it
        ("卫生防护中心正调查一宗涉及9人的食物中毒个案。", "9人", None),
        # a modal and a verb are the predicate, not a subject
        ("预计明年可培训约3万人次。", "约3万人次", None),
        # an age range stays whole before the measure it qualifies
        ("20至29岁失业率为7.4%。", "7.4%", "20至29岁失业率"),
        ("每千人口拥有3岁以下托位数4.5个。", "4.5个", "3岁以下托位数"),
        # the people an act is for (为X|追回|工资) and its verb are not what the sum counts
        ("今年为3.2万名劳动者追回工资4.1亿元。", "4.1亿元", "工资"),
        ("累计为困难群众发放临时救助金2.3亿元。", "2.3亿元", "临时救助金"),
        # not when 为 is a copula (定为), nor when the verb only qualifies people (随迁子女)
        ("为持有居住证的农民工随迁子女95%提供公办学位。", "95%", "农民工随迁子女"),
        # jieba lacks 引育 and the pair 培育推广: the verbs are the measure
        ("新引育高层次人才1200多人。", "1200多人", "高层次人才"),
        # a sum put into a programme does not count it (session 15: null, as the spent gold)
        ("筹措5亿元实施就业援助工程。", "5亿元", None),
        # a share followed by 为/是 names the part it is (其中约四成|为|长者); not a ranking after 为
        ("受助人士共2,300人，其中约四成为长者。", "约四成", "长者"),
        ("其中92%为历年最好水平。", "92%", None),
        # a whole and its part before 占: the share is the part's (个案中|男性|占…)
        ("求助个案中男性占六成。", "六成", "男性"),
        ("制造业中长期贷款增长9.1%。", "9.1%", "制造业中长期贷款"),
        # a count's classifier or a period's 个月 left before the subject goes (前4|个月|…营收)
        ("前4个月全省外贸进出口增长6.1%。", "6.1%", "全省外贸进出口"),
        ("12条市级重点产业链、9个特色小镇营业收入分别增长8%、6%。", "6%", "特色小镇营业收入"),
        ("降低600多万个体工商户税负。", "600多万", "个体工商户税负"),
        # 年 as "yearly" before a verb is the verb's (班列|年|开行)
        ("高速公路里程突破9000公里，中欧班列年开行突破5000列。", "突破5000列", "中欧班列"),
        # a quoted name holding a numeral is one name, not a figure ending the phrase
        ("新建“10分钟健身圈”320个。", "320个", "“10分钟健身圈”"),
        # 各类/各级 between a count and its noun point to the whole kind, no part of the name
        ("园区已入驻3000余家各类市场主体。", "3000余家", "市场主体"),
        ("700多名各界人士参加公祭。", "700多名", "各界人士"),
        # a count of households goes on to the household word after the people (老年人|家庭)
        ("完成4500户困难老年人家庭适老化改造。", "4500户", "困难老年人家庭"),
        ("惠及3200户居民。", "3200户", "居民"),
        # a term cut at its verbs by the dictionary is one noun (采煤沉陷区)
        ("总投资80亿元的采煤沉陷区光伏基地开工。", "80亿元", "采煤沉陷区光伏基地"),
        # 选派 is a verb; officials and ranks name people, whose count ends the name
        ("今年选派科技特派员1500人。", "1500人", "科技特派员"),
        ("共有120名民警、80名辅警因公负伤。", "80名", "辅警"),
        # a school year named by its place (本学年, 新学年) says when, never what
        ("本学年全港共有官立中学31所。", "31所", "官立中学"),
        ("新学年全区新增公办学位2600个。", "2600个", "公办学位"),
        # the handling time each counted item has is said of it, not part of its name
        ("42个高频事项办理时限压缩六成。", "42个", "高频事项"),
        # a noun list closed by 等 before one figure: the figure counts the whole list
        ("新建口袋公园、街心花园等260余处。", "260余处", "口袋公园、街心花园"),
        # 输电线路 is one noun, not a verb and its object
        ("新增500千伏输电线路860公里。", "860公里", "输电线路"),
        # 设备更新 is one noun (a policy term), which qualifies the funds and projects it names
        ("争取设备更新专项资金32亿元。", "32亿元", "设备更新专项资金"),
        # a ranking: the measure before 以 is every ranked figure's; the groups only say whose
        (
            "按地区别观察，上半年经常性薪资以台北市5万3,200元最高，新竹市5万1,000元次之，嘉义县3万8,600元最低。",
            "5万3,200元",
            "经常性薪资",
        ),
        (
            "按地区别观察，上半年经常性薪资以台北市5万3,200元最高，新竹市5万1,000元次之，嘉义县3万8,600元最低。",
            "3万8,600元",
            "经常性薪资",
        ),
        # a group before 以 (新竹市以…居次) or a set of groups (各县中以…) is no measure
        ("各县市中以台北市空置率8.1%最低。", "8.1%", "空置率"),
    ],
)
def test_subjects(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


def test_a_sentence_stating_only_a_change_goes_on_about_the_figure_before(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("9月入境旅客人次为310万，按年上升6.2%。按月则下降4.5%。\n", encoding="utf-8")
    got = dict(parse_batch([str(page)]).metrics.select("text", "subject").rows())
    assert got["4.5%"] == got["6.2%"] == "入境旅客人次"


@pytest.mark.parametrize("sentence", ["［12］五个必须：", "某矿区入选联合国生态恢复十年优秀案例。"])
def test_slogans_and_names_built_on_a_numeral_are_no_figures(sentence: str) -> None:
    assert find_metrics(sentence) == []
