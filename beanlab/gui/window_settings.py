"""What the main window keeps between launches: its size and place, speed, views and language."""
from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication


def restore_window(window, size: tuple[int, int]) -> None:
    """Put back what the last launch remembered, or else open at ``size`` (or the screen's free area
    if smaller: a 1280×720 projector); a settings file that could not be read is said once."""
    settings = window.settings
    screen = window.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry() if screen is not None else None
    width, height = size if free is None else (min(size[0], free.width()), min(size[1], free.height()))
    window.resize(width, height)
    geometry = settings.value("window/geometry", None, bytes)
    if geometry is not None:
        window.restoreGeometry(geometry)
        window.restoreState(settings.value("window/state", b"", bytes))
    notch = settings.value("playback/speed_notch", None, int,
                           lambda value: 0 <= value <= window.playback_panel.speed.maximum())
    if notch is not None:
        window.playback_panel.speed.setValue(notch)
    window.view_actions["stages"].setChecked(bool(settings.value("view/stages", 0, int, _a_switch)))
    window.view_actions["dark"].setChecked(bool(settings.value("view/dark", 0, int, _a_switch)))
    if settings.problem:
        print(f"beanlab: {settings.problem}", file=sys.stderr)
        QTimer.singleShot(0, lambda: window.statusBar().showMessage(settings.problem, 15_000))


def _a_switch(value: int) -> bool:
    return value in (0, 1)


def remember_window(window, language: str | None) -> None:
    """Keep the run's settings and the window's for the next launch (on closing)."""
    window.settings.remember(window.controller.config, window.saveGeometry().data(), window.saveState().data(),
                             window.playback_panel.speed.value(), window.view_actions["stages"].isChecked(),
                             window.view_actions["dark"].isChecked(), language)
