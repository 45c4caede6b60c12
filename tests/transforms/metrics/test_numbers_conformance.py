"""Conformance of transforms.metrics.numbers with the test suites other Chinese number parsers ship.

Each case gives a span and the value a peer resolves it to; we must resolve the same span to the
same value. The suites are read-only data in ../shared/peer-suites (see its README). Run with
``-s`` to see the pass counts printed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from transforms.metrics.numbers import parse_number, parse_percent, resolve_number

PEERS = Path(__file__).resolve().parents[4] / "shared" / "peer-suites"

pytestmark = pytest.mark.skipif(not PEERS.is_dir(), reason="peer suites not available")

# Money amounts (元 角 分 整) are currency parsing, not numerals: out of scope for this module.
_MONEY = set("元圆角整正")


def _close(got: float | None, want: float) -> bool:
    return got is not None and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9)


def _recognizers_cases(name: str) -> list[tuple[str, float]]:
    """(span Text, expected value) of every result in cases not marked NotSupported for python."""
    data = json.loads((PEERS / "recognizers-text" / name).read_text(encoding="utf-8-sig"))
    out = []
    for case in data:
        unsupported = (case.get("NotSupported", "") + "," + case.get("NotSupportedByDesign", "")).lower()
        if "python" in unsupported:
            continue
        for result in case["Results"]:
            if result.get("TypeName") not in ("number", "percentage"):
                continue  # ordinals would be excluded here; the two files hold none
            out.append((result["Text"], float(result["Resolution"]["value"].rstrip("%"))))
    return out


def _score(
    cases: list[tuple[str, float]], parse: Callable[[str], float | None], label: str
) -> tuple[float, str]:
    """Pass rate (printed, for the report) and a listing of the failures for the assertion message."""
    failures = [(text, want, parse(text)) for text, want in cases if not _close(parse(text), want)]
    passed = len(cases) - len(failures)
    print(f"\n{label}: {passed}/{len(cases)} = {passed / len(cases):.4f}")
    return passed / len(cases), "\n".join(f"{t!r}: want {w}, got {g}" for t, w, g in failures)


def test_recognizers_number_model() -> None:
    cases = _recognizers_cases("NumberModel.json")
    assert len(cases) >= 380
    rate, failures = _score(cases, resolve_number, "Recognizers-Text NumberModel")
    assert rate >= 1.0, failures  # every supported case passes today; keep it that way


def test_recognizers_percent_model() -> None:
    cases = _recognizers_cases("PercentModel.json")
    assert len(cases) >= 150
    rate, failures = _score(cases, parse_percent, "Recognizers-Text PercentModel")
    assert rate >= 1.0, failures


def test_recognizers_combined_rate() -> None:
    """The issue's Done-when: at least 98 % of the supported cases of both models."""
    number = [(t, w, resolve_number) for t, w in _recognizers_cases("NumberModel.json")]
    percent = [(t, w, parse_percent) for t, w in _recognizers_cases("PercentModel.json")]
    ok = sum(_close(parse(t), w) for t, w, parse in number + percent)
    total = len(number) + len(percent)
    print(f"\nRecognizers-Text Number+Percent: {ok}/{total} = {ok / total:.4f}")
    assert ok / total >= 0.98


def _cn2an_cases() -> tuple[list[tuple[str, float]], list[str]]:
    data = json.loads((PEERS / "cn2an" / "cn2an_test.py.cases.json").read_text(encoding="utf-8"))
    values, errors = [], []
    for case in data["cases"]:
        text, want = case["input"], case["expected"]
        if _MONEY & set(text):
            continue
        if case["group"].startswith("error"):
            # error_strict cases are errors only in cn2an's strict mode (一一 is fine in normal mode).
            if case["group"] != "error_strict":
                errors.append(text)
        else:
            values.append((text, float(want)))
    return values, errors


def test_cn2an_values() -> None:
    values, _ = _cn2an_cases()
    rate, failures = _score(values, parse_number, "cn2an numeral values")
    assert rate >= 0.99, failures


def test_cn2an_rejects_non_numerals() -> None:
    """cn2an's error cases are not numerals; parse_number must say so with None (not raise)."""
    _, errors = _cn2an_cases()
    accepted = [t for t in errors if parse_number(t) is not None]
    print(f"\ncn2an error cases rejected: {len(errors) - len(accepted)}/{len(errors)}")
    assert len(accepted) <= 2, accepted


def _c2d_value(digits: str) -> float:
    if "/" in digits:
        num, den = digits.split("/")
        return float(num) / float(den)
    if digits.endswith("%"):
        return float(digits[:-1])
    return float(digits)


def test_chinese2digits_values() -> None:
    """chinese2digits: each numeral it finds, with the value it gives (fractions as M/N)."""
    data = json.loads((PEERS / "chinese2digits" / "test.py.cases.json").read_text(encoding="utf-8"))
    cases = []
    for case in data["cases"]:
        exp = case["expected"]
        cases += [
            (text, _c2d_value(digits), parse_percent if digits.endswith("%") else resolve_number)
            for text, digits in zip(exp["CHNumberStringList"], exp["digitsStringList"], strict=True)
        ]
    failures = [(t, w, parse(t)) for t, w, parse in cases if not _close(parse(t), w)]
    passed = len(cases) - len(failures)
    print(f"\nchinese2digits numerals: {passed}/{len(cases)} = {passed / len(cases):.4f}")
    # Softer: a quarter of its cases are its own idioms (百四 = 4 %, 万三 = 0.0003, 三零万二零千 = 320000,
    # 四百分之16 = 4.16) or bare 点五, which cn2an rejects.
    assert passed / len(cases) >= 0.75, "\n".join(f"{t!r}: want {w}, got {g}" for t, w, g in failures)
