"""Decode raw bytes of a Chinese page whose encoding nobody told us.

Pages arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030/GBK or Big5. GB18030
decodes almost any byte soup without error, so "decodes cleanly" is not enough: among the clean
decodings we keep the one whose characters look most like ordinary Chinese, i.e. the largest share
of common Han characters (GB2312 level 1 + Big5 level 1, both derived from the codecs themselves)
and the fewest rare or control characters.

Two kinds of damage are tolerated rather than fatal, since losing a whole page to them is worse:
a UTF-8 page with a few stray bytes (a truncated copy, a bad sector) is decoded with those bytes
replaced by U+FFFD and says so in its encoding label; UTF-16 without a BOM competes with the
other candidates on the same score (ASCII-heavy UTF-16 is full of NULs, so it is tried before
NUL bytes mean "binary").
"""

from __future__ import annotations

import codecs
from functools import cache

# (magic prefix, label): formats that are certainly not text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"\x7fELF", "elf"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy encodings tried when the bytes are not UTF-8, in order of preference on a tie.
LEGACY = ("gb18030", "big5")
# Below this share of plausible characters a decoding is rejected as "not Chinese text".
MIN_PLAUSIBLE = 0.6
# Tolerated share of undecodable bytes before giving up on a legacy or UTF-8 decoding. Text in one
# encoding read as another fails on a large share of its bytes, so a share this small is damage.
MAX_REPLACED = 0.002
# A short file may still carry a couple of stray bytes (one truncated character is up to 3).
MIN_REPLACED = 4
UTF16 = ("utf-16-le", "utf-16-be")


@cache
def common_chars() -> frozenset[str]:
    """Frequent Han characters: GB2312 level 1 (Simplified) and Big5 level 1 (Traditional)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(c for c in chars if len(c) == 1)


_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～％　")


def plausibility(text: str) -> float:
    """Share of non-space characters that are common Han, ASCII printable or CJK punctuation."""
    common = common_chars()
    total = good = 0
    for ch in text:  # only called on a bounded sample, see _sample
        if ch.isspace():
            continue
        total += 1
        if ch in common or ch in _PUNCT or " " < ch < "\x7f":
            good += 1
    return good / total if total else 0.0


def _sample(text: str, size: int = 20000) -> str:
    """Head, middle and tail of a long text: enough to judge a decoding without scanning megabytes."""
    if len(text) <= 3 * size:
        return text
    mid = len(text) // 2
    return text[:size] + text[mid : mid + size] + text[-size:]


def _control_share(text: str) -> float:
    sample = _sample(text)
    bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    return bad / max(len(sample), 1)


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Return (text, encoding, error); exactly one of text and error is set. Never raises."""
    if not data:
        return None, None, "empty file"
    for magic, label in _MAGIC:
        if data.startswith(magic):
            return None, None, f"binary file ({label})"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                damaged = _lenient_utf8(data[len(bom) :]) if enc == "utf-8-sig" else None
                if damaged is None:
                    return None, None, f"undecodable {enc} with BOM: {exc.reason}"
                return _accept(damaged[2], damaged[1], bom=True)
            return _accept(text, "utf-8" if enc == "utf-8-sig" else enc, bom=True)
    if b"\x00" in data:
        best = _best(_utf16(data))
        if best is None or best[0] < MIN_PLAUSIBLE:
            return None, None, "binary file (NUL bytes)"
        return _accept(best[2], best[1])
    try:
        return _accept(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [c for c in (_lenient_utf8(data),) if c is not None]
    for enc in LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            text = data.decode(enc, errors="replace")
            if text.count("\ufffd") > MAX_REPLACED * len(text):
                continue
        score = plausibility(_sample(text)) - text.count("\ufffd") / max(len(text), 1)
        candidates.append((score, enc, text))
    best = _best([*candidates, *_utf16(data)])
    if best is None or best[0] < MIN_PLAUSIBLE:
        return None, None, "undecodable: not UTF-8, UTF-16, GB18030 or Big5 text"
    return _accept(best[2], best[1])


def _best(candidates: list[tuple[float, str, str]]) -> tuple[float, str, str] | None:
    """The highest score; on a tie the earliest candidate (the order says which is likelier)."""
    best = None
    for c in candidates:
        if best is None or c[0] > best[0]:
            best = c
    return best


def _lenient_utf8(data: bytes) -> tuple[float, str, str] | None:
    """UTF-8 with its few invalid bytes replaced by U+FFFD, as a scored candidate labelled with the
    number of bytes replaced; None when too many bytes are invalid for this to be damaged UTF-8."""
    invalid = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    if not invalid or invalid > max(MIN_REPLACED, MAX_REPLACED * len(data)):
        return None
    text = data.decode("utf-8", errors="replace")
    score = plausibility(_sample(text)) - text.count("\ufffd") / max(len(text), 1)
    return score, f"utf-8 ({invalid} invalid byte{'s' if invalid > 1 else ''} replaced)", text


def _utf16(data: bytes) -> list[tuple[float, str, str]]:
    """BOM-less UTF-16 (either byte order) as scored candidates; odd lengths and unpaired surrogates
    rule it out. NUL code units only come from misreading ASCII-heavy UTF-16 in the wrong order or
    from binary, so any of them count against the score like undecodable characters do."""
    if len(data) % 2:
        return []
    out = []
    for enc in UTF16:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = _sample(text)
        out.append((plausibility(sample) - _control_share(sample), enc, text))
    return out


def _accept(text: str, encoding: str, bom: bool = False) -> tuple[str | None, str | None, str | None]:
    if _control_share(text) > 0.01:
        return None, None, "binary file (control characters)"
    if not bom and text.strip() and plausibility(_sample(text)) < MIN_PLAUSIBLE:
        return None, None, f"not text: decodes as {encoding} but looks like binary"
    return text, encoding, None
