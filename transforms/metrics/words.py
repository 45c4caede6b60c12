"""Words and their tags in the short text around a metric, from jieba's bundled dictionary.

Subjects need word boundaries (发展 inside 高质量发展集聚区 is no verb of the clause), so the few
characters around each metric are cut into words by jieba. Only those windows are cut, never whole
pages: jieba is the slow part. The plain tokenizer without HMM plus the dictionary's own tags
(``word_tag_tab``), not posseg (docs/decisions/0015-jieba-plain-tokenizer.md). Words outside the
dictionary then come out as single characters; the subject rules treat them as nominal glue and re-join the
lexicon's verbs (补|植). jieba is initialised once per process, quietly (it logs its cache building
to stderr by default), and every window's cut is memoised. Words the dictionary lacks or tags
wrong for these rules (医共体, 上线 as a verb) are added from ``lexicons/word_tags.csv``, with a count
where the word must win over a cut the dictionary prefers (实事|件件, not 实|事件|件).
"""

from __future__ import annotations

import logging
import re
from collections import deque
from functools import cache, lru_cache
from itertools import groupby
from math import log
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from transforms.lexicon import table

if TYPE_CHECKING:
    from jieba import Tokenizer


class Word(NamedTuple):
    """One segmented word and its jieba (ICTCLAS-style) tag: n noun, v verb, vn verbal noun, …"""

    text: str
    tag: str


_ALL_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_NUMBER = re.compile(r"^[0-9０-９.．%％]+$")
_LATIN = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ0-9]+$")
# A Latin acronym with an ampersand inside (R&D, R＆D) is one Latin word too.
_LATIN_WORD = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ&＆]*$")
# A year written in Chinese digits (二○二五年, 二〇二六年度, the style of Hong Kong and Macau releases):
# jieba cuts it into digits and a 五年 "five years"; it is one time word, never part of a subject.
_HAN_YEAR = re.compile(r"[○〇零一二三四五六七八九]{4}年度?")
# A year named with its ROC number in brackets (去（113）年, 今（114）年度, Taiwan releases): one time
# word too, so its 年 does not open the name after it (年|全国住宅平均房价).
_BRACKETED_YEAR = re.compile(r"[去今明前][（(][0-9]{2,3}[）)]年度?")


@cache
def _jieba() -> tuple[Tokenizer, dict[str, str]]:
    """jieba's tokenizer and its dictionary's tags, initialised once; both ship inside the package."""
    import jieba  # imported here: loading it costs time, and only metric windows need it

    jieba.setLogLevel(logging.WARNING)
    tags = _dictionary_tags(jieba.dt)
    jieba.dt.initialize()  # a no-op once _dictionary_tags has built the prefix dictionary
    for row in table("word_tags.csv"):
        freq = int(row["freq"]) if row.get("freq") else None  # a count, where a cut must win over others
        if freq or not jieba.dt.FREQ.get(row["word"]):  # absent, or there only as a prefix of longer words
            jieba.dt.add_word(row["word"], freq)
        tags[row["word"]] = row["tag"]
    return jieba.dt, tags


def _dictionary_tags(tokenizer: Tokenizer) -> dict[str, str]:
    """The dictionary's tags, as ``jieba.posseg``'s ``word_tag_tab`` holds them, read without importing
    posseg (its HMM tables cost more than half a second and are never used): every line of
    ``dict.txt`` is ``word freq tag``, so every third token is a tag; any other shape takes
    posseg's own line-by-line reading.

    The same read builds jieba's prefix dictionary for the default dictionary, when jieba has not
    yet: loading jieba's marshal cache (``jieba.cache``) costs 1.5 s, building it here 0.5 s."""
    with tokenizer.get_dict_file() as f:
        text = f.read().decode("utf-8")
    tokens = text.split()
    if len(tokens) == 3 * text.count("\n"):  # no blank line, three tokens on each
        words = tokens[0::3]
        _prefix_dictionary(tokenizer, words, tokens[1::3])
        return dict(zip(words, tokens[2::3], strict=True))
    tags: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip():
            word, _, found = line.strip().split(" ")
            tags[word] = found
    return tags


