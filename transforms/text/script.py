"""Traditional -> Simplified script, with OpenCC, only where it is needed.

OpenCC (pure Python here) is the slowest step of normalisation, and almost every input is already
Simplified, so a document is converted only when it contains a Traditional-only character. That
character class is derived from OpenCC's own t2s dictionary: characters that t2s changes and that
are not themselves Simplified (not a key of the s2t dictionary).

One converter serves every input, Hong Kong, Macau and Taiwan text included: ``t2s`` plus the fixes
of ``opencc_fixes.csv``, not OpenCC's ``hk2s``/``tw2s`` (why, with the measurement:
docs/decisions/0013-t2s-with-fixes.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from transforms.lexicon import table
from transforms.text.encoding import char_class

CONFIG = "t2s"  # the one OpenCC configuration; see the module docstring for hk2s / tw2s

# Share of Han characters that must be Traditional-only for a document to count as Traditional.
TRADITIONAL_SHARE = 0.01
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
# Runs of it, BMP and astral apart (counted by run length: no string per character).
_HAN_BMP_RUN = re.compile(r"[\u3400-\u9fff]+")
_HAN_ASTRAL_RUN = re.compile(r"[\U00020000-\U0002ffff]+")


def _opencc_dictionary(name: str) -> dict[str, list[str]]:
    import opencc

    path = Path(opencc.__file__).with_name("dictionary") / name
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key:
            out[key] = values.split()
    return out


@cache
def traditional_chars() -> frozenset[str]:
    """Characters that t2s changes and that are not valid Simplified characters themselves."""
    t2s = _opencc_dictionary("TSCharacters.txt")
    simplified = set(_opencc_dictionary("STCharacters.txt"))
    return frozenset(k for k, v in t2s.items() if len(k) == 1 and v and v[0] != k and k not in simplified)


@cache
def traditional_pattern() -> str:
    """A regex character class matching any Traditional-only character."""
    chars = sorted(traditional_chars())
    return "[" + "".join(re.escape(c) for c in chars) + "]"


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _bmp_traditional() -> tuple[re.Pattern[str], frozenset[str]]:
    """(class of the BMP Traditional-only characters, the astral ones). Python's re matches a class
    of BMP characters against a bitmap, but tests a class holding astral characters range by range,
    which made the one-class pattern slower than a set lookup per character; the few astral
    characters are looked up in a set instead, and only in a text that has any astral character."""
    chars = traditional_chars()
    bmp = {c for c in chars if ord(c) <= 0xFFFF}
    return re.compile("[" + char_class(bmp) + "]+"), frozenset(chars - bmp)  # runs


def count_han(text: str) -> int:
    """``len(_HAN.findall(text))``: Han characters, BMP and astral."""
    n = sum(map(len, _HAN_BMP_RUN.findall(text)))
    if _ASTRAL.search(text):
        n += sum(map(len, _HAN_ASTRAL_RUN.findall(text)))
    return n


def count_traditional(text: str) -> int:
    """``len(re.findall(traditional_pattern(), text))``, in a fraction of the time."""
    bmp, astral = _bmp_traditional()
    n = sum(map(len, bmp.findall(text)))  # runs: one string per run, not per character
    if _ASTRAL.search(text):
        n += sum(1 for c in _ASTRAL.findall(text) if c in astral)
    return n


@cache
def _converter():
    """OpenCC('t2s') is slow to build: one per process; transforms.text.opencc_backend picks the backend."""
    from transforms.text.opencc_backend import converter

    return converter(CONFIG)


@cache
def _changeable() -> tuple[re.Pattern[str], frozenset[str]]:
    """(class of the BMP characters t2s can change, the astral ones), from the python backend's own
    dictionaries: every character a t2s entry (phrase or character, any candidate) writes
    differently, and every character of an entry whose value has another length. A stretch of text
    without one is t2s's fixed point: whatever entries match it map it onto itself."""
    chars: set[str] = set()
    for name in ("TSPhrases.txt", "TSCharacters.txt"):
        for key, values in _opencc_dictionary(name).items():
            for value in values:
                if len(value) == len(key):
                    chars.update(k for k, v in zip(key, value, strict=True) if k != v)
                else:
                    chars.update(key)
    bmp = {c for c in chars if ord(c) <= 0xFFFF}
    return re.compile("[" + char_class(bmp) + "]"), frozenset(chars - bmp)


def _or_astral(bmp: re.Pattern[str]) -> re.Pattern[str]:
    """The class of ``bmp`` (a class, or a run of one) plus every astral character: one scan tells
    a page with neither (nearly all) from the others. A single range costs Python's re one test
    per character beside the bitmap, unlike a class of many astral characters (see _bmp_traditional)."""
    assert bmp.pattern.startswith("[") and bmp.pattern.endswith(("]", "]+"))
    return re.compile(bmp.pattern[: bmp.pattern.rindex("]")] + "\U00010000-\U0010ffff]")


