"""A class of people or a statistics term named with a deictic place word (本地居民, 本港学生,
本地研发总开支): the local ones, not the place.

Hong Kong and Macau releases part residents from non-resident workers and visitors; 本地 there is
part of the people's name, where elsewhere (本地|新建…) it only points at the place.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.vocab import _names_people, _set
from transforms.metrics.words import Word


def _local_people(ws: Sequence[Word], i: int = 0) -> bool:
    """本地|居民|失业率: a deictic place word (subject_local_words.txt) before a people noun is part
    of the people's name; 本地|固定资本形成总额: before a statistics term (subject_local_aggregates.txt)
    it is part of the term."""
    if i + 1 >= len(ws) or ws[i].text not in _set("subject_local_words.txt"):
        return False
    nxt = ws[i + 1].text
    return _names_people(nxt) or nxt.startswith(tuple(words("subject_local_aggregates.txt")))
