"""Portable mode: with a BeanLab-data folder beside the built app (or BEANLAB_PORTABLE), the settings and
the log live there, so a lab PC that wipes its system disk keeps them."""
import os
import sys

import pytest

from beanlab import portable
from beanlab.gui.app_settings import settings_path
from beanlab.gui.crash_guard import log_path


@pytest.fixture
def no_paths_given(monkeypatch):
    for variable in ("BEANLAB_SETTINGS", "BEANLAB_LOG", portable.ENV_VARIABLE):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def built_app(tmp_path, monkeypatch, no_paths_given):
    """As if running as the one-folder app in tmp_path/课堂/BeanLab (PyInstaller sets sys.frozen)."""
    folder = tmp_path / "课堂" / "BeanLab"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "BeanLab"))
    return folder


def test_a_data_folder_beside_the_app_holds_settings_and_log(built_app):
    (built_app / portable.DATA_FOLDER).mkdir()
    assert settings_path() == str(built_app / "BeanLab-data" / "beanlab.ini")
    assert log_path() == built_app / "BeanLab-data" / "logs" / "beanlab.log"


def test_without_the_folder_the_app_uses_the_usual_places(built_app):
    assert portable.portable_folder() is None
    assert not settings_path().startswith(str(built_app))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_folder_that_cannot_be_written_to_does_not_count(built_app):
    data = built_app / portable.DATA_FOLDER
    data.mkdir()
    data.chmod(0o500)
    try:
        assert portable.portable_folder() is None
    finally:
        data.chmod(0o700)


def test_a_python_install_is_not_portable_unless_asked(no_paths_given, tmp_path, monkeypatch):
    assert portable.portable_folder() is None
    monkeypatch.setenv(portable.ENV_VARIABLE, str(tmp_path))
    assert settings_path() == str(tmp_path / "beanlab.ini")


def test_the_window_remembers_into_the_portable_folder(built_app, qtbot):
    from beanlab.gui.main_window import MainWindow

    data = built_app / portable.DATA_FOLDER
    data.mkdir()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.controller.latest is not None)
    window.close()
    assert (data / "beanlab.ini").stat().st_size > 0
