"""A person's name after the people noun that a figure counts or ages (62岁的|小巴司机|黄先生, 市民|陈女士):
the name says which one, the noun says what; news quoting residents writes names so."""

from __future__ import annotations

import re

from transforms.metrics.subjects.vocab import _names_people

# A surname and a title closing a subject (黄先生, 陈女士, 李小姐, 何太)
_NAME = re.compile(r"[\u4e00-\u9fff](?:先生|女士|小姐|太太|太)$")


def _without_personal_name(subject: str | None) -> str | None:
    """``subject`` without a surname and title that close it after a people noun of two characters or
    more (小巴司机|黄先生 -> 小巴司机); unchanged otherwise (a name alone is all there is)."""
    if not subject:
        return subject
    m = _NAME.search(subject)
    if m is None or m.start() < 2 or not _names_people(subject[: m.start()]):
        return subject
    return subject[: m.start()]
