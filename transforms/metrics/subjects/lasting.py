"""How long a thing named before lasts (工程预计明年第二季展开，为期18个月; 可获…在职培训津贴，为期最长12个月;
发出黑色暴雨警告信号，维持约三小时): a duration whose clause holds only a verb of lasting times the thing
the clause before names, not nothing.

The thing is the noun of the figure right before, in that clause, when there is one (the allowance
runs 12 months); else the noun phrase that ends the clause before (the signal is kept up three hours),
else the clause's own subject, the noun before its predicate (the works run 18 months).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.metrics.subjects.before import _before
from transforms.metrics.subjects.phrase import _np_backward
from transforms.metrics.subjects.spans import Fact, Span, _balanced, _text
from transforms.metrics.subjects.trim import _trim_np
from transforms.metrics.subjects.vocab import _good, _is_stop, _set
from transforms.metrics.words import Word, tag

# What may stand around the verb of lasting in the duration's clause (为期|最长|12个月, 维持|约三小时)
_AROUND = re.compile(r"^(?:最长|最短|长达|约|共|了|达)*")
_CLAUSE = "，,"
_STOPS = "，,；;。！!？?：:\n"


def _last_stop(sentence: str, end: int, stops: str) -> int:
    """The last clause stop of ``stops`` before ``end`` (-1 if none); not a digit group's comma (5,000)."""
    for i in range(end - 1, -1, -1):
        ch = sentence[i]
        if ch in stops and not (ch == "," and 0 < i < len(sentence) - 1 and sentence[i + 1].isdigit()):
            return i
    return -1


def _lasting_clause(clause: str) -> bool:
    """The clause is a verb of lasting alone, with 最长, 约 or 长达 around it."""
    for verb in _set("subject_lasting_verbs.txt"):
        if clause.startswith(verb) and not _AROUND.sub("", clause[len(verb) :]):
            return True
    return False


def _clause_noun(ws: Sequence[Word]) -> str | None:
    """The noun phrase ending the clause ``ws`` (发出|黑色暴雨警告信号), else the noun before its first
    predicate word (工程|预计…展开): what the clause is about."""
    ws = [w for w in ws if w.text.strip()]
    if ws and ws[-1].tag.startswith(("n", "j")) and not _is_stop(ws[-1]):
        np = _trim_np(_np_backward(ws)[0])
        text = _balanced(_text(np)) if np else ""
        if text and _good(text, np, 2):
            return text
    for i in range(1, len(ws)):
        w, prev = ws[i], ws[i - 1]
        if (w.tag in ("d", "ad", "p") or w.tag.startswith("v")) and prev.tag.startswith(("n", "j")):
            np, rest = _np_backward(ws[:i])
            if rest:
                return None  # 着力|补齐…: the clause opens with its verb
            text = _balanced(_text(np)) if np else ""
            return text if text and _good(text, np, 2) else None
    return None


def _lasting_of_previous(sentence: str, spans: Sequence[Span], out: list[Fact]) -> list[Fact]:
    """``out`` with a bare duration in a clause of lasting given the thing the clause before names."""
    out = list(out)
    for k, sp in enumerate(spans):
        if out[k].subject or sp.kind != "duration":
            continue
        cut = _last_stop(sentence, sp.start, _CLAUSE)
        if cut < 0 or not _lasting_clause(sentence[cut + 1 : sp.start]):
            continue
        if sp.end < len(sentence) and sentence[sp.end] not in _STOPS:
            continue  # 历时3个月的|…任务: the duration qualifies what follows it
        lo = _last_stop(sentence, cut, _STOPS) + 1
        before = [j for j in range(k) if spans[j].start >= lo and spans[j].end <= cut]
        if before:
            thing = out[before[-1]].subject  # 可获…5,000元的|在职培训津贴，为期…: the figure's thing
        else:
            thing = _before(sentence, cut, lo, False).subject or _clause_noun(tag(sentence[lo:cut]))
        if thing:
            out[k] = Fact(thing, out[k].measure)
    return out
