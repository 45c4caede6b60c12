"""Every fast path of the text stages agrees with the slow definition it replaces.

Each test builds made-up inputs from pieces (markup, mojibake, GBK/Big5/UTF-16 bytes, Traditional
text, residue lines, spaces of every kind) with a fixed seed, and compares the fast function with a
reference written the plain way: the per-character loop, the look-behind regex, the HTML parser,
the sweep until nothing changes, the whole-text OpenCC call.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from transforms.lexicon import words
from transforms.text import encoding, repairs, script, segment
from transforms.text.normalise import normalise_files
from transforms.text.opencc_backend import converter

SEED = 20260101


def _texts(pieces: list[str], n: int, longest: int = 14, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


# -- encoding ------------------------------------------------------------------------------------

_CHAR_PIECES = [
    "今年以来",
    "說區這個",
    "，。“”",
    "abc 12",
    " ",
    "\u3000",
    "\xa0",
    "\t\n\r\f\v",
    "\x1c\x85\u2028",
    "\x00\x07\x1b",
    "\ufffd",
    "ÄÖå",  # Latin-1 mojibake of UTF-8 bytes
    "鍙戝睍",  # UTF-8 bytes read as GBK
    "\U0001f600",
    "\U00020001",
    "龘䶵",  # rare Han
    "％～·",
]


def test_space_class_is_str_isspace() -> None:
    """plausibility counts spaces with the regex \\s; it must be exactly str.isspace."""
    space = re.compile(r"\s")
    for cp in [*range(0x10000), *range(0x10000, 0x110000, 97)]:
        ch = chr(cp)
        assert bool(space.fullmatch(ch)) == ch.isspace(), hex(cp)


def test_plausibility_equals_per_character_definition() -> None:
    for text in _texts(_CHAR_PIECES, 3000):
        assert encoding.plausibility(text) == encoding.plausibility_reference(text), repr(text)


def test_control_share_equals_per_character_definition() -> None:
    for text in _texts(_CHAR_PIECES, 2000):
        sample = encoding._sample(text)
        bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
        assert encoding._control_share(text) == bad / max(len(sample), 1), repr(text)


def _byte_pages() -> list[bytes]:
    rng = random.Random(SEED)
    prose = ["今年以来街道共收集群众诉求5880件，", "這個區說明了發展。", "GDP增长5.2%。", "\n", " ", "abc"]
    pages: list[bytes] = []
    for _ in range(300):
        text = "".join(rng.choice(prose) for _ in range(rng.randint(1, 12)))
        for enc in ("utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be", "utf-16"):
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                continue
            if rng.random() < 0.3:  # damage: a stray byte, a NUL, a cut-off end
                pos = rng.randrange(len(data) + 1)
                data = data[:pos] + rng.choice([b"\xff", b"\x00", b"\x80", b""]) + data[pos:]
            if rng.random() < 0.1:
                data = data[:-1]
            pages.append(data)
    pages += [bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))) for _ in range(200)]
    return pages


def test_decoding_decisions_equal_with_the_per_character_score(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every choice decode_bytes makes (encoding, rejection) is the one the plain score makes."""
    pages = _byte_pages()
    fast = [encoding.decode_bytes(p) for p in pages]
    monkeypatch.setattr(encoding, "plausibility", encoding.plausibility_reference)
    slow = [encoding.decode_bytes(p) for p in pages]
    assert fast == slow
    assert len({r[1] for r in fast}) >= 4  # the pages do reach several decoders


# -- repairs -------------------------------------------------------------------------------------

