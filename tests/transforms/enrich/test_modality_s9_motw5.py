"""Modality cues of session 9 (helper motw5): Taiwan and Hong Kong forecast wording. Made-up clauses."""

from __future__ import annotations

from transforms.enrich import modality as cue


def test_kewang_expected_to_is_a_forecast_cue() -> None:
    # 可望 (expected to) states a level not yet reached
    assert cue.target_cue("全年营业税收可望突破")
    assert cue.target_cue("客运量可望回升至")
    assert not cue.target_cue("去年营业税收共")
