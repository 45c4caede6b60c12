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
        # time words cut whole and dropped; attributes kept; HK compound nouns the dictionary splits
        ("月内总雨量为300毫米。", "300毫米", "总雨量"),
        ("长途市场旅客按年上升12%。", "12%", "长途市场旅客"),
        ("全年提供约800个职位空缺。", "约800个", "职位空缺"),
        ("寒冷天气警告共生效约50小时。", "约50小时", "寒冷天气警告"),
        ("2027/28学年中一学额为3万个。", "3万个", "中一学额"),
        ("署方今年内会对约3,000名雇主进行巡查。", "约3,000名", "雇主"),
        ("全年接获约900宗拖欠供款投诉。", "约900宗", "拖欠供款投诉"),
    ],
)
def test_hong_kong_release_subjects(sentence: str, metric: str, expected: str | None) -> None:
    assert subject(sentence, metric) == expected
