"""A count of sites read after the metric, then what covers them or is piloted there (实现6个|行政村|自来水|
全覆盖, 328所|中小学校|课后服务|实现全覆盖, 在10个|街道|试点|“接诉即办”新机制): the sites are counted (the
villages, the schools, the streets), the rest says what reaches them.
"""

from __future__ import annotations

import re

from transforms.metrics.subjects.vocab import _set
from transforms.metrics.words import tag

# What follows the phrase when the thing after the site covers it (…全覆盖, …实现全覆盖, …基本全覆盖)
# (午餐|配送实现全覆盖: a verb of the covering thing may come before 实现)
_COVERED = re.compile(
    r"(?:[\u4e00-\u9fff]{1,2}(?=(?:基本|均|已)?实现))?(?:基本|均|已|全面)?(?:实现)?(?:全覆盖|全面覆盖)"
)
# A pilot verb the dictionary tags a noun, followed by what is piloted (试点|“接诉即办”, 试点|推行…)
_PILOT = "试点"


def _site_of_coverage(after: str | None, sentence: str, end: int) -> str | None:
    """The site noun opening ``after`` (the subject read after the metric ending at ``end``) when the
    rest of the phrase covers it (…全覆盖 follows) or is piloted in it (试点 and more after the site);
    ``after`` unchanged otherwise."""
    if not after or len(after) < 4:
        return after
    ws = tag(after)
    sites = _set("subject_site_nouns.txt")
    if len(ws) < 2 or ws[0].text not in sites:
        return after
    if ws[1].text == _PILOT and len(ws) > 2 and (ws[2].text in "“‘" or ws[2].tag == "v"):
        return ws[0].text  # 10个|街道|试点|“…”: where the pilot runs (not 社区|试点|项目: pilot projects)
    at = sentence.find(after, end)
    if at < 0 or at - end > 2:
        return after
    if _COVERED.match(sentence, at + len(after)) and ws[1].tag.startswith(("n", "l", "vn", "t", "j")):
        return ws[0].text  # 6个|行政村|自来水|全覆盖: the villages are covered
    return after
