"""Mechanical checks of tests/heldout16: the checks are tests/tools/heldout_check.py.

PYTHONPATH=$PWD /work/main/.venv/bin/python tests/heldout16/src/check.py"""

import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
from tests.tools.heldout_check import main

if __name__ == "__main__":
    sys.exit(main(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
