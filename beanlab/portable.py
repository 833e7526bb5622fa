"""Portable mode: the app keeps its settings and its log in a folder beside itself.

School lab PCs often wipe the system disk at every restart (a restore card) and give no admin rights.
A teacher who unpacks the one-folder app onto a USB stick or the D: drive and makes a folder named
``BeanLab-data`` beside the program (``BeanLab.exe``) gets everything the app remembers written there,
and it survives the restart. Without that folder, the app uses the system's usual places.
``BEANLAB_PORTABLE=FOLDER`` asks for the same with any folder (a plain Python install, the tests).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_FOLDER = "BeanLab-data"
ENV_VARIABLE = "BEANLAB_PORTABLE"


def app_folder() -> Path | None:
    """The folder of the built app's program, or None when BeanLab runs as a Python package."""
    if getattr(sys, "frozen", False):   # set by PyInstaller
        return Path(sys.executable).resolve().parent
    return None


def portable_folder() -> Path | None:
    """Where the app keeps its data in portable mode, or None for the system's usual places.

    A ``BeanLab-data`` folder that cannot be written to (a read-only share) does not count: the app
    would lose what it remembers without a word."""
    configured = os.environ.get(ENV_VARIABLE)
    if configured:
        return Path(configured)
    folder = app_folder()
    candidate = folder / DATA_FOLDER if folder is not None else None
    if candidate is not None and candidate.is_dir() and os.access(candidate, os.W_OK):
        return candidate
    return None
