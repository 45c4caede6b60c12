"""Session 16 (coordinator) modality: 会 + verb after an agency or an adverb (康文署会增设, 亦会在…年度增聘)
is the future in Hong Kong and Macau releases; a committee's or plenum's 会 (常委会审议, 全会确定) is not."""

from __future__ import annotations

from pathlib import Path

from tests.transforms.enrich.pages import SCRIPTS, periods_of


@SCRIPTS
def test_hui_after_an_agency_is_the_future(tmp_path: Path, script: int) -> None:
    # 会 + verb (with a time phrase between) is the future in Hong Kong releases; a committee's 会 is not
    page = (
        "立法会十二题：公园设施\n二〇二六年十一月十八日\n\n康文署亦会在2027-28年度增设约40个健身站。"
        "康文署会更换园内座椅约300张。去年区议会审议拨款申请12宗。\n",
        "立法會十二題：公園設施\n二〇二六年十一月十八日\n\n康文署亦會在2027-28年度增設約40個健身站。"
        "康文署會更換園內座椅約300張。去年區議會審議撥款申請12宗。\n",
    )[script]
    got = periods_of(tmp_path, page, name="hk-parks.txt")
    assert got["约40个"][2] == "target"
    assert got["约300张"][2] == "target"
    assert got["12宗"][2] == "actual"


def test_a_committee_s_hui_plans_nothing(tmp_path: Path) -> None:
    page = (
        "本报讯（2026年3月2日）去年，市政府提请市人大常委会审议地方性法规9件，全会确定的15项改革举措落地。\n"
    )
    got = periods_of(tmp_path, page, name="cn-laws.txt")
    assert got["9件"][2] == "actual"
    assert got["15项"][2] == "actual"
