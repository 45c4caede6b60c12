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
