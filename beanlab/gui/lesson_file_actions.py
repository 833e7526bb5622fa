"""File → Open lesson file…: a lesson written as a small TOML file (a teacher's own, or a copy of a
built-in one), opened like a lesson of the Lessons menu. A file that is wrong in any way is a message
naming its line and key, and changes nothing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from beanlab.core.lesson_files import SUFFIX, LessonFileError, read_lesson
from beanlab.i18n import N_, tr

LABEL = N_("Open &lesson file…")
FILTER = N_("BeanLab lesson (*.toml)")


class LessonFileActions(QObject):
    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.action = QAction(self)
        self.action.setShortcut(QKeySequence("Ctrl+L"))
        self.action.triggered.connect(self._ask_open)
        self.retranslate()

    @property
    def keyed_actions(self) -> list[QAction]:
        return [self.action]

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.action)

    def retranslate(self) -> None:
        self.action.setText(tr(LABEL))

    def _ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self._window, tr("Open lesson file"), str(Path.home()), tr(FILTER))
        if path:
            self.open_lesson_file(path)

    def open_lesson_file(self, path: str) -> bool:
        """Read the lesson at ``path`` and load it (its run, views, caption and script)."""
        try:
            lesson = read_lesson(path)
        except OSError as exc:
            self.failed.emit(tr("Could not open {path}: {reason}.").format(path=path, reason=exc.strerror or exc))
            return False
        except LessonFileError as exc:
            self.failed.emit(tr("Could not open the lesson {path}. {reason}. Nothing was changed.").format(
                path=path, reason=str(exc).rstrip(".")))
            return False
        self._window.load_lesson(lesson)
        self.succeeded.emit(tr("Opened the lesson {name}: {title}.").format(name=Path(path).name,
                                                                            title=tr(lesson.title)))
        return True


__all__ = ["LessonFileActions", "SUFFIX"]
