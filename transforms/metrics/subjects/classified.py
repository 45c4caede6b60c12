"""The noun a site classifier counts (八所|资助大学|的高年级学额, 17间|公共图书馆|的入馆人次, 5条|陆路隧道|
推行「易通行」, 128栋|沿街楼房|亮化和立面改造): a classifier of institutions, sites and structures
(subject_site_classifiers.txt) counts the noun right after it, so the reading after the figure ends

- before a 的 that opens what belongs to that noun, when the words before 的 are a plain noun phrase
  (nouns and distinguishing words, a verb only as its first word: 资助|大学); words that describe
  the noun after 的 (五万千瓦规模的|电站, 具有Ⅱ级水平的|州, 不同时期的|历史建筑) hold a numeral, an
  adjective or a verb inside, or end in a quality (具有全国知名度的|乡村旅游产品), and stay;
- before its predicate: a verb followed by a quoted object that ends the reading (推行|「易通行」), or
  a verb coordinated with another verb that ends it (亮化|和|立面改造). A verb before nouns may be
  inside a name (乡村振兴“十大行动”重点项目, 民生保障和社会事业项目) and stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.spans import _text
from transforms.metrics.subjects.vocab import _set
from transforms.metrics.words import Word, tag

_OPEN_QUOTES = ("“", "「", "‘", "『")
_CLOSE_QUOTES = ("”", "」", "’", "』")
_NOUN_TAGS = ("n", "j", "b")


def _counted_by_classifier(after: str | None, unit: str, kind: str) -> str | None:
    """``after`` (the noun phrase read after a count in ``unit``) cut to the noun the classifier counts."""
    if not after or kind != "count" or unit not in _set("subject_site_classifiers.txt"):
        return after
    ws = tag(after)
    for i in range(1, len(ws) - 1):
        w = ws[i]
        if not ws[i - 1].tag.startswith(("n", "j")) or len(_text(ws[:i])) < 2:
            continue
        if w.text == "的":
            return _text(ws[:i]) if _plain_noun_phrase(ws[:i]) else after  # 17间公共图书馆|的|入馆人次
        if w.tag == "v" and len(w.text) > 1 and _predicate_follows(ws, i):
            return _text(ws[:i])  # 5条陆路隧道|推行|「易通行」
    return after


def _plain_noun_phrase(ws: Sequence[Word]) -> bool:
    """Nouns and distinguishing words only, with a verb allowed as the first word (资助|大学), not ending
    in a quality (具有全国知名度: subject_quality_endings.txt)."""
    if ws[-1].text.endswith(words("subject_quality_endings.txt")):
        return False
    return all(w.tag.startswith(_NOUN_TAGS) or (i == 0 and w.tag in ("v", "vn")) for i, w in enumerate(ws))


def _predicate_follows(ws: Sequence[Word], i: int) -> bool:
    """Verb ``i`` is the counted noun's predicate: its quoted object ends the reading, or a conjunction
    joins it to another verb that ends it."""
    nxt, last = ws[i + 1], ws[-1]
    if nxt.text in _OPEN_QUOTES:
        return last.text in _CLOSE_QUOTES
    return nxt.tag == "c" and last.tag == "v" and i + 2 < len(ws)
