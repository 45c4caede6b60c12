"""Text repairs, each a pure ``str -> (str, count)`` so every change can be counted per document.

The counts end up in ``documents.repairs`` ({kind: count}) so a reviewer can see what was changed.
Every repair is idempotent: applied to its own output it changes nothing (normalisation as a whole
must be idempotent). Word lists live in ``transforms/text/lexicons/``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from html.parser import HTMLParser

from transforms.lexicon import words
from transforms.text.encoding import common_chars

# Lowercase pinyin syllable(s) with tone marks or tone numbers, in half- or full-width parentheses,
# right after a Han character: 現(xiàn)場 -> 現場. Neutral-tone syllables without marks are left alone
# (indistinguishable from Latin words in parentheses).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"(?:[a-zü]{{0,6}}[{_TONED}][a-zü]{{0,6}}|[a-zü]{{1,6}}[1-5])"
# A run of annotations goes at once (現(xiàn)(xiàn)場): removing one would put the next right after a
# Han character, so a second pass would find more to strip.
PINYIN_PATTERN = rf"(?<=[\u4e00-\u9fff])(?:[(（]{_SYLLABLE}(?:[ ']?{_SYLLABLE})*[)）])+"
# The same matches, written to start with the parenthesis: a pattern that starts with a look-behind
# is tried at every position of the page, one that starts with a character class only where it occurs.
_SYLLABLES = rf"{_SYLLABLE}(?:[ ']?{_SYLLABLE})*"
_PINYIN_SCAN = rf"[(（](?<=[\u4e00-\u9fff][(（]){_SYLLABLES}[)）](?:[(（]{_SYLLABLES}[)）])*"

# GBK misalignment: a full-width ！？；：， became half-width and swallowed the lead byte of the closing
# quote after it; the following bytes were then paired off by one until an ASCII-range trail byte
# (0x40-0x7E) realigned them: 檔次！”說起 -> 檔次!闭f起. The leftover signature is a half-width
# punctuation mark, a short run of double-byte characters and a lone ASCII character.
MOJIBAKE_PATTERN = r"[!?;:,][^\x00-\x7f\s]{1,12}[\x40-\x7e](?![A-Za-z0-9])"
_LOST_LEADS = (b"\xa1",)  # GBK row of CJK punctuation: ” ’ 」 』 all start with 0xA1
_CLOSERS = "”’」』"
_FULL_PUNCT = {"!": "！", "?": "？", ";": "；", ":": "：", ",": "，"}

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")

_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG_START_RE = re.compile(r"<[A-Za-z!/?]")  # only then is there markup to parse at all
_MARKDOWN_RE = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+")
# The same marks found from the line break before them (a fast literal scan), and on the first line.
_MARKDOWN_FIRST_RE = re.compile(r"[ \t]*#{1,6}[ \t]+")
_MARKDOWN_LATER_RE = re.compile(r"\n[ \t]*#{1,6}[ \t]+")
# [text](target "title") and ![alt](target): the text stays, the target and images go.
_MD_LINK_RE = re.compile(
    r"(!?)\[([^\[\]\n]{0,300})\]\(\s*[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\s*\)"
)
# The same links from their "[" on: a pattern that starts with a literal is searched for in C at
# memchr speed, one that starts with an optional "!" is tried at every position of the page.
_MD_LINK_FROM_BRACKET_RE = re.compile(_MD_LINK_RE.pattern[len("(!?)") :])
assert _MD_LINK_RE.pattern.startswith("(!?)\\[")
# A reference-style link definition line: [1]: http://...
_MD_REF_RE = re.compile(r"(?m)^[ \t]{0,3}\[[^\]\n]{1,100}\]:[ \t]*\S+[^\n]*$")
# A bare URL runs over ASCII that is not space or a delimiter; CJK text (and full-width punctuation)
# ends it. Runs of %XX escapes are link targets split off their URL (%E9%95%B7 is an encoded 長).
_URL_RE = re.compile(r"(?<![A-Za-z0-9.@])(?:(?:https?|ftp)://|www\.)[!-~]+|(?:%[0-9A-Fa-f]{2}){2,}")
# _URL_RE on a page with no URL in it: (?:%[0-9A-Fa-f]{2}){2,}, written to start with the literal
_PERCENT_RUN_RE = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})+")
_URL_TAIL = ")]}>\"',.;:!?"  # closing marks right after a URL belong to the sentence
# C0 controls except tab and line breaks, DEL and C1 controls: never text, and they break output.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Full-width ASCII digits/letters, ％, and exotic spaces -> half-width; Chinese punctuation stays
# (small form variants become their ordinary forms).
_HALF = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    0xFF05: ord("%"),
    0xFE6A: ord("%"),  # ﹪, the small percent sign of Big5 pages (１２．５﹪)
    0x3000: ord(" "),
    0x00A0: ord(" "),
    **{cp: ord(" ") for cp in range(0x2002, 0x200B)},
    0x202F: ord(" "),
    # small form variants (Big5 pages from Taiwan and Hong Kong): ﹔ must split a sentence like ；
    0xFE50: ord("，"),
    0xFE51: ord("、"),
    0xFE54: ord("；"),
    0xFE55: ord("："),
    0xFE56: ord("？"),
    0xFE57: ord("！"),
}
# Between full-width digits, ． is a decimal point (３．５％ is 3.5%, not 3 and 5%) and ， before
# exactly three digits a thousands separator (４万５，６７８元); elsewhere both stay punctuation.
_FW_DECIMAL_RE = re.compile("(?<=[0-9０-９])．(?=[０-９])|(?<=[０-９])．(?=[0-9])")
# Written to start with the ， (scanned for in C) and look back from it; the same matches as
# (?<=[０-９])，(?=[０-９]{3}(?![０-９])), which was tried at every position of every page.
_FW_GROUP_RE = re.compile("，(?<=[０-９]，)(?=[０-９]{3}(?![０-９]))")
_FULLWIDTH_RE = re.compile("[" + "".join(chr(c) for c in _HALF) + "]")
_HALF_CHARS = {chr(k): chr(v) for k, v in _HALF.items()}

# The same space class tidy_spaces collapses: a \f left here would become a space after this ran.
# Written to start with the space (scanned for in C) and look back from it; the same matches as
# (?<=[0-9%])[ \t\f\v]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \t\f\v]+(?=[0-9]).
_DIGIT_SPACE_RE = re.compile(
    r"[ \t\f\v](?:(?<=[0-9%][ \t\f\v])[ \t\f\v]*(?=[\u4e00-\u9fff])"
    r"|(?<=[\u4e00-\u9fff][ \t\f\v])[ \t\f\v]*(?=[0-9]))"
)
# 3 697 400人: Hong Kong's statistics write thousands apart with a space (or a no-break or thin
# space). Groups after the first are exactly three digits, the first is one to three digits not
# preceded by a number, and a Han character or % follows (a table row of bare numbers does not).
_DIGIT_GROUPS_RE = re.compile(
    r"(?<![\d.,])(?<!\d[ \u00a0\u2009\u202f])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+"
    r"(?=(?:\.\d+)?[ \u00a0\u2009\u202f]?[\u4e00-\u9fff%])"
)
# What every match of _DIGIT_GROUPS_RE holds (the last digit of a group, its space, three digits),
# space first: the look-behinds that open _DIGIT_GROUPS_RE are tried at every position of a page,
# and nearly no page has a space-grouped number (bench corpus: none of 247 pages).
_DIGIT_GROUPS_HINT_RE = re.compile(r"[ \u00a0\u2009\u202f](?<=\d[ \u00a0\u2009\u202f])\d{3}")
_GROUP_SPACE_RE = re.compile(r"[ \u00a0\u2009\u202f]")
_SPACES_RE = re.compile(r"[ \t\f\v]+")
# The runs _SPACES_RE.sub(" ") changes: all but a single " ", each matched whole from its first
# character (a class first: scanned for in C, where an alternation is tried at every position).
_SPACES_TO_COLLAPSE_RE = re.compile(r"[ \t\f\v](?:[ \t\f\v]+|(?<=[\t\f\v]))")
_RESIDUE_PREFIX_MAX = 40


def fix_newlines(text: str) -> tuple[str, int]:
    """CRLF and lone CR -> LF."""
    n = text.count("\r")
    return (text.replace("\r\n", "\n").replace("\r", "\n"), n) if n else (text, 0)


def strip_zero_width(text: str) -> tuple[str, int]:
    """Zero-width characters go; a page without any (nearly all) is told by six fast ``in`` scans."""
    if not any(c in text for c in _ZERO_WIDTH):
        return text, 0
    return _ZERO_WIDTH_RE.subn("", text)


def decode_entities(text: str) -> tuple[str, int]:
    """&nbsp; &amp; &#12290; ...; twice, for double-escaped pages (&amp;nbsp;)."""
    total = 0
    for _ in range(2):
        text, n = _ENTITY_RE.subn(lambda m: html.unescape(m.group(0)), text)
        total += n
        if not n:
            break
    return text, total


