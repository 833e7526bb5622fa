"""The one-folder app's entry point: the ``beanlab`` command line, as ``python -m beanlab`` runs it.

Built without a console (Windows, macOS), the app has no stdout or stderr: Python sets them to None
and the first print would fail, so they go nowhere instead (the log file keeps what matters).
"""
import os
import sys

if sys.stdout is None or sys.stderr is None:
    sink = open(os.devnull, "w", encoding="utf-8")   # noqa: SIM115 (for the whole life of the process)
    sys.stdout = sys.stdout or sink
    sys.stderr = sys.stderr or sink

from beanlab.cli import main  # noqa: E402 (after the streams exist)

sys.exit(main())
