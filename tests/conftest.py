"""Shared test set-up: Qt on the virtual X display pytest-xvfb starts, or offscreen without one."""
import os
import traceback
from weakref import WeakKeyDictionary

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThread, QTimer

# As in beanlab.app: every GL view shares one OpenGL context family, so pyqtgraph's compiled
# shaders stay valid when a test opens a new window after closing one. Must precede QApplication.
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # pytest-xvfb has set DISPLAY by now when Xvfb is installed; OpenGL widgets need it (xcb).
    # Without any display, plain 2-D widgets still run on Qt's offscreen platform.
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def nothing_left_running(monkeypatch):
    """Fail a test that leaves a thread or a repeating timer it started running (as napari's tests do).

    A thread still running after its window closed would go on training into the next test; the
    test is failed with where the thread or timer was started.
    """
    started = WeakKeyDictionary()

    def recorded(start):
        def start_and_remember(self, *args):
            started[self] = "".join(traceback.format_stack(limit=5)[:-1])
            start(self, *args)
        return start_and_remember

    monkeypatch.setattr(QThread, "start", recorded(QThread.start))
    monkeypatch.setattr(QTimer, "start", recorded(QTimer.start))
    yield
    left = []
    for thing, where in list(started.items()):
        try:
            running = thing.isRunning() if isinstance(thing, QThread) else thing.isActive() and not thing.isSingleShot()
        except RuntimeError:   # its C++ side is deleted: stopped for good
            continue
        if running:
            left.append(f"{type(thing).__name__} started at\n{where}")
            if isinstance(thing, QThread):
                thing.quit()
                thing.wait(2_000)
            else:
                thing.stop()
    assert not left, "left running:\n" + "\n".join(left)


@pytest.fixture(scope="session", autouse=True)
def garbage_on_gui_thread(qapp):
    """As in beanlab.app: reference cycles are collected on the GUI thread only (beanlab.gui.garbage).

    Session-wide, so its timer is the application's, not a test's (see nothing_left_running).
    """
    from beanlab.gui.garbage import collect_on_gui_thread

    return collect_on_gui_thread()


@pytest.fixture(autouse=True)
def collect_after_each_test(garbage_on_gui_thread):
    """A test that never runs the event loop still has its cycles collected, here on the GUI thread."""
    yield
    garbage_on_gui_thread.collect_due()


@pytest.fixture(autouse=True)
def own_settings_file(tmp_path_factory, monkeypatch):
    """Every test remembers its settings in a fresh file of its own, never the user's."""
    monkeypatch.setenv("BEANLAB_SETTINGS", str(tmp_path_factory.mktemp("settings") / "beanlab.ini"))


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Every test starts in English, whatever the machine's locale, and leaves English behind."""
    from beanlab import i18n

    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    if i18n.system_language() != i18n.ENGLISH:
        monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    if i18n.language() != i18n.ENGLISH:
        from PySide6.QtCore import QCoreApplication, QEvent

        from beanlab.gui.language import apply_language

        # windows the test closed go first: a half-deleted plot must not be asked to retranslate
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        apply_language(i18n.ENGLISH)


@pytest.fixture
def window(qtbot):
    """The real main window on the default run, shown; closed (and its thread checked) afterwards."""
    from PySide6.QtWidgets import QApplication

    from beanlab.gui.language import install_cjk_font
    from beanlab.gui.main_window import MainWindow

    # as beanlab.app sets the application up: the bundled Chinese font, whose metrics the layout meets
    install_cjk_font(QApplication.instance())
    main_window = MainWindow()
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()  # keyboard shortcuts go to the active window (no window manager here)
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.waitUntil(lambda: main_window.controller.latest is not None)
    yield main_window
    main_window.close()
    assert not main_window.controller.is_running, "the training thread outlived its window"
