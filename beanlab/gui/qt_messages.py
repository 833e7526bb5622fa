"""Qt's own warnings go to BeanLab's log, not the terminal.

Qt prints what it finds odd ("QOpenGLWidget: Failed to create context", a font it cannot find, a
platform plugin's complaint) on stderr, where a teacher sees noise and no advice. The log keeps them,
with Qt's category; ``beanlab --debug`` shows the log on the terminal as well.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

LOG = logging.getLogger("beanlab.qt")
LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
          QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
          QtMsgType.QtFatalMsg: logging.CRITICAL}
_installed = False


def _to_log(kind, context, message: str) -> None:
    category = getattr(context, "category", None) or "qt"
    LOG.log(LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)


def install() -> None:
    """Route every Qt message to the log (once; safe to call again)."""
    global _installed
    if not _installed:
        qInstallMessageHandler(_to_log)
        _installed = True
