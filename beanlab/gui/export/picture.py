"""Pictures out of Qt: a widget as PNG bytes (File → Save picture, ``beanlab screenshot``), and a
Qt image as a Pillow picture (the exports' frames)."""
from __future__ import annotations

import sys

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

# QImage's Format_RGB32 pixel is the 32-bit number 0xffRRGGBB: its bytes in memory follow the machine
RGB32_LAYOUT = "BGRX" if sys.byteorder == "little" else "XRGB"


def png_bytes(widget: QWidget) -> bytes:
    """The widget as it is on screen (OpenGL views included), encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def to_pillow(image: QImage) -> Image.Image:
    """A Qt image as an RGB Pillow picture of its own (the one conversion every export uses)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)   # the same image when it already is
    return Image.frombuffer("RGB", (image.width(), image.height()), image.constBits(), "raw", RGB32_LAYOUT,
                            image.bytesPerLine(), 1)   # decoded from BGRX into pixels of its own
