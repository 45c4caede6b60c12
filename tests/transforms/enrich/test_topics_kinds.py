"""Topic rules by kind (round 8): enforcement words, sector words, regional releases' families.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

from tests.transforms.enrich.test_topics import _assert_story_topics, _topics


def test_enforcement_takes_the_theme_of_the_law_it_upholds() -> None:
    # made up: prosecutions and fines under a pollution law are about pollution, and a clause holding
    # only the enforcement word (法庭…罚款) follows the metric before it, not public safety
    got = _topics(
        ["去年就非法排放污水提出的检控共120宗，较前年的150宗减少两成，法庭判处的最高罚款为5万元"],
        [["120宗", "150宗", "两成", "5万元"]],
        subjects={"120宗": "检控", "5万元": "最高罚款"},
    )
    assert got == [["environment"] * 4]


def test_enforcement_alone_stays_public_safety() -> None:
    # made up: with no law named anywhere, prosecutions are policing and law
    _assert_story_topics([("全年共检控违例者300人", "300人", "违例者", "public_safety")])


def test_hawker_control_is_street_order() -> None:
    # made up: patrols of hawkers' stalls and prosecutions of unlicensed selling are urban order
    got = _topics(
        ["署方全年巡查持牌小贩摊档2,100多次，检控无牌摆卖个案30宗"],
        [["2,100多次", "30宗"]],
        subjects={"2,100多次": "持牌小贩摊档", "30宗": "无牌摆卖个案"},
    )
    assert got == [["urban", "urban"]]


def test_sector_words() -> None:
    # made up: childcare subsidies are social security, care staff's wage subsidies employment, a
    # sector's investment the sector's, coordination meetings governance, trees greening
    rows = [
        ("去年托育补助共核发1.5万件", "1.5万件", "托育补助", "social_security"),
        ("每月加发托育人员薪资补助2,500元", "2,500元", "托育人员薪资补助", "employment"),
        ("全省完成交通固定资产投资300亿元", "300亿元", "交通固定资产投资", "transport"),
        ("热线办公室全年召开专题协调会20场", "20场", "专题协调会", "governance"),
        ("今年计划新种植树木约3千株", "约3千株", "树木", "environment"),
    ]
    _assert_story_topics(rows)


def test_a_time_before_the_epidemic_names_no_theme() -> None:
    # made up: 疫情前同期 dates the comparison; the scheme before it decides
    got = _topics(
        ["共收到中小企业援助计划申请900宗，相当于疫情前同期的约1.4倍"],
        [["900宗", "约1.4倍"]],
        subjects={"900宗": "中小企业援助计划申请", "约1.4倍": "疫情前"},
    )
    assert got == [["economy", "economy"]]


def test_regional_release_families() -> None:
    # made up: newborns counted are population, food samples public health, a total budget's outlays
    # the fiscal aggregate, single-use cuts waste
    rows = [
        ("1至9月新生儿人数为9,800人", "9,800人", "新生儿人数", "other"),
        ("上半年抽检食品样本3,100个", "3,100个", "食品样本", "health"),
        ("明年度总预算案岁出规模达2兆9千亿元", "2兆9千亿元", "总预算案岁出规模", "economy"),
        ("推动限塑，预估每年可减少一次用杯约3亿个", "约3亿个", "一次用杯", "environment"),
    ]
    _assert_story_topics(rows)


def test_a_regional_department_sets_the_story_theme() -> None:
    # made up: a release whose only theme word is the department that issued it; its silent
    # sentences take the department's theme from the story
    got = _topics(
        ["社会局今日发布统计。", "上月共核发1,200件，较前一月增加150件。"],
        [[], ["1,200件", "150件"]],
    )
    assert got == [[], ["social_security", "social_security"]]
    got = _topics(["运输署公布最新数字。", "上月共有3,400宗。"], [[], ["3,400宗"]])
    assert got == [[], ["transport"]]


def test_re_exports_and_crimes_cleared() -> None:
    # made up: re-exports are trade; the share of crimes cleared is policing
    rows = [
        ("转口货值增长6%", "6%", "转口货值", "economy"),
        ("整体破案率为40%", "40%", "整体破案率", "public_safety"),
    ]
    _assert_story_topics(rows)


def test_requests_by_category_are_petitions() -> None:
    # made up: a hotline's requests by category stay petitions, the category named or its noun left
    # out after a count of requests; a bare category of projects keeps its own theme
    got = _topics(
        ["全年受理市民诉求12万件。", "其中住房类诉求2.1万件，其次是交通出行类1.6万件、环境卫生类9千件。"],
        [["12万件"], ["2.1万件", "1.6万件", "9千件"]],
        subjects={
            "12万件": "市民诉求",
            "2.1万件": "住房类诉求",
            "1.6万件": "交通出行类",
            "9千件": "环境卫生类",
        },
    )
    assert got == [["petitions"], ["petitions"] * 3]
    got = _topics(
        ["今年安排重点项目80个，其中工业类12个、农业类15个"],
        [["80个", "12个", "15个"]],
        subjects={"80个": "重点项目", "12个": "工业类", "15个": "农业类"},
    )
    assert got == [["economy", "economy", "rural"]]


def test_a_weak_subject_takes_the_theme_of_its_actor() -> None:
    # made up: firms a job fair drew are the fair's (employment); firms a programme reached, in a
    # clause of their own, the programme's; an actor only exemplified (A、B等方面) names none
    got = _topics(
        ["本届招聘会共吸引企业420余家，提供岗位9,000个"],
        [["420余家", "9,000个"]],
        subjects={"420余家": "企业", "9,000个": "岗位"},
    )
    assert got == [["employment", "employment"]]
    got = _topics(
        ["全市发放稳岗返还资金2.1亿元，惠及企业1.4万家"],
        [["2.1亿元", "1.4万家"]],
        subjects={"2.1亿元": "稳岗返还资金", "1.4万家": "企业"},
    )
    assert got == [["employment", "employment"]]
    got = _topics(
        ["市内外企业共300家参展"],
        [["300家"]],
        subjects={"300家": "市内外企业"},
    )
    assert got == [["economy"]]


def test_the_law_enforced_names_the_theme() -> None:
    # made up: prosecutions under an employment ordinance are employment, of illegal fishing rural,
    # of unlicensed selling urban, the enforcement word heading the subject or not
    rows = [
        ("去年就违反《雇佣条例》检控雇主210宗", "210宗", "《雇佣条例》检控", "employment"),
        ("去年检控非法捕鱼个案18宗", "18宗", "检控非法捕鱼个案", "rural"),
        ("去年就无牌摆卖提出检控900宗，并检获货物500批", "900宗", "就无牌摆卖提出检控", "urban"),
    ]
    _assert_story_topics(rows)


def test_labour_relations_and_city_works() -> None:
    # made up: labour disputes and their cases are disputes of public safety (session 16: the spent
    # MO/TW gold, over round 8's employment), a case of them theirs; old houses' safety checks are
    # housing; sidewalks and street vendors are municipal works
    rows = [
        ("今年共处理劳资纠纷个案950宗", "950宗", "劳资纠纷个案", "public_safety"),
        ("受理劳动争议案件1,300件", "1,300件", "劳动争议案件", "public_safety"),
        ("今年共补助老屋健检600件", "600件", "老屋健检", "housing"),
        ("今年完成人行道改善9公里", "9公里", "人行道", "urban"),
        ("登记的摊贩增加5%", "5%", "摊贩", "urban"),
    ]
    _assert_story_topics(rows)


def test_what_a_metric_involved_follows_it() -> None:
    # made up: a clause stating what the metric before it involved takes that metric's theme,
    # unless its subject names one; opening a sentence, 涉及 only modifies what follows
    got = _topics(
        ["今年共接待旅行团8,000个，涉及旅客25万人次", "今年共处理劳资纠纷个案700宗，涉及雇员1,900人"],
        [["8,000个", "25万人次"], ["700宗", "1,900人"]],
        subjects={"8,000个": "旅行团", "25万人次": "旅客", "700宗": "劳资纠纷个案", "1,900人": "雇员"},
    )
    assert got == [["culture_tourism", "culture_tourism"], ["public_safety", "public_safety"]]


def test_vector_control_and_food_samples_are_public_health() -> None:
    # made up: mosquito black spots found near a school are vector control, not education
    rows = [
        ("到屋苑及学校巡查，共发现蚊患黑点9个", "9个", "蚊患黑点", "health"),
        ("食物安全中心今年抽检食物样本4万个", "4万个", "食物样本", "health"),
    ]
    _assert_story_topics(rows)


def test_a_breakdown_of_a_group_takes_the_group_theme() -> None:
    # made up: the students and workers listed among the patients are patients (health)
    got = _topics(
        ["患者包括4名学生及3名建筑工人，均已入院治疗"],
        [["4名", "3名"]],
        subjects={"4名": "学生", "3名": "建筑工人"},
    )
    assert got == [["health", "health"]]
