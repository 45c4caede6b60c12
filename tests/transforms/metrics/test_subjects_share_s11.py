"""Subject rules of session 11: a share of an income (A占B的N) on any page.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject
from transforms.text.script import to_simplified


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # A占B的N: the share is A's, even when jieba tags A's head 收入 as a verb
        ("上半年零售收入占整体收入的六成二。", "六成二", "零售收入"),
        # Traditional script: pages are read in Simplified, so the sentence is converted first
        ("上半年零售收入佔整體收入的六成二。", "六成二", "零售收入"),
        ("全年门票收入占旅游总收入的三成。", "三成", "门票收入"),
        ("全年門票收入佔旅遊總收入的三成。", "三成", "门票收入"),
    ],
)
def test_share_of_income_names_the_part(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(to_simplified(sentence)[0], metric) == expected
