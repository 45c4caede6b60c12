"""Decoding: every supported encoding of a real seed gives back the same text; junk is refused."""

from pathlib import Path

import pytest

from transforms.text.encoding import common_chars, decode_bytes, label, label_repairs

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
@pytest.mark.parametrize(
    "text", [SEED_SIMP, SEED_TRAD, "今年以来收集群众困难诉求" * 30]
)  # the last has no NUL
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


# --- one odd byte never loses a page (issue 18): repair, say so in the label, keep the rest ---

PAGE = "区县民生简报\n今年以来，全镇共走访困难家庭736户，发放救助金42.5万元。\n" * 40


def _cesu8(ch: str) -> bytes:
    """A character outside the BMP written as two separately encoded surrogates (CESU-8)."""
    units = ch.encode("utf-16-le")
    return b"".join(
        chr(int.from_bytes(units[i : i + 2], "little")).encode("utf-8", "surrogatepass") for i in (0, 2)
    )


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "big5"])
def test_a_stray_nul_is_dropped_not_taken_for_binary(codec: str) -> None:
    data = PAGE.encode(codec, errors="ignore")
    cut = len(PAGE[:40].encode(codec, errors="ignore"))  # on a character boundary
    text, encoding, error = decode_bytes(data[:cut] + b"\x00" + data[cut:])
    assert error is None and text == data.decode(codec)
    assert encoding == f"{codec} (1 NUL byte removed)"
    assert label_repairs(encoding) == {"nul_bytes": 1}


def test_many_nuls_are_still_binary() -> None:
    data = PAGE.encode()
    assert decode_bytes(data.replace("，".encode(), b"\x00"))[2] == "binary file (NUL bytes)"


def test_cesu8_emoji_are_joined() -> None:
    head, tail = PAGE[:20].encode(), PAGE[20:].encode()
    text, encoding, error = decode_bytes(head + _cesu8("🎉") * 3 + tail + _cesu8("🏠"))
    assert error is None
    assert text == PAGE[:20] + "🎉" * 3 + PAGE[20:] + "🏠"
    assert encoding == "utf-8 (4 CESU-8 surrogate pairs joined)"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_one_byte_short_loses_only_that_byte(codec: str) -> None:
    text, encoding, error = decode_bytes(PAGE.encode(codec)[:-1])
    assert error is None and text == PAGE[:-1]
    assert encoding == f"{codec} (1 trailing byte dropped)"


def test_ansi_escape_sequences_are_removed() -> None:
    coloured = "".join(
        f"\x1b[1;3{i % 8}m{line}\x1b[0m\x1b]0;title\x07\n" for i, line in enumerate(PAGE.splitlines())
    )
    text, encoding, error = decode_bytes(coloured.encode())
    assert error is None and "\x1b" not in text
    assert text == PAGE
    assert label_repairs(encoding) == {"ansi_escape": 3 * len(PAGE.splitlines())}


def test_labels_and_counts_round_trip() -> None:
    repairs = {"invalid_bytes": 3, "nul_bytes": 1, "cesu8": 2, "truncated": 1, "ansi_escape": 7}
    assert label_repairs(label("gb18030", repairs)) == repairs
    assert label("utf-8", {}) == "utf-8" and label_repairs("utf-8") == {}


@pytest.mark.parametrize(
    ("codec", "page"),
    [
        ("big5hkscs", "屋邨大廈今年共維修三十幢，住戶約兩萬人，每幢開支約一百萬元，工程為期半年。"),
        ("cp950", "本店招牌碁盤與銹蝕鐵架均已更換，費用合計新臺幣三萬元，由店東自行負擔。"),
    ],
)
def test_big5_supersets_of_hong_kong_and_taiwan_are_read(codec: str, page: str) -> None:
    """A Big5-HKSCS (邨) or cp950 (碁 銹) page is not plain Big5, yet must not be lost or damaged."""
    with pytest.raises(UnicodeEncodeError):
        page.encode("big5")
    text, encoding, error = decode_bytes(page.encode(codec))
    assert error is None and text == page and encoding == codec


def test_a_page_plain_big5_reads_keeps_the_label_big5() -> None:
    page = "本局今年共批出三十宗申請，涉及金額約一百萬元，較去年增加一成。"
    assert decode_bytes(page.encode("big5"))[1] == "big5"


def test_a_hong_kong_page_dated_with_a_circle_zero_keeps_it() -> None:
    """Big5-HKSCS writes 〇 as C6E2, which plain Big5 and cp950 decode as the kana ま without an error;
    a page whose only HKSCS character is that 〇 must still read as Big5-HKSCS."""
    for page in (
        "本署二〇二五年共處理三千二百宗申請，較二〇二四年增加一成。",
        "①全年共處理三千二百宗申請；②較去年增加一成。",  # HKSCS list markers share that area
    ):
        text, encoding, error = decode_bytes(page.encode("big5hkscs"))
        assert error is None and text == page and encoding == "big5hkscs"


def test_common_characters_hold_no_kana() -> None:
    # Big5 level 1 ends at C67E; the codec's C6A1-C8FE are ETEN's kana and Cyrillic
    assert not any("\u3040" <= c <= "\u30ff" for c in common_chars())
    assert {"的", "國", "国"} <= common_chars()