@cache
def _holds_classes(name: str) -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """(BMP class, astral leftovers, the class or any astral character) of a set by name; kept by
    name because hashing a compiled pattern hashes its whole (long) source on every call."""
    bmp, astral = _bmp_traditional() if name == "traditional" else _changeable()
    return bmp, astral, _or_astral(bmp)


def _holds(text: str, name: str) -> bool:
    """Whether ``text`` holds a character of a set kept as a BMP regex class plus astral leftovers:
    "traditional" (_bmp_traditional) or "changeable" (_changeable)."""
    bmp, astral, either = _holds_classes(name)
    first = either.search(text)
    if first is None:  # neither a character of the class nor an astral one
        return False
    pos = first.start()
    if ord(text[pos]) <= 0xFFFF or bmp.search(text, pos):
        return True
    return not astral.isdisjoint(_ASTRAL.findall(text, pos))


def _may_change(line: str) -> bool:
    return _holds(line, "changeable")


def _separators(convert: Callable[[str], str]) -> re.Pattern[str] | None:
    """The python backend's own separator pattern (a capturing group: ``split`` keeps them), if the
    converter is its bound ``convert`` method."""
    pattern = getattr(getattr(convert, "__self__", None), "split_chars_re", None)
    return pattern if isinstance(pattern, re.Pattern) and pattern.groups == 1 else None


def _convert_stretches(line: str, convert: Callable[[str], str], separators: re.Pattern[str]) -> str:
    """``convert(line)`` of the python backend, which splits ``line`` at ``separators`` and converts
    each stretch between them on its own (a stretch holds no separator, so ``convert`` of it alone
    is that stretch's conversion): only the stretches t2s can change are converted."""
    parts = separators.split(line)
    todo = [i for i in range(0, len(parts), 2) if _may_change(parts[i])]  # even: stretches; odd: separators
    if 4 * len(todo) > len(parts):  # most stretches (a Traditional line): one call, as many as before
        return convert(line)
    for i in todo:
        parts[i] = convert(parts[i])
    return "".join(parts)


def _convert(text: str) -> str:
    """OpenCC t2s of ``text``. The python backend converts each stretch between its separators on
    its own, and a line break is always a separator, so it converts line by line alike; a mostly
    Simplified page (a quoted Traditional name) then converts only its few lines that t2s can
    change, and of those (on a page that is Simplified by ``detect_script``) only the stretches it
    can change; the rest is kept as it is, which is what t2s would make of it."""
    conv = _converter()
    if conv.backend != "python":  # its own dictionaries and segmentation: the whole text, always
        return conv.convert(text)
    lines = text.split("\n")
    todo = [i for i, line in enumerate(lines) if _may_change(line)]
    if 2 * len(todo) > len(lines):  # mostly Traditional: one call
        return conv.convert(text)
    # Stretches pay on a Simplified page's few changed lines; a Traditional line changes nearly all
    # of them, and splitting it at the backend's separators costs half a conversion.
    separators = _separators(conv.convert) if detect_script(text) == "simplified" else None
    for i in todo:
        if separators is None:
            lines[i] = conv.convert(lines[i])
        else:
            lines[i] = _convert_stretches(lines[i], conv.convert, separators)
    return "\n".join(lines)


@cache
def _fixes() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = {r["wrong"]: r["right"] for r in table("opencc_fixes.csv")}
    alternation = "|".join(re.escape(w) for w in sorted(rows, key=len, reverse=True))
    return re.compile(alternation), rows


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a Traditional-only character (see ``_bmp_traditional`` for the speed)."""
    return _holds(text, "traditional")


def detect_script(text: str) -> str:
    """'traditional' when Traditional-only characters are a noticeable share of the Han text."""
    if not has_traditional(text):
        return "simplified"
    trad = count_traditional(text)
    han = count_han(text)
    return "traditional" if trad >= max(1.0, TRADITIONAL_SHARE * han) else "simplified"


def to_simplified(text: str) -> tuple[str, int]:
    """(Simplified text, number of characters changed); a no-op without Traditional characters."""
    if not has_traditional(text):
        return text, 0
    converted = _convert(text)
    pattern, fixes = _fixes()
    converted = pattern.sub(lambda m: fixes[m.group(0)], converted)
    if len(converted) != len(text):
        return converted, count_traditional(text)
    return converted, _changed_chars(text, converted)  # equal lengths: characters changed


def _changed_chars(a: str, b: str) -> int:
    """``sum(map(str.__ne__, a, b))`` for strings of equal length, compared character by character
    only on the lines that differ when both have the same lines' lengths (then every line starts at
    the same offset in both); a mostly Simplified page changes a few lines."""
    if a == b:
        return 0
    lines_a, lines_b = a.split("\n"), b.split("\n")
    if len(lines_a) == len(lines_b) and all(map(int.__eq__, map(len, lines_a), map(len, lines_b))):
        return sum(sum(map(str.__ne__, x, y)) for x, y in zip(lines_a, lines_b, strict=True) if x != y)
    return sum(map(str.__ne__, a, b))
