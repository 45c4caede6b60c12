"""Subject rules of session 16 drawn from the misses on Hong Kong, Macau and Taiwan pages
(docs/subject-misses-s16-hk.md).

Every sentence here is made up for the rule it pins down; none is taken from a test text or the corpus.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a contrasted entity (则) measures what the clause before measured of its own entity
        ("目前甲类宿位的平均轮候时间为9个月，乙类宿位则约14个月。", "约14个月", "平均轮候时间"),
        ("东区海底隧道的日均行车量为约6万架次，上升一成，北区隧道则下降约两成。", "约两成", "日均行车量"),
        ("北区及东区的专线分别有约50条及约70条，南区则有约15条。", "约15条", "专线"),
        # a place in a bare parallel clause: the attribute without the earlier place
        ("各景点中，北湖区游客人次达85万人次，南山区约60万人次。", "约60万人次", "游客人次"),
        # a sibling entity with a copula: the rate the clause before names of its sibling
        ("其中，公立医院占用率为88.5%，私立医院为71.2%。", "71.2%", "占用率"),
    ],
)
def test_a_parallel_entity_takes_the_attribute_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a list of things counted in one unit: each item is its own thing
        ("全区新建图书馆3所，幼儿园5所。", "5所", "幼儿园"),
        # a measure of its own that shares a word with the one before
        ("每名学生可获交通津贴3,000元，午膳津贴则为2,000元。", "2,000元", "午膳津贴"),
        # a bare list of totals: no copula, no contrast, no place
        ("外资企业合同金额80亿元，实际投资30亿元。", "30亿元", "实际投资"),
    ],
)
def test_items_of_a_list_keep_their_own_subject(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a site classifier counts the noun right after it, not what belongs to it after 的
        ("辖下9间公共泳池的入场人次达80万人次。", "9间", "公共泳池"),
        ("署方将完成6条登山步道的维修工程。", "6条", "登山步道"),
        # nor its predicate: a verb with a quoted object, or two coordinated verbs
        ("明年将在4条行车天桥推行「快速通行」。", "4条", "行车天桥"),
    ],
)
def test_a_site_classifier_counts_the_noun_after_it(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # words that describe the counted noun before 的 stay with it
        ("计划打造3个具有国际知名度的旅游品牌。", "3个", "具有国际知名度的旅游品牌"),
        ("新建两座日处理五万吨规模的污水厂。", "两座", "日处理五万吨规模的污水厂"),
        # a verb before nouns inside a name stays
        ("推进20个城乡融合“百村示范”重点项目。", "20个", "城乡融合“百村示范”重点项目"),
    ],
)
def test_a_described_counted_noun_stays_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a clause of who aims or estimates, when, and a verb of change only: the figure before's thing
        ("本区失业率为4.1%，局方的目标是在2028年前降至3%以下。", "3%以下", "失业率"),
        ("今年新生人数为约8万人，教育部预估明年将降至7万人以下。", "7万人以下", "新生人数"),
        ("其平均候诊时间约为三小时，较去年同期缩短约15分钟。", "约15分钟", "平均候诊时间"),
        # 仍占 a share: of those counted before
        ("按年龄分，长者伤亡820人，仍占近4成；", "近4成", "长者"),
    ],
)
def test_a_clause_that_only_moves_the_figure_before_takes_its_subject(
    sentence: str, metric: str, expected: str
) -> None:
    assert subject(sentence, metric) == expected


def test_a_clause_with_a_thing_of_its_own_is_not_carried() -> None:
    # 再培训课程 names a thing of its own
    assert subject("本区失业率为4.1%，再培训课程增至300个。", "300个") == "再培训课程"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 份 counts application forms: the applicants' word and 申请 name them, not the applicants
        ("共收到4,100份申请表，其中长者申请2,300份，青年申请1,800份。", "2,300份", "长者申请"),
        ("共收到4,100份申请表，其中长者申请2,300份，青年申请1,800份。", "1,800份", "青年申请"),
    ],
)
def test_applications_counted_in_forms_keep_their_verb(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a sum right after a verb of granting counts the subsidy, not who gets or gives it
        ("每间学校最多可获资助8万元。", "8万元", "资助"),
        ("合资格家庭每月可获补贴约3,000元。", "约3,000元", "补贴"),
        ("署方每年为每名学员向培训机构资助4,500元。", "4,500元", "资助"),
        # the receiving body between verb and sum: the sum names no noun of its own
        ("环保署今年补助地方政府新台币5,000万元。", "新台币5,000万元", None),
        # a subsidy named with its kind keeps its name
        ("全年发放消费补贴5亿元。", "5亿元", "消费补贴"),
    ],
)
def test_a_sum_after_a_verb_of_granting_is_the_subsidy(
    sentence: str, metric: str, expected: str | None
) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # Hong Kong, Macau and Taiwan words the dictionary cut apart or tagged wrong
        ("各县市共查获违规案件310件，裁处罚锾新台币2,300万元。", "新台币2,300万元", "罚锾"),
        ("全区设有12个接种站。", "12个", "接种站"),
        ("每张八达通卡可获0.5元回赠。", "0.5元", "回赠"),
        ("其中快速充电器620个。", "620个", "快速充电器"),
    ],
)
def test_regional_words_are_cut_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_quoted_scheme_keeps_its_case_verb() -> None:
    # 申请 after a quoted scheme's name, before a count of cases (宗), names the applications counted
    sentence = "今年首季共收到「青年创业资助计划」申请820宗。"
    assert subject(sentence, "820宗") == "「青年创业资助计划」申请"


def test_a_sites_predicate_with_a_quoted_object_is_cut() -> None:
    assert subject("目前已在3座体育馆推行「电子门票」。", "3座") == "体育馆"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a headline's space between two clauses reads as a comma: the bare change is of the figure before
        ("首季入境旅客逾900万人次　按年升一成五", "一成五", "入境旅客"),
        ("今年1至6月营业税收入累计3,200亿元 年增3.1%", "3.1%", "营业税收入"),
    ],
)
def test_a_headline_space_separates_its_clauses(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
