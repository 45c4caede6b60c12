"""A share of progress: 麦收|过|八成, 夏粮收购|超|三成, 秋冬种|过|九成半. In a farm-season or work-progress
line the share after 过/超 says how far an activity has come, so the activity (the verb, with the noun
it is done to) is what is measured; a verb there is no predicate to strip, and 过 (passed) a bridge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.metrics.subjects.spans import Fact, Span, _clause_start
from transforms.metrics.subjects.vocab import _is_bridge, _is_stop, _set
from transforms.metrics.words import tag

# A share in tenths (八成, 九成半, 三成多) or a half (过半), the metric's own text after an optional 超/过
_SHARE = re.compile(r"(?:超过|超|过|逾|近|达)?(?:[一二三四五六七八九两]成(?:半|多)?|半)")

# The bridge of progress: passed, over, near or reached
_PASSED = ("超过", "超", "过", "逾", "近", "达")

# A scope opening the clause (全国, 全省, 全市): where, not what
_SCOPE = re.compile(r"全[国省市区县州盟旗乡镇村]")

# Tags of a noun that can name what an activity is done to (夏粮|收购, 小麦|机收)
_OBJECT_TAGS = ("n", "nz", "vn", "nr")


def _progress_shares(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with the subject of each progress share set to the activity before its 过/超."""
    fixed = list(out)
    for k, sp in enumerate(spans):
        text = sentence[sp.start : sp.end]
        if not _SHARE.fullmatch(text):
            continue
        activity = _activity(sentence, sp.start, text, spans[k - 1].end if k else 0, out[k].subject)
        if activity:
            fixed[k] = Fact(activity, out[k].measure)
    return fixed


def _activity(sentence: str, start: int, text: str, floor: int, read: str | None) -> str | None:
    """The activity whose progress the share at ``start`` states, or None when no verb ends the
    clause right before the 过/超 (收入|超|三成 keeps its noun reading); a noun there (小麦|机收|过|
    六成) only when the ordinary reading ``read`` found nothing (过 is no bridge to it). A noun read
    must stand right before the verb (夏粮|收购): 水稻|已|收获|近九成 says how far the rice is."""
    at = start
    if not text.startswith(_PASSED):
        bridge = next((b for b in _PASSED if sentence.endswith(b, 0, start)), None)
        if bridge is None:
            return None
        at = start - len(bridge)
    lo = _clause_start(sentence, at, floor)
    window = sentence[lo:at]
    if "占" in window:
        return None  # 占|全行业收入|近七成: a share of a base, not a progress
    ws = list(tag(window))
    if not ws:
        return None
    last = ws[-1]
    if len(last.text) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", last.text):
        return None
    if _is_bridge(last) or _is_stop(last) or last.text in _set("subject_nominal_verbs.txt"):
        return None  # 增长|超三成, 收入|超三成: a bridge or a noun's verb, read as before
    if last.text.endswith(("率", "量", "额", "数", "度")):
        return None  # 进度|过半: an indicator, read as before
    if not (last.tag.startswith("v") or last.tag in ("nr", "t") or (read is None and last.tag == "n")):
        return None  # a noun: the ordinary reading holds (收入|超三成)
    if read is not None:
        return read + last.text if window.endswith(read + last.text) else None
    prev = ws[-2] if len(ws) > 1 else None
    if prev is None or _SCOPE.fullmatch(prev.text) or prev.tag == "ns" or _is_stop(prev):
        return last.text  # 全国|麦收: the scope says where
    if len(prev.text) > 1 and prev.tag.startswith(_OBJECT_TAGS):
        return prev.text + last.text
    return last.text
