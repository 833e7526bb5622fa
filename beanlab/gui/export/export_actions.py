"""The File menu's exports: animation (GIF), pictures of the plots (PNG), the run's data (CSV).

Each action asks the user what they want, then calls a method that tests can call directly. The
animation and the run data come from a copy of the run that the training worker hands over, so the
live training goes on undisturbed; a picture is what the window shows.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QObject,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from beanlab.core import (
    Trainer,
    history_csv_text,
    save_beans_csv,
    write_bytes_atomically,
    write_text_atomically,
)
from beanlab.export.request import ExportRequest
from beanlab.gui.export.animation_export import AnimationExport
from beanlab.gui.export.export_dialog import VIEW_NAMES, ExportAnimationDialog
from beanlab.gui.export.frame_renderer import opengl_available
from beanlab.gui.export.picture import png_bytes
from beanlab.gui.plots.plot_board import PlotBoard
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import N_, tr

ACTIONS = {"animation": N_("Export &animation…"), "pictures": N_("Save &picture"), "run": N_("Export &run data…")}


class ExportActions(QObject):
    """Builds the export menu entries and carries them out; results are said through the signals."""

    succeeded = Signal(str)   # a sentence for the status bar
    failed = Signal(str)      # a sentence for a warning box (or the status bar, when cancelled)

    def __init__(self, window: QWidget, controller: TrainingController, plots: PlotBoard) -> None:
        super().__init__(window)
        self._window, self._controller, self._plots = window, controller, plots
        self.job: AnimationExport | None = None
        self.keyed_actions: list[QAction] = []
        self._progress: QProgressDialog | None = None
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        # the first folder that exists: a fresh account may have no Pictures folder yet
        self._folder = next((f for f in (pictures, str(Path.home()), os.getcwd()) if f and os.path.isdir(f)),
                            os.getcwd())

    def add_to(self, menu: QMenu) -> None:
        animation = QAction(self)
        animation.setShortcut("Ctrl+E")
        animation.triggered.connect(self._ask_animation)
        menu.addAction(animation)
        self.keyed_actions = [animation]
        self._pictures_menu = menu.addMenu("")
        self._picture_actions = {}
        for key, _title in VIEW_NAMES:
            action = QAction(self)
            action.triggered.connect(lambda _checked=False, key=key: self._ask_picture(key))
            self._pictures_menu.addAction(action)
            self._picture_actions[key] = action
        run = QAction(self)
        run.triggered.connect(self._ask_run_data)
        menu.addAction(run)
        self._actions = {"animation": animation, "run": run}
        self.retranslate()

    def retranslate(self) -> None:
        for name, action in self._actions.items():
            action.setText(tr(ACTIONS[name]))
        self._pictures_menu.setTitle(tr(ACTIONS["pictures"]))
        for key, title in VIEW_NAMES:
            self._picture_actions[key].setText(tr(title) + "…")

    # -- animation ---------------------------------------------------------------------------
    def _ask_animation(self) -> None:
        dialog = ExportAnimationDialog(self._window, str(Path(self._folder) / "beanlab-run.gif"))
        if dialog.exec():
            self.export_animation(dialog.request(), dialog.next_updates())

    def export_animation(self, request: ExportRequest, next_updates: int = 0) -> None:
        """Export the run so far (``next_updates`` 0) or the next updates from now, with a progress dialog."""
        if self.job is not None and not self.job.done:
            self.failed.emit(tr("An export is already running."))
            return
        try:
            request.check()
        except ValueError as exc:
            self.failed.emit(tr("Not exported: {reason}.").format(reason=exc))
            return
        self._folder = str(Path(request.path).parent)
        self._controller.copy_run(next_updates, lambda trainer, start: self._start_animation(
            request, trainer, start, next_updates))

    def _start_animation(self, request: ExportRequest, trainer: Trainer, start: int, next_updates: int) -> None:
        first = start if next_updates else 0
        try:
            self.job = AnimationExport.of_run(trainer, first, trainer.step_count, request, opengl_available())
        except ValueError as exc:
            self.failed.emit(tr("Not exported: {reason}.").format(reason=exc))
            return
        progress = QProgressDialog(tr("Preparing…"), tr("Cancel"), 0, 100, self._window)
        progress.setWindowTitle(tr("Exporting animation"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.canceled.connect(self.job.cancel)
        self.job.planned.connect(lambda text: progress.setLabelText(f"{text}."))
        self.job.progress.connect(lambda done, total, what: (progress.setMaximum(total), progress.setValue(done)))
        self.job.finished.connect(self._on_job_finished)
        self.job.failed.connect(self._on_job_failed)
        self._progress = progress
        self.job.start()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect()
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _on_job_finished(self, text: str) -> None:
        self._close_progress()
        self.succeeded.emit(text)

    def _on_job_failed(self, text: str) -> None:
        self._close_progress()
        self.failed.emit(text)

    # -- pictures ----------------------------------------------------------------------------
    def _ask_picture(self, view: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(self._window, tr("Save picture"),
                                                    str(Path(self._folder) / f"beanlab-{view}.png"), tr("PNG picture (*.png)"))
        if path:
            self.save_picture(view, path)

    def save_picture(self, view: str, path: str) -> bool:
        """The view as the window shows it now, as a PNG."""
        widget = self._plots if view == "all" else self._plots.view(view)
        if widget is None or not widget.isVisible():
            self.failed.emit(tr("Not saved: the view “{view}” is not shown for this model.").format(
                view=tr(dict(VIEW_NAMES)[view])))
            return False
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            write_bytes_atomically(path, png_bytes(widget))
        except OSError as exc:
            self.failed.emit(tr("Could not save {path}: {reason}. Nothing was written.").format(
                path=path, reason=exc.strerror or exc))
            return False
        self._folder = str(Path(path).parent)
        self.succeeded.emit(tr("Saved the picture to {path}.").format(path=path))
        return True

    # -- run data ----------------------------------------------------------------------------
    def _ask_run_data(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self._window, tr("Export run data"),
                                                    str(Path(self._folder) / "beanlab-run.csv"), tr("CSV table (*.csv)"))
        if path:
            self.export_run_data(path)

    def export_run_data(self, path: str) -> None:
        """The history (one row per update) to ``path`` and the beans to ``…-beans.csv`` beside it."""
        if not path.lower().endswith(".csv"):
            path += ".csv"
        self._controller.copy_run(0, lambda trainer, _start: self._write_run_data(path, trainer))

    def _write_run_data(self, path: str, trainer: Trainer) -> None:
        beans_path = path[: -len(".csv")] + "-beans.csv"
        try:
            write_text_atomically(path, history_csv_text(trainer))
            save_beans_csv(trainer.beans, beans_path)
        except OSError as exc:
            self.failed.emit(tr("Could not write {path}: {reason}.").format(path=path, reason=exc.strerror or exc))
            return
        self._folder = str(Path(path).parent)
        self.succeeded.emit(tr("Wrote {updates:,} updates to {path} and the {beans} beans to {beans_path}.").format(
            updates=trainer.step_count, path=path, beans=len(trainer.beans), beans_path=beans_path))

    def warn(self, text: str) -> None:
        """Show a failure to the user: cancelling is said quietly, anything else in a box."""
        if text == tr("Export cancelled: nothing was written."):
            self._window.statusBar().showMessage(text, 8000)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "BeanLab", text, QMessageBox.StandardButton.Ok, self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()   # window-modal but not blocking: training and drawing go on behind it
        self.last_warning = box
