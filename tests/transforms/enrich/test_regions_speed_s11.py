"""Session 11 speed round (issue 14): the regions stage's faster forms read what the plain forms read.

Pages made up; each test pins the behaviour a rewrite must keep (a digest's paragraphs, a section's
paragraphs, a report never read, mentions found by bisection equal to a scan)."""

from __future__ import annotations

import random

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.page import _document_regions
from transforms.enrich.regions.paragraphs import paragraph_pages
from transforms.enrich.regions.sections import _Page

DIGEST = [  # (role, paragraph, text): three paragraphs opening on places of three provinces
    ("headline", 0, "各地多措并举稳就业"),
    ("body", 1, "在福建宁德霞浦县，当地新建渔业合作社12家。"),
    ("body", 1, "合作社带动渔民增收。"),
    ("body", 2, "河南光山县把茶产业作为富民产业，新增茶园3000亩。"),
    ("body", 3, "四川绵阳市今年新开工项目80个。"),
    ("subheadline", 4, "另一则消息"),
    ("body", 5, "湖南长沙市今年新增就业岗位5万个。"),
    ("body", 6, "记者从交通运输部获悉，全国新开通公路300公里。"),
]


def _paragraph_pages(pages: dict[str, list[tuple[str, int, str]]], order: list[int] | None = None) -> set:
    """paragraph_pages of made-up pages (sha -> lines), its sentence rows given in ``order``."""
    rows, docs = [], []
    for sha, lines in pages.items():
        pos = 0
        for ix, (role, para, text) in enumerate(lines):
            rows.append((sha, 0, ix, para, role, pos, text))
            pos += len(text) + 1
        docs.append((sha, "\n".join(t for _, _, t in lines)))
    if order is not None:
        rows = [rows[i] for i in order]
    schema = {
        "sha256": pl.String,
        "story_ix": pl.Int32,
        "sent_ix": pl.Int32,
        "para_ix": pl.Int32,
        "role": pl.String,
        "char_start": pl.Int64,
        "text": pl.String,
    }
    sents = pl.DataFrame(rows, schema=schema, orient="row")
    documents = pl.DataFrame(docs, schema={"sha256": pl.String, "text": pl.String}, orient="row")
    metrics = pl.DataFrame({"metric_id": list(pages), "sha256": list(pages), "sent_ix": [1] * len(pages)})
    ctx = Context.of(metrics.with_columns(pl.col("sent_ix").cast(pl.Int32)), documents, sents)
    frame, found = _document_regions(documents)
    own = {s: (c, p) for s, c, p in frame.select("sha256", "adcode", "province").iter_rows()}
    return set(paragraph_pages(ctx, found, own).iter_rows())


def test_a_digests_paragraphs_take_their_opening_places_and_a_later_section_is_read_apart() -> None:
    got = _paragraph_pages({"d": DIGEST})
    assert got == {
        ("d", 1, "350921", True),  # 霞浦县, and the paragraph's later sentence with it
        ("d", 2, "350921", True),
        ("d", 3, "411522", True),  # 光山县
        ("d", 4, "510700", True),  # 绵阳市
        ("d", 6, "430100", False),  # under the subheadline: one province only, no digest
    }


def test_two_pages_interleaved_and_shuffled_are_read_each_on_its_own() -> None:
    """The rows are grouped per page and section whatever order they come in."""
    alone = _paragraph_pages({"d": DIGEST})
    other = [
        ("headline", 0, "乐安县推进民生实事"),
        ("body", 1, "乐安县今年新建农村供水工程8处。"),
        ("body", 2, "全县改造道路12条。"),
    ]
    order = list(range(len(DIGEST) + len(other)))
    random.Random(14).shuffle(order)
    both = _paragraph_pages({"d": DIGEST, "e": other}, order)
    assert {r for r in both if r[0] == "d"} == alone
    assert all(not digest for sha, _, _, digest in both if sha == "e")


def test_a_work_reports_paragraphs_are_never_read() -> None:
    report = [
        ("headline", 0, "政府工作报告"),
        ("body", 1, "各位代表：在福建宁德霞浦县，新建渔业合作社12家。"),
        ("body", 2, "河南光山县新增茶园3000亩。"),
        ("body", 3, "四川绵阳市新开工项目80个。"),
    ]
    assert _paragraph_pages({"r": report}) == set()


def test_page_mentions_by_bisection_equal_a_scan_of_every_mention() -> None:
    text = "四川成都：成都市新建学校12所。在重庆万州区，万州新增就业3万人。云南昆明发布数据。"
    raw = text.encode("utf-8")
    found = [(name, raw.find(name.encode())) for name in ("四川", "成都", "重庆", "万州区", "云南", "昆明")]
    page = _Page(text, found, frozenset())
    assert page.raw == raw
    rnd = random.Random(11)
    for _ in range(200):
        b0 = rnd.randrange(0, len(raw))
        b1 = rnd.randrange(b0, len(raw) + 1)
        assert page.mentions(b0, b1) == [(m, off - b0) for m, off in found if b0 <= off < b1]
    unsorted = _Page(text, [found[3], found[0]], frozenset())
    assert unsorted.mentions(0, len(raw)) == [found[3], found[0]]


def test_a_story_place_is_read_back_through_its_own_paragraph_only() -> None:
    """On a page of stories from several provinces, 当地 takes the place the nearest earlier sentence of
    its paragraph names; a sentence of another paragraph is not read, and a clock (北京时间) is no place."""
    from tests.transforms.enrich.test_regions import _metric_regions

    got = _metric_regions(
        [
            "各地多措并举稳就业。",
            "近日，河北石家庄新建产业园区。",
            "园区引进企业一批。",
            "如今，当地新增就业岗位3000个。",  # 石家庄, two sentences back in its paragraph
            "广东佛山推进制造业升级。",
            "浙江宁波扩大开放。",
            "北京时间今天6时，一艘货轮靠港。",
            "当地新开航线12条。",  # the clock is blanked: the paragraph's 宁波
            "当地新建仓库5座。",  # a paragraph of its own: nothing before it
        ],
        [[], [], [], ["3000个"], [], [], [], ["12条"], ["5座"]],
        paras=[0, 1, 1, 1, 2, 3, 3, 3, 4],
    )
    assert got[3] == ["130100"]
    assert got[7] == ["330200"]
    assert got[8] == [None]
