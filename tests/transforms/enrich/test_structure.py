"""Parts of a work report: a short line opens one only when it can (structure.heading_part)."""

from __future__ import annotations

from transforms.enrich.structure import heading_part


def test_outside_a_report_only_a_numbered_dated_line_opens_a_part() -> None:
    """heading_part decides "no part" for an unnumbered line of a page not known to be a report
    before scanning its time expressions; what it decides is the same as before (made-up lines)."""
    for line in ("2025年工作回顾", "过去五年工作回顾", "回顾过去 展望未来", "今年以来的主要工作"):
        assert heading_part(line, single=True, report=False, published=2026) is None
    numbered = heading_part("一、2025年工作回顾", single=True, report=False, published=2026)
    assert numbered is not None and numbered.kind == "review" and numbered.period == (2025, 2025)
    assert heading_part("一、回顾过去 展望未来", single=True, report=False, published=2026) is None
    in_report = heading_part("2026年工作安排", single=True, report=True, published=2026)
    assert in_report is not None and in_report.kind == "plan"
