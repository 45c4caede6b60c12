"""Topic rules by kind (session 9, national news): attacks abroad, space missions, disasters and
their relief, martyrs, weather, and the everyday words of economic news.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

import pytest

from tests.transforms.enrich.test_topics import _assert_story_topics

# made up: one figure per kind that read a wrong theme before this session
KINDS = [
    # attacks and armies abroad are war (other); 沙地 inside 加沙地带 is not sandy land
    ("某国边境城镇遭袭致18人死亡", "18人", None, "other"),
    ("加沙地带南部多地遇袭，造成26人死亡", "26人", None, "other"),
    ("俄军称摧毁了35架无人机", "35架", "无人机", "other"),
    # space missions are science and technology, not their days in orbit or the crew's honours
    ("火星探测器已飞行210天", "210天", None, "science_tech"),
    ("乘组在空间站驻留了5个月", "5个月", None, "science_tech"),
    ("三名航天员完成了4次出舱活动", "4次", "出舱活动", "science_tech"),
    # martyrs' remains are veterans' care
    ("当年共为320名烈士找到亲属", "320名", "烈士", "social_security"),
    # disaster relief and reconstruction money is emergency management, not investment
    ("中央下拨救灾资金2.6亿元", "2.6亿元", "救灾资金", "public_safety"),
    ("全年安排灾后重建投资48亿元", "48亿元", "灾后重建投资", "public_safety"),
    # floods, storms and shootings abroad are disasters and public safety
    ("该州洪灾已致31人死亡", "31人", None, "public_safety"),
    ("当地发生两起枪击事件", "两起", "枪击事件", "public_safety"),
    # an accident's injured taken to hospital are the accident's
    ("事故已造成3人死亡、12人送医", "12人", None, "public_safety"),
    # rice transplanted by machine is farming, whatever the machine
    ("全镇2.3万亩晚稻采用高速插秧机插秧", "2.3万亩", "晚稻", "rural"),
    # the weather itself belongs to no chapter: other
    ("多地最高气温达到39℃", "39℃", "最高气温", "other"),
    # medical settlements across provinces, telescopes, herders, oil, retail sales
    ("上半年跨省就医直接结算5200万人次", "5200万人次", None, "health"),
    ("基地已有12台望远镜投入观测", "12台", "望远镜", "science_tech"),
    ("该镇有600多户牧民定居", "600多户", "牧民", "rural"),
    ("该国5月零售销售额环比增长0.4%", "0.4%", "零售销售额", "economy"),
    # second sample (CCTV bench 1101-1300): futures, power lines, multiple units, experiments in orbit
    ("一季度全国期货市场累计成交量为9.8亿手", "9.8亿手", "成交量", "economy"),
    ("这条特高压线路每天输送电能5000万度", "5000万度", None, "economy"),
    ("新型动车组试验时速达到420公里", "420公里", None, "transport"),
    ("返回舱带回的实验样品共18项", "18项", "实验样品", "science_tech"),
    # work done on a site is not homework (作业 -> education)
    ("其中特殊作业机器人产量增长30%", "30%", "特殊作业机器人产量", "economy"),
]


@pytest.mark.parametrize("row", KINDS, ids=[r[0][:8] for r in KINDS])
def test_news_kinds(row: tuple[str, str, str | None, str]) -> None:
    _assert_story_topics([row])


def test_an_item_of_a_list_is_read_with_the_head_its_list_shares() -> None:
    # made up: the subject of the first figure is its conjunct as written (城镇); its theme is that
    # of the head the list states once at its end (residents' income: economy), not of the rural
    # item beside it in the window; the list may stand in a clause before the figure
    from tests.transforms.enrich.test_topics import _topics

    got = _topics(
        [
            "城镇和农村居民人均可支配收入分别增长4.9%和6.8%",
            "城镇、农村居民人均可支配收入分别达到4万元、2万元，分别增长4.5%、6.3%",
        ],
        [["4.9%", "6.8%"], ["4.5%", "6.3%"]],
        stories=[0, 1],
        subjects={
            "4.9%": "城镇",
            "6.8%": "农村居民人均可支配收入",
            "4.5%": "城镇",
            "6.3%": "农村居民人均可支配收入",
        },
    )
    assert got == [["economy", "rural"], ["economy", "rural"]]


def test_a_room_rate_per_night_is_a_hotels() -> None:
    from tests.transforms.enrich.test_topics import _assert_story_topics

    _assert_story_topics([("本月平均房价每晚980元", "980元", "房价", "culture_tourism")])