@cache
def _tag_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return (
        frozenset(words("html_block_tags.txt")),
        frozenset(words("html_inline_tags.txt")),
        frozenset(words("html_hidden_tags.txt")),
    )


_ATTR_NAME_RE = re.compile(r"[A-Za-z_:@][-A-Za-z0-9_:.@]*")


def _markup_attrs(attrs: list[tuple[str, str | None]]) -> bool:
    """Attribute names of real markup are ASCII; ``a<b 且 c>d`` is prose that merely looks like a tag."""
    return all(_ATTR_NAME_RE.fullmatch(name) for name, _ in attrs)


class _TagStripper(HTMLParser):
    """Text of an HTML-ish page: known tags removed (block tags -> line break), the content of
    script/style/... dropped, attributes (href targets) never emitted, unknown tags kept as text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # entities were decoded already; do not decode twice
        self.out: list[str] = []
        self.count = 0
        self.hidden: list[str] = []  # open hidden elements
        self.block, self.inline, self.drop = _tag_lists()

    def _tag(self, tag: str, text: str, end: bool = False) -> None:
        if tag in self.drop:
            self.count += 1
            if end:
                if tag in self.hidden:
                    del self.hidden[len(self.hidden) - 1 - self.hidden[::-1].index(tag) :]
            else:
                self.hidden.append(tag)
            return
        if self.hidden:
            return
        if tag in self.block:
            self.count += 1
            self.out.append("\n")
        elif tag in self.inline:
            self.count += 1
        else:
            self.out.append(text)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.start(tag, attrs, self.get_starttag_text() or "")

    def start(self, tag: str, attrs: list, text: str) -> None:
        """A start tag whose source is ``text`` (also called by ``_strip_simple_tags``)."""
        self._tag(tag if _markup_attrs(attrs) else "", text)

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # <br/>: one tag, one break
        self.startend(tag, attrs, self.get_starttag_text() or "")

    def startend(self, tag: str, attrs: list, text: str) -> None:
        """An empty-element tag whose source is ``text`` (also called by ``_strip_simple_tags``)."""
        if not _markup_attrs(attrs):
            self._tag("", text)
        elif tag in self.drop:
            self.count += 1
        else:
            self._tag(tag, text)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, f"</{tag}>", end=True)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.count += 1

    def handle_decl(self, decl: str) -> None:
        self.count += 1

    def handle_pi(self, data: str) -> None:
        self.count += 1

    def unknown_decl(self, data: str) -> None:
        self.count += 1


def strip_tags(text: str) -> tuple[str, int]:
    """Tags go (block tags become line breaks, they separate paragraphs); script, style and the like
    go with their content; link targets never appear. Uses a real HTML parser, since a regex cannot
    know where a script ends (``</script>`` inside a string, ``<`` in code). A hidden element left
    open at the end of the page (a truncated copy) swallows only the rest of its own line, so a stray
    ``<script>`` never loses the page. Most pages hold only bare tags (<p>, </p>, <br/>, and start
    tags with plain quoted attributes, <p style="...">): those skip the parser's tokeniser and get
    its result from ``_strip_simple_tags``."""
    if not _TAG_START_RE.search(text):
        return text, 0
    simple = _strip_simple_tags(text)
    if simple is not None:
        return simple
    return _strip_tags_parsed(text)


# Attributes a start tag may carry and still be read without HTMLParser: each one space, an ASCII
# name that _markup_attrs accepts, "=" and a double-quoted value without a quote, "<", ">" or line
# break (<p style="text-align: center;">). HTMLParser reads exactly these as one start tag with
# these attribute names, whose values the stripper never looks at.
_SIMPLE_ATTRS = r'(?: [A-Za-z_:@][-A-Za-z0-9_:.@]*="[^"<>\n]*")*'
# Every "<" of a page, and with it the bare tags most pages are made of (<p>, </p>, <br/>, <br />,
# <p style="...">); group 3 holds the attributes of a start tag.
_LT_RE = re.compile(rf"<(?:(/?)([A-Za-z][A-Za-z0-9]*)({_SIMPLE_ATTRS})( ?/)?>)?")
# A "<" that is neither a bare tag nor text to HTMLParser: markup only the parser can read.
_NOT_BARE_LT_RE = re.compile(
    rf"<(?:\Z|[!?]|(?=[A-Za-z])(?![A-Za-z][A-Za-z0-9]*{_SIMPLE_ATTRS}(?: ?/)?>)|/(?![A-Za-z][A-Za-z0-9]*>))"
)
# An "&" that HTMLParser would read as the start of a reference (or holds back at the very end).
_AMP_REF_RE = re.compile(r"&(?:[A-Za-z#]|\Z)")
_NOT_MARKUP_AFTER_LT = frozenset("!/?abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _strip_simple_tags(text: str) -> tuple[str, int] | None:
    """``strip_tags`` for a page whose markup is only bare tags, without HTMLParser's tokeniser;
    None when anything else is there (other attributes than ``_SIMPLE_ATTRS``, comments,
    declarations, a reference, a "<" or "&" at the very end), and then the parser decides. Both
    tokenisers see the same tokens on such a page: a bare tag is one token to both, and a "<" before
    anything but a letter, "!", "/" or "?" is text to both. Hidden elements nest, so those pages go
    through the stripper's own handlers (``_strip_simple_tags_in_order``); on the others each tag's
    fate depends on its name alone, and every tag is replaced in one pass: an end tag that stays text is handed over in lower
    case, block tags become line breaks, inline tags go. This one pass is the substitutions one
    after another (upper-case end tags, then block tags, then inline ones) that it replaces:
    lower-casing and line breaks make no new tag, and the tags a removal could make (<<b>p> gives
    <p>, text to HTMLParser too) are made only after the last pass. A page holds a handful of
    distinct tags many times over, so the replacements are looked up per distinct tag."""
    if _AMP_REF_RE.search(text) or _NOT_BARE_LT_RE.search(text):
        return None
    parts = _BARE_TAG_SPLIT_RE.split(text)  # text, tag, text, tag, ..., text
    found = Counter(parts[1::2])
    names = {t: _TAG_NAME_RE.match(t).group(1).lower() for t in found}  # type: ignore[union-attr]
    if not _apart_names().isdisjoint(names.values()):  # a hidden element, or script/style (raw content)
        return _strip_simple_tags_in_order(text)
    block, inline, _ = _tag_lists()
    replace: dict[str, str] = {}
    count = 0
    for tag, name in names.items():
        if name in block or name in inline:
            replace[tag] = "\n" if name in block else ""
            count += found[tag]
        else:
            replace[tag] = tag.lower() if tag[1] == "/" else tag
    parts[1::2] = map(replace.__getitem__, parts[1::2])
    return "".join(parts), count


# Any bare tag (see _NOT_BARE_LT_RE), kept by ``split``, and its name.
_BARE_TAG_SPLIT_RE = re.compile(rf"(<(?:/[A-Za-z][A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*{_SIMPLE_ATTRS}(?: ?/)?)>)")
_TAG_NAME_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


@cache
def _apart_names() -> frozenset[str]:
    """Tags whose content is not text: the hidden ones and HTMLParser's raw-content elements."""
    return _tag_lists()[2] | frozenset(_TagStripper.CDATA_CONTENT_ELEMENTS)


