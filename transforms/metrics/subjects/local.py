"""A class of people named by a deictic place word (本地居民, 本港学生): the local ones, not the place.

Hong Kong and Macau releases part residents from non-resident workers and visitors; 本地 there is
part of the people's name, where elsewhere (本地|新建…) it only points at the place.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.vocab import _names_people
from transforms.metrics.words import Word

# The deictic place words that, before a people noun, name a class of people (本地居民: residents,
# not the non-resident workers of the same release), not the place
_LOCAL = frozenset({"本地", "本港", "本澳"})


def _local_people(ws: Sequence[Word], i: int = 0) -> bool:
    """本地|居民|失业率: a deictic place word before a people noun is part of the people's name."""
    return i + 1 < len(ws) and ws[i].text in _LOCAL and _names_people(ws[i + 1].text)
