"""Subject rules of session 16 (mainland pass, helper subjcn16), drawn from the kinds of subject misses
counted over every spent mainland half (docs/subject-misses-s16-cn.md).

Every sentence here is made up for the rule it pins down; none is taken from a test text or the corpus.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 新增就业 is the indicator's name, its 新增 no verb to cut the subject at
        ("上半年全县城镇新增就业3200人。", "3200人", "城镇新增就业"),
        ("今年力争新增就业1.2万人以上。", "1.2万人以上", "新增就业"),
        ("全区城镇新增就业人数达到4500人。", "4500人", "城镇新增就业人数"),
    ],
)
def test_new_jobs_is_one_indicator(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # before 就业岗位 (jobs) 新增 is still the verb that counts them
        ("全年新增就业岗位3000个。", "3000个", "就业岗位"),
        ("今年新增就业岗位近六百个。", "近六百个", "就业岗位"),
    ],
)
def test_new_posts_keep_their_verb_apart(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # after a list of places, 分别 and its verb: the verb's object is counted, not the places
        ("东乡县、西河县分别播种玉米12万亩和9万亩。", "12万亩", "玉米"),
        ("东乡县、西河县分别播种玉米12万亩和9万亩。", "9万亩", "玉米"),
        ("青石镇、白沙镇分别引进企业21家和17家。", "17家", "企业"),
        ("其中，东湖区、西山区分别新增车位800个和650个。", "800个", "车位"),
        # no object after the verb: the head after the last place (towns the dictionary lacks too)
        ("青石镇、白沙镇工业总产值分别达到86亿元和54亿元。", "86亿元", "工业总产值"),
        ("青石镇、白沙镇工业总产值分别达到86亿元和54亿元。", "54亿元", "工业总产值"),
        ("东乡县、西河县粮食产量分别达到9.1亿斤和7.6亿斤。", "9.1亿斤", "粮食产量"),
    ],
)
def test_places_before_respectively_are_no_subject(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # items that are no places keep their reading (重点镇 is a kind of town counted)
        ("重点镇、中心镇分别有12个和9个。", "12个", "重点镇"),
        ("城镇、农村居民人均可支配收入分别达到46320元、23850元。", "46320元", "城镇、农村居民人均可支配收入"),
    ],
)
def test_lists_of_things_before_respectively_keep_their_items(
    sentence: str, metric: str, expected: str
) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # a rate in a quote: per unit, modal, verb -- no noun names what is counted
        ("“现在开网店，一天能赚三百多元。”", "三百多元"),
        ("“种上蓝莓以后，一亩能卖一万多元。”", "一万多元"),
        ("“换了节能灯，一个月能省五六十元。”", "五六十元"),
        ("“天气好的时候，一亩能多收两百斤。”", "两百斤"),
    ],
)
def test_a_quoted_rate_names_nothing(sentence: str, metric: str) -> None:
    assert subject(sentence, metric) is None


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a noun after the modal's verb is named
        # a verb of two characters may name the work (发电)
        ("项目建成后每年能发电1.2亿千瓦时。", "1.2亿千瓦时", "发电"),
        ("全市森林覆盖率可以达到45%。", "45%", "森林覆盖率"),
    ],
)
def test_a_modal_before_a_named_thing_keeps_it(sentence: str, metric: str, expected: str) -> None:
    assert expected in (subject(sentence, metric) or "")


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # an age given to one named person: the people noun is what is aged, the name only which one
        ("71岁的村民赵桂芳正在院子里晒玉米。", "71岁", "村民"),
        ("今年64岁的居民钱大妈笑着说。", "64岁", "居民"),
        ("58岁的村民周建华刚领到补贴。", "58岁", "村民"),
    ],
)
def test_a_persons_name_after_the_people_noun_is_dropped(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_people_noun_before_a_common_word_keeps_it() -> None:
    # 高 opens 高血压 (a disease), no surname's name
    assert subject("全县登记居民高血压患者1200人。", "1200人") == "居民高血压患者"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a compound verb of works after the counted thing is its predicate, whole
        ("全省完成病险水闸除险加固35座。", "35座", "病险水闸"),
        ("今年启动背街小巷综合改造18条。", "18条", "背街小巷"),
        ("全县完成农贸市场升级改造12个。", "12个", "农贸市场"),
        # ...and before the object it governs it, as 排查 does
        ("汛期前排查整改安全隐患420处。", "420处", "安全隐患"),
        ("全年提质改造县乡公路260公里。", "260公里", "县乡公路"),
    ],
)
def test_a_compound_verb_of_works_is_one_measure(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a named division opening the subject says where (region), never what
        ("其中，桃源县规模以上工业增加值增长9.1%。", "9.1%", "规模以上工业增加值"),
        ("其中白沙镇网销额12亿元。", "12亿元", "网销额"),
        # no place: a common noun before 市 or 城市 is the thing's own (城际|市域列车, 智慧城市项目)
        ("启动建设投资3亿元的智慧城市项目。", "3亿元", "智慧城市项目"),
        ("北京市民出游人次增长5%。", "5%", "北京市民出游人次"),
    ],
)
def test_a_leading_place_is_no_part_of_the_subject(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 房地产开发投资 is one indicator, its 开发 no verb governing 投资
        ("1—9月，全县房地产开发投资增长3.1%。", "3.1%", "房地产开发投资"),
        ("全年完成房地产开发投资86亿元。", "86亿元", "房地产开发投资"),
    ],
)
def test_real_estate_development_investment_is_one_indicator(
    sentence: str, metric: str, expected: str
) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # sites, then what covers them or is piloted there: the sites are counted
        ("年内实现15个行政村天然气全覆盖。", "15个", "行政村"),
        ("全县46所中小学校午餐配送实现全覆盖。", "46所", "中小学校"),
        ("今年将在8个社区试点“物业进社区”新模式。", "8个", "社区"),
        ("在20个小区试点推行垃圾分类。", "20个", "小区"),
        # a pilot's own name is a thing (pilot projects)
        ("建设3个社区试点项目。", "3个", "社区试点项目"),
    ],
)
def test_sites_covered_or_piloted_are_counted(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
