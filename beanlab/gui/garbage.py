"""Python's cycle collector runs on the GUI thread only.

Left to itself, the collector runs on whichever thread happens to allocate when its threshold is
passed: often the training worker, which allocates all the time. Freeing a closed window's Qt
objects there (a QAction in a reference cycle) takes Qt's locks on the wrong thread while the GUI
thread holds the GIL and waits for the same lock: a deadlock, seen in CI and traced with gdb. So,
as pyqtgraph's GarbageCollector does, automatic collection is switched off and a timer on the GUI
thread collects instead, generation by generation, with the thresholds Python would have used.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    """Collects reference cycles every ``CHECK_EVERY_MS`` on the thread it was made on (the GUI's)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the generations Python's own collector would have by now; returns what was freed."""
        freed = 0
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                break
            freed += gc.collect(generation)
        return freed


def collect_on_gui_thread() -> GuiThreadCollector:
    """Switch automatic collection off for good and collect on the application's thread instead (once)."""
    app = QCoreApplication.instance()
    collector = app.findChild(GuiThreadCollector)
    return collector if collector is not None else GuiThreadCollector(app)
