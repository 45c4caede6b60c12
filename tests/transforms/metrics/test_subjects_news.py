"""Subject rules for news constructions (session 8): a predicate of opening, working or setting a
record after the counted noun, an idiom after it, and a count of two kinds of places at once.

Every sentence here is made up for the rule it pins down; none is taken from a test text.
"""

from __future__ import annotations

import pytest

from tests.transforms.metrics.frames import subject


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # a word of opening after the noun read forward is its predicate, though tagged a noun
        ("今年已有5条高速公路通车。", "5条", "高速公路"),
        ("全市新增12家商场开业。", "12家", "商场"),
        ("3条国际航线通航。", "3条", "国际航线"),
        # a verb of setting a record, whatever noun it takes
        ("2台海上风电机组创单日发电量新纪录。", "2台", "海上风电机组"),
        ("3家企业刷新产量纪录。", "3家", "企业"),
        # how hard the thing works, and an idiom after the noun
        ("8家企业满负荷生产。", "8家", "企业"),
        ("6家食品企业开足马力赶订单。", "6家", "食品企业"),
        # before a noun the word of opening qualifies it and stays
        ("6个投产项目顺利推进。", "6个", "投产项目"),
        ("全省500公里高速公路通车里程。", "500公里", "高速公路通车里程"),
    ],
)
def test_a_predicate_after_the_counted_noun_is_cut(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected


@pytest.mark.parametrize(
    ("sentence", "metric", "expected"),
    [
        # one classifier counts the places of both kinds of a coordination
        ("目前已有180多个国家和地区参与。", "180多个", "国家和地区"),
        ("我国已与90多个国家和地区签署协议。", "90多个", "国家和地区"),
        ("全县120个村和社区实现全覆盖。", "120个", "村和社区"),
        # with 的 after them the places are counted, not what they own
        ("吸引了45个国家和地区的嘉宾参会。", "45个", "国家和地区"),
        # a classifier of one kind of thing counts only its own conjunct
        ("发放2万条羊毛毯和慰问金。", "2万条", "羊毛毯"),
    ],
)
def test_a_count_of_two_kinds_of_places(sentence: str, metric: str, expected: str) -> None:
    assert subject(sentence, metric) == expected
