"""Where a text names a division: one leftmost-longest automaton pass, and the checks that drop a
match that is not a mention (新增城区 read as 增城区, 湘南湘西, 湖南社区居家养老).

Offsets are in UTF-8 bytes; a sentence takes its document's matches rather than being scanned again.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import polars as pl

from transforms.enrich.regions.divisions import _encoded, _gazetteer, _is_han, _nbytes
from transforms.lexicon import words


def _mentions(texts: pl.Series) -> list[list[tuple[str, int]]]:
    """Per text, the division names found (leftmost-longest, Aho-Corasick) with their byte offsets.

    One automaton pass (building it costs more than scanning a batch): the matches do not overlap
    and each is the leftmost after the previous one, so its offset is the first occurrence of its
    name from there on (``find_many`` would be a second pass to the same offsets).
    """
    patterns, _, _ = _gazetteer()
    names = pl.DataFrame({"t": texts}).select(pl.col("t").str.extract_many(patterns, leftmost=True))
    out: list[list[tuple[str, int]]] = []
    for text, found in zip(texts.to_list(), names["t"].to_list(), strict=True):
        if not found:
            out.append([])
            continue
        raw, pos, here, encoded = text.encode("utf-8"), 0, [], _encoded()
        for name in found:
            b = encoded[name]
            pos = raw.find(b, pos)
            here.append((name, pos))
            pos += len(b)
        out.append(_unjoined(raw, here))
    return out


@lru_cache(maxsize=1)
def _word_joins() -> frozenset[str]:
    return frozenset(words("division_word_joins.txt"))


def _unjoined(raw: bytes, here: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The mentions less those found across a word boundary (新增城区 read as 增城区: the character
    before the name makes a word with its first, division_word_joins.txt), unless the text names the
    division elsewhere too."""
    joins = _word_joins()

    def joined(name: str, off: int) -> bool:
        return raw[max(off - 6, 0) : off].decode("utf-8", errors="ignore")[-1:] + name[:1] in joins

    across = [joined(name, off) for name, off in here]
    if not any(across):
        return here
    vouched = {name for (name, _), j in zip(here, across, strict=True) if not j}
    return [m for m, j in zip(here, across, strict=True) if not j or m[0] in vouched]


def _sentence_mentions(
    sentences: pl.DataFrame, documents: pl.DataFrame, doc_found: dict[str, list[tuple[str, int]]]
) -> dict[tuple[str, int], list[tuple[str, int]]]:
    """(sha256, sent_ix) -> the sentence's division mentions (offsets in the sentence), for each row of
    ``sentences`` (sha256, sent_ix, char_start, text), taken from its document's mentions.

    A sentence is an exact slice of its document, and a leftmost scan restricted to a slice that no
    document match straddles finds exactly the document's matches inside it, so no second automaton
    pass is needed; a sentence that is not such a slice, or that a match straddles, is scanned.
    """
    texts = dict(documents.select("sha256", pl.col("text").fill_null("")).iter_rows())
    out: dict[tuple[str, int], list[tuple[str, int]]] = {}
    rescan: list[tuple[tuple[str, int], str]] = []
    rows = sentences.select("sha256", "sent_ix", "char_start", pl.col("text").fill_null("")).sort(
        "sha256", "char_start"
    )
    current: str | None = None
    doc: str | None = None
    found: list[tuple[str, int]] | None = None
    starts: list[int] = []
    at_char = at_byte = 0
    for sha, sent_ix, char_start, text in zip(*(rows[c].to_list() for c in rows.columns), strict=True):
        if sha != current:
            current, doc, found = sha, texts.get(sha), doc_found.get(sha)
            starts = [off for _, off in found] if found is not None else []
            at_char = at_byte = 0
        key = (sha, sent_ix)
        if (
            doc is None
            or found is None
            or char_start is None
            or not 0 <= char_start <= len(doc)
            or not doc.startswith(text, char_start)  # the slice test, without copying the slice
        ):
            rescan.append((key, text))
            continue
        at_byte += len(doc[at_char:char_start].encode("utf-8"))
        at_char = char_start
        b0 = at_byte
        b1 = b0 + len(text.encode("utf-8"))
        lo, hi = bisect_left(starts, b0), bisect_left(starts, b1)
        if lo == hi and (not lo or found[lo - 1][1] + _nbytes(found[lo - 1][0]) <= b0):
            out[key] = []  # the common case: no name in or across the sentence
            continue
        before = found[lo - 1] if lo else None
        last = found[hi - 1] if hi > lo else None
        if (before is not None and before[1] + _nbytes(before[0]) > b0) or (
            last is not None and last[1] + _nbytes(last[0]) > b1
        ):
            rescan.append((key, text))
            continue
        out[key] = [(name, off - b0) for name, off in found[lo:hi]]
    if rescan:
        scanned = _mentions(pl.Series([t for _, t in rescan], dtype=pl.String))
        out.update(zip((k for k, _ in rescan), scanned, strict=True))
    return out


def _cued(before: str, cues: tuple[str, ...]) -> bool:
    """Whether a mention starts a phrase: text start, after a non-Han char, or after a place cue."""
    return not before or not _is_han(before[-1]) or before.endswith(cues)


def _compass_pair(raw: bytes, off: int, alias: str) -> bool:
    """Whether a short name (湘西) is half of a pair of compass parts of one province (湘南湘西, 苏南苏北).

    Such pairs name parts of a province, not divisions: 湘南 is none, so 湘西 beside it is not 湘西州.
    """
    points = words("compass_points.txt")
    if len(alias) != 2 or alias[1] not in points:
        return False
    # two characters take at most 8 bytes: decoding only those spares decoding the page up to here
    before = raw[max(off - 8, 0) : off].decode("utf-8", errors="ignore")[-2:]
    end = off + _nbytes(alias)
    after = raw[end : end + 6].decode("utf-8", errors="ignore")[:2]
    return any(len(w) == 2 and w[0] == alias[0] and w[1] in points and w != alias for w in (before, after))


def _community_modifier(after: str, code: str) -> bool:
    """Whether a province's short name stands before 社区 used as a plain modifier of a service noun
    (湖南社区居家养老服务中心: Hunan's community care centres), division_community_heads.txt: then the
    name is the province, not the start of a community's name."""
    _, _, info = _gazetteer()
    return (
        info[code][1] == "province"
        and after.startswith("社区")
        and after[2:].startswith(tuple(words("division_community_heads.txt")))
    )


def _short_name_blocked(raw: bytes, off: int, alias: str, code: str, blockers: tuple[str, ...]) -> bool:
    """Whether a short name (武隆 for 武隆区) at byte ``off`` of ``raw`` is not the place: a word of
    ``blockers`` follows it (unless it is a community's modifier), or it is half of a compass pair."""
    end = off + _nbytes(alias)
    after = raw[end : end + 24].decode("utf-8", errors="ignore")
    if after.startswith(blockers) and not _community_modifier(after, code):
        return True
    return _compass_pair(raw, off, alias)
