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


# power from wind and sun as installed or generated is renewable power (211); the industry making the
# kit stays the economy's; power saved is energy saving; a grid's peak load is power supply
POWER = (
    "全省新增风电装机120万千瓦、光伏发电装机80万千瓦，离岸风电发电量为36亿度。"
    "风电装备产业实现产值300亿元。更换节能路灯后每年可减少用电约600万度。今年夏季尖峰负载最高为900万千瓦。",
    "全省新增風電裝機120萬千瓦、光伏發電裝機80萬千瓦，離岸風電發電量為36億度。"
    "風電裝備產業實現產值300億元。更換節能路燈後每年可減少用電約600萬度。今年夏季尖峰負載最高為900萬千瓦。",
)


@SCRIPTS
def test_renewable_power_is_environment_its_industry_economy(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, POWER[script])
    assert [topics[t] for t in ("120万千瓦", "80万千瓦", "36亿度")] == ["environment"] * 3
    assert topics["300亿元"] == "economy"
    assert topics["约600万度"] == "environment"
    assert topics["900万千瓦"] == "economy"
