"""Session 15's year kinds (made-up pages, simplified and traditional): school years named by the
running one (今学年, 新学年) and the one after it (下学年), on a page dated in the school year."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS
from tests.transforms.enrich.pages import periods_of as _rows

# dated in October: the school year running began in September of the page's year
SCHOOL = (
    "2026年10月12日\n\n新学年中学生人数约3万名。今学年共批出奖学金申请1,800宗。预计下学年学生人数将减少约600名。",
    "2026年10月12日\n\n新學年中學生人數約3萬名。今學年共批出獎學金申請1,800宗。預計下學年學生人數將減少約600名。",
)


@SCRIPTS
def test_the_running_school_year_and_the_next(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, SCHOOL[script])
    assert got["约3万名"][:2] == (2026, 2027)
    assert got["1,800宗"][:2] == (2026, 2027)
    assert got["约600名"][:2] == (2027, 2028)


# dated in May: the running school year began the September before
SPRING = (
    "2026年5月6日\n\n今学年共有学校52所，下学年将新增2所。",
    "2026年5月6日\n\n今學年共有學校52所，下學年將新增2所。",
)


@SCRIPTS
def test_a_spring_page_s_school_year_began_the_year_before(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, SPRING[script])
    assert got["52所"][:2] == (2025, 2026)
    assert got["2所"][:2] == (2026, 2027)


# a season named as the first words of a programme's name (2026/2027年度…计划自…展开) dates the
# programme: the counts of the story as it stands keep the page's year; a fiscal year framing a
# measure (于2026-27年度预留…) still dates it
SEASON = (
    "2026年11月18日\n\n2026/2027年度长者疫苗资助计划自十月一日起展开，截至昨日，全市共接种6万2千人次。"
    "其中长者接种2万1千人次。全市设有接种站40个。\n\n另外，政府将于2026-27年度预留约3亿元。",
    "2026年11月18日\n\n2026/2027年度長者疫苗資助計劃自十月一日起展開，截至昨日，全市共接種6萬2千人次。"
    "其中長者接種2萬1千人次。全市設有接種站40個。\n\n另外，政府將於2026-27年度預留約3億元。",
)


@SCRIPTS
def test_a_season_naming_a_programme_frames_no_figure(tmp_path: Path, script: int) -> None:
    got = _rows(tmp_path, SEASON[script])
    assert got["6万2千人次"][:2] == (2026, 2026)
    assert got["2万1千人次"][:2] == (2026, 2026)
    assert got["40个"][:2] == (2026, 2026)
    assert got["约3亿元"][:2] == (2026, 2027)
