"""The composition root: build the Qt application and its main window, and run it."""
from __future__ import annotations

import argparse
import signal
import sys

from beanlab import interrupts

from beanlab.resources import ICON, resource_path


def make_application(debug: bool = False):
    """The QApplication, set up once for every window BeanLab opens."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from beanlab.gui import qt_messages
    from beanlab.gui.crash_guard import configure_logging
    from beanlab.gui.garbage import collect_on_gui_thread
    from beanlab.gui.language import install_cjk_font

    # the log first (its folder is named after the application), then Qt's warnings into it: what
    # Qt says while it starts (a platform plugin, OpenGL) goes to the log, not the terminal
    QCoreApplication.setApplicationName("BeanLab")
    configure_logging(debug)
    qt_messages.install()
    # One OpenGL context family for every GL view: pyqtgraph's shaders stay valid across views.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("BeanLab")
    app.setDesktopFileName("beanlab")   # Wayland and docks match the window to beanlab/resources/beanlab.desktop
    install_cjk_font(app)
    collect_on_gui_thread()   # never on the training thread: see beanlab.gui.garbage
    app.setWindowIcon(QIcon(str(resource_path(ICON))))
    return app


def run_app(args: argparse.Namespace | None = None) -> int:
    """Open BeanLab's window on the default run and return when it is closed."""
    from beanlab.gui import crash_guard
    from beanlab.gui.signal_wakeup import SignalWakeup

    app = make_application(debug=getattr(args, "debug", False))
    app.crash_guard = crash_guard.install(debug=getattr(args, "debug", False))   # kept alive with the app
    # Ctrl+C in the terminal or SIGTERM, even while the window is being built: once the loop runs, the
    # window closes as on Ctrl+Q (settings saved once), the training thread stops, any dialog closes,
    # and the exit status says which signal it was (130, 143)
    wakeup = SignalWakeup()
    window = open_window(args)
    wakeup.received.connect(lambda _signum: (window.close(), app.closeAllWindows()))
    window.show()
    crash_guard.LOG.info("window open (SIGINT and SIGTERM close it as Ctrl+Q does)")
    try:
        status = app.exec()
    finally:
        wakeup.close()
    if wakeup.first is not None:
        print(window_closed_message(wakeup.first), file=sys.stderr)
        return interrupts.exit_status(wakeup.first)
    return status


def open_window(args: argparse.Namespace | None = None):
    """The main window the command line asks for (its lesson, run options, session, language), not yet shown."""
    from beanlab.gui.main_window import MainWindow

    return MainWindow(config=getattr(args, "config", None), lesson=getattr(args, "lesson", None),
                      session=getattr(args, "session", None), session_name=getattr(args, "session_name", ""),
                      language=getattr(args, "lang", None), own_beans=getattr(args, "own_beans", None),
                      teach=getattr(args, "teach", False))


def window_closed_message(signum: int) -> str:
    name = "Ctrl+C" if signum == signal.SIGINT else "SIGTERM" if signum == signal.SIGTERM else f"signal {signum}"
    return f"beanlab: {name}: the window was closed as with Ctrl+Q (settings saved)"
