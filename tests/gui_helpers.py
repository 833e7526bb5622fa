"""Small helpers for driving the main window as a user would."""
from PySide6.QtCore import Qt

from beanlab.gui.panels.playback_panel import SPEEDS


def latest(window):
    return window.controller.latest


def full_speed(window, epochs=1_000_000):
    """As fast as the machine goes, with an epoch limit far enough away not to end the run."""
    window.playback_panel.set_speed(0)
    window.controller.set_config(epochs=epochs)


def press(qtbot, window, key):
    qtbot.keyClick(window, key)


def type_into(qtbot, line_edit, text):
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def wait_state(qtbot, window, state, timeout=20_000):
    qtbot.waitUntil(lambda: latest(window).state == state, timeout=timeout)


__all__ = ["SPEEDS", "full_speed", "latest", "press", "type_into", "wait_state"]