@cache
def _bare_tag_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(end tags with an upper-case letter, and bare tags named in the block, inline and hidden
    lists (with script and style)), case-insensitive in ASCII only, as HTMLParser lowers names."""
    block, inline, _ = _tag_lists()

    def bare(names: frozenset[str]) -> re.Pattern[str]:
        alternatives = "|".join(map(re.escape, sorted(names)))
        return re.compile(rf"(?ai)<(?:/(?:{alternatives})|(?:{alternatives}){_SIMPLE_ATTRS}(?: ?/)?)>")

    upper_end = re.compile(r"</(?=[A-Za-z0-9]*[A-Z])[A-Za-z][A-Za-z0-9]*>")
    return upper_end, bare(block), bare(inline), bare(_apart_names())


def _strip_simple_tags_in_order(text: str) -> tuple[str, int] | None:
    """``_strip_simple_tags`` through the stripper's handlers, tag by tag: hidden elements nest."""
    stripper = _TagStripper()
    cdata = stripper.CDATA_CONTENT_ELEMENTS
    pos = 0
    for m in _LT_RE.finditer(text):
        name = m.group(2)
        if name is None:  # a lone "<": text only when something other than markup follows it
            nxt = text[m.end() : m.end() + 1]
            if not nxt or nxt in _NOT_MARKUP_AFTER_LT:
                return None
            continue
        tag = name.lower()
        if tag in cdata:
            return None
        if pos < m.start():
            stripper.handle_data(text[pos : m.start()])
        pos = m.end()
        if m.group(1):
            if m.group(3) or m.group(4):  # </p/>, </p a="b">: not a bare tag
                return None
            stripper.handle_endtag(tag)
        elif m.group(4):
            stripper.startend(tag, [], m.group(0))
        else:
            stripper.start(tag, [], m.group(0))
    if pos < len(text):
        stripper.handle_data(text[pos:])
    return "".join(stripper.out), stripper.count


