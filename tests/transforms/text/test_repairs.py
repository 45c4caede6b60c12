"""Each repair kind on a small real-looking fixture, its count, and idempotency."""

import re

import pytest

from transforms.text import repairs

CASES = [
    (repairs.fix_newlines, "第一行\r\n第二行\r\n", "第一行\n第二行\n", 2),
    (repairs.strip_zero_width, "各位代表：\u200d现在\u200b", "各位代表：现在", 2),
    (repairs.decode_entities, "共&nbsp;5880件&amp;nbsp;&#12290;", "共\xa05880件\xa0。", 4),
    (repairs.strip_tags, "<p><strong>央视网消息</strong>：今天</p><br/>", "\n央视网消息：今天\n\n", 5),
    (repairs.strip_markdown, "### 标题\n正文", "标题\n正文", 1),
    (repairs.strip_pinyin, "現(xiàn)場辦公，萬州區(qū)，統（tǒng）领", "現場辦公，萬州區，統领", 3),
    (repairs.strip_pinyin, "現(xiàn)(xiàn)場", "現場", 1),  # a run goes at once, or a 2nd pass finds more
    (
        repairs.to_halfwidth,
        "增长５．２％，ＧＤＰ　总量",
        "增长5.2%，GDP 总量",
        8,
    ),  # ． between digits: a point
    (repairs.to_halfwidth, "月薪４万５，６７８元，共１，２，３项", "月薪4万5,678元，共1，2，3项", 9),
    (repairs.to_halfwidth, "据点１２处﹐服务逾５万人﹔其中", "据点12处，服务逾5万人；其中", 5),  # small forms
    (repairs.to_halfwidth, "第３章．附则", "第3章．附则", 1),
    (repairs.to_halfwidth, "年增７．５﹪，占比３０﹪", "年增7.5%，占比30%", 7),  # ﹪: the small percent sign
    (
        repairs.join_digit_spaces,
        "形成了37 件，50 余万元，2024 年，达 99.5%",
        "形成了37件，50余万元，2024年，达99.5%",
        4,
    ),
    (repairs.join_digit_spaces, "收集30\f件", "收集30件", 1),  # any space tidy_spaces would collapse
]


@pytest.mark.parametrize(("fn", "raw", "expected", "count"), CASES)
def test_repair_and_count(fn, raw: str, expected: str, count: int) -> None:
    fixed, n = fn(raw)
    assert fixed == expected
    assert n == count
    assert fn(fixed) == (fixed, 0)  # idempotent: a second pass finds nothing to repair


def test_pinyin_leaves_ordinary_parentheses() -> None:
    text = "各村(社区)和企业(APP)以及(de)和2023(1)"
    assert repairs.strip_pinyin(text) == (text, 0)


def test_mojibake_both_seed_spots_are_realigned() -> None:
    raw = "生活都上了檔次!闭f起眼前的變化。以前可雜亂無章!鄙鐓^(qū)干部說"
    fixed, n = repairs.fix_mojibake(raw)
    assert n == 2
    assert fixed == "生活都上了檔次！”說起眼前的變化。以前可雜亂無章！”社區(qū)干部說"
    assert not re.search(repairs.MOJIBAKE_PATTERN, repairs.strip_pinyin(fixed)[0])


def _slip(original: str) -> str:
    """Reproduce the damage: GBK bytes, ！ made half-width and the next byte (the quote's lead) lost."""
    data = original.encode("gbk")
    i = data.index("！".encode("gbk"))
    return (data[:i] + b"!" + data[i + 3 :]).decode("gbk")


@pytest.mark.parametrize("original", ["真好！”區域變了", "檔次！”說起來", "亂無章！”社區幹部"])
def test_mojibake_rule_is_generic(original: str) -> None:
    """Any '！”' + text that went through the same byte slip is recovered, not just the seed spots."""
    slipped = _slip(original)
    assert slipped != original
    assert repairs.fix_mojibake(slipped) == (original, 1)


def test_mojibake_leaves_normal_text_alone() -> None:
    text = "你好!欢迎下载APP,请在官网注册;谢谢"
    assert repairs.fix_mojibake(text) == (text, 0)


def test_web_residue_lines_are_dropped() -> None:
    text = "下载\n打印\n全屏\n【字号：\n加大\n还原\n减小\n】\n来源：解放日报\n正文加大投入。\n【字体：\n大\n中\n小\n】\n正文"
    fixed, n = repairs.drop_web_residue(text)
    assert fixed == "正文加大投入。\n正文"
    assert n == 14
    one_line = "下载 打印 全屏 【字号：加大 还原 减小】\n正文"
    assert repairs.drop_web_residue(one_line) == ("正文", 1)


def test_lone_font_letters_stay_without_residue_around() -> None:
    assert repairs.drop_web_residue("大\n中\n小") == ("大\n中\n小", 0)


# --- markup never reaches sentences: script/style bodies, link targets, encoded URLs (issue 15, 17) ---


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "<p>区政府</p><script>var n = 99; if (a < b) { go('</p>'); }</script>新建公园3个",
            "\n区政府\n新建公园3个",
        ),
        ("<STYLE type='text/css'>p { width: 50% }</STYLE>投入资金8万元", "投入资金8万元"),
        ("<noscript><img src=x.gif></noscript>共有12户<!-- 统计 -->", "共有12户"),
        ('<a href="https://example.gov.cn/%E9%95%B7%E5%AF%BF/2021.html" title="链接">长寿区</a>', "长寿区"),
        ("价格<5元，且 a<b 且 c>d", "价格<5元，且 a<b 且 c>d"),  # "b 且 c" is no element: prose stays
        ("<svg><text>666件</text></svg>办结", "办结"),
    ],
)
def test_strip_tags_drops_hidden_content_and_attributes(raw: str, expected: str) -> None:
    assert repairs.strip_tags(raw)[0] == expected


def test_an_unclosed_script_swallows_only_its_own_line() -> None:
    text, count = repairs.strip_tags("标题\n<script>track(7)共有8件\n全年受理来信215件。\n")
    assert text == "标题\n\n全年受理来信215件。\n"
    assert count == 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("详见[区政务网](https://www.example.cn/%E6%94%BF%E5%8A%A1/12.html)公告", "详见区政务网公告"),
        ("如图![航拍图](img/2023.png)所示", "如图所示"),
        ("正文\n[3]: http://example.org/a%20b\n结尾", "正文\n\n结尾"),
    ],
)
def test_markdown_links_keep_their_text_only(raw: str, expected: str) -> None:
    assert repairs.strip_link_targets(raw)[0] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("请登录https://zwfw.example.cn/item/2024-01/88.htm。办理", "请登录。办理"),
        ("网址www.example.gov.cn，电话", "网址，电话"),
        ("（来源：http://x.example/a）", "（来源：）"),
        ("地址%E9%87%8D%E5%BA%86%E5%B8%82结束", "地址结束"),
        ("增长7.5%，占比12%A级", "增长7.5%，占比12%A级"),  # a percent sign is not an escape
    ],
)
def test_bare_urls_and_percent_escapes_go(raw: str, expected: str) -> None:
    fixed, _ = repairs.strip_urls(raw)
    assert fixed == expected
    assert repairs.strip_urls(fixed) == (fixed, 0)


def test_control_characters_go_and_are_counted() -> None:
    assert repairs.strip_controls("共\x07收集\x08诉求\x9b12件\t。\n") == ("共收集诉求12件\t。\n", 3)
