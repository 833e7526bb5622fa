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

from beanlab.gui.export.animation_export import AnimationRequest

VIEW_NAMES = (("all", "The whole plot area"), ("scatter", "Beans and the fitted line"), ("loss", "Loss per update"),
              ("cost", "Cost curves"), ("contour", "Cost map from above"), ("surface", "3-D cost bowl"))


class ExportAnimationDialog(QDialog):
    """View, span, frames, speed, size, size budget and file; ``request()`` and ``next_updates()`` read it."""

    def __init__(self, parent: QWidget | None, default_path: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export animation")
        self.view = QComboBox()
        for key, title in VIEW_NAMES:
            self.view.addItem(title, key)
        self.so_far = QRadioButton("The run so far")
        self.so_far.setChecked(True)
        self.ahead = QRadioButton("The next")
        self.ahead_updates = QSpinBox(minimum=1, maximum=10_000_000, value=1_000, suffix=" updates from now")
        span = QHBoxLayout()
        for widget in (self.so_far, self.ahead, self.ahead_updates):
            span.addWidget(widget)
        self.frames = QSpinBox(minimum=1, maximum=100_000, value=300)
        self.fps = QSpinBox(minimum=1, maximum=50, value=20, suffix=" frames/s")
        self.width_px = QSpinBox(minimum=160, maximum=4000, value=640, suffix=" px")
        self.height_px = QSpinBox(minimum=120, maximum=4000, value=480, suffix=" px")
        size = QHBoxLayout()
        size.addWidget(self.width_px)
        size.addWidget(self.height_px)
        self.max_mb = QDoubleSpinBox(minimum=0.05, maximum=1000, value=5.0, decimals=2, suffix=" MB")
        self.path = QLineEdit(default_path)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)

        form = QFormLayout()
        form.addRow("View", self.view)
        form.addRow("Span", span)
        form.addRow("Frames (at most)", self.frames)
        form.addRow("Speed", self.fps)
        form.addRow("Size", size)
        form.addRow("Size budget", self.max_mb)
        form.addRow("File (.gif, or .png for the last frame)", where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def request(self) -> AnimationRequest:
        return AnimationRequest(path=self.path.text().strip(), view=self.view.currentData(),
                                frames=self.frames.value(), fps=float(self.fps.value()),
                                size=(self.width_px.value(), self.height_px.value()), max_mb=self.max_mb.value())

    def next_updates(self) -> int:
        """0 for the run so far; otherwise how many updates ahead to export."""
        return self.ahead_updates.value() if self.ahead.isChecked() else 0

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export animation to", str(Path(self.path.text()).parent),
                                              "GIF animation (*.gif);;PNG picture (*.png)")
        if path:
            self.path.setText(path)
