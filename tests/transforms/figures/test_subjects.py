"""The counted thing of a figure, read after it or before it (after the verb)."""

from __future__ import annotations

import pytest

from transforms.figures.subjects import subject_of

CASES = [
    ("收集群众困难诉求5880件，其中已办结4899件", "5880件", "群众困难诉求"),
    ("发展金银花800亩、桃650亩", "800亩", "金银花"),
    ("在28件市区民生实事基础上", "28件", "市区民生实事"),
    ("全省17个市州市市通高铁，9座长江大桥同时在建", "9座", "长江大桥"),
    ("实施老旧小区改造2932个，涉及居民", "2932个", "老旧小区"),
]


@pytest.mark.parametrize(("sentence", "span", "subject"), CASES)
def test_subject(sentence: str, span: str, subject: str) -> None:
    start = sentence.index(span)
    assert subject_of(sentence, start, start + len(span)) == subject


def test_no_subject_when_nothing_is_named() -> None:
    sentence = "增长5%。"
    assert subject_of(sentence, 2, 4) is None
