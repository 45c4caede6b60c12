"""Which theme each metric is about (fact-spec ``topic``), decided for the metric, not for the page.

A work report's paragraph on farming also states the province's GDP; a story on petitions also
counts the volunteers who collected them. So the topic is scored from the metric outward, with
weighted keywords (lexicons/topics.csv) found by one leftmost-longest Aho-Corasick pass per level:

1. the *head*: the telling keyword of the metric's subject (subjects.py) when it has one, else the
   telling keyword right before the metric (改造老旧小区41个) or right after its measure word (71件民生实事)
   -- what is counted; a subject that names no theme (no telling keyword, a generic one such as
   企业, or people: 脱贫人口, 婴幼儿所在家庭) leaves it to its predicate's decisive keyword
   (…实现稳岗就业 -> employment, …享受育儿补贴 -> social_security), else to the actor named before it
   in its clause (本次招聘会共吸引企业680家 -> employment); people who raise a request in it,
   …在接访中反映了县道问题, are petitions: there the request word does not yield to its thing);
2. the *local* window: from the previous metric (or the clause start) to the next one, within the clause;
   money named only as money, alone in its clause (投资3700万元，改造背街巷道11条), names no head and
   its window runs on through the next clause, which says what it is spent on;
3. the clause, then the sentence, with falling weights; a hint (项目, 产业) weighs at most as the
   clause's words do wherever it stands, so the sentence's theme (帮扶…实施项目120个) can outweigh it,
   unless the lead lists the fields the count spans (A、B等领域120个项目); an enforcement word (检控,
   罚款: lexicons/topic_enforcement_words.txt) weighs so too and leaves its clause unthemed, so the
   law it upholds decides (检控非法弃置废物 -> environment). In a subject, a petitions
   word yields to a decisive theme (污水治理问题 -> environment), and a subject that is only a field
   word (18个领域的任务) is other; problems an inspection turned up (排查管护问题127个) are no
   residents' requests: the problem word weighs nothing, so what was inspected decides.

A metric whose clause has no keyword at all (增长5.5% after 地区生产总值67665亿元) takes the topic of
the metric before it in the sentence; one whose sentence has none takes the dominant topic of its
section of the story (under one of several subheadlines, or one numbered headline of a digest),
then ``other``. Three constructions override the score: the second figure of each urban/rural
pair of residents' incomes (城乡居民人均可支配收入分别增长A、B) is rural; requests by category
(住房类诉求; a bare 交通出行类 after a count of requests) are petitions; a count of points the
text then enumerates (十个突出亮点：一是…) is other unless its subject names a theme; a place's
people as such (社区有居民6000多人) are population, other. A people subject followed by 的 modifies
the noun after it (14亿多人口的国度) and has no predicate. Two pseudo topics are settled by place,
as the budget chapters do: roads (``road``) are rural inside a village, urban inside a town
compound or street, else transport; water, toilets and power (``utility``) are rural inside a village, else urban;
beds (``bed``) are social security in elderly care (养老机构), housing in lodging (宿舍, 公寓), else
health; the place named in
the metric's own clause comes first, then its sentence's, then the story's. Vectorised: every
step is a polars expression over the metrics frame.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import polars as pl

from transforms.enrich.context import Context
from transforms.lexicon import table, words
from transforms.metrics.subjects.respectively import listed_phrase

TOPICS = {"topic": pl.String, "name_zh": pl.String, "name_en": pl.String, "budget_class": pl.String}
SENTENCE_TOPICS = {"sha256": pl.String, "sent_ix": pl.Int32, "topic": pl.String}
METRIC_TOPICS = {"metric_id": pl.String, "topic": pl.String}

# code, 中文, English, chapter(s) of 政府收支分类科目·支出功能分类 (fact-spec table), in tie-break order
_NAMES = (
    ("economy", "经济发展", "economic development", "215-217"),
    ("science_tech", "科技创新", "science and technology", "206"),
    ("employment", "就业", "employment", "208"),
    ("social_security", "社会保障", "social security", "208"),
    ("health", "卫生健康", "health", "210"),
    ("education", "教育", "education", "205"),
    ("housing", "住房保障", "housing", "221"),
    ("urban", "城乡建设", "urban works", "212"),
    ("transport", "交通运输", "transport", "214"),
    ("environment", "生态环保", "environment", "211"),
    ("rural", "农业农村", "agriculture and rural affairs", "213"),
    ("culture_tourism", "文旅体育", "culture, tourism and sport", "207"),
    ("public_safety", "平安法治", "public safety and law", "204,224"),
    ("governance", "党建与基层治理", "party building and local governance", "201"),
    ("petitions", "民生诉求", "petitions and requests", "201"),
    ("other", "其他", "other", None),
)
_VISITORS = "游客"  # the tourism keyword that passengers named after a place become (_from_place)
PSEUDO = ("road", "utility", "bed", "none")  # resolved by place, never output; none: a word that blocks

# weights of a keyword by where it stands relative to the metric
HEAD, LOCAL, CLAUSE, SENTENCE = 6.0, 3.0, 1.0, 0.3
HEAD_MIN = 2.0  # a hint keyword (weight 1: 项目, 产业) never names what is counted
PREDICATE_MIN = 4.0  # a predicate names the theme only by a keyword that decides on its own
TAIL_CHARS = 12  # how far after the metric its counted noun may run
CLAUSE_STOP = "，；：。！？,;:!?"
_FIELDS = "领域|方面|行业|类"  # 等 plus what the examples are kinds of (A、B等领域)
_FIELD_ONLY = r"^(?:领域|方面|方面工作)$"  # a subject naming only fields of work, no theme
# an industry's name (酒店业, 建造业; not 就业, 创业, 企业, 作业 ...), and a count of persons, not trips
_INDUSTRY = r"^[\u4e00-\u9fff]{1,6}[^就创失作企学毕从]业$"
_PERSONS = r"\d\s*(?:[万千百]?人|名)$"
_ITEM = r"[^、和及与\d\s“”，；：。！？]{1,8}"  # one short noun of a list (海洋电力)
_NOT_STOP = f"[^{CLAUSE_STOP}]*"
_THOUSANDS = r"(\d),(\d)"  # a thousands separator (3,200名), no clause stop
# a colon opening an enumeration of points (：一是…, ：第一，…, ：（一）…)
_ENUMERATION = r"^[：:]\s*(?:一是|第一|首先|（一）|\(一\)|一、)"
# a clause stating a part of the whole before it (其中已办结4899件, 当中内地旅客占七成六)
_PART = r"^(?:其中|当中|内中)[，,：:]?"
_PART_ALONE = r"(?:^|[，,；;])(?:其中|当中|内中)[，,：:]$"  # 其中，|X…: the opener as a clause of its own
_PART_SHARE = r"[^，,；;]占(?:[^地]|$)"  # 其中X占八成: a share of the whole (not 占地, land taken)
# a clause after a metric stating what it involved (…旅行团1.2万个，涉及旅客40万人次), a part as well;
# opening a sentence, 涉及 modifies what follows (涉及10.5万人的保交房任务)
_INVOLVES = r"^(?:共|合共)?涉及"
# a clause stating a share of what the metric before it counted (…住户约210万人，占全港人口约三成)
_SHARE = r"^(?:约|均|分别|共|合共)?占(?:[^地]|$)"  # 占地 is land taken, no share
# a subject naming only the channel a part went by (经港珠澳大桥出境的): no theme of its own
_CHANNEL = r"^(?:经由|经过|通过|经|由)"
# a place's people as such: has / houses (常住) people, right before the count
_POPULATION_VERBS = "有|住着|生活着|居住着"
# urban and rural residents' incomes as a pair in one clause (城乡居民…收入…分别, 城镇和农村居民…,
# 城镇居民和农村居民…)
_INCOME_PAIR = (
    f"城(?:乡|镇和农村|镇、农村|镇居民(?:和|、|与)农村)居民{_NOT_STOP}收入{_NOT_STOP}分别"
    f"|分别{_NOT_STOP}城乡居民{_NOT_STOP}收入"
)


# a scheme that owns the noun after it (参与强积金计划的雇员, 「某某计划」的合资格大学)
_SCHEME_OF = r"(?:计划|方案|制度)[」』”]?的$"
# a scheme named before a figure of its sentence: a quoted name with 计划 (「X计划」, 「X」计划) or a name
# ending in a programme's kind and 计划 (X资助计划, X先导计划; lexicon topic_scheme_kinds.txt)
_SCHEME_NAME = r"「([^」]{2,24}?)(?:计划」|」计划)"
_OF_PEOPLE = 6  # how far the noun a people subject modifies (…人口的饮水安全问题) may run
_SENTENCE_END = r"^[。！？!?；;…\s”’」』）)]*$"  # nothing but closing marks left in the sentence
# a clause stating the pair's second measure (，分别增长A和B; ，增长A、B)
_PAIR_GOES_ON = r"^(?:并|且|均)?(?:分别|(?:同比|比上年)?(?:增长|提高|增加|上升|下降)[^，；。]*[和、])"


@lru_cache(maxsize=1)
def topic_table() -> pl.DataFrame:
    """The topic dimension (dim_topic): code, Chinese and English names, budget chapter code(s)."""
    return pl.DataFrame(_NAMES, schema=TOPICS, orient="row")


@lru_cache(maxsize=1)
def keywords() -> pl.DataFrame:
    """The keyword lexicon (keyword, topic, weight), longest keyword first."""
    rows = [(r["keyword"], r["topic"], float(r["weight"])) for r in table("topics.csv")]
    frame = pl.DataFrame(
        rows, schema={"keyword": pl.String, "topic": pl.String, "weight": pl.Float64}, orient="row"
    )
    unknown = set(frame["topic"]) - set(topic_table()["topic"]) - set(PSEUDO)
    if unknown:
        raise ValueError(f"topics.csv names unknown topics: {sorted(unknown)}")
    twice = frame.filter(pl.col("keyword").is_duplicated())["keyword"].unique().sort().to_list()
    if twice:  # a second row would be silently ignored: its author meant something else
        raise ValueError(f"topics.csv lists keywords twice: {twice}")
    return frame.sort(pl.col("keyword").str.len_chars(), "keyword", descending=[True, False])


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[str]]:
    """The keyword list, longest first."""
    return (keywords()["keyword"].to_list(),)


def _hits(col: str, level: str) -> pl.Expr:
    (kws,) = _patterns()
    return pl.col(col).fill_null("").str.extract_many(kws, leftmost=True).alias(level)


def _best(scores: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """The top-scoring topic per key (ties broken by the order of topic_table, so results are stable)."""
    order = topic_table().select("topic", pl.int_range(pl.len()).alias("rank"))
    return (
        scores.join(order, on="topic")
        .sort([*keys, "score", "rank"], descending=[*([False] * len(keys)), True, False])
        .unique(keys, keep="first", maintain_order=True)
        .select(*keys, "topic")
    )


def _alternation(name: str) -> str:
    return "|".join(words(name))


def _place_flags(texts: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Whether a text places things in a village, or in a town compound/street."""
    return texts.str.contains(_alternation("topic_village_cues.txt")), texts.str.contains(
        _alternation("topic_town_cues.txt")
    )


