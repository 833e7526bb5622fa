"""How the main window looks: the projector view, the dark theme, zoom and full screen (View menu)."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMenu

from beanlab.gui import style
from beanlab.gui.theme import apply_qt_theme

PROJECTOR_SCALE = 1.6   # readouts 16 pt → 25.6 pt: readable from the back row on a 1280×720 projector
PROJECTOR_TEXT_PX = 18  # menus, status bar, buttons: the smallest text of the projector view
PROJECTOR_COLUMN = (0.14, 0.20)   # the readouts' column, as shares of the window's width (the plots get the rest)
EXPLANATION_SHARE = {False: 0.21, True: 0.36}   # of the height below the toolbar: the rest is the plots'
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
        """Large text, thick lines, colour-blind-safe colours; the readouts in a narrow column, the
        explanation and caption below the plots, the teacher's controls in one strip above them."""
        window = self._window
        self.projector = on
        for panel in (window.data_panel, window.model_panel, window.optimizer_panel, window.playback_panel):
            panel.setVisible(not on)
        window.slice_panel.setVisible(not on and window.slice_panel.wanted)
        window.projector_strip.setVisible(on)
        window.window_menus.toolbar.setVisible(not on)   # the strip has its buttons
        window.readouts.set_stacked(on)
        self._apply_window_font()
        self.apply()
        self.restore_layout()

    def restore_layout(self) -> None:
        """The plots' and the explanation's shares of the height, as the view wants them (the larger text
        of the projector view needs more room below the plots); a lesson change comes back to them."""
        window = self._window
        height = window.plots_and_explanation.height()
        share = EXPLANATION_SHARE[self.projector]
        window.plots_and_explanation.setSizes([round(height * (1 - share)), round(height * share)])
        self.fit_columns()

    def fit_columns(self) -> None:
        """The side column's width bounds for the window's current width."""
        window, look = self._window, self.look
        scroll = window.controls_scroll
        if self.projector:
            least, most = (round(window.width() * share) for share in PROJECTOR_COLUMN)
        else:   # the readouts grow with the text: the left column may widen, within reason
            least, most = round(360 * min(look.scale, 1.25)), round(440 * look.scale)
        scroll.setMinimumWidth(least)
        scroll.setMaximumWidth(most)
        columns = window.columns
        if columns.sizes()[0] > most or columns.sizes()[0] < least:   # the splitter keeps its handle otherwise
            columns.setSizes([most, max(columns.width() - most, 1)])

    def _apply_window_font(self) -> None:
        """Menus, status bar, buttons and check boxes at the projector's smallest size, or back to normal."""
        window = self._window
        font = QFont(QApplication.font())
        if self.projector:
            font.setPixelSize(max(PROJECTOR_TEXT_PX, round(PROJECTOR_TEXT_PX * self.zoom)))
        for widget in (window, *window.findChildren(QMenu)):   # menus are windows: they do not inherit it
            widget.setFont(font)

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
        self._apply_window_font()
        self.apply()

    def zoom_out(self) -> None:
        self.zoom = max(self.zoom / ZOOM_STEP, SMALLEST_ZOOM)
        self._apply_window_font()
        self.apply()

    def apply(self) -> None:
        window, look = self._window, self.look
        self.fit_columns()
        for part in (window.plots, window.readouts, window.explanation, window.notice):
            part.apply_look(look)
