"""The region a publisher's sidecar metadata gives (``files.meta`` JSON ``region``), as an adcode.

Feeds write an adcode, a name in either script or a path of names widest first; only a value that
resolves whole is taken, so a sentence or an unknown place never overrides the text.
"""

from __future__ import annotations

import json
import re

import polars as pl

from transforms.enrich.regions.divisions import _ancestors, _gazetteer, _pad
from transforms.enrich.regions.mentions import _mentions
from transforms.text.opencc_backend import convert

PATH_SEPARATORS = re.compile(r"[\s/|>·,，、-]+")


def _lookup(value: str) -> str | None:
    """A metadata region as an adcode: an adcode, a name (full or short, either script) or a path of
    names widest first (四川省眉山市丹棱县, 杭州市 拱墅区), as publishers' feeds write them."""
    _, aliases, info = _gazetteer()
    value = value.strip()
    if value.isdigit() and _pad(value) in info:
        return _pad(value)
    for form in dict.fromkeys((value, convert(value, "t2s"))):
        hit = aliases.get(form)
        if hit and len(hit[0]) == 1:
            return hit[0][0]
        code = _path_code(PATH_SEPARATORS.sub("", form))
        if code:
            return code
    return None


def _path_code(path: str) -> str | None:
    """The last division of a path of names that each lie under the one before, else None: the names
    must cover the whole value, so a sentence or an unknown place never resolves by a part of it."""
    _, aliases, info = _gazetteer()
    found = _mentions(pl.Series([path]))[0]
    if len(found) < 2 or "".join(name for name, _ in found) != path:
        return None
    chosen: str | None = None
    for name, _ in found:
        under = [c for c in aliases[name][0] if chosen is None or chosen in _ancestors(c, info)]
        if len(under) != 1:
            return None
        chosen = under[0]
    return chosen


def _meta_region(meta: str | None) -> str | None:
    if not meta:
        return None
    try:
        value = json.loads(meta).get("region")
    except (ValueError, AttributeError):
        return None
    return str(value) if value not in (None, "") else None
