"""将 as the future adverb whatever verb follows: an adverb right before it (还将, 也将) or a time
still ahead opening the clause (今年…将, 新一年…将); the object marker 将 and 今年以来 are not."""

from __future__ import annotations

from transforms.enrich import modality as cue


def test_an_adverb_before_jiang_makes_it_the_future() -> None:
    assert cue.target_cue("该市还将再募集宿位")
    assert cue.target_cue("全区也将资助困难学生")
    assert not cue.target_cue("还有将近")  # 将近 is "nearly"


def test_a_time_ahead_opening_the_clause_makes_jiang_the_future() -> None:
    assert cue.target_cue("今年本省将资助贫困学生")
    assert cue.target_cue("新的一年全市将培育示范村")
    assert not cue.target_cue("今年以来全市将资金")  # 今年以来 looks back
    assert not cue.target_cue("去年全市将资金")  # no time ahead, no verb of the lexicon


def test_the_object_marker_jiang_stays_no_cue() -> None:
    assert not cue.target_cue("中央决定将农民人均纯收入")


def test_an_object_marker_after_an_adverb_stays_no_cue() -> None:
    assert not cue.target_cue("该行还将两家企业的评级从")  # 将X从A调整为B: the object marker
    assert not cue.target_cue("也将损耗率控制在")
    assert not cue.target_cue("今年灯会将")  # a figure right after 将 is its object


def test_an_object_change_in_the_perfective_was_made() -> None:
    assert not cue.object_change_cue("将抢修时间由45分钟降低到了")
    assert cue.object_change_cue("将抢修时间由45分钟降低到")


def test_an_index_of_expectations_is_no_cue() -> None:
    assert not cue.target_cue("生产经营活动预期指数为")
    assert cue.target_cue("全年预期增长")


def test_jiang_before_a_verb_the_lexicons_do_not_list_is_the_future() -> None:
    assert cue.target_cue("该工程将解决当地")
    assert cue.target_cue("建成后将安置回迁")
    # the object marker before a noun, a start value or a verb of change stays no cue
    assert not cue.target_cue("当地将油菜花的观赏期从")
    assert not cue.target_cue("医院将发热门诊从")
    assert not cue.target_cue("将扶贫标准提高到")
