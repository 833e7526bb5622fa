"""File → Save lesson sheet…: the lesson's hand-out (beanlab.export.lesson_sheet) printed to a PDF,
or drawn as a PNG, A4, written whole or not at all."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QObject, QRectF, Signal
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMenu

from beanlab.core import write_bytes_atomically
from beanlab.export.lesson_sheet import next_update_formulas, sheet_html
from beanlab.gui.language import with_cjk_fallback
from beanlab.i18n import N_, tr

LABEL = N_("Save lesson &sheet (PDF or PNG)…")
FILTER = N_("PDF (*.pdf);;PNG picture (*.png)")
PNG_DPI = 150   # sharp enough to print, ~1240 × 1754 pixels


def _document(html: str, device) -> QTextDocument:
    """The sheet laid out for ``device`` (its resolution), with the bundled font for Chinese."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(with_cjk_fallback(document.defaultFont()))
    document.setHtml(html)
    return document


def pdf_bytes(html: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle("BeanLab lesson sheet")
    _document(html, writer).print_(writer)   # laid out in pages of the writer's size
    buffer.close()
    return bytes(buffer.data())


def png_bytes(html: str) -> bytes:
    """The sheet's first page as an A4 picture at :data:`PNG_DPI`."""
    width, height = round(210 / 25.4 * PNG_DPI), round(297 / 25.4 * PNG_DPI)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(PNG_DPI / 0.0254))
    image.setDotsPerMeterY(round(PNG_DPI / 0.0254))
    image.fill(0xFFFFFF)
    margin = round(15 / 25.4 * PNG_DPI)
    document = _document(html, image)
    document.setTextWidth(width - 2 * margin)
    painter = QPainter(image)
    painter.translate(margin, margin)
    document.drawContents(painter, QRectF(0, 0, width - 2 * margin, height - 2 * margin))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


class LessonSheetActions(QObject):
    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.action = QAction(self)
        self.action.triggered.connect(self._ask_save)
        self.keyed_actions: list[QAction] = []

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.action)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(tr(LABEL))

    def _ask_save(self) -> None:
        lesson = self._window.current_lesson
        name = f"lesson-{lesson.number}-sheet.pdf" if lesson is not None else "lesson-sheet.pdf"
        path, _filter = QFileDialog.getSaveFileName(self._window, tr("Save lesson sheet"), str(Path.home() / name),
                                                    tr(FILTER))
        if path:
            self.save_sheet(path)

    def save_sheet(self, path: str) -> None:
        """Write the current lesson's sheet to ``path`` (.png: a picture; otherwise a PDF), with the
        run's next update in numbers; ``succeeded`` or ``failed`` says how it went."""
        lesson = self._window.current_lesson
        if lesson is None:
            self.failed.emit(tr("A lesson sheet is a lesson's: load one first (Lessons menu). Nothing was written."))
            return
        if not path.lower().endswith((".pdf", ".png")):
            path += ".pdf"
        # the next update is made on the worker's copy of the run: the live run does not move
        self._window.controller.copy_run(0, lambda trainer, start: self._write(path, lesson, trainer, start))

    def _write(self, path: str, lesson, trainer, start: int) -> None:
        html = sheet_html(lesson, next_update_formulas(trainer), start + 1)
        try:
            data = png_bytes(html) if path.lower().endswith(".png") else pdf_bytes(html)
            write_bytes_atomically(path, data)
        except OSError as exc:
            self.failed.emit(tr("Could not save {path}: {reason}. Nothing was written.").format(
                path=path, reason=exc.strerror or exc))
            return
        self.succeeded.emit(tr("Saved the lesson sheet to {path}.").format(path=path))
