"""Decode raw bytes of a Chinese page whose encoding nobody told us.

Pages arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030/GBK or Big5. GB18030
decodes almost any byte soup without error, so "decodes cleanly" is not enough: among the clean
decodings we keep the one whose characters look most like ordinary Chinese, i.e. the largest share
of common Han characters (GB2312 level 1 + Big5 level 1, both derived from the codecs themselves)
and the fewest rare or control characters.

Damage is tolerated rather than fatal, since losing a whole page to one odd byte is worse: a
UTF-8 page with a few stray bytes (a truncated copy, a bad sector) is decoded with those bytes
replaced by U+FFFD; a few NUL bytes are dropped (NUL is never part of a multi-byte character in
UTF-8, GB18030 or Big5); emoji written as CESU-8 (each UTF-16 surrogate encoded on its own, as Java
and MySQL's old utf8 do) are joined back; UTF-16 one byte short loses only that byte; ANSI terminal
escape sequences (a page saved from a console) are removed. Each repair is written into the
encoding label (``utf-8 (1 NUL byte removed)``), and ``label_repairs`` reads it back as counts so
the normaliser can add them to ``documents.repairs``. UTF-16 without a BOM competes with the other
candidates on the same score (ASCII-heavy UTF-16 is full of NULs, so it is tried before NUL bytes
mean "binary").
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterable
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

# Legacy encodings tried when the bytes are not UTF-8, in order of preference on a tie. Big5 comes
# in two supersets that real pages use: cp950 (Windows in Taiwan: 碁 銹 裏 恒 €) and Big5-HKSCS
# (Hong Kong: 邨 堃 啲 嘅). A page in either fails plain Big5 on each such character, and one
# 屋邨 in a short release is already more damage than MAX_REPLACED tolerates. Plain Big5 stays first
# so a page both read alike keeps the label big5.
LEGACY = ("gb18030", "big5", "cp950", "big5hkscs")
# Below this share of plausible characters a decoding is rejected as "not Chinese text".
MIN_PLAUSIBLE = 0.6
# Tolerated share of undecodable bytes before giving up on a legacy or UTF-8 decoding. Text in one
# encoding read as another fails on a large share of its bytes, so a share this small is damage.
MAX_REPLACED = 0.002
# A short file may still carry a couple of stray bytes (one truncated character is up to 3).
MIN_REPLACED = 4
UTF16 = ("utf-16-le", "utf-16-be")

# A high and a low surrogate, each encoded as three UTF-8-style bytes (CESU-8).
_CESU_PAIR = re.compile(rb"\xed[\xa0-\xaf][\x80-\xbf]\xed[\xb0-\xbf][\x80-\xbf]")
# ECMA-48 escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \\), and two-byte escapes.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]"
)
# Repair notes in encoding labels: (kind in documents.repairs, singular, plural).
_NOTES: tuple[tuple[str, str, str], ...] = (
    ("invalid_bytes", "invalid byte replaced", "invalid bytes replaced"),
    ("nul_bytes", "NUL byte removed", "NUL bytes removed"),
    ("cesu8", "CESU-8 surrogate pair joined", "CESU-8 surrogate pairs joined"),
    ("truncated", "trailing byte dropped", "trailing bytes dropped"),
    ("ansi_escape", "ANSI escape sequence removed", "ANSI escape sequences removed"),
)
_NOTE_RE = re.compile(r"^(\d+) (.+)$")


@cache
def common_chars() -> frozenset[str]:
    """Frequent Han characters: GB2312 level 1 (Simplified) and Big5 level 1 (Traditional)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    for lead in range(0xA4, 0xC7):
        # level 1 ends at C67E: Python's big5 fills C6A1-C8FE with ETEN's kana and Cyrillic, which
        # are no common Han (and are where Big5-HKSCS has 〇 and other characters of its own)
        trails = range(0x40, 0x7F) if lead == 0xC6 else [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("big5"))
    return frozenset(c for c in chars if len(c) == 1)


