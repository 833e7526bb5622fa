"""File → Open data… / Save data…, and CSV files dropped on the window: the user's own beans.

A file is read by the core's CSV reader on a thread of its own, with a progress dialog and Cancel:
a million rows take seconds, and the window keeps drawing meanwhile. A file that cannot be used is
a message naming the file, line and column; the beans in use stay as they were.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressDialog, QWidget

from beanlab.core import (
    BeanDataError,
    LoadCancelled,
    load_beans_csv_apart,
    preview_beans_csv,
    save_beans_csv,
)
from beanlab.gui.column_dialog import ColumnDialog
from beanlab.i18n import N_, tr

ACTIONS = {"open": N_("Open &data (CSV)…"), "save": N_("Save d&ata (CSV)…")}
FILTER = N_("CSV table (*.csv)")
# the same CSV with a UTF-8 byte-order mark: Excel then shows a header of 大小, 毒性 as it is
EXCEL_FILTER = N_("CSV for Excel, UTF-8 with BOM (*.csv)")


class _Reader(QObject):
    """Reads one file on the reading thread; says how far it got, and the result."""

    progressed = Signal(int, int)
    loaded = Signal(object, object, str)   # (a Trainer on the beans, its RunConfig, path)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False

    @Slot(str, object, object)
    def read(self, path: str, config, columns) -> None:
        """Read the beans and make the run on them here too: with a million beans even that takes a
        while, and the window must keep answering."""
        def report(done: int, total: int) -> bool:
            self.progressed.emit(done, total)
            return not self.cancelled

        try:
            beans = load_beans_csv_apart(path, progress=report, columns=columns)
        except LoadCancelled:
            self.failed.emit(tr("Loading {path} was cancelled; the beans are as they were.").format(path=path))
        except BeanDataError as exc:
            self.failed.emit(tr("Could not use {path}: {reason}. The beans are as they were.").format(
                path=path, reason=exc.detail))
        except MemoryError:
            self.failed.emit(tr("{path} is too large for this computer's memory.").format(path=path))
        else:
            config = config.for_beans(beans)
            try:
                trainer = config.build_trainer(beans)
            except ValueError as exc:
                self.failed.emit(tr("Could not use {path}: {reason}. The beans are as they were.").format(
                    path=path, reason=exc))
                return
            self.loaded.emit(trainer, config, path)


class DataActions(QObject):
    succeeded = Signal(str)
    failed = Signal(str)
    _read_requested = Signal(str, object, object)   # path, RunConfig, chosen columns or None

    def __init__(self, window: QWidget, controller) -> None:
        super().__init__(window)
        self._window, self._controller = window, controller
        self._actions: dict[str, QAction] = {}
        self._progress: QProgressDialog | None = None
        self.loading = False
        self.column_dialog: ColumnDialog | None = None   # the last one asked, for tests
        self._thread = QThread(self)
        self._thread.setObjectName("beanlab-reading")
        self._reader = _Reader()
        self._reader.moveToThread(self._thread)
        self._read_requested.connect(self._reader.read)
        self._reader.progressed.connect(self._on_progress)
        self._reader.loaded.connect(self._on_loaded)
        self._reader.failed.connect(self._on_failed)
        self._thread.finished.connect(self._reader.deleteLater)
        self._thread.start()

    def add_to(self, menu: QMenu) -> None:
        for name, keys, handler in (("open", "Ctrl+Shift+O", self._ask_open), ("save", "Ctrl+Shift+S", self._ask_save)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(handler)
            menu.addAction(action)
            self._actions[name] = action
        self.retranslate()

    @property
    def keyed_actions(self) -> list[QAction]:
        return list(self._actions.values())

    def retranslate(self) -> None:
        for name, action in self._actions.items():
            action.setText(tr(ACTIONS[name]))

    # -- opening ---------------------------------------------------------------------------------
    def _ask_open(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self._window, tr("Open data"), str(Path.home()), tr(FILTER))
        if path:
            self.open_data(path)

    def open_data(self, path: str, columns: tuple[int, ...] | None = None) -> None:
        """Read ``path`` on the reading thread; the run changes only when it has been read.

        A file with more columns than the beans need first asks which ones (``column_dialog``),
        unless ``columns`` says.
        """
        if self.loading:
            self.failed.emit(tr("A file is being read already."))
            return
        if columns is None and self._needs_choice(path):
            return
        self.loading = True
        self._reader.cancelled = False
        progress = QProgressDialog(tr("Reading {name}…").format(name=os.path.basename(path)), tr("Cancel"), 0, 100,
                                   self._window)
        progress.setWindowTitle(tr("Open data"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)   # small files come and go without a flash
        progress.canceled.connect(self.cancel)
        self._progress = progress
        self._read_requested.emit(path, self._controller.config, columns)

    def _needs_choice(self, path: str) -> bool:
        """Open the column dialog if the header does not say which columns are the beans."""
        try:
            preview = preview_beans_csv(path)
        except BeanDataError:
            return False   # reading it all names the problem with its line
        if preview.width <= 2 or (preview.guess is not None and len(preview.guess) == preview.width):
            return False
        dialog = ColumnDialog(preview, path, self._window)
        dialog.accepted.connect(lambda: self.open_data(path, dialog.columns))
        dialog.finished.connect(dialog.deleteLater)
        self.column_dialog = dialog
        dialog.open()
        return True

    def cancel(self) -> None:
        self._reader.cancelled = True   # read by the reading thread between chunks

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    @Slot(object, object, str)
    def _on_loaded(self, trainer, config, path: str) -> None:
        self._finish()
        self._controller.use_trainer(trainer, config, os.path.basename(path))

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._finish()
        self.failed.emit(text)

    def _finish(self) -> None:
        self.loading = False
        if self._progress is not None:
            self._progress.canceled.disconnect()
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    # -- saving ----------------------------------------------------------------------------------
    def _ask_save(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(self._window, tr("Save data"), str(Path.home() / "beans.csv"),
                                                   ";;".join((tr(FILTER), tr(EXCEL_FILTER))))
        if path:
            self.save_data(path, excel=chosen == tr(EXCEL_FILTER))

    def save_data(self, path: str, excel: bool = False) -> bool:
        """The beans in use, as CSV that Open data reads back to the same floats (UTF-8; with
        ``excel``, with the byte-order mark by which Excel knows it)."""
        if not path.lower().endswith(".csv"):
            path += ".csv"
        try:
            save_beans_csv(self._controller.beans, path, excel=excel)
        except OSError as exc:
            self.failed.emit(tr("Could not save {path}: {reason}. Nothing was written.").format(
                path=path, reason=exc.strerror or exc))
            return False
        self.succeeded.emit(tr("Saved {count:,} beans to {path}.").format(count=len(self._controller.beans), path=path))
        return True

    def shutdown(self) -> None:
        self.cancel()
        self._thread.quit()
        self._thread.wait()