_MARKUP = [
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<br />",
    "<BR>",
    "</P>",
    "<strong>",
    "</strong>",
    "<foo>",
    "</Foo>",
    "<noscript>",
    "</noscript>",
    "<script>",
    "</script>",
    "<style>",
    "<iframe>",
    "</iframe>",
    "<p class=x>",
    '<span style="a">',
    '<p style="text-align: center;">',
    '<STRONG Style="x">',
    '<br class="a" />',
    '<br class="a"/>',
    '<img src="http://x/a.png" alt="图">',
    '<script type="t">',
    '<noscript id="n">',
    '<p a="1" b="2">',
    '<p a="1"b="2">',
    '<p a="1"  b="2">',
    '<p a="x>y">',
    '<p a="x<y">',
    '<p a="">',
    '<p a="1" >',
    "<p a='1'>",
    "<p a=1>",
    '<p 中="1">',
    '<p a:b.c-d_e@f="1">',
    '<foo x="1">',
    '<p a="&amp;">',
    '</p a="1">',
    '<p x="',
    "<!-- c -->",
    "<!DOCTYPE html>",
    "<?xml?>",
    "<",
    ">",
    "&",
    "&amp;",
    "&#1;",
    "& ",
    "<3",
    "<中",
    "<<b>p>",
    "</ p>",
    "</>",
    "</p/>",
    "<a\n>",
    "中文",
    "今天，",
    "abc",
    " ",
    "\n",
    "a<b 且 c>d",
    "<svg>",
    "</svg>",
    "<h1>",
    "</h1>",
]


def test_bare_tag_path_equals_html_parser() -> None:
    taken = attributed = 0
    for text in _texts(_MARKUP, 20000):
        fast = repairs._strip_simple_tags(text)
        if fast is None:
            continue
        taken += 1
        attributed += '="' in text  # start tags with quoted attributes take the fast path too
        assert fast == repairs._strip_tags_parsed(text), repr(text)
    assert taken > 2000
    assert attributed > 500


def _bare_tags_by_substitutions(text: str) -> tuple[str, int]:
    """The bare-tag path's replacements as the substitutions one after another that the one pass
    replaced: upper-case end tags lowered, then block tags, then inline tags."""
    lower_end, block, inline, _ = repairs._bare_tag_res()
    text = lower_end.sub(lambda m: m.group(0).lower(), text)
    text, n_block = block.subn("\n", text)
    text, n_inline = inline.subn("", text)
    return text, n_block + n_inline


def test_bare_tag_one_pass_equals_the_substitutions() -> None:
    _, _, _, apart = repairs._bare_tag_res()
    taken = 0
    for text in _texts(_MARKUP, 20000, seed=SEED + 3):
        fast = repairs._strip_simple_tags(text)
        if fast is None or apart.search(text):
            continue
        taken += 1
        assert fast == _bare_tags_by_substitutions(text), repr(text)
    assert taken > 1000


@pytest.mark.parametrize(
    "page",
    [
        "<p>今天</p><br/>",
        "<P>一</P>\n<strong>二</strong><br />",
        "a <3 b<p>c</p>",
        "<foo>x</Foo>",
        '<p class="x">a</p>',
        '<p style="text-align: center;"><strong style="a">一</strong></p>',
        '<noscript id="n">x</noscript><foo a="b">y',
    ],
)
def test_bare_tag_pages_skip_the_parser(page: str) -> None:
    fast = repairs._strip_simple_tags(page)
    assert fast is not None
    assert fast == repairs._strip_tags_parsed(page)


@pytest.mark.parametrize(
    "page",
    [
        "<p class=x>a</p>",
        "<p a='1'>",
        '<p a="1"  b="2">',
        '<p a="x>y">',
        '<script type="t">x<p></script>',
        "<!-- c --><p>",
        "<script>x<p></script>",
        "<p>a&amp;b",
        "a<",
        "<p>&#12290;",
    ],
)
def test_other_markup_goes_to_the_parser(page: str) -> None:
    assert repairs._strip_simple_tags(page) is None


