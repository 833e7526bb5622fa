"""The composition root: build the Qt application and its main window, and run it."""
from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace | None = None) -> int:
    """Open BeanLab's window on the default run and return when it is closed."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from beanlab.gui.main_window import MainWindow

    # One OpenGL context family for every GL view: pyqtgraph's shaders stay valid across views.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("BeanLab")
    window = MainWindow()
    window.show()
    return app.exec()
