"""The reading after a figure is memoised on its text up to the first clause stop: what follows the
stop must never change it (made-up windows, each read whole and cut at its stop)."""

from __future__ import annotations

import itertools

from transforms.metrics.subjects.after import _after_clause, _after_text

_HEADS = (
    "市区民生实事",
    "的健身步道",
    "长的步道",
    "这样的便民市场",
    "未发生事故",
    "即课后作业辅导",
    "水稻相继成熟",
    "",
)
_STOPS = ("，", "。", "；", "、", "：", "…", "\n", "")
_TAILS = ("全市新增就业岗位", "其中已办结", "增长5.3%")


def test_text_after_the_first_clause_stop_does_not_change_the_reading() -> None:
    for head, stop, tail in itertools.product(_HEADS, _STOPS, _TAILS):
        for kind, term, cases in itertools.product(
            ("count", "people", "duration"), (False, True), (False, True)
        ):
            rest = (head + stop + tail)[:21]
            whole = _after_clause.__wrapped__(rest, kind, term, cases)
            assert _after_text(rest, kind, term, cases) == whole, rest
