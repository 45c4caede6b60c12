"""The inline-atomic deep copy used while GX is imported copies exactly as ``copy.deepcopy``."""

from __future__ import annotations

import copy
from typing import Any

from expectations.runner import _atomic_inline_deepcopy


class _Slots:
    __slots__ = ("a", "b")

    def __init__(self, a: object, b: object) -> None:
        self.a, self.b = a, b


class _Plain:
    def __init__(self, **kw: object) -> None:
        self.__dict__.update(kw)


def _shape(x: object, seen: dict[int, int]) -> object:
    """A description of an object graph: values, types and which nodes are shared (by first visit)."""
    if id(x) in seen:
        return ("ref", seen[id(x)])
    if isinstance(x, (str, int, float, bool, type(None), type)) or callable(x):
        return ("atom", type(x).__name__, x if not callable(x) else id(x))
    seen[id(x)] = len(seen)
    if isinstance(x, dict):
        return ("dict", [(_shape(k, seen), _shape(v, seen)) for k, v in x.items()])
    if isinstance(x, (list, tuple)):
        return (type(x).__name__, [_shape(v, seen) for v in x])
    if isinstance(x, _Slots):
        return ("slots", _shape(x.a, seen), _shape(x.b, seen))
    return (type(x).__name__, _shape(vars(x), seen))


def _graph() -> dict[object, Any]:
    shared = ["s", 1, None]
    inner = (1, "x", shared)
    atoms_only = (1, "a", None, True, 2.5, int, len)
    node = _Slots(shared, {"k": inner})
    return {
        "atoms": atoms_only, "inner": inner, "again": inner, "node": node, "plain": _Plain(n=node, t=(node,)),
        ("tuple", "key"): [shared, shared, {"nested": [atoms_only, ()]}], "empty": ({}, [], ()),
    }  # fmt: skip


def test_copies_as_deepcopy_does() -> None:
    data = _graph()
    expected = copy.deepcopy(data)
    with _atomic_inline_deepcopy():
        got = copy.deepcopy(data)
    assert _shape(got, {}) == _shape(expected, {})
    assert got["atoms"] is data["atoms"]  # a tuple of atoms is its own copy, as deepcopy keeps it
    assert got["inner"] is got["again"] and got["inner"] is not data["inner"]
    assert got["node"].a is got[("tuple", "key")][0] and got["node"].a is not data["node"].a


def test_memo_passed_in_is_used_and_filled_as_deepcopy_does() -> None:
    data = _graph()
    memo_a: dict[int, object] = {}
    memo_b: dict[int, object] = {}
    copy.deepcopy(data, memo_a)
    with _atomic_inline_deepcopy():
        copy.deepcopy(data, memo_b)
    originals = {id(v) for v in (data, data["node"], data["plain"], data["inner"])}
    assert originals <= set(memo_a) and originals <= set(memo_b)
    assert len(memo_a) == len(memo_b)  # the same objects copied (reduce's temporaries have new ids)
    assert len(memo_a[id(memo_a)]) == len(memo_b[id(memo_b)])  # type: ignore[arg-type]  # kept alive


def test_dispatch_restored_even_on_error() -> None:
    dispatch = dict(copy._deepcopy_dispatch)  # type: ignore[attr-defined]
    try:
        with _atomic_inline_deepcopy():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert copy._deepcopy_dispatch == dispatch  # type: ignore[attr-defined]