def _places(sentences: pl.DataFrame) -> pl.DataFrame:
    """(sha256, sent_ix, village, town): the place a sentence is in, else the story's latest one.

    A story about a village road says 村 once in its lead; the sentence with the road's length
    often names no place, so the last place named earlier in the story (else the next) holds.
    """
    village, town = _place_flags(pl.col("text").fill_null(""))
    story = pl.col("story_ix") if "story_ix" in sentences.columns else pl.lit(0, dtype=pl.Int32)
    place = pl.when(village).then(pl.lit("village")).when(town).then(pl.lit("town"))
    stay = _stay(pl.col("text").fill_null(""))
    return (
        sentences.select(
            "sha256",
            pl.col("sent_ix").cast(pl.Int32),
            story.alias("story"),
            place.alias("place"),
            stay.alias("stay"),
        )
        .sort("sha256", "sent_ix")
        .with_columns(pl.col("place", "stay").forward_fill().backward_fill().over("sha256", "story"))
        .select(
            "sha256",
            "sent_ix",
            (pl.col("place") == "village").fill_null(False).alias("village"),
            (pl.col("place") == "town").fill_null(False).alias("town"),
            "stay",
        )
    )


def _stay(texts: pl.Expr) -> pl.Expr:
    """Where a text places beds: in elderly care (养老机构, 敬老院: lexicon topic_eldercare_cues.txt),
    which outranks care (医院, 病房, 护理) and lodging (宿舍, 公寓: workers' housing) in the same text;
    then in care, then in lodging; else null."""
    elder, care, lodging = (
        texts.str.contains(_alternation(f"topic_{name}_cues.txt"))
        for name in ("eldercare", "care", "lodging")
    )
    return (
        pl.when(elder)
        .then(pl.lit("elder"))
        .when(care)
        .then(pl.lit("care"))
        .when(lodging)
        .then(pl.lit("lodging"))
    )


def _resolve(topic: pl.Expr, village: pl.Expr, town: pl.Expr, stay: pl.Expr | None = None) -> pl.Expr:
    """A pseudo topic settled by place (see module docstring); real topics pass through.

    Beds (``bed``) are elderly care's in a care home (养老机构), housing in lodging (a dormitory's, a
    workers' flat's), else a ward's (health).
    """
    stay = pl.lit(None, dtype=pl.String) if stay is None else stay
    return (
        pl.when(topic == "bed")
        .then(
            pl.when(stay == "elder")
            .then(pl.lit("social_security"))
            .when(stay == "lodging")
            .then(pl.lit("housing"))
            .otherwise(pl.lit("health"))
        )
        .when(topic == "road")
        .then(
            pl.when(village)
            .then(pl.lit("rural"))
            .when(town)
            .then(pl.lit("urban"))
            .otherwise(pl.lit("transport"))
        )
        .when(topic == "utility")
        .then(pl.when(village).then(pl.lit("rural")).otherwise(pl.lit("urban")))
        .otherwise(topic)
    )


SECTION_SUBHEADLINES = 3  # subheadlines a story needs before each opens a section of its own
# a numbered line of a digest's list of headlines (7.…； 9.2025年…； （3）…；), not a decimal (0.9%，…)
_HEADLINE_ITEM = r"^(?:\d{1,2}[.．](?:\D|(?:19|20)\d\d年)|（\d{1,2}）)"


def _section_starts(sentences: pl.DataFrame) -> pl.Expr:
    """Where a section of a story starts, for the fallback theme: at a subheadline of a story holding
    several (a broadcast's stories are one story under single-line subheadlines; one subheadline is
    more often a dateline or source line), at each numbered headline of a digest's
    list (a paragraph of one sentence, 7.上半年我国海洋生产总值5.1万亿元；) and right after one, so that
    a sentence naming no theme takes its own story's, not the page's (war abroad beside the harvest)."""
    if "role" not in sentences.columns or "para_ix" not in sentences.columns:
        return pl.lit(False)
    text = pl.col("text").fill_null("")
    alone = pl.len().over("sha256", "para_ix") == 1
    item = (pl.col("role") == "body") & alone & text.str.contains(_HEADLINE_ITEM)
    after = item.shift(1).over("sha256", order_by="sent_ix").fill_null(False)
    sub = pl.col("role") == "subheadline"
    parts = sub.sum().over("sha256", "story_ix") >= SECTION_SUBHEADLINES
    return (sub & parts) | item | after


