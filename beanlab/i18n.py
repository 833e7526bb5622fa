"""The language BeanLab speaks: English or 简体中文, switchable while it runs.

Plain gettext and no Qt, so the core's sentences (explanations, lesson captions, error messages)
are translated the same way as the window's. Mark a string ``tr("…")`` where it is shown; where a
table defines it ahead of time (names of datasets, optimizers …) mark it ``N_("…")`` and call
``tr`` on it when it is shown, so it follows a change of language. A sentence with numbers is one
string with ``{named}`` fields, formatted after translating: word order differs between languages.

The translations are ``locale/<language>/LC_MESSAGES/beanlab.po``; the build (setup.py) compiles
them to the ``.mo`` files read here. Without a ``.mo`` the text stays English, with one warning.
"""
from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "beanlab"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENGLISH = "en"
# language code → its name in itself (what View → Language lists)
LANGUAGES = {ENGLISH: "English", "zh_CN": "简体中文"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = ENGLISH
# translations that come with a lesson file (beanlab.core.lesson_files): language → English → text
_extra: dict[str, dict[str, str]] = {}


def tr(message: str) -> str:
    """``message`` in the current language (itself, in English or when untranslated)."""
    extra = _extra.get(_language)
    if extra and message in extra:
        return extra[message]
    return _translation.gettext(message)


def add_translations(code: str, pairs: Mapping[str, str]) -> None:
    """Translate each English key of ``pairs`` to its value in language ``code`` from now on (a lesson
    file's own words; they take precedence over the .po's)."""
    _extra.setdefault(normalise(code), {}).update(pairs)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now: ``tr`` it when it is shown."""
    return message


def language() -> str:
    return _language


def normalise(code: str) -> str:
    """``zh``, ``zh_CN``, ``zh-CN``, ``zh_CN.UTF-8`` → ``zh_CN``; ``en_GB`` → ``en``; ValueError otherwise."""
    base = code.split(".")[0].split("@")[0].replace("-", "_")
    for known in LANGUAGES:
        if base.lower() == known.lower() or base.split("_")[0].lower() == known.split("_")[0].lower():
            return known
    raise ValueError(f"BeanLab speaks {', '.join(LANGUAGES)}, not {code!r}")


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """The language the system asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them),
    or English when it asks for one BeanLab does not speak."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value and value not in ("C", "POSIX"):
            for code in value.split(":"):   # LANGUAGE may list several, the first wanted first
                try:
                    return normalise(code)
                except ValueError:
                    continue
            return ENGLISH
    return ENGLISH


def set_language(code: str) -> None:
    """Speak ``code`` (a key of LANGUAGES) from now on; ValueError for one BeanLab does not speak."""
    global _translation, _language
    code = normalise(code)
    if code == ENGLISH:
        translation: gettext.NullTranslations = gettext.NullTranslations()
    else:
        try:
            translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code])
        except OSError:
            print(f"beanlab: the {LANGUAGES[code]} translation is not compiled (pip install . builds it); "
                  "showing English", file=sys.stderr)
            translation = gettext.NullTranslations()
    _translation, _language = translation, code
