"""What BeanLab remembers between launches: window layout, the last run's settings, speed, stages.

Kept in an INI file (``BEANLAB_SETTINGS`` names another one, as the tests do; in portable mode,
beside the app: see :mod:`beanlab.portable`). A file that cannot be
read is reported once and replaced by the defaults; a value of the wrong kind or out of range (a
start that is not numbers, 10**10 beans, a geometry that is not Qt's bytes) is dropped with one
logged line, and the rest kept: a borrowed laptop's odd settings file must never stop the lesson.
Only the main window's own closing writes the file (:meth:`AppSettings.remember`).
"""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from beanlab.core import RunConfig
from beanlab.i18n import N_, normalise, tr
from beanlab.portable import portable_folder

ENV_VARIABLE = "BEANLAB_SETTINGS"
_log = logging.getLogger("beanlab")


def settings_path() -> str:
    configured = os.environ.get(ENV_VARIABLE)
    if configured:
        return configured
    portable = portable_folder()
    if portable is not None:
        return str(portable / "beanlab.ini")
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
    def _drop(self, key: str, raw, reason: str, forget: bool = True) -> None:
        """Forget one bad remembered value, saying so in one line of the log (and the first such once
        to the user); the others stay."""
        _log.warning("settings file %s: dropped %s = %.80r (%s)", self.path, key, raw, reason)
        if forget:
            self._store.remove(key)
        if self._why is None:
            self._why = (N_("The settings file {path} held a bad value for {key}; BeanLab dropped it and kept the "
                            "rest."), {"key": key})

    def last_config(self) -> RunConfig | None:
        """The last run's settings; a setting that is bad on its own is dropped (its default taken),
        and all of them if together they do not make a run."""
        text = self._store.value("run/config")
        if text is None:
            return None
        try:
            values = json.loads(str(text))
        except (ValueError, RecursionError):
            values = None
        if not isinstance(values, dict):
            self._drop("run/config", text, "not a JSON object of settings")
            return None
        for name in list(values):
            try:
                RunConfig.from_dict({name: values[name]})
            except (ValueError, TypeError) as exc:
                self._drop(f"run/config {name}", values.pop(name), str(exc), forget=False)
        try:
            config = RunConfig.from_dict(values)
            config.validate()   # the values must make a run (cheap: builds no beans)
        except (ValueError, TypeError) as exc:
            self._drop("run/config", text, f"the settings do not make a run: {exc}")
            return None
        return config

    def value(self, key: str, default, kind: type, valid: Callable[[object], bool] | None = None):
        """A remembered value of ``kind`` (and ``valid``, if given), or ``default`` when there is none;
        a value that is not one is dropped (one logged line) and ``default`` returned."""
        raw = self._store.value(key)
        if raw is None:
            return default
        try:
            if kind is bytes:
                if not isinstance(raw, (bytes, bytearray, QByteArray)):
                    raise TypeError("not bytes")
                value = bytes(raw)
            else:
                value = kind(raw)
            if valid is not None and not valid(value):
                raise ValueError("out of range")
        except (ValueError, TypeError, OverflowError) as exc:
            self._drop(key, raw, str(exc))
            return default
        return value

    def language(self) -> str | None:
        """The language last chosen from View → Language, or None (follow the system's)."""
        code = self.value("view/language", None, str)
        try:
            return None if code is None else normalise(code)
        except ValueError:
            self._drop("view/language", code, "not a language BeanLab speaks")
            return None

    def challenge_met(self, key: str) -> bool:
        """Whether the challenge ``key`` (see :meth:`remember_challenge`) has been met on this computer."""
        return bool(self.value(f"challenges/{key}", 0, int, lambda v: v in (0, 1)))

    # -- writing -------------------------------------------------------------------------------
    def remember_challenge(self, key: str) -> bool:
        """Keep a challenge's star at once (not only when the window closes: a student's star must
        outlive a crash or a pulled plug); False if the file could not be written."""
        self._store.setValue(f"challenges/{key}", 1)
        self._store.sync()
        return self._store.status() == QSettings.Status.NoError

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