def _strip_tags_parsed(text: str) -> tuple[str, int]:
    """``strip_tags`` through HTMLParser: any markup."""
    parser = _TagStripper()
    parser.feed(text)
    parser.close()
    pending = parser.rawdata  # text the parser still holds back: an unclosed script/style, "<a" ...
    out, count = "".join(parser.out), parser.count
    if pending and (parser.hidden or parser.cdata_elem):
        _, _, rest = pending.partition("\n")
        more, n = strip_tags(rest) if rest else ("", 0)
        return out + ("\n" + more if rest else ""), count + n
    if pending:
        out += pending
    return out, count


def strip_link_targets(text: str) -> tuple[str, int]:
    """Markdown links keep their text and lose their target; images and link definitions go."""
    if "[" not in text:  # both patterns start with one
        return text, 0
    text, n = _strip_md_links(text)
    m = 0
    if "]:" in text:  # in every link definition
        text, m = _MD_REF_RE.subn("", text)
    return text, n + m


def _strip_md_links(text: str) -> tuple[str, int]:
    """``_MD_LINK_RE.subn(link text, or nothing for an image)``, found from the "[": a match of
    ``_MD_LINK_RE`` at a "!" is the match from the "[" after it, and the "!" before a "[" is never
    part of the previous match (which ends with ")")."""
    out: list[str] = []
    pos = n = 0
    for m in _MD_LINK_FROM_BRACKET_RE.finditer(text):
        start = m.start()
        image = start > pos and text[start - 1] == "!"
        out.append(text[pos : start - 1 if image else start])
        out.append("" if image else m.group(1))
        pos = m.end()
        n += 1
    if not n:
        return text, 0
    out.append(text[pos:])
    return "".join(out), n


