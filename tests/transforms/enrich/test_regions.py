"""Region enrichment on the real seed pages and on small crafted documents."""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path

import polars as pl
import pytest

from transforms.enrich.regions import division_table, document_regions, sentence_areas
from transforms.ingest import read_files
from transforms.text.normalise import normalise_files

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.documents.jsonl"
needs_gold = pytest.mark.skipif(not GOLD.exists(), reason="shared gold not beside the project")


@cache
def seed_frames() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents, sentences) of raw/*.txt, normalised."""
    paths = sorted(str(p) for p in (ROOT / "raw").glob("*.txt"))
    documents, _stories, sentences = normalise_files(read_files(paths))
    return documents, sentences


@cache
def gold() -> dict[str, dict]:
    return {json.loads(ln)["file"]: json.loads(ln) for ln in GOLD.read_text(encoding="utf-8").splitlines()}


def test_division_table_is_the_installed_gb2260_hierarchy() -> None:
    table = division_table()
    assert table["adcode"].str.contains(r"^\d{6}$").all()
    assert table["adcode"].is_unique().all()
    assert set(table["level"].unique()) == {"province", "city", "county"}
    row = table.filter(pl.col("adcode") == "410902").row(0, named=True)
    assert row == {
        "adcode": "410902",
        "name": "华龙区",
        "level": "county",
        "parent_adcode": "410900",
        "province": "河南省",
    }
    # municipalities hold their districts directly
    assert table.filter(pl.col("adcode") == "500156")["parent_adcode"].item() == "500000"
    assert table.filter(pl.col("level") == "province").height >= 33
    parents = set(table["parent_adcode"].drop_nulls())
    assert parents <= set(table["adcode"])


@needs_gold
def test_every_seed_gets_its_gold_region_and_adcode() -> None:
    documents, _ = seed_frames()
    got = document_regions(documents, None).join(documents.select("sha256", "name"), on="sha256")
    assert got.height == 5
    for row in got.iter_rows(named=True):
        want = gold()[row["name"]]
        assert (row["region"], row["adcode"]) == (want["region"], want["adcode"]), row["name"]
        assert (row["province"], row["city"]) == (want["province"], want["city"])
        assert row["region_level"] == "county"


def test_sidecar_region_overrides_the_text() -> None:
    docs = pl.DataFrame({"sha256": ["a", "b", "c"], "text": ["武隆区武隆区武隆区办实事"] * 3})
    files = pl.DataFrame(
        {
            "sha256": ["a", "b", "c"],
            "meta": [json.dumps({"region": "410902"}), json.dumps({"region": "张家界市"}), None],
        }
    )
    got = {r["sha256"]: r for r in document_regions(docs, files).iter_rows(named=True)}
    assert (got["a"]["region"], got["a"]["city"]) == ("华龙区", "濮阳市")
    assert (got["b"]["adcode"], got["b"]["region_level"]) == ("430800", "city")
    assert got["c"]["adcode"] == "500156"


@pytest.mark.parametrize(
    ("given", "adcode"),
    [
        ("湖南省张家界市武陵源区", "430811"),  # a path of names, widest first
        ("湖北省 宜昌市 夷陵区", "420506"),  # separated
        ("江苏省/苏州市", "320500"),
        ("濮阳市华龙区", "410902"),  # the path may start below the province
        ("澳門", "820000"),  # a Traditional name
        ("臺灣省", "710000"),
        ("张家界市华龙区", None),  # 华龙区 is not under 张家界市: no part of a wrong path is taken
        ("武隆区的一个村", None),  # a phrase, not a path of names
    ],
)
def test_sidecar_region_may_be_a_path_or_traditional(given: str, adcode: str | None) -> None:
    docs = pl.DataFrame({"sha256": ["a"], "text": ["今年以来，社区改造小区30个。"]})
    files = pl.DataFrame({"sha256": ["a"], "meta": [json.dumps({"region": given})]})
    assert document_regions(docs, files).row(0, named=True)["adcode"] == adcode


def test_sidecar_region_naming_no_division_leaves_the_text_to_decide() -> None:
    # a publisher's feed may put a place we do not know (a development zone) in the sidecar: the page's
    # own text then decides, as without a sidecar, rather than the page losing its region
    docs = pl.DataFrame({"sha256": ["a"], "text": ["武隆区武隆区武隆区办实事"]})
    files = pl.DataFrame({"sha256": ["a"], "meta": [json.dumps({"region": "某某高新技术产业开发区"})]})
    assert document_regions(docs, files).row(0, named=True)["adcode"] == "500156"


def test_same_named_county_is_disambiguated_by_its_city() -> None:
    # 鼓楼区 exists in several cities; the story names 福州 in full
    text = "福州市鼓楼区持续推进老旧小区改造。鼓楼区今年改造小区30个，鼓楼区居民满意度达98%。"
    got = document_regions(pl.DataFrame({"sha256": ["x"], "text": [text]}))
    assert got.row(0, named=True)["adcode"] == "350102"


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        # a provincial report: many cities, none dominating the province itself
        (
            "河南省2025年政府工作报告。全省经济稳中向好。郑州市、洛阳市、开封市协同发展。河南省人民政府。河南发展。",
            "410000",
        ),
        # a national report: votes spread over provinces -> no region (read as all of China)
        (
            "国务院政府工作报告。支持香港特别行政区、澳门特别行政区融入国家发展大局。北京市、上海市先行先试。",
            None,
        ),
        # common words that happen to be short county names are not places
        ("推动优质医疗资源下沉，加强合作，促进乡村振兴，医疗资源共享。", None),
    ],
)
def test_region_levels_follow_the_evidence(text: str, adcode: str | None) -> None:
    got = document_regions(pl.DataFrame({"sha256": ["x"], "text": [text]}))
    assert got.row(0, named=True)["adcode"] == adcode


def test_short_forms_need_support() -> None:
    # 永新 (永新县) inside 永新镇 and 大庆 inside 大庆路 are parts of other names, not mentions
    text = "永新镇云品村修路。大庆路街道加装电梯。永新镇群众满意。"
    assert document_regions(pl.DataFrame({"sha256": ["x"], "text": [text]}))["adcode"].item() is None


@needs_gold
def test_sentence_areas_on_seeds_recall_and_precision() -> None:
    _, sentences = seed_frames()
    names = sentences.select("sha256", "name").unique()
    got = sentence_areas(sentences).join(names, on="sha256")
    tp = fp = fn = 0
    for name, want in ((n, set(g["sub_regions"])) for n, g in gold().items()):
        found = {a for a in got.filter(pl.col("name") == name)["area"] if a.endswith(("街道", "镇", "乡"))}
        tp, fp, fn = tp + len(found & want), fp + len(found - want), fn + len(want - found)
    assert tp / (tp + fn) >= 0.8
    assert tp / (tp + fp) >= 0.7


def test_sentence_areas_skip_generic_words() -> None:
    sents = pl.DataFrame(
        {
            "sha256": ["d"] * 6,
            "sent_ix": [0, 1, 2, 3, 4, 5],
            "text": [
                "推进乡村振兴和城乡融合，农村面貌一新",
                "全镇各街道社区居民参与",
                "在芙蓉街道芙蓉中路社区加装道闸",
                "村民代表和村委会商议",
                "重庆市万州区百安坝街道的老旧小区",
                "孟轲乡开展4期学习",
            ],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32))
    got = dict(sentence_areas(sents).select("sent_ix", "area").iter_rows())
    assert got == {2: "芙蓉街道", 4: "百安坝街道", 5: "孟轲乡"}


def _metric_regions(
    texts: list[str], spans_of: list[list[str]], meta: dict | None = None, paras: list[int] | None = None
) -> list[list[str | None]]:
    """adcodes of the named metrics (span strings, left to right) of each sentence of one page
    (``paras``: each sentence's paragraph, when the test needs them)."""
    from transforms.enrich.context import Context
    from transforms.enrich.regions import metric_regions

    starts, rows, pos = [], [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    for ix, (text, spans) in enumerate(zip(texts, spans_of, strict=True)):
        at = 0
        for span in spans:
            a = text.index(span, at)
            at = a + len(span)
            rows.append(
                {
                    "metric_id": f"m{ix}:{a}",
                    "sha256": "p",
                    "sent_ix": ix,
                    "char_start": starts[ix] + a,
                    "char_end": starts[ix] + at,
                    "unit": "%" if span.endswith("%") else None,
                }
            )
    metrics = pl.DataFrame(rows).with_columns(pl.col("sent_ix").cast(pl.Int32))
    sentences = pl.DataFrame(
        {
            "sha256": ["p"] * len(texts),
            "story_ix": [0] * len(texts),
            "sent_ix": list(range(len(texts))),
            "char_start": starts,
            "text": texts,
        }
    ).with_columns(pl.col("story_ix", "sent_ix").cast(pl.Int32), pl.col("char_start").cast(pl.Int64))
    if paras is not None:
        sentences = sentences.with_columns(pl.Series("para_ix", paras, dtype=pl.Int32))
    documents = pl.DataFrame({"sha256": ["p"], "text": ["\n".join(texts)]})
    files = pl.DataFrame({"sha256": ["p"], "meta": [json.dumps(meta) if meta else None]})
    got = dict(
        metric_regions(Context.of(metrics, documents, sentences, files))
        .select("metric_id", "adcode")
        .iter_rows()
    )
    out, k = [], 0
    for spans in spans_of:
        out.append([got[rows[k + i]["metric_id"]] for i in range(len(spans))])
        k += len(spans)
    return out


def test_a_metric_takes_the_county_its_clause_names() -> None:
    got = _metric_regions(
        ["重庆市政府工作报告", "全市新建公路300公里，其中彭水县新建公路40公里"],
        [[], ["300公里", "40公里"]],
        meta={"region": "500000"},
    )
    assert got == [[], ["500000", "500243"]]


def test_the_nearest_earlier_clause_carries_its_place_on() -> None:
    got = _metric_regions(
        ["推动开放合作，支持绵阳建设科技城，新增企业120家"], [["120家"]], meta={"region": "510000"}
    )
    assert got == [["510700"]]


def test_a_clause_with_its_own_subject_keeps_the_page() -> None:
    # an earlier clause's city does not place a metric whose clause names its own subject; an
    # attribute noun (吞吐量), a verb, a part (其中) or a place-setting clause (在某地) still carry it
    got = _metric_regions(
        [
            "绵阳物流中心获批建设，货运班列开行超500列",  # own subject: the province
            "支持宜宾建设港口，集装箱吞吐量突破80万标箱",  # attribute of the port: the city
            "推进德阳试点示范，改造老旧管网120公里",  # a verb opens the clause: the city
            "泸州某工程等基地和12个物流枢纽加快建设",  # the place names another item: the province
            "绵阳创新模式，其中，农户分红占40%",  # a part of the whole the city opens
            "在眉山，种植大户新增320户",  # a clause that only sets the place
            "深化川渝合作，沿线各地共建项目60个",  # a whole still passes on: no region
        ],
        [["超500列"], ["80万标箱"], ["120公里"], ["12个"], ["40%"], ["320户"], ["60个"]],
        meta={"region": "510000"},
    )
    assert got == [["510000"], ["511500"], ["510600"], ["510000"], ["510700"], ["511400"], [None]]


def test_whole_words_and_several_divisions() -> None:
    got = _metric_regions(
        [
            "深化川渝合作，共建项目80个",  # a two-province whole: no region
            "德阳、绵阳经济总量均超过3000亿元",  # two cities of one province: the province
            "全省接待游客2亿人次",  # the page's province, though the page is a county
        ],
        [["80个"], ["3000亿元"], ["2亿人次"]],
        meta={"region": "510704"},
    )
    assert got == [[None], ["510000"], ["510000"]]


def test_national_metrics_have_no_region_comparisons_keep_the_page() -> None:
    got = _metric_regions(
        ["项目纳入国家15项重点工程", "增速高于全国1.2个百分点"],
        [["15项"], ["1.2个百分点"]],
        meta={"region": "440000"},
    )
    assert got == [[None], ["440000"]]


def test_names_in_quotes_and_inside_words_are_not_places() -> None:
    got = _metric_regions(
        ["做优“峨眉山”“乐山大佛”等品牌，全年建成县级服务站30个"], [["30个"]], meta={"region": "510000"}
    )
    assert got == [["510000"]]  # not 乐山市 (a brand), not 成县 (inside 建成县级)


def test_hong_kong_macau_taiwan_are_divisions() -> None:
    codes = set(division_table()["adcode"])
    assert {"810000", "820000", "710000"} <= codes
    docs = pl.DataFrame(
        {"sha256": ["h", "t"], "text": ["香港特区政府公布\n本港失业率3.1%", "台湾地区物价上涨2%"]}
    )
    files = pl.DataFrame({"sha256": ["h", "t"], "meta": [None, json.dumps({"region": "台湾"})]})
    got = dict(document_regions(docs, files).select("sha256", "adcode").iter_rows())
    assert got == {"h": "810000", "t": "710000"}


def test_area_mentions_names_not_kinds_of_place() -> None:
    from transforms.enrich.regions import area_mentions

    sents = pl.DataFrame(
        {
            "sha256": ["d"] * 5,
            "sent_ix": [0, 1, 2, 3, 4],
            "text": [
                "推进30个示范片区、150个样板村建设",  # counted kinds of village, not names
                "金桂花园小区更换路灯20盏",  # a compound's name runs to four characters
                "新增小区停车位80个",  # a verb's object
                "安和苑社区解决问题12件",  # 和 inside a name at the sentence start
                "青石村委拿出资金3万元",  # the village committee names its village
            ],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32))
    got = area_mentions(sents).group_by("sent_ix").agg("area")
    assert dict(got.iter_rows()) == {1: ["金桂花园小区"], 3: ["安和苑社区"], 4: ["青石村"]}


def test_metric_area_is_the_nearest_named_before_it_in_its_sentence() -> None:
    from transforms.enrich.context import Context
    from transforms.enrich.regions import metric_regions

    text = "东岭街道各社区共解决问题40件；南湖镇石桥村新修水渠800米，北岭村新建道路2公里"
    spans = ["40件", "800米", "2公里"]
    starts = [text.index(s) for s in spans]
    metrics = pl.DataFrame(
        {
            "metric_id": spans,
            "sha256": ["p"] * 3,
            "sent_ix": [0, 1, 1],
            "char_start": starts,
            "char_end": [a + len(s) for a, s in zip(starts, spans, strict=True)],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32))
    cut = text.index("；") + 1
    sentences = pl.DataFrame(
        {
            "sha256": ["p", "p"],
            "story_ix": [0, 0],
            "sent_ix": [0, 1],
            "char_start": [0, cut],
            "text": [text[:cut], text[cut:]],
        }
    ).with_columns(pl.col("story_ix", "sent_ix").cast(pl.Int32), pl.col("char_start").cast(pl.Int64))
    documents = pl.DataFrame({"sha256": ["p"], "text": [text]})
    got = dict(
        metric_regions(Context.of(metrics, documents, sentences)).select("metric_id", "area").iter_rows()
    )
    # the chain 南湖镇石桥村 gives its finest name; 北岭村 is nearer to the second metric than 石桥村
    assert got == {"40件": "东岭街道", "800米": "石桥村", "2公里": "北岭村"}


def test_short_or_two_character_county_names_inside_words_are_not_places() -> None:
    # 示范县 holds 范县 (a Henan county); 天山 is a mountain range before it is 天山区
    got = _metric_regions(
        ["建设乡村振兴示范县12个", "天山北坡城市群优良天数比例达90%"],
        [["12个"], ["90%"]],
        meta={"region": "410000"},
    )
    assert got == [["410000"], ["410000"]]
    got = _metric_regions(["天山北坡城市群优良天数比例达90%"], [["90%"]], meta={"region": "650000"})
    assert got == [["650000"]]


def test_a_verb_before_a_place_suffix_is_not_a_name() -> None:
    from transforms.enrich.regions import area_mentions

    sents = pl.DataFrame({"sha256": ["d"], "sent_ix": [0], "text": ["新增社区食堂30个，新建村级服务站12个"]})
    assert area_mentions(sents.with_columns(pl.col("sent_ix").cast(pl.Int32))).is_empty()


def test_a_place_named_after_an_earlier_metric_is_not_carried_on() -> None:
    # (the first metric's own clause names 澳门; the second, after it, stays with the page)
    got = _metric_regions(["12个产品获得澳门质量认证，茶叶出口增长20%"], [["20%"]], meta={"region": "350000"})
    assert got == [["350000"]]


def test_compass_pairs_metals_and_school_names_are_not_places() -> None:
    # 湘西湘中 pairs two parts of Hunan (湘中 is no division, so 湘西 is not 湘西州 here)
    got = _metric_regions(["湘西湘中产业合作区签约项目45个"], [["45个"]], meta={"region": "430000"})
    assert got == [["430000"]]
    # 白银 in a list of metals is silver, not 白银市
    got = _metric_regions(["铜、白银产量分别增长8%、6%"], [["8%", "6%"]], meta={"region": "620000"})
    assert got == [["620000", "620000"]]
    # a college named after its prefecture is a name, not the prefecture
    got = _metric_regions(["阿勒泰学院扩建宿舍楼3栋"], [["3栋"]], meta={"region": "650000"})
    assert got == [["650000"]]


def test_a_place_in_a_listed_example_does_not_make_the_whole_list_its() -> None:
    # 绵阳 names one example of the 9 parks; the count is the province's
    got = _metric_regions(["推进绵阳科技园等9个园区扩区"], [["9个"]], meta={"region": "510000"})
    assert got == [["510000"]]
    # without the list closer the clause's place still holds
    got = _metric_regions(["推进绵阳建设园区9个"], [["9个"]], meta={"region": "510000"})
    assert got == [["510700"]]


def test_a_state_grade_is_not_a_national_metric() -> None:
    got = _metric_regions(
        ["国家级、省级园区分别达到6个、40个", "国家新增专项债额度500亿元"],
        [["6个", "40个"], ["500亿元"]],
        meta={"region": "520000"},
    )
    assert got == [["520000", "520000"], [None]]


def test_designations_and_shares_of_the_nation_are_the_pages_metrics() -> None:
    got = _metric_regions(
        [
            "国家区域医疗中心引入新技术60项",  # national centres in the province: the page's
            "全国重点实验室达到9家",
            "全球首台18兆瓦级机组下线",
            "集成电路产量贡献了全国21.5%",  # the page's share of the nation
            "全国累计建成服务站5000个",  # the nation as the whole: national
            "国家首批部署的11个改革事项",
        ],
        [["60项"], ["9家"], ["18兆瓦"], ["21.5%"], ["5000个"], ["11个"]],
        meta={"region": "340000"},
    )
    assert got == [["340000"], ["340000"], ["340000"], ["340000"], [None], [None]]


def test_a_list_of_sites_with_one_county_among_them_is_the_pages() -> None:
    got = _metric_regions(
        [
            "同德县新建学校2所",
            "加快建设北岭、哇让、同德、石门4个电站",  # sites; one is also the county's short name
        ],
        [["2所"], ["4个"]],
        meta={"region": "630000"},
    )
    assert got == [["632522"], ["630000"]]
    got = _metric_regions(["资阳、眉山、自贡3个市新增园区"], [["3个"]], meta={"region": "510000"})
    assert got == [["510000"]]  # divisions only: their common one


def test_a_place_inside_a_quotation_cut_by_a_comma_is_not_the_metrics() -> None:
    got = _metric_regions(
        ["总书记嘱托殷切，“天水的苹果又大又红，石窟跨越千年”，给2400多万群众巨大鼓舞"],
        [["2400多万"]],
        meta={"region": "620000"},
    )
    assert got == [["620000"]]


def test_a_whole_further_back_carries_only_when_it_opens_its_clause() -> None:
    got = _metric_regions(
        [
            # two clauses back, the object of 建立; opening a clause two back, its subject
            "建立长江经济带生态补偿机制，持续开展综合防治，治理沙化土地9.5万亩",
            "成渝地区双城经济圈规划获批实施，持续开展综合防治，共建重点项目120个",
        ],
        [["9.5万亩"], ["120个"]],
        meta={"region": "610000"},
    )
    assert got == [["610000"], [None]]


def test_a_named_stretch_of_a_whole_is_that_divisions() -> None:
    got = _metric_regions(
        ["长江经济带甘肃段水质优良比例97.5%", "长江经济带上游段水质优良比例96.5%"],
        [["97.5%"], ["96.5%"]],
        meta={"region": "620000"},
    )
    assert got == [["620000"], [None]]


def test_a_place_in_an_item_joined_before_the_count_is_not_the_counts() -> None:
    # 绵阳 names the first item; the 8 branches are across the province
    got = _metric_regions(["建设绵阳总部基地和8个市级分基地"], [["8个"]], meta={"region": "510000"})
    assert got == [["510000"]]


def _scan_each(texts: list[str]) -> list[list[tuple[str, int]]]:
    """The division mentions of each text by its own two-pass scan (names, then byte offsets)."""
    from transforms.enrich.regions.divisions import _gazetteer

    patterns = _gazetteer()[0]
    frame = pl.DataFrame({"t": texts}).select(
        pl.col("t").str.extract_many(patterns, leftmost=True).alias("m"),
        pl.col("t").str.find_many(patterns, leftmost=True).alias("o"),
    )
    return [list(zip(m or [], o or [], strict=True)) for m, o in frame.iter_rows()]


def test_one_pass_mentions_have_the_offsets_of_a_second_pass() -> None:
    from transforms.enrich.regions.mentions import _mentions

    texts = ["重庆市万州区和万州区，四川成都", "", "无地名的一句话", "成都成都市成都", "北京，北京。"]
    assert _mentions(pl.Series(texts)) == _scan_each(texts)


def test_sentence_mentions_from_the_document_equal_a_scan_of_each_sentence() -> None:
    """Slices of the page take the page's mentions; a name cut by a sentence end (a hard split of a
    long line) or a sentence that is not a slice of the page is scanned on its own."""
    from transforms.enrich.regions.mentions import _mentions, _sentence_mentions

    doc = "重庆市万州区新建学校3所。四川省成都市和绵阳市增长5%。万州区\n重庆市垫江县投资8亿元"
    # the last "万州区" is split into "万" | "州区" by a hard sentence break
    cuts = [0, doc.index("四川"), doc.index("万州区\n") + 1, doc.index("重庆市垫"), len(doc)]
    pieces = [(a, doc[a:b]) for a, b in pairwise(cuts)]
    pieces.append((3, "不是原文的一句：万州区"))  # char_start that does not point at this text
    sents = pl.DataFrame(
        {
            "sha256": ["d"] * len(pieces),
            "sent_ix": list(range(len(pieces))),
            "char_start": [a for a, _ in pieces],
            "text": [t for _, t in pieces],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32), pl.col("char_start").cast(pl.Int64))
    documents = pl.DataFrame({"sha256": ["d"], "text": [doc]})
    got = _sentence_mentions(sents, documents, {"d": _mentions(pl.Series([doc]))[0]})
    want = dict(enumerate(_scan_each([t for _, t in pieces])))
    assert {ix: found for (_, ix), found in got.items()} == want
    assert [n for n, _ in want[1]] == ["四川省", "成都市", "绵阳市"] and want[2] == []


def test_local_currency_from_given_page_regions_equals_reading_the_pages() -> None:
    from transforms.enrich.currency import local_currency

    documents = pl.DataFrame(
        {
            "sha256": ["hk", "cq"],
            "text": ["香港特别行政区政府公布，香港全年拨款300亿元。", "重庆市万州区投资8亿元。"],
        }
    )
    metrics = pl.DataFrame(
        {"sha256": ["hk", "cq", "hk"], "unit": ["元", "元", "人"], "text": ["300亿元", "8亿元", "5人"]}
    )
    pages = document_regions(documents)
    assert local_currency(metrics, documents, None, pages).equals(local_currency(metrics, documents))


def test_page_regions_are_read_once_per_context_and_equal_document_regions() -> None:
    from transforms.enrich.context import Context
    from transforms.enrich.regions import page_regions

    documents, sentences = seed_frames()
    metrics = sentences.select("sha256", "sent_ix").unique().with_columns(pl.lit("m").alias("metric_id"))
    ctx = Context.of(metrics, documents, sentences)
    first = page_regions(ctx)
    assert page_regions(ctx) is first  # memoised: the currency step reuses the metrics' reading
    assert first[0].equals(document_regions(ctx.documents))
    assert Context.of(metrics, documents, sentences).memo == {}  # a new context reads afresh


def test_a_division_heading_a_group_before_its_count_is_one_of_several() -> None:
    # 甲城等6个 counts hubs in several cities: the province's; 甲城和6个 names an item of its own
    got = _metric_regions(
        ["推动郑州枢纽升级，建设洛阳等6个物流枢纽、商丘等3个冷链基地", "支持郑州建设物流枢纽6个"],
        [["6个", "3个"], ["6个"]],
        meta={"region": "410000"},
    )
    assert got == [["410000", "410000"], ["410100"]]
    # a group of cities is their province's, a group of provinces the country's
    got = _metric_regions(
        ["涉及信阳市、新乡市、洛阳市等9个市", "维持对辽宁、重庆等10个省份的应急响应", "山阳、勉县等6个项目"],
        [["9个"], ["10个"], ["6个"]],
    )
    assert got[:2] == [["410000"], [None]]
    # a place of the list not read as a division (山阳) still makes the group several places
    got = _metric_regions(["核准山阳、勉县等6个抽水蓄能项目"], [["6个"]], meta={"region": "610000"})
    assert got == [["610000"]]
    # destinations reached from the place: the count stays that place's
    got = _metric_regions(["新开通郑州至香港、上海等6条航线"], [["6条"]], meta={"region": "410100"})
    assert got == [["410100"]]


def test_a_taiwan_page_calls_its_own_territory_the_nation() -> None:
    # 全国 in a Taiwan release is Taiwan; in a mainland page it is the country (null)
    got = _metric_regions(["某部表示，全国累计建成据点120处"], [["120处"]], meta={"region": "710000"})
    assert got == [["710000"]]
    got = _metric_regions(["某部表示，全国累计建成据点120处"], [["120处"]], meta={"region": "510000"})
    assert got == [[None]]


def test_a_city_naming_a_cluster_of_cities_is_its_province() -> None:
    got = _metric_regions(
        [
            "绵阳都市圈经济总量达到5000亿元",  # a metropolitan area of several cities
            "宜宾平原经济区新增园区12个",
            "绵阳高新区新增企业80家",  # a zone inside the city keeps it
        ],
        [["5000亿元"], ["12个"], ["80家"]],
        meta={"region": "510000"},
    )
    assert got == [["510000"], ["510000"], ["510700"]]


def test_a_place_naming_where_people_or_firms_come_from_is_not_the_place() -> None:
    got = _metric_regions(
        [
            "香港青年创业基地建成投用，入驻团队120个",  # the youths' origin: the page's province
            "新设澳门企业80家",
            "绵阳企业新增专利300件",  # the page's own city stays
        ],
        [["120个"], ["80家"], ["300件"]],
        meta={"region": "510000"},
    )
    assert got == [["510000"], ["510000"], ["510700"]]
    got = _metric_regions(["香港居民新增就业3万人"], [["3万人"]], meta={"region": "810000"})
    assert got == [["810000"]]  # on its own page the origin is the place


def test_visitors_named_by_where_they_come_from_are_the_pages() -> None:
    # made up: on a Macau page, visitors from Hong Kong or Taiwan are a source market; the count
    # of arrivals is Macau's
    got = _metric_regions(
        ["当月入境旅客中，台湾旅客（3.1万人次）下降2.5%", "香港游客约12万人次"],
        [["3.1万人次", "2.5%"], ["约12万人次"]],
        meta={"region": "820000"},
    )
    assert got == [["820000", "820000"], ["820000"]]
    got = _metric_regions(
        ["来自福建省的旅客约有4万人次", "台湾地区旅客约2万人次"],
        [["约有4万人次"], ["约2万人次"]],
        meta={"region": "820000"},
    )
    assert got == [["820000"], ["820000"]]  # 来自X的 and X地区旅客 name the origin too


def test_a_list_of_things_named_after_places_counted_together_is_the_pages() -> None:
    got = _metric_regions(
        [
            "绵阳电子、德眉机械、乐雅食品3个集群入选国家级名单",  # one item's city, three clusters
            "某某铁路改造、宜宾港30万吨级航道建成",  # no count of the items: the item's city
            "某某铁路改造、宜宾港2个项目建成",  # the two items counted, one of them 宜宾's
        ],
        [["3个"], ["30万吨"], ["2个"]],
        meta={"region": "510000"},
    )
    assert got == [["510000"], ["511500"], ["510000"]]


def test_a_whole_an_earlier_clause_reaches_by_a_route_is_not_the_metrics() -> None:
    got = _metric_regions(
        [
            "加快建设某某至长三角、某某至京津冀外送通道，力争外送电量超900亿度",  # the lines' ends
            "建成某某至京津冀输电通道2条",  # the metric's own clause: a line between provinces
        ],
        [["超900亿度"], ["2条"]],
        meta={"region": "150000"},
    )
    assert got == [["150000"], [None]]


def test_the_country_as_a_clauses_subject_is_carried_on() -> None:
    got = _metric_regions(
        [
            "当前，我国已建成某某设施5.2万个，累计改造管网36万公里",  # the country, carried on
            "我国首台某某装备落地某地，已有12台投入使用",  # a ranking of the page's own thing
            "全国800个街道、3200个乡镇已建成服务站",  # the later counts of the nation's list
        ],
        [["5.2万个", "36万公里"], ["12台"], ["800个", "3200个"]],
        meta={"region": "510000"},
    )
    assert got == [[None, None], ["510000"], [None, None]]


def test_our_division_is_the_one_the_sentence_opens_with() -> None:
    got = _metric_regions(
        [
            "今年，河南全面推广某某模式，目前全省已建成站点900多个",  # 全省 = 河南省, not the page
            "近年来，山西大同发展特色产业，全市总产值达40亿元",  # 全市 = 大同市
            "推进某某项目和绵阳试点，全区新增企业30家",  # 全区: the page's own, whatever came before
        ],
        [["900多个"], ["40亿元"], ["30家"]],
        meta={"region": "310000"},
    )
    assert got == [["410000"], ["140200"], ["310000"]]


def test_a_province_short_name_vouches_for_the_city_right_after_it() -> None:
    got = _metric_regions(["在辽宁锦州，早市有1.5公里长"], [["1.5公里"]])
    assert got == [["210700"]]


def test_a_county_the_page_names_in_full_is_read_by_its_short_name_too() -> None:
    # a national page (several counties): 玛纳斯 alone is the county the page names in full
    got = _metric_regions(
        [
            "今天来到陕西石泉县、新疆玛纳斯县和湖南桂阳县。",
            "玛纳斯湿地面积扩大到了17万亩。",
            "天山湿地面积扩大到了8万亩。",  # 天山 (a county's short name too) is not named in full
        ],
        [[], ["17万亩"], ["8万亩"]],
    )
    assert got == [[], ["652324"], [None]]


def test_a_sentence_setting_a_place_carries_it_to_the_next_one_of_its_paragraph() -> None:
    got = _metric_regions(
        [
            "各地推进老旧小区改造。",
            "在浙江，当地优化审批程序。",
            "截至目前，任务完成率已超过99%。",  # goes on about 浙江
            "另一段落里，完成率达到95%。",  # another paragraph: the page's
            "在湖南长沙，某某村建设了基地。",
            "村里新建大棚20座。",  # the sentence right after: 长沙
        ],
        [[], [], ["99%"], ["95%"], [], ["20座"]],
        paras=[0, 1, 1, 2, 3, 3],
    )
    assert got[2] == ["330000"] and got[5] == ["430100"]
    assert got[3] != ["330000"]  # the page's, whatever it resolves to


def test_a_page_opening_on_the_country_is_not_its_anecdote_s_place() -> None:
    from transforms.enrich.regions import resolve_region

    page = (
        "### 基层卫生网越织越密\n我国加快建设健康中国，各地基层医疗服务能力持续提升，群众看病更方便了。"
        + "这是一段很长的导语。" * 16
        + "\n在湖南省浏阳市某某镇某某村，村医正在上门服务。浏阳市某某村的卫生室也更新了设备。"
        + "全国基层医疗卫生机构增加到104万个。"
    )
    assert resolve_region(page) is None  # a national roundup visiting one county
    early = (
        "### 社区服务暖民心\n我国各地推进社区治理现代化。\n前不久，湖南浏阳市某某社区办起食堂。" + page[60:]
    )
    assert resolve_region(early) is None  # the anecdote starts within the first lines: still national
    local = "### 浏阳市基层卫生网越织越密\n浏阳市加快建设健康乡村，我国各地也在推进。" + page[40:]
    assert resolve_region(local) == "430181"  # the opening names the county: its page


def test_a_sentence_opening_on_a_bare_place_chain_sets_the_place_of_the_next() -> None:
    got = _metric_regions(
        [
            "各地推进乡村振兴。",
            "湖南省浏阳市某某村，这个山里的村子变了样。",
            "村人均年收入增加到3万元。",  # goes on about 浏阳市
            "培育株洲市区域消费中心城市，推动商圈升级。",  # a verb's object ending on 市: no topic
            "打造5个消费新场景。",
        ],
        [[], [], ["3万元"], [], ["5个"]],
        paras=[0, 1, 1, 2, 2],
    )
    assert got[2] == ["430181"]
    assert got[4] != ["430200"]


def test_a_place_frame_after_a_short_time_opener_sets_the_place_of_the_next_sentence() -> None:
    got = _metric_regions(
        [
            "各地推进乡村振兴。",
            "眼下，在浏阳市，大约500户农房完成修缮。",
            "进入冬季，当地发放棉被6000条。",  # goes on about 浏阳市
            "这段时间，在湖南株洲市某某社区，施工人员正忙着。",
            "完成后，这里将惠及800多户居民。",  # 株洲市
            "在浙江，当地优化审批，加快推进。",
            "截至目前，完成率超过99%。",  # a frame first stays the frame
        ],
        [[], [], ["6000条"], [], ["800多户"], [], ["99%"]],
        paras=[0, 1, 1, 2, 2, 3, 3],
    )
    assert got[2] == ["430181"] and got[4] == ["430200"] and got[6] == ["330000"]


def test_a_time_word_opening_a_clause_leaves_it_its_own_subject() -> None:
    # the earlier clause names 株洲's metro; 全年 opens a clause with a subject of its own: the page's
    got = _metric_regions(
        [
            "湖南省人民政府工作报告",
            "株洲市轨道交通1号线通车运营，全年交通、水利投资分别达到800亿元、300亿元。",
            "株洲市轨道交通2号线通车运营，全年新开公交线路12条。",  # 全年 + a verb (新开, like 新建)
            "株洲市轨道交通2号线通车运营，全年客流量突破1亿人次。",  # 全年 + an attribute: carried on
        ],
        [[], ["800亿元", "300亿元"], ["12条"], ["1亿人次"]],
        meta={"region": "湖南省"},
    )
    assert got[1] == ["430000", "430000"]
    # after a project's place, a new action of the report (新开…) is the report's division (_project_place)
    assert got[2] == ["430000"]
    assert got[3] == ["430200"]


def test_an_area_takes_the_division_the_page_names_it_under() -> None:
    got = _metric_regions(
        [
            "各地推进乡村振兴。",
            "在湖南省浏阳市某某镇青枫村，村民正在采摘。",
            "另一段落里，株洲市也在推进。",
            "2025年，青枫村新建大棚50座。",  # 浏阳市: the page writes 浏阳市某某镇青枫村
            "2025年，白石村新建大棚30座。",  # a village the page never places: the page's
        ],
        [[], [], [], ["50座"], ["30座"]],
        paras=[0, 1, 2, 3, 4],
    )
    assert got[3] == ["430181"]
    assert got[4] != ["430181"]


def test_the_country_carried_on_from_an_earlier_clause_is_the_region_that_calls_itself_so() -> None:
    # on a Taiwan page 我国 is Taiwan; on a mainland page it is the country (no region)
    got = _metric_regions(
        ["截至年底，我国总人口为2300万人，较上年底减少1万人"],
        [["2300万人", "1万人"]],
        meta={"region": "台湾"},
    )
    assert got == [["710000", "710000"]]
    got = _metric_regions(["当前，我国已实施改造，累计改造25万个"], [["25万个"]], meta={"region": "510000"})
    assert got == [[None]]


def test_a_city_qualifying_one_project_of_a_report_does_not_place_a_later_action_s_figure() -> None:
    # in a work report, a place that only qualifies a project (三明某基地建设, 开工建设阿拉善某项目) is
    # not the place of the next action's figure, nor of a figure clauses further on: the province's
    head = "福建省政府工作报告"
    got = _metric_regions(
        [
            head,
            "支持三明市“某某种业基地”建设，新建和改造高标准农田70万亩",
            "开工建设宁德某某储能等35个项目，力争新投产600万千瓦",
            "宁德口岸开工建设，完成联运试航，口岸货运量增长13.6%",
        ],
        [[], ["70万亩"], ["35个", "600万千瓦"], ["13.6%"]],
        meta={"region": "350000"},
    )
    assert got == [[], ["350000"], ["350000", "350000"], ["350000"]]
    # a place that is the agent of its verb carries on (支持三明打造…); so does a place whose own
    # figures the next clause goes on with (…新增4部，累计达到22部; …建成某基地，产能占全国30%)
    got = _metric_regions(
        [
            head,
            "支持三明打造种业基地，新建和改造高标准农田70万亩",
            "三明法规新增4部，累计达到22部",
            "三明某某公司建成最大的生产基地，产能占全国30%",
            "精心筹办三明运动会，116个国家和地区运动员参赛",
        ],
        [[], ["70万亩"], ["4部", "22部"], ["30%"], ["116个"]],
        meta={"region": "350000"},
    )
    assert got == [[], ["350400"], ["350400", "350400"], ["350400"], ["350400"]]
    # on a page that is no work report the place still carries on (a news story's place)
    got = _metric_regions(
        ["支持三明市“某某种业基地”建设，新建和改造高标准农田70万亩"], [["70万亩"]], meta={"region": "350000"}
    )
    assert got == [["350400"]]


def test_orders_a_market_places_are_the_buyer_s_place_not_the_figure_s() -> None:
    got = _metric_regions(
        ["按地区别观察，香港接单147亿美元，年减1.4%"], [["147亿美元", "1.4%"]], meta={"region": "台湾"}
    )
    assert got == [["710000", "710000"]]


def test_a_market_goods_go_to_is_not_the_figure_s_place() -> None:
    got = _metric_regions(
        ["香港特区政府公布", "输往台湾及越南的出口分别上升逾30%"], [[], ["30%"]], meta={"region": "香港"}
    )
    assert got == [[], ["810000"]]


def test_our_city_on_a_county_level_citys_page_is_that_city() -> None:
    # a 县级市 calls itself 全市/本市: on 醴陵市's page 全市 is 醴陵市, not its prefecture 株洲市;
    # on a prefecture's page (株洲市) 全市 stays the prefecture, and 全省 still climbs to the province
    got = _metric_regions(
        ["醴陵市民生简报", "本月全市新开社区食堂12家", "全省新增养老床位800张"],
        [[], ["12家"], ["800张"]],
        meta={"region": "430281"},
    )
    assert got == [[], ["430281"], ["430000"]]
    got = _metric_regions(
        ["株洲市民生简报", "本月全市新开社区食堂12家"], [[], ["12家"]], meta={"region": "430200"}
    )
    assert got == [[], ["430200"]]


def test_an_act_before_a_place_suffix_is_no_area() -> None:
    # a verb opening the clause (推动解决小区停车) and a return-home compound (返乡, 回乡: an act) are not
    # names, whatever their left edge; a real name after the same verbs stays
    from transforms.enrich.regions import area_mentions

    sents = pl.DataFrame(
        {
            "sha256": ["d"] * 4,
            "sent_ix": [0, 1, 2, 3],
            "text": [
                "全年推动解决小区漏水问题300件",
                "其中返乡青年创业150人",
                "鼓励能人回乡兴办企业20家",
                "在桂园社区推动解决停车难题",
            ],
        }
    ).with_columns(pl.col("sent_ix").cast(pl.Int32))
    got = area_mentions(sents).group_by("sent_ix").agg("area")
    assert dict(got.iter_rows()) == {3: ["桂园社区"]}


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("今年前5个月，神山村接待游客近12万人次。", "神山村"),  # a name built on 山村
        ("针对出行难问题，杨场镇争取资金300万元。", "杨场镇"),  # … on 场镇
        ("一批偏远山村通了公路，修路30公里。", None),  # the kind, described
        ("全国城镇新增就业1180万人。", None),  # 城镇 is never a name's base
        ("推进小山村改造3个。", None),
    ],
)
def test_a_name_built_on_a_kind_of_place_is_an_area(text: str, area: str | None) -> None:
    got = sentence_areas(pl.DataFrame({"sha256": ["a"], "sent_ix": [0], "text": [text]}))
    assert (got["area"].to_list() or [None])[0] == area
