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
