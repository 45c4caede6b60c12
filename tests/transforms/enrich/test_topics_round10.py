"""Topic rules by kind (round 10): beds follow where they stand, care and venue words.

Every sentence is made up; the helpers are those of test_topics.
"""

from __future__ import annotations

from tests.transforms.enrich.test_topics import _assert_story_topics, _topics


def test_beds_in_lodging_are_housing_beds_in_care_are_health() -> None:
    # made up: beds in a workers' dormitory are housing, in a hospital health; a bare bed count
    # later in a story about flats keeps the lodging named earlier
    got = _topics(
        ["该区建成职工宿舍一批，共提供床位2000张", "全市医院新增床位800张"],
        [["2000张"], ["800张"]],
        stories=[0, 1],
        subjects={"2000张": "床位", "800张": "床位"},
    )
    assert got == [["housing"], ["health"]]
    got = _topics(
        ["今年为外来务工人员新建人才公寓一批。", "明年还将再筹集床位5000张"],
        [[], ["5000张"]],
        subjects={"5000张": "床位"},
    )
    assert got == [[], ["housing"]]


def test_care_outranks_lodging_in_one_sentence() -> None:
    # made up: a nursing home's residential beds are care beds
    _assert_story_topics([("护理院居住区新增床位300张", "300张", "床位", "health")])


def test_imaging_ecg_toilets_and_venues() -> None:
    # made up: remote imaging reads are care; a village's sanitary toilets rural, a town's urban;
    # residents a culture and sports venue serves are culture and sport
    rows = [
        ("全年远程医学影像诊断量达到500万人次", "500万人次", "远程医学影像诊断量", "health"),
        ("各乡镇均建成心电诊断中心，覆盖率90%", "90%", "心电诊断中心覆盖率", "health"),
        ("全镇各村卫生户厕普及率达到80%", "80%", "卫生户厕普及率", "rural"),
        ("城区卫生户厕普及率达到95%", "95%", "卫生户厕普及率", "urban"),
        ("新建的文体中心服务周边居民2万户", "2万户", "周边居民", "culture_tourism"),
    ]
    _assert_story_topics(rows)


def test_a_qualifier_cut_from_the_subject_still_names_what_is_counted() -> None:
    # made up: the subject rules left 脱贫 out, yet the income is the poverty-lifted areas'; a weak
    # word before the subject (惠及) qualifies nothing
    got = _topics(
        ["全省脱贫地区居民人均收入增长8.1%"],
        [["8.1%"]],
        subjects={"8.1%": "地区居民人均收入"},
    )
    assert got == [["rural"]]
    got = _topics(["全市居民人均可支配收入增长5.2%"], [["5.2%"]], subjects={"5.2%": "居民人均可支配收入"})
    assert got == [["economy"]]


def test_trouble_getting_about_follows_the_place() -> None:
    # made up: residents' trouble getting about is their roads', urban in a town, rural in a village
    got = _topics(
        ["这条路位于县城老街，曾是周边3千多居民的出行难题", "该村山路陡峭，一度是全村800多村民的出行难题"],
        [["3千多"], ["800多"]],
        stories=[0, 1],
        subjects={"3千多": "居民", "800多": "村民"},
    )
    assert got == [["urban"], ["rural"]]


def test_a_subject_cut_inside_a_word_ends_in_that_word() -> None:
    # made up: the subject rules stopped inside 县中 (county high schools); the word it cuts heads it,
    # and a subject that ends cleanly is left as it is
    got = _topics(
        ["省级名校帮扶20所新型城镇化试点县县中"],
        [["20所"]],
        subjects={"20所": "新型城镇化试点县县"},
    )
    assert got == [["education"]]
    got = _topics(["新建新型城镇化试点县12个"], [["12个"]], subjects={"12个": "新型城镇化试点县"})
    assert got == [["urban"]]
