"""Topics per metric (fact-spec ``topic``): crafted sentences, each rule able to fail on its own."""

from __future__ import annotations

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.topics import classify_sentences, keywords, metric_topics, topic_table


def _sentences(texts: list[str], stories: list[int] | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "sha256": ["d"] * len(texts),
            "story_ix": stories or [0] * len(texts),
            "sent_ix": list(range(len(texts))),
            "text": texts,
        }
    ).with_columns(pl.col("story_ix", "sent_ix").cast(pl.Int32))


def _topics(
    texts: list[str],
    spans_of: list[list[str]],
    stories: list[int] | None = None,
    subjects: dict[str, str] | None = None,
) -> list[list[str]]:
    """Topics of the named metrics (span strings, found left to right) of each sentence, in order;
    ``subjects`` gives some metrics (by span) the subject the subject rules would have found."""
    starts, rows, pos = [], [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    for ix, (text, spans) in enumerate(zip(texts, spans_of, strict=True)):
        at = 0
        for span in spans:
            a = text.index(span, at)
            at = a + len(span)
            rows.append(
                {
                    "metric_id": f"m{ix}:{a}",
                    "sha256": "d",
                    "sent_ix": ix,
                    "story_ix": 0,
                    "text": span,
                    "char_start": starts[ix] + a,
                    "char_end": starts[ix] + at,
                    "subject": (subjects or {}).get(span),
                }
            )
    metrics = pl.DataFrame(rows).with_columns(pl.col("sent_ix", "story_ix").cast(pl.Int32))
    sentences = _sentences(texts, stories).with_columns(
        pl.Series("char_start", starts, dtype=pl.Int64),
        pl.Series("char_end", [s + len(t) for s, t in zip(starts, texts, strict=True)], dtype=pl.Int64),
    )
    documents = pl.DataFrame({"sha256": ["d"], "text": ["\n".join(texts)]})
    got = dict(metric_topics(Context.of(metrics, documents, sentences)).iter_rows())
    out, k = [], 0
    for spans in spans_of:
        out.append([got[rows[k + i]["metric_id"]] for i in range(len(spans))])
        k += len(spans)
    return out


def _assert_story_topics(rows: list[tuple[str, str, str | None, str]]) -> None:
    """Each row (sentence, metric, subject or None, topic) its own story: the metric gets the topic."""
    got = _topics(
        [r[0] for r in rows],
        [[r[1]] for r in rows],
        stories=list(range(len(rows))),
        subjects={r[1]: r[2] for r in rows if r[2]},
    )
    assert got == [[r[3]] for r in rows]


def test_topic_table_has_the_sixteen_codes_with_their_budget_chapters() -> None:
    table = topic_table()
    assert table.columns == ["topic", "name_zh", "name_en", "budget_class"]
    assert table.height == 16 and table["topic"].is_unique().all()
    assert table["topic"].to_list()[-1] == "other"
    chapters = dict(table.select("topic", "budget_class").iter_rows())
    assert chapters["economy"] == "215-217" and chapters["rural"] == "213" and chapters["other"] is None
    assert set(keywords()["topic"]) - {"road", "utility", "bed", "none"} <= set(table["topic"])


def test_one_sentence_three_topics() -> None:
    got = _topics(
        ["今年全县地区生产总值增长6.1%，新建公办幼儿园3所，建成高速公路40公里"], [["6.1%", "3所", "40公里"]]
    )
    assert got == [["economy", "education", "transport"]]


def test_the_counted_noun_after_the_measure_word_decides() -> None:
    # the lead is a list of examples; what is counted is the requests list
    got = _topics(["镇里梳理出道路硬化、饮水安全、养老服务等12件民生实事"], [["12件"]])
    assert got == [["petitions"]]
    got = _topics(["围绕农业生产开展6场专题党课"], [["6场"]])
    assert got == [["governance"]]


def test_a_bare_change_takes_the_topic_of_the_metric_before_it() -> None:
    got = _topics(
        ["全市一般公共预算收入80亿元，增长4.2%，社会消费品零售总额增长5%"], [["80亿元", "4.2%", "5%"]]
    )
    assert got == [["economy", "economy", "economy"]]


def test_roads_follow_the_place_they_are_in() -> None:
    got = _topics(
        ["该村硬化道路3公里", "小区内破损道路修复2000平方米", "新建连接两县的道路15公里"],
        [["3公里"], ["2000平方米"], ["15公里"]],
        stories=[0, 1, 2],
    )
    assert got == [["rural"], ["urban"], ["transport"]]


def test_a_place_named_earlier_in_the_story_holds() -> None:
    got = _topics(["王家村地处山区。", "一条长600米的道路终于修通"], [[], ["600米"]])
    assert got == [[], ["rural"]]


def test_self_inspection_is_governance_residents_problems_are_petitions() -> None:
    got = _topics(["党支部检视出服务能力不足等5个问题", "收集居民反映的问题30个"], [["5个"], ["30个"]])
    assert got == [["governance"], ["petitions"]]


def test_people_served_by_a_programme_take_its_topic() -> None:
    got = _topics(["医疗队开展巡回义诊，惠及村民800人次"], [["800人次"]])
    assert got == [["health"]]


def test_a_blocking_word_stops_a_keyword_read_across_it() -> None:
    # 集中学习 holds 中学 (education) across a word boundary
    got = _topics(["机关开展3次集中学习"], [["3次"]])
    assert got != [["education"]]
    # 实事求是 (seek truth from facts) holds 实事 (a list of livelihood projects: petitions)
    got = _topics(["设定8%左右的目标，既实事求是、又留有余地"], [["8%左右"]])
    assert got != [["petitions"]]


def test_keywordless_metrics_fall_back_to_the_story_then_other() -> None:
    got = _topics(
        ["新建污水处理厂2座，开展垃圾分类", "累计完成12项", "今天天气晴朗，气温达到20度"],
        [["2座"], ["12项"], ["20度"]],
        stories=[0, 0, 1],
    )
    assert got == [["environment"], ["environment"], ["other"]]


def test_classifies_every_seed_sentence() -> None:
    from tests.transforms.enrich.test_regions import seed_frames

    _, sentences = seed_frames()
    got = classify_sentences(sentences)
    assert got.height == sentences.height
    assert got["topic"].is_in(topic_table()["topic"].implode()).all()
    share = (got["topic"] == "other").mean()
    assert isinstance(share, float) and share < 0.2


def test_the_lead_head_is_the_whole_compound_before_the_metric() -> None:
    # 养老服务 is found whole (leftmost-longest), so 服务中心 (urban) does not become the head
    got = _topics(["新建区域性养老服务中心9个"], [["9个"]])
    assert got == [["social_security"]]


def test_disasters_and_reforms_as_such() -> None:
    got = _topics(["成功应对台风6次", "完成各类改革事项120项"], [["6次"], ["120项"]], stories=[0, 1])
    assert got == [["public_safety"], ["other"]]


def test_ecology_and_urbanisation_keywords() -> None:
    # the urbanisation rate is a share of the population (other, as heldout2/heldout3 gold decide),
    # not municipal works
    got = _topics(["新造红树林800公顷，常住人口城镇化率达到61%"], [["800公顷", "61%"]])
    assert got == [["environment", "other"]]


def test_industries_are_economy_and_elderly_care_is_social_security() -> None:
    got = _topics(
        ["航空航天产业产值增长9%，生物医药企业达到300家", "新建养老机构12所，护理型床位占比达到55%"],
        [["9%", "300家"], ["12所", "55%"]],
    )
    assert got == [["economy", "economy"], ["social_security", "social_security"]]


def test_graded_accidents_and_capital_drawn_in() -> None:
    got = _topics(
        ["全市较大事故连续三年下降", "旅游人气持续攀升，引进市外内资超500亿元"],
        [["三年"], ["500亿元"]],
        stories=[0, 1],
    )
    assert got == [["public_safety"], ["economy"]]


def test_the_next_list_item_after_a_metric_is_not_its_context() -> None:
    # 病床 (health) opens the next metric's item; the first metric counts elderly-care homes
    got = _topics(["全县养老机构和站点达到85个、病床6000张，儿童医院新增2所"], [["85个", "6000张", "2所"]])
    assert got == [["social_security", "health", "health"]]


def test_the_subject_names_the_topic_by_its_strongest_then_last_keyword() -> None:
    # 城镇…收入 is an economy metric, 农村居民 one is rural (its keyword outweighs 人均可支配收入)
    got = _topics(
        ["城镇和农村居民人均可支配收入分别增长4.9%和6.8%"],
        [["4.9%", "6.8%"]],
        subjects={"4.9%": "城镇居民人均可支配收入", "6.8%": "农村居民人均可支配收入"},
    )
    assert got == [["economy", "rural"]]


def test_a_fund_is_about_what_it_finances() -> None:
    got = _topics(["规模300亿元的省社保科创基金设立"], [["300亿元"]], subjects={"300亿元": "省社保科创基金"})
    assert got == [["science_tech"]]


def test_plan_indicator_counts_and_rivers() -> None:
    got = _topics(
        ["全县共设12项指标，其中预期性指标8项", "6条入海河流水质稳定达标"],
        [["12项", "8项"], ["6条"]],
        stories=[0, 1],
    )
    assert got[0][1] == "other"
    assert got[1] == ["environment"]


def test_rural_residents_income_however_qualified() -> None:
    got = _topics(
        ["农村常住居民人均可支配收入增长6.9%"], [["6.9%"]], subjects={"6.9%": "农村常住居民人均可支配收入"}
    )
    assert got == [["rural"]]


def test_land_meetings_tourism_and_community_spaces() -> None:
    got = _topics(
        ["处置批而未供土地2万亩", "开展集中办公30场次", "旅居人数超300万", "建设12个社区儿童友好空间"],
        [["2万亩"], ["30场次"], ["超300万"], ["12个"]],
        stories=[0, 1, 2, 3],
    )
    assert got == [["economy"], ["governance"], ["culture_tourism"], ["urban"]]


def test_marine_ranching_and_administrative_reconsideration() -> None:
    got = _topics(["新增海洋牧场4个", "办结行政复议案件900件"], [["4个"], ["900件"]], stories=[0, 1])
    assert got == [["rural"], ["public_safety"]]


def test_energy_and_industrial_output_is_economy() -> None:
    # made up: coal output next to power supply, and a refinery's capacity beside irrigation works
    got = _topics(
        ["全年生产原煤3亿吨，保供电煤1亿吨", "某石化年产80万吨乙烯、某灌区等项目开工"],
        [["3亿吨"], ["80万吨"]],
        stories=[0, 1],
        subjects={"3亿吨": "原煤", "80万吨": "乙烯"},
    )
    assert got == [["economy"], ["economy"]]


def test_low_altitude_economy_and_its_landing_sites() -> None:
    got = _topics(
        ["低空经济要抓住低空飞行器制造、低空多元应用两个重点", "新建低空起降设施90个"],
        [["两个"], ["90个"]],
        stories=[0, 1],
        subjects={"90个": "低空起降设施"},
    )
    assert got == [["economy"], ["transport"]]


def test_a_task_list_is_not_requests_and_the_unified_market_is_economy() -> None:
    got = _topics(["制定80项年度任务清单，开展6项攻坚，建设全国统一大市场"], [["80项", "6项"]])
    assert got == [["economy", "economy"]]


def test_counties_ranked_by_output_and_county_economies() -> None:
    got = _topics(
        ["新增两个三千亿元城市、3个千亿县", "20台县域“引擎”高速运转"],
        [["3个"], ["20台"]],
        stories=[0, 1],
        subjects={"3个": "千亿县"},
    )
    assert got == [["economy"], ["economy"]]


def test_county_medical_consortia_and_colleges_stay_with_their_own_word() -> None:
    got = _topics(
        ["建成县域医共体30个", "建设市县域产教联合体2个"],
        [["30个"], ["2个"]],
        stories=[0, 1],
        subjects={"30个": "县域医共体", "2个": "市县域产教联合体"},
    )
    assert got == [["health"], ["education"]]


def test_tiers_of_tech_firms_are_science_and_technology() -> None:
    got = _topics(["认定瞪羚企业40户、独角兽企业2户"], [["40户", "2户"]])
    assert got == [["science_tech", "science_tech"]]


def test_community_facilities_are_urban_works() -> None:
    got = _topics(["改造提升社区配套设施500处"], [["500处"]], subjects={"500处": "社区配套设施"})
    assert got == [["urban"]]


def test_a_grant_takes_its_recipients_topic() -> None:
    got = _topics(
        ["养育家庭的育儿补贴每月200元", "考入专科院校的一次性补助5000元"],
        [["200元"], ["5000元"]],
        stories=[0, 1],
        subjects={"5000元": "专科院校"},
    )
    assert got == [["social_security"], ["education"]]


def test_childrens_intensive_care_is_health_even_as_a_discipline() -> None:
    got = _topics(["建设3个市级儿童急诊或重症学科"], [["3个"]])
    assert got == [["health"]]


def test_youth_palaces_are_education() -> None:
    got = _topics(
        ["为儿童免费体检。", "建成社区少年宫60家。"], [[], ["60家"]], subjects={"60家": "社区少年宫"}
    )
    assert got == [[], ["education"]]


def test_restoring_abandoned_mines_is_environment_mining_safety_is_not() -> None:
    got = _topics(
        ["修复废弃矿山3万亩", "抓好矿山全面排查整治等3件事"],
        [["3万亩"], ["3件"]],
        stories=[0, 1],
        subjects={"3万亩": "废弃矿山"},
    )
    assert got[0] == ["environment"]
    assert got[1] != ["environment"]


def test_examples_of_fields_before_the_count_are_context() -> None:
    got = _topics(["遴选交通、产业转型、科技创新等领域120个项目向社会资本推介"], [["120个"]])
    assert got == [["economy"]]


def test_the_last_conjunct_of_a_noun_list_does_not_decide_alone() -> None:
    got = _topics(
        ["海洋生物制品、海洋电力、海洋旅游增速保持在8%以上"], [["8%以上"]], subjects={"8%以上": "海洋旅游"}
    )
    assert got == [["economy"]]


def test_kinds_of_lists_are_not_requests() -> None:
    got = _topics(["发布数据要素、人才技能四类清单"], [["四类"]], subjects={"四类": "人才技能"})
    assert got != [["petitions"]]


def test_a_hint_word_before_the_metric_does_not_name_what_is_counted() -> None:
    # 项目 and 重点项目 are hints: the projects' theme decides (农产品加工 → rural, 污水处理 → environment)
    got = _topics(
        ["农产品加工业新达产项目30个", "实施污水处理重点项目12个"], [["30个"], ["12个"]], stories=[0, 1]
    )
    assert got == [["rural"], ["environment"]]


def test_subsidised_training_court_appearances_safe_homes_and_credit_records() -> None:
    # made up: state-paid training is employment, beside a talent base (science_tech); officials in
    # court are law; people moved into safe homes are housing; credit records are business environment
    got = _topics(
        [
            "新建2个高技能人才基地，开展补贴性培训8万人次",
            "行政机关负责人出庭应诉率达到95%",
            "改造农村危房和抗震农房1万户，3万群众住上了安全房",
            "归集社会信用信息5000万条",
        ],
        [["8万人次"], ["95%"], ["3万"], ["5000万条"]],
        stories=[0, 1, 2, 3],
        subjects={"8万人次": "补贴性培训", "95%": "行政机关负责人出庭应诉率", "5000万条": "社会信用信息"},
    )
    assert got == [["employment"], ["public_safety"], ["housing"], ["economy"]]


def test_arriving_visitors_and_the_employed_population() -> None:
    got = _topics(
        ["访澳旅客达800万人次", "本季就业人口为30万人"], [["800万人次"], ["30万人"]], stories=[0, 1]
    )
    assert got == [["culture_tourism"], ["employment"]]


def test_word_classes_of_round_two() -> None:
    # made up: banks are finance; beds are their owner's; graduates' placement is employment; army
    # support has no code; border trade is trade; sand control is ecology; field crops are farming;
    # drivers' rest homes serve workers; culture's enterprises are culture's; data centres are computing
    got = _topics(
        [
            "全市新增农商银行12家",
            "新增医院床位800张",
            "全县养老机构床位增加到1200张",
            "本省高校毕业生去向落实率达到90%",
            "3个县被评为双拥模范县",
            "新开放边贸市场6个",
            "完成治沙造林20万亩",
            "油料种植面积稳定在80万亩",
            "建成司机之家25个",
            "3家企业入选文化企业百强",
            "在建数据中心9个",
        ],
        [
            ["12家"],
            ["800张"],
            ["1200张"],
            ["90%"],
            ["3个"],
            ["6个"],
            ["20万亩"],
            ["80万亩"],
            ["25个"],
            ["3家"],
            ["9个"],
        ],
        stories=list(range(11)),
        subjects={
            "12家": "农商银行",
            "800张": "医院床位",
            "1200张": "养老机构床位",
            "90%": "高校毕业生去向落实率",
            "3个": "县",
            "6个": "边贸市场",
            "20万亩": "治沙造林",
            "80万亩": "油料种植面积",
            "25个": "司机之家",
            "3家": "企业",
            "9个": "数据中心",
        },
    )
    assert got == [
        ["economy"],
        ["health"],
        ["social_security"],
        ["employment"],
        ["other"],
        ["economy"],
        ["environment"],
        ["rural"],
        ["employment"],
        ["culture_tourism"],
        ["science_tech"],
    ]


def test_per_head_denominators_and_city_ranks_name_no_theme() -> None:
    # made up: 每千人口 is a denominator, not a population figure; 地级以上市 lists no shares (上市)
    got = _topics(
        ["每千人口床位数达到7.2张", "全省地级以上市空气优良天数比例达到92%"],
        [["7.2张"], ["92%"]],
        stories=[0, 1],
        subjects={"7.2张": "每千人口床位数", "92%": "地级以上市空气优良天数比例"},
    )
    assert got == [["health"], ["environment"]]


def test_a_subject_of_people_or_without_a_theme_leaves_it_to_the_predicate() -> None:
    # made up: people (households, a rural population) take the theme of what the clause says they
    # get or do; a subject with no telling keyword (县) too; a list after 、 is no predicate, and a
    # weak keyword of the predicate (城市) does not decide
    got = _topics(
        [
            "1.2万户家庭享受育儿补贴",
            "3万农村人口实现稳岗就业",
            "4个县获评双拥模范县",
            "还有2万名失能老年人、3000名婴幼儿",
            "区域贸易总额增长到3万亿元、保持全国城市前列",
        ],
        [["1.2万户"], ["3万"], ["4个"], ["2万名", "3000名"], ["3万亿元"]],
        stories=[0, 1, 2, 3, 4],
        subjects={
            "1.2万户": "家庭",
            "3万": "农村人口",
            "4个": "县",
            "2万名": "失能老年人",
            "3000名": "婴幼儿",
            "3万亿元": "区域贸易总额",
        },
    )
    assert got == [["social_security"], ["employment"], ["other"], ["social_security", "health"], ["economy"]]


def test_urban_and_rural_incomes_as_a_pair() -> None:
    # made up: every second figure of a 城乡居民…收入…分别 pair is the rural one
    got = _topics(
        [
            "城乡居民人均可支配收入分别增长5.1%、6.2%",
            "城乡居民人均可支配收入从2020年的4万元和2万元分别提高到5万元和3万元",
            "城乡居民医保和养老保险参保率分别达到95%、97%",
        ],
        [["5.1%", "6.2%"], ["4万元", "2万元", "5万元", "3万元"], ["95%", "97%"]],
        stories=[0, 1, 2],
        subjects={"5.1%": "城乡居民人均可支配收入", "4万元": "城乡居民人均可支配收入"},
    )
    assert got[0] == ["economy", "rural"]
    assert got[1] == ["economy", "rural", "economy", "rural"]
    assert "rural" not in got[2]


def test_a_count_of_enumerated_points_is_other() -> None:
    # made up: 六项工作：一是… spans every field; a count whose subject names a theme keeps it
    got = _topics(
        ["重点做好六项工作：一是扩大有效投资，二是稳定就业", "新建中小学8所：一是城区学校"],
        [["六项"], ["8所"]],
        stories=[0, 1],
        subjects={"六项": "工作", "8所": "中小学"},
    )
    assert got == [["other"], ["education"]]


def test_word_classes_of_round_three() -> None:
    # made up: solid waste and green buildings are environment, retail sales economy, start-up
    # loans and skilled workers employment, children's homes social security, 5G networks
    # science_tech, model villages rural unless their name carries a theme (旅游示范村), and
    # commercial circulation economy
    got = _topics(
        [
            "推进8处工业固废综合利用试点，新建公交站台20个",
            "城区新建绿色建筑占比达到90%，新能源公交车占比80%",
            "家电零售额增长12%，获省联席会议表扬",
            "为高校毕业生发放创业担保贷款20亿元",
            "全年新增高技能人才3万人",
            "建设120个儿童之家服务提升项目",
            "新建5G基站6000个",
            "新增美丽宜居示范村30个、乡村旅游示范村10个",
            "培育3个区域流通节点城市",
        ],
        [["8处"], ["90%"], ["12%"], ["20亿元"], ["3万人"], ["120个"], ["6000个"], ["30个", "10个"], ["3个"]],
        stories=list(range(9)),
        subjects={
            "8处": "工业固废综合利用试点",
            "90%": "绿色建筑占比",
            "12%": "家电零售额",
            "20亿元": "创业担保贷款",
            "3万人": "高技能人才",
            "120个": "儿童",
            "6000个": "5G基站",
            "30个": "美丽宜居示范村",
            "10个": "乡村旅游示范村",
            "3个": "区域流通节点城市",
        },
    )
    assert got == [
        ["environment"],
        ["environment"],
        ["economy"],
        ["employment"],
        ["employment"],
        ["social_security"],
        ["science_tech"],
        ["rural", "culture_tourism"],
        ["economy"],
    ]


def test_a_hint_next_to_the_metric_weighs_as_the_clause_does() -> None:
    # made up: 项目 beside the figure does not outweigh the sentence's theme (帮扶, 脱贫); alone in
    # its sentence it still decides
    got = _topics(
        ["东西部协作投入帮扶资金5亿元，实施项目120个，巩固脱贫成果", "新开工项目300个"],
        [["5亿元", "120个"], ["300个"]],
        stories=[0, 1],
        subjects={"5亿元": "帮扶资金", "120个": "项目", "300个": "项目"},
    )
    assert got == [["rural", "rural"], ["economy"]]


def test_a_problem_of_a_named_thing_takes_its_theme() -> None:
    # made up: the petitions word of a subject yields to a decisive theme in it (sewer networks are
    # urban works); an unnamed problem
    # stays a request
    got = _topics(
        ["新增解决500个小区污水管网问题", "解决群众急难问题300个"],
        [["500个"], ["300个"]],
        stories=[0, 1],
        subjects={"500个": "小区污水管网问题", "300个": "群众急难问题"},
    )
    assert got == [["urban"], ["petitions"]]


def test_a_count_of_fields_of_work_is_other() -> None:
    # made up: a subject that is only a field word counts areas of work; a field word inside a
    # named subject does not decide
    got = _topics(
        ["规划部署了12个领域的重点任务", "新建5G基站等重点领域项目40个"],
        [["12个"], ["40个"]],
        stories=[0, 1],
        subjects={"12个": "领域", "40个": "重点领域项目"},
    )
    assert got == [["other"], ["science_tech"]]


def test_emissions_in_all_their_names_are_environment() -> None:
    # made up: zero-carbon parks, carbon peaking pilots and circular retrofits are environment's,
    # even among economic words (企业, 产业)
    got = _topics(
        ["新建3个零碳产业园区", "6个县入选碳达峰试点", "80%的工业园区完成循环化改造"],
        [["3个"], ["6个"], ["80%"]],
        stories=[0, 1, 2],
        subjects={"3个": "零碳产业园区", "6个": "县", "80%": "工业园区"},
    )
    assert got == [["environment"], ["environment"], ["environment"]]


def test_word_classes_of_round_four() -> None:
    # made up: nouns the lexicon missed, so a weaker or borrowed word decided -- gas piped to homes
    # is urban (天然气 alone stays energy), mining rights economy, forest and grassland damage
    # environment even as a 问题, village elderly homes social security (农村 only qualifies), firms
    # from Taiwan and tariffs economy, bridge lighting urban (桥梁 only qualifies), ethnic-unity
    # models other, a plenary session governance, the poor rural (人口 alone is other), trunk roads
    # transport, recycling environment, R&D by its letters science_tech, Taiwan's 志工 governance,
    # shops economy, child day care health and a cash allowance social security
    rows = [
        ("县城管道天然气普及率达到85%", "85%", "县城管道天然气普及率", "urban"),
        ("全年天然气产量增长6%", "6%", "天然气产量", "economy"),
        ("挂牌出让采矿权40宗", "40宗", "采矿权", "economy"),
        ("排查整改毁草开垦问题300个", "300个", "毁草开垦问题", "environment"),
        ("新建乡村互助幸福院60个", "60个", "乡村互助幸福院", "social_security"),
        ("实际使用台资增长9%", "9%", "实际使用台资", "economy"),
        ("发布两张零关税清单", "两张", "零关税清单", "economy"),
        ("完成8座跨江桥梁夜景照明改造", "8座", "跨江桥梁夜景照明", "urban"),
        ("命名民族团结进步示范村20个", "20个", "民族团结进步示范村", "other"),
        ("按照市委八届三次全会部署推进", "三次", "市委八届", "governance"),
        ("全县尚有贫困人口2000人", "2000人", "贫困人口", "rural"),
        ("改造普通省道120公里", "120公里", "普通省道", "transport"),
        ("新设可回收物交投点800个", "800个", "可回收物交投点", "environment"),
        ("企业R&D投入增长12%", "12%", "企业R&D投入", "science_tech"),
        ("参与服务的志工达3000人", "3000人", "志工", "governance"),
        ("夜市入驻商户260家", "260家", "商户", "economy"),
        ("新设社区托儿中心15所", "15所", "社区托儿中心", "health"),
        ("每名幼儿每月发放津贴800元", "800元", "津贴", "social_security"),
    ]
    got = _topics(
        [r[0] for r in rows],
        [[r[1]] for r in rows],
        stories=list(range(len(rows))),
        subjects={r[1]: r[2] for r in rows},
    )
    assert got == [[r[3]] for r in rows]


def test_people_who_raise_a_request_are_petitions() -> None:
    # made up: a subject of people leaves the theme to its predicate, and a request word there is
    # what they did (反映, 接访): it does not yield to the road they asked about, as a problem word
    # of a subject yields to the thing it names
    got = _topics(
        ["5名村民代表在接访中反映了县道改造的问题", "处置县道塌方问题12处"],
        [["5名"], ["12处"]],
        stories=[0, 1],
        subjects={"5名": "村民", "12处": "县道塌方问题"},
    )
    assert got == [["petitions"], ["transport"]]


def test_word_classes_of_round_four_second_read() -> None:
    # made up: sister cities other (not 城市's urban), child-friendly cities urban, black and smelly
    # water in a village environment (农村 only qualifies), a national park environment (not 公园's
    # urban), an archaeological site park culture_tourism, forest fires public_safety (not 森林's
    # environment), farm output rural (not 产值's economy), a grain wharf transport (粮油 only
    # qualifies), a school's running costs education (公用经费 weighs less than 教育), budget
    # spending economy
    rows = [
        ("全市新增国际友好城市5对", "5对", "国际友好城市", "other"),
        ("建成儿童友好城市试点8个", "8个", "儿童友好城市试点", "urban"),
        ("整治农村黑臭水体300处", "300处", "农村黑臭水体", "environment"),
        ("新设国家公园2个", "2个", "国家公园", "environment"),
        ("建成考古遗址公园3处", "3处", "考古遗址公园", "culture_tourism"),
        ("全年森林火灾次数下降30%", "30%", "森林火灾次数", "public_safety"),
        ("农林牧渔总产值增长4%", "4%", "农林牧渔总产值", "rural"),
        ("新建5万吨级粮油码头", "5万吨", "粮油码头", "transport"),
        ("小学生均公用经费标准提高到900元", "900元", "小学生均公用经费标准", "education"),
        ("压减一般性预算支出8%", "8%", "一般性预算支出", "economy"),
    ]
    got = _topics(
        [r[0] for r in rows],
        [[r[1]] for r in rows],
        stories=list(range(len(rows))),
        subjects={r[1]: r[2] for r in rows},
    )
    assert got == [[r[3]] for r in rows]


def test_research_spending_by_its_full_name_beside_investment() -> None:
    # made up: 经费 only names money, so R&D by its full name decides even beside investment figures
    got = _topics(
        ["研究与试验发展经费投入强度2.5%，工业投资增长6%"],
        [["2.5%", "6%"]],
        subjects={"2.5%": "经费投入强度", "6%": "工业投资"},
    )
    assert got == [["science_tech", "economy"]]


def test_population_as_such_is_other() -> None:
    # made up: a nation's people (人民) and a place's people (镇上有居民…, the count ending its clause)
    # are population; a people subject followed by 的 modifies the noun after it, so the clause's
    # theme word does not become its predicate; people reached by a programme keep its theme
    got = _topics(
        [
            "全省5000万人民的安全感更强",
            "这个镇有居民8000多人，建有养老服务站两处",
            "在9亿多人口的国家建成了庞大的教育体系",
            "有居民300人参加了义诊",
        ],
        [["5000万"], ["8000多人", "两处"], ["9亿多"], ["300人"]],
        stories=[0, 1, 2, 3],
        subjects={"5000万": "人民", "8000多人": "居民", "9亿多": "人口", "300人": "居民"},
    )
    assert got == [["other"], ["other", "social_security"], ["other"], ["health"]]


def test_attributes_services_and_water_grades_of_round_four() -> None:
    # made up: operating income is its owner's (景区 -> culture_tourism; 经营收入 holds 营收 but only
    # hints), services handled across places (通办) are government services, graded water bodies are
    # water quality (not the 考核 they beat), a fish farm's water body stays rural
    got = _topics(
        [
            "全市景区接待人次、经营收入分别增长8%、6%",
            "新增“跨市通办”事项90项",
            "Ⅱ类水体比例高于考核目标3个百分点",
            "新增深海养殖水体20万立方米",
        ],
        [["8%", "6%"], ["90项"], ["3个百分点"], ["20万立方米"]],
        stories=[0, 1, 2, 3],
        subjects={
            "8%": "接待人次",
            "6%": "经营收入",
            "90项": "“跨市通办”事项",
            "3个百分点": "Ⅱ类水体比例",
            "20万立方米": "养殖水体",
        },
    )
    assert got == [["culture_tourism", "culture_tourism"], ["governance"], ["environment"], ["rural"]]


def test_word_classes_of_a_districts_reports() -> None:
    # made up: greenhouses and tunnels rural (not the 投资 of their sentence), pastoral areas' residents'
    # income rural, sewage sludge works environment, supermarkets economy (蔬菜 only qualifies), an
    # exit road a road (not 出口's exports), inside a town an urban one
    rows = [
        ("新建日光温室80栋", "80栋", "日光温室", "rural"),
        ("牧区常住居民人均可支配收入增长6%", "6%", "牧区常住居民人均可支配收入", "rural"),
        ("投资3000万元的污泥处置中心建成", "3000万元", "污泥处置中心", "environment"),
        ("新开平价蔬菜超市12家", "12家", "平价蔬菜超市", "economy"),
        ("城区改造南出口路两条", "两条", "南出口路", "urban"),
    ]
    got = _topics(
        [r[0] for r in rows],
        [[r[1]] for r in rows],
        stories=list(range(len(rows))),
        subjects={r[1]: r[2] for r in rows},
    )
    assert got == [[r[3]] for r in rows]


def test_a_place_in_the_metrics_own_clause_settles_its_road() -> None:
    # made up: the town named in the road's own clause decides, though a village is named later in
    # the sentence; with no place in its clause the sentence's place still holds
    got = _topics(
        ["改造城区道路12条，推进村级公路建设", "硬化道路8公里，方便全村出行"],
        [["12条"], ["8公里"]],
        stories=[0, 1],
        subjects={"12条": "道路", "8公里": "道路"},
    )
    assert got == [["urban"], ["rural"]]


def test_money_named_only_as_money_is_about_what_it_is_spent_on() -> None:
    # made up: a bare 投资 opening and ending its clause takes the theme of the next clause, which
    # spends it; a qualified one keeps its own reading, and so does one after another metric of its
    # clause (项目30个、总投资9亿元: not the next clause's 养殖)
    got = _topics(
        [
            "投资800万元，新建乡镇卫生院两所",
            "制造业投资500亿元，新建乡镇卫生院两所",
            "实施污染治理项目30个、总投资9亿元，新增养殖网箱50个",
        ],
        [["800万元", "两所"], ["500亿元", "两所"], ["30个", "9亿元", "50个"]],
        stories=[0, 1, 2],
        subjects={
            "800万元": "投资",
            "两所": "乡镇卫生院",
            "500亿元": "制造业投资",
            "30个": "污染治理项目",
            "9亿元": "总投资",
            "50个": "养殖网箱",
        },
    )
    assert got == [["health", "health"], ["economy", "health"], ["environment", "economy", "rural"]]


def test_food_inspections_organic_farming_and_trademarks_of_round_five() -> None:
    # made up: food inspections are food and drug regulation (health, round 9), as drug ones, an
    # organic pasture is farming, not grassland ecology, and a trademark is the market's
    rows = [
        ("全县食品抽检合格率达98%", "98%", "食品抽检合格率", "health"),
        ("完成食品抽检1200批次", "1200批次", "食品抽检", "health"),
        ("药品抽检合格率达99%", "99%", "药品抽检合格率", "health"),
        ("有机草原认证面积达500万亩", "500万亩", "有机草原认证面积", "rural"),
        ("修复退化草原30万亩", "30万亩", "退化草原", "environment"),
        ("新增茶叶注册商标15件", "15件", "茶叶注册商标", "economy"),
    ]
    got = _topics(
        [r[0] for r in rows],
        [[r[1]] for r in rows],
        stories=list(range(len(rows))),
        subjects={r[1]: r[2] for r in rows},
    )
    assert got == [[r[3]] for r in rows]


def test_regional_words_of_round_five() -> None:
    # made up, in Hong Kong, Macau and Taiwan wording: retail sales are consumption, visitors by
    # origin or stay and hotel rooms are tourism (旅客 alone a passenger), drugs seized and
    # penalties are law and order, a traffic accident is safety, a book allowance education, motor
    # vehicles transport, power load energy, 都市计划 town planning, a coast guard safety
    rows = [
        ("本月零售业总销货价值为三百亿元", "三百亿元", "零售业总销货价值", "economy"),
        ("其中内地旅客占约七成", "约七成", "内地旅客", "culture_tourism"),
        ("不过夜旅客（5万人次）上升3%", "5万人次", "不过夜旅客", "culture_tourism"),
        ("全市酒店客房平均入住率为88%", "88%", "入住率", "culture_tourism"),
        ("每日铁路旅客发送量达20万人次", "20万人次", "铁路旅客发送量", "transport"),
        ("海关在码头检获约30公斤怀疑海洛因", "约30公斤", "怀疑海洛因", "public_safety"),
        ("违者最高可被判罚款50万元", "50万元", "罚款", "public_safety"),
        ("全年区内交通意外共二百多宗", "二百多宗", "交通意外", "public_safety"),
        ("每名学生可获书簿津贴2,000元", "2,000元", "书簿津贴", "education"),
        ("全市机动车辆约三十万部", "约三十万部", "机动车辆", "transport"),
        ("夏季尖峰用电达3,000万瓩", "3,000万瓩", "尖峰用电", "economy"),
        ("都市计划区面积约5万公顷", "约5万公顷", "都市计划区面积", "urban"),
        ("海巡署出动巡防舰艇12艘", "12艘", "巡防舰艇", "public_safety"),
    ]
    got = _topics(
        [r[0] for r in rows],
        [[r[1]] for r in rows],
        stories=list(range(len(rows))),
        subjects={r[1]: r[2] for r in rows},
    )
    assert got == [[r[3]] for r in rows]


def test_a_compounds_power_works_stay_works() -> None:
    # made up: a bare 用电 is no keyword, so a compound's power works keep their sentence's urban
    # theme, while power use as such (全社会用电量) is the economy
    got = _topics(
        ["改造燃气管道300公里，80个小区完成临时用电治理", "全社会用电量增长6%"],
        [["300公里", "80个"], ["6%"]],
        stories=[0, 1],
        subjects={"300公里": "燃气管道", "80个": "小区", "6%": "全社会用电量"},
    )
    assert got == [["urban", "urban"], ["economy"]]


def test_the_phrase_after_an_unnamed_metric_ends_in_its_head() -> None:
    # made up: with no subject, the last telling keyword of the phrase after the metric decides
    # (…完成课程后实现就业: 就业, not 课程), whatever order a join leaves the keywords in
    got = _topics(
        ["培训学员5000人次，其中约六成完成课程后实现就业"],
        [["5000人次", "约六成"]],
        subjects={"5000人次": "培训学员"},
    )
    assert got == [["employment", "employment"]]


def test_fares_care_workers_and_the_non_elderly() -> None:
    # made up: a fare per trip is transport, care workers are elderly care, and 非长者 names no
    # elderly person, so an application count keeps its sentence's housing
    rows = [
        ("学生持卡可享优惠，即每程2元", "2元", None, "transport"),
        ("护理员月薪提高到5,000元", "5,000元", "护理员月薪", "social_security"),
        ("公屋申请中有约3万宗非长者一人申请", "约3万宗", "非长者一人申请", "housing"),
    ]
    _assert_story_topics(rows)


def test_clean_heating_and_hutong_courtyards() -> None:
    # made up: households switched to clean heating are air-pollution control, not the people
    # (their subject) nor the project (工程); hutong lanes and courtyards repaired are city works
    got = _topics(
        ["供气工程完工，2万户居民实现清洁取暖", "完成煤改气5000户", "修缮胡同30条、院落200个"],
        [["2万户"], ["5000户"], ["30条", "200个"]],
        stories=[0, 1, 2],
        subjects={"2万户": "居民", "5000户": "煤改气", "30条": "胡同", "200个": "院落"},
    )
    assert got == [["environment"], ["environment"], ["urban", "urban"]]


def test_maternity_allowance_is_social_security_its_medical_costs_health() -> None:
    # made up: the fact-spec table puts cash allowances in social security (208) and medical
    # insurance in health (210), so a maternity allowance and the birth's medical costs part ways
    got = _topics(
        ["落实医保生育支持政策，报销生育医疗费用3亿元，发放生育津贴5亿元"],
        [["3亿元", "5亿元"]],
        subjects={"3亿元": "生育医疗费用", "5亿元": "生育津贴"},
    )
    assert got == [["health", "social_security"]]


def test_home_visits_bill_subsidies_leave_and_a_lines_cost() -> None:
    # made up: visits to old people at home and a household's power-bill subsidy are welfare
    # (208); leave owed to workers is a labour standard; the total cost of a named line is the line's
    rows = [
        ("义工每月两次上门探望独居老人，每次1小时", "1小时", None, "social_security"),
        ("政府将提供电费补贴，每户500元", "500元", None, "social_security"),
        ("陪产假由5日增为7日", "7日", "陪产假", "employment"),
        ("北线总投资约80亿元", "约80亿元", "北线总投资", "transport"),
    ]
    _assert_story_topics(rows)


def test_hired_workers_worker_training_outbound_trips_and_a_new_town() -> None:
    # made up: workers a works hires are jobs; a training course for a kind of worker and those who
    # finish it are vocational training; residents' trips out are tourism; a new town is city works
    rows = [
        ("工地已聘用300名工人，每日进出车辆50部", "300名", "工人", "employment"),
        ("去年开办保安员训练40班次", "40班次", "保安员训练", "employment"),
        ("结训人数达2千人", "2千人", "结训人数", "employment"),
        ("本月居民出境约20万人次", "约20万人次", "居民出境", "culture_tourism"),
        ("某某新市镇第一期工程完成约五成，提供住宅单位", "约五成", "某某新市镇第一期工程", "urban"),
    ]
    _assert_story_topics(rows)


def test_a_lines_building_cost_and_visits_to_old_people() -> None:
    # made up: building a named line costs the line's money; a home visit to old people is elderly
    # care, while a visit after childbirth stays health
    rows = [
        ("南环线建造费用约60亿元", "约60亿元", "南环线建造费用", "transport"),
        ("针对独居长者，各区每月访视至少两次", "至少两次", "各区", "social_security"),
        ("产妇产后访视率达到95%", "95%", "产妇产后访视率", "health"),
    ]
    _assert_story_topics(rows)


def test_visitors_by_origin_or_scheme_are_tourism() -> None:
    # made up: visitors named by where they come from or the scheme they travel under are tourism,
    # not passengers
    got = _topics(
        ["大陆旅客约40万人次", "个人游旅客有15万人次", "台湾地区旅客约3万人次"],
        [["约40万人次"], ["15万人次"], ["约3万人次"]],
        stories=[0, 1, 2],
        subjects={"约40万人次": "大陆旅客", "15万人次": "个人游旅客", "约3万人次": "台湾地区旅客"},
    )
    assert got == [["culture_tourism"], ["culture_tourism"], ["culture_tourism"]]


def test_taiwan_housing_short_names_home_care_and_riding_a_line() -> None:
    # made up: 社宅 is social housing, so a 社宅基地 is a housing site, not a rural homestead; a
    # home-care worker's pay is elderly care; the people a rail fare concession reaches are transport
    rows = [
        ("完成社宅基地招标4处", "4处", "社宅基地招标", "housing"),
        ("居家服务员每月薪资为3万元", "3万元", "居家服务员", "social_security"),
        ("长者搭乘台铁享半价，全年约90万人次受惠", "约90万人次", "受惠", "transport"),
    ]
    _assert_story_topics(rows)


def test_untaxed_cigarettes_are_contraband() -> None:
    # made up: cigarettes seized at a border crossing are contraband, not trade
    got = _topics(["海关在口岸检获私烟约30万支"], [["约30万支"]], subjects={"约30万支": "私烟"})
    assert got == [["public_safety"]]


def test_head_offices_and_investment_funds_are_economy_beside_rd() -> None:
    # made up: firms' regional head offices listed beside R&D centres are investment attraction; a
    # fund that invests (母基金, 创业投资基金) is finance, while a named R&D drive (攻关) is science
    got = _topics(
        [
            "跨国企业地区总部、外资研发中心分别新增12家和8家",
            "新设创业投资基金30只",
            "组织实施关键技术攻关项目60项",
        ],
        [["12家", "8家"], ["30只"], ["60项"]],
        stories=[0, 1, 2],
        subjects={
            "12家": "跨国企业地区总部",
            "8家": "外资研发中心",
            "30只": "创业投资基金",
            "60项": "关键技术攻关项目",
        },
    )
    assert got == [["economy", "science_tech"], ["economy"], ["science_tech"]]


def test_waste_free_cells_farm_towns_polluted_farmland_and_populous_counties() -> None:
    # made up: waste-free cells are environment, a farming industry town rural, the safe use of
    # polluted farmland environment; a populous county names no people, so its predicate decides
    rows = [
        ("全市建成无废城市细胞200个", "200个", "无废城市细胞", "environment"),
        ("新认定农业产业强镇6个", "6个", "农业产业强镇", "rural"),
        ("受污染耕地安全利用率达到95%", "95%", "受污染耕地安全利用率", "environment"),
        ("40个人口大县建成托育综合服务中心", "40个", "人口大县", "health"),
        ("公共资源交易平台交易额达500亿元", "500亿元", "公共资源交易平台交易额", "economy"),
    ]
    _assert_story_topics(rows)


def test_a_part_after_qizhong_takes_the_wholes_topic_unless_it_names_its_own() -> None:
    # made up: a share of the whole (people, a channel, money named as money) is about the whole; a
    # part that names a theme of its own, or a place that settles one, keeps it
    got = _topics(
        [
            "全市医院本季度收治肺炎病例300例，其中70岁以上长者占五成",
            "本月居民出境约80万人次，其中经跨海大桥出境的占约两成",
            "全市投入养老资金2亿元，其中市级补助5千万元用于购置康复器材",
            "全市一般公共预算支出8亿元，其中教育经费3亿元",
            "新建公共充电桩5000个，其中农村2000个",
        ],
        [
            ["300例", "五成"],
            ["约80万人次", "约两成"],
            ["2亿元", "5千万元"],
            ["8亿元", "3亿元"],
            ["5000个", "2000个"],
        ],
        stories=[0, 1, 2, 3, 4],
        subjects={
            "300例": "肺炎住院病例",
            "五成": "70岁以上长者",
            "约80万人次": "居民出境",
            "约两成": "经跨海大桥出境",
            "2亿元": "养老资金",
            "5千万元": "市级补助",
            "3亿元": "教育经费",
            "5000个": "公共充电桩",
            "2000个": "农村",
        },
    )
    assert got[:4] == [
        ["health", "health"],
        ["culture_tourism", "culture_tourism"],
        ["social_security", "social_security"],
        ["economy", "education"],
    ]
    assert got[4][1] == "rural"


def test_passengers_named_after_a_place_are_visitors() -> None:
    # made up: passengers called after the place they come from (a division, a country) are
    # tourists; a line's or a station's passengers stay transport; a visitor is always a tourist
    rows = [
        ("黄金周期间佛山旅客约5万人次", "约5万人次", "佛山旅客", "culture_tourism"),
        ("泰国旅客有1.2万人次", "1.2万人次", "旅客", "culture_tourism"),
        ("本月访客共60万人次", "60万人次", "访客", "culture_tourism"),
        ("枢纽站发送旅客80万人次", "80万人次", "旅客", "transport"),
        ("机场旅客吞吐量达300万人次", "300万人次", "机场旅客吞吐量", "transport"),
    ]
    _assert_story_topics(rows)


def test_a_share_clause_takes_the_topic_of_the_metric_it_divides() -> None:
    # made up: a clause opening on 占 states a share of what the metric before it counts; the base
    # after 占 (人口) is not what is counted
    got = _topics(
        ["全区公屋住户约30万人，占全区人口约四成"],
        [["约30万人", "约四成"]],
        subjects={"约30万人": "公屋住户", "约四成": "公屋住户"},
    )
    assert got == [["housing", "housing"]]


def test_a_part_takes_a_whole_from_the_sentence_before_only_when_it_opens_its_sentence() -> None:
    # made up: a 其中 clause inside a sentence whose whole has no figure keeps its own reading; one
    # that opens its sentence continues the figure before it
    got = _topics(
        [
            "全市新建学校12所",
            "为孕产妇、儿童提供健康管理服务，其中儿童健康管理率达到90%",
            "其中长者的轮候时间为2年",
        ],
        [["12所"], ["90%"], ["2年"]],
        stories=[0, 0, 0],
        subjects={"12所": "学校", "90%": "儿童健康管理率", "2年": "轮候时间"},
    )
    assert got[:2] == [["education"], ["health"]]
    assert got[2] == ["education"]


def test_carrying_limits_farm_aid_per_hectare_and_cash_handouts() -> None:
    # made up: what a traveller may carry across a border is a customs rule; aid paid per hectare
    # of farmland is farming; a cash handout to every resident is a social transfer
    rows = [
        ("旅客入境时每人只可携带不超过2公升烈酒", "不超过2公升", "烈酒", "public_safety"),
        ("每公顷补助最高5万元", "最高5万元", "补助", "rural"),
        ("现金分享计划向每名居民发放8,000元", "8,000元", "居民", "social_security"),
    ]
    _assert_story_topics(rows)


def test_transfer_payments_spending_occupational_injury_cover_and_distances() -> None:
    # made up: transfers and spending as such are fiscal; a chapter's name before 支出 keeps its
    # field; occupational-injury cover is social insurance; 三公里 is a distance, not 三公 funds
    rows = [
        ("省对市县转移支付达到900亿元", "900亿元", "市县转移支付", "economy"),
        ("本级一般性支出压减8%", "8%", "一般性支出", "economy"),
        ("卫生健康支出增长4%", "4%", "卫生健康支出", "health"),
        ("职业伤害保障覆盖12万名外卖骑手", "12万名", "外卖骑手", "social_security"),
        ("卫生室的服务范围辐射周边三公里", "三公里", "服务范围", "health"),
        ("全社会研发经费支出增长9%", "9%", "全社会研发经费支出", "science_tech"),
    ]
    _assert_story_topics(rows)


def test_regional_vocabulary_of_each_theme() -> None:
    # made up: Hong Kong, Macau and Taiwan words the mainland lexicon lacked
    rows = [
        ("本月印花税收入约30亿元", "约30亿元", "印花税收入", "economy"),
        ("私楼楼价按月下跌1.5%", "1.5%", "私楼楼价", "housing"),
        ("新增专营巴士路线4条", "4条", "专营巴士路线", "transport"),
        ("警方拘捕12人", "12人", "拘捕", "public_safety"),
        ("资源回收率达到55%", "55%", "资源回收率", "environment"),
        ("酒店入住率为88%", "88%", "酒店入住率", "culture_tourism"),
        ("外地雇员人数约18万人", "约18万人", "外地雇员人数", "employment"),
        ("劳退新制提缴人数达700万人", "700万人", "劳退新制提缴人数", "social_security"),
        ("国中小学生人数约170万人", "约170万人", "国中小学生人数", "education"),
        ("最低工资标准每月提高200元", "200元", "最低工资标准", "employment"),
    ]
    _assert_story_topics(rows)


def test_regional_words_of_health_policing_defence_welfare_and_population() -> None:
    # made up: influenza outbreaks in schools are health; police recruits and visa work policing;
    # defence has no code; 社福 is welfare; civil servants governance; old people as a share of
    # the population are population
    rows = [
        ("幼稚园共爆发12宗流感样疾病个案", "12宗", "流感样疾病个案", "health"),
        ("明年将招聘300名新警员", "300名", "新警员", "public_safety"),
        ("去年处理签证申请约5万宗", "约5万宗", "签证申请", "public_safety"),
        ("国防预算达3,000亿元", "3,000亿元", "国防预算", "other"),
        ("社福预算编列900亿元", "900亿元", "社福预算", "social_security"),
        ("公务人员加班费上限提高至每月25小时", "25小时", "公务人员加班费上限", "governance"),
        ("65岁以上老年人口达300万人", "300万人", "65岁以上老年人口", "other"),
        ("全市登记车辆增至50万辆", "50万辆", "登记车辆", "transport"),
        ("港澳旅客约20万人次", "约20万人次", "港澳旅客", "culture_tourism"),
    ]
    _assert_story_topics(rows)


def test_an_occupancy_rate_takes_the_theme_of_what_is_occupied() -> None:
    # made up: 入住率 names no theme: social housing's is housing, a hotel's tourism
    got = _topics(
        ["全市已完工社会住宅8处、共2,000户，入住率达95%", "酒店客房共3万间，平均入住率为80%"],
        [["8处", "2,000户", "95%"], ["3万间", "80%"]],
        stories=[0, 1],
        subjects={"95%": "入住率", "3万间": "酒店客房", "80%": "入住率"},
    )
    assert got == [["housing", "housing", "housing"], ["culture_tourism", "culture_tourism"]]


def test_people_crossing_a_border_are_travellers() -> None:
    # made up: person-trips across a border, and those a crossing point records (even one named
    # after a bridge, or Hong Kong's: no 港口 in it), are travellers; goods through it stay transport
    got = _topics(
        [
            "假期共有约200万人次经各管制站出入境",
            "某某大桥香港口岸录得约30万人次，单日最高达5万人次",
            "口岸货运量增长8%",
        ],
        [["约200万人次"], ["约30万人次", "5万人次"], ["8%"]],
        stories=[0, 1, 2],
        subjects={"约30万人次": "某某大桥香港口岸", "8%": "口岸货运量"},
    )
    assert got == [["culture_tourism"], ["culture_tourism", "culture_tourism"], ["transport"]]


def test_a_weak_head_after_the_metric_leaves_the_theme_to_its_owner() -> None:
    # made up: in the noun after the metric, a decisive keyword outweighs a weak last one (床位
    # weighs 3), so long-term-care beds are elderly care even next to a health centre
    got = _topics(["明年落成一间社区卫生中心，新增约80张长期照顾床位"], [["约80张"]])
    assert got == [["social_security"]]


def test_regional_vocabulary_second_batch() -> None:
    # made up: words of Hong Kong, Macau and Taiwan releases that matched no keyword at all
    rows = [
        ("本周新增登革热确诊个案6宗", "6宗", "登革热确诊个案", "health"),
        ("警方上月共接获爆窃案120宗", "120宗", "爆窃案", "public_safety"),
        ("职位空缺数目约6万个", "约6万个", "职位空缺数目", "employment"),
        ("区议会投票率为35%", "35%", "区议会投票率", "governance"),
        ("都市固体废物回收率为30%", "30%", "都市固体废物回收率", "environment"),
        ("全年通胀率预测为2%", "2%", "全年通胀率预测", "economy"),
        ("去年总生育率为0.9", "0.9", "总生育率", "other"),
        ("电车每日载客量约18万人次", "约18万人次", "电车每日载客量", "transport"),
        ("马拉松赛事吸引3万名跑手参加", "3万名", "跑手", "culture_tourism"),
        ("首置单位约4,000个", "约4,000个", "首置单位", "housing"),
    ]
    _assert_story_topics(rows)


def test_the_budget_chapter_of_social_security_and_employment() -> None:
    # made up: the chapter 社会保障和就业 is social security, whichever word ends its name
    rows = [("全市社会保障和就业支出增长7%", "7%", "社会保障和就业支出", "social_security")]
    _assert_story_topics(rows)


def test_land_taken_is_no_share() -> None:
    # made up: a clause opening on 占地 states the land a thing takes, not a share of the metric
    # before it, so it keeps its own reading
    got = _topics(
        ["新设外资企业30家，占地面积约200亩的现代农业产业园同步开工"],
        [["30家", "约200亩"]],
        subjects={"30家": "外资企业", "约200亩": "现代农业产业园"},
    )
    assert got == [["economy", "rural"]]


def test_regional_vocabulary_third_batch() -> None:
    # made up: more words of regional releases that matched nothing
    rows = [
        ("本年度共受理民众陈情800件", "800件", "民众陈情", "petitions"),
        ("科学园租户增至1,200家", "1,200家", "科学园租户", "science_tech"),
        ("取缔酒驾违规2万件", "2万件", "酒驾违规", "public_safety"),
        ("营养午餐补助每餐70元", "70元", "营养午餐补助", "education"),
        ("移工人数约75万人", "约75万人", "移工人数", "employment"),
        ("稻作面积约20万公顷", "约20万公顷", "稻作面积", "rural"),
    ]
    _assert_story_topics(rows)
