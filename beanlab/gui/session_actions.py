"""File → Save session / Open session: a run kept in a ``.beanlab`` file, to go on with another day."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from beanlab.core import (
    SessionError,
    Trainer,
    read_session_file,
    session_json,
    write_text_atomically,
)
from beanlab.i18n import N_, tr

SUFFIX = ".beanlab"
FILTER = N_("BeanLab session (*.beanlab)")
ACTIONS = {"open": N_("&Open session…"), "save": N_("&Save session…")}


class SessionActions(QObject):
    succeeded = Signal(str)
    failed = Signal(str)
    opened = Signal(object, str)   # (Session, file name): the window shows the session's lesson and title

    def __init__(self, window: QWidget, controller) -> None:
        super().__init__(window)
        self._window, self._controller = window, controller
        self.keyed_actions: list[QAction] = []
        self._actions: dict[str, QAction] = {}
        self.lesson: int | None = None   # the lesson the run came from, saved with it

    def add_to(self, menu: QMenu) -> None:
        for name, keys, handler in (("open", QKeySequence.StandardKey.Open, self._ask_open),
                                    ("save", QKeySequence.StandardKey.Save, self._ask_save)):
            action = QAction(tr(ACTIONS[name]), self)
            action.setShortcut(keys)
            action.triggered.connect(handler)
            menu.addAction(action)
            self.keyed_actions.append(action)
            self._actions[name] = action

    def retranslate(self) -> None:
        for name, action in self._actions.items():
            action.setText(tr(ACTIONS[name]))

    def _ask_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self._window, tr("Save session"), str(Path.home() / f"run{SUFFIX}"),
                                                    tr(FILTER))
        if path:
            self.save_session(path)

    def _ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self._window, tr("Open session"), str(Path.home()), tr(FILTER))
        if path:
            self.open_session(path)

    def save_session(self, path: str) -> None:
        """Save the run as it is now (asynchronously: the worker hands over a copy)."""
        if not path.endswith(SUFFIX):
            path += SUFFIX
        self._controller.copy_run(0, lambda trainer, _start: self._write_session(path, trainer))

    def _write_session(self, path: str, trainer: Trainer) -> None:
        try:
            write_text_atomically(path, session_json(trainer, self._controller.config, self.lesson))
        except OSError as exc:
            self.failed.emit(tr("Could not save {path}: {reason}. Nothing was written.").format(
                path=path, reason=exc.strerror or exc))
            return
        self.succeeded.emit(tr("Saved the session at update {update:,} to {path}.").format(
            update=trainer.step_count, path=path))

    def open_session(self, path: str) -> bool:
        """Open a session file and go on with its run; a bad file is a message, nothing changes."""
        try:
            session = read_session_file(path)
        except OSError as exc:
            self.failed.emit(tr("Could not open {path}: {reason}.").format(path=path, reason=exc.strerror or exc))
            return False
        except SessionError as exc:
            self.failed.emit(tr("Could not open {path}: {reason}. Nothing was changed.").format(path=path, reason=exc))
            return False
        name = os.path.basename(path)
        self.lesson = session.lesson
        self.opened.emit(session, name)
        self._controller.load_session(session, tr("Opened {name}: update {update:,}, paused where it was saved.").format(
            name=name, update=session.trainer.step_count))
        return True
