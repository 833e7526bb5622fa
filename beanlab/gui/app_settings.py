"""What BeanLab remembers between launches: window layout, the last run's settings, speed, stages.

Kept in an INI file (``BEANLAB_SETTINGS`` names another one, as the tests do). A file that cannot be
read, or holds values that make no sense, is reported once and replaced by the defaults: a borrowed
laptop's odd settings file must never stop the lesson.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from beanlab.core import RunConfig
from beanlab.i18n import N_, normalise, tr

ENV_VARIABLE = "BEANLAB_SETTINGS"


def settings_path() -> str:
    configured = os.environ.get(ENV_VARIABLE)
    if configured:
        return configured
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation) \
        or str(Path.home() / ".config" / "beanlab")
    return str(Path(folder) / "beanlab.ini")


class AppSettings:
    def __init__(self, path: str | None = None) -> None:
        self.path = path or settings_path()
        self._store = QSettings(self.path, QSettings.Format.IniFormat)
        self._why: tuple[str, dict] | None = None   # what was wrong with the file, said once to the user
        unreadable = os.path.isfile(self.path) and os.path.getsize(self.path) > 0 and not self._store.allKeys()
        if self._store.status() != QSettings.Status.NoError or unreadable:
            self._start_again(N_("The settings file {path} could not be read; BeanLab started with its defaults."))

    def _start_again(self, why: str, **details) -> None:
        self._why = (why, details)
        self._store.clear()
        self._store.sync()

    @property
    def problem(self) -> str | None:
        """What was wrong with the settings file, in the current language; None if nothing was."""
        if self._why is None:
            return None
        why, details = self._why
        return tr(why).format(path=self.path, **details)

    # -- reading -------------------------------------------------------------------------------
    def last_config(self) -> RunConfig | None:
        text = self._store.value("run/config")
        if text is None:
            return None
        try:
            config = RunConfig.from_dict(json.loads(str(text)))
            config.build_trainer()   # the values must make a run
        except ValueError:   # broken JSON included
            self._start_again(N_("The settings file {path} held settings that do not make a run; BeanLab started "
                                 "with its defaults."))
            return None
        return config

    def value(self, key: str, default, kind: type):
        """A remembered value of ``kind``, or ``default`` (and a report) when it is not one."""
        raw = self._store.value(key)
        if raw is None:
            return default
        try:
            return kind(raw) if kind is not bytes else raw
        except (ValueError, TypeError):
            self._start_again(N_("The settings file {path} held a bad value for {key}; BeanLab started with its "
                                 "defaults."), key=key)
            return default

    def language(self) -> str | None:
        """The language last chosen from View → Language, or None (follow the system's)."""
        code = self.value("view/language", None, str)
        try:
            return None if code is None else normalise(code)
        except ValueError:
            self._start_again(N_("The settings file {path} held a bad value for {key}; BeanLab started with its "
                                 "defaults."), key="view/language")
            return None

    # -- writing -------------------------------------------------------------------------------
    def remember(self, config: RunConfig, geometry: bytes, state: bytes, speed_notch: int, stages: bool,
                 dark: bool = False, language: str | None = None) -> bool:
        """``language``: the one chosen from View → Language, if any (else the system's is followed).
        False if the file could not be written (a read-only folder, a full disk): that is logged."""
        self._store.setValue("run/config", json.dumps(config.to_dict()))
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)
        self._store.setValue("playback/speed_notch", int(speed_notch))
        self._store.setValue("view/stages", int(bool(stages)))
        self._store.setValue("view/dark", int(bool(dark)))
        if language is not None:
            self._store.setValue("view/language", language)
        self._store.sync()   # Qt writes the file through a temporary one, renamed into place
        if self._store.status() != QSettings.Status.NoError:
            # the window is closing: a dialog now would only delay it; the log says why
            logging.getLogger("beanlab").warning("could not write the settings file %s", self.path)
            return False
        return True
