"""File → Export animation…: what to export, chosen in one small form."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from beanlab.export.request import ExportRequest
from beanlab.gui import style
from beanlab.i18n import N_, tr

VIEW_NAMES = (("all", N_("The whole plot area")), ("scatter", N_("Beans and the fitted line")),
              ("loss", N_("Loss per update")), ("cost", N_("Cost curves")), ("contour", N_("Cost map from above")),
              ("surface", N_("3-D cost bowl")), ("network", N_("Network diagram")),
              ("beans3d", N_("Beans in 3-D")))


class ExportAnimationDialog(QDialog):
    """View, span, frames, speed, size, size budget and file; ``request()`` and ``next_updates()`` read it."""

    def __init__(self, parent: QWidget | None, default_path: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export animation"))
        self.view = QComboBox()
        for key, title in VIEW_NAMES:
            self.view.addItem(tr(title), key)
        self.so_far = QRadioButton(tr("The run so far"))
        self.so_far.setChecked(True)
        self.ahead = QRadioButton(tr("The next"))
        self.ahead_updates = QSpinBox(minimum=1, maximum=10_000_000, value=1_000, suffix=tr(" updates from now"))
        span = QHBoxLayout()
        for widget in (self.so_far, self.ahead, self.ahead_updates):
            span.addWidget(widget)
        self.frames = QSpinBox(minimum=1, maximum=100_000, value=300)
        self.fps = QSpinBox(minimum=1, maximum=50, value=20, suffix=tr(" frames/s"))
        self.width_px = QSpinBox(minimum=160, maximum=4000, value=640, suffix=" px")
        self.height_px = QSpinBox(minimum=120, maximum=4000, value=480, suffix=" px")
        size = QHBoxLayout()
        size.addWidget(self.width_px)
        size.addWidget(self.height_px)
        self.max_mb = QDoubleSpinBox(minimum=0.05, maximum=1000, value=5.0, decimals=2, suffix=" MB")
        self.path = QLineEdit(default_path)
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        form = QFormLayout()
        form.addRow(tr("View"), self.view)
        form.addRow(tr("Span"), span)
        form.addRow(tr("Frames (at most)"), self.frames)
        form.addRow(tr("Speed"), self.fps)
        form.addRow(tr("Size"), size)
        form.addRow(tr("Size budget"), self.max_mb)
        form.addRow(tr("File (.gif or .mp4, or .png for the last frame)"), where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        style.fit_to_screen(self, *self.sizeHint().toTuple())

    def request(self) -> ExportRequest:
        return ExportRequest(path=self.path.text().strip(), view=self.view.currentData(),
                                frames=self.frames.value(), fps=float(self.fps.value()),
                                size=(self.width_px.value(), self.height_px.value()), max_mb=self.max_mb.value())

    def next_updates(self) -> int:
        """0 for the run so far; otherwise how many updates ahead to export."""
        return self.ahead_updates.value() if self.ahead.isChecked() else 0

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, tr("Export animation to"), str(Path(self.path.text()).parent),
                                                    tr("GIF animation (*.gif);;MP4 video for slides (*.mp4);;PNG picture (*.png)"))
        if path:
            self.path.setText(path)
