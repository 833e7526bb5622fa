"""A view box that lets something else have the mouse first: the bean editor, a prediction's gesture."""
from __future__ import annotations

import pyqtgraph as pg


class HookedViewBox(pg.ViewBox):
    """Offers mouse clicks and drags to ``hook`` first; what it does not use pans and zooms as usual."""

    hook = None   # an object with click(event) and drag(event), each True if it used the event

    def mouseClickEvent(self, event) -> None:
        if self.hook is None or not self.hook.click(event):
            super().mouseClickEvent(event)

    def mouseDragEvent(self, event, axis=None) -> None:
        if self.hook is None or not self.hook.drag(event):
            super().mouseDragEvent(event, axis)
