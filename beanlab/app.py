"""The composition root: build the Qt application and its main window, and run it."""
from __future__ import annotations

import argparse
import sys

from beanlab.resources import ICON, resource_path


def make_application(debug: bool = False):
    """The QApplication, set up once for every window BeanLab opens."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from beanlab.gui import qt_messages
    from beanlab.gui.crash_guard import configure_logging
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
    app.setWindowIcon(QIcon(str(resource_path(ICON))))
    return app


def run_app(args: argparse.Namespace | None = None) -> int:
    """Open BeanLab's window on the default run and return when it is closed."""
    from beanlab.gui import crash_guard
    from beanlab.gui.main_window import MainWindow

    app = make_application(debug=getattr(args, "debug", False))
    app.crash_guard = crash_guard.install(debug=getattr(args, "debug", False))   # kept alive with the app
    window = MainWindow(lesson=getattr(args, "lesson", None), session=getattr(args, "session", None),
                        session_name=getattr(args, "session_name", ""), language=getattr(args, "lang", None))
    window.show()
    return app.exec()