def _prefix_dictionary(tokenizer: Tokenizer, words: list[str], counts: list[str]) -> None:
    """Set ``tokenizer.FREQ`` and ``total`` as jieba's ``gen_pfdict`` builds them from the default
    dictionary (each word's count; each proper prefix of a word that is no word itself at 0),
    with the prefixes made per word length by C-level slicing instead of a Python loop per word."""
    import jieba

    with tokenizer.lock:
        if tokenizer.initialized or tokenizer.dictionary != jieba.DEFAULT_DICT:
            return
        freqs = list(map(int, counts))
        prefixes: set[str] = set()
        for n, group in groupby(sorted(words, key=len), key=len):
            same = list(group)
            for k in range(1, n):
                prefixes.update(map(itemgetter(slice(0, k)), same))
        freq = dict.fromkeys(prefixes, 0)
        freq.update(zip(words, freqs, strict=True))  # a word's own count wins over its being a prefix
        tokenizer.FREQ, tokenizer.total = freq, sum(freqs)
        tokenizer.initialized = True


def _tag_of(word: str, tags: dict[str, str]) -> str:
    """The dictionary's tag; anything else is a number, Latin (5G), punctuation, or read as a noun."""
    found = tags.get(word)
    if found:
        return found
    if _NUMBER.match(word):
        return "m"
    if _LATIN.match(word) or _LATIN_WORD.match(word):
        return "eng"
    if not any("\u4e00" <= ch <= "\u9fff" for ch in word):
        return "x"
    return "n"


def dictionary_tag(word: str) -> str | None:
    """The tag the dictionary (with ``word_tags.csv``) gives ``word`` as one whole word, or None when
    it holds no such word: a cheap look-up where cutting a window would cost more."""
    return _jieba()[1].get(word)


@lru_cache(maxsize=1 << 17)
def tag(text: str) -> tuple[Word, ...]:
    """``text`` cut into words with their tags (memoised per window)."""
    if not text:
        return ()
    year = _HAN_YEAR.search(text) if ("○" in text or "〇" in text or "零" in text) else None
    if year is None and ("（" in text or "(" in text):
        year = _BRACKETED_YEAR.search(text)
    if year:
        return (*tag(text[: year.start()]), Word(year.group(), "t"), *tag(text[year.end() :]))
    tokenizer, tags = _jieba()
    if _ALL_HAN.match(text):
        return tuple(
            _split_preposition(
                [Word(w, tags.get(w) or "n") for w in _cut_han(text, tokenizer.FREQ, log(tokenizer.total))],
                tags,
            )
        )
    cut = _cut_mixed(text, tokenizer.FREQ, log(tokenizer.total))
    return tuple(
        Word(w, _tag_of(w, tags)) for w in (_join_ampersands(cut) if "&" in text or "＆" in text else cut)
    )


def _split_preposition(ws: list[Word], tags: dict[str, str]) -> list[Word]:
    """在城镇 -> 在|城镇, 较前年 -> 较|前年: the dictionary holds a few words that spell a preposition
    and a noun -- personal names (nr) opening with 在, comparisons opening with 较 before a time word
    (较前年, 较往年). Inside a clause they are the preposition and what it governs, which ends the
    phrase before them (农牧民|在|城镇|就业) or is the point compared with (旅客|较|前年|上升)."""
    if not any(w.text[:1] in _PREPOSITION_TAGS and len(w.text) >= 3 for w in ws):
        return ws
    out: list[Word] = []
    for w in ws:
        head, rest = w.text[:1], w.text[1:]
        wanted = _PREPOSITION_TAGS.get(head)
        if (
            wanted
            and len(rest) >= 2
            and tags.get(rest, "").startswith(wanted)
            and _glued_preposition(w, head)
        ):
            out += [Word(head, _PREPOSITION_OWN_TAGS[head]), Word(rest, tags[rest])]
        else:
            out.append(w)
    return out


# A preposition the dictionary glues to what it governs, and the tag of that governed word.
_PREPOSITION_TAGS = {"在": "n", "较": "t"}
_PREPOSITION_OWN_TAGS = {"在": "p", "较": "zg"}