def classify_sentences(sentences: pl.DataFrame, hits: pl.Series | None = None) -> pl.DataFrame:
    """(sha256, sent_ix, topic, context) per sentence: its keywords, else its paragraph's, story's, else
    'other'; ``context`` the same read past a sentence of hints only (see below).

    The story fallback of :func:`metric_topics`; also a coarse theme of a sentence on its own.
    ``hits`` are the sentences' keyword lists when the caller has already scanned them.
    """
    story = pl.col("story_ix") if "story_ix" in sentences.columns else pl.lit(0, dtype=pl.Int32)
    para = pl.col("para_ix") if "para_ix" in sentences.columns else pl.lit(None, dtype=pl.Int32)
    village, town = _place_flags(pl.col("text").fill_null(""))
    base = sentences.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("row"),
        "sha256",
        pl.col("sent_ix").cast(pl.Int32),
        story.cast(pl.Int32).fill_null(-1).alias("story_ix"),
        para.cast(pl.Int32).fill_null(pl.col("sent_ix").cast(pl.Int32)).alias("para_ix"),
        village.alias("village"),
        town.alias("town"),
        _stay(pl.col("text").fill_null("")).alias("stay"),
        _hits("text", "kw") if hits is None else pl.lit(hits).alias("kw"),
        _section_starts(sentences).alias("section"),
        _inspected(pl.col("text").fill_null(""), pl.col("text").fill_null("")).alias("inspected"),
    )
    base = base.with_columns(
        pl.col("section")
        .cast(pl.Int32)
        .cum_sum()
        .over("sha256", "story_ix", order_by="sent_ix")
        .alias("section")
    )
    scores = (
        base.select("row", "sha256", "story_ix", "section", "village", "town", "stay", "inspected", "kw")
        .explode("kw")
        .drop_nulls("kw")
        # problems an inspection turned up name no theme of the sentence (see _inspected)
        .filter(~(pl.col("inspected") & pl.col("kw").is_in(words("topic_problem_words.txt"))))
        .join(keywords(), left_on="kw", right_on="keyword")
        .with_columns(
            _resolve(pl.col("topic"), pl.col("village"), pl.col("town"), pl.col("stay")).alias("topic")
        )
        .filter(pl.col("topic") != "none")
        .group_by("row", "sha256", "story_ix", "section", "topic")
        .agg(pl.col("weight").sum().alias("score"), pl.col("weight").max().alias("top"))
    )
    own = _best(scores.select("row", "topic", "score"), ["row"]).rename({"topic": "own"})
    # its theme as context (``context``): a sentence of hints only (目前已有18个小区进场施工) names none of
    # its own, it continues its paragraph, else takes its story's, its hint only when they name none
    telling = scores.filter(pl.col("top").max().over("row") >= HEAD_MIN)
    strong = _best(telling.select("row", "topic", "score"), ["row"]).rename({"topic": "strong"})
    story_scores = scores.group_by("sha256", "story_ix", "section", "topic").agg(pl.col("score").sum())
    dominant = _best(story_scores, ["sha256", "story_ix", "section"]).rename({"topic": "story_topic"})
    # a sentence with no keyword continues the paragraph before it (仅花费一周时间，工程便已竣工)
    return (
        base.join(own, on="row", how="left")
        .join(strong, on="row", how="left")
        .join(dominant, on=["sha256", "story_ix", "section"], how="left")
        .sort("sha256", "sent_ix")
        .with_columns(
            pl.col("own").forward_fill().over("sha256", "para_ix").alias("para_topic"),
            pl.col("strong").forward_fill().over("sha256", "para_ix").alias("para_strong"),
        )
        .sort("row")
        .select(
            "sha256",
            "sent_ix",
            pl.coalesce("own", "para_topic", "story_topic", pl.lit("other")).alias("topic"),
            pl.coalesce("strong", "para_strong", "story_topic", "own", pl.lit("other")).alias("context"),
        )
    )


