"""Subject rules of session 16 (mainland pass, helper subjcn16), drawn from the kinds of subject misses
counted over every spent mainland half (docs/subject-misses-s16-cn.md).

Every sentence here is made up for the rule it pins down; none is taken from a test text or the corpus.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # 新增就业 is the indicator's name, its 新增 no verb to cut the subject at
        ("上半年全县城镇新增就业3200人。", "3200人", "城镇新增就业"),
        ("今年力争新增就业1.2万人以上。", "1.2万人以上", "新增就业"),
        ("全区城镇新增就业人数达到4500人。", "4500人", "城镇新增就业人数"),
    ],
)
def test_new_jobs_is_one_indicator(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # before 就业岗位 (jobs) 新增 is still the verb that counts them
        ("全年新增就业岗位3000个。", "3000个", "就业岗位"),
        ("今年新增就业岗位近六百个。", "近六百个", "就业岗位"),
    ],
)
def test_new_posts_keep_their_verb_apart(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
