"""Turn one numeral — Arabic, Chinese (Simplified, Traditional, financial) or mixed — into its value.

The extractor finds candidate metrics with regexes; this module says what each candidate is worth.
Every function takes the *whole* candidate and returns None when it is not one definite numeral, so
the caller can treat None as "not a metric". Pure, stdlib-only and cached, because it runs once per
candidate. Arithmetic is decimal, so ``16.4亿`` is exactly 1640000000 (binary floats would give
1639999999.9999998 and break exact-value matching). Character meanings are data
(``lexicons/numerals.csv``); the grammar is here:

    integer := section (big section)* [shorthand digit]       一百二十三万四千五百六十七, 一万二
    section := (digit small | small | digit | 零)*             三百零五, 十二, 百三
    number  := [sign] (integer [点 digits [big…]] | Arabic [big…])   九十九点五, 16.1万, 2万5千
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from transforms.lexicon import table

__all__ = [
    "ARABIC_NUMBER",
    "NUMERAL_CHARS",
    "fold_scale",
    "mixed_is_sound",
    "parse_adjacent_range",
    "parse_number",
    "parse_percent",
    "resolve_number",
]

_ZERO, _ONE, _TEN, _HUNDRED = Decimal(0), Decimal(1), Decimal(10), Decimal(100)


_ROWS = table("numerals.csv")
_KIND: dict[str, str] = {r["char"]: r["kind"] for r in _ROWS}
_VALUE: dict[str, Decimal] = {r["char"]: Decimal(r["value"]) for r in _ROWS if r["value"]}


def _of(kind: str) -> dict[str, Decimal]:
    return {ch: _VALUE.get(ch, _ZERO) for ch, k in _KIND.items() if k == kind}


_DIGIT, _BIG, _WORD, _PERCENT_WORD = _of("digit"), _of("big"), _of("word"), _of("percent_word")
_SMALL = _of("small")
_DOZEN, _HALF, _LATIN = _of("dozen"), _of("half"), _of("latin")
_LIANG = "两兩俩倆"  # 2 before a unit only; a digit-by-digit string writes 二
_POINTS = "".join(_of("point"))
_MINUS = "".join(_of("minus"))

#: The Chinese numeral characters (digits, 十百千, 万亿; Simplified, Traditional and financial forms),
#: for building regex character classes in the extractor. 点, 负, 半 and 兆 are not in it.
NUMERAL_CHARS: str = "".join(r["char"] for r in _ROWS if r["in_class"] == "1")

#: One Arabic number: digits with optional thousands separators (groups of exactly three) and an
#: optional decimal part. Rust-regex compatible (no look-around, no backreferences) for polars.
ARABIC_NUMBER: str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"

# Full-width forms and look-alikes folded to ASCII before parsing.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "．": ".",
        "，": ",",
        "－": "-",
        "−": "-",
        "＋": "+",
        "％": "%",
        "﹪": "%",
        "／": "/",
        "ｋ": "k",
        "Ｋ": "K",
        "ｍ": "m",
        "Ｍ": "M",
        "Ｅ": "E",
        "ｅ": "e",
        "＾": "^",
    }
)
_SPACE = re.compile(r"\s+")
_DIGIT_SPACE = re.compile(r"[0-9]\s+[0-9]")
_ARABIC = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
# Scientific and power notation (2e5, 2.7890e-1, 2^5, 1.1^+23), optionally with a latin scale (40k).
_SCI = re.compile(
    r"(?P<m>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
    r"(?:[eE](?P<e>[+-]?[0-9]{1,4})|\^(?P<p>[+-]*[0-9]{1,4}))?"
    rf"(?P<k>[{''.join(_LATIN)}])?"
)
_PERCENT_POINT_TAILS = ("个百分点", "個百分點", "个百分點", "個百分点", "百分点", "百分點")
_BOUND_INSIDE = "余餘多几幾来來"  # 十多万, 500余萬, 二十几万: resolve_number reads the base value
_MAX_LEN = 64  # no real numeral is longer; bounds the work spent on junk


def _clean(text: str) -> str | None:
    """Fold full-width forms and drop inner spaces; None if spaces separate two Arabic digits."""
    s = text.translate(_FOLD).strip()
    if _DIGIT_SPACE.search(s):
        return None
    return _SPACE.sub("", s)


def _sign(s: str) -> tuple[Decimal, str]:
    if s[:1] in ("-", "+") or (s and s[0] in _MINUS):
        return (_ONE if s[0] == "+" else -_ONE), s[1:]
    return _ONE, s


def _arabic(s: str) -> Decimal | None:
    """A whole Arabic number, with scientific/power notation or a k/m suffix."""
    m = _SCI.fullmatch(s)
    if not m:
        return None
    value = Decimal(m["m"].replace(",", ""))
    if m["e"] is not None:
        value = value.scaleb(int(m["e"]))
    elif m["p"] is not None:
        p = m["p"]
        exp = int(p.lstrip("+-")) * (-1 if p.count("-") % 2 else 1)
        if value == 0 and exp < 0:
            return None
        value = value**exp
    if m["k"]:
        value *= _LATIN[m["k"]]
    return value


def _tokens(s: str) -> list[tuple[str, Decimal, bool]] | None:
    """(kind, value, single_digit) tokens — num, zero, small, big — or None on a stray character."""
    out: list[tuple[str, Decimal, bool]] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isascii() and (ch.isdigit() or ch == "."):
            m = _ARABIC.match(s, i)
            if not m:
                return None
            lit = m.group().replace(",", "")
            out.append(("num", Decimal(lit), len(lit) == 1))
            i = m.end()
            continue
        kind = _KIND.get(ch)
        if kind == "digit":
            v = _VALUE[ch]
            out.append(("zero", v, True) if v == 0 else ("num", v, True))
        elif kind == "tens":  # 廿二 = 22: 廿 is 二十 in one character
            out += [("num", _VALUE[ch] / _TEN, True), ("small", _TEN, False)]
        elif kind in ("small", "big"):
            out.append((kind, _VALUE[ch], False))
        else:
            return None
        i += 1
    return out


def _integer(s: str) -> Decimal | None:  # noqa: C901 - one numeral grammar, read in order
    """Value of a numeral without sign or Chinese decimal point."""
    if not s:
        return None
    if s in _WORD:
        return _WORD[s]
    if s in _HALF:
        return _HALF[s]
    if len(s) > 1 and s[-1] in _DOZEN:  # 十打 = 120: the dozen as counting unit
        inner = _integer(s[:-1])
        return None if inner is None else inner * _DOZEN[s[-1]]
    if len(s) > 2 and s[-2] in "个個" and s[-1] in _HALF:  # 一个半 = 1.5
        inner = _integer(s[:-2])
        return None if inner is None else inner + _HALF[s[-1]]
    toks = _tokens(s)
    if not toks:
        return None
    if all(k in ("num", "zero") for k, _, _ in toks):
        if len(toks) == 1:
            return toks[0][1]
        if any(ch.isascii() or ch in _LIANG for ch in s):
            return None  # 3五, 1.5 2, 四两 (拨千斤): 两 is never read digit by digit
        # A bare string of Chinese digits reads digit by digit: 二〇二一 = 2021.
        return Decimal("".join(str(v) for _, v, _ in toks))

    total = section = _ZERO
    number: Decimal | None = None
    number_single = False
    last_small: Decimal | None = None  # units inside a section only ever fall
    last_big: Decimal | None = None
    last_unit = _ZERO  # the unit just read
    prev_unit = _ZERO  # the unit the pending number directly follows, 0 if none
    prev = ""
    for kind, v, single in toks:
        if kind == "num":
            if number is not None:
                return None  # 三四百: two digits in a row is a range, not a number
            number, number_single = v, single
            prev_unit = last_unit if prev in ("small", "big") else _ZERO
        elif kind == "zero":
            if number is not None:
                return None
        elif kind == "small":
            if last_small is not None and v >= last_small:
                return None  # 十百, 一百二百
            section += (_ONE if number is None else number) * v
            last_small, number, last_unit = v, None, v
        else:  # big
            part = section + (number or _ZERO)
            if number is None and section == 0:
                if prev == "big":  # 万亿, 万万: big units stack, and so does the scale they set
                    total *= v
                    last_big, last_unit = (last_big or _ONE) * v, v
                    prev = kind
                    continue
                if total != 0 or prev == "zero":
                    return None
                part = _ONE  # a leading 万 is one 万
            if last_big is not None and v >= last_big:
                total = (total + part) * v  # 一万二千亿 = 12000 亿
                last_big *= v
            else:
                total += part * v
                last_big = v
            section, number, last_small, last_unit = _ZERO, None, None, v
        prev = kind
    if number is not None:
        if number_single and prev == "num" and prev_unit >= 10 and number == number.to_integral_value():
            section += number * prev_unit / _TEN  # 一万二 = 12000, 三千五 = 3500, 百三 = 130
        else:
            section += number
    return total + section


def _unsigned(s: str) -> Decimal | None:
    """Arabic, Chinese or mixed, with an optional Chinese decimal point (九十九点五, 三点五万)."""
    if not s:
        return None
    v = _arabic(s)
    if v is not None:
        return v
    points = [i for i, ch in enumerate(s) if ch in _POINTS]
    if not points:
        return _integer(s)
    if len(points) > 1:
        return None
    left, right = s[: points[0]], s[points[0] + 1 :]
    head = _integer(left)
    if head is None:
        return None
    j = 0
    while j < len(right) and (right[j] in _DIGIT or (right[j].isascii() and right[j].isdigit())):
        j += 1
    digits, scale = right[:j], right[j:]
    if not digits:
        return None
    frac = Decimal("0." + "".join(ch if ch.isascii() else str(_DIGIT[ch]) for ch in digits))
    if not scale:
        return head + frac
    if any(ch not in _BIG for ch in scale) or any(ch in _BIG for ch in left):
        return None  # 三点五万 is fine; 三万点五万 is not
    mult = _ONE
    for ch in scale:
        mult *= _BIG[ch]
    return (head + frac) * mult


@lru_cache(maxsize=65536)
def _number(text: str) -> Decimal | None:
    if not text or len(text) > _MAX_LEN:
        return None
    s = _clean(text)
    if not s:
        return None
    sign, s = _sign(s)
    try:
        v = _unsigned(s)
    except (InvalidOperation, OverflowError, ArithmeticError):
        return None
    if v is None or not v.is_finite() or abs(v) > Decimal("1e300"):
        return None
    return sign * v


def _float(v: Decimal | None) -> float | None:
    return None if v is None else float(v)


def parse_number(text: str) -> float | None:
    """The value of the numeral that makes up the whole of ``text``, or None if it is not one.

    Arabic (``5880``, ``1,400``, ``16.1``, full-width, ``2e5``, ``40k``), Chinese in every script
    (``两千零五``, ``一百二十三万四千五百六十七``, ``壹佰伍拾``, ``二〇二一``, ``九十九点五``), shorthand
    (``一万二`` = 12000, ``三千五`` = 3500), mixed (``16.1万``, ``2万5千``, ``5万亿``), a sign (``-5``,
    ``负五``), ``半`` / ``一个半``. Ranges and vague or bounded forms (``三四百``, ``十几``, ``数千``,
    ``20余万``) are not one numeral: None.
    """
    return _float(_number(text))


def _fraction(s: str) -> Decimal | None:
    """M/N for ``N分之M`` (either side may carry its own sign)."""
    den_s, sep, num_s = s.partition("分之")
    if not sep:
        return None
    den, num = _number(den_s), _number(num_s)
    if den is None or num is None or den == 0:
        return None
    return num / den


@lru_cache(maxsize=16384)
def _percent(text: str) -> Decimal | None:
    if not text or len(text) > _MAX_LEN:
        return None
    s = _clean(text)
    if s is None and text.rstrip().endswith("折"):  # 7 2 折: a discount is read digit by digit
        s = _SPACE.sub("", text.translate(_FOLD))
    if not s:
        return None
    if s in _PERCENT_WORD:
        return _PERCENT_WORD[s]
    if s.endswith("%"):
        return _number(s[:-1])
    for tail in _PERCENT_POINT_TAILS:
        if s.endswith(tail) and len(s) > len(tail):
            return _number(s[: -len(tail)])
    if "分之" in s:
        sign, rest = _sign(s)
        frac = _fraction(rest)
        return None if frac is None else sign * _HUNDRED * frac
    if s.endswith("折") and len(s) > 1:  # 八五折 = 85 %, 九折 = 90 %, 9.9折 = 99 %
        v = _number(s[:-1])
        if v is None or not 0 < v < 100:
            return None
        return v * _TEN if v < 10 else v
    head, sep, tail = s.partition("成")  # 三成 = 30 %, 七成六 = 76 %, 三成半 = 35 %, 半成 = 5 %
    if sep:
        v = _number(head)
        if v is None or not 0 <= v <= 10:
            return None
        if not tail:
            return v * _TEN
        extra = _HALF[tail] * _TEN if tail in _HALF else _number(tail)
        if extra is None or not 0 <= extra < 10:
            return None
        return v * _TEN + extra
    return None


def parse_percent(text: str) -> float | None:
    """A share in percent: ``百分之九十九点五`` / ``99.5%`` → 99.5, ``千分之五`` → 0.5, ``三分之一`` →
    33.33…, ``五成`` → 50, ``八五折`` → 85, ``6个百分点`` → 6. None if ``text`` is not one share."""
    return _float(_percent(text))


_MIXED = re.compile(r"(?P<w1>[^又]+)又(?P<f1>[^又]+)|(?P<w2>.+)\s+(?P<f2>\S+)")
_SLASH = re.compile(r"(?P<num>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))/(?P<den>[0-9]+(?:\.[0-9]*)?)")


def _plain_fraction(s: str) -> Decimal | None:
    """``3/5`` or ``五分之一`` as a value (0.6, 0.2)."""
    s = _SPACE.sub("", s)
    m = _SLASH.fullmatch(s)
    if m:
        den = Decimal(m["den"])
        return None if den == 0 else Decimal(m["num"]) / den
    sign, rest = _sign(s)
    frac = _fraction(rest)
    return None if frac is None else sign * frac


@lru_cache(maxsize=16384)
def _resolve(text: str) -> Decimal | None:
    v = _number(text)
    if v is not None or not text or len(text) > _MAX_LEN:
        return v
    s = text.translate(_FOLD).strip()
    m = _MIXED.fullmatch(s)
    if m:  # 三百五又三分之一, 1 3/5: a whole number and a fraction
        frac_s = _SPACE.sub("", m["f1"] or m["f2"])
        if "分之" in frac_s or "/" in frac_s:
            whole, frac = _resolve(m["w1"] or m["w2"]), _plain_fraction(frac_s)
            if whole is not None and frac is not None:
                return whole + frac if whole >= 0 else whole - frac
    s = _SPACE.sub("", s)
    if s.endswith("%"):
        pct = _percent(s)
        return None if pct is None else pct / _HUNDRED
    f = _plain_fraction(s)
    if f is not None:
        return f
    inner = [ch for ch in s[1:] if ch in _BOUND_INSIDE]
    if len(inner) == 1:
        return _number(s[0] + s[1:].replace(inner[0], "", 1))
    return None


def resolve_number(text: str) -> float | None:
    """The value a number recogniser gives the span ``text`` (the Recognizers-Text convention).

    Wider than :func:`parse_number`: fractions as values (``五分之一`` → 0.2, ``3/5`` → 0.6), mixed
    numbers (``三百五又三分之一``, ``1 3/5``), ``5%`` → 0.05, and a number with one bound or vague word
    inside, read as its base (``十多万``, ``500余萬`` → 5000000; ``二十几万`` → 200000). For display and
    conformance; the extractor uses parse_number, where "not one definite numeral" must give None.
    """
    return _float(_resolve(text))


_MIXED_PART = re.compile(r"([兆万萬亿億千仟百佰])([0-9][0-9,]*(?:\.[0-9]+)?)(?![0-9,.])(?![千仟百佰十拾])")


def mixed_is_sound(text: str) -> bool:
    """Each Arabic part after a place value is smaller than it: ``3万2,500`` (2500 < 1万) folds,
    ``3万25000`` does not (a list or a typo, not one number), nor does ``1千2,000``."""
    for mark, digits in _MIXED_PART.findall(text):
        if Decimal(digits.replace(",", "")) >= _BIG.get(mark, _SMALL.get(mark, _ONE)):
            return False
    return _number(text) is not None


@lru_cache(maxsize=16384)
def _fold(text: str, factor: Decimal) -> Decimal | None:
    cut = max((i for i, ch in enumerate(text) if ch in _BIG and _BIG[ch] > factor), default=-1)
    if cut < 0:
        v = _number(text)
        return None if v is None else v * factor
    head, tail = _number(text[: cut + 1]), _number(text[cut + 1 :].lstrip("零〇"))  # 1兆零500(亿)
    if head is None or tail is None or tail * factor >= _BIG[text[cut]]:
        return None
    return head + tail * factor


def fold_scale(text: str, factor: float) -> float | None:
    """The value of numeral ``text`` with a multiplier ``factor`` written after it.

    The multiplier scales only what follows the last larger place value: ``12亿3,400`` + 万 is
    1234000000 and ``4亿5千6百`` + (多)万 is 456000000, not (4亿5600)×万; ``16.1`` + 万 is 161000.
    """
    v = _fold(text, Decimal(str(factor)))
    return None if v is None else float(v)


def _adjacent(a: str, b: str) -> bool:
    va, vb = _DIGIT.get(a), _DIGIT.get(b)
    return va is not None and vb is not None and va >= 1 and vb == va + 1


@lru_cache(maxsize=16384)
def parse_adjacent_range(text: str) -> tuple[float, float] | None:
    """An approximation by two neighbouring digits: ``三四百`` → (300, 400), ``十七八`` → (17, 18),
    ``两三万`` → (20000, 30000). Vague words (``十几``, ``几十``, ``数千``) and anything else: None."""
    if not text or len(text) > _MAX_LEN:
        return None
    s = _clean(text)
    if not s:
        return None
    pairs = [i for i in range(len(s) - 1) if s[i] in _DIGIT and s[i + 1] in _DIGIT]
    if len(pairs) != 1 or not _adjacent(s[pairs[0]], s[pairs[0] + 1]):
        return None
    i = pairs[0]
    low = _number(s[:i] + s[i] + s[i + 2 :])
    high = _number(s[:i] + s[i + 1] + s[i + 2 :])
    if low is None or high is None or not low < high:
        return None
    return float(low), float(high)
