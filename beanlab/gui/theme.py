"""Light and dark for the Qt widgets around the plots (the plots follow the Look)."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_DARK_ROLES = {
    QPalette.ColorRole.Window: "#202326", QPalette.ColorRole.WindowText: "#e8e8e8",
    QPalette.ColorRole.Base: "#16191c", QPalette.ColorRole.AlternateBase: "#26292d",
    QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#2b2f33",
    QPalette.ColorRole.ButtonText: "#e8e8e8", QPalette.ColorRole.Highlight: "#3d7ab8",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2b2f33",
    QPalette.ColorRole.ToolTipText: "#e8e8e8", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
}
_light: QPalette | None = None


def apply_qt_theme(dark: bool) -> None:
    """Dark or the platform's own light palette for every widget of the application."""
    global _light
    app = QApplication.instance()
    if _light is None:
        _light = QPalette(app.palette())   # the platform's, kept to come back to
    if not dark:
        app.setPalette(_light)
        return
    palette = QPalette(_light)
    for role, colour in _DARK_ROLES.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
