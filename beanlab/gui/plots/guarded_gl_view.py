"""pyqtgraph's GLViewWidget, made to say when it cannot draw instead of printing tracebacks.

Where the widget gets no OpenGL context (Qt prints "QOpenGLWidget: Failed to create context") or
one PyOpenGL cannot see (pyqtgraph prints "Attempt to retrieve context when no valid context" for
every item on every paint), it draws nothing and emits ``failed`` once, with the details for the
log; the plot board then puts the view's 2-D stand-in in its place.
"""
from __future__ import annotations

import pyqtgraph.opengl as gl
from PySide6.QtCore import QTimer, Signal

from beanlab.gui.opengl_support import current_context_problem


class GuardedGLView(gl.GLViewWidget):
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.has_failed = False

    def paintGL(self) -> None:
        if self.has_failed:
            return
        problem = current_context_problem()
        if problem is not None:
            self._fail(problem)
            return
        super().paintGL()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Qt makes the widget's context when it is first shown; one that failed leaves it invalid
        QTimer.singleShot(0, self._check_context)

    def _check_context(self) -> None:
        if not self.has_failed and self.isVisible() and not self.isValid():
            self._fail("Qt could not create the 3-D view's OpenGL context")

    def _fail(self, details: str) -> None:
        self.has_failed = True
        self.failed.emit(details)
