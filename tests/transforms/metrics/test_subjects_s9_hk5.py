"""Session 9 (hk5): subjects in Hong Kong releases -- real-terms change words (按年实质上升), the
plain 上升/下跌, a temperature's 摄氏, HK verbs 录得/接获/留港 and 自雇人士 cut whole.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        ("第二季出口按年实质上升4.1%。", "4.1%", "出口"),
        ("同期私人消费开支实质下跌0.8%。", "0.8%", "私人消费开支"),
        ("按季比较，投资开支上升1.3%。", "1.3%", "投资开支"),
        ("今年一月平均气温为摄氏15.2度。", "15.2度", "平均气温"),
        ("京士柏气象站录得雨量88毫米。", "88毫米", "雨量"),
        ("自雇人士约21万名。", "约21万名", "自雇人士"),
    ],
)
def test_hong_kong_release_subjects(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected
