"""Topic rules by kind (round 9), from a read of the real corpus: growth targets, affordable
housing programmes, laid-off workers, food safety, business-environment inspections.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

from tests.transforms.enrich.test_topics import _assert_story_topics, _topics


def test_a_growth_target_is_the_economy() -> None:
    # made up: a work report states the year's growth target with no indicator named
    _assert_story_topics([("今年确定5%左右的增长目标", "5%左右", "增长目标", "economy")])


def test_the_affordable_housing_programme_is_housing() -> None:
    # made up: units and funds of 保障性安居工程 are housing, not a project's economy
    _assert_story_topics(
        [
            ("全省新开工保障性安居工程12万套", "12万套", "保障性安居工程", "housing"),
            ("下达安居工程补助资金30亿元", "30亿元", "安居工程补助资金", "housing"),
        ]
    )


def test_laid_off_workers_are_employment() -> None:
    # made up: laid-off workers of state firms are counted by the labour chapter
    _assert_story_topics([("全市国有企业下岗职工共3万人", "3万人", "国有企业下岗职工", "employment")])


def test_food_safety_is_health() -> None:
    # made up: food safety and its sampling are food and drug regulation, as food samples are
    _assert_story_topics(
        [
            ("食品安全抽检完成800批次", "800批次", "食品安全抽检", "health"),
            ("食品安全满意度达90%", "90%", "食品安全满意度", "health"),
        ]
    )


def test_economic_words_inside_other_themes() -> None:
    # made up: coal for power plants is energy, not power supply; car dealers are retail; cutting
    # inspections of firms is the business environment; renewal projects are urban renewal
    _assert_story_topics(
        [
            ("向周边省份保供电煤5亿吨", "5亿吨", "省份保供电煤", "economy"),
            ("新建汽车4S店6家", "6家", "汽车4S店", "economy"),
            ("入企检查次数减少三成", "三成", "入企检查次数", "economy"),
            ("启动老城片区更新项目12个", "12个", "老城片区更新项目", "urban"),
        ]
    )


def test_the_public_rating_of_its_safety_is_policing() -> None:
    # made up: a satisfaction rate with safety or with a crackdown is policing, not requests
    _assert_story_topics(
        [
            ("全市群众安全感满意度达97%", "97%", "群众安全感满意度", "public_safety"),
            ("群众对扫黑除恶满意度连续3年居全省前列", "3年", "扫黑除恶满意度", "public_safety"),
        ]
    )


def test_rural_drinking_water_solved_is_rural_not_a_problem_count() -> None:
    # made up: the people whose drinking water was made safe are counted by the water programme
    _assert_story_topics([("今年解决80万农村人口饮水安全问题", "80万", "农村人口", "rural")])


def test_firms_treatment_by_the_state_is_the_business_environment() -> None:
    # made up: checks on firms cut under a campaign on enforcement towards firms
    _assert_story_topics([("规范涉企行政执法，检查总量下降20%", "20%", "检查总量", "economy")])


def test_deputies_suggestions_stay_governance() -> None:
    # made up: suggestions of people's deputies handled are governance, as CPPCC proposals are
    _assert_story_topics([("全年办理人大代表建议300件", "300件", "人大代表建议", "governance")])


def test_indicators_the_corpus_left_in_other() -> None:
    # made up: years of schooling, co-operative medical enrolment, migrant work, bonds, the deficit
    # ratio and power prices each have a theme
    _assert_story_topics(
        [
            ("劳动年龄人口平均受教育年限达到11年", "11年", "劳动年龄人口平均受教育年限", "education"),
            ("全县新农合参合率达到99%", "99%", "新农合参合率", "health"),
            ("脱贫人口务工规模保持在50万人", "50万人", "脱贫人口务工规模", "employment"),
            ("今年拟发行500亿元长期建设国债", "500亿元", None, "economy"),
            ("今年赤字率拟按3%左右安排", "3%左右", "赤字率", "economy"),
            ("出台优化电价机制8条举措", "8条", "举措", "economy"),
        ]
    )


def test_bond_funds_take_the_purpose_named_beside_them() -> None:
    # made up: 国债 is only a hint; funds from bonds for rural clinics are health
    _assert_story_topics([("安排20亿元国债资金支持乡镇卫生院建设", "20亿元", "国债资金", "health")])


def test_waste_reuse_cable_and_street_markets() -> None:
    # made up: a waste reuse rate after a pipes clause is waste; optical cable is telecom; a
    # morning market is trade
    got = _topics(
        ["新建污水管网300公里，尾矿综合利用率达60%"],
        [["300公里", "60%"]],
        subjects={"300公里": "污水管网", "60%": "尾矿综合利用率"},
    )
    assert got == [["urban", "environment"]]
    _assert_story_topics(
        [
            ("长途光缆线路长度增加到8万公里", "8万公里", "长途光缆线路长度", "science_tech"),
            ("新建便民早市12个", "12个", "便民早市", "economy"),
        ]
    )


def test_sandy_land_is_desertification_control_and_black_soil_farmland() -> None:
    # made up: treating sandy land or a desert's edge is environment; black soil beside it is farmland
    got = _topics(
        ["完成沙地综合治理50万亩、黑土地综合治理8万亩"],
        [["50万亩", "8万亩"]],
        subjects={"50万亩": "沙地综合治理", "8万亩": "黑土地综合治理"},
    )
    assert got == [["environment", "rural"]]
    _assert_story_topics([("沙漠边缘锁边治理120万亩", "120万亩", "沙漠边缘锁边治理", "environment")])


def test_undergraduate_and_graduate_education_is_not_a_medical_specialty() -> None:
    # made up: 本专科 is a level of higher education, not the hospital's 专科
    _assert_story_topics(
        [
            ("全省调整本专科专业60个", "60个", "本专科专业", "education"),
            ("毕业研究生2万人", "2万人", "毕业研究生", "education"),
        ]
    )


def test_mechanisation_evacuation_productivity_and_startup_bases() -> None:
    # made up: farm mechanisation is farming, evacuation emergency work, labour productivity the
    # economy's, a graduates' start-up base employment, an innovation incubator tech
    _assert_story_topics(
        [
            ("主要农作物耕种收综合机械化率达到90%", "90%", "主要农作物耕种收综合机械化率", "rural"),
            ("汛期提前转移避险3万人次", "3万人次", None, "public_safety"),
            ("全员劳动生产率达到20万元/人", "20万元", "全员劳动生产率", "economy"),
            ("建设大学生创业孵化基地8个", "8个", "大学生创业孵化基地", "employment"),
            ("新增创新创业孵化载体40个", "40个", "创新创业孵化载体", "science_tech"),
        ]
    )
