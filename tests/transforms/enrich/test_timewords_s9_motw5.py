"""Time words of session 9 (helper motw5): Taiwan year ranges. Made-up sentences."""

from __future__ import annotations

from transforms.enrich.timewords import scan


def test_a_republic_range_may_drop_the_first_years_nian() -> None:
    # 116至118年 is written for 116年至118年: the range of the plan, 2027-2029
    (e,) = scan("自116至118年共投入经费300亿元", True)
    assert (e.kind, e.first, e.last) == ("range", 2027, 2029)
    (e,) = scan("112年至114年累计补助4万户", True)
    assert (e.kind, e.first, e.last) == ("range", 2023, 2025)