def _windows(ctx: Context) -> pl.DataFrame:
    """Per metric: its head keywords, local window, clause and sentence (offsets within the sentence)."""
    keys = ["sha256", "sent_ix"]
    sents = ctx.sentences.select(
        *keys,
        pl.col("char_start").alias("s_start"),
        # a comma between digits groups thousands (分别达到65,380元和39,760元): no clause ends there,
        # so it is read as a digit joint of the same length (offsets stay those of the sentence)
        pl.col("text").fill_null("").str.replace_all(_THOUSANDS, "${1}_${2}").alias("sent"),
    )
    cols = ["metric_id", *keys, "char_start", "char_end", "text"]
    subject = pl.col("subject") if "subject" in ctx.metrics.columns else pl.lit(None, dtype=pl.String)
    m = (
        ctx.metrics.select(*cols, subject.cast(pl.String).alias("subject"))
        .with_row_index("_row")
        .join(sents, on=keys, how="left")
        .with_columns(pl.col("sent").fill_null(pl.col("text")))
        .with_columns(
            (pl.col("char_start") - pl.col("s_start")).fill_null(0).clip(0).cast(pl.Int64).alias("a"),
            (pl.col("char_end") - pl.col("s_start")).fill_null(0).clip(0).cast(pl.Int64).alias("b"),
        )
        .sort([*keys, "a", "b"])
        .with_columns(
            pl.col("b").shift(1).over(keys).fill_null(0).alias("prev_b"),
            pl.col("a").shift(-1).over(keys).fill_null(pl.col("sent").str.len_chars()).alias("next_a"),
        )
        .with_columns(
            pl.col("sent")
            .str.slice(0, pl.col("a"))
            .str.extract(f"({_NOT_STOP})$")
            .str.len_chars()
            .alias("lb"),
            pl.col("sent").str.slice(pl.col("b")).str.extract(f"^({_NOT_STOP})").str.len_chars().alias("la"),
        )
        .with_columns(
            (pl.col("a") - pl.col("lb").fill_null(0)).alias("c0"),
            (pl.col("b") + pl.col("la").fill_null(0)).alias("c1"),
        )
        .with_columns(
            pl.max_horizontal("c0", pl.min_horizontal("prev_b", "a")).alias("l0"),
            # after the metric, the window ends where the next metric's list item begins (…9000个、
            # 床位3万张: 床位 is the next item's noun); with no metric after it in the clause, a 、 only
            # lists what this metric is spent on (投入5亿元实施A、B), so the clause runs on
            pl.min_horizontal(
                "c1",
                pl.max_horizontal("next_a", "b"),
                pl.when(pl.col("next_a") < pl.col("c1"))
                .then(
                    pl.col("b")
                    + pl.col("sent").str.slice(pl.col("b")).str.extract("^([^、]*)").str.len_chars()
                )
                .otherwise(pl.col("c1")),
            ).alias("l1"),
        )
    )
    m = m.with_columns(
        pl.col("sent").str.slice("l0", pl.col("a") - pl.col("l0")).alias("lead"),
        pl.col("sent").str.slice("b", pl.col("l1") - pl.col("b")).alias("tail"),
        pl.col("sent").str.slice("l0", pl.col("l1") - pl.col("l0")).alias("local"),
        pl.col("sent").str.slice("c0", pl.col("c1") - pl.col("c0")).alias("clause"),
    )
    # money named only as money (投资3700万元，集中改造背街巷道11条) is about what it is spent on, which
    # the next clause says: the local window runs on through it
    # (not when another metric stands before it in its clause: 实施项目40个、总投资6亿元 is the projects')
    bare_fund = (
        pl.col("subject").is_in(words("topic_fund_words.txt")).fill_null(False)
        & (pl.col("c1") == pl.col("b"))
        & (pl.col("l0") == pl.col("c0"))
    )
    # ...unless no clause follows in its sentence, or only a part of what was counted before it
    # (计划实施32件民生实事，总投资约15亿元，其中新建农贸市场5个) or what it involved (新建高标准农田
    # 3万亩，总投资6000万元，涉及12个乡镇): then it is what that count spends
    # (fund_ends; metric_topics gives it the topic of the metric before it in the sentence)
    following = pl.col("sent").str.slice(pl.col("c1") + 1).str.extract(f"^({_NOT_STOP})").fill_null("")
    ends = following.str.contains(f"{_PART}|{_INVOLVES}") | pl.col("sent").str.slice(
        pl.col("c1")
    ).str.contains(_SENTENCE_END)
    m = m.with_columns(
        bare_fund.alias("bare_fund"),
        (bare_fund & ends).alias("fund_ends"),
        pl.when(bare_fund & ~ends)
        .then(pl.col("local") + following)
        .otherwise(pl.col("local"))
        .alias("local"),
    )
    # the counted noun after the measure word: a Chinese noun phrase ends in its head, so the last
    # telling keyword (weight >= HEAD_MIN) of the phrase (15件民生实事项目 -> 民生实事, not 项目) -- of
    # them the last decisive one, since a weak head leaves the theme to its owner (长期照顾床位: 床位
    # weighs 3, the care decides)
    phrase = pl.col("tail").str.slice(0, TAIL_CHARS).str.extract(f"^([^{CLAUSE_STOP}、和与及]*)")
    weights = keywords().filter(pl.col("weight") >= HEAD_MIN).select("keyword", "weight")
    after = (
        m.select("_row", phrase.alias("phrase"))
        .with_columns(_hits("phrase", "kw"))
        .explode("kw")
        .with_columns(pl.int_range(pl.len()).over("_row").alias("at"))
        # a join keeps no row order, so the phrase's last keyword is found by its position
        .join(weights, left_on="kw", right_on="keyword")
        .group_by("_row")
        .agg(pl.col("kw").sort_by(pl.col("weight") >= PREDICATE_MIN, "at").last().alias("tail_head"))
    )
    # when the counted noun follows the metric (…开展4期理论学习), or the lead only lists examples of
    # it (A、B等15件民生实事; A、B等领域240个项目), the lead is context, not what is counted: it weighs
    # as the clause does
    examples = pl.col("tail_head").is_not_null() | pl.col("lead").str.contains(f"等(?:{_FIELDS})?$")
    # people a programme reaches (惠及群众300人次) are about the programme, named before them
    cues, reached = (
        _alternation("topic_benefit_cues.txt"),
        f"{_alternation('topic_people.txt')}|{_alternation('topic_beneficiary_firms.txt')}",
    )
    # …the programme reached, in a clause of its own (…，惠及企业3.2万家): firms too, only so
    alone = (pl.col("l0") == pl.col("c0")) & pl.col("lead").str.contains(f"^(?:{cues})(?:{reached})?$")
    served = pl.col("lead").str.contains(f"(?:{cues})(?:{_alternation('topic_people.txt')})?$") | alone
    # the counted noun before the metric: the lead's last keyword (leftmost-longest, so 养老服务 in
    # 养老服务中心 is found whole) when it ends the lead, bar a trailing 的/等
    lead_kw = pl.col("lead").str.extract_many(_patterns()[0], leftmost=True).list.last()
    trimmed = pl.col("lead").str.replace(r"[的等之]$", "")
    telling = pl.Series(weights["keyword"]).implode()
    m = m.with_columns(
        pl.when(trimmed.str.ends_with(lead_kw) & lead_kw.is_in(telling)).then(lead_kw).alias("lead_head")
    )
    # a subject that is only the last conjunct of a list of short nouns (A、B、C增速10%) does not name
    # what is counted on its own: the list does, so the whole window decides, not the last item's
    # keyword (a clause before a 、 -- 吞吐量再次破亿、入境游客 -- is no conjunct)
    parts = pl.col("lead").str.split(pl.col("subject"))
    conjunct = (
        (parts.list.len() > 1) & parts.list.first().str.contains(rf"^(?:{_ITEM}[、和及与])+$")
    ).fill_null(False)
    # a subject naming no theme -- no telling keyword (地级以上市), or people (脱贫人口, 婴幼儿所在家庭)
    # -- leaves the theme to its predicate: what the clause says after it (…实现稳岗就业, …享受育儿补贴,
    # …被命名为双拥模范城)
    people = pl.col("subject").str.contains(f"(?:{_alternation('topic_people.txt')})$").fill_null(False)
    # what follows the subject's first mention, up to a 、: what follows one is the next item of a
    # list (63万失能老人、158万残疾人), not a predicate
    after_subject = (
        pl.col("clause")
        .str.split(pl.col("subject"))
        .list.slice(1)
        .list.join(pl.col("subject"))
        .str.replace("、.*$", "")
    )
    m = m.with_columns(
        pl.when(pl.col("clause").str.contains(pl.col("subject"), literal=True))
        .then(
            # a subject followed by 的 modifies the noun after it (14亿人口的国度): no predicate; for
            # people, that noun is what the figure is about (6000万农村人口的饮水安全问题 -> the
            # drinking water's theme), so it stands in for the predicate, its first words only
            pl.when(after_subject.str.starts_with("的"))
            .then(pl.when(people).then(after_subject.str.slice(1, _OF_PEOPLE)).otherwise(pl.lit("")))
            .otherwise(after_subject)
        )
        .alias("predicate")
    )
    heads = _subject_heads(_listed(m).select("_row", _qualified().alias("subject")))
    # a weak subject (企业 weighs 2) drawn in by an actor named before it in the clause (本次招聘会共吸引
    # 企业680家) counts what the actor drew: the actor's decisive keyword names the theme
    actor = (
        m.select(
            "_row",
            pl.col("lead").str.split(pl.col("subject")).list.first().alias("actor"),
            "lead",
            "l0",
            "c0",
        )
        # an actor only exemplified (科技、教育等方面的支出; 数据中心等新基建投资) names no one theme;
        # one after a metric of the clause (21万名干部包抓联企业46万户) is that metric's subject
        .filter(
            (pl.col("actor") != pl.col("lead"))
            & ~pl.col("actor").str.contains("等")
            & (pl.col("l0") == pl.col("c0"))
        )
        .pipe(_subject_heads, "actor", PREDICATE_MIN)
        .rename({"subject_head": "actor_head"})
    )
    # counts listing what a group is made of (患者包括3名学生及2名工人) are a breakdown of the group,
    # which names the theme however telling the parts' own words are
    group = (
        m.select(
            "_row",
            pl.col("sent")
            .str.slice("c0", pl.col("a") - pl.col("c0"))
            .str.extract(f"^(.+?)(?:{_alternation('topic_breakdown_verbs.txt')})")
            .alias("group"),
        )
        .drop_nulls("group")
        .pipe(_subject_heads, "group", PREDICATE_MIN)
        .rename({"subject_head": "group_head"})
    )
    # passengers named by the place they come from (深圳旅客, 日本旅客) are visitors, tourism; a
    # passenger count of a line or port (机场旅客吞吐量, 铁路发送旅客) stays transport; so are the
    # person-trips a border crossing point records (…大桥口岸录得约40万人次)
    crossing = _at_crossing(pl.col("text"), pl.col("clause"))
    m = m.with_columns(
        (pl.any_horizontal(_from_place(pl.col("lead")), _from_place(pl.col("subject"))) | crossing).alias(
            "origin"
        ),
        (
            crossing
            & pl.col("subject").str.contains(_alternation("topic_crossing_points.txt")).fill_null(False)
        ).alias("at_crossing"),
    )
    # only a decisive keyword (weight >= PREDICATE_MIN) of the predicate names the theme: …保持全球城市首位
    # says nothing of what was counted
    predicate = _subject_heads(m, "predicate", PREDICATE_MIN).rename({"subject_head": "predicate_head"})
    # people named by a weak word of welfare (长者, 老年人) whom nothing in their clause themes are the
    # people of the programme named in their clause or in a part detailing them right after it
    # (…约142万名合资格长者，其中132万人曾使用医疗券 -> health): its decisive keyword outside the
    # subject (fact-spec tie: people served take the programme's topic); else they stay welfare's
    after_clause = (
        pl.col("sent")
        .str.slice(pl.col("c1") + 1)
        .str.extract(f"^((?:其中|当中)[^{CLAUSE_STOP}]*)")
        .fill_null("")
    )
    programme = _subject_heads(
        m.filter(people).select(
            "_row",
            pl.concat_str(pl.col("clause"), pl.lit("，"), after_clause)
            .str.split(pl.col("subject"))
            .list.join("，")
            .alias("rest"),
        ),
        "rest",
        PREDICATE_MIN,
    ).rename({"subject_head": "programme_head"})
    return (
        m.join(after, on="_row", how="left")
        .join(heads, on="_row", how="left")
        .join(predicate, on="_row", how="left")
        .join(programme, on="_row", how="left")
        .join(actor, on="_row", how="left")
        .join(group, on="_row", how="left")
        .with_columns(
            pl.when(
                pl.col("origin")
                & (
                    pl.col("subject_head").is_null()
                    | (pl.col("subject_head") == "旅客")
                    | pl.col("at_crossing")
                )
            )
            .then(pl.lit(_VISITORS))
            .otherwise(pl.col("subject_head"))
            .alias("subject_head")
        )
        .join(
            keywords().select(
                pl.col("keyword").alias("subject_head"), pl.col("weight").alias("subject_weight")
            ),
            on="subject_head",
            how="left",
        )
        .with_columns(
            # money named only as money names no theme: the window through the next clause decides
            pl.when(~served & ~conjunct & ~pl.col("bare_fund"))
            .then(
                pl.coalesce(
                    "group_head",
                    # things that join a scheme (2,100幢住宅楼宇参与废物源头分类计划) are counted as its
                    # members: the scheme decides, not what they are; volunteers and cadres who join a
                    # campaign stay governance's
                    pl.when(
                        pl.col("predicate").str.contains(_JOINS).fill_null(False)
                        & ~pl.col("subject_head").is_in(_governance_words()).fill_null(False)
                    ).then(pl.col("predicate_head")),
                    pl.when(
                        pl.col("subject_head").is_null() | people | (pl.col("subject_weight") < PREDICATE_MIN)
                    ).then(pl.col("predicate_head")),
                    pl.when(pl.col("subject_weight") < PREDICATE_MIN).then(pl.col("actor_head")),
                    pl.when(
                        people
                        & (pl.col("subject_weight") < PREDICATE_MIN)
                        & pl.col("subject_head").is_in(_welfare_people())
                    ).then(pl.col("programme_head")),
                    "subject_head",
                    "tail_head",
                    "lead_head",
                )
            )
            .alias("head"),
            pl.when(served)
            .then(pl.lit(""))
            .when(examples)
            .then(pl.col("sent").str.slice("a", pl.col("l1") - pl.col("a")))
            .otherwise(pl.col("local"))
            .alias("local"),
        )
        .with_columns(
            alone.alias("served"),
            # ...named by nothing of their own before the cue: it opens their clause or follows a
            # list's joint (…158个、惠及居民5.6万户; not …惠民政策惠及76万群众, the policy's)
            pl.col("lead")
            .str.contains(f"^[、，,]?(?:{cues})(?:{_alternation('topic_people.txt')})?$")
            .alias("reached"),
            pl.col("subject_head").is_null().alias("unnamed"),
            # the subject names a theme of its own: a decisive keyword, not people, not a channel --
            # or it is a place that settles one (其中农村1万个: a village's share of a utility)
            (
                (
                    pl.col("subject_head").is_not_null()
                    & (pl.col("subject_weight") >= PREDICATE_MIN)
                    & ~people
                    & ~pl.col("subject").str.contains(_CHANNEL).fill_null(False)
                )
                | pl.col("subject").is_in([*words("topic_village_cues.txt"), *words("topic_town_cues.txt")])
            ).alias("themed"),
            # what is counted spans the fields the lead lists (A、B等领域120个项目): its hint stands
            pl.col("lead").str.contains(f"等(?:{_FIELDS})$").alias("fields"),
        )
        .drop(
            "tail_head",
            "lead_head",
            "subject_head",
            "subject_weight",
            "predicate_head",
            "actor_head",
            "group_head",
            "programme_head",
            "predicate",
            "bare_fund",
            "origin",
            "at_crossing",
        )
    )