def strip_urls(text: str) -> tuple[str, int]:
    """Bare URLs and runs of %XX escapes: addresses, never page text (and never a metric)."""

    def repl(m: re.Match[str]) -> str:
        url = m.group(0)
        return url[len(url.rstrip(_URL_TAIL)) :] if "%" not in url[:1] else ""

    if "://" in text or "www." in text:  # every URL alternative of _URL_RE holds one of these
        return _URL_RE.subn(repl, text)
    if "%" in text:
        return _PERCENT_RUN_RE.subn("", text)
    return text, 0


def strip_controls(text: str) -> tuple[str, int]:
    """Control characters a page should not contain (a stray BEL, backspace, C1 bytes)."""
    return _CONTROL_RE.subn("", text)


def strip_markdown(text: str) -> tuple[str, int]:
    """Markdown heading markers (### title) of scraped transcripts."""
    if "#" not in text:
        return text, 0
    first = _MARKDOWN_FIRST_RE.match(text)  # a match never runs into the next line
    text, n = _MARKDOWN_LATER_RE.subn("\n", text[first.end() :] if first else text)
    return text, n + bool(first)


@cache
def _mojibake_re() -> re.Pattern[str]:
    return re.compile(MOJIBAKE_PATTERN)


def _realign(run: str) -> str | None:
    """The run re-encoded as GBK with the lost lead byte put back, if that reads as clean text."""
    try:
        raw = run.encode("gbk")
    except UnicodeEncodeError:
        return None
    common = common_chars()
    for lead in _LOST_LEADS:
        try:
            fixed = (lead + raw).decode("gbk")
        except UnicodeDecodeError:
            continue
        if fixed[:1] in _CLOSERS and all(c in common for c in fixed[1:]):
            return fixed
    return None


