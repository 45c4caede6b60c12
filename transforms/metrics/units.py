"""Measure words and units: surface forms, their canonical unit and kind (``lexicons/units.csv``).

A unit is matched longest-first at a position, so 人次 wins over 人 and 平方公里 over 平方.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import polars as pl

from transforms.lexicon import table


class Unit(NamedTuple):
    surface: str  # as written (平米, 个小时)
    unit: str  # canonical (平方米, 小时)
    kind: str  # count, people, area, money, percent, duration, ...
    base_unit: str  # the unit metrics of this kind convert to (公里 -> 米)
    factor: float  # multiply by this to get base_unit
    gloss_en: str = ""  # English name of the canonical unit, for analysts (person, Hong Kong dollar)


@cache
def _by_surface() -> dict[str, Unit]:
    return {
        r["surface"]: Unit(
            r["surface"], r["unit"], r["kind"], r["base_unit"], float(r["factor"]), r["gloss_en"]
        )
        for r in table("units.csv")
    }


@cache
def max_len() -> int:
    """The longest surface form, in characters (a window this wide decides a match)."""
    return max(len(s) for s in _by_surface())


@cache
def _by_first() -> dict[str, tuple[Unit, ...]]:
    """Units by their first character, longest first: one probe rejects a position that starts none
    (most of them), and the first surface that matches is the longest."""
    out: dict[str, list[Unit]] = {}
    for u in sorted(_by_surface().values(), key=lambda u: -len(u.surface)):
        out.setdefault(u.surface[0], []).append(u)
    return {first: tuple(us) for first, us in out.items()}


def match_unit(text: str, pos: int) -> Unit | None:
    """The longest unit whose surface form starts at ``text[pos]``, or None."""
    if pos >= len(text):
        return None
    for u in _by_first().get(text[pos], ()):
        if text.startswith(u.surface, pos):
            return u
    return None


def unit_kind(unit: str) -> str | None:
    """The kind of a canonical unit."""
    for u in _by_surface().values():
        if u.unit == unit:
            return u.kind
    return None


def unit_table() -> pl.DataFrame:
    """One row per canonical unit, for ``dim_unit`` and the quality gate's 'unit known' check.

    ``base_unit``/``factor`` say how metrics sum (名, 位 and 口人 are all 人); ``gloss_en`` names the unit.
    """
    rows = {u.unit: (u.unit, u.kind, u.base_unit, u.factor, u.gloss_en) for u in _by_surface().values()}
    schema = {
        "unit": pl.String,
        "kind": pl.String,
        "base_unit": pl.String,
        "factor": pl.Float64,
        "gloss_en": pl.String,
    }
    return pl.DataFrame(list(rows.values()), schema=schema, orient="row").sort("unit")
