"""Draw a fixed sample of metrics from the provincial work reports for reading by hand (issue 12).

    .venv/bin/python -m tests.tools.sample_facts [N] [SEED]

Prints, per metric, the span and every fact field with its sentence; the same seed gives the same
metrics, so a later run can be compared row by row with an earlier judged one (docs/fact-sample.md).
A metric is drawn when its key (file, offset, text) hashes with the seed among the N smallest, so a
metric the extractor adds or drops elsewhere does not reshuffle the sample: ``random.sample`` over the
row list did, whenever another change moved the row count.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# as the bench and the corpus sweep: ../shared/corpus beside the project unless MINSHENG_CORPUS says
CORPUS = Path(os.environ.get("MINSHENG_CORPUS", ROOT.parent / "shared" / "corpus"))


def main(n: int = 100, seed: int = 20261201) -> None:
    from transforms.parse import parse_batch

    report_dirs = [CORPUS / f"gov_reports_provincial_{year}" / "real" for year in ("2025", "2026")]
    if not any(d.is_dir() for d in report_dirs):
        raise SystemExit(f"no provincial reports under {CORPUS} (set MINSHENG_CORPUS)")
    files = sorted(
        str(p)
        for year in ("2025", "2026")
        for p in (CORPUS / f"gov_reports_provincial_{year}" / "real").glob("*.txt")
    )
    rows = parse_batch(files).metrics.to_dicts()
    for i, r in enumerate(sorted(rows, key=lambda r: _rank(seed, r))[:n]):
        print(
            f"#{i} {Path(r['path']).name}  [{r['text']}]  subj={r['subject']}  topic={r['topic']}  "
            f"years={r['year_from']}-{r['year_to']}  mod={r['modality']}  region={r['region']} {r['adcode']}  "
            f"area={r['area']}"
        )
        print("    " + r["sentence"][:220])


def _rank(seed: int, row: dict) -> bytes:
    """The row's place in the seed's order: a hash of the seed and the metric's own key."""
    key = f"{seed}|{Path(row['path']).name}|{row['char_start']}|{row['text']}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
