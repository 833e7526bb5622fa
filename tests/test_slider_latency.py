"""With a million beans, moving the learning-rate slider never freezes the window (the longest gap
between two ticks of a 5 ms timer on the GUI thread stays under 50 ms)."""
import pytest
from gui_helpers import latest, type_into
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from beanlab.core import RunConfig, RunState

MILLION = 1_000_000
TICKS = 30            # slider positions moved through, one after another
LONGEST_GAP_MS = 50


class EventLoopGaps:
    """A 5 ms timer on the GUI thread; the longest time between two of its ticks is how long the
    window could not answer."""

    def __init__(self) -> None:
        self.longest_ms = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._on_tick()

    def _on_tick(self) -> None:
        self.longest_ms = max(self.longest_ms, self._clock.restart())


def move_slider_tick_by_tick(qtbot, slider, ticks):
    """Press → on the slider ``ticks`` times, each press a fresh event, as fast as the event loop takes them."""
    pressed = []

    def press():
        qtbot.keyClick(slider, Qt.Key.Key_Right)
        pressed.append(slider.value())
        if len(pressed) < ticks:
            QTimer.singleShot(0, press)

    QTimer.singleShot(0, press)
    qtbot.waitUntil(lambda: len(pressed) == ticks, timeout=60_000)
    return pressed


@pytest.mark.slow
@pytest.mark.parametrize("playing", [False, True], ids=["paused", "playing"])
def test_moving_the_learning_rate_on_a_million_beans_never_blocks_the_window(qtbot, window, playing):
    type_into(qtbot, window.data_panel.count, str(MILLION))
    qtbot.waitUntil(lambda: len(window.controller.beans) == MILLION and latest(window).restarted, timeout=60_000)
    if playing:
        window.actions["play"].trigger()
        qtbot.waitUntil(lambda: latest(window).state == RunState.PLAYING and latest(window).snapshot.step > 0,
                        timeout=30_000)
    field = window.optimizer_panel.learning_rate
    field.slider.setFocus()
    before = window.controller.config.lr
    gaps = EventLoopGaps()
    gaps.start()
    positions = move_slider_tick_by_tick(qtbot, field.slider, TICKS)
    gaps.stop()
    chosen = field.value()
    assert len(set(positions)) == TICKS and chosen > before
    assert window.controller.config.lr == chosen and field.field.text() == f"{chosen:g}"
    print(f"\nlongest event-loop gap over {TICKS} learning-rate values on {MILLION:,} beans "
          f"({'playing' if playing else 'paused'}): {gaps.longest_ms} ms")
    assert gaps.longest_ms < LONGEST_GAP_MS
    if not playing:   # the worker took the last value: the next update moves by it
        window.actions["step"].trigger()
        qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
        reference = RunConfig(n=MILLION, lr=chosen).build_trainer()
        assert latest(window).snapshot == reference.step()
