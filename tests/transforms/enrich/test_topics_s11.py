"""Session 11's topic kinds (made-up sentences): fire fighting and drills, problem-gambling services,
infectious-disease cases and mosquito control, long-term care insurance, Hong Kong's electric
vehicles, vehicles on the road; and a lexicon that names a keyword once."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.enrich.topics import keywords
from transforms.parse import parse_batch

CASES = [
    ("县应急管理局组建专业扑火队12支，配备灭火机260台。", "public_safety"),
    ("今年共开展联合演练9场，参演人员500余人。", "public_safety"),
    ("社工局上半年为问题赌博人士提供辅导服务1,420人次。", "social_security"),
    ("戒赌热线上月共接获来电830个。", "social_security"),
    ("本周新增本土病例14例，其中8例为65岁以上长者。", "health"),
    ("卫生局动员人员清除积水容器1万2千多个。", "health"),
    ("全市长期护理保险参保人数达到210万人。", "social_security"),
    ("全港电动私家车数目增至约9万辆。", "environment"),
    ("截至6月底，全澳行驶车辆共24万辆。", "transport"),
    ("上半年新登记电单车3,100辆。", "transport"),
]


@pytest.mark.parametrize(("sentence", "topic"), CASES)
def test_every_figure_of_the_sentence_has_its_theme(tmp_path: Path, sentence: str, topic: str) -> None:
    page = tmp_path / "p.txt"
    page.write_text(sentence, encoding="utf-8")
    got = parse_batch([str(page)]).metrics["topic"].to_list()
    assert got and set(got) == {topic}, got


def test_each_keyword_is_listed_once() -> None:
    frame = keywords()
    assert frame["keyword"].is_unique().all()
    # 热带气旋 is weather statistics (session 9's reading), not the storm warning
    assert frame.filter(frame["keyword"] == "热带气旋")["topic"].to_list() == ["other"]
