"""Build tests/heldout16 from the marked-up sources beside this file: the generator is tests/tools/heldout_gen.py.

/work/main/.venv/bin/python tests/heldout16/src/gen.py [SRC ...]   # default: every src/*.src"""

import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
from tests.tools.heldout_gen import run

if __name__ == "__main__":
    run(os.path.dirname(os.path.abspath(__file__)), sys.argv[1:])
