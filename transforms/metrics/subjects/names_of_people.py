"""A people noun and the name of the one person meant (82岁的|村民|刘爱华, 今年45岁的|种植户|李建国, 居民|孙大爷):
the noun says what is counted or aged, the name only which one (as 小巴司机|黄先生 in ``names``).

A name is two or three characters opening with a common surname (subject_surnames.txt), cut by the
dictionary into name words or single characters, or a surname and a kin word (subject_kin_titles.txt).
"""

from __future__ import annotations

from transforms.metrics.subjects.vocab import _names_people, _set
from transforms.metrics.words import tag

_NAME_TAGS = ("nr", "nz", "ns", "nrt", "nrfg")


def _a_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name: 2-3 characters, a surname first, and no common
    word of two characters after it but a kin word (刘|爱华, 王秀兰, 孙|大爷; not 高|血压, 文化)."""
    if not 2 <= len(text) <= 3 or text[0] not in _set("subject_surnames.txt"):
        return False
    if text[1:] in _set("subject_kin_titles.txt"):
        return True
    ws = tag(text)
    return all(len(w.text) == 1 or w.tag in _NAME_TAGS for w in ws) and not (
        len(ws) == 1 and ws[0].tag not in _NAME_TAGS
    )


def _without_persons_name(subject: str | None) -> str | None:
    """``subject`` without a person's name closing it after a people noun of two characters or more
    (村民刘爱华 -> 村民); unchanged otherwise."""
    if not subject or len(subject) < 4:
        return subject
    for n in (3, 2):
        head, name = subject[:-n], subject[-n:]
        if len(head) >= 2 and _names_people(head) and _a_name(name):
            return head
    return subject
