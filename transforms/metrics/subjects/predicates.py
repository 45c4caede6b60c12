"""Where a name read forward ends: before a predicate after it (…|相继成熟), a quoted one, or a scope
word before one (全国|领先); and, for a name opened by a modifier clause with 的, at its head noun
(12个|应立行立改的问题).

The forward read stops late by design (names run long); these find the name's real end.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.metrics.subjects.owners import _relation_clause
from transforms.metrics.subjects.spans import _text
from transforms.metrics.subjects.vocab import _is_number, _is_punct, _is_stop, _nominal_verbs, _set
from transforms.metrics.words import Word, dictionary_tag


def _predicate_idiom(w: Word) -> bool:
    """An idiom (tag l) that is a predicate: a manner word or verb, then a verb (如期|完成, 圆满|完成,
    有着|落), or an adverb and a verbal noun (高速|运转) -- not a name (高等|学校, 攻关|项目, 抽样|调查)."""
    if w.tag != "l" or len(w.text) < 3:
        return False
    head, tail = dictionary_tag(w.text[:2]) or "", dictionary_tag(w.text[-2:]) or ""
    return (tail == "v" and head in ("d", "a", "ad", "v")) or (tail == "vn" and head in ("d", "ad"))


def _drop_quoted_predicate(np: list[Word]) -> list[Word]:
    """A quoted phrase ending in a verb after the noun read after a metric, with nothing after it, is
    the predicate put as a slogan (187项政务服务事项|“跨境通办”), not part of the name, which a quoted
    qualifier before the noun is (“零关税”清单)."""
    if len(np) < 4 or np[-1].text != "”" or np[-2].tag != "v":
        return np
    at = max((i for i, w in enumerate(np) if w.text == "“"), default=0)
    if at == 0 or not np[at - 1].tag.startswith(("n", "j")):  # no opening quote in the phrase: no slogan
        return np
    while at > 1 and np[at - 1].tag == "ns":
        at -= 1  # 服务事项|长三角|“一卡通办”: where it is done goes with the predicate
    return np[:at]


def _names_organisation(np: Sequence[Word]) -> bool:
    """3个志愿服务|组织: a governing verb that names a thing too (组织, subject_nominal_verbs.txt) after a
    noun ends the name read after a metric, as it does right before one."""
    return (
        len(np) > 1
        and np[-1].text in _nominal_verbs()
        and _is_stop(np[-1])
        and np[-2].tag.startswith(("n", "vn"))
    )


_PREDICATE_TAGS = frozenset({"v", "vn", "vd", "vi", "vg", "d", "ad"})


def _drop_predicate(np: list[Word]) -> list[Word]:
    """The verbs that end a phrase read after a metric are its predicate, not part of the name
    (4个冷链物流基地|建设, 5条高铁|加快建设, 6家重点实验室|重组入列): a run of verbs and adverbs after
    a noun, dropped when it holds a plain verb or a governing one (建设) -- not a lone verbal noun that
    names the thing (120次入户|走访, 4期干部|培训)."""
    k = len(np)
    if k > 1 and _predicate_idiom(np[-1]):
        np = np[:-1]  # 3项任务|如期完成: an idiom after the noun is its predicate, with its adverbs
        while len(np) > 1 and np[-1].tag in ("d", "ad"):
            np = np[:-1]
        return np
    if _names_organisation(np):
        return np
    if (
        k > 2
        and np[-1].tag == "a"
        and len(np[-1].text) > 1
        and np[-2].tag in ("v", "vn")
        and np[-3].tag.startswith(("n", "j"))
    ):
        return np[:-2]  # 4家公司|运营|良好: an act and how it goes, after the noun, are its predicate
    while k > 0 and np[k - 1].tag in _PREDICATE_TAGS:
        k -= 1
    if 1 < k < len(np) and np[k - 1].tag in ("a", "ad") and np[k - 2].tag.startswith(("n", "j")):
        return np[: k - 1]  # 企业|便捷|融资: a manner word and its verb after the noun
    while k < len(np) and np[k].text in _nominal_verbs():
        k += 1  # 一般公共预算|收入: a verb that names the thing is the head, what follows it the predicate
    run = np[k:]
    if not run or k == 0 or all(x.tag.startswith("v") for x in np[:k]):
        return np
    if run[-1].text in _set("subject_project_heads.txt"):
        return np  # 5个质量|提升|行动: the verb and the project noun are the name
    if any(x.tag != "vn" or _is_stop(x) for x in run):
        return _drop_scope(np[:k])
    return np


def _drop_scope(np: list[Word]) -> list[Word]:
    """A place word of scope right before a dropped predicate is that predicate's (5个指标|全国|领先,
    3项工作|全省|推广): it says where the thing ranks or spreads, never part of its name."""
    while len(np) > 1 and np[-1].text in _set("subject_place_words.txt"):
        np = np[:-1]
    return np


def _is_place(ws: Sequence[Word]) -> bool:
    return len(ws) == 1 and ws[0].tag == "ns"


def _relative(ws: Sequence[Word], cases: bool = False) -> str | None:
    """12个应立行立改的问题, 8个需要长期整改的问题: a modifier clause with 的, then its head noun;
    ``cases``: a count of cases (宗), whose clause says which cases, and may run longer."""
    at = next((i for i, w in enumerate(ws) if w.text == "的"), None)
    if not at or at > (9 if cases else 6):  # 412宗|须|入住|深切|治疗|部|或|死亡|的|严重个案: cases
        return None
    openers = _set("subject_relative_openers.txt")  # 涉及建造业的|个案: a stop word opening the clause
    related = _relation_clause(ws[: at + 1]) == 0  # 与骗案有关的|人士: the 与 opens the clause
    if any(
        (_is_stop(w) and not (i == 0 and w.text in openers))
        or (w.tag == "p" and not (i == 0 and related))
        or _is_number(ws, i)
        or _is_punct(w)
        or w.tag in ("r", "u")
        for i, w in enumerate(ws[:at])
    ):
        return None
    owner = ws[:at]
    if (
        all(w.tag.startswith("n") or w.tag in ("vn", "j") for w in owner)
        and owner[-1].tag.startswith("n")
        and not _is_place(owner)
    ):
        return _text(ws[:at])  # 4个社区的养老助餐点: a noun with 的 owns what follows; the metric counts it
    head: list[Word] = []
    for i, w in enumerate(ws[at + 1 :], at + 1):
        qualifier = w.tag == "a" and not head and i + 1 < len(ws) and ws[i + 1].tag.startswith("n")
        # 职业|伤亡|个案, 工业|意外|个案: a verb or adjective inside a compound noun, between its nouns
        inner = bool(head) and w.tag in ("v", "a") and i + 1 < len(ws) and ws[i + 1].tag.startswith("n")
        if not (w.tag.startswith("n") or w.tag in ("vn", "j", "l", "nz") or qualifier or inner) or _is_stop(
            w
        ):
            break  # 死亡的|严重|个案: an adjective may open the head noun
        head.append(w)
    if not head or head[0].text in _set("subject_bound_words.txt"):
        return None
    return _text([*ws[: at + 1], *head])
