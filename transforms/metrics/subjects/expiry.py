"""A term extended when it runs out: 第二轮土地承包到期后再延长三十年试点, 合同到期后续期5年.

The duration after 到期后…延长 is the new length of the thing that expires, named before 到期; the noun
read forward (试点) is what the clause pushes on, not what lasts the years.
"""

from __future__ import annotations

import re

from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.vocab import _set

# 到期后再延长, 到期以后继续延长, 期满后续期: what stands before 到期/期满 is the thing whose term runs on
_EXTENDED = re.compile(r"(?:到期|期满)(?:后|以后|之后)?[，,]?(?:再|继续|可|予以|将)?(?:延长|续期|延期|顺延)$")


def _extended_term(sentence: str, start: int, floor: int, unit: str) -> str | None:
    """The thing whose term a duration at ``start`` extends (土地承包|到期后再延长|三十年), or None."""
    if unit not in _set("duration_units.txt"):
        return None
    m = _EXTENDED.search(sentence, floor, start)
    if m is None:
        return None
    found = _before(sentence, m.start(), floor, False).subject
    if not found:
        return None
    at = sentence.rfind(found, floor, m.start())
    if at < 0 or m.start() - at - len(found) > 2:
        return found
    return sentence[at : m.start()]  # 土地|承包|到期: the verbal noun before 到期 is the thing's own