# CJK punctuation, 〇 (the zero of 二〇二五年) and list markers (①, ⑴, ⅰ, Ⅰ): plain Big5 and cp950 read
# Big5-HKSCS's C6A1-C6E2 (① … ⑽ ⅰ … ⅹ … 〇) as kana without an error, so without them the two
# decodings of a Hong Kong page tie and the wrong one wins.
_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～％　〇①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ")


def char_class(chars: Iterable[str]) -> str:
    """A regex character class body for ``chars``, written as ranges (thousands of Han characters
    compile to a few hundred ranges, matched in C by a bitmap)."""
    cps = sorted(map(ord, chars))
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return "".join(parts)


@cache
def _implausible_re() -> re.Pattern[str]:
    """A non-space character that ``plausibility`` does not count as good (``\\s`` is exactly
    ``str.isspace``: both use the same Unicode whitespace table)."""
    good = set(common_chars()) | _PUNCT | {chr(c) for c in range(0x21, 0x7F)}
    return re.compile(r"[^\s" + char_class(good) + "]")


_SPACE_RE = re.compile(r"\s")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f]")  # below " " and not \t \n \v \f \r


def plausibility(text: str) -> float:
    """Share of non-space characters that are common Han, ASCII printable or CJK punctuation.

    Counted by two regex scans in C; ``plausibility_reference`` is the same rule spelt out per
    character (the tests hold them equal)."""
    total = len(text) - len(_SPACE_RE.findall(text))
    if not total:
        return 0.0
    return (total - len(_implausible_re().findall(text))) / total


def plausibility_reference(text: str) -> float:
    """``plausibility`` one character at a time: the definition the fast version must match."""
    common = common_chars()
    total = good = 0
    for ch in text:
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
    return len(_CONTROL_RE.findall(sample)) / max(len(sample), 1)


def label(encoding: str, repairs: dict[str, int]) -> str:
    """``encoding`` plus a note per repair, e.g. ``utf-8 (3 invalid bytes replaced; 1 NUL byte removed)``."""
    notes = [f"{n} {one if n == 1 else many}" for kind, one, many in _NOTES if (n := repairs.get(kind, 0))]
    return f"{encoding} ({'; '.join(notes)})" if notes else encoding


def label_repairs(encoding: str | None) -> dict[str, int]:
    """The repair counts written into an encoding label by ``label`` ({} for a clean decoding)."""
    if not encoding or not encoding.endswith(")") or " (" not in encoding:
        return {}
    kinds = {phrase: kind for kind, one, many in _NOTES for phrase in (one, many)}
    out: dict[str, int] = {}
    for note in encoding[encoding.index(" (") + 2 : -1].split("; "):
        m = _NOTE_RE.match(note)
        if m and m.group(2) in kinds:
            out[kinds[m.group(2)]] = out.get(kinds[m.group(2)], 0) + int(m.group(1))
    return out


