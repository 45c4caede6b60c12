"""Property tests: numbers rendered as Chinese (or Arabic) numerals read back to themselves.

A small renderer here writes integers the way texts do (零 for inner gaps, 两 before a unit, 十 for
一十, Traditional and financial character sets); the parser must recover the value exactly.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.metrics.numbers import parse_adjacent_range, parse_number, parse_percent, resolve_number

BUDGET = settings(max_examples=300, derandomize=True, deadline=None)

SIMPLIFIED = "零一二三四五六七八九"
FINANCIAL = "零壹贰叁肆伍陆柒捌玖"
TRADITIONAL_UNITS = {"万": "萬", "亿": "億"}
FINANCIAL_UNITS = {"十": "拾", "百": "佰", "千": "仟"}


def _section(n: int, digits: str, liang: bool) -> str:
    """0 < n < 10000 as one section: 三千零五, 两百二十."""
    out, gap = [], False
    for power, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // power % 10
        if d == 0:
            gap = bool(out)
            continue
        if gap:
            out.append(digits[0])
            gap = False
        numeral = "两" if liang and d == 2 and unit in ("千", "百") else digits[d]
        out.append(numeral + unit)
    return "".join(out)


def render(
    n: int,
    *,
    digits: str = SIMPLIFIED,
    liang: bool = False,
    short_ten: bool = True,
    traditional: bool = False,
    financial: bool = False,
) -> str:
    """Write a non-negative integer below 10**16 in Chinese numerals."""
    if n == 0:
        return digits[0]
    parts, pending_zero = [], False
    for power, unit in ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"), (1, "")):
        group = n // power % 10**4
        if group == 0:
            pending_zero = bool(parts)
            continue
        if parts and (pending_zero or group < 1000):
            parts.append(digits[0])
        parts.append(_section(group, digits, liang) + unit)
        pending_zero = False
    text = "".join(parts)
    if short_ten and text.startswith(digits[1] + "十"):
        text = text[1:]  # 十二, not 一十二
    if traditional:
        text = "".join(TRADITIONAL_UNITS.get(ch, ch) for ch in text).replace("两", "兩")
    if financial:
        text = "".join(FINANCIAL_UNITS.get(ch, ch) for ch in text)
    return text


styles = st.fixed_dictionaries(
    {
        "digits": st.sampled_from([SIMPLIFIED, FINANCIAL]),
        "liang": st.booleans(),
        "short_ten": st.booleans(),
        "traditional": st.booleans(),
        "financial": st.booleans(),
    }
)
# Up to 2**53: beyond it a float cannot hold every integer, whatever the parser does.
integers = st.one_of(st.integers(0, 10**4), st.integers(0, 10**9), st.integers(0, 2**53))


def test_renderer_writes_the_usual_forms() -> None:
    assert render(2005, liang=True) == "两千零五"
    assert render(1234567) == "一百二十三万四千五百六十七"
    assert render(100651) == "十万零六百五十一"
    assert render(10**12 + 1) == "一万亿零一"


@BUDGET
@given(integers, styles)
def test_chinese_integers_round_trip(n: int, style: dict) -> None:
    assert parse_number(render(n, **style)) == n


@BUDGET
@given(integers, st.text(alphabet="0123456789", min_size=1, max_size=6), st.booleans())
def test_chinese_decimals_round_trip(n: int, frac: str, traditional: bool) -> None:
    point = "點" if traditional else "点"
    text = render(n, traditional=traditional) + point + "".join(SIMPLIFIED[int(d)] for d in frac)
    assert parse_number(text) == float(Decimal(f"{n}.{frac}"))


@BUDGET
@given(st.text(alphabet="0123456789", min_size=2, max_size=8))
def test_bare_digit_strings_read_digit_by_digit(digits: str) -> None:
    text = "".join("〇一二三四五六七八九"[int(d)] for d in digits)
    assert parse_number(text) == int(digits)


@BUDGET
@given(st.integers(0, 10**15), st.booleans())
def test_arabic_with_separators_round_trips(n: int, fullwidth: bool) -> None:
    text = f"{n:,}"
    if fullwidth:
        text = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)
    assert parse_number(text) == n


@BUDGET
@given(
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False), st.sampled_from(["万", "亿", "千"])
)
def test_arabic_with_multiplier_is_exact(mantissa: Decimal, unit: str) -> None:
    factor = {"万": 10**4, "亿": 10**8, "千": 10**3}[unit]
    assert parse_number(f"{mantissa}{unit}") == float(mantissa * factor)


@BUDGET
@given(
    st.integers(1, 9),
    st.integers(1, 9),
    st.sampled_from([("百", 100), ("千", 1000), ("万", 10**4), ("亿", 10**8)]),
)
def test_shorthand_trailing_digit_is_the_next_place(a: int, b: int, unit: tuple[str, int]) -> None:
    word, factor = unit
    assert parse_number(SIMPLIFIED[a] + word + SIMPLIFIED[b]) == a * factor + b * factor // 10


@BUDGET
@given(st.integers(1, 8), st.sampled_from([("十", 10), ("百", 100), ("千", 1000), ("万", 10**4)]))
def test_adjacent_digits_are_a_range(d: int, unit: tuple[str, int]) -> None:
    word, factor = unit
    text = SIMPLIFIED[d] + SIMPLIFIED[d + 1] + word
    assert parse_adjacent_range(text) == (d * factor, (d + 1) * factor)
    assert parse_number(text) is None


@BUDGET
@given(st.integers(0, 1000), st.text(alphabet="0123456789", max_size=3), st.booleans())
def test_percentages_round_trip(n: int, frac: str, chinese: bool) -> None:
    value = Decimal(f"{n}.{frac}") if frac else Decimal(n)
    if chinese:
        text = "百分之" + render(n) + ("点" + "".join(SIMPLIFIED[int(d)] for d in frac) if frac else "")
    else:
        text = f"{value}%"
    assert parse_percent(text) == float(value)


@BUDGET
@given(st.integers(1, 10**4), st.integers(0, 10**4))
def test_shares_are_one_hundred_m_over_n(n: int, m: int) -> None:
    got = parse_percent(render(n) + "分之" + render(m))
    assert got is not None and abs(got - 100 * m / n) <= 1e-9 * max(1, 100 * m / n)


numeral_soup = st.text(
    alphabet="零〇一二两三四五六七八九十百千万亿兆点負负分之百成折又余多几个半打%,./^eEk-+0123456789 ",
    max_size=20,
)


@BUDGET
@given(st.one_of(st.text(max_size=30), numeral_soup))
def test_parsers_never_raise(text: str) -> None:
    for parse in (parse_number, parse_percent, resolve_number):
        v = parse(text)
        assert v is None or isinstance(v, float)
    pair = parse_adjacent_range(text)
    assert pair is None or pair[0] < pair[1]
