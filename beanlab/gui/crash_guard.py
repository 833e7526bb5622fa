"""A mistake inside BeanLab must not end the lesson: it is logged, said once, and the app goes on.

``install`` replaces ``sys.excepthook`` (which PySide calls for an exception escaping a slot, on any
thread, the training worker's included) and ``threading.excepthook``. Each exception goes to the log
file with its traceback; the first of each kind is shown in a dialog on the GUI thread, saying what
to do next. ``beanlab --debug`` also logs to the terminal.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from beanlab.i18n import tr
from beanlab.portable import portable_folder

LOG = logging.getLogger("beanlab")
ENV_VARIABLE = "BEANLAB_LOG"


def log_path() -> Path:
    """Where the log goes: ``BEANLAB_LOG``, the portable folder (beanlab.portable), or the platform's folder
    for application data."""
    configured = os.environ.get(ENV_VARIABLE)
    if configured:
        return Path(configured)
    portable = portable_folder()
    if portable is not None:
        return portable / "logs" / "beanlab.log"
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation) \
        or str(Path.home() / ".local" / "share" / "BeanLab")
    return Path(folder) / "logs" / "beanlab.log"


_handlers: dict[str, logging.Handler] = {}   # the file and terminal handlers added so far, by kind


def configure_logging(debug: bool = False) -> Path | None:
    """Log to the log file (kept to 3 × 1 MB); with ``debug``, to the terminal as well.

    Called again (the application is made before the crash guard), it keeps one handler of each kind,
    moved to the current ``BEANLAB_LOG`` if that changed."""
    path = log_path()
    LOG.setLevel(logging.DEBUG if debug else logging.INFO)
    form = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    kept = _handlers.get("file")
    if kept is not None and getattr(kept, "beanlab_path", None) == path:
        path = path if not isinstance(kept, logging.NullHandler) else None
    else:
        if kept is not None:
            LOG.removeHandler(kept)
            kept.close()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(path, maxBytes=1 << 20, backupCount=2,
                                                                            encoding="utf-8")
            handler.beanlab_path = path
        except OSError:   # a read-only home: the app runs on, without a log file
            handler = logging.NullHandler()
            handler.beanlab_path, path = path, None
        handler.setFormatter(form)
        LOG.addHandler(handler)
        _handlers["file"] = handler
    if debug and "terminal" not in _handlers:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(form)
        LOG.addHandler(terminal)
        _handlers["terminal"] = terminal
    return path


class CrashGuard(QObject):
    """Holds the dialog's state; its signal carries reports from any thread to the GUI thread."""

    _report = Signal(str, str)   # (what happened, the kind of mistake, for saying each kind once)

    def __init__(self, log_file: Path | None) -> None:
        super().__init__()
        self.log_file = log_file
        self.said: set[str] = set()
        self.last_dialog: QMessageBox | None = None
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def handle(self, kind, value, trace) -> None:
        """sys.excepthook: log it, and have the GUI thread say it (once per kind of mistake)."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, trace)
            return
        LOG.error("unexpected error\n%s", "".join(traceback.format_exception(kind, value, trace)))
        where = traceback.extract_tb(trace)[-1] if trace else None
        key = f"{kind.__name__}:{where.filename}:{where.lineno}" if where else kind.__name__
        self._report.emit(f"{kind.__name__}: {value}", key)

    @Slot(str, str)
    def _show(self, text: str, key: str) -> None:
        if key in self.said:
            return
        self.said.add(key)
        details = tr("The details are in {path}.").format(path=self.log_file) if self.log_file else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "BeanLab",
                          tr("Something went wrong inside BeanLab ({error}). The lesson can go on: if a plot "
                             "looks wrong, press Reset (R) or load the lesson again; to be safe, save the "
                             "session (Ctrl+S). {details}").format(error=text, details=details),
                          QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()   # not modal: the window behind goes on
        self.last_dialog = box


def install(debug: bool = False) -> CrashGuard:
    """Log, and catch every exception that escapes to the top, in every thread."""
    guard = CrashGuard(configure_logging(debug))
    sys.excepthook = guard.handle
    threading.excepthook = lambda args: guard.handle(args.exc_type, args.exc_value, args.exc_traceback)
    LOG.info("BeanLab started (Python %s)", sys.version.split()[0])
    return guard