def _damage_limit(size: int) -> float:
    """Bytes a page may lose to damage before it is taken for something that is not this text."""
    return max(MIN_REPLACED, MAX_REPLACED * size)


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Return (text, encoding, error); exactly one of text and error is set. Never raises."""
    if not data:
        return None, None, "empty file"
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return None, None, f"binary file ({name})"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, bom, enc)
    if b"\x00" in data:
        best = _best(_utf16(data))
        if best is not None and best[0] >= MIN_PLAUSIBLE:
            return _accept(best[2], best[1])
        nuls = data.count(b"\x00")
        if nuls > _damage_limit(len(data)):
            return None, None, "binary file (NUL bytes)"
        text, encoding, _error = decode_bytes(data.replace(b"\x00", b""))
        if text is None or encoding is None:
            return None, None, "binary file (NUL bytes)"
        return text, _add_note(encoding, "nul_bytes", nuls), None
    joined, pairs = _join_cesu8(data)
    try:
        return _accept(joined.decode("utf-8"), label("utf-8", {"cesu8": pairs}))
    except UnicodeDecodeError:
        pass
    candidates = [c for c in (_lenient_utf8(joined, pairs),) if c is not None]
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


def _decode_bom(data: bytes, bom: bytes, enc: str) -> tuple[str | None, str | None, str | None]:
    """A page with a byte-order mark: its encoding is given, only damage needs handling."""
    repairs: dict[str, int] = {}
    body = data
    if enc == "utf-16" and len(data) % 2:  # one byte short: only the last character is lost
        body, repairs["truncated"] = data[:-1], 1
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as exc:
        if enc != "utf-8-sig":
            return None, None, f"undecodable {enc} with BOM: {exc.reason}"
        joined, pairs = _join_cesu8(data[len(bom) :])
        try:
            return _accept(joined.decode("utf-8"), label("utf-8", {"cesu8": pairs}), bom=True)
        except UnicodeDecodeError:
            pass
        damaged = _lenient_utf8(joined, pairs)
        if damaged is None:
            return None, None, f"undecodable {enc} with BOM: {exc.reason}"
        return _accept(damaged[2], damaged[1], bom=True)
    return _accept(text, label("utf-8" if enc == "utf-8-sig" else enc, repairs), bom=True)


def _add_note(encoding: str, kind: str, n: int) -> str:
    """Add a repair note to a label that may already carry some."""
    base = encoding.split(" (", 1)[0]
    repairs = label_repairs(encoding)
    repairs[kind] = repairs.get(kind, 0) + n
    return label(base, repairs)


def _join_cesu8(data: bytes) -> tuple[bytes, int]:
    """Surrogate pairs written as CESU-8 -> proper 4-byte UTF-8; (bytes, pairs joined)."""
    if b"\xed" not in data:
        return data, 0

    def join(m: re.Match[bytes]) -> bytes:
        return (
            m.group(0)
            .decode("utf-8", "surrogatepass")
            .encode("utf-16-le", "surrogatepass")
            .decode("utf-16-le")
            .encode()
        )

    return _CESU_PAIR.subn(join, data)


def _best(candidates: list[tuple[float, str, str]]) -> tuple[float, str, str] | None:
    """The highest score; on a tie the earliest candidate (the order says which is likelier)."""
    best = None
    for c in candidates:
        if best is None or c[0] > best[0]:
            best = c
    return best


def _lenient_utf8(data: bytes, cesu_pairs: int = 0) -> tuple[float, str, str] | None:
    """UTF-8 with its few invalid bytes replaced by U+FFFD, as a scored candidate labelled with the
    number of bytes replaced; None when too many bytes are invalid for this to be damaged UTF-8."""
    invalid = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    if not invalid or invalid > _damage_limit(len(data)):
        return None
    text = data.decode("utf-8", errors="replace")
    score = plausibility(_sample(text)) - text.count("\ufffd") / max(len(text), 1)
    return score, label("utf-8", {"invalid_bytes": invalid, "cesu8": cesu_pairs}), text


def _utf16(data: bytes) -> list[tuple[float, str, str]]:
    """BOM-less UTF-16 (either byte order) as scored candidates; odd lengths and unpaired surrogates
    rule it out. NUL code units only come from misreading ASCII-heavy UTF-16 in the wrong order or
    from binary, so any of them count against the score like undecodable characters do. A page one
    byte short (a truncated copy) loses that byte, not the page."""
    repairs: dict[str, int] = {}
    if len(data) % 2:
        data, repairs["truncated"] = data[:-1], 1
    out = []
    for enc in UTF16:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = _sample(text)
        out.append((plausibility(sample) - _control_share(sample), label(enc, repairs), text))
    return out


def _accept(text: str, encoding: str, bom: bool = False) -> tuple[str | None, str | None, str | None]:
    if "\x1b" in text or "\x9b" in text:
        text, n = _ANSI.subn("", text)
        if n:
            encoding = _add_note(encoding, "ansi_escape", n)
    if _control_share(text) > 0.01:
        return None, None, "binary file (control characters)"
    if not bom and text.strip() and plausibility(_sample(text)) < MIN_PLAUSIBLE:
        return None, None, f"not text: decodes as {encoding} but looks like binary"
    return text, encoding, None
