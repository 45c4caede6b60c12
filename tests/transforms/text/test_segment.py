"""Layout: wrapped lines joined, headlines/bylines/captions kept apart, sentences split."""

from transforms.text.segment import MAX_SENTENCE, segment


def _sentences(text: str) -> list[str]:
    return [s["text"] for s in segment(text).sentences]


def _roles(text: str) -> dict[str, str]:
    return {s["text"]: s["role"] for s in segment(text).sentences}


WRAPPED = (
    "拟定任务书、列出时间\n表、规划路线图，在28\n件市区民生实事基础\n上，全区主动加压、自我\n"
    "加码，增加为民办实事\n43件，区级领导牵头推\n进沧沟场镇危桥。\n"
)


def test_hard_wrapped_lines_are_joined() -> None:
    assert _sentences(WRAPPED) == [
        "拟定任务书、列出时间表、规划路线图，在28件市区民生实事基础上，全区主动加压、自我加码，"
        "增加为民办实事43件，区级领导牵头推进沧沟场镇危桥。"
    ]


def test_blank_line_between_wrapped_lines_is_ignored() -> None:
    double_spaced = "\n\n".join(WRAPPED.split("\n"))
    assert _sentences(double_spaced) == _sentences(WRAPPED)


def test_headline_deck_byline_and_caption_are_not_glued() -> None:
    page = (
        "车有序、出行顺畅、文明和谐的居住环境。\n\n执法用心 服务暖心\n多部门联合开展10项综合整治行动\n\n"
        "以上率下，推进全局。当前的武隆，一场场生动的\n“我为群众办实事”实践活动在蓬勃展开。\n"
        "本报记者 姜喜艳 石亮\n▲ 鸽子花 旅游志愿服务队帮助14名残疾游客。邓道理 摄\n"
    )
    roles = _roles(page)
    assert roles["执法用心 服务暖心"] == "headline"
    assert roles["多部门联合开展10项综合整治行动"] == "subheadline"
    assert roles["以上率下，推进全局。"] == "body"
    assert roles["本报记者 姜喜艳 石亮"] == "byline"
    assert roles["鸽子花 旅游志愿服务队帮助14名残疾游客。"] == "caption"  # bullet removed
    assert roles["邓道理 摄"] == "caption"
    seg = segment(page)
    assert [s["title"] for s in seg.stories] == [None, "执法用心 服务暖心"]
    assert seg.counts == {"caption_bullet": 1}


def test_long_paragraph_broken_mid_sentence_is_joined() -> None:
    body = "把便捷的医疗服务送到" + "老百姓" * 15
    assert _sentences(body + "\n\n身边，惠及民众上千人。") == [body + "身边，惠及民众上千人。"]


def test_sentence_split_keeps_closing_quotes_and_half_width_marks() -> None:
    text = "他说：“有啥问题，都好解决。”社区的事为啥好解决?百安新村变了!整改;完成。"
    assert _sentences(text) == [
        "他说：“有啥问题，都好解决。”",
        "社区的事为啥好解决?",
        "百安新村变了!",
        "整改;",
        "完成。",
    ]


def test_teaser_lines_become_teaser_stories() -> None:
    page = (
        "正文第一段，讲了很多事情。\n"
        "村民收割水稻。龚长浩摄 重庆垫江:农机助秋收 立秋后,45万亩水稻相继成熟!【详细】\n"
        "专区上线 人民网重庆8月20日电 (刘政宁)20日,专区正式上线。 据了解,新上线的…【详细】\n"
    )
    seg = segment(page)
    assert [s["kind"] for s in seg.stories] == ["article", "teaser", "teaser"]
    assert seg.stories[1]["title"] == "重庆垫江:农机助秋收"
    teaser = [s["text"] for s in seg.sentences if s["story_ix"] == 1]
    assert teaser == ["村民收割水稻。", "龚长浩摄", "重庆垫江:农机助秋收", "立秋后,45万亩水稻相继成熟!"]
    assert "【详细】" not in seg.text
    assert seg.counts["web_residue"] == 2


def test_offsets_point_into_text() -> None:
    seg = segment(WRAPPED + "\n执法用心 服务暖心\n" + WRAPPED)
    for s in seg.sentences:
        assert seg.text[s["char_start"] : s["char_end"]] == s["text"] == s["text"].strip()
    for st in seg.stories:
        assert 0 <= st["char_start"] <= st["char_end"] <= len(seg.text)


def test_comma_run_without_full_stop_is_cut_at_clause_marks() -> None:
    clause = "街道共收集群众困难诉求5880件，其中已办结4899件，"
    seg = segment(clause * 100)
    sentences = [s["text"] for s in seg.sentences]
    assert all(len(s) <= MAX_SENTENCE for s in sentences)
    assert all(s.endswith("，") for s in sentences)  # cut after a clause mark, never inside a metric
    assert "".join(sentences) == clause * 100


def test_run_without_any_mark_is_cut_hard_but_not_inside_a_number() -> None:
    text = "街" * (MAX_SENTENCE - 1) + "12345" + "民" * MAX_SENTENCE
    sentences = [s["text"] for s in segment(text).sentences]
    assert "".join(sentences) == text and all(len(s) <= MAX_SENTENCE for s in sentences)
    assert sentences[1].startswith("12345")


def test_layout_is_a_fixed_point_of_the_joiner() -> None:
    # One pass joins the first two lines; the result is two 8-wide lines a second pass would join.
    once = segment("今年以来\n今年以来\n今年以来今年以来").text
    assert segment(once).text == once


def test_label_figure_rows_of_equal_width_stay_lines_of_their_own() -> None:
    # rows of a list are as wide as each other, like a wrapped column, but are never one paragraph
    text = "署方提供的数字如下。\n受理宗数\n2022年度：860宗\n2023年度：915宗\n2024年度：1040宗\n已结案\n"
    got = segment(text).sentences
    assert [s["text"] for s in got] == [
        "署方提供的数字如下。",
        "受理宗数",
        "2022年度：860宗",
        "2023年度：915宗",
        "2024年度：1040宗",
        "已结案",
    ]
    assert {s["role"] for s in got if "年度" in str(s["text"])} == {"body"}


def test_a_single_line_with_a_colon_and_a_number_still_joins_its_wrap() -> None:
    # one row-like line alone is not a list: a line of a wrapped column may happen to look like one
    text = "今年以来全市财政投入资金\n用于民生实事项目总额：3\n亿元，比上年增长一成多。\n"
    assert _sentences(text) == ["今年以来全市财政投入资金用于民生实事项目总额：3亿元，比上年增长一成多。"]


def test_rows_with_thousands_separators_stay_apart() -> None:
    text = "主席：\n2022年：2,860宗\n2023年：3,915宗\n署方会继续跟进。\n"
    assert _sentences(text) == ["主席：", "2022年：2,860宗", "2023年：3,915宗", "署方会继续跟进。"]


def test_a_caption_line_is_laid_out_as_a_second_pass_would() -> None:
    # the bullet is stripped, so it cannot keep its line apart: normalising the output again would
    # join the lines a first pass kept apart (found by the idempotence property)
    once = segment("今年以来\n■今年以来").text
    assert segment(once).text == once
