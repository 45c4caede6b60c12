"""Session 15's topic kinds (made-up sentences, each in simplified and traditional script)."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.parse import parse_batch


def _topics(tmp_path: Path, sentence: str, name: str = "p.txt") -> dict[str, str]:
    """Topic by figure text (the normalised, simplified text whatever the page's script)."""
    page = tmp_path / name
    page.write_text(sentence, encoding="utf-8")
    m = parse_batch([str(page)]).metrics
    return dict(zip(m["text"].to_list(), m["topic"].to_list(), strict=True))


SCRIPTS = pytest.mark.parametrize("script", [0, 1], ids=["simplified", "traditional"])

# a complaint heading its subject counts what residents raised, whatever it is about (the matter
# does not take it over, as it does a 问题); relief for petitioners is still relief
COMPLAINTS = (
    "市环保局上半年共受理居民陈情案件3,200件，其中噪音陈情1,100件、废气陈情640件，另接获供暖投诉530宗。"
    "区里今年安排信访救助资金200万元。",
    "市環保局上半年共受理居民陳情案件3,200件，其中噪音陳情1,100件、廢氣陳情640件，另接獲供暖投訴530宗。"
    "區裏今年安排信訪救助資金200萬元。",
)


@SCRIPTS
def test_a_complaint_about_a_matter_is_a_request(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, COMPLAINTS[script])
    assert [topics[t] for t in ("3,200件", "1,100件", "640件", "530宗")] == ["petitions"] * 4
    assert topics["200万元"] == "social_security"
