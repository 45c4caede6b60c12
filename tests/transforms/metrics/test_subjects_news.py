"""Subject rules for news constructions (session 8): a predicate of opening, working or setting a
record after the counted noun, an idiom of how it goes, an adverb of scope around a noun read
before the figure, and a count of two kinds of places at once.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a word of opening after the noun read forward is its predicate, though tagged a noun
        ("今年已有5条高速公路通车。", "5条", "高速公路"),
        ("全市新增12家商场开业。", "12家", "商场"),
        ("3条国际航线通航。", "3条", "国际航线"),
        ("今年已有12个小区进场施工。", "12个", "小区"),
        # a verb of setting a record, whatever noun it takes
        ("2台海上风电机组创单日发电量新纪录。", "2台", "海上风电机组"),
        ("3家企业刷新产量纪录。", "3家", "企业"),
        # how hard the thing works, and an idiom after the noun
        ("8家企业满负荷生产。", "8家", "企业"),
        ("6家食品企业开足马力赶订单。", "6家", "食品企业"),
        # before a noun the word of opening qualifies it and stays
        ("6个投产项目顺利推进。", "6个", "投产项目"),
        ("全省500公里高速公路通车里程。", "500公里", "高速公路通车里程"),
        # before any other noun the word of opening governs it: the places are counted
        ("在11个国家投运海外仓30个。", "11个", "国家"),
        # nothing named yet: the words qualify the head that follows
        ("推进800多个拟竣工投产项目。", "800多个", "拟竣工投产项目"),
        # a lone 创 inside a name cut in characters is no verb
        ("设立12只科创基金。", "12只", "科创基金"),
        # a word the dictionary calls an idiom is not for that a predicate
        ("新建3个高速公路出入口。", "3个", "高速公路出入口"),
        ("5000多栋楼宇拔地而起。", "5000多栋", "楼宇"),
    ],
)
def test_a_predicate_after_the_counted_noun_is_cut(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # one classifier counts the places of both kinds of a coordination
        ("目前已有180多个国家和地区参与。", "180多个", "国家和地区"),
        ("我国已与90多个国家和地区签署协议。", "90多个", "国家和地区"),
        ("全县120个村和社区实现全覆盖。", "120个", "村和社区"),
        # with 的 after them the places are counted, not what they own
        ("吸引了45个国家和地区的嘉宾参会。", "45个", "国家和地区"),
        ("累计吸引60个国家和地区投资。", "60个", "国家和地区"),
        # a classifier of one kind of thing counts only its own conjunct
        ("发放2万条羊毛毯和慰问金。", "2万条", "羊毛毯"),
    ],
)
def test_a_count_of_two_kinds_of_places(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # an adverb of scope opening the clause, or one after the noun, is the predicate's
        ("去年仅旅游综合收入就达到80亿元。", "80亿元", "旅游综合收入"),
        ("仅外贸进出口额就突破900亿元。", "突破900亿元", "外贸进出口额"),
        ("当地水稻平均亩产还不到600公斤。", "不到600公斤", "水稻平均亩产"),
        ("全区蔬菜产量也达到20万吨。", "20万吨", "蔬菜产量"),
        # a negation opens a noun and stays
        ("抽检不合格样品12批。", "12批", "不合格样品"),
    ],
)
def test_an_adverb_around_the_noun_read_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 截至 and its time open the clause of a part: the part takes its whole's noun
        ("共受理投诉500件，截至目前已处理460件。", "460件", "投诉"),
        ("截止6月底全市登记市场主体23万户。", "23万户", "市场主体"),
        # a verb of finding or issuing before the noun governs it (tagged a verbal noun)
        ("累计摸排矛盾纠纷80起。", "80起", "矛盾纠纷"),
        ("全市发布预警信息30条。", "30条", "预警信息"),
        ("自贸试验区推出制度创新成果15项。", "15项", "制度创新成果"),
        ("我国累计制定发布行业标准900项。", "900项", "行业标准"),
        # a verb after a governing verb is the modifier of the noun it opens: 制定 stays out
        ("全年制定修订地方性法规12件。", "12件", "地方性法规"),
    ],
)
def test_a_time_preposition_or_governing_verb_before_the_noun(
    sentence: str, metric: str, expected: str
) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a count read forward binds its noun; an attribute of that noun after it is what is said of each
        ("流域内15条支流水质全部达标。", "15条", "支流"),
        ("全省9个地市空气质量优良。", "9个", "地市"),
        ("全区40家企业营业收入超亿元。", "40家", "企业"),
        ("8个特色村产值翻番。", "8个", "特色村"),
        # the attribute opening the name is part of it
        ("新增5家产值超亿元企业。", "5家", "产值超亿元企业"),
        # a word of two characters after the noun that only ends in 边 is no adverb
        ("新增城市金角银边60处。", "60处", "城市金角银边"),
    ],
)
def test_an_attribute_after_a_counted_noun_is_cut(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a passive participle opening the noun after a count qualifies it
        ("冲突中2名被扣押人员获释。", "2名", "被扣押人员"),
        ("已有20户被征收农户签约。", "20户", "被征收农户"),
        # two kinds of people coordinated are counted together
        ("其中已有6名当地学生和教师遇难。", "6名", "当地学生和教师"),
        ("全县500名医生和护士投入救治。", "500名", "医生和护士"),
        # a people count read through 的 to a thing: the people are counted
        ("节目讲述了十余位宋代画家传奇的艺术人生。", "十余位", "宋代画家"),
        ("袭击造成上百名平民伤亡。", "上百名", "平民"),
        # a people noun the dictionary tags a verb still names them
        ("共有300名选手同场竞技。", "300名", "选手"),
        # people named inside quotes keep the closing quote
        ("共有80多位“小工匠”参加。", "80多位", "“小工匠”"),
        # a passive ending the clause is its predicate
        ("该队先后5次被评优嘉奖。", "5次", None),
    ],
)
def test_people_counted_after_the_figure(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a verb of gain right after a per-head word names the indicator with it
        ("合作社成员去年户均增收3.2万元。", "3.2万元", "户均增收"),
        ("贫困户户均增收8000元。", "8000元", "贫困户户均增收"),
        # not after a noun of its own: the verb is the measure
        ("全县农民人均可支配收入增加1200元。", "1200元", "农民人均可支配收入"),
    ],
)
def test_a_gain_per_head(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 等地 closes a list of places: its 地 names nothing
        ("受冷空气影响，内蒙古东部、吉林西部等地气温下降8℃。", "8℃", "气温"),
        ("常州、镇江等地企业新增60家。", "60家", "企业"),
        # 超长期特别国债 is one name, not a verb of exceeding and an adverb
        ("今年已下达超1500亿元超长期特别国债资金。", "超1500亿元", "超长期特别国债资金"),
        ("我国发行8000亿元超长期特别国债。", "8000亿元", "超长期特别国债"),
        # 立面 is a noun (a facade), not an adverb ending the phrase
        ("计划改造沿街立面3万平方米。", "3万平方米", "沿街立面"),
        # 自贸 names: the counted agreement or zone is not lost to a preposition 自
        ("该国已与邻国签署了4个自贸协定。", "4个", "自贸协定"),
        ("全国已设立20多个自贸试验区。", "20多个", "自贸试验区"),
    ],
)
def test_news_names_cut_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a 与…相比 frame names the point compared with; the thing stands before it
        ("今年刑事案件与去年同期相比下降18%。", "18%", "刑事案件"),
        ("全县蔬菜产量与上年相比增加6%。", "6%", "蔬菜产量"),
        # a 是…的 frame names the base of a multiple; the thing stands before 是
        ("全市外贸进出口总额是全国平均水平的3倍。", "3倍", "外贸进出口总额"),
        ("新能源汽车产量是去年同期的1.8倍。", "1.8倍", "新能源汽车产量"),
        ("该镇旅游收入已是十年前的8倍。", "8倍", "旅游收入"),
        ("16个自贸试验区进出口额1.2万亿元。", "16个", "自贸试验区"),
        # the output of each counted kind is said of it: the kinds are counted
        ("其中12种产品产量保持两位数增长。", "12种", "产品"),
        ("3个品种产量创新高。", "3个", "品种"),
    ],
)
def test_a_comparison_frame_and_an_output_attribute(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
