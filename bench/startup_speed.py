"""Start-up: from launching ``beanlab`` to its window drawn, beside a bare pyqtgraph window with one plot.

    python bench/startup_speed.py [--runs 5] [--quick]

Each launch is a fresh Python process, timed from the moment it is started to the moment it says
its window is on screen, taking turns with the bare window (the floor of this stack: Python,
PySide6, pyqtgraph, one plot of 100 points). BeanLab counts as drawn once its first run's first
frame has been drawn and Qt has painted it; it starts through its own entry point (``beanlab``,
the default run, a fresh settings file). The bare window counts as drawn once its plot is painted.
Issue 17 asks for BeanLab within 2 s. Needs a display; without one it starts a virtual one.
``--quick``: two launches of each.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

from gui_speed import ensure_display

# Said once a widget was painted: a 0 ms timer runs after the paint event that was being handled.
_WHEN_PAINTED = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class _Painted(QObject):
    def __init__(self, ready):
        super().__init__()
        self.ready = ready
        QApplication.instance().installEventFilter(self)
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.ready(watched):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("drawn", flush=True), os._exit(0)))
        return False
"""

BARE = "import os\n" + _WHEN_PAINTED + """
import numpy as np
import pyqtgraph as pg
app = QApplication([])
plot = pg.PlotWidget()
plot.plot(np.linspace(0, 1, 100), np.linspace(0, 1, 100) ** 2, pen=None, symbol="o")
painted = _Painted(lambda widget: widget is plot.viewport())
plot.resize(800, 600)
plot.show()
app.exec()
"""

BEANLAB = "import os\n" + _WHEN_PAINTED + """
from beanlab.gui import main_window
show = main_window.MainWindow.show

def show_and_watch(window):
    # drawn: a paint of the scatter plot once the hub has drawn the first run's first frame
    window._startup_painted = _Painted(lambda widget: window.frames_shown >= 1 and widget is window.scatter.viewport())
    show(window)

main_window.MainWindow.show = show_and_watch
from beanlab.cli import main
main([])
"""


def launch_s(script: str, environment: dict) -> float:
    """Seconds from starting ``python -c script`` to its line saying the window is drawn."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env=environment, text=True)
    try:
        line = child.stdout.readline()
        drawn = time.perf_counter()
        if line.strip() != "drawn":
            raise RuntimeError("the window was not drawn: the launch failed")
    finally:
        child.kill()
        child.wait()
    return drawn - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each (default 5)")
    parser.add_argument("--quick", action="store_true", help="two launches of each")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else args.runs
    display = ensure_display()
    settings = tempfile.TemporaryDirectory()
    try:
        bare, ours = [], []
        for run in range(runs):
            environment = dict(os.environ, BEANLAB_SETTINGS=os.path.join(settings.name, f"beanlab-{run}.ini"))
            bare.append(launch_s(BARE, environment))
            ours.append(launch_s(BEANLAB, environment))
    finally:
        if display is not None:
            display.stop()
    print(f"Launch to window drawn, {runs} launches of each, in turn (fresh processes, fresh settings):")
    print(f"{'':28}{'BeanLab':>10}{'bare pyqtgraph':>16}{'ratio':>8}")
    for name, pick in (("fastest", min), ("median", lambda times: sorted(times)[len(times) // 2])):
        print(f"{name:28}{pick(ours):>9.2f}s{pick(bare):>15.2f}s{pick(ours) / pick(bare):>8.2f}")
    print(f"{'every launch (BeanLab)':28}  " + "  ".join(f"{t:.2f}" for t in ours))
    print(f"{'every launch (bare)':28}  " + "  ".join(f"{t:.2f}" for t in bare))
    return 0


if __name__ == "__main__":
    sys.exit(main())
