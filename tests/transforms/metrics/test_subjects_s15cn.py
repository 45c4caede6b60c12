"""Subject rules of session 15 drawn from the real-text misses of mainland reports (docs/subject-misses-s15.md).

Every sentence here is made up for the rule it pins down; none is taken from a test text or the corpus.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 每千人口 is a core qualifier of a density: jieba's 每千人|口 must not cut it to 口…
        ("全县每千人口托位数提高到3.9个。", "3.9个", "每千人口托位数"),
        ("到2027年每千人口执业医师数达到3.6人。", "3.6人", "每千人口执业医师数"),
        ("本市每万人口公共图书馆藏书量达1.2万册。", "1.2万册", "每万人口公共图书馆藏书量"),
    ],
)
def test_per_thousand_people_stays_in_the_indicator(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a duration after 到期后…延长 is the new term of the thing that expires, not the pilot pushed on
        ("有序开展集体林地承包到期后再延长五十年试点。", "五十年", "集体林地承包"),
        ("园区厂房租赁合同到期后延长3年。", "3年", "园区厂房租赁合同"),
        ("人才公寓租住协议期满后可续期两年。", "两年", "人才公寓租住协议"),
    ],
)
def test_a_term_extended_on_expiry_is_the_expiring_thing(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_duration_without_expiry_keeps_its_reading() -> None:
    assert subject("试点期限延长3年。", "3年") != "试点期限延长"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a verb phrase after the counted noun is its predicate, not part of its name
        ("推动3个百亿级产业集群提质增效。", "3个", "百亿级产业集群"),
        ("30家国有平台公司转型或退出。", "30家", "国有平台公司"),
        ("支持120家中小企业数字化转型。", "120家", "中小企业"),
        # a governing verb before the counted object is the measure
        ("全年盘活闲置厂房12万平方米。", "12万平方米", "闲置厂房"),
        ("盘活处置闲置低效楼宇9栋。", "9栋", "闲置低效楼宇"),
        ("既有住宅加装电梯260台。", "260台", "电梯"),
        ("市县两级选派驻村第一书记420名。", "420名", "驻村第一书记"),
        ("提档升级农贸市场35个。", "35个", "农贸市场"),
        ("为18个城市保供天然气5亿立方米。", "18个", "城市"),
        ("为18个城市保供天然气5亿立方米。", "5亿立方米", "天然气"),
        ("全市落实稳岗返还资金3.2亿元。", "3.2亿元", "稳岗返还资金"),
        ("今年交付安置房1.1万套。", "1.1万套", "安置房"),
        ("全年侦破电信诈骗案件420起。", "420起", "电信诈骗案件"),
        ("灌区已浇灌小麦86万亩。", "86万亩", "小麦"),
        # …but 提档升级村 is a grade of village, the thing counted
        ("建成120个提档升级村。", "120个", "提档升级村"),
        # an adverb (接连) or a verb of change (翻番) between the thing and its level is no part of it
        ("全省旅游收入接连突破5000亿元。", "突破5000亿元", "旅游收入"),
        ("全县农民合作社数量翻番达到860家。", "860家", "农民合作社数量"),
        # 规模以上 / 限额以上 qualify the enterprises counted after a count too
        ("新增5家规模以上工业企业。", "5家", "规模以上工业企业"),
        ("推动300家限额以上商贸企业上线。", "300家", "限额以上商贸企业"),
    ],
)
def test_verbs_around_the_counted_thing_leave_it(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_digital_workshop_keeps_its_name() -> None:
    assert subject("建成5个数字化车间。", "5个") == "数字化车间"


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # terms the dictionary cut or read as verbs stay whole in what is counted
        ("今年全省快递业务量增长12.5%。", "12.5%", "快递业务量"),
        ("国庆假期全国揽收快递包裹超12亿件。", "超12亿件", "快递包裹"),
        ("全市新增长护险参保人数36万人。", "36万人", "长护险参保人数"),
    ],
)
def test_parcel_and_care_insurance_terms_stay_whole(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a clause of a level or a streak of standing, with no noun, goes on about the clause before's subject
        ("全县油菜籽产量再创新高，连续9年位居全省第一。", "9年", "全县油菜籽产量"),
        ("外贸进出口总额再上新台阶，突破3000亿元。", "突破3000亿元", "外贸进出口总额"),
        ("尤其是蔬菜产量实现稳步增长，连续5年稳定在600万吨以上。", "600万吨以上", "蔬菜产量"),
    ],
)
def test_a_bare_level_clause_takes_the_subject_before(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric"),
    [
        # a streak of an act, or people who come to a thing, are not about the clause before's subject
        ("县级医院服务能力明显提升，连续4年为适龄儿童免费开展视力筛查。", "4年"),
        ("文化活动反响热烈，突破3万人。", "突破3万人"),
    ],
)
def test_a_streak_of_an_act_takes_no_subject_before(sentence: str, metric: str) -> None:
    assert subject(sentence, metric) not in ("县级医院服务能力", "文化活动")


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # after a count, what is improved or reached of each counted thing is no part of its name
        ("改善620所乡村小学办学条件。", "620所", "乡村小学"),
        ("85家乡镇卫生院服务能力达到国家基本标准。", "85家", "乡镇卫生院"),
        ("9个县城水环境质量稳定达标。", "9个", "县城"),
    ],
)
def test_an_attribute_after_the_counted_thing_is_cut(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a 分别 item that is only a qualifier (城镇) takes the whole list up to its head: 城镇居民… is written nowhere
        ("全县城镇、农村居民人均可支配收入分别增长4.1%、6.2%。", "4.1%", "全县城镇、农村居民人均可支配收入"),
        ("全县城镇、农村居民人均可支配收入分别增长4.1%、6.2%。", "6.2%", "农村居民人均可支配收入"),
        ("城市和农村低保标准分别提高5%、8%。", "5%", "城市和农村低保标准"),
        # …while an item that names a thing stays the item (钢铁 of 钢铁、水泥产量)
        ("钢铁、水泥和平板玻璃产量分别下降3%、5%、2%。", "3%", "钢铁"),
    ],
)
def test_a_qualifier_item_of_a_list_takes_the_list(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


def test_a_qualifier_list_reads_as_its_first_item_for_a_theme() -> None:
    from transforms.metrics.subjects.respectively import listed_phrase

    text = "城镇和农村常住居民人均可支配收入分别增长"
    assert listed_phrase(text, "城镇和农村常住居民人均可支配收入") == "城镇常住居民人均可支配收入"
