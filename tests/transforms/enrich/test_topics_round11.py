"""Topic rules by kind (round 11): each code's vocabulary, thousands separators, income pairs.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

import pytest

from tests.transforms.enrich.test_topics import _assert_story_topics, _topics

# made up: one figure per theme, its subject a word of that theme's programmes, facilities, people
# served or indicators that no keyword read before this round (or a weaker word outweighed)
VOCABULARY = [
    ("全市批发零售业销售额增长6%", "6%", "批发零售业销售额", "economy"),
    ("新建众创空间12家", "12家", "众创空间", "science_tech"),
    ("全区受理劳动仲裁案件300件", "300件", "劳动仲裁案件", "employment"),
    ("全县护老院增至15间", "15间", "护老院", "social_security"),
    ("改造殡葬服务设施4处", "4处", "殡葬服务设施", "social_security"),
    ("每千人口注册护士达到3.8人", "3.8人", "注册护士", "health"),
    ("消防处全年处理救护召唤80万宗", "80万宗", "救护召唤", "health"),
    ("全省孕产妇死亡率降至8.5/10万", "8.5/10万", "孕产妇死亡率", "health"),
    ("义务教育巩固率达到99%", "99%", "义务教育巩固率", "education"),
    ("筹集共有产权住房2000套", "2000套", "共有产权住房", "housing"),
    ("整治城市易涝点35个", "35个", "城市易涝点", "urban"),
    ("新开通多式联运线路6条", "6条", "多式联运线路", "transport"),
    ("全市细颗粒物平均浓度下降4%", "4%", "细颗粒物平均浓度", "environment"),
    ("完成挥发性有机物治理项目80个", "80个", "挥发性有机物治理项目", "environment"),
    ("新建肉牛养殖场20个", "20个", "肉牛养殖场", "rural"),
    ("全省入境游人数增长30%", "30%", "入境游人数", "culture_tourism"),
    ("破获电诈案件1200起", "1200起", "电诈案件", "public_safety"),
    ("开展主题党日活动40场", "40场", "主题党日活动", "governance"),
    ("全年受理初信初访2000件", "2000件", "初信初访", "petitions"),
]


@pytest.mark.parametrize("row", VOCABULARY, ids=[r[2] for r in VOCABULARY])
def test_each_code_reads_its_own_vocabulary(row: tuple[str, str, str, str]) -> None:
    _assert_story_topics([row])


def test_a_thousands_separator_ends_no_clause() -> None:
    # made up: 3,200 is one number; the pay after it is employment, not the care workers' theme
    # before the comma's digits
    got = _topics(
        ["全市托育人员约3,200名，平均月薪约2,800元"],
        [["约3,200名", "约2,800元"]],
        subjects={"约3,200名": "托育人员", "约2,800元": "平均月薪"},
    )
    assert got == [["health", "employment"]]


def test_an_income_pair_goes_on_in_the_next_clause() -> None:
    # made up: the pair's levels, then its growth rates in a clause of its own (分别增长C和D): every
    # second figure is the rural one; a thousands separator inside the levels splits nothing
    got = _topics(
        ["城乡居民人均可支配收入分别达到52,100元和31,400元，分别增长4.5%和6.2%。"],
        [["52,100元", "31,400元", "4.5%", "6.2%"]],
        subjects={k: "城乡居民人均可支配收入" for k in ("52,100元", "31,400元", "4.5%", "6.2%")},
    )
    assert got == [["economy", "rural", "economy", "rural"]]


def test_village_roads_of_the_highway_classes_and_rural_water_pipes() -> None:
    # made up: 村道 is a class of rural highway (县道, 乡道, 村道) however villagey the story; pipes
    # of rural water supply are rural, not city pipe networks
    rows = [
        ("针对村民出行难，全镇硬化村道12公里", "12公里", "村道", "transport"),
        ("改造提升农村供水管网60公里", "60公里", "农村供水管网", "rural"),
        ("新建改造城市供水管网45公里", "45公里", "城市供水管网", "urban"),
    ]
    _assert_story_topics(rows)


def test_family_doctor_contracts_are_health_an_investment_deal_economy() -> None:
    # made up: residents who signed a family doctor up are health; 签约 of projects stays economy
    rows = [
        ("家庭医生签约服务覆盖全镇，签约居民9000余人", "9000余人", "签约居民", "health"),
        ("重点人群签约率达到80%", "80%", "重点人群签约率", "health"),
        ("全年招商项目签约120个", "120个", "招商项目", "economy"),
    ]
    _assert_story_topics(rows)


def test_key_questions_of_a_policy_are_no_residents_problems() -> None:
    # made up: a plan built around three questions of state assets is not a count of requests
    _assert_story_topics(
        [("围绕国有资产怎么管、怎么用三个关键问题，深化国资国企改革", "三个", "关键问题", "economy")]
    )


def test_money_closing_its_sentence_is_what_the_count_before_it_spends() -> None:
    # made up: a bare sum after a list of livelihood projects is theirs (petitions); after a count of
    # old compounds renovated, housing; before a part (，其中…) likewise; with a clause after it, that
    # clause still says what it is spent on (村道: transport)
    got = _topics(
        [
            "全镇梳理民生项目清单20项，已完工12项，完成投资500余万元。",
            "今年全区计划改造老旧小区30个，计划总投资5.2亿元。",
            "今年计划实施民生实事25件，总投资约8亿元，其中新建农贸市场3个。",
            "全镇争取上级资金200万元，对5条村道进行硬化。",
        ],
        [["20项", "12项", "500余万元"], ["30个", "5.2亿元"], ["25件", "约8亿元", "3个"], ["200万元", "5条"]],
        stories=[0, 1, 2, 3],
        subjects={
            "20项": "民生项目清单",
            "500余万元": "投资",
            "30个": "老旧小区",
            "5.2亿元": "计划总投资",
            "25件": "民生实事",
            "约8亿元": "总投资",
            "3个": "农贸市场",
            "200万元": "上级资金",
            "5条": "村道",
        },
    )
    assert got == [
        ["petitions", "petitions", "petitions"],
        ["housing", "housing"],
        ["petitions", "petitions", "urban"],
        ["transport", "transport"],
    ]


def test_a_clause_of_one_hint_yields_to_the_theme_its_sentence_names() -> None:
    # made up: 小区 alone only hints at compounds; a sentence on renovating old compounds makes the
    # count housing; with no theme in the sentence the hint stands
    got = _topics(
        ["全县老旧小区改造提速，今年改造15个小区。", "全区新建小区8个。"],
        [["15个"], ["8个"]],
        stories=[0, 1],
        subjects={"15个": "小区", "8个": "小区"},
    )
    assert got == [["housing"], ["urban"]]


def test_berths_science_awards_and_laid_off_workers() -> None:
    # made up: a port's berths are transport, a street's parking berths urban; results winning a
    # science award are science_tech whatever they are about; workers laid off and resettled employment
    rows = [
        ("全市港口新建成深水泊位6个", "6个", "深水泊位", "transport"),
        ("中心城区新增停车泊位3000个", "3000个", "停车泊位", "urban"),
        ("新型疫苗等5项成果获省科学技术奖", "5项", "成果", "science_tech"),
        ("妥善安置分流职工2万人", "2万人", "分流职工", "employment"),
    ]
    _assert_story_topics(rows)


def test_a_change_in_a_clause_naming_nothing_keeps_the_topic_of_the_figure_before_it() -> None:
    # made up: the visitors a travel agency brought are tourism, and so is their fall in the next
    # clause, though the subject carried over (旅客) alone would read as passengers
    got = _topics(
        ["3月份经旅行社来港的旅客有15万人次，按年减少4.2%。"],
        [["15万人次", "4.2%"]],
        subjects={"15万人次": "旅客", "4.2%": "旅客"},
    )
    assert got == [["culture_tourism", "culture_tourism"]]


def test_an_income_pair_goes_on_without_fenbie() -> None:
    # made up: …分别达A、B，增长C、D: the growth clause is the pair's too
    got = _topics(
        ["城乡居民人均可支配收入分别达5.2万元、2.9万元，增长4.1%、5.6%。"],
        [["5.2万元", "2.9万元", "4.1%", "5.6%"]],
        subjects={k: "城乡居民人均可支配收入" for k in ("5.2万元", "2.9万元", "4.1%", "5.6%")},
    )
    assert got == [["economy", "rural", "economy", "rural"]]


def test_people_modifying_a_thing_take_the_things_theme() -> None:
    # made up: rural people's drinking water is rural water supply; a country of so many people is
    # no theme of the clause after it
    rows = [
        ("今年解决500万农村人口的饮水安全问题", "500万", "农村人口", "rural"),
        ("8亿多人口的大国建成了最大的教育体系", "8亿多", "人口", "other"),
    ]
    _assert_story_topics(rows)


def test_hong_kong_macau_and_taiwan_schemes_after_conversion() -> None:
    # made up (Simplified after t2s): home-ownership flats, urban renewal, helpers, public kindergartens
    rows = [
        ("房委会今年推出居者有其屋单位4000个", "4000个", "居者有其屋单位", "housing"),
        ("市区重建局开展市区重建项目8个", "8个", "市区重建项目", "urban"),
        ("本港外籍家庭佣工约36万名", "约36万名", "外籍家庭佣工", "employment"),
        ("台中市新设公幼12班", "12班", "公幼", "education"),
    ]
    _assert_story_topics(rows)
