"""Cue words that make a metric a target (planned, expected, promised) or state it as done.

A cue governs only the metrics of its own verb, so it is looked for in the metric's clause, before
the metric: in 285个计划新开工项目全部开工 the 计划 after the metric does not make it a target, and
in 梳理了15件实事，并确保年内取得实效 the 确保 of the next clause does not either. A cue word inside
a longer word that plans nothing (计划生育, 超预期, 将近) does not count. The words are lexicons.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from transforms.lexicon import words
from transforms.metrics.words import tag


@cache
def _finder(name: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words(name)))


@cache
def _blockers() -> re.Pattern[str]:
    return _finder("target_cue_blockers.txt")


# a short quotation with no punctuation inside is a name (「中小企業援助計劃」, “力争上游”行动): a cue
# word in it plans nothing (metric-spec reads such quotations as names too)
_NAME_QUOTE = re.compile(r"(?<=[“「『《])[^“”「」『』《》，。；：！？,;:!?、]{1,15}(?=[”」』》])")


# an estimate of a quantity named before it, right before the figure (网上销售额估计为38亿元, 观光消费
# 金额估计约412亿元): the figure as it is reckoned to stand, not a forecast, which names what it
# foresees after its verb (估计全年…, 估计每年增加预算…)
_ESTIMATE_OF = re.compile(r"(?<=[\u4e00-\u9fff])估计(?=(?:为|达)?\s*[约近超逾]?\d)")


def estimate_before_figure(before: str) -> bool:
    """Does the clause up to a figure end in an estimate of the quantity it names (…金额估计|约412亿元,
    …销售额估计为|38亿元)? Not an agent's estimate opening a clause (当局估计，…: a forecast's scope)."""
    return re.search(r"[\u4e00-\u9fff]估计(?:为|达)?\s*$", before) is not None and not re.search(
        r"(?:^|[，,；;：:])\s*[^，,；;：:]{0,4}估计(?:为|达)?\s*$", before
    )


@lru_cache(maxsize=4096)
def _blanked(text: str) -> str:
    """``text`` with the blocker words, quoted names and estimates of a stated quantity masked, so a
    cue inside one is not found."""
    text = _NAME_QUOTE.sub(lambda m: "□" * len(m.group(0)), text)
    text = _ESTIMATE_OF.sub("□□", text)
    kept = _unblocked()
    return _blockers().sub(
        lambda m: m.group(0) if text.startswith(kept, m.start()) else "□" * len(m.group(0)), text
    )


@cache
def _unblocked() -> tuple[str, ...]:
    """Cue phrases that begin with a blocker word (计划下月起 is a plan, 计划下获批的 a scheme)."""
    return tuple(words("target_cue_unblocked.txt"))


def cues(text: str, lexicon: str, *, ignore: tuple[str, ...] = ()) -> list[str]:
    """The cue words of ``lexicon`` found in ``text`` (blocker words masked), minus ``ignore``."""
    found = _finder(lexicon).findall(_blanked(text))
    return [w for w in found if w not in ignore]


@cache
def _future() -> re.Pattern[str]:
    verbs = sorted({*words("future_verbs.txt"), *words("coordinated_verbs.txt")}, key=lambda w: (-len(w), w))
    adverb = "|".join(re.escape(w) for w in words("future_adverbs.txt"))
    ahead = "|".join(re.escape(w) for w in words("future_time_words.txt"))
    signs = "|".join(re.escape(w) for w in words("object_marker_signs.txt"))
    # the object marker 将 (还将X从A调整为B, 也将损耗率控制在…, 今年将38件文物…复刻): its object
    # comes first, then a start value or a verb placing it, or a figure right after 将 (the
    # clause up to the figure ends with it)
    marker = f"(?!近|[约超]?\\d|\\s*$|[^，,；;。：:]{{1,16}}?(?:{signs}))"
    return re.compile(
        "将(?:还|要|再|也)?(?:" + "|".join(re.escape(v) for v in verbs) + ")"
        # an adverb right before 将 makes it the future (还将再筹集…, 也将…), not the object marker
        f"|(?:{adverb})将{marker}"
        # and so does a time still ahead opening the clause (今年我国将补贴…, 新一年将…)
        f"|^\\s*(?:{ahead})[^，,；;。：:以前内]{{0,4}}将{marker}"
    )


@cache
def _cue_starts() -> re.Pattern[str]:
    firsts = {
        w[0]
        for name in ("target_cues.txt", "target_weak_cues.txt", "actual_cues.txt", "announce_verbs.txt")
        for w in words(name)
    }
    return re.compile("[" + re.escape("".join(sorted(firsts | {"将"}))) + "]")


def may_cue(text: str) -> bool:
    """False when ``text`` holds no character that opens a strong, weak or actual cue (or 将): then
    :func:`target_cue`, :func:`actual_cue`, :func:`weak_target_cue` and :func:`announces_measure` are all False, and one
    search spares their blanking and lexicon scans (masking blockers only takes characters away)."""
    return _cue_starts().search(text) is not None


def _any(text: str, lexicon: str) -> bool:
    """``bool(cues(text, lexicon))`` without the list: the first match is the first word findall gives."""
    return _finder(lexicon).search(_blanked(text)) is not None


def target_cue(text: str, *, review: bool = False) -> bool:
    """Does ``text`` (the clause up to the metric) hold a strong target cue (or 将 before a verb)?"""
    blanked = _blanked(text)
    if review:
        ignore = words("review_not_target.txt")
        if any(w not in ignore for w in _finder("target_cues.txt").findall(blanked)):
            return True
    elif _finder("target_cues.txt").search(blanked) is not None:
        return True
    return _future().search(blanked) is not None or _jiang_before_verb(blanked) or _hui_before_verb(blanked)


HUI = "会"
HUI_AFTER = "署局府处亦也还并"
# 会在2026-27年度增聘: the characters after 会 the tagger reads (a time phrase may stand between)
HUI_LOOK = 12


def _hui_before_verb(blanked: str) -> bool:
    """Is 会 the future before a verb (康文署会增设…, 亦会在2026-27年度增聘…), as Hong Kong and Macau releases
    write it? The tagger cuts 会议, 会见, 机会 as words of their own, so only a lone 会 counts; a 在/于
    time phrase may stand between it and its verb."""
    i = blanked.find(HUI)
    while i >= 0:
        # only after an agency (康文署会, 政府会, 当局会) or an adverb (亦会, 并会): 常委会审议, 全会提出
        # and 基本会使用 hold a noun's 会 or the 会 of ability
        if i > 0 and blanked[i - 1] in HUI_AFTER:
            ws = [w for w in tag(blanked[i : i + 1 + HUI_LOOK]) if w.text.strip()]
            if len(ws) >= 2 and ws[0].text == HUI:
                if ws[1].tag == "v":
                    return True
                if ws[1].text in ("在", "于"):
                    after = ws[2:8]  # 在|2026|-|27|年度|增聘: a time phrase, then the verb
                    if ws[2:3] and ws[2].tag in ("t", "m") and any(w.tag == "v" for w in after):
                        return True
        i = blanked.find(HUI, i + 1)
    return False


JIANG = "将"
JIANG_LOOK = 6  # 将解决广西…: the characters after 将 the tagger reads


def _jiang_before_verb(blanked: str) -> bool:
    """Is 将 followed by a verb the lexicons do not list (工程将解决…问题, 建成后将安置回迁300多户)? The
    tagger tells the future adverb (将 + verb) from the object marker (将 + noun: 将油菜花的观赏期…)."""
    i = blanked.find(JIANG)
    while i >= 0:
        # 将发热门诊从15间扩建到25间, 将扶贫标准提高到2300元: a start value or a verb of change
        # after the object shows the object marker, whatever the tagger makes of the object's head
        marked = _marker_sign().match(blanked, i) or _object_change().match(blanked, i)
        if not marked:
            ws = [w for w in tag(blanked[i : i + 1 + JIANG_LOOK]) if w.text.strip()]
            if len(ws) >= 2 and ws[0].text == JIANG and ws[1].tag == "v":
                return True
        i = blanked.find(JIANG, i + 1)
    return False


@cache
def _marker_sign() -> re.Pattern[str]:
    signs = "|".join(re.escape(w) for w in words("object_marker_signs.txt"))
    return re.compile(f"将[^，,；;。：:]{{1,16}}?(?:{signs})")


@cache
def _object_change() -> re.Pattern[str]:
    verbs = "|".join(
        re.escape(w) for w in sorted(words("target_change_verbs.txt"), key=lambda w: (-len(w), w))
    )
    return re.compile(f"将[^，,；;。：:]{{1,16}}?(?:{verbs})")


def object_change_cue(text: str) -> bool:
    """Does ``text`` hold 将 + an object + a verb of change (将房价所得比降至…, 将申请期延长…), not
    cancelled by a word saying it is done? Outside a review part that change is to be made."""
    blanked = _blanked(text)
    m = _object_change().search(blanked)
    # 将抢修时间由45分钟降低到了8分钟: the perfective after the verb says the change was made
    return m is not None and not blanked.startswith(PERFECTIVE, m.end()) and not actual_cue(text)


PERFECTIVE = "了"

MEASURE_GAP = 12  # 宣布一系列纾困措施: the words between the verb and the measure


@cache
def _announcement() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, words("announce_verbs.txt")))
    nouns = "|".join(map(re.escape, words("measure_nouns.txt")))
    return re.compile(f"(?:{verbs})[^，,；;。：:]{{0,{MEASURE_GAP}}}?(?:{nouns})")


def announces_measure(text: str) -> bool:
    """Does ``text`` announce a measure (宣布一系列纾困措施), not one already done? Its figures are
    planned; an announced result (宣布…退出, 公布…数据) names no measure and plans nothing."""
    return _announcement().search(_blanked(text)) is not None and not actual_cue(text)


def weak_target_cue(text: str) -> bool:
    """A verb of decision or arrangement not cancelled by a word saying the thing is done."""
    return _any(text, "target_weak_cues.txt") and not (actual_cue(text) or _any(text, "done_cues.txt"))


def done_after_cue(text: str) -> bool:
    """Does 已 (done: 已, 已经, 已有) come after the last target cue of ``text``? Then the nearer
    verb is done (计划推出首日已收到…: 计划 names the scheme). The other actual cues (拥有, 现有)
    also stand inside nouns (专利拥有量), so they do not count here."""
    blanked = _blanked(text)
    done = [i for i, c in enumerate(blanked) if c == "已"]
    if not done:
        return False
    planned = [m.start() for m in _finder("target_cues.txt").finditer(blanked)]
    planned += [m.start() for m in _future().finditer(blanked)]
    return bool(planned) and done[-1] > max(planned)


def actual_cue(text: str) -> bool:
    """Does ``text`` state the metric as done or as it stands (已, 拥有, 现有, 做强 …)?"""
    return _any(text, "actual_cues.txt")


# a count given as a span (1—2个, 3至5家, 一两个): a number set for what is to be done, not a tally
# of things that stand, so an actual cue (做大做强1—2个主导产业) does not make it a fact
SPAN_COUNT = re.compile(
    r"^[约近超]?(?:\d+(?:\.\d+)?\s*[—–\-~～至到]\s*\d|(?:一两|两三|三四|三五|四五|五六|七八)[^十百千万亿])"
)


def span_count(metric: str) -> bool:
    """Is the metric a span of counts (1—2个, 两三个) rather than one number?"""
    return SPAN_COUNT.match(metric) is not None


@cache
def _target_starts() -> frozenset[str]:
    return frozenset(w[0] for w in words("target_cues.txt"))


def starts_with_target_cue(text: str) -> bool:
    """Does ``text`` open with a strong target cue (预计到2025年, 力争 …)? (Only a text opening with
    a cue word's first character can: blanking turns characters into □, it never makes one.)"""
    if not text or text[0] not in _target_starts():
        return False
    return bool(_finder("target_cues.txt").match(_blanked(text)))


@cache
def _verb_opening() -> re.Pattern[str]:
    links = "|".join(re.escape(w) for w in words("coordination_links.txt"))
    verbs = "|".join(re.escape(w) for w in words("coordinated_verbs.txt"))
    preps = "|".join(re.escape(w) for w in words("chain_prepositions.txt"))
    return re.compile(f"\\s*(?:{links})?(?:{verbs}|{preps})")


@cache
def _chain_openers() -> tuple[str, ...]:
    return words("chain_openers.txt")


def opens_with_verb(clause: str) -> bool:
    """Does a clause open with a verb that continues the chain before it (…，新建公园3个), with a
    preposition introducing the object of such a verb, the subject left out (…，对老旧住宅加装电梯4000部),
    or with a word that continues the chain whatever follows it (…，并额外招聘医生150名; …，包括…)?"""
    return bool(_verb_opening().match(clause)) or clause.lstrip().startswith(_chain_openers())


@cache
def _target_after() -> re.Pattern[str]:
    bounds = "|".join(re.escape(w) for w in words("target_after_bounds.txt"))
    nouns = "|".join(re.escape(w) for w in words("target_after_nouns.txt"))
    return re.compile(f"(?:{bounds})?的[^，,；;。]{{0,6}}?(?:{nouns})")


def names_a_target(after: str) -> bool:
    """Is the metric the value of a target named right after it (实现5%以上的增长目标)?"""
    return "的" in after and _target_after().match(after) is not None  # the pattern needs a 的


@cache
def _self_opening() -> re.Pattern[str]:
    return re.compile("^[\\s“]*(?:" + "|".join(re.escape(w) for w in words("self_references.txt")) + ")")


@cache
def _modal() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words("plan_modals.txt")))


