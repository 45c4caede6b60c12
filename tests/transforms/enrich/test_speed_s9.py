"""Session 9 speed rounds: the faster forms compute exactly what the plain forms did."""

from __future__ import annotations

import random

import pytest

from transforms.enrich.regions import sections
from transforms.enrich.regions.sections import _Page


def test_page_byte_offsets_equal_encoding_the_prefix() -> None:
    """Any character offset, asked in any order, gives the UTF-8 length of the text before it."""
    rnd = random.Random(9)
    text = "".join(rnd.choice("在成都市a1，。新闻联播😀é ") for _ in range(400))
    page = _Page(text, [], frozenset())
    for c in [rnd.randrange(0, 420) for _ in range(300)] + [0, 400, 399, 0]:
        assert page.nbytes(c) == len(text[:c].encode("utf-8"))


def test_page_place_reads_the_same_mentions_as_a_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """A span's mentions found by bisection are those a scan of every mention keeps, in order."""
    seen: list[tuple[str, list[tuple[str, int]]]] = []

    def record(opening: str, found: list[tuple[str, int]], vouched: frozenset[str]) -> None:
        seen.append((opening, found))

    monkeypatch.setattr(sections, "_opening_place", record)
    text = "四川成都：成都市新建学校12所。在重庆万州区，万州新增就业3万人。云南昆明发布数据。"
    raw = text.encode("utf-8")
    found = [(name, raw.find(name.encode())) for name in ("四川", "成都", "重庆", "万州区", "云南", "昆明")]
    rnd = random.Random(3)
    for _ in range(200):
        c0 = rnd.randrange(0, len(text))
        c1 = rnd.randrange(c0, len(text) + 1)
        seen.clear()
        _Page(text, found, frozenset()).place(c0, c1)
        b0, b1 = len(text[:c0].encode()), len(text[:c1].encode())
        want = [(m, off - b0) for m, off in found if b0 <= off < b1]
        assert seen == ([(text[c0:c1], want)] if want else [])
    unsorted = [found[2], found[0], found[1]]  # not in text order: the scan is kept
    seen.clear()
    _Page(text, unsorted, frozenset()).place(0, len(text))
    assert seen == [(text, unsorted)]
