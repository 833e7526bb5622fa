"""How the main window looks: the projector view, the dark theme, zoom and full screen (View menu)."""
from __future__ import annotations

from beanlab.gui import style
from beanlab.gui.theme import apply_qt_theme

PROJECTOR_SCALE = 1.6   # readouts 16 pt → 25.6 pt: readable from the back row on a 1280×720 projector
ZOOM_STEP = 1.15
SMALLEST_ZOOM, LARGEST_ZOOM = 0.5, 3.0


class WindowLook:
    """The window's look, changed by the View menu's actions; every panel and plot follows it."""

    def __init__(self, window) -> None:
        self._window = window
        self.projector, self.dark, self.zoom = False, False, 1.0

    @property
    def look(self) -> style.Look:
        scale = self.zoom * (PROJECTOR_SCALE if self.projector else 1.0)
        if self.dark:
            palette = style.DARK_PALETTE
        else:
            palette = style.PROJECTOR_PALETTE if self.projector else style.CLASSROOM
        return style.Look(scale, palette, self.dark)

    def set_projector_view(self, on: bool) -> None:
        """Large text, thick lines, colour-blind-safe colours; only playback, readouts and explanation."""
        window = self._window
        self.projector = on
        for panel in (window.data_panel, window.model_panel, window.optimizer_panel):
            panel.setVisible(not on)
        window.slice_panel.setVisible(not on and window.slice_panel.wanted)
        self.apply()
        # the larger text needs more room below the plots
        height = window.plots_and_explanation.height()
        share = 0.42 if on else 0.21
        window.plots_and_explanation.setSizes([round(height * (1 - share)), round(height * share)])

    def set_dark(self, on: bool) -> None:
        self.dark = on
        apply_qt_theme(on)
        self.apply()

    def set_full_screen(self, on: bool) -> None:
        if on:
            self._window.showFullScreen()
        else:
            self._window.showNormal()

    def zoom_in(self) -> None:
        self.zoom = min(self.zoom * ZOOM_STEP, LARGEST_ZOOM)
        self.apply()

    def zoom_out(self) -> None:
        self.zoom = max(self.zoom / ZOOM_STEP, SMALLEST_ZOOM)
        self.apply()

    def apply(self) -> None:
        window, look = self._window, self.look
        # the readouts grow with the text: the left column may widen, within reason
        window.controls_scroll.setMinimumWidth(round(360 * min(look.scale, 1.25)))
        window.controls_scroll.setMaximumWidth(round(440 * look.scale))
        for part in (window.plots, window.readouts, window.explanation):
            part.apply_look(look)
