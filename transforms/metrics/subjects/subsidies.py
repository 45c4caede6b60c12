"""A sum right after a verb of granting a subsidy (subject_subsidy_verbs.txt): 每间最多可获|资助|5万元,
合资格长者每月可获|资助|约7,200元, 社工局每月为每名院友向院舍|资助|6,200元 count the subsidy, so the verb
(read as its noun) is the subject, not who gets it nor who gives it; a subsidy named with its kind
(发放|消费补贴|5亿元) keeps its name. When the receiving body stands
between the verb and the sum (消防署今年补助|地方政府|新台币1亿2,000万元; its ending in
subject_subsidy_receivers.txt), the sum names no noun of its own: its subject is null.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.lexicon import words
from transforms.metrics.subjects.spans import Fact, Span


def _subsidies(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with every sum after a verb of granting a subsidy given that subsidy (or null)."""
    out = list(out)
    verbs = words("subject_subsidy_verbs.txt")
    for k, sp in enumerate(spans):
        if sp.kind != "money":
            continue
        head = sentence[max(0, sp.start - 12) : sp.start]
        verb = next((v for v in verbs if head.endswith(v)), None)
        mine = out[k].subject
        if verb is not None:
            if not (mine and mine.endswith(verb)):  # 发放|消费补贴|5亿元: a named subsidy stays
                out[k] = Fact(verb, out[k].measure)  # 可获|资助|5万元
            continue
        if mine and head.endswith(mine) and _granted_to_body(mine, verbs):
            out[k] = Fact(None, out[k].measure)  # 补助|地方政府|新台币1亿2,000万元
    return out


def _granted_to_body(subject: str, verbs: Sequence[str]) -> bool:
    """``subject`` is a verb of granting and the body that receives (补助|地方政府, 基金补助|地方政府)."""
    for v in verbs:
        at = subject.find(v)
        rest = subject[at + len(v) :] if at >= 0 else ""
        if len(rest) >= 2 and rest.endswith(words("subject_subsidy_receivers.txt")):
            return True
    return False
