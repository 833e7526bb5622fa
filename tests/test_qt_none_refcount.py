"""Regression guard: PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None on every
void Qt call, and a live animation dies with "Fatal Python error: none_dealloc"."""
import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_none_alive(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        widget.update()
        widget.setWindowTitle("BeanLab")
    after = sys.getrefcount(None)
    # Other code may take or drop a handful of references meanwhile; the bug drops 20,000.
    assert after > before - 100, f"None lost {before - after} references over 20,000 void Qt calls"
