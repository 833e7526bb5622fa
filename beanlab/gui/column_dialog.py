"""Choosing which columns of a wider CSV file are the bean's size(s) and its toxicity.

Shown by File → Open data when the file has more than two columns, with its first rows, so a
teacher can pick ``length`` and ``toxic`` out of a spreadsheet that also has ``id`` and ``notes``.
"""
from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from beanlab.core import CsvPreview
from beanlab.gui import style
from beanlab.i18n import tr

NO_COLUMN = -1


class ColumnDialog(QDialog):
    """Three choices: the size column, an optional second feature (colour depth), the toxicity."""

    def __init__(self, preview: CsvPreview, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Choose columns"))
        self.preview = preview
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("{name} has {count} columns. Which are the beans?").format(
            name=os.path.basename(path), count=preview.width)))
        layout.addWidget(self._table(preview))

        guess = preview.suggested
        self.size = self._combo(guess[0])
        self.second = self._combo(guess[1] if len(guess) == 3 else NO_COLUMN, optional=True)
        self.toxicity = self._combo(guess[-1])
        form = QFormLayout()
        form.addRow(tr("Size (x)"), self.size)
        form.addRow(tr("Colour depth (second feature, optional)"), self.second)
        form.addRow(tr("Toxicity (y)"), self.toxicity)
        layout.addLayout(form)

        self.problem = QLabel()
        self.problem.setObjectName("columnProblem")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for combo in (self.size, self.second, self.toxicity):
            combo.currentIndexChanged.connect(self._check)
        self._check()
        style.fit_to_screen(self, *self.sizeHint().toTuple())   # a 1024×768 projector holds it too

    @property
    def columns(self) -> tuple[int, ...]:
        """The chosen columns for :func:`beanlab.core.load_beans_csv`: size(s), then toxicity."""
        second = self.second.currentData()
        sizes = (self.size.currentData(),) if second == NO_COLUMN else (self.size.currentData(), second)
        return (*sizes, self.toxicity.currentData())

    def _table(self, preview: CsvPreview) -> QTableWidget:
        table = QTableWidget(len(preview.rows), preview.width)
        table.setHorizontalHeaderLabels(list(preview.names))
        for r, row in enumerate(preview.rows):
            for c, cell in enumerate(row[: preview.width]):
                table.setItem(r, c, QTableWidgetItem(cell))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setMaximumHeight(table.verticalHeader().length() + table.horizontalHeader().height() + 6)
        return table

    def _combo(self, chosen: int, optional: bool = False) -> QComboBox:
        combo = QComboBox()
        if optional:
            combo.addItem(tr("— none —"), NO_COLUMN)
        for index, name in enumerate(self.preview.names):
            combo.addItem(name if self.preview.has_header else tr("column {number}").format(number=name), index)
        combo.setCurrentIndex(combo.findData(chosen))
        return combo

    def _check(self) -> None:
        chosen = self.columns
        clash = len(set(chosen)) != len(chosen)
        self.problem.setText(tr("Each column can be used only once.") if clash else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not clash)

