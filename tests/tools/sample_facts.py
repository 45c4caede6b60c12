"""Draw a fixed sample of figures from the provincial work reports for reading by hand (issue 12).

    .venv/bin/python -m tests.tools.sample_facts [N] [SEED]

Prints, per figure, the span and every fact field with its sentence; the same seed gives the same
figures, so a later run can be compared row by row with an earlier judged one (docs/fact-sample.md).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def main(n: int = 100, seed: int = 20261201) -> None:
    from transforms.parse import parse_batch

    files = sorted(
        str(p)
        for year in ("2025", "2026")
        for p in (CORPUS / f"gov_reports_provincial_{year}" / "real").glob("*.txt")
    )
    rows = parse_batch(files).metrics.to_dicts()
    for i, r in enumerate(random.Random(seed).sample(rows, min(n, len(rows)))):
        print(
            f"#{i} {Path(r['path']).name}  [{r['text']}]  subj={r['subject']}  topic={r['topic']}  "
            f"years={r['year_from']}-{r['year_to']}  mod={r['modality']}  region={r['region']} {r['adcode']}  "
            f"area={r['area']}"
        )
        print("    " + r["sentence"][:220])


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