def fix_mojibake(text: str) -> tuple[str, int]:
    """Repair GBK-misaligned spots (see MOJIBAKE_PATTERN); run on the raw script, before t2s."""
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        fixed = _realign(m.group(0)[1:])
        if fixed is None:
            return m.group(0)
        count += 1
        return _FULL_PUNCT[m.group(0)[0]] + fixed

    text = _mojibake_re().sub(repl, text)
    return text, count


@cache
def _pinyin_re() -> re.Pattern[str]:
    return re.compile(_PINYIN_SCAN)  # PINYIN_PATTERN, scanned for faster


def strip_pinyin(text: str) -> tuple[str, int]:
    return _pinyin_re().subn("", text)


def to_halfwidth(text: str) -> tuple[str, int]:
    """``text.translate(_HALF)``, one replacement per match: translating a whole CJK page through a
    dict costs a lookup per character, and most pages hold a handful of these characters."""
    n = 0
    if "．" in text:
        text, k = _FW_DECIMAL_RE.subn(".", text)
        n += k
    if "，" in text:
        text, k = _FW_GROUP_RE.subn(",", text)
        n += k
    text, k = _FULLWIDTH_RE.subn(lambda m: _HALF_CHARS[m.group(0)], text)
    return text, n + k


def join_digit_groups(text: str) -> tuple[str, int]:
    """3 697 400人 -> 3697400人: a space as the thousands separator (Hong Kong), one number."""
    if not _DIGIT_GROUPS_HINT_RE.search(text):
        return text, 0
    return _DIGIT_GROUPS_RE.subn(lambda m: _GROUP_SPACE_RE.sub("", m.group(0)), text)


# 1 9 9 7年, 7 4 7 7 2亿元, 1 1 %: a page whose text extraction put a space between every digit. A run of
# single digits one space apart; only a page with several runs of three or more is taken as damaged
# (a list of single numbers, 1 2 3, or a phone number 2 8 5 6 is one run at most).
_SPACED_DIGITS_RE = re.compile(r"(?<![\d.,])\d(?: \d)+(?![\d.,])")
_SPACED_POINT_RE = re.compile(r"(?<=\d)(?: [．.] ?|[．.] )(?=\d)")  # at least one space beside the point
_SPACED_PERCENT_RE = re.compile(r"(?<=\d) [%％]")
_SPACED_HINT_RE = re.compile(r" (?<=[0-9] )[0-9] [0-9]")  # a run of three, space first (scanned in C)
SPACED_DIGIT_RUNS = 3  # runs of three or more digits a page must hold before any run is joined


