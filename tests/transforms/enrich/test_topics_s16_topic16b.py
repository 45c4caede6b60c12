"""Session 16 (topic16b) topic kinds: made-up sentences, each in simplified and traditional script."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS
from tests.transforms.enrich.pages import topics_of as _topics

# a scheme named before a figure (「X计划」, X津贴计划) decides the topic of a figure whose subject names
# no theme of its own (申请, 资助额), by the head of its name: the words before its kind (津贴, 资助)
SCHEMES = (
    "房屋署表示，「中小企业数码转型资助计划」至今已批出申请约900宗，涉及停车位约4万个，资助额约3亿元。"
    "社区中心推行长者牙科保健津贴计划，今年批出申请800宗，资助额约2,000万元。",
    "房屋署表示，「中小企業數碼轉型資助計劃」至今已批出申請約900宗，涉及停車位約4萬個，資助額約3億元。"
    "社區中心推行長者牙科保健津貼計劃，今年批出申請800宗，資助額約2,000萬元。",
)


@SCRIPTS
def test_a_named_scheme_decides_its_weak_figures(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, SCHEMES[script])
    assert [topics[t] for t in ("约900宗", "约3亿元")] == ["economy"] * 2
    assert [topics[t] for t in ("800宗", "约2,000万元")] == ["health"] * 2


# what a scheme owns by 的 («「X计划」的合资格大学») is the scheme's, even when its own noun names a theme
OWNED = (
    "政府会把「中小企业数码转型资助计划」的合资格大学名单由120所扩大至约180所。",
    "政府會把「中小企業數碼轉型資助計劃」的合資格大學名單由120所擴大至約180所。",
)


@SCRIPTS
def test_what_a_scheme_owns_is_the_schemes(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, OWNED[script])
    assert [topics[t] for t in ("120所", "约180所")] == ["economy"] * 2


# things inspected for safety (a safety check, or hazards an inspection turned up) are public safety's,
# whatever they are; a safety of another theme (食品安全) and an inspection of no safety keep theirs
SAFETY = (
    "开学前，县交通局对全县96辆校车逐一开展安全检查。全市今年检查企业3.2万家次，排查整改隐患5万项。"
    "区市场监管局对300家餐饮单位开展食品安全检查。县教育局今年检查学校85所的课程设置。",
    "開學前，縣交通局對全縣96輛校車逐一開展安全檢查。全市今年檢查企業3.2萬家次，排查整改隱患5萬項。"
    "區市場監管局對300家餐飲單位開展食品安全檢查。縣教育局今年檢查學校85所的課程設置。",
)


@SCRIPTS
def test_things_inspected_for_safety_are_public_safety(tmp_path: Path, script: int) -> None:
    topics = _topics(tmp_path, SAFETY[script])
    assert [topics[t] for t in ("96辆", "3.2万家次", "5万项")] == ["public_safety"] * 3
    assert topics["300家"] == "health"
    assert topics["85所"] == "education"


# caregiving (看护) is long-term care: a care scheme decides the weak figures it governs
CARE = (
    "劳工局推行居家看护工试办计划，目前服务家庭860户。",
    "勞工局推行居家看護工試辦計劃，目前服務家庭860戶。",
)


@SCRIPTS
def test_a_care_scheme_is_social_security(tmp_path: Path, script: int) -> None:
    assert _topics(tmp_path, CARE[script])["860户"] == "social_security"
