"""The window photographing itself: ``beanlab screenshot`` (the README's picture is made this way).

It opens the real main window, plays the default run at full speed to exactly the asked update,
waits for that frame to be drawn, and saves the window as a PNG. Everything waits on the window's
own frames; nothing sleeps.
"""
from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage

from beanlab.core import Frame, RunConfig, RunState, write_bytes_atomically
from beanlab.gui.export.picture import png_bytes
from beanlab.gui.main_window import MainWindow
from beanlab.gui.signal_wakeup import SignalWakeup
from beanlab.interrupts import exception_for

TIMEOUT_S = 120


def photograph_run(updates: int, size: tuple[int, int], language: str | None = None, lesson: int | None = None) -> bytes:
    """Open the window at ``size`` (in ``language``, by default the remembered one) on the default run
    or ``lesson``, play exactly ``updates`` updates, and return the PNG.

    Raises TimeoutError if the window never gets there.
    """
    # the default run, whatever was remembered; and what is remembered stays the user's
    window = MainWindow(config=RunConfig() if lesson is None else None, lesson=lesson, language=language,
                        remembers=False)
    window.resize(*size)
    controller = window.controller
    loop, picture = QEventLoop(), []

    def on_frame(frame: Frame) -> None:
        step = frame.snapshot.step
        if frame.state == RunState.PAUSED and step == updates:
            controller.frame_ready.disconnect(on_frame)
            # a 1 ms timer runs once the paint this frame caused is done
            QTimer.singleShot(1, lambda: (picture.append(png_bytes(window)), loop.quit()))
        elif frame.state == RunState.PAUSED and step == 0:
            per_epoch = controller.config.build_trainer(controller.beans).updates_per_epoch
            needed_epochs = math.ceil(updates / per_epoch) + 1   # the run must not end first
            controller.set_config(epochs=max(controller.config.epochs, needed_epochs))
            window.playback_panel.set_speed(0)   # as fast as it goes, and the panel says so
            controller.play_until(updates)
            logging.getLogger("beanlab").info("screenshot: playing to update %d", updates)

    controller.frame_ready.connect(on_frame)
    window.show()
    if controller.latest is not None:
        on_frame(controller.latest)
    QTimer.singleShot(TIMEOUT_S * 1000, loop.quit)
    wakeup = SignalWakeup()   # Ctrl+C or SIGTERM: stop waiting, close the window, no picture
    wakeup.received.connect(loop.quit)
    try:
        loop.exec()
    finally:
        wakeup.close()
    window.close()
    if wakeup.first is not None:
        raise exception_for(wakeup.first)
    if not picture:
        raise TimeoutError(f"the window did not reach {updates:,} updates within {TIMEOUT_S} s")
    return picture[0]


def save_screenshot(path: str, updates: int, size: tuple[int, int], language: str | None = None,
                    lesson: int | None = None) -> tuple[int, int]:
    """``beanlab screenshot``: write the PNG atomically (no partial file on failure).

    Returns the picture's size: the window will not shrink below its minimum to match ``size``.
    """
    png = photograph_run(updates, size, language, lesson)
    write_bytes_atomically(path, png)
    picture = QImage.fromData(png)
    return picture.width(), picture.height()