_JOINS = r"^(?:已|均|先后|陆续)?(?:参与|参加|加入)"  # what the subject does: joins a scheme (参与…计划)


@lru_cache(maxsize=1)
def _governance_words() -> list[str]:
    """The governance keywords (志愿者, 党员, 干部): people who join a campaign as its workers."""
    return keywords().filter(pl.col("topic") == "governance")["keyword"].to_list()


@lru_cache(maxsize=1)
def _welfare_people() -> list[str]:
    """The weak keywords of social security that name people (长者, 老年人, 困难群众): lexicon
    topic_people.txt words that topics.csv gives to social_security below PREDICATE_MIN."""
    weak = keywords().filter((pl.col("topic") == "social_security") & (pl.col("weight") < PREDICATE_MIN))
    return sorted(set(weak["keyword"]) & set(words("topic_people.txt")))


def _qualified() -> pl.Expr:
    """The subject with the decisive keyword that adjoins it on its left in its lead, if any.

    A qualifier the subject rules cut off (脱贫|地区人均可支配收入) still changes what is counted: the
    income is the poverty-lifted areas', so the keyword it ends in competes for the head (and wins
    only when stronger than the subject's own: a Chinese noun phrase ends in its head).
    """
    # what stands right before the subject's last mention in the metric's lead
    before = pl.col("lead").str.split(pl.col("subject")).list.get(-2, null_on_oob=True)
    # ...or before a scheme's name and its 的 (参与强积金计划的|雇员): the members are the scheme's
    before = before.str.replace(_SCHEME_OF, "")
    decisive = pl.Series(keywords().filter(pl.col("weight") >= PREDICATE_MIN)["keyword"]).implode()
    tails = [before.str.slice(-k) for k in (4, 3, 2)]
    qualifier = pl.coalesce(
        *(
            pl.when((t.str.len_chars() == k) & t.is_in(decisive)).then(t)
            for t, k in zip(tails, (4, 3, 2), strict=True)
        )
    )
    # a subject cut inside a word (…试点县县|中: 县中, county high schools) ends in that word
    after = pl.col("clause").str.split(pl.col("subject")).list.get(1, null_on_oob=True)
    cut = pl.coalesce(
        *(
            pl.when(
                (after.str.len_chars() >= k)
                & pl.concat_str(pl.col("subject").str.slice(-j), after.str.slice(0, k)).is_in(decisive)
            ).then(after.str.slice(0, k))
            for j, k in ((1, 1), (2, 1), (1, 2))
        )
    )
    contains = pl.col("subject") != ""
    return (
        pl.when(pl.col("lead").str.contains(pl.col("subject"), literal=True) & contains)
        .then(pl.concat_str(qualifier.fill_null(""), pl.col("subject")))
        .when(pl.col("clause").str.contains(pl.col("subject"), literal=True) & contains)
        .then(pl.concat_str(pl.col("subject"), cut.fill_null("")))
        .otherwise(pl.col("subject"))
    )


@lru_cache(maxsize=1)
def _origin_places() -> list[str]:
    """Names a passenger may be called after: China's divisions (the regions gazetteer: 深圳, 广东省)
    and the countries and regions of the world that source visitors (lexicon topic_origin_places.txt)."""
    from transforms.enrich.regions import division_names

    return sorted({*division_names(), *words("topic_origin_places.txt")})


def _from_place(text: pl.Expr) -> pl.Expr:
    """Whether a text ends in passengers named after a place (…深圳旅客, 日本旅客有…): the two to four
    characters before its last 旅客 are a place's name, and no count of a line follows it."""
    before = text.str.extract(rf"([\u4e00-\u9fff]{{2,4}})旅客(?:[^{CLAUSE_STOP}吞发运周列量]*)$")
    places = pl.Series(_origin_places()).implode()
    return pl.any_horizontal(*(before.str.slice(-k).is_in(places) for k in (2, 3, 4))).fill_null(False)


def _at_crossing(text: pl.Expr, clause: pl.Expr) -> pl.Expr:
    """Whether a metric counts person-trips (人次) in a clause naming a border crossing point (口岸,
    管制站: lexicon topic_crossing_points.txt): the travellers who crossed there."""
    return (
        text.str.ends_with("人次") & clause.str.contains(_alternation("topic_crossing_points.txt"))
    ).fill_null(False)


def _listed(m: pl.DataFrame) -> pl.DataFrame:
    """The subject of the first item of a 分别 list read with the head its list shares (城镇|和农村居民
    人均可支配收入分别…: 城镇 counts income), for its theme only; the few rows with 分别 go to Python."""
    rows = m.filter(
        pl.col("sent").str.contains("分别", literal=True) & (pl.col("subject").fill_null("") != "")
    )
    if rows.is_empty():
        return m
    # the list is in the metric's clause, or in one before it (…分别达到A、B，分别增长x、y)
    upto = rows.select(pl.col("sent").str.slice(0, pl.col("a")))["sent"]
    phrases = [listed_phrase(t, s) for t, s in zip(upto, rows["subject"], strict=True)]
    listed = rows.select("_row").with_columns(pl.Series("_listed", phrases, dtype=pl.String))
    return (
        m.join(listed, on="_row", how="left")
        .with_columns(pl.coalesce("_listed", "subject").alias("subject"))
        .drop("_listed")
    )


def _subject_heads(m: pl.DataFrame, col: str = "subject", least: float = HEAD_MIN) -> pl.DataFrame:
    """(_row, subject_head): the telling keyword of the metric's subject, when the subject rules
    found one -- the strongest, and of equals the later, since a Chinese noun phrase ends in its head
    (农村居民人均可支配收入 -> 农村居民, weight 5 over 4; 社保科创基金 -> 科创基金, not 社保)."""
    telling = keywords().filter(pl.col("weight") >= least).select("keyword", "topic", "weight")
    # a problem of a named thing (污水治理问题, 供水诉求) takes that thing's theme: the petitions word
    # yields to a decisive keyword of another topic in the same subject -- in a subject only: in a
    # predicate (…在接访中反映了县道问题) the request is what the people counted did
    themed = ((pl.col("topic") != "petitions") & (pl.col("weight") >= PREDICATE_MIN)).any().over(
        "_row"
    ) & pl.lit(col == "subject")
    return (
        m.select("_row", _hits(col, "kw"))
        .explode("kw")
        .with_columns(pl.int_range(pl.len()).over("_row").alias("at"))
        .join(telling, left_on="kw", right_on="keyword")
        .with_columns(((pl.col("topic") == "petitions") & themed).alias("yields"))
        .sort("_row", "yields", "weight", "at", descending=[False, False, True, True])
        .unique("_row", keep="first")
        .select("_row", pl.col("kw").alias("subject_head"))
    )


