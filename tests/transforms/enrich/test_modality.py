"""Cue words of modality.py: the regional forecast and change cues (issue 12)."""

from __future__ import annotations

from transforms.enrich import modality as cue


def test_object_marker_jiang_with_a_verb_of_change_is_a_cue_unless_done() -> None:
    assert cue.object_change_cue("当局计划五年内将候车时间缩短至")
    assert cue.object_change_cue("政府将「青年租屋计划」的申请期延长")
    assert not cue.object_change_cue("去年已将候车时间缩短至")  # done
    assert not cue.object_change_cue("将力量下沉社区，服务居民")  # 将 with no change verb


def test_regional_forecast_cues_and_the_nouns_that_hold_their_characters() -> None:
    assert cue.target_cue("新码头料接待旅客")
    assert cue.target_cue("署方估计受惠人数")
    assert cue.target_cue("议员希望当局把车程缩短至")
    assert cue.target_cue("床位最多可增至")
    assert cue.target_cue("下年度文化预算编列")
    assert not cue.target_cue("收到申请材料")
    assert not cue.target_cue("照料长者")
    assert not cue.target_cue("资助希望工程学校")


def test_an_announced_measure_is_a_cue_but_an_announced_result_is_not() -> None:
    assert cue.announces_measure("局长宣布一系列支援措施")
    assert cue.announces_measure("政府宣布新一轮资助计划")
    assert not cue.announces_measure("县政府宣布该县退出贫困县序列")  # a result
    assert not cue.announces_measure("局长宣布的措施已实施")  # done


def test_provisional_estimates_values_held_and_schemes_running_plan_nothing() -> None:
    assert not cue.target_cue("统计处发表的零售业销货临时估计数字显示，十月的销货价值临时估计为")
    assert not cue.target_cue("关员检获懒惰草约8公斤，估计市值约")
    assert not cue.target_cue("输入劳工计划下获批的申请")
    assert cue.target_cue("署方估计明年受惠人数")  # a forecast still is


def test_done_after_the_last_target_cue_and_jiang_you_as_the_future() -> None:
    assert cue.done_after_cue("计划推出首日已收到")
    assert not cue.done_after_cue("已完成首期，计划再建")  # the plan is nearer
    assert not cue.done_after_cue("力争发明专利拥有量")  # 拥有 inside a noun is no 已
    assert cue.target_cue("隧道收费将由每程")


def test_statistics_forecasts_are_cues_but_a_loss_estimate_and_a_planning_zone_are_not() -> None:
    assert cue.target_cue("全年经济成长率预测为")
    assert cue.target_cue("民间投资预估实质成长")
    assert not cue.target_cue("遵义发布动态预测大模型，上云企业超过")  # 预测 alone names a model
    assert not cue.target_cue("台风造成农业损失估计达")
    assert not cue.target_cue("全县都市计划区面积约")


def test_parallel_verb_matches_its_pattern_definition() -> None:
    """parallel_verb finds a repeated verb without compiling a pattern per call; it must agree with
    the pattern it replaced on clauses of Han characters, digits and the rounding words."""
    import random
    import re

    from transforms.enrich.modality import _figure_follows

    rng = random.Random(7)
    alphabet = "达到增长为是约近超12３，万亿"
    for _ in range(5000):
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 2)))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        want = re.search(re.escape(word) + r"[约近超]?\d", text) is not None
        assert _figure_follows(word, text) == want, (word, text)
