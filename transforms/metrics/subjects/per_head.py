"""A per-head gain read before a figure: 户均增收4.6万元, 村民人均增收2300元. The verb of gain after
人均/户均 is taken off the phrase as the clause's measure, but with the per-head word it names the indicator (the
gain per household), so it goes back onto the subject; the measure keeps it too.
"""

from __future__ import annotations

from transforms.lexicon import words
from transforms.metrics.subjects.vocab import _set


def _per_head_change(subject: str | None, window: str, measure: str | None) -> str | None:
    """``subject`` with the verb ``measure`` put back when it ends the window right after a per-head
    word that ends the subject too (户均 + 增收); ``subject`` unchanged otherwise."""
    if not subject or not measure or measure not in _set("subject_per_head_changes.txt"):
        return subject
    if not window.endswith(measure):
        return subject
    per_head = words("subject_per_head_words.txt")
    head = window[: len(window) - len(measure)]
    if not head.endswith(per_head) or not subject.endswith(per_head):
        return subject
    return subject + measure
