"""With a million beans, moving the learning-rate slider never freezes the window (the longest gap
between two ticks of a 5 ms timer on the GUI thread stays under 50 ms)."""
import pytest
from gui_helpers import latest, type_into
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from beanlab.core import RunConfig, RunState

MILLION = 1_000_000
TICKS = 30            # slider positions moved through, one after another
LONGEST_GAP_MS = 50
UNTOUCHED_MS = 2_000


class EventLoopGaps:
    """A 5 ms timer on the GUI thread; the longest time between two of its ticks is how long the
    window could not answer."""

    def __init__(self) -> None:
        self.longest_ms = 0
        self._clock, self._quiet = QElapsedTimer(), QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        self._clock.start()
        self._quiet.start()
        self._timer.start()

    def quiet_ms(self) -> int:
        """How long the window has answered promptly (no gap over the limit), up to now."""
        return self._quiet.elapsed()

    def restart(self) -> None:
        self.longest_ms = 0

    def stop(self) -> None:
        self._on_tick()
        self._timer.stop()

    def _on_tick(self) -> None:
        gap = self._clock.restart()
        self.longest_ms = max(self.longest_ms, gap)
        if gap >= LONGEST_GAP_MS:
            self._quiet.restart()


def move_slider_tick_by_tick(qtbot, slider, ticks):
    """Press ↑ on the slider ``ticks`` times (→ is the window's Step), each press a fresh event, as fast as
    the event loop takes them."""
    pressed = []

    def press():
        qtbot.keyClick(slider, Qt.Key.Key_Up)
        pressed.append(slider.value())
        if len(pressed) < ticks:
            QTimer.singleShot(0, press)

    QTimer.singleShot(0, press)
    qtbot.waitUntil(lambda: len(pressed) == ticks, timeout=60_000)
    return pressed


def load_a_million_beans(qtbot, window):
    type_into(qtbot, window.data_panel.count, str(MILLION))
    qtbot.waitUntil(lambda: len(window.controller.beans) == MILLION and latest(window).restarted, timeout=60_000)


def drag_through_the_learning_rates(qtbot, window):
    """Once the window answers again (the million beans drawn), move the slider through TICKS values;
    returns the longest event-loop gap meanwhile and how long the moving took."""
    field = window.optimizer_panel.learning_rate
    field.slider.setFocus()
    before = window.controller.config.lr
    gaps = EventLoopGaps()
    qtbot.waitUntil(lambda: gaps.quiet_ms() > 500, timeout=30_000)
    gaps.restart()
    took = QElapsedTimer()
    took.start()
    positions = move_slider_tick_by_tick(qtbot, field.slider, TICKS)
    gaps.stop()
    chosen = field.value()
    assert len(set(positions)) == TICKS and chosen > before
    assert window.controller.config.lr == chosen and field.field.text() == f"{chosen:g}"
    return gaps.longest_ms, took.elapsed()


@pytest.mark.slow
def test_moving_the_learning_rate_on_a_million_beans_never_blocks_the_window(qtbot, window):
    load_a_million_beans(qtbot, window)
    longest_ms, _ = drag_through_the_learning_rates(qtbot, window)
    print(f"\nlongest event-loop gap over {TICKS} learning-rate values on {MILLION:,} beans (paused): "
          f"{longest_ms} ms")
    assert longest_ms < LONGEST_GAP_MS
    window.actions["step"].trigger()   # the worker took the last value: the next update moves by it
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    reference = RunConfig(n=MILLION, lr=window.controller.config.lr).build_trainer()
    assert latest(window).snapshot == reference.step()


@pytest.mark.slow
def test_moving_the_learning_rate_while_a_million_beans_play_adds_no_block(qtbot, window):
    """While playing, the window draws up to 60 frames a second (on a loaded machine with software
    OpenGL a frame may take tens of milliseconds): the slider must add nothing to that."""
    load_a_million_beans(qtbot, window)
    window.actions["play"].trigger()
    qtbot.waitUntil(lambda: latest(window).state == RunState.PLAYING and latest(window).snapshot.step > 0,
                    timeout=30_000)
    longest_ms, took_ms = drag_through_the_learning_rates(qtbot, window)
    untouched = EventLoopGaps()
    clock = QElapsedTimer()
    clock.start()
    # the same run, untouched, a while longer: the longest a frame takes to draw here
    qtbot.waitUntil(lambda: clock.elapsed() > max(took_ms, UNTOUCHED_MS), timeout=30_000)
    untouched.stop()
    print(f"\nlongest event-loop gap over {TICKS} learning-rate values on {MILLION:,} beans (playing): "
          f"{longest_ms} ms; playing untouched: {untouched.longest_ms} ms")
    assert longest_ms < max(LONGEST_GAP_MS, untouched.longest_ms + 10)
    assert latest(window).state == RunState.PLAYING
