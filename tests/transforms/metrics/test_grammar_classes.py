"""Figures and non-figures of session 8's kinds (docs/decisions/0021-criteria-and-classes.md): an amount that names a class of things (超亿元企业),
formal 二 before a length (最长二年), days applied for (申请18日), 口 counting wells and cages, signed
temperatures, criteria (made-up sentences of each kind)."""

from __future__ import annotations

import pytest

from transforms.metrics.grammar import find_metrics


def _spans(sentence: str) -> list[tuple[str, float, str]]:
    return [(m.text, m.value, m.unit) for m in find_metrics(sentence)]


CASES = [
    # an "over" word + amount + a noun of things: the class, not an amount (the count after it is one)
    ("全市培育年产值超亿元企业46家", [("46家", 46, "家")]),
    ("签约过50亿元项目3个", [("3个", 3, "个")]),
    ("全年完成投资超8亿元，比上年增长一成", [("超8亿元", 8e8, "元"), ("一成", 1, "成")]),
    ("项目总投资12亿元", [("12亿元", 1.2e9, "元")]),
    # formal HK/TW text writes 二 for two before a length when a cue says it is one
    ("每段合约最长二年", [("二年", 2, "年")]),
    ("每名雇员可申请二年", [("二年", 2, "年")]),
    ("最多二日", [("最多二日", 2, "天")]),
    ("学生升上二年级", []),
    ("本月二日举行", []),
    ("二期工程动工", []),
    # days of leave applied for; a date stays a date
    ("平均每名员工申请12日", [("12日", 12, "天")]),
    ("申请人须于20日起办理", []),
    # 口 counts wells, cellars, ponds, net cages; not 口罩, not a family's size
    ("今年新打抗旱机井46口", [("46口", 46, "口")]),
    ("完成深水网箱改造1.2万口", [("1.2万口", 12000, "口")]),
    ("三口之家月均支出", []),
    ("一家四口住进新居", []),
    ("一家五口人住进新居", [("五口人", 5, "人")]),
    # a count + 以上 before a settlement noun is a condition too
    ("推动30户以上自然村通客车", []),
    ("新增300个以上自然村通客车", [("300个以上", 300, "个")]),  # a count of the villages themselves
    ("光纤覆盖95%以上行政村", [("95%以上", 95, "%")]),
    # 24小时 before a service noun: round the clock, not a length
    ("市民可拨打24小时防疫热线咨询", []),
    ("图书馆实现24小时开放", [("24小时", 24, "小时")]),  # how long it is open: a figure
    ("设立24小时自助图书馆5个", [("5个", 5, "个")]),
    ("抢修队连续作业24小时", [("24小时", 24, "小时")]),
    # the names of school systems hold no figure
    ("新建3所九年一贯制学校", [("3所", 3, "所")]),
    ("巩固九年义务教育成果", []),
    # a criterion: the time limit of the things a share counts; a minimum that earns a reward
    ("消防车在8分钟内抵达火场的个案占94.1%", [("94.1%", 94.1, "%")]),
    ("两日内回覆的查询占九成", [("九成", 9, "成")]),
    ("市民单次消费最少300元，可获100元回赠", [("100元", 100, "元")]),
    ("会员累计满500元即可兑换", []),
    ("平均3天内办结，满意率达97%", [("3天", 3, "天"), ("97%", 97, "%")]),
    ("全年至少新增就业2万人", [("2万人", 20000, "人")]),
    # 数 that ends a count noun (人数, 户数) is not the vague 数 of 数十, 数千
    ("力争把交通事故死亡人数降低两成", [("两成", 2, "成")]),
    ("参与群众数千人", []),
    # a people noun that ends in its own unit gives it to a bare multiplier (人次, not 人)
    ("全年入境旅客人次达3,120万", [("3,120万", 3.12e7, "人次")]),
    ("农村低收入人口减少12万", [("12万", 1.2e5, "人")]),
    # half after a bound word is a share, as 一半 is; not half a year
    ("逾半受访市民表示支持", [("逾半", 50, "%")]),
    ("超过半数的村民参与", [("超过半数", 50, "%")]),
    ("近半年来客流回升", []),
    # Taiwan counts applications and projects in 案
    ("本年度共核定补助860案", [("860案", 860, "案")]),
    # a sport's event is a name; a race time reads its hundredths
    ("她在女子200米决赛中摘金", []),
    ("男子4×400米接力队夺冠", []),
    ("以10秒05的成绩夺冠", [("10秒05", 10.05, "秒")]),
    ("接力队以3分12秒40夺冠", [("3分12秒40", 192.4, "秒")]),
    ("比赛第78分20秒扳平比分", []),
    ("新建健身步道800米", [("800米", 800, "米")]),
    # the years of a change, and 近N年 opening a clause, are reference periods
    ("全省货物吞吐量5年增长80%", [("80%", 80, "%")]),
    ("近5年城镇新增就业保持在每年百万人以上", []),
    ("用了近5年时间完成改造", [("近5年", 5, "年")]),
    ("养老金连续6年提高", [("6年", 6, "年")]),  # a streak counts its years
    ("平均受教育年限从10.5年提高到11年", [("10.5年", 10.5, "年"), ("11年", 11, "年")]),
    # the base of a rate written after a slash is no figure of its own
    ("全市肺结核报告发病率降至28.4例/10万", [("28.4例", 28.4, "例")]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_kinds(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert _spans(sentence) == expected
