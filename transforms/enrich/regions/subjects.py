"""Whether a metric's clause has a subject of its own, so that an earlier clause's place is not its.

A clause opening on its own noun (中欧班列开行超2000列) keeps the page's place; one opening on a verb
or an attribute leaves its subject, and so its place, to the clause before. In a work report, a place
that only qualifies a project (支持三明市“中国稻种基地”建设) is not the place of the next action.
"""

from __future__ import annotations

import re
from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.enrich.regions.clauses import _LOCATIVE_FRAME
from transforms.enrich.regions.divisions import _inside, _nbytes
from transforms.enrich.structure import LEAD_CHARS, is_report
from transforms.lexicon import words
from transforms.metrics.words import tag

# the clause closes on a figure of its subject's (…落地项目38个), not one that only qualifies it (7.1级地震…)
_CLOSING_FIGURE = re.compile(r"\d(?:万|亿|千)?(?:平方|立方)?[^，。；、\d]{1,2}$")
_ROUTE_LINKS = ("至", "到")  # 西宁至成都铁路建设: the place ends a route
_LEAD_CHARS = 16  # the opening of a metric's clause read for its own subject
RUNNING_TOTALS = ("累计",)  # 浦东新区法规新增4部，累计达到22部: the totals of what the clause before counts


@lru_cache(maxsize=1)
def _agent_words() -> tuple[str, ...]:
    return tuple({*words("region_agent_verbs.txt"), *_clause_verbs()})


@lru_cache(maxsize=1)
def _division_tails() -> tuple[str, ...]:
    return tuple(sorted(words("division_suffixes.txt"), key=len, reverse=True))


def _qualifies(text: str, mine: list[tuple[str, int]], routes: bool = False) -> bool:
    """Whether every place an earlier clause names only qualifies a noun after it (三明市“中国稻种
    基地”建设, 阿拉善新远景等35个项目, 克拉玛依市、库车…试点) rather than being the agent of a verb
    (支持成都打造…, 德阳试点示范: region_agent_verbs.txt, or a verb or adverb by jieba's tags)."""
    raw = text.encode("utf-8")
    for m, off in mine:
        rest = raw[off + _nbytes(m) :].decode("utf-8", "ignore")
        rest = rest.removeprefix(next((t for t in _division_tails() if rest.startswith(t)), ""))
        if not rest or rest.startswith(_agent_words()):
            return False
        if routes and rest.startswith(_ROUTE_LINKS):
            continue  # 西宁至成都铁路建设，…，新增…: clauses back, a route's end names its project
        ws = [w for w in tag(rest[:_LEAD_CHARS]) if w.text.strip()]
        if ws and ((ws[0].tag.startswith("v") and ws[0].tag != "vn") or ws[0].tag in ("d", "ad", "p")):
            return False
    return bool(mine)


def _report_pages(ctx: Context) -> set[str]:
    """The documents whose first lines name them a work report (structure.is_report)."""
    leads = ctx.documents.select("sha256", pl.col("text").str.slice(0, LEAD_CHARS))
    return {sha for sha, lead in leads.iter_rows() if is_report(lead)}


def _project_place(
    text: str, mine: list[tuple[str, int]], got: str | None, page: str | None, lead: str, k: int
) -> bool:
    """Whether the division an earlier clause (``k`` clauses back) of a work report names only
    qualifies one project there (支持三明市“中国稻种基地”建设，新建…高标准农田70万亩), so that a
    later figure whose clause names no place is the report's division's: a figure of a new action,
    or one clauses further on. Right after it, a clause giving the project's own figures keeps its
    place (精心筹办成都世运会，116个国家和地区…参赛), and so does a place that sets the scene (在某市，)."""
    return (
        got != page
        and _inside(got, page)
        and not _LOCATIVE_FRAME.match(text)
        and (k > 1 or (_opens_with_action(lead) and not _counts_its_subject(text, mine)))
        and _qualifies(text, mine, routes=k > 1)
    )


def _counts_its_subject(text: str, mine: list[tuple[str, int]]) -> bool:
    """Whether the clause right before opens on its one place as its subject (no list: 天水、张掖
    经开区排名…) and closes on a figure of that subject's (某区某产业园累计落地项目38个，完成投资…): the next clause's verb goes on with
    the same subject, so its place, rather than starting a new action of the report."""
    return (
        len(mine) == 1 and mine[0][1] == 0 and "、" not in text and _CLOSING_FIGURE.search(text) is not None
    )


def _opens_with_action(lead: str) -> bool:
    """Whether a metric's clause opens with a verb of its own (新建和改造…, 力争新开工…, 完成…投资):
    a new action of the report, not a figure of the thing the clause before names."""
    ws = [w for w in tag(lead[:_LEAD_CHARS]) if w.text.strip()]
    times = words("region_time_leads.txt")
    while len(ws) > 1 and ws[0].text in times:
        ws = ws[1:]
    if (
        not ws
        or ws[0].text in RUNNING_TOTALS
        or ws[0].text.endswith(tuple(words("region_attribute_heads.txt")))
    ):
        return False  # 累计分别达到…: the running totals of the clause before; 产能占全球30%: its attribute
    return ws[0].text.startswith(_agent_words()) or ws[0].tag.startswith("v") or ws[0].tag in ("d", "ad", "p")


def _own_subject(lead: str) -> bool:
    """Whether the metric's clause opens with a noun of its own (中欧班列开行超2000列, 机构改革和11个…),
    so that a place an earlier clause opens with is not its place. A clause opened by a verb (新开…44条),
    an adverb or 其中, or by a noun naming an attribute (旅客吞吐量突破…) leaves out its subject, which
    the earlier clause names."""
    ws = [w for w in tag(lead[:_LEAD_CHARS]) if w.text.strip()]
    times = words("region_time_leads.txt")
    while len(ws) > 1 and ws[0].text in times:
        ws = ws[1:]  # 全年|交通、水利投资…: the subject after a time word opening the clause
    if not ws or not (ws[0].tag.startswith("n") or ws[0].tag in ("j", "l", "vn")):
        return False
    if ws[0].text in _clause_verbs():
        return False  # 新建|和改造…, 力争|新增…: a verb the dictionary tags as a noun
    verbs = [i for i, w in enumerate(ws) if w.tag.startswith("v")]
    np = ws[: verbs[-1]] if verbs else ws  # up to the clause's verb: 黄河上游水源涵养补给量|增加
    while np and (
        np[-1].tag in ("d", "j", "m", "t", "p", "c", "u", "uj", "f", "x") or not np[-1].text.strip()
    ):
        np = np[:-1]  # 经济总量|年均|增长: the adverbial before the verb
    text = "".join(w.text for w in np)
    return bool(text) and not text.endswith(words("region_attribute_heads.txt"))


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    return frozenset(
        [*words("region_clause_verbs.txt"), *words("coordinated_verbs.txt"), *words("area_verb_prefixes.txt")]
    )
