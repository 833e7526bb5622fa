"""Shared test set-up: Qt on the virtual X display pytest-xvfb starts, or offscreen without one."""
import os

import pytest


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # pytest-xvfb has set DISPLAY by now when Xvfb is installed; OpenGL widgets need it (xcb).
    # Without any display, plain 2-D widgets still run on Qt's offscreen platform.
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
