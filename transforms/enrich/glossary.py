"""A report's glossary (名词解释) entry is a target when the term it defines is the plan's.

The appendix defines terms the report uses. A term only the plan part uses (云南 2025: “三免三便利”
政策, a measure to be put in place) is defined as the plan means it, so its figures are targets; a
term the review uses (四川 2026: “四向八廊”, the corridors built) stays actual, as does a term the
glossary alone names. The entry's term is what it opens with, up to its colon.
"""

from __future__ import annotations

import re

# 32.“三免三便利”政策：…, 18. 农业龙头企业“三个全覆盖”：…: the term before the entry's colon
_ENTRY = re.compile(r"^\s*[（(]?\d{1,3}[)）]?[.．、\s]\s*(?P<term>[^：:。；，]{2,30}?)\s*[：:]")
_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,20})[”\"」]")


def entry_term(text: str) -> str | None:
    """The term a glossary entry defines: its quoted name when it has one, else its whole head."""
    m = _ENTRY.match(text)
    if m is None:
        return None
    term = m.group("term")
    quoted = _QUOTED.search(term)
    return quoted.group(1) if quoted else term


class TermUse:
    """The texts of a report's plan and review parts, as read in order, to look terms up in."""

    def __init__(self) -> None:
        self.texts: dict[str, list[str]] = {"plan": [], "review": []}

    def add(self, kind: str | None, text: str) -> None:
        if kind in self.texts:
            self.texts[kind].append(text)

    def plan_term(self, entry: str) -> bool:
        """Whether the glossary entry defines a term the plan uses and the review does not."""
        term = entry_term(entry)
        if term is None:
            return False
        used = {kind: any(term in t for t in texts) for kind, texts in self.texts.items()}
        return used["plan"] and not used["review"]