_REPAIR_PIECES = [
    "现",
    "(xiàn)",
    "（xian4）",
    "(ab)",
    "(chǎng)",
    "场",
    "a",
    "1",
    "37",
    "%",
    " ",
    "  ",
    "\t",
    "\f",
    "\v",
    "\n",
    "\n\n",
    "件",
    "年",
    "http://x.cn/a",
    "https://a.b/c%E9%95%B7",
    "www.a.cn",
    "%E9%95",
    "%2",
    "ftp://q",
    "@www.x",
    "[t](http://u)",
    "![i](x)",
    "[1]: http://x",
    "[",
    "]",
    "!",
    "#",
    "### 标题",
    " # x",
    "：",
    "2024-01-02",
    "\u3000",
    "\x85",
    "\u2028",
    "５",
    "Ａ",
    "，",
    "。",
    "ü",
    "'",
    "\u200b",
    "\ufeff",
    "\u00ad",
]
_REPAIR_PIECES += list(words("web_residue.txt"))[:20] + list(words("web_residue_prefixes.txt"))[:10]
_REPAIR_PIECES += list(words("web_residue_weak.txt"))[:8]
_REPAIR_TEXTS = _texts(_REPAIR_PIECES, 20000)

_OLD_DIGIT_SPACE = re.compile(
    r"(?<=[0-9%])[ \t\f\v]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \t\f\v]+(?=[0-9])"
)


def _urls_reference(text: str) -> tuple[str, int]:
    def repl(m: re.Match[str]) -> str:
        url = m.group(0)
        return url[len(url.rstrip(repairs._URL_TAIL)) :] if "%" not in url[:1] else ""

    return repairs._URL_RE.subn(repl, text)


def _links_reference(text: str) -> tuple[str, int]:
    text, n = repairs._MD_LINK_RE.subn(lambda m: "" if m.group(1) else m.group(2), text)
    text, m = repairs._MD_REF_RE.subn("", text)
    return text, n + m


def _residue_reference(text: str) -> tuple[str, int]:
    """drop_web_residue as sweeps over every line until nothing changes."""
    lines = text.split("\n")
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    dropped = {i for i in idx if repairs.is_residue_line(lines[i])}
    if not dropped:
        return text, 0
    changed = True
    while changed:
        changed = False
        for k, i in enumerate(idx):
            if i in dropped:
                continue
            prev_i = idx[k - 1] if k else None
            next_i = idx[k + 1] if k + 1 < len(idx) else None
            if ((prev_i in dropped) or (next_i in dropped)) and repairs._is_weak(
                lines[i], lines[prev_i] if prev_i is not None and prev_i in dropped else None
            ):
                dropped.add(i)
                changed = True
    return "\n".join(ln for i, ln in enumerate(lines) if i not in dropped), len(dropped)


REFERENCES = [
    (repairs.strip_pinyin, lambda t: re.subn(repairs.PINYIN_PATTERN, "", t)),
    (repairs.join_digit_spaces, lambda t: _OLD_DIGIT_SPACE.subn("", t)),
    (repairs.strip_urls, _urls_reference),
    (repairs.strip_markdown, lambda t: repairs._MARKDOWN_RE.subn("", t)),
    (repairs.strip_link_targets, _links_reference),
    (repairs.to_halfwidth, lambda t: (t.translate(repairs._HALF), len(repairs._FULLWIDTH_RE.findall(t)))),
    (
        repairs.tidy_spaces,
        lambda t: ("\n".join(repairs._SPACES_RE.sub(" ", ln).strip() for ln in t.split("\n")), 0),
    ),
    (repairs.drop_web_residue, _residue_reference),
    (repairs.strip_zero_width, lambda t: repairs._ZERO_WIDTH_RE.subn("", t)),
]


@pytest.mark.parametrize(("fast", "reference"), REFERENCES, ids=lambda f: getattr(f, "__name__", ""))
def test_repair_fast_path_equals_reference(fast, reference) -> None:
    changed = 0
    for text in _REPAIR_TEXTS:
        expected = reference(text)
        assert fast(text) == expected, repr(text)
        changed += expected != (text, 0)
    assert changed > 50  # the inputs do exercise the repair, not only its no-op


