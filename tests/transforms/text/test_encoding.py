"""Decoding: every supported encoding of a real seed gives back the same text; junk is refused."""

from pathlib import Path

import pytest

from transforms.text.encoding import decode_bytes

RAW = Path(__file__).resolve().parents[3] / "raw"
SEED_TRAD = (RAW / "003_92522d596ed444a6.txt").read_text(encoding="utf-8")
SEED_SIMP = (RAW / "000_900b9bbc950467db.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SEED_SIMP, "utf-8", "utf-8"),
        (SEED_SIMP, "utf-8-sig", "utf-8"),
        (SEED_SIMP, "utf-16", "utf-16"),
        (SEED_SIMP, "gb18030", "gb18030"),
        (SEED_SIMP, "gbk", "gb18030"),
        (SEED_TRAD, "big5", "big5"),
        (SEED_TRAD, "gbk", "gb18030"),
        (SEED_TRAD, "utf-16", "utf-16"),
    ],
)
def test_round_trip(text: str, codec: str, expected: str) -> None:
    source = text.encode("big5", errors="ignore").decode("big5") if codec == "big5" else text
    decoded, encoding, error = decode_bytes(source.encode(codec))
    assert error is None
    assert encoding == expected
    assert decoded == source


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4, "jpeg"),
        (b"abc\x00def" * 100, "NUL"),
        (bytes(range(128, 256)) * 40, "undecodable"),
    ],
)
def test_junk_is_reported_not_raised(data: bytes, reason: str) -> None:
    text, encoding, error = decode_bytes(data)
    assert text is None and encoding is None
    assert reason in error


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [SEED_SIMP, SEED_TRAD, "今年以来收集群众困难诉求" * 30])  # the last has no NUL
def test_utf16_without_bom(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, codec, None)


def test_a_few_stray_bytes_in_utf8_are_replaced_and_reported() -> None:
    head, tail = SEED_SIMP[:2000].encode(), SEED_SIMP[2000:].encode()
    for bom in (b"", b"\xef\xbb\xbf"):
        text, encoding, error = decode_bytes(bom + head + b"\xff\xfe\x80" + tail)
        assert error is None and encoding == "utf-8 (3 invalid bytes replaced)"
        assert text == SEED_SIMP[:2000] + "\ufffd" * 3 + SEED_SIMP[2000:]


def test_legacy_text_is_not_taken_for_damaged_utf8() -> None:
    assert decode_bytes("Report 2024: 民生 ok".encode("gbk"))[1] == "gb18030"
    assert decode_bytes(SEED_SIMP.encode("gbk"))[1] == "gb18030"