def _inspected(sentence: pl.Expr, clause: pl.Expr) -> pl.Expr:
    """Whether the problems a metric's sentence names were found by an inspection: an inspection word
    (排查, 检查, 巡查: lexicon topic_inspection_cues.txt) stands before a problem word (问题) in the
    sentence, and the metric's clause names no residents or their requests (群众反映的问题 stay
    petitions: problems raised by residents)."""
    problems = _alternation("topic_problem_words.txt")
    raised = f"{_alternation('topic_people.txt')}|{_alternation('topic_request_words.txt')}|反映"
    return (
        sentence.str.contains(f"(?:{_alternation('topic_inspection_cues.txt')})[^。；;！？!?]*(?:{problems})")
        & ~clause.str.contains(raised)
    ).fill_null(False)


def _safety_inspection(sentence: pl.Expr, clause: pl.Expr) -> pl.Expr:
    """Whether the metric's clause inspects things for safety: an inspection word (lexicon
    topic_inspection_cues.txt) in the clause, and the sentence names a safety check (安全检查, 安全大排查)
    or hazards an inspection turned up (检查…隐患), and no safety of another theme (食品安全, 饮水安全:
    the keywords of topics.csv holding 安全 that are not public safety's)."""
    cues = _alternation("topic_inspection_cues.txt")
    other = keywords().filter(pl.col("keyword").str.contains("安全") & (pl.col("topic") != "public_safety"))
    check = f"安全大?(?:{cues})|(?:{cues})[^。；;！？!?]*隐患"
    return (
        clause.str.contains(cues)
        & sentence.str.contains(check)
        & ~sentence.str.contains("|".join(other["keyword"]))
    ).fill_null(False)