_NUMBER_PIECES = [
    "3",
    "12",
    "697",
    " 400",
    "\u00a0200人",
    "4000",
    "١٢٣",  # other Unicode digits: \\d matches them
    "５",
    "６７８",
    "５，６７８",
    "，６７８",
    "１２，３４５，６７８",
    " ",
    "\u00a0",
    "\u2009",
    "\u202f",
    "\t",
    ".",
    ",",
    ".5",
    "，",
    "．",
    "人",
    "元",
    "%",
    "％",
    "第",
    "a",
    "\n",
]
_NUMBER_TEXTS = _texts(_NUMBER_PIECES, 20000, longest=10)
_OLD_FW_GROUP = re.compile("(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def _digit_groups_reference(text: str) -> tuple[str, int]:
    if not repairs._DIGIT_GROUPS_RE.search(text):
        return text, 0
    return repairs._DIGIT_GROUPS_RE.subn(lambda m: repairs._GROUP_SPACE_RE.sub("", m.group(0)), text)


def test_digit_groups_hint_is_in_every_match() -> None:
    """join_digit_groups skips a page without the hint: every match of the full pattern holds it."""
    joined = 0
    for text in _NUMBER_TEXTS:
        expected = _digit_groups_reference(text)
        assert repairs.join_digit_groups(text) == expected, repr(text)
        joined += expected[1] > 0
    assert joined > 50


def test_comma_first_group_separator_equals_the_look_behind_form() -> None:
    grouped = 0
    for text in _NUMBER_TEXTS:
        expected = _OLD_FW_GROUP.subn(",", text)
        assert repairs._FW_GROUP_RE.subn(",", text) == expected, repr(text)
        grouped += expected[1] > 0
    assert grouped > 50


# -- script --------------------------------------------------------------------------------------


def test_traditional_counts_equal_the_character_class() -> None:
    pattern = re.compile(script.traditional_pattern())
    chars = sorted(script.traditional_chars())
    astral = [c for c in chars if ord(c) > 0xFFFF]
    pieces = [*chars[:40], *astral[:40], *"说区这个后里于么着干发abc 1\n", "\U0001f600", "\U00020001"]
    for text in _texts(pieces, 20000, longest=10):
        assert script.count_traditional(text) == len(pattern.findall(text)), repr(text)
        assert script.has_traditional(text) == bool(pattern.search(text)), repr(text)
        assert script.count_han(text) == len(script._HAN.findall(text)), repr(text)


_MIXED_LINES = [
    "今年以来街道共收集群众诉求5880件。",
    "台湾《聯合報》報導說，",
    "乾燥天气，著名学者",  # changed by t2s although no character is Traditional-only
    "隨著活動開展  ",
    "  ",
    "",
    "萬州區(qū)百安坝街道",
    "GDP增长5.2%",
    "發展\t",
]


def test_line_by_line_t2s_equals_whole_text_t2s() -> None:
    conv = converter(script.CONFIG)
    if conv.backend != "python":
        pytest.skip("line-by-line conversion is only used with the python backend")
    pattern, fixes = script._fixes()
    rng = random.Random(SEED)
    mixed = 0  # pages Simplified by detect_script: their lines are converted stretch by stretch
    for _ in range(300):
        lines = [rng.choice(_MIXED_LINES) for _ in range(rng.randint(1, 12))]
        if rng.random() < 0.5:  # mostly Simplified: a few Traditional lines among many
            lines += ["今年以来街道共收集群众诉求5880件。"] * rng.randint(3, 80)
            rng.shuffle(lines)
        text = "\n".join(lines)
        if not script.has_traditional(text):
            continue
        mixed += script.detect_script(text) == "simplified"
        whole = pattern.sub(lambda m: fixes[m.group(0)], conv.convert(text))
        assert script._convert(text) == conv.convert(text), repr(text)
        assert script.to_simplified(text)[0] == whole, repr(text)
    assert mixed > 20


def _members(name: str) -> frozenset[str]:
    """Every character of a set _holds keeps as a BMP class plus astral leftovers."""
    bmp, astral, _ = script._holds_classes(name)
    return frozenset(chr(cp) for cp in range(0x10000) if bmp.match(chr(cp))) | astral


@pytest.mark.parametrize("name", ["traditional", "changeable"])
def test_holds_equals_set_membership(name: str) -> None:
    """One scan for the class or any astral character, then the astral ones looked up."""
    members = _members(name)
    inside = sorted(members)
    astral = [c for c in inside if ord(c) > 0xFFFF]
    pieces = [
        *inside[:30],
        *astral[:20],
        *"说区这个后里于么着abc 1\n",
        "\U0001f600",
        "\U00020001",
        "\U0002a6d6",
    ]
    found = 0
    for text in _texts(pieces, 20000, longest=8):
        expected = any(c in members for c in text)
        assert script._holds(text, name) == expected, repr(text)
        found += expected
    assert 1000 < found < 19000


_T2S_LINES = [
    "台湾《聯合報》報導說，今年以来街道共收集群众诉求5880件。",
    "乾燥天气，著名学者 隨著活動開展",
    "萬州區(qū)百安坝街道-GDP增长5.2%!發展…“後來”",
    "今年以来街道共收集群众诉求5880件。",
    "  \t",
    "",
]


def test_stretch_by_stretch_t2s_equals_the_backend_on_the_line() -> None:
    conv = converter(script.CONFIG)
    separators = script._separators(conv.convert)
    if conv.backend != "python":
        pytest.skip("stretch-by-stretch conversion is only used with the python backend")
    assert separators is not None  # the python backend's own separator pattern is found
    rng = random.Random(SEED)
    for _ in range(300):
        pieces = rng.sample(_T2S_LINES, rng.randint(1, len(_T2S_LINES)))
        line = rng.choice(["", " ", "，", "——", "a"]).join(pieces)
        assert script._convert_stretches(line, conv.convert, separators) == conv.convert(line), repr(line)


def test_changed_chars_equals_the_character_comparison() -> None:
    rng = random.Random(SEED)
    for _ in range(5000):
        a = "".join(rng.choice("說说a\n") for _ in range(rng.randint(0, 12)))
        b = list(a)
        for _ in range(rng.randint(0, 3)):  # changed characters, line breaks moved or not
            if b:
                b[rng.randrange(len(b))] = rng.choice("说區\nx")
        assert script._changed_chars(a, "".join(b)) == sum(map(str.__ne__, a, b)), (a, b)


# -- segment -------------------------------------------------------------------------------------


def test_line_end_checks_equal_the_regexes() -> None:
    pieces = list(segment.TERMINAL + segment.CLOSERS + segment._CONTINUES + "a中 \n")
    old_continues = re.compile(r"[，、,（(“‘《〈—\-·/]$")
    for text in _texts(pieces, 20000, longest=6):
        assert segment._ends_terminal(text) == bool(segment._ENDS_TERMINAL.search(text)), repr(text)
        assert segment._ends_continuing(text) == bool(old_continues.search(text)), repr(text)


def _reference_widths(lines: list[segment.Line]) -> list[float]:
    """The window scan the one-pass version replaced."""
    plain = [None if ln.standalone or ln.bullet else ln.width for ln in lines]
    refs = []
    for i, ln in enumerate(lines):
        w = segment.WINDOW
        before = next((x for x in reversed(plain[max(0, i - w) : i]) if x is not None), None)
        after = next((x for x in plain[i + 1 : i + 1 + w] if x is not None), None)
        around = [x for x in (before, after) if x is not None]
        refs.append(max(around) if around else ln.width)
    return refs


def test_reference_widths_equal_window_scan() -> None:
    rng = random.Random(SEED)
    for _ in range(2000):
        lines = []
        for _ in range(rng.randint(0, 12)):
            line = segment.Line("字" * rng.randint(1, 30) + "a" * rng.randint(0, 5))
            line.byline = rng.random() < 0.3
            line.bullet = rng.random() < 0.2
            lines.append(line)
        widths = [ln.width for ln in lines]
        ordinary: list[bool | None] = [not (ln.standalone or ln.bullet) for ln in lines]
        fast = [segment._reference_width(i, widths, ordinary) for i in range(len(lines))]
        assert fast == _reference_widths(lines)


def _should_join_reference(lines: list[segment.Line], i: int, ref: float, paragraph: float) -> bool:
    """The joiner's question for lines i and i+1, asked of Line objects (before the columns)."""
    a, b = lines[i], lines[i + 1]
    # a caption bullet does not keep its line apart: the bullet is stripped, so a second pass could
    # not see it, and the layout must be a fixed point (test_properties: normalise is idempotent)
    if a.standalone or b.standalone or segment._ENUMERATED.match(b.text):
        return False
    if segment._ends_terminal(a.text):
        return False
    if segment._ends_continuing(a.text):
        return True
    w = a.width
    if paragraph >= segment.LONG_LINE:
        return True
    if ref < segment.WRAP_SHARE * w:
        return segment._ends_terminal(b.text)
    if paragraph <= a.width and (i == 0 or segment._ends_terminal(lines[i - 1].text)):
        w += segment.INDENT
    return w >= ref - max(segment.WRAP_SLACK, (1 - segment.WRAP_SHARE) * ref)


def _glue_reference(a: str, b: str) -> str:
    ascii_end, ascii_start = re.compile(r"[A-Za-z0-9]$"), re.compile(r"^[A-Za-z0-9]")
    return a + " " + b if ascii_end.search(a) and ascii_start.search(b) else a + b


def _paragraphs_reference(lines: list[segment.Line]) -> list[tuple[segment.Line, str]]:
    """The joiner the plain way: every fact of every line asked again each round, every joined
    paragraph reclassified, the window scan for the column width, until nothing joins."""
    firsts, current = list(lines), list(lines)
    while True:
        refs = _reference_widths(current)
        joined: list[tuple[int, str]] = []
        i = 0
        while i < len(current):
            start, text, width = i, current[i].text, current[i].width
            while i + 1 < len(current) and _should_join_reference(current, i, refs[i], width):
                i += 1
                text = _glue_reference(text, current[i].text)
                width += current[i].width
            joined.append((start, text))
            i += 1
        if len(joined) == len(current):
            return [(firsts[k], ln.text) for k, ln in enumerate(current)]
        firsts = [firsts[s] for s, _ in joined]
        current = [
            current[s] if current[s].text == t else segment._reclassify(current[s], t) for s, t in joined
        ]


_PAGE_PIECES = [
    "今年以来",
    "全市",
    "，",
    "。",
    "”",
    "；",
    "、",
    " ",
    "a1",
    "abc",
    "一、",
    "（二）",
    "——",
    "图为",
    "本报记者 王明",
    "（记者 李华 摄）",
    "执法用心 服务暖心",
    "北京9月3日电",
]


def _pages(n: int, seed: int = SEED) -> list[str]:
    """Made-up pages of short lines, wrapped or not, with headlines, bylines, captions and teasers."""
    rng = random.Random(seed)
    teasers = words("teaser_markers.txt")
    pages = []
    for _ in range(n):
        lines = []
        for _ in range(rng.randint(0, 25)):
            line = "".join(rng.choice(_PAGE_PIECES) for _ in range(rng.randint(1, 9)))
            if rng.random() < 0.05:
                line += rng.choice(teasers)
            if rng.random() < 0.05:
                line = "●" + line
            lines.append(line)
        pages.append(rng.choice(["\n", "\n\n", "\n \n"]).join(lines))
    return pages


def _mark_decks_reference(lines: list[segment.Line]) -> None:
    for prev, ln in itertools.pairwise(lines):
        short = not ln.standalone and not ln.bullet and len(ln.text) <= segment.LONG_LINE
        unpunctuated = not segment._SENTENCE_PUNCT.search(ln.text) and not segment._ends_terminal(ln.text)
        if prev.spaced and short and unpunctuated:
            ln.deck = True


def _raw_lines(page: str) -> list[str]:
    return [ln for ln in map(str.strip, page.split("\n")) if ln]


def test_line_columns_equal_classify_line_by_line() -> None:
    """The page's columns hold what classify (and the deck rule) says of each line, same counts."""
    for page in _pages(3000, SEED + 2):
        counts: dict[str, int] = {}
        fast = segment._classify_lines(_raw_lines(page), counts)
        segment._mark_decks(fast)
        ref_counts: dict[str, int] = {}
        ref = [ln for ln in (segment.classify(r, ref_counts) for r in _raw_lines(page)) if ln.text]
        _mark_decks_reference(ref)
        assert [fast.line(k) for k in range(len(fast.texts))] == ref, page
        assert counts == ref_counts


def test_enumerated_lines_start_with_the_listed_characters() -> None:
    """The joiner asks _ENUMERATED only of lines starting with one of _ENUMERATED_FIRST."""
    tails = ["、", "一、", "）", "一）", ")", "一)", "章", "一章", "条", "部分"]
    for cp in range(0x10000):
        ch = chr(cp)
        if any(segment._ENUMERATED.match(ch + tail) for tail in tails):
            assert ch in segment._ENUMERATED_FIRST, hex(cp)


def test_bullet_lines_are_the_lines_opening_with_a_bullet_character() -> None:
    """_classify_lines sends a line to classify when its first character is a bullet."""
    lex = segment._lexicons()
    for cp in range(0x10000):
        ch = chr(cp)
        assert bool(lex["bullet"].match(ch + "图为")) == (ch in lex["bullet_chars"]), hex(cp)


def test_joiner_equals_reference() -> None:
    """The column joiner with lazily classified paragraphs gives the plain joiner's paragraphs."""
    for page in _pages(3000):
        lines = segment._classify_lines(_raw_lines(page), {})
        segment._mark_decks(lines)
        objects = [lines.line(k) for k in range(len(lines.texts))]
        index = {id(ln): k for k, ln in enumerate(objects)}
        reference = [(index[id(first)], text) for first, text in _paragraphs_reference(objects)]
        assert segment._paragraphs(lines) == reference, page


def _stories_reference(paragraphs: list[segment.Paragraph]) -> list[segment.Story]:
    """The story grouping as first written: a story's headline and body looked up in its
    paragraphs at every block, one paragraph at a time."""
    stories: list[segment.Story] = [segment.Story("article")]
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if p.role == "teaser":
            stories.append(segment.Story("teaser", [p]))
            i += 1
            continue
        if p.role in ("headline", "byline"):
            j = i
            while j < len(paragraphs) and paragraphs[j].role in ("headline", "byline"):
                j += 1
            block = paragraphs[i:j]
            current = stories[-1]
            starts_story = any(q.role == "headline" for q in block) and len(block) >= 2
            titled = any(q.role == "headline" for q in current.paragraphs)
            if current.kind == "teaser" or (starts_story and (current.has_body() or titled)):
                current = segment.Story("article")
                stories.append(current)
            has_title = any(q.role == "headline" for q in current.paragraphs)
            for q in block:
                if q.role == "headline" and (has_title or current.has_body()):
                    q.role = "subheadline"
                elif q.role == "headline":
                    has_title = True
                current.paragraphs.append(q)
            i = j
            continue
        if stories[-1].kind == "teaser":
            stories.append(segment.Story("article"))
        stories[-1].paragraphs.append(p)
        i += 1
    return [s for s in stories if s.paragraphs]


def test_stories_equal_reference() -> None:
    rng = random.Random(SEED)
    roles = ["body", "body", "body", "caption", "headline", "headline", "byline", "teaser"]
    for _ in range(5000):
        made = [(rng.choice(roles), str(k)) for k in range(rng.randint(0, 20))]
        fast = segment._stories([segment.Paragraph(r, t) for r, t in made])
        reference = _stories_reference([segment.Paragraph(r, t) for r, t in made])
        assert fast == reference, made


def test_page_sentences_equal_paragraph_by_paragraph() -> None:
    """One scan of the page text finds each paragraph's sentences, shifted to page offsets."""
    for page in _pages(3000, SEED + 1):
        seg = segment.segment(page)
        paragraphs = seg.text.split("\n") if seg.text else []
        roles = dict(zip(seg.sentence_columns["para_ix"], seg.sentence_columns["role"], strict=True))
        expected, offset = [], 0
        for k, text in enumerate(paragraphs):
            role = roles.get(k, "body")
            expected += [(offset + s, offset + e) for s, e in segment._split_sentences(text, role)]
            offset += len(text) + 1
        starts, ends = seg.sentence_columns["char_start"], seg.sentence_columns["char_end"]
        assert list(zip(starts, ends, strict=True)) == expected, page


def test_segment_of_stripped_lines_equals_segment() -> None:
    """normalise hands segment tidy_spaces' output, whose lines need no second strip."""
    for page in _pages(2000, SEED + 4):
        tidy, _ = repairs.tidy_spaces(page + _other_spaces(page))
        assert segment.segment(tidy, stripped=True) == segment.segment(tidy), repr(tidy)


def _other_spaces(page: str) -> str:
    """Spaces of other kinds around a page's lines (tidy_spaces strips them)."""
    return "\n \u3000x\u2028 \n\t" if len(page) % 3 == 0 else ""


def _split_reference(text: str, role: str) -> list[tuple[int, int]]:
    """_split_sentences without its fast path for ordinary paragraphs."""
    cuts: list[tuple[int, int]] = []
    dateline = segment._DATELINE.match(text)
    pieces: list[tuple[int, int]] = []
    start = 0
    if dateline:
        pieces.append((0, dateline.end()))
        start = dateline.end()
    for m in segment._SENTENCE.finditer(text, start):
        if m.end() > m.start():
            pieces.append((m.start(), m.end()))
    if role == "teaser":
        split: list[tuple[int, int]] = []
        for s, e in pieces:
            pos = s
            for sp in re.finditer(r" +", text[s:e]):
                split.append((pos, s + sp.start()))
                pos = s + sp.end()
            split.append((pos, e))
        pieces = split
    for s, e in (span for piece in pieces for span in segment._cap(text, *piece)):
        chunk = text[s:e]
        if segment._WORD.search(chunk):
            cuts.append((s + len(chunk) - len(chunk.lstrip()), e - (len(chunk) - len(chunk.rstrip()))))
    return cuts


def test_sentence_split_equals_reference() -> None:
    pieces = [
        "今年以来",
        "，",
        "。",
        "！",
        "”",
        "）",
        " ",
        "  ",
        "\u3000",
        "a1",
        "北京9月3日电",
        "…",
        "；",
        "——",
    ]
    pieces += ["收集诉求5880件，" * 40]  # over MAX_SENTENCE
    for i, text in enumerate(_texts(pieces, 6000, longest=12)):
        role = "teaser" if i % 5 == 0 else "body"
        assert segment._split_sentences(text, role) == _split_reference(text, role), repr(text)


# -- normalise -----------------------------------------------------------------------------------


def test_frames_of_files_without_text_keep_their_schemas() -> None:
    import polars as pl

    from transforms.schemas import DOCUMENTS, FILES, SENTENCES, STORIES

    files = pl.DataFrame([{"path": "a.txt", "name": "a.txt", "error": "empty file"}], schema=FILES)
    docs, stories, sentences = normalise_files(files)
    assert docs.schema == pl.Schema(DOCUMENTS) and docs["error"].to_list() == ["empty file"]
    assert stories.equals(pl.DataFrame([], schema=STORIES))
    assert sentences.equals(pl.DataFrame([], schema=SENTENCES))
