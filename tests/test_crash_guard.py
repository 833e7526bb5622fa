"""A mistake inside BeanLab is logged and said once; the window goes on."""
import sys
import threading

import pytest
from gui_helpers import latest
from PySide6.QtCore import QTimer

from beanlab.gui import crash_guard


@pytest.fixture
def guard(tmp_path, monkeypatch):
    monkeypatch.setenv(crash_guard.ENV_VARIABLE, str(tmp_path / "logs" / "beanlab.log"))
    hooks = sys.excepthook, threading.excepthook
    installed = crash_guard.install()
    yield installed
    sys.excepthook, threading.excepthook = hooks
    for handler in list(crash_guard.LOG.handlers):
        crash_guard.LOG.removeHandler(handler)
        handler.close()


def broken_slot():
    return 1 / 0


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_is_logged_said_once_and_the_window_goes_on(qtbot, window, guard):
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: guard.last_dialog is not None and guard.last_dialog.isVisible())
    assert "ZeroDivisionError" in guard.last_dialog.text() and "beanlab.log" in guard.last_dialog.text()
    first = guard.last_dialog
    first.close()
    QTimer.singleShot(0, broken_slot)   # the same mistake again: logged, not said again
    qtbot.waitUntil(lambda: guard.log_file.read_text(encoding="utf-8").count("ZeroDivisionError") >= 2)
    assert guard.last_dialog is first
    window.actions["step"].trigger()   # the lesson goes on
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)


@pytest.mark.qt_no_exception_capture
def test_a_thread_that_raises_is_said_on_the_gui_thread(qtbot, guard):
    def worker():
        raise RuntimeError("the worker tripped")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: guard.last_dialog is not None and guard.last_dialog.isVisible())
    assert "the worker tripped" in guard.last_dialog.text()
    assert "Traceback" in guard.log_file.read_text(encoding="utf-8")
    guard.last_dialog.close()