def metric_topics(ctx: Context) -> pl.DataFrame:
    """(metric_id, topic) for every metric of the batch (see the module docstring for the order)."""
    if ctx.metrics.is_empty():
        return pl.DataFrame(schema=METRIC_TOPICS)
    # one row per metric: the same page under two paths repeats its metrics, and a repeat would
    # stand as its own neighbour in the windows and the forward fills (one row per metric_id out)
    ctx = dataclasses.replace(ctx, metrics=ctx.metrics.unique("metric_id", keep="first", maintain_order=True))
    keys = ["sha256", "sent_ix"]
    # a place named in the metric's own clause settles its road or utility before one named elsewhere
    # in the sentence (城区20条道路…，…农村公路建设: the 20 roads are the town's)
    cv, ct = _place_flags(pl.col("clause"))
    named = cv | ct
    win = (
        _windows(ctx)
        .join(_places(ctx.sentences), on=keys, how="left")
        .with_columns(
            _inspected(pl.col("sent"), pl.col("clause")).alias("inspected"),
            pl.when(named).then(cv).otherwise(pl.col("village")).alias("village"),
            pl.when(named).then(~cv & ct).otherwise(pl.col("town")).alias("town"),
        )
    )
    sents = ctx.sentences.with_columns(pl.col("sent_ix").cast(pl.Int32))
    sent_hits = sents.select(*keys, _hits("text", "kw"))
    levels = pl.concat(
        [
            win.select(
                "_row",
                pl.concat_list(pl.col("head")).alias("kw"),
                pl.lit(HEAD).alias("w"),
                pl.lit(1).alias("lvl"),
            ),
            win.select("_row", _hits("local", "kw"), pl.lit(LOCAL).alias("w"), pl.lit(1).alias("lvl")),
            win.select("_row", _hits("clause", "kw"), pl.lit(CLAUSE).alias("w"), pl.lit(2).alias("lvl")),
            # the sentence's keywords: one scan per sentence, shared by its metrics
            win.select("_row", *keys)
            .join(sent_hits.select(*keys, "kw").explode("kw").drop_nulls("kw"), on=keys)
            .select(
                "_row", pl.concat_list("kw").alias("kw"), pl.lit(SENTENCE).alias("w"), pl.lit(3).alias("lvl")
            ),
        ],
        how="diagonal_relaxed",
    )
    hits = (
        levels.explode("kw")
        .drop_nulls("kw")
        .join(keywords(), left_on="kw", right_on="keyword")
        # a hint (项目, 产业) next to the metric says little of its theme: it weighs as the clause's
        # words do, so a theme word elsewhere in the sentence (帮扶, 形式主义) can outweigh it --
        # unless what is counted spans the fields its lead lists
        .join(win.select("_row", "village", "town", "stay", "fields", "served", "inspected"), on="_row")
        # problems an inspection turned up (排查管护问题127个; …开展检查，督促整改问题65个) are not what
        # residents raise: the problem word names no theme, so what was inspected decides
        .filter(~(pl.col("inspected") & pl.col("kw").is_in(words("topic_problem_words.txt"))))
        # an enforcement word (检控, 罚款) says how a law was upheld, not which: it weighs as the
        # clause's words do and does not make its clause a themed one, so the law's theme decides
        # (…就非法弃置废物提出的检控486宗，…最高罚款为6万元 -> environment, both): it never heads
        # the metric nor weighs in its local window, even as its subject (检控486宗)
        .with_columns(pl.col("kw").is_in(words("topic_enforcement_words.txt")).alias("enforce"))
        .filter(~(pl.col("enforce") & (pl.col("lvl") == 1)))
        # a hint counts as a word of the metric's clause, not again in its local window (inside the
        # clause), so a clause of one hint (改造12个小区) yields to the theme its sentence names
        # (老旧小区改造…)
        .filter(~((pl.col("weight") < HEAD_MIN) & ~pl.col("fields") & (pl.col("lvl") == 1)))
        .with_columns(
            pl.when(((pl.col("weight") < HEAD_MIN) & ~pl.col("fields")) | pl.col("enforce"))
            .then(pl.min_horizontal("w", pl.lit(CLAUSE)))
            .otherwise(pl.col("w"))
            .alias("w"),
            # so does a weak word of a clause stating whom a programme reached (…，惠及企业3.2万家):
            # the programme, named before it in the sentence, is what the metric is about
            pl.when(pl.col("enforce") | (pl.col("served") & (pl.col("weight") < PREDICATE_MIN)))
            .then(pl.max_horizontal("lvl", pl.lit(3)))
            .otherwise("lvl")
            .alias("lvl"),
        )
        .with_columns(
            _resolve(pl.col("topic"), pl.col("village"), pl.col("town"), pl.col("stay")).alias("topic")
        )
        .filter(pl.col("topic") != "none")
    )
    scored = hits.group_by("_row", "topic").agg(
        (pl.col("weight") * pl.col("w")).sum().alias("score"), pl.col("lvl").min().alias("lvl")
    )
    best = (
        _best(scored.select("_row", "topic", "score"), ["_row"])
        .join(win.select("_row", "clause"), on="_row")
        .with_columns(
            # problems an organisation finds in itself (检视问题) are governance, not residents' requests
            pl.when(
                (pl.col("topic") == "petitions")
                & pl.col("clause").str.contains(_alternation("topic_self_inspection_cues.txt"))
            )
            .then(pl.lit("governance"))
            .otherwise(pl.col("topic"))
            .alias("scored")
        )
        .select("_row", "scored")
    )
    nearest = scored.group_by("_row").agg(pl.col("lvl").min().alias("lvl"))
    # metrics whose every keyword, in clause and sentence, is a hint (项目, 小区): when what they count
    # is a generic noun (lexicon topic_generic_counts.txt: 已开工项目9个, 18个小区进场施工) the story
    # decides, as the hint of their sentence names no theme
    hinted = (
        hits.group_by("_row")
        .agg(pl.col("weight").max().alias("top"))
        .filter(pl.col("top") < HEAD_MIN)
        .select("_row", pl.lit(True).alias("hint_only"))
    )
    # metrics whose clause names a theme of its own (a keyword of a real topic, not a blocker)
    named_clause = (
        hits.filter(pl.col("lvl") <= 2, pl.col("w") < HEAD)
        .select("_row")
        .unique()
        .with_columns(pl.lit(True).alias("clause_named"))
    )
    # metrics whose clause holds a decisive keyword (weight >= PREDICATE_MIN) of a real topic
    decided_clause = (
        hits.filter(pl.col("lvl") <= 2, pl.col("weight") >= PREDICATE_MIN)
        .select("_row")
        .unique()
        .with_columns(pl.lit(True).alias("clause_decided"))
    )
    # metrics whose clause names a theme by a word other than a bare measure's (产值, 营业收入)
    measures = words("topic_measure_words.txt")
    other_named = (
        hits.filter(pl.col("lvl") <= 2, ~pl.col("kw").is_in(measures), pl.col("weight") >= HEAD_MIN)
        .select("_row")
        .unique()
        .with_columns(pl.lit(True).alias("other_named"))
    )
    stories = classify_sentences(sents, sent_hits["kw"]).rename(
        {"topic": "story_topic", "context": "story_context"}
    )
    # urban and rural residents' incomes stated as a pair, an even count of metrics in one clause
    income_pair = (
        pl.col("clause").str.contains(_INCOME_PAIR)
        # …分别达到A和B，分别增长C和D: the second clause goes on with the pair before it
        | (
            pl.col("clause").str.contains(_PAIR_GOES_ON)
            & pl.col("sent").str.slice(0, pl.col("c0")).str.contains(_INCOME_PAIR)
            & pl.col("subject").str.contains("收入").fill_null(False)
        )
    ) & (pl.len().over(*keys, "c0") % 2 == 0)
    out = (
        win.select(
            "_row",
            "metric_id",
            *keys,
            "a",
            "c0",
            "c1",
            "clause",
            "sent",
            "unnamed",
            "themed",
            "subject",
            "lead",
            "tail",
            "fund_ends",
            "reached",
            "text",
        )
        .join(best, on="_row", how="left")
        .join(nearest, on="_row", how="left")
        .join(named_clause, on="_row", how="left")
        .join(decided_clause, on="_row", how="left")
        .join(other_named, on="_row", how="left")
        .join(hinted, on="_row", how="left")
        .sort([*keys, "a"])
        .with_columns(
            # a metric with no keyword in its clause is about what the metric before it is about
            pl.when(pl.col("lvl") <= 2).then(pl.col("scored")).alias("near"),
        )
        .with_columns(pl.col("near").forward_fill().over(keys).alias("inherited"))
        .join(stories, on=keys, how="left")
        .with_columns(
            pl.coalesce(
                pl.when(
                    pl.col("hint_only")
                    & pl.col("subject")
                    .str.contains(f"(?:{_alternation('topic_generic_counts.txt')})$")
                    .fill_null(False)
                ).then(pl.col("story_context")),
                "near",
                pl.when(pl.col("lvl").is_null() | (pl.col("lvl") > 2)).then(pl.col("inherited")),
                "scored",
                "story_topic",
                pl.lit("other"),
            ).alias("topic")
        )
        # a scheme named before the figure in its sentence («「X资助计划」至今已批出申请约880宗») decides
        # the topic of a figure whose subject names no theme of its own: what the scheme's name is
        # about, by its head (the last decisive keyword of the name: a Chinese compound ends in its head)
        .pipe(_scheme_topics)
        .with_columns(
            pl.when(
                pl.col("scheme_topic").is_not_null()
                & (
                    ~pl.col("themed").fill_null(False)
                    # ...or one the scheme owns («「X计划」的合资格大学»): the scheme's, whatever it names
                    | pl.any_horizontal(
                        pl.col("sent")
                        .str.slice(0, pl.col("a"))
                        .str.contains(pl.concat_str(pl.lit(mark), pl.col("subject")), literal=True)
                        for mark in ("计划」的", "」计划的")
                    ).fill_null(False)
                )
            )
            .then(pl.col("scheme_topic"))
            .otherwise(pl.col("topic"))
            .alias("topic")
        )
        .with_columns(
            # urban and rural residents' incomes stated as a pair (城乡居民人均可支配收入分别增长A、B;
            # 从A和B分别提高到C和D): every second figure is the rural one, the central farm-income
            # indicator (213); the urban one stays a macro indicator
            pl.when(income_pair & (pl.int_range(pl.len()).over(*keys, "c0") % 2 == 1))
            .then(pl.lit("rural"))
            # ...and the first the urban one, whatever the shared head's last word (城镇居民和农村居民
            # 人均可支配收入分别达到A和B: A is the towns')
            .when(income_pair)
            .then(pl.lit("economy"))
            # a count of points that the text then enumerates (十个突出亮点：一是…；二是…) spans every
            # field, as 方面工作 does, unless its subject names a theme
            .when(pl.col("unnamed") & pl.col("sent").str.slice(pl.col("c1")).str.contains(_ENUMERATION))
            .then(pl.lit("other"))
            # a place's people as such (社区有居民6000多人, 村里住着村民300户), the count ending its clause,
            # is population, which no code covers
            .when(
                pl.col("lead").str.contains(
                    f"(?:{_POPULATION_VERBS})(?:常住)?(?:{_alternation('topic_people.txt')})$"
                )
                & ~pl.col("tail").str.contains(r"[\u4e00-\u9fff]")
            )
            .then(pl.lit("other"))
            # a count whose subject is only a field word (安排了18个领域的任务) counts areas of work
            .when(pl.col("subject").str.contains(_FIELD_ONLY).fill_null(False))
            .then(pl.lit("other"))
            # persons counted under an industry's name (酒店业及饮食业分别有4万3千人) are the people
            # it employs, whatever the industry's theme
            .when(
                pl.col("subject").str.contains(_INDUSTRY).fill_null(False)
                & pl.col("text").str.contains(_PERSONS)
            )
            .then(pl.lit("employment"))
            .otherwise(pl.col("topic"))
            .alias("topic")
        )
        # a change stated in a clause of its own that names nothing (…来澳的旅客有21万人次，按年减少5.6%):
        # its subject is carried over from a metric before it, and so is that metric's topic
        .with_columns(
            (
                pl.col("clause_named").is_null()
                & pl.col("subject").is_not_null()
                & ~pl.col("clause").str.contains(pl.col("subject").fill_null(""), literal=True)
                # a 分别 clause spreads over several metrics before it (…分别增长A和B), not one; a
                # clause after an income pair goes on with the pair (see above)
                & ~pl.col("clause").str.contains("分别")
                & ~pl.col("sent").str.slice(0, pl.col("c0")).str.contains(_INCOME_PAIR)
            ).alias("carried")
        )
        # the latest metric before it of the same subject (not a part between them:
        # …45例，其中65岁以上长者占6成以上，另有3例死亡)
        .with_columns(_topic_before(pl.col("carried"), [*keys, "subject"]))
        # money named only as money that closes its sentence (…民生项目清单15项，已完工9项，完成投资860余万元)
        # is what the count before it spends: that metric's topic
        .with_columns(_topic_before(pl.col("fund_ends"), keys))
        # a bare measure of output or sales (…总产量超过40万吨，产值有望达到38亿元), its clause naming
        # nothing else, measures what the metric before it in its sentence counts: that metric's topic
        .with_columns(
            (pl.col("subject").is_in(measures).fill_null(False) & pl.col("other_named").is_null()).alias(
                "bare_measure"
            )
        )
        .with_columns(_topic_before(pl.col("bare_measure"), keys))
        # a part of the whole stated before it (…约150万人次，其中经大桥出境的占约三成五; 投入养老资金
        # 4亿元，其中省级补助3万元用于购置器材) is about the whole, unless its subject names a theme of
        # its own (其中农村居民收入…): the whole's topic is that of the latest metric outside a part,
        # in its sentence
        # (其中，X…: the opener may stand as a clause of its own); a part stating its share of the
        # whole (其中电动巴士占八成七, 其中薪资争议占4成1) counts the whole's things, whatever it names
        .sort([*keys, "a"])
        .with_columns(pl.col("sent").str.slice(0, pl.col("c0")).alias("_before"))
        .with_columns(
            (
                pl.col("clause").str.contains(_PART)
                | pl.col("_before").str.contains(_PART_ALONE)
                | (pl.col("clause").str.contains(_INVOLVES) & (pl.col("c0") > 0))
            ).alias("in_part")
        )
        .with_columns(
            pl.when(
                pl.col("in_part")
                & (
                    ~pl.col("themed").fill_null(False)
                    # ...what the metric before it involved (…个案1,842宗，涉及雇员3,260人: the case's
                    # employees, whatever their own word's theme)
                    | (pl.col("clause").str.contains(_INVOLVES) & (pl.col("c0") > 0))
                    # ...a share's whole stated before it in its sentence (其中内地旅客占约七成 alone
                    # keeps its own theme)
                    | (
                        pl.col("clause").str.contains(_PART_SHARE)
                        & pl.when(~pl.col("in_part"))
                        .then(pl.col("topic"))
                        .forward_fill()
                        .over(keys)
                        .is_not_null()
                    )
                )
            )
            .then(
                pl.coalesce(
                    pl.when(~pl.col("in_part")).then(pl.col("topic")).forward_fill().over(keys),
                    # a part opening its sentence (其中长者的轮候时间为3.6年) continues the one before
                    pl.when((pl.col("c0") == 0) | pl.col("_before").str.contains(f"^{_PART}$")).then(
                        pl.when(~pl.col("in_part")).then(pl.col("topic")).forward_fill().over("sha256")
                    ),
                    pl.col("topic"),
                )
            )
            .otherwise(pl.col("topic"))
            .alias("topic")
        )
        # a clause opening on 占 states a share of what the metric before it in the sentence counts,
        # over some base (占全港人口约三成: 人口 is the base, not what is counted): that metric's topic
        .with_columns(pl.col("clause").str.contains(_SHARE).alias("share"))
        .with_columns(
            pl.when(pl.col("share"))
            .then(
                pl.coalesce(
                    pl.when(~pl.col("share")).then(pl.col("topic")).forward_fill().over(keys),
                    pl.col("topic"),
                )
            )
            .otherwise(pl.col("topic"))
            .alias("topic")
        )
        # people a programme reached (…改造老旧小区158个、惠及居民5.6万户), after a metric of their
        # sentence, are that metric's programme's (fact-spec tie: people served take its topic)
        .with_columns(_topic_before(pl.col("reached"), keys))
        # things inspected for safety (检查企业8.6万家次，排查整改隐患…; 对148辆校车开展安全检查) are public
        # safety's, whatever they are: the metric's clause inspects, and its sentence names a safety
        # check (安全检查) or hazards turned up (…隐患) -- not a safety of another theme (食品安全)
        .with_columns(
            pl.when(_safety_inspection(pl.col("sent"), pl.col("clause")))
            .then(pl.lit("public_safety"))
            .otherwise(pl.col("topic"))
            .alias("topic")
        )
        .pipe(_same_measure)
        .pipe(_categories)
        .pipe(_respective_run)
        .sort("_row")
    )
    return out.select("metric_id", "topic")


