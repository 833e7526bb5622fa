"""Regression guard: PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None on every
void Qt call, and a live animation dies with "Fatal Python error: none_dealloc"."""
import sys

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_alive(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        widget.update()
        widget.setWindowTitle("BeanLab")
    after = sys.getrefcount(None)
    # Other code may take or drop a handful of references meanwhile; the bug drops 20,000.
    assert after > before - 100, f"None lost {before - after} references over 20,000 void Qt calls"


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def frames_of_a_run(count):
    """Frames as the worker makes them: one update each, with its new history row."""
    from beanlab.core import FrameMaker, RunConfig, RunState

    trainer = RunConfig().build_trainer()
    frames = FrameMaker(generation=1)
    for index in range(count):
        if index:
            trainer.step()
        rows = trainer.history.rows_from(frames.next_update)
        yield frames.make_frame(trainer.snapshot(), RunState.PLAYING, *rows), trainer


@pytest.mark.slow
def test_a_live_animation_of_20000_frames_keeps_none_alive(qtbot):
    """The plots redrawn 20,000 times, as a long run at full speed redraws them: no crash, None intact."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from beanlab.core import Landscape
    from beanlab.gui import style
    from beanlab.gui.frame_hub import FrameHub
    from beanlab.gui.plots.loss_plot import LossPlot
    from beanlab.gui.plots.scatter_plot import ScatterPlot

    style.configure_pyqtgraph()
    host = QWidget()
    qtbot.addWidget(host)
    scatter, loss = ScatterPlot(), LossPlot()
    hub = FrameHub()
    hub.subscribe(scatter.show_frame)
    hub.subscribe(lambda frame: loss.show_frame(frame, hub.history))
    layout = QHBoxLayout(host)
    layout.addWidget(scatter)
    layout.addWidget(loss)
    host.resize(640, 240)
    host.show()
    qtbot.waitExposed(host)
    paints = PaintCounter(scatter.viewport())
    qtbot.waitUntil(lambda: paints.count > 0)   # painted once by the event loop: repaint() now paints at once
    paints.count = 0
    before = sys.getrefcount(None)
    drawn = 0
    for frame, trainer in frames_of_a_run(20_000):
        if frame.restarted:
            scatter.set_run(trainer.beans, Landscape(trainer.beans, trainer.model))
        hub.receive(frame)
        for view in (scatter.viewport(), loss.plot_widget.viewport()):
            view.repaint()   # paint now, as the event loop would between frames
        drawn += 1
    after = sys.getrefcount(None)
    assert drawn == 20_000 and paints.count >= 20_000 and loss.point_count > 1_000
    assert after > before - 100, f"None lost {before - after} references over {drawn} frames"
