"""A widget as it is on screen, as PNG bytes (for File → Save picture and ``beanlab screenshot``)."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QWidget


def png_bytes(widget: QWidget) -> bytes:
    """The widget as it is on screen (OpenGL views included), encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data)
