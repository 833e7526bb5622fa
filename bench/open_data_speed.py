"""Opening a 1,000,000-row CSV in the real window: how long it takes, and how long the window ever
stops answering meanwhile.

    python bench/open_data_speed.py [ROWS] [--quick]

Writes the CSV to a temporary folder, opens the window (on a virtual screen if there is none),
plays the default run at full speed, and opens the file through File → Open data's own path. A
5 ms timer on the GUI thread records the longest gap between its ticks from the moment the file is
asked for until the run on the new beans is drawn: that is the longest the window was frozen.
Alongside, the same file read in the same run by the core's reader alone (no window) and by
``np.loadtxt``, the plain numpy way. ``--quick``: 50,000 rows, in seconds: that it runs, not how fast.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

import numpy as np


def write_csv(path: str, rows: int) -> None:
    rng = np.random.default_rng(0)
    x = rng.random(rows)
    y = 0.7 * x + 0.5 + rng.normal(0, 0.05, rows)
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("x,y\n")
        stream.write("\n".join(f"{a!r},{b!r}" for a, b in zip(x.tolist(), y.tolist())))
        stream.write("\n")


def main(rows: int = 1_000_000) -> int:
    sys.path.insert(0, os.path.dirname(__file__))
    from gui_speed import (
        ensure_display,  # a virtual screen, started as the GUI benchmark starts one
    )

    display = ensure_display()
    folder = tempfile.mkdtemp(prefix="beanlab-bench-")
    path = os.path.join(folder, "million.csv")
    write_csv(path, rows)
    size_mb = os.path.getsize(path) / 1e6
    os.environ.setdefault("BEANLAB_SETTINGS", os.path.join(folder, "settings.ini"))

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from beanlab.app import make_application
    from beanlab.core import load_beans_csv
    from beanlab.gui.main_window import MainWindow

    started = time.perf_counter()
    load_beans_csv(path)
    core_s = time.perf_counter() - started
    started = time.perf_counter()
    np.loadtxt(path, delimiter=",", skiprows=1)
    numpy_s = time.perf_counter() - started

    app = make_application()
    window = MainWindow()
    window.show()
    deadline = time.perf_counter() + 3
    while time.perf_counter() < deadline:
        app.processEvents()
    window.playback_panel.set_speed(0)
    window.actions["play"].trigger()

    clock, longest = QElapsedTimer(), [0]
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(lambda: (longest.__setitem__(0, max(longest[0], clock.restart()))))
    loaded = []
    window.controller.run_replaced.connect(lambda beans, landscape: loaded.append(time.perf_counter()))
    clock.start()
    ticker.start()
    started = time.perf_counter()
    window.data.open_data(path)
    while not loaded and time.perf_counter() - started < 120:
        app.processEvents()
    frames_before = window.frames_shown
    # the new run's first frame drawn (it opens paused, so it is the only one: waiting for more would
    # only wait out the time limit)
    while window.frames_shown < frames_before + 1 and time.perf_counter() - started < 120:
        app.processEvents()
    ticker.stop()
    window_s = loaded[0] - started if loaded else float("nan")
    window.close()
    QApplication.processEvents()

    print(f"Opening {rows:,} beans ({size_mb:.1f} MB of CSV) while the default run plays at full speed")
    print(f"{'':40}{'seconds':>10}")
    print(f"{'in the window (File → Open data)':40}{window_s:>10.2f}")
    print(f"{'  longest the window stopped answering':40}{longest[0] / 1000:>10.3f}")
    print(f"{'the core reader alone':40}{core_s:>10.2f}")
    print(f"{'np.loadtxt alone (no checks)':40}{numpy_s:>10.2f}")
    if display is not None:
        display.stop()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, nargs="?", default=1_000_000, help="rows of the CSV (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="50,000 rows")
    args = parser.parse_args()
    sys.exit(main(50_000 if args.quick else args.rows))
