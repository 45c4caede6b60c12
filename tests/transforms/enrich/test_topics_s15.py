"""Session 15's topic kinds (made-up sentences, each in simplified and traditional script)."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS
from tests.transforms.enrich.pages import topics_of as _topics

# power from wind and sun as installed or generated is renewable power (211); the industry making the
# kit stays the economy's; power saved is energy saving; a grid's peak load is power supply
POWER = (
    "全省新增风电装机120万千瓦、光伏发电装机80万千瓦，离岸风电发电量为36亿度。"
    "风电装备产业实现产值300亿元。更换节能路灯后每年可减少用电约600万度。今年夏季尖峰负载最高为900万千瓦。",
    "全省新增風電裝機120萬千瓦、光伏發電裝機80萬千瓦，離岸風電發電量為36億度。"
    "風電裝備產業實現產值300億元。更換節能路燈後每年可減少用電約600萬度。今年夏季尖峰負載最高為900萬千瓦。",
)


@SCRIPTS
def test_renewable_power_is_environment_its_industry_economy(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, POWER[script])
    assert [topics[t] for t in ("120万千瓦", "80万千瓦", "36亿度")] == ["environment"] * 3
    assert topics["300亿元"] == "economy"
    assert topics["约600万度"] == "environment"
    assert topics["900万千瓦"] == "economy"


# policy words the lexicon lacked, each decided by its own noun: health centres, health management,
# the elderly's emergency alarm, library readers, hiking trails, hill fires, saplings, green space,
# grapes and farm cold stores, a farm disaster's losses, a university-industry scheme, a scheme's
# model schools; a coverage over the population names no theme (the network it measures does)
WORDS = (
    "区内康健中心今年服务市民12万人次。全区老年人健康管理率达到70%。平安钟用户约3千户。"
    "图书馆今年新增登记读者4万名。郊野公园今年完成远足径修复8条。今年共发生山火12宗。"
    "今年种植树苗3万棵。城区新增公园绿地40公顷。全县葡萄种植面积9万亩，新建冷库20座。"
    "风灾造成农业损失2亿元。政府资助产学研项目30个。全市建成阅读示范校15所。"
    "全县5G基站达1200座，人口覆盖率达95%。",
    "區內康健中心今年服務市民12萬人次。全區老年人健康管理率達到70%。平安鐘用戶約3千戶。"
    "圖書館今年新增登記讀者4萬名。郊野公園今年完成遠足徑修復8條。今年共發生山火12宗。"
    "今年種植樹苗3萬棵。城區新增公園綠地40公頃。全縣葡萄種植面積9萬畝，新建冷庫20座。"
    "風災造成農業損失2億元。政府資助產學研項目30個。全市建成閱讀示範校15所。"
    "全縣5G基站達1200座，人口覆蓋率達95%。",
)
WORD_TOPICS = {
    "12万人次": "health",
    "70%": "health",
    "约3千户": "social_security",
    "4万名": "culture_tourism",
    "8条": "culture_tourism",
    "12宗": "public_safety",
    "3万棵": "environment",
    "40公顷": "environment",
    "9万亩": "rural",
    "20座": "rural",
    "2亿元": "rural",
    "30个": "science_tech",
    "15所": "education",
    "1200座": "science_tech",
    "95%": "science_tech",
}


@SCRIPTS
def test_policy_words_of_session_15(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, WORDS[script])
    assert {t: topics[t] for t in WORD_TOPICS} == WORD_TOPICS


# a word holding a lexicon word is no instance of it: Portugal grows no grapes, and a wine fair is
# no vineyard
NOT_GRAPES = ("中方同葡萄牙政府签署协议两份。", "中方同葡萄牙政府簽署協議兩份。")


@SCRIPTS
def test_portugal_is_no_grape(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, NOT_GRAPES[script])["两份"] != "rural"


# a part of the whole is about the whole, also when its opener stands as a clause of its own
# (其中，…); a part stating its share of the whole (其中X占…) counts the whole's things, whatever X
# names; a part naming a theme of its own otherwise keeps it
PARTS = (
    "全区组建家庭医生签约服务团队120个，签约居民21万人。其中，60岁以上老年人签约3.1万人。"
    "全市现有巴士约900辆，其中电动巴士占六成。全市修建农田水利项目80个，其中生态环境项目12个。",
    "全區組建家庭醫生簽約服務團隊120個，簽約居民21萬人。其中，60歲以上老年人簽約3.1萬人。"
    "全市現有巴士約900輛，其中電動巴士佔六成。全市修建農田水利項目80個，其中生態環境項目12個。",
)


@SCRIPTS
def test_a_part_takes_its_whole_s_topic(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, PARTS[script])
    assert topics["3.1万人"] == "health"
    assert topics["六成"] == "transport"
    assert topics["12个"] == "environment"


# beds in a care home for the elderly are elderly care (social security), a hospital's health, a
# dormitory's housing
BEDS = (
    "全市共有养老机构120家、床位1.8万张。医院今年新增床位300张。工地宿舍新增床位500张。",
    "全市共有養老機構120家、床位1.8萬張。醫院今年新增床位300張。工地宿舍新增床位500張。",
)


@SCRIPTS
def test_beds_are_settled_by_where_they_stand(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, BEDS[script])
    assert topics["1.8万张"] == "social_security"
    assert topics["300张"] == "health"
    assert topics["500张"] == "housing"


# a course names no theme decisively: the trade it teaches (电子商务培训) decides, and a course
# counted on its own stays education
COURSES = (
    "商务局今年举办电子商务培训课程20场，参加者逾900人次。学校今年开设选修课程45个。",
    "商務局今年舉辦電子商務培訓課程20場，參加者逾900人次。學校今年開設選修課程45個。",
)


@SCRIPTS
def test_a_course_takes_the_trade_it_teaches(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, COURSES[script])
    assert topics["20场"] == "economy" and topics["逾900人次"] == "economy"
    assert topics["45个"] == "education"


# the elderly named by a weak welfare word (老年人) take the programme named in their clause or in the
# part detailing them (vouchers: health); with none there they stay welfare's. (长者 and 困难群众 are
# not such people words: the unseen HK/MO/TW gold keeps their welfare topic.)
ELDERS = (
    "卫生局表示，全区共有约9万名合资格老年人，其中7万人曾使用医疗券。全区为2万名老年人发放高龄津贴。",
    "衞生局表示，全區共有約9萬名合資格老年人，其中7萬人曾使用醫療券。全區為2萬名老年人發放高齡津貼。",
)


@SCRIPTS
def test_the_elderly_take_their_programme_s_topic(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, ELDERS[script])
    assert topics["约9万名"] == "health" and topics["7万人"] == "health"
    assert topics["2万名"] == "social_security"


# a family doctor's signing coverage over the population is primary care (the population is its
# base); a late fee (逾期罚款) is no law enforcement: what was lent decides
SIGNING = (
    "全市家庭医生签约居民30万人，常住人口签约覆盖率达到65%，签约率逐年提高。"
    "图书馆今年新增登记读者2万名。同期逾期罚款收入约80万元。",
    "全市家庭醫生簽約居民30萬人，常住人口簽約覆蓋率達到65%，簽約率逐年提高。"
    "圖書館今年新增登記讀者2萬名。同期逾期罰款收入約80萬元。",
)


@SCRIPTS
def test_signing_coverage_is_health_and_a_late_fee_its_service_s(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, SIGNING[script])
    assert topics["65%"] == "health"
    assert topics["约80万元"] == "culture_tourism"


# waterways and transport hubs are transport, as roads between places are
WATERWAYS = (
    "今年全省水运及枢纽站场完成投资30亿元。",
    "今年全省水運及樞紐站場完成投資30億元。",
)


@SCRIPTS
def test_waterways_and_hubs_are_transport(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, WATERWAYS[script])["30亿元"] == "transport"


# navel oranges, fruit growers and flowers and saplings grown for sale are farming; a village-run
# industrial estate renewed is urban renewal
GROWERS = (
    "全县脐橙产量达到20万吨，带动果农3万余名增收，花木网销额突破50亿元。全区完成村级工业园改造4000亩。",
    "全縣臍橙產量達到20萬噸，帶動果農3萬餘名增收，花木網銷額突破50億元。全區完成村級工業園改造4000畝。",
)


@SCRIPTS
def test_growers_are_farming_and_village_estates_urban(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, GROWERS[script])
    assert [topics[t] for t in ("20万吨", "3万余名", "突破50亿元")] == ["rural"] * 3
    assert topics["4000亩"] == "urban"


# things that join a scheme are counted as its members: the scheme decides, not what they are;
# volunteers who join a campaign stay governance's
JOINERS = (
    "目前已有800幢住宅楼宇参与废物源头分类计划。全市3000名志愿者参与垃圾分类宣传。",
    "目前已有800幢住宅樓宇參與廢物源頭分類計劃。全市3000名志願者參與垃圾分類宣傳。",
)


@SCRIPTS
def test_members_of_a_scheme_take_its_topic(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, JOINERS[script])
    assert topics["800幢"] == "environment"
    assert topics["3000名"] == "governance"


def test_session_15_coordinator_topic_words(tmp_path: Path) -> None:
    """City traffic works and dead-end roads are city roads (urban); the Yellow River's inflows are
    its protection; lodging and catering is the economy's, whatever the sentence's other words."""
    topics = _topics(
        tmp_path,
        "某市2026年政府工作报告\n实施12项疏堵工程，打通断头路18条，周边环境提升完成。"
        "15条入黄排水沟水质达标率达到90%。住宿和餐饮业营业额增长6.2%，航空客运量增长9.1%。",
    )
    assert [topics[t] for t in ("12项", "18条")] == ["urban", "urban"]
    assert topics["90%"] == "environment"
    assert (topics["6.2%"], topics["9.1%"]) == ("economy", "transport")