# 1，992亿元, 33，212万吨: old texts (1980s reports) group thousands with a full-width comma between ASCII
# digits; only a page with several such numbers followed by a unit is taken as written so
_COMMA_GROUPS_UNIT_RE = re.compile(
    r"(?<![\d.,，])\d{1,3}(?:，\d{3})+(?=多?[万亿千百]?[\u4e00-\u9fff%])(?![\d，])"
)
_COMMA_HINT_RE = re.compile(r"，(?<=[0-9]，)[0-9]{3}")  # what every match holds, comma first (scanned in C)
COMMA_GROUP_NUMBERS = 3  # such numbers a page must hold before any is read as one


def join_comma_groups(text: str) -> tuple[str, int]:
    """1，992亿元 -> 1,992亿元 on a page that writes its thousands so throughout."""
    if _COMMA_HINT_RE.search(text) is None or len(_COMMA_GROUPS_UNIT_RE.findall(text)) < COMMA_GROUP_NUMBERS:
        return text, 0
    return _COMMA_GROUPS_UNIT_RE.subn(lambda m: m.group(0).replace("，", ","), text)


def join_spaced_digits(text: str) -> tuple[str, int]:
    """1 9 9 7年国内生产总值达到7 4 7 7 2亿元 -> 1997年…74772亿元, on a page damaged so throughout."""
    if _SPACED_HINT_RE.search(text) is None:  # a fast scan: nearly no page has a spaced digit run
        return text, 0
    runs = _SPACED_DIGITS_RE.findall(text)
    if sum(len(r) >= 5 for r in runs) < SPACED_DIGIT_RUNS:
        return text, 0
    text, n = _SPACED_DIGITS_RE.subn(lambda m: m.group(0).replace(" ", ""), text)
    # the same damage around a decimal point and a percent sign: 2 ．5亿千瓦, 增长1 1 %
    text, k = _SPACED_POINT_RE.subn(".", text)
    text, j = _SPACED_PERCENT_RE.subn("%", text)
    return text, n + k + j


def join_digit_spaces(text: str) -> tuple[str, int]:
    """37 件 -> 37件, 2024 年 -> 2024年, 达 99.5% -> 达99.5%."""
    return _DIGIT_SPACE_RE.subn("", text)


@cache
def _residue() -> tuple[re.Pattern[str], tuple[str, ...]]:
    phrases = words("web_residue.txt")
    return re.compile("|".join(re.escape(p) for p in phrases)), words("web_residue_prefixes.txt")


@cache
def _residue_start_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the start of the first line, a line break before a line) where the first non-space character
    starts a residue phrase or prefix. Only such a line can be residue (``is_residue_line``):
    removing the phrases leaves nothing only if a phrase starts at the first character, and a
    prefix starts there by definition. Searching for the line break is a fast literal scan; the
    class of the words' first characters turns most lines away before the alternation is tried
    word by word."""
    phrases, prefixes = words("web_residue.txt"), words("web_residue_prefixes.txt")
    assert all((*phrases, *prefixes))  # no empty word: every match starts with a word's first character
    firsts = "".join(sorted({re.escape(w[0]) for w in (*phrases, *prefixes)}))
    alternatives = f"(?=[{firsts}])(?:" + "|".join(re.escape(p) for p in (*phrases, *prefixes)) + ")"
    return re.compile(rf"[^\S\n]*{alternatives}"), re.compile(rf"\n[^\S\n]*{alternatives}")


def _residue_line_starts(text: str) -> list[int]:
    """Offsets of the lines ``_residue_start_re`` finds (a match never runs into the next line)."""
    first, later = _residue_start_re()
    starts = [m.start() + 1 for m in later.finditer(text)]
    return [0, *starts] if first.match(text) else starts


def is_residue_line(line: str) -> bool:
    """A line made only of web-page furniture, or a short source/time/editor line."""
    s = line.strip()
    if not s:
        return False
    pattern, prefixes = _residue()
    if not pattern.sub("", s).strip():
        return True
    return len(s) <= _RESIDUE_PREFIX_MAX and s.startswith(prefixes)


_DATETIME_RE = re.compile(r"^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s*\d{1,2}[:时]\d{2}分?(?::\d{2})?)?$")
_LABEL_RE = re.compile(r"[：:]$")


@cache
def _weak_residue() -> frozenset[str]:
    return frozenset(words("web_residue_weak.txt"))


def _is_weak(line: str, prev_line: str | None) -> bool:
    """Furniture only in context: a font-size letter, a breadcrumb, a date stamp, a label's value."""
    s = line.strip()
    if s in _weak_residue() or _DATETIME_RE.match(s):
        return True
    return prev_line is not None and bool(_LABEL_RE.search(prev_line.strip())) and len(s) <= 20