@cache
def _modal_blockers() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words("plan_modal_blockers.txt")))


def describes_itself(before: str) -> bool:
    """Does a sentence, up to the metric, describe the page's place as it stands (我区每年接待游客
    近3亿人次, 我区有20个口岸)? It opens with the place's own first-person name (self_references.txt)
    and holds no target cue, verb of decision or modal of what is to be done (要, 必须: plan_modals.txt)
    before the metric. In a plan part such a sentence is the situation the plan answers: a fact."""
    if not _self_opening().match(before):
        return False
    if may_cue(before) and (target_cue(before) or _any(before, "target_weak_cues.txt")):
        return False
    return _modal().search(_modal_blockers().sub("□", before)) is None


_PARALLEL = re.compile(r"([\u4e00-\u9fff]{2})[约近超]?$")


_ROUNDERS = "约近超"


def _figure_at(text: str, j: int) -> bool:
    """``[约近超]?\\d`` matches at ``text[j]``."""
    nxt = text[j : j + 1]
    return nxt.isdecimal() or (nxt != "" and nxt in _ROUNDERS and text[j + 1 : j + 2].isdecimal())


def _figure_follows(word: str, text: str) -> bool:
    """``re.search(re.escape(word) + r"[约近超]?\\d", text)`` without compiling a pattern per word
    (each is a new pattern with a non-Latin class: ~0.5 ms to compile, and thousands of words)."""
    i = text.find(word)
    while i >= 0:
        if _figure_at(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False


@cache
def _copula_at_end() -> re.Pattern[str]:
    copulas = "|".join(map(re.escape, words("parallel_copulas.txt")))
    return re.compile(f"[\u4e00-\u9fff]({copulas})[约近超]?$")


def parallel_verb(before: str, earlier: str) -> bool:
    """Does a clause repeat, right before its metric, the verb right before a figure of the clause
    before it (力争A覆盖率达到50%以上，B覆盖率达到30%以上)? Then it is that clause's parallel, and
    shares its cue. (No pattern is compiled per call: see _figure_follows.)"""
    m = _PARALLEL.search(before.rstrip())
    if m is not None and _figure_follows(m.group(1), earlier):
        return True
    c = _copula_at_end().search(before.rstrip())
    if c is None:
        return False
    # 预计总收入为A，总开支为B: a one-character copula (parallel_copulas.txt) repeated before both
    cop = c.group(1)
    i = earlier.find(cop, 1)
    while i >= 0:
        if "\u4e00" <= earlier[i - 1] <= "\u9fff" and _figure_at(earlier, i + len(cop)):
            return True
        i = earlier.find(cop, i + 1)
    return False


def capacity_in_use(before: str, earlier: str) -> bool:
    """Is the only strong cue of ``before`` (the clause up to the metric) a capacity (可容纳) of a
    facility that ``earlier`` (the sentence before the clause) puts in use already? Then the
    capacity stands (新建的学校投入使用，…，可容纳学生2160人)."""
    found = cues(before, "target_cues.txt")
    capacity = set(words("capacity_cues.txt"))
    return (
        bool(found)
        and all(w in capacity for w in found)
        and _future().search(_blanked(before)) is None
        and any(w in earlier for w in words("in_use_words.txt"))
    )