def _glued_preposition(w: Word, head: str) -> bool:
    """在 glued to a noun comes as a personal name (在城镇, nr); 较 to a time word as anything."""
    return head != "在" or w.tag.startswith("nr")


def _join_ampersands(cut: list[str]) -> list[str]:
    """R|＆|D -> R＆D, R|&|D -> R&D: an ampersand between two Latin words is inside one acronym
    (R&D, M&A); cut apart, the subject would start at the letter after it (D经费投入)."""
    out: list[str] = []
    i = 0
    while i < len(cut):
        if (
            out
            and cut[i] in ("&", "＆")
            and i + 1 < len(cut)
            and _LATIN_WORD.match(out[-1])
            and _LATIN_WORD.match(cut[i + 1])
        ):
            out[-1] += cut[i] + cut[i + 1]
            i += 2
            continue
        out.append(cut[i])
        i += 1
    return out


def _cut_mixed(text: str, freq: dict[str, int], logtotal: float) -> list[str]:
    """``jieba.cut(text, HMM=False)`` for a window with digits, Latin or punctuation, on
    :func:`_cut_han`: the same blocks (``re_han_default``), single Latin letters and digits
    regrouped into one word as ``__cut_DAG_NO_HMM`` does, other characters one by one, whitespace
    (``re_skip_default``) whole -- without jieba's generators and DAG lists."""
    from jieba import re_eng, re_han_default, re_skip_default

    out: list[str] = []
    for blk in re_han_default.split(text):
        if not blk:
            continue
        if re_han_default.match(blk):
            buf = ""
            for w in _cut_han(blk, freq, logtotal):
                if len(w) == 1 and re_eng.match(w):
                    buf += w
                    continue
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(w)
            if buf:
                out.append(buf)
            continue
        for x in re_skip_default.split(blk):
            if re_skip_default.match(x):
                out.append(x)
            else:
                out.extend(x)
    return out


def _cut_han(text: str, freq: dict[str, int], logtotal: float) -> list[str]:
    """jieba's maximum-probability cut of a run of Han characters (``cut(text, HMM=False)``).

    The route is built right to left, so the words from any position on depend only on the text
    from there to the end: a text that ends one of the last few routed texts (the clause before a
    figure, then the subject read off its end) is cut by following that route from its offset,
    the very same choices, without building it again."""
    for seen, route in _RECENT:
        if seen.endswith(text) and route[1] is freq:
            return _follow(seen, route[0], len(seen) - len(text))
    ends = _route(text, freq, logtotal)
    _RECENT.appendleft((text, (ends, freq)))
    return _follow(text, ends, 0)


# The last few routed texts, newest first, with the dictionary each was routed with.
_RECENT: deque[tuple[str, tuple[list[int], dict[str, int]]]] = deque(maxlen=4)


def _follow(text: str, ends: list[int], at: int) -> list[str]:
    """The words of ``text[at:]`` along a route: from each word's start, the index of its last character."""
    cuts, n = [], len(text)
    while at < n:
        nxt = ends[at] + 1
        cuts.append(text[at:nxt])
        at = nxt
    return cuts


def _route(text: str, freq: dict[str, int], logtotal: float) -> list[int]:
    """For each position, where jieba's best word from it ends, with its word graph and route fused
    into one right-to-left pass: no DAG lists, no generator per position, about half the cost of
    ``get_DAG`` + ``calc`` on windows this short. Ties go to the longer word, as jieba's ``max``
    over (score, end) does."""
    n = len(text)
    best = [0.0] * (n + 1)
    end = list(range(n + 1))
    get = freq.get  # one lookup per fragment (counts are ints, never None)
    for idx in range(n - 1, -1, -1):
        top, top_end = 0.0, -1
        i = idx
        f = first = get(text[idx])
        while f is not None:
            if f:
                score = log(f) - logtotal + best[i + 1]
                if top_end < 0 or score >= top:  # i only grows, so >= keeps jieba's tie to the longer
                    top, top_end = score, i
            i += 1
            if i >= n:
                break
            f = get(text[idx : i + 1])
        if top_end < 0:  # no dictionary word starts here: the character alone
            top, top_end = log(first or 1) - logtotal + best[idx + 1], idx
        best[idx], end[idx] = top, top_end
    return end