def _topic_before(flag: pl.Expr, over: list[str]) -> pl.Expr:
    """The topic column with a flagged metric's topic replaced by that of the latest unflagged metric
    before it in its group ``over`` (its sentence), where there is one."""
    return (
        pl.when(flag)
        .then(pl.coalesce(pl.when(~flag).then(pl.col("topic")).forward_fill().over(over), pl.col("topic")))
        .otherwise(pl.col("topic"))
        .alias("topic")
    )


def _scheme_topics(out: pl.DataFrame) -> pl.DataFrame:
    """``out`` with scheme_topic: the topic of the last scheme named before the metric in its
    sentence (「X计划」, X资助计划), by the last decisive keyword of its name; null when none."""
    kinds = _alternation("topic_scheme_kinds.txt")
    before = pl.col("sent").str.slice(0, pl.col("a"))
    names = (
        out.select(
            "_row",
            pl.concat_list(
                before.str.extract_all(_SCHEME_NAME).list.last(),
                before.str.extract_all(f"[\u4e00-\u9fff]{{2,8}}(?:{kinds})计划").list.last(),
            ).alias("scheme"),
        )
        .explode("scheme")
        .drop_nulls("scheme")
        .with_columns(pl.col("scheme").str.extract(_SCHEME_NAME).fill_null(pl.col("scheme")))
        # the kind (津贴, 资助) says it is a scheme, the words before it what of (牙科保健津贴 -> health):
        # the kind's own theme stands only when nothing before it names one
        .with_columns(pl.col("scheme").str.replace(f"(?:{kinds})(?:计划)?$", "").alias("what"))
    )
    decisive = keywords().filter(pl.col("weight") >= PREDICATE_MIN).select("keyword", "topic")
    known = decisive["keyword"].implode()
    heads = (
        names.with_columns(_hits("what", "kw_what"), _hits("scheme", "kw_all"))
        .with_columns(
            pl.col("kw_what").list.eval(pl.element().filter(pl.element().is_in(known))).list.last(),
            pl.col("kw_all").list.eval(pl.element().filter(pl.element().is_in(known))).list.last(),
        )
        .select("_row", pl.coalesce("kw_what", "kw_all").alias("kw"))
        .drop_nulls("kw")
        .join(decisive, left_on="kw", right_on="keyword")
        .with_columns(_resolve(pl.col("topic"), pl.lit(False), pl.lit(False)).alias("topic"))
        .filter(pl.col("topic") != "none")
        # the nearer name: a bare kind's name ends later than a quoted one only when it follows it
        .group_by("_row")
        .agg(pl.col("topic").last().alias("scheme_topic"))
    )
    return out.join(heads, on="_row", how="left")


def _respective_run(out: pl.DataFrame) -> pl.DataFrame:
    """A figure that goes on a 分别 run (…分别对接企业46家|和|38家) after one of the same subject, named
    after 分别, is about what that one is about: its own window holds only the joiner, so the run's
    first figure speaks for it (but for a pair of urban and rural incomes). Rows in document order
    within a sentence."""
    keys = ["sha256", "sent_ix", "c0"]
    out = out.sort(["sha256", "sent_ix", "a"])
    prev_topic = pl.col("topic").shift(1).over(keys)
    prev_subject = pl.col("subject").shift(1).over(keys)
    run = (
        pl.col("lead").is_in(["和", "、", "及", "与"])
        # the subject named once after 分别, the object of its verb (not 高速公路、水利、电网投资分别…:
        # items before 分别 that name their own themes)
        & pl.col("clause").str.extract(r"分别(.*)$").str.contains(pl.col("subject"), literal=True)
        & (pl.col("subject") == prev_subject)
        # not a pair of urban and rural incomes, whose second figure is the rural one (see above)
        & ~pl.col("sent").str.slice(0, pl.col("c1")).str.contains(_INCOME_PAIR)
    ).fill_null(False)
    return out.with_columns(pl.when(run).then(prev_topic).otherwise(pl.col("topic")).alias("topic"))


_MEASURE_CHARS = 4


def _same_measure(out: pl.DataFrame) -> pl.DataFrame:
    """A sentence that states the measure of the metric before it again, for another group
    (一般申请者的平均轮候时间为5.3年。长者一人申请者的平均轮候时间为3.6年。), is about what that metric is
    about, unless its clause names a theme decisively: the group's weak word (长者) does not.

    Only a subject with no telling keyword of its own, standing before its figure after the group
    it is measured for (…的平均轮候时间为3.6年), met in the sentence just before.
    """
    order = ["sha256", "sent_ix", "a"]
    out = out.sort(order)
    # the latest metric before it of the same subject (another metric may stand between: 较一年前的5.8年)
    prev = [pl.col(c).shift(1).over("sha256", "subject") for c in ("topic", "sent_ix")]
    same = (
        # a measure named in a phrase (平均轮候时间), not a bare noun (国家) any sentence may repeat
        (pl.col("subject").str.len_chars() >= _MEASURE_CHARS)
        # the measure, before its figure, of a group named before it with 的 (…申请者的平均轮候时间为)
        & pl.col("lead").str.contains(pl.concat_str(pl.lit("的"), pl.col("subject")), literal=True)
        & (pl.col("sent_ix") == prev[1] + 1)
        & pl.col("unnamed")
        & pl.col("clause_decided").is_null()
    ).fill_null(False)
    return out.with_columns(pl.when(same).then(prev[0]).otherwise(pl.col("topic")).alias("topic"))


def _categories(out: pl.DataFrame) -> pl.DataFrame:
    """Counts of residents' requests by category are petitions, whatever the category names.

    A category of requests (住房类诉求3万件, 噪音类投诉) counts requests; a bare category whose
    noun is left out (其次是住房和物业类3.5万件、交通出行类2.8万件) continues the count of requests
    before it in the document. A bare category after any other count keeps its own theme (重点项目
    105个，其中工业类3个、农业类21个: the projects are of those fields). Rows in document order.
    """
    requests = _alternation("topic_request_words.txt")
    subject = pl.col("subject")
    named = subject.str.contains(f"类(?:{requests})").fill_null(False)
    bare = subject.str.contains(r"^[\u4e00-\u9fff、和及与]{1,12}类$").fill_null(False)
    out = out.with_columns(pl.when(named).then(pl.lit("petitions")).otherwise("topic").alias("topic"))
    before = pl.when(~bare).then(pl.col("topic")).forward_fill().over("sha256")
    return out.with_columns(
        pl.when(bare & (before == "petitions")).then(pl.lit("petitions")).otherwise("topic").alias("topic")
    )
