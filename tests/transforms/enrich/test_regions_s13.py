"""Session 13: mainland figures whose place an earlier clause of the sentence names. Pages made up."""

from __future__ import annotations

from tests.transforms.enrich.test_regions import _metric_regions


def test_a_place_counted_in_the_clause_before_keeps_the_next_verb_clause_in_a_report() -> None:
    # in a work report, 完成投资 goes on with the subject the clause before counted (某区某园区…
    # 项目12个): that district's; a place that only qualifies a project (开工建设某县某项目) does not
    head = "云南省某某市人民政府工作报告"
    got = _metric_regions(
        [
            head,
            "麒麟区新材料产业园累计签约项目12个，完成投资86亿元。",
            "支持麒麟区“某某基地”建设，完成投资40亿元。",
            "麒麟区6.2级地震受损民房全面加固，完成改造3000户。",  # a figure qualifying, not closing, the clause
            "麒麟区、马龙区园区落地项目20个，完成投资50亿元。",  # a list: no one subject to go on with
        ],
        [[], ["12个", "86亿元"], ["40亿元"], ["6.2级", "3000户"], ["20个", "50亿元"]],
        meta={"region": "530300"},
    )
    assert got[1] == ["530302", "530302"]
    assert got[2] == ["530300"]
    assert got[3][1] == "530300"
    assert got[4][1] == "530300"


def test_two_cities_named_before_take_the_figures_a_later_respectively_pairs() -> None:
    # 两市分别… refers back to the list of two cities an earlier clause names: one figure each
    got = _metric_regions(
        [
            "山东省民政厅发布",
            "在淄博市、潍坊市，助餐服务覆盖城市社区，两市分别建成助餐点310个和275个。",
            "在淄博市、潍坊市、日照市，三市分别建成助餐点31个和27个。",  # three cities, two figures
        ],
        [[], ["310个", "275个"], ["31个", "27个"]],
        meta={"region": "370000"},
    )
    assert got[1] == ["370300", "370700"]
    assert got[2] == ["370000", "370000"]


def test_the_other_party_of_an_agreement_is_not_the_figure_s_place() -> None:
    # 该镇与某县…签订: the partner county lies in another province; the figures stay the page's
    got = _metric_regions(
        ["安徽省黄山市祁门县融媒体中心", "今年该镇与江西浮梁县邻近乡镇签订协作协议，开展联合巡查8次。"],
        [[], ["8次"]],
        meta={"region": "341024"},
    )
    assert got[1] == ["341024"]
    # two places joined by 与 are both the agents: their common division
    got = _metric_regions(["杭州与宁波签订合作协议，共建项目20个。"], [["20个"]], meta={"region": "330000"})
    assert got == [["330000"]]


def test_a_long_scene_setting_frame_gives_its_place_to_the_next_clause() -> None:
    # 在 + a described place (在我国最北端的某市，): the frame names the place, not the country
    got = _metric_regions(
        ["首页 > 新闻", "多地秋收进度过半", "在我国最北端的黑龙江漠河市，12万亩大豆已收获过半。"],
        [[], [], ["12万亩"]],
    )
    assert got[2] == ["232701"]


def test_a_two_character_county_right_after_its_province_is_read() -> None:
    # 山东莘县, 安徽泾县: a two-character county name starts a word after the province's short name
    got = _metric_regions(
        ["多地小麦开镰", "在山东莘县，20万亩小麦陆续收获。", "在安徽泾县，49支龙舟队参赛。"],
        [[], ["20万亩"], ["49支"]],
    )
    assert got[1] == ["371522"] and got[2] == ["341823"]


def test_short_county_names_closed_by_their_count_and_kind_are_counties() -> None:
    # 康乐、广河两县: the count and kind vouch for two short names the page never writes in full
    got = _metric_regions(
        [
            "临夏州民生实事项目进展顺利",
            "临夏州两县分别完成改厕任务。",
            "永靖、积石山两县分别完成改厕3100座和2700座。",
        ],
        [[], [], ["3100座", "2700座"]],
        meta={"region": "622900"},
    )
    assert got[2] == ["622923", "622927"]


def test_our_county_in_an_earlier_clause_is_the_page_not_the_city_naming_it() -> None:
    # 某市下达我县的任务…，新增…: the figure after it is the county's
    got = _metric_regions(
        ["桐庐县人民政府工作报告", "杭州市下达我县的年度任务全面完成，新增城镇就业1.1万人。"],
        [[], ["1.1万人"]],
        meta={"region": "330122"},
    )
    assert got[1] == ["330122"]
    # on a county-level city's page 我市 is that city
    got = _metric_regions(
        ["醴陵市人民政府工作报告", "株洲市交给我市的重点项目全部开工，完成投资45亿元。"],
        [[], ["45亿元"]],
        meta={"region": "430281"},
    )
    assert got[1] == ["430281"]


def test_a_place_given_as_an_example_of_a_group_does_not_place_the_clauses_after_it() -> None:
    # 打造某市“某某”等…55个: one example of many; the next clause keeps the page's place
    got = _metric_regions(
        ["贵州省人民政府工作报告", "打造遵义“某某夜市”等夜间消费聚集区40个，社会消费品零售总额增长4.1%。"],
        [[], ["40个", "4.1%"]],
        meta={"region": "520000"},
    )
    assert got[1][1] == "520000"
    # places opening a clause as its agents (遵义、安顺等地启用…) still carry on: their common division
    got = _metric_regions(
        ["某某新闻", "遵义、安顺等地启用智能烘干机，24小时连续作业。"],
        [[], ["24小时"]],
        meta={"region": "520000"},
    )
    assert got[1] == ["520000"]


def test_a_route_named_clauses_back_in_a_report_is_a_project_not_a_place() -> None:
    # 加快某市至某市铁路建设，…，新增公路通车里程…: the report's division
    got = _metric_regions(
        ["青海省人民政府工作报告", "加快西宁至兰州铁路建设，开工公路项目，新增公路通车里程900公里。"],
        [[], ["900公里"]],
        meta={"region": "630000"},
    )
    assert got[1] == ["630000"]
