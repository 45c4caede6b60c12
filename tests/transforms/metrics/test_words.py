"""The word cutter around metrics: jieba's dictionary words, with tags the subject rules read."""

from __future__ import annotations

import random
from math import log

import jieba

from transforms.lexicon import table
from transforms.metrics import words as w
from transforms.metrics.words import tag


def test_han_runs_are_cut_like_jieba_without_hmm() -> None:
    for text in ("新改建乡村道路和桥梁", "累计培训返乡创业青年", "城乡居民医疗保险参保率"):
        assert [w.text for w in tag(text)] == list(jieba.cut(text, HMM=False))


def test_tags_come_from_the_dictionary_and_others_are_read() -> None:
    words = dict(tag("新建5G基站，投入资金"))
    assert words["投入"] == "v"
    assert words["5G"] == "eng"
    assert words["，"] == "x"
    assert words["资金"] == "n"


def test_empty_text_has_no_words() -> None:
    assert tag("") == ()


def test_the_fused_cut_is_jiebas_maximum_probability_cut() -> None:
    texts = ("城乡居民人均可支配收入分别增长", "新建改造地下管网", "提质改造农村公路", "结婚的和尚未结婚的")
    for text in texts:
        assert [w.text for w in tag(text)] == list(jieba.cut(text, HMM=False))


def test_dictionary_gaps_are_cut_whole_with_their_tag() -> None:
    # word_tags.csv: 医共体 is missing from jieba's dictionary, 上线 is there as a noun
    assert dict(tag("县域医共体")) == {"县域": "n", "医共体": "n"}
    assert dict(tag("上线事项"))["上线"] == "v"


def test_the_mixed_fast_path_cuts_like_jieba_without_hmm() -> None:
    # digits, Latin (regrouped letters), punctuation, whitespace, a char outside jieba's Han range
    texts = (
        "新建5G基站 2 个\r\n完成",
        "GDP增长5.2%，CPI上涨0.3%",
        "abc de\t12.5%增长",
        "ＡＢＣ１２号",
        "鿖ab",
    )
    for text in texts:
        assert [w.text for w in tag(text)] == list(jieba.cut(text, HMM=False))


def test_the_dictionary_tags_are_poseggs_own() -> None:
    import jieba.posseg

    from transforms.metrics.words import _dictionary_tags, _jieba

    assert _dictionary_tags(_jieba()[0]) == jieba.posseg.dt.word_tag_tab


def test_the_prefix_dictionary_is_jiebas_own() -> None:
    # built from dict.txt in _dictionary_tags; jieba's gen_pfdict over the same file must agree
    from transforms.metrics.words import _jieba

    ours = _jieba()[0]
    fresh = jieba.Tokenizer()
    with fresh.get_dict_file() as f:
        freq, total = fresh.gen_pfdict(f)
    added = {w for w, f in ours.FREQ.items() if freq.get(w) != f}  # word_tags.csv's additions only
    assert total <= ours.total
    # a word jieba has already changes only when word_tags.csv gives it a count (时长: 等待|时长 must
    # beat 等待时|长); every other addition is new
    counted = {r["word"] for r in table("word_tags.csv") if r.get("freq")}
    assert all(not freq.get(w) or w in counted for w in added)
    assert {w: f for w, f in ours.FREQ.items() if w not in added} == {
        w: f for w, f in freq.items() if w not in added
    }


def test_a_year_in_chinese_digits_is_one_time_word() -> None:
    assert tag("由二○二四年一月")[:2] == (("由", "p"), ("二○二四年", "t"))
    assert ("二〇二七年度", "t") in tag("二〇二七年度预算")
    assert [w.text for w in tag("零售额")] == ["零售额"]  # 零 alone is no year


def test_a_bracketed_roc_year_is_one_time_word() -> None:
    assert tag("去（112）年旅客")[0] == ("去（112）年", "t")
    assert ("明(116)年度", "t") in tag("明(116)年度预算")
    assert all(w.tag != "t" for w in tag("（一）旅客"))  # a list marker is no year


def test_a_text_ending_a_routed_text_is_cut_as_if_alone() -> None:
    # The route is built right to left, so the cut of any suffix of a routed text is the route's
    # words from there: every suffix of made-up clauses, each cut after its whole, against a cut
    # from an empty memory and against jieba itself.
    tokenizer, _ = w._jieba()
    freq, logtotal = tokenizer.FREQ, log(tokenizer.total)
    clauses = [
        "全市新改建乡村道路和桥梁累计培训返乡创业青年",
        "城乡居民人均可支配收入分别增长",
        "结婚的和尚未结婚的提质改造农村公路",
        "规模以上工业企业研发经费支出占营业收入比重",
    ]
    rng = random.Random(7)
    pool = "".join(clauses)
    clauses += ["".join(rng.choice(pool) for _ in range(rng.randint(2, 30))) for _ in range(300)]
    for clause in clauses:
        w._RECENT.clear()
        w._cut_han(clause, freq, logtotal)
        for k in range(len(clause)):
            suffix = clause[k:]
            reused = w._cut_han(suffix, freq, logtotal)
            w._RECENT.clear()
            fresh = w._cut_han(suffix, freq, logtotal)
            assert reused == fresh == list(jieba.cut(suffix, HMM=False)), suffix
            w._cut_han(clause, freq, logtotal)