def drop_web_residue(text: str) -> tuple[str, int]:
    """Drop residue lines, then weak residue lines that touch dropped ones (until nothing changes).

    Only a line found by ``_residue_start_re`` can be residue, so only those are tested. A weak line
    is dropped once its condition holds, and that condition only grows as neighbours are dropped,
    so the result is the least set closed under it: what repeated sweeps reach, reached here by
    looking again only at the neighbours of each newly dropped line."""
    dropped: set[int] = set()
    line_no, pos = 0, 0
    for start in _residue_line_starts(text):
        line_no += text.count("\n", pos, start)
        pos = start
        end = text.find("\n", pos)
        if is_residue_line(text[pos : end if end >= 0 else len(text)]):
            dropped.add(line_no)
    if not dropped:
        return text, 0
    lines = text.split("\n")
    todo = [j for i in dropped for j in (_neighbour(lines, i, -1), _neighbour(lines, i, 1)) if j is not None]
    while todo:
        i = todo.pop()
        if i in dropped:
            continue
        prev_i, next_i = _neighbour(lines, i, -1), _neighbour(lines, i, 1)
        touches = (prev_i in dropped) or (next_i in dropped)
        if touches and _is_weak(lines[i], lines[prev_i] if prev_i in dropped else None):
            dropped.add(i)
            todo.extend(j for j in (prev_i, next_i) if j is not None)
    for i in sorted(dropped, reverse=True):
        del lines[i]
    return "\n".join(lines), len(dropped)


def _neighbour(lines: list[str], i: int, step: int) -> int | None:
    """The nearest line before (step -1) or after (+1) line i that is not blank."""
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return j
        j += step
    return None


def tidy_spaces(text: str) -> tuple[str, int]:
    """Collapse runs of spaces and trim every line (not counted: layout, not content)."""
    text = _SPACES_TO_COLLAPSE_RE.sub(" ", text)  # no run crosses a "\n"
    return "\n".join([ln.strip() for ln in text.split("\n")]), 0


Repair = Callable[[str], tuple[str, int]]

# Before Traditional->Simplified: the mojibake repair needs the original characters' GBK bytes,
# and pinyin annotations follow the original characters.
BEFORE_SCRIPT: tuple[tuple[str, Repair], ...] = (
    ("crlf", fix_newlines),
    ("control_char", strip_controls),
    ("zero_width", strip_zero_width),
    ("html_entity", decode_entities),
    ("html_tag", strip_tags),
    ("link_target", strip_link_targets),
    ("url", strip_urls),
    ("markdown", strip_markdown),
    ("mojibake", fix_mojibake),
    ("pinyin", strip_pinyin),
    ("fullwidth", to_halfwidth),
)
# After it: the residue lexicon is Simplified.
AFTER_SCRIPT: tuple[tuple[str, Repair], ...] = (
    ("digit_groups", join_digit_groups),
    ("spaced_digits", join_spaced_digits),
    ("comma_groups", join_comma_groups),
    ("digit_space", join_digit_spaces),
    ("web_residue", drop_web_residue),
    ("whitespace", tidy_spaces),
)


def apply(text: str, repairs: tuple[tuple[str, Repair], ...], counts: dict[str, int]) -> str:
    """Run ``repairs`` in order, adding non-zero counts into ``counts``."""
    for kind, fn in repairs:
        text, n = fn(text)
        if n:
            counts[kind] = counts.get(kind, 0) + n
    return text
