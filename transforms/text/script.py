"""Traditional -> Simplified script, with OpenCC, only where it is needed.

OpenCC (pure Python here) is the slowest step of normalisation, and almost every input is already
Simplified, so a document is converted only when it contains a Traditional-only character. That
character class is derived from OpenCC's own t2s dictionary: characters that t2s changes and that
are not themselves Simplified (not a key of the s2t dictionary).

Why ``t2s`` plus fixes, and not OpenCC's ``hk2s``/``tw2s``, for Hong Kong, Macau and Taiwan text: the
region is unknown when we normalise (it is decided later, from the sidecar and the text), and the
regional configs only add a variant table before t2s, which is small and partly wrong (both map
抬 -> 擡 and tw2s maps 么 -> 幺, both Traditional). Measured on 400,000 characters of the corpus made
regional with OpenCC s2hk / s2tw and converted back (wrong characters per 10,000 Han): s2hk input
t2s 6.5 (衞 left in 衞生署), hk2s 0.4; s2tw input t2s 8.1 (著 for the particle 着), tw2s 0.5; with
the fixes of ``opencc_fixes.csv`` (the safe rows of those variant tables, and 著 as the particle in
verb phrases) t2s gives 0.2 and 0.3 and stays 0.2 on plain Traditional. So one converter serves
every input, and the normalised text is the t2s text the metric spec describes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from transforms.lexicon import table

CONFIG = "t2s"  # the one OpenCC configuration; see the module docstring for hk2s / tw2s

# Share of Han characters that must be Traditional-only for a document to count as Traditional.
TRADITIONAL_SHARE = 0.01
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")


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


@cache
def _traditional_re() -> re.Pattern[str]:
    return re.compile(traditional_pattern())


@cache
def _converter():
    """OpenCC('t2s') is slow to build: one per process; transforms.text.opencc_backend picks the backend."""
    from transforms.text.opencc_backend import converter

    return converter(CONFIG)


@cache
def _fixes() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = {r["wrong"]: r["right"] for r in table("opencc_fixes.csv")}
    alternation = "|".join(re.escape(w) for w in sorted(rows, key=len, reverse=True))
    return re.compile(alternation), rows


def has_traditional(text: str) -> bool:
    """Set membership per character in C: several times faster than the 4000-character regex class."""
    return not traditional_chars().isdisjoint(text)


def detect_script(text: str) -> str:
    """'traditional' when Traditional-only characters are a noticeable share of the Han text."""
    if not has_traditional(text):
        return "simplified"
    trad = len(_traditional_re().findall(text))
    han = len(_HAN.findall(text))
    return "traditional" if trad >= max(1.0, TRADITIONAL_SHARE * han) else "simplified"


def to_simplified(text: str) -> tuple[str, int]:
    """(Simplified text, number of characters changed); a no-op without Traditional characters."""
    if not has_traditional(text):
        return text, 0
    converted = _converter().convert(text)
    pattern, fixes = _fixes()
    converted = pattern.sub(lambda m: fixes[m.group(0)], converted)
    if len(converted) == len(text):
        changed = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    else:
        changed = len(_traditional_re().findall(text))
    return converted, changed
