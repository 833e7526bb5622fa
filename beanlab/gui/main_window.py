"""The main window (placeholder until the plots and panels land)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow


class MainWindow(QMainWindow):
    """BeanLab's main window."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("BeanLab")
        self.setCentralWidget(QLabel("BeanLab"))
        self.resize(1200, 800)
