"""Subject rules of session 12: kinds of error seen on Hong Kong, Macau and Taiwan pages.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject
from transforms.text.script import to_simplified


def _read(sentence: str, metric: str) -> str | None:
    """The subject as the pipeline gives it: a page in traditional script reaches the rules simplified."""
    return subject(to_simplified(sentence)[0], to_simplified(metric)[0])


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a verb after a count of people says what they did or suffered: no noun names them
        ("医院指，共有120人受伤送院。", "120人", None),
        ("醫院指，共有120人受傷送院。", "120人", None),
        ("卫生署表示，已有约5万人接种疫苗。", "约5万人", None),
        ("已有3人出现重症。", "3人", None),
        # the people named after the verb, or a count of people, are the subject still
        ("全区共有2000名获奖学生。", "2000名", "获奖学生"),
        ("共有300名参赛选手同台竞技。", "300名", "参赛选手"),
        ("今年首季急症室共录得约31万求诊人次。", "约31万", "求诊人次"),
    ],
)
def test_a_verb_after_people_is_their_predicate(sentence: str, metric: str, expected: str | None) -> None:
    assert _read(sentence, metric) == expected
