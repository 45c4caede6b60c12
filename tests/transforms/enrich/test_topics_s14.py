"""Session 14's topic kinds (made-up sentences, each in simplified and traditional script)."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS
from tests.transforms.enrich.pages import topics_of as _topics

# a village's water mains and the keepers of its supply are village water works (213), a town's urban
VILLAGE_WATER = (
    "石桥村今年新建蓄水池3口，铺设供水管网12公里，全村聘请管水员6人。",
    "石橋村今年新建蓄水池3口，鋪設供水管網12公里，全村聘請管水員6人。",
)
TOWN_WATER = ("城区改造供水管网20公里。", "城區改造供水管網20公里。")


@SCRIPTS
def test_a_village_s_water_mains_and_keepers_are_rural(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, VILLAGE_WATER[script])
    assert topics["12公里"] == "rural" and topics["6人"] == "rural"


@SCRIPTS
def test_a_town_s_water_mains_are_urban(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, TOWN_WATER[script])["20公里"] == "urban"


# sorting bins at a farmer's door are waste sorting, not farming
BINS = ("在新风村，800多户农户门口都放上了三只分类桶。", "在新風村，800多戶農戶門口都放上了三隻分類桶。")


@SCRIPTS
def test_sorting_bins_are_waste_sorting(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, BINS[script])
    assert topics["800多户"] == "environment"
    assert topics["三只"] == "environment"


# an ambulance crew hired, and the call-outs it answers, are pre-hospital care, not jobs or policing
AMBULANCE = (
    "消防处今年招聘救护员150名。其中属紧急召唤的有40万宗，非紧急召唤约5万宗。",
    "消防處今年招聘救護員150名。其中屬緊急召喚的有40萬宗，非緊急召喚約5萬宗。",
)


@SCRIPTS
def test_ambulance_crews_and_call_outs_are_health(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, AMBULANCE[script], "hk-a.txt")
    assert set(topics.values()) == {"health"} and len(topics) == 3


# a pipe into homes is a water work, no cadres' home visit; door-to-door publicity names no theme
PIPES = (
    "社区联合水务公司改造泵房3座、更新入户管道8.5公里。",
    "社區聯合水務公司改造泵房3座、更新入戶管道8.5公里。",
)
PUBLICITY = (
    "全镇设置垃圾分类投放点210个，今年已开展入户宣传1.5万户次。",
    "全鎮設置垃圾分類投放點210個，今年已開展入戶宣傳1.5萬戶次。",
)


@SCRIPTS
def test_a_pipe_into_homes_is_a_water_work(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, PIPES[script])
    assert topics["3座"] == "urban" and topics["8.5公里"] == "urban"


@SCRIPTS
def test_door_to_door_publicity_takes_what_it_publicises(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, PUBLICITY[script])
    assert topics["1.5万户次"] == "environment"


# money named only as money, followed only by what the work involved, is what the count before it
# spends; the places involved are the count's too
FUNDS = (
    "今年某县计划新建高标准农田2.5万亩，总投资约5600万元，涉及9个乡镇。",
    "今年某縣計劃新建高標準農田2.5萬畝，總投資約5600萬元，涉及9個鄉鎮。",
)


@SCRIPTS
def test_funds_before_what_the_work_involved_are_the_count_s(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, FUNDS[script])
    assert topics["约5600万元"] == "rural" and topics["9个"] == "rural"


# members of a scheme, named before them with 的, are the scheme's: the scheme's keyword qualifies them
SCHEME = (
    "成员方面，参加强积金计划的雇员约120万名，自雇人士约8万名。",
    "成員方面，參加強積金計劃的僱員約120萬名，自僱人士約8萬名。",
)


@SCRIPTS
def test_a_scheme_s_members_take_the_scheme_s_theme(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, SCHEME[script], "hk-m.txt")
    assert topics == {"约120万名": "social_security", "约8万名": "social_security"}


RESERVOIRS = ("目前全台水库蓄水率约61%。", "目前全臺水庫蓄水率約61%。")


@SCRIPTS
def test_how_full_the_reservoirs_are_is_water_resources(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, RESERVOIRS[script], "tw-r.txt") == {"约61%": "environment"}


# a measure stated again for another group, in the next sentence, keeps the first one's theme: the
# group's weak word (长者) does not decide; a clause with a decisive word of its own still does
SAME_MEASURE = (
    "房屋委员会公布，公屋一般申请者的平均轮候时间为4.8年。长者一人申请者的平均轮候时间为2.9年。",
    "房屋委員會公布，公屋一般申請者的平均輪候時間為4.8年。長者一人申請者的平均輪候時間為2.9年。",
)


@SCRIPTS
def test_a_measure_stated_again_for_another_group_keeps_its_theme(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, SAME_MEASURE[script], "hk-w.txt") == {"4.8年": "housing", "2.9年": "housing"}


def test_a_decisive_word_of_the_second_sentence_still_decides(tmp_path: Path) -> None:
    topics = _topics(
        tmp_path, "公屋一般申请者的平均轮候时间为4.8年。安老院舍护理宿位的平均轮候时间为20个月。", "hk-w.txt"
    )
    assert topics["4.8年"] == "housing" and topics["20个月"] == "social_security"


# urban and rural residents' incomes as a pair, however the pair is written: the urban one is a
# macro indicator (economy), the rural one the farm-income indicator
INCOMES = (
    "全市城镇居民和农村居民人均可支配收入分别达到5.12万元和2.46万元。",
    "全市城鎮居民和農村居民人均可支配收入分別達到5.12萬元和2.46萬元。",
)
INCOMES_LISTED = (
    "城镇、农村居民人均可支配收入分别增长4.1%、6.3%。",
    "城鎮、農村居民人均可支配收入分別增長4.1%、6.3%。",
)


@SCRIPTS
def test_an_income_pair_written_out_is_urban_then_rural(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, INCOMES[script]) == {"5.12万元": "economy", "2.46万元": "rural"}
    assert _topics(tmp_path, INCOMES_LISTED[script]) == {"4.1%": "economy", "6.3%": "rural"}


# industrial accidents and heat-stress warnings at work are occupational safety; complaint cases
# are requests; a feeder line to the sights is transport; a bamboo base is forestry; a harvest
# rush is farming
WORK_SAFETY = (
    "2025年共发生致命工业意外18宗。今年5月至9月，天文台共发出工作暑热警告39次。",
    "2025年共發生致命工業意外18宗。今年5月至9月，天文台共發出工作暑熱警告39次。",
)
LEXICON_KINDS = (
    "旅客申诉案件减少2成。县里开通县城至各景区免费接驳专线4条。某县建成竹产业基地32万亩。镇里成立8支抢收服务队。",
    "旅客申訴案件減少2成。縣裡開通縣城至各景區免費接駁專線4條。某縣建成竹產業基地32萬畝。鎮裡成立8支搶收服務隊。",
)


@SCRIPTS
def test_work_accidents_and_heat_warnings_are_public_safety(tmp_path: Path, script: int) -> None:
    assert set(_topics(tmp_path, WORK_SAFETY[script], "hk-s.txt").values()) == {"public_safety"}


@SCRIPTS
def test_complaints_feeder_lines_bamboo_and_harvest_rushes(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, LEXICON_KINDS[script])
    assert topics == {"2成": "petitions", "4条": "transport", "32万亩": "rural", "8支": "rural"}


# persons counted under an industry's name are the people it employs; the industry's trips are not
INDUSTRY_STAFF = (
    "零售业及建造业分别有5万2千人及3万1千人。酒店业接待旅客120万人次。",
    "零售業及建造業分別有5萬2千人及3萬1千人。酒店業接待旅客120萬人次。",
)


@SCRIPTS
def test_persons_of_an_industry_are_its_employment(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, INDUSTRY_STAFF[script], "mo-e.txt")
    assert topics["5万2千人"] == "employment" and topics["3万1千人"] == "employment"
    assert topics["120万人次"] == "culture_tourism"


# Hong Kong words: street lights and storm-water drains are city works, a station is transport,
# temporary shelters in a storm are emergency relief
HK_WORKS = (
    "政府会在2028年前把约3,000盏旧式街灯更换为LED灯。港铁有2个车站出入口一度水浸。"
    "民政事务总署开放12个临时庇护中心。政府已投放超过200亿元改善雨水排放系统。",
    "政府會在2028年前把約3,000盞舊式街燈更換為LED燈。港鐵有2個車站出入口一度水浸。"
    "民政事務總署開放12個臨時庇護中心。政府已投放超過200億元改善雨水排放系統。",
)


@SCRIPTS
def test_hong_kong_works_words(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, HK_WORKS[script], "hk-w.txt") == {
        "约3,000盏": "urban",
        "2个": "transport",
        "12个": "public_safety",
        "超过200亿元": "urban",
    }


# environmental sanitation is city works (21205), so is the public's rating of it
SANITATION = ("受访市民对街市环境卫生的满意度达七成半。", "受訪市民對街市環境衞生的滿意度達七成半。")


@SCRIPTS
def test_satisfaction_with_sanitation_is_city_works(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, SANITATION[script], "mo-s.txt") == {"七成半": "urban"}
