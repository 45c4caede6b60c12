"""A class of people named by a deictic place word (本地居民, 本港学生): the local ones, not the place.

Hong Kong and Macau releases part residents from non-resident workers and visitors; 本地 there is
part of the people's name, where elsewhere (本地|新建…) it only points at the place.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.vocab import _names_people, _set
from transforms.metrics.words import Word


def _local_people(ws: Sequence[Word], i: int = 0) -> bool:
    """本地|居民|失业率: a deictic place word (subject_local_words.txt) before a people noun is part
    of the people's name."""
    return i + 1 < len(ws) and ws[i].text in _set("subject_local_words.txt") and _names_people(ws[i + 1].text)
