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
    base_unit: str  # the unit figures of this kind convert to (公里 -> 米)
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
def _max_len() -> int:
    return max(len(s) for s in _by_surface())


def match_unit(text: str, pos: int) -> Unit | None:
    """The longest unit whose surface form starts at ``text[pos]``, or None."""
    units = _by_surface()
    for n in range(min(_max_len(), len(text) - pos), 0, -1):
        hit = units.get(text[pos : pos + n])
        if hit is not None:
            return hit
    return None


def unit_kind(unit: str) -> str | None:
    """The kind of a canonical unit."""
    for u in _by_surface().values():
        if u.unit == unit:
            return u.kind
    return None


def unit_table() -> pl.DataFrame:
    """One row per canonical unit, for ``dim_unit`` and the quality gate's 'unit known' check.

    ``base_unit``/``factor`` say how figures sum (名, 位 and 口人 are all 人); ``gloss_en`` names the unit.
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
