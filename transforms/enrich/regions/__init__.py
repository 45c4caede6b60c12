"""Which administrative region a document is about, and which finer area a sentence names.

The page's region (:mod:`.page`) is decided by the division names its text mentions (:mod:`.mentions`
against the gazetteer of :mod:`.divisions`), unless its sidecar gives one (:mod:`.sidecar`). Each
metric then takes the division its own clause names, else the one the nearest earlier clause of its
sentence names, else its story's headline, else the page (:mod:`.metric`, reading clauses with
:mod:`.clauses`, :mod:`.naming`, :mod:`.scope`, :mod:`.national`, :mod:`.lists`, :mod:`.subjects` and
:mod:`.stories`). Its ``area`` is the 街道/镇/乡/村/社区/小区 named nearest before it in its own sentence,
never inherited from the story (:mod:`.areas`).

The other stages import the public readers from here.
"""

from transforms.enrich.regions.areas import SENTENCE_AREAS, area_mentions, sentence_areas
from transforms.enrich.regions.divisions import DIVISIONS, division_names, division_table, short_name
from transforms.enrich.regions.metric import METRIC_REGIONS, metric_regions
from transforms.enrich.regions.page import (
    DOCUMENT_REGIONS,
    document_regions,
    institution_region,
    page_regions,
    resolve_region,
)

__all__ = [
    "DIVISIONS",
    "DOCUMENT_REGIONS",
    "METRIC_REGIONS",
    "SENTENCE_AREAS",
    "area_mentions",
    "division_names",
    "division_table",
    "document_regions",
    "institution_region",
    "metric_regions",
    "page_regions",
    "resolve_region",
    "sentence_areas",
    "short_name",
]
