"""A rate spoken in a quote (一天|能|挣|200多元, 一亩|能|卖|两万多元, 一个冬天|能|省|三四百元): a unit of time
or land, a modal and a verb say how much one earns, sells or saves per day or mu; no noun names what is
counted, so the subject is null (fact-spec: no noun, no subject), as for 一天|卖|两三百份.

Whatever stands before the unit only frames it (种猕猴桃|一亩|能|收入…: the crop it holds for).
"""

from __future__ import annotations

import re

from transforms.metrics.words import tag

# A unit a rate is per: one day, year, mu, winter… (一天, 一亩, 一个冬天, 每天, 每亩)
_PER_UNIT = re.compile(r"^(?:[一每]个?|这个?)[\u4e00-\u9fff]{1,2}$")
# The modal of ability or possibility before the verb (能, 可, 能够, 可以, 就能, 还能)
_MODALS = frozenset({"能", "可", "能够", "可以", "就能", "还能", "就可", "就可以", "都能"})
# Words between the modal and the verb that say more or less (多|收, 少|花)
_DEGREE = frozenset({"多", "少", "再", "就"})


def _without_modal_rate(subject: str | None) -> str | None:
    """None when ``subject`` ends with a per-unit, a modal and a verb of one or two characters (一天能挣,
    假期一天能卖, 一亩能多收); ``subject`` unchanged otherwise."""
    if not subject or len(subject) > 16:
        return subject
    ws = tag(subject)
    k = len(ws) - 1
    if k < 1 or len(ws[k].text) > 2 or not ws[k].tag.startswith(("v", "n")):
        return subject  # not a verb ending it (一台机器一天能插秧 reads on: 插秧 names the work)
    if ws[k].tag.startswith("n") and len(ws[k].text) > 1:
        return subject  # 每天能处理|垃圾: a noun is named
    k -= 1
    if ws[k].text in _DEGREE:
        k -= 1
    if k < 0 or ws[k].text not in _MODALS:
        return subject
    if k == 0:  # 能|省: the unit trimmed off as a period (一个月|能省), a one-character verb names nothing
        return None if len(ws[-1].text) == 1 else subject
    unit = "".join(w.text for w in ws[max(0, k - 2) : k])
    near = ws[k - 1].text
    if not (_PER_UNIT.match(near) or ws[k - 1].tag in ("m", "mq") or _PER_UNIT.match(unit)):
        return subject
    return None
