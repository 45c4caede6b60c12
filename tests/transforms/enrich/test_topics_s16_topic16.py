"""Session 16 (topic16) topic kinds: made-up sentences, each in simplified and traditional script."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS
from tests.transforms.enrich.pages import topics_of as _topics

# labour disputes and wage arrears are disputes settled (public safety, as "disputes and mediation"),
# whatever the labour office handling them; wages and job fairs stay employment
LABOUR = (
    "劳动事务局今年共处理劳资纠纷个案900宗，涉及雇员2,100人。去年协助外地雇员追讨欠薪约300万元。"
    "今年共举办招聘会12场。",
    "勞動事務局今年共處理勞資糾紛個案900宗，涉及僱員2,100人。去年協助外地僱員追討欠薪約300萬元。"
    "今年共舉辦招聘會12場。",
)


@SCRIPTS
def test_labour_disputes_and_arrears_are_public_safety(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, LABOUR[script])
    assert [topics[t] for t in ("900宗", "2,100人", "约300万元")] == ["public_safety"] * 3
    assert topics["12场"] == "employment"


# what a case involved (，涉及学生40人) is the case's, even when its own noun names a theme
INVOLVED = (
    "去年共发生道路交通事故个案300宗，涉及学生40人。",
    "去年共發生道路交通事故個案300宗，涉及學生40人。",
)


@SCRIPTS
def test_what_a_case_involved_is_the_case(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, INVOLVED[script])
    assert topics["300宗"] == topics["40人"] == "public_safety"


# problems an inspection turned up are not residents' requests: what was inspected decides; problems
# residents raised stay petitions, inspection or not
PROBLEMS = (
    "全县推行林长制，聘请护林员300人。今年共排查森林防火问题80个，已整改72个。"
    "区市场监管局对辖区600家餐饮单位开展食品安全检查，督促整改问题45个。"
    "街道干部入户走访，排查收集群众反映问题120个。",
    "全縣推行林長制，聘請護林員300人。今年共排查森林防火問題80個，已整改72個。"
    "區市場監管局對轄區600家餐飲單位開展食品安全檢查，督促整改問題45個。"
    "街道幹部入戶走訪，排查收集群眾反映問題120個。",
)


@SCRIPTS
def test_problems_an_inspection_found_take_its_theme(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, PROBLEMS[script])
    assert topics["80个"] == topics["72个"] == "public_safety"
    assert topics["600家"] == topics["45个"] == "health"
    assert topics["120个"] == "petitions"


# a bare output value after a count of the sentence measures that count's things; an industry's
# named output value, or one opening its sentence, stays the economy's
OUTPUT = (
    "今年全县茶叶采摘面积12万亩，产量超过9000吨，产值有望达到6亿元。"
    "全市纺织产业实现产值800亿元。新材料产业加快集聚，全年实现产值450亿元。",
    "今年全縣茶葉採摘面積12萬畝，產量超過9000噸，產值有望達到6億元。"
    "全市紡織產業實現產值800億元。新材料產業加快集聚，全年實現產值450億元。",
)


@SCRIPTS
def test_a_bare_output_value_measures_the_count_before_it(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, OUTPUT[script])
    assert topics["12万亩"] == topics["6亿元"] == "rural"
    assert topics["800亿元"] == topics["450亿元"] == "economy"


# people a programme reached, after a metric of their sentence and named by nothing of their own
# before the cue, are that metric's programme's; a policy named before its own cue keeps its theme
REACHED = (
    "今年全县将推进城市更新项目35个，总投资40亿元，其中改造老旧小区22个、惠及居民9,800户。"
    "新建城市公园12个，以旧换新政策惠及20万群众。",
    "今年全縣將推進城市更新項目35個，總投資40億元，其中改造老舊小區22個、惠及居民9,800戶。"
    "新建城市公園12個，以舊換新政策惠及20萬群眾。",
)


@SCRIPTS
def test_people_reached_take_the_programme_before_them(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, REACHED[script])
    assert topics["22个"] == topics["9,800户"] == "housing"
    assert topics["20万"] == "economy"


# a count of compounds whose sentence holds only hints continues its paragraph's theme: the
# compounds of a story on renovating old housing are old housing
COMPOUNDS = (
    "今年全区计划改造老旧小区30个，涉及居民9000余户。目前已有12个小区进场施工。",
    "今年全區計劃改造老舊小區30個，涉及居民9000餘戶。目前已有12個小區進場施工。",
)


@SCRIPTS
def test_compounds_in_a_sentence_of_hints_take_the_story_theme(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, COMPOUNDS[script])
    assert topics["30个"] == topics["12个"] == "housing"


# HK/MO/TW words after t2s: mega events and surveyed visitors are tourism, the toll tag transport,
# missing migrant workers and road traffic safety public safety, food premises food safety
WORDS = (
    "今年将举办逾80项盛事。受访旅客在港人均消费为5,200元。使用易通行缴费的车辆占九成。"
    "今年失联移工约5万人。依道路交通安全计划，目标将死亡人数降至2,000人以下。"
    "全区有1,200家餐饮单位。",
    "今年將舉辦逾80項盛事。受訪旅客在港人均消費為5,200元。使用易通行繳費的車輛佔九成。"
    "今年失聯移工約5萬人。依道路交通安全計畫，目標將死亡人數降至2,000人以下。"
    "全區有1,200家餐飲單位。",
)


@SCRIPTS
def test_hk_mo_tw_words(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, WORDS[script])
    assert topics["逾80项"] == topics["5,200元"] == "culture_tourism"
    assert topics["九成"] == "transport"
    assert topics["约5万人"] == topics["2,000人以下"] == "public_safety"
    assert topics["1,200家"] == "health"


# a cold chain's stores for produce are farming's; cold-chain logistics firms stay transport
COLD = (
    "为解决“卖难”问题，镇里建成冷链仓储设施20个。全省新增冷链物流企业5家。",
    "為解決「賣難」問題，鎮裡建成冷鏈倉儲設施20個。全省新增冷鏈物流企業5家。",
)


@SCRIPTS
def test_cold_chain_stores_are_farming(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, COLD[script])
    assert topics["20个"] == "rural"
    assert topics["5家"] == "transport"
