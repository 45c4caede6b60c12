"""A news page that mentions a work report in its lead is not a report: only a title line or the
address to the deputies names the text itself one."""

from __future__ import annotations

from transforms.enrich.structure import is_report


def test_a_report_names_itself_in_a_title_line_or_addresses_the_deputies() -> None:
    assert is_report("2030年某省政府工作报告\n——在某省第九届人民代表大会上\n")
    assert is_report("政府工作报告\n某市市长 张三\n")
    assert is_report("各位代表：\n现在，我代表市人民政府，向大会作报告。")
    assert is_report("各位代表，现在，我代表县人民政府，向大会报告工作，请予审议，并请各位委员提出意见。")


def test_a_bulletin_item_or_a_sentence_about_a_report_does_not_make_one() -> None:
    assert not is_report(
        "本期节目主要内容：\n2.某某主持会议讨论《政府工作报告（征求意见稿）》；\n3.某某会见客人；"
    )
    assert not is_report("1.某某主持座谈会 听取对政府工作报告的意见建议；\n")
    assert not is_report("5日，记者从某县获悉，该县在今年的政府工作报告中提出，全年将新建农村公路50公里。")
    assert not is_report("《某某委员会向大会的工作报告》")
