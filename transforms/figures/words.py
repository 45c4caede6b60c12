"""Words and parts of speech of the short text around a figure, from jieba's bundled dictionary.

Subjects need word boundaries (发展 inside 高质量发展集聚区 is no verb of the clause), so the few
characters around each figure are segmented with jieba's posseg tagger. Only those windows are
cut, never whole pages: jieba is the slow part. Its HMM stays on for words outside the dictionary
(人行便道, 屋场会 would otherwise fall apart into single characters tagged as adverbs and measure
words); it costs no measurable speed on windows this short. jieba is initialised once per process,
quietly (it logs its cache building to stderr by default), and every window's cut is memoised.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from jieba.posseg import POSTokenizer


class Word(NamedTuple):
    """One segmented word and its jieba (ICTCLAS-style) tag: n noun, v verb, vn verbal noun, …"""

    text: str
    tag: str


@cache
def _tagger() -> POSTokenizer:
    """jieba's POS tokenizer, initialised once; its dictionary ships inside the package (offline)."""
    import jieba  # imported here: loading it costs time, and only figure windows need it
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    return jieba.posseg.dt


@lru_cache(maxsize=1 << 17)
def tag(text: str) -> tuple[Word, ...]:
    """``text`` cut into words with their tags (memoised per window)."""
    if not text:
        return ()
    return tuple(Word(w.word, w.flag) for w in _tagger().lcut(text))
