"""Switching language while BeanLab runs, and a font that can show it.

The words come from :mod:`beanlab.i18n`; this module makes the window follow a change. It is
Qt's own mechanism: a change sends every widget a ``LanguageChange`` event, and each widget that
shows words re-sets them in ``retranslate`` (the :class:`Retranslating` mix-in calls it). Qt's own
dialogs (file choosers, the OK and Cancel buttons) get Qt's translation of the same language.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from beanlab import i18n
from beanlab.resources import CJK_FONT, resource_path

# A subset of Noto Sans CJK SC holding every character the translations use, shipped so that a
# laptop without Chinese fonts still shows Chinese, not boxes (resources/fonts/make_cjk_subset.py).
FONT = resource_path(CJK_FONT)
CJK_FAMILY = "BeanLab CJK"

_qt_translator: QTranslator | None = None
_platform_font: QFont | None = None   # the application's font before any language changed it


class Retranslating:
    """Mix-in for a widget that shows words: ``retranslate()`` runs again when the language changes.

    List it before the Qt class (``class Panel(Retranslating, QGroupBox)``) and call
    ``self.retranslate()`` once at the end of ``__init__``.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def apply_language(code: str) -> None:
    """Speak ``code`` from now on, and have every open window say so; ValueError for an unknown one."""
    global _qt_translator
    wanted = i18n.normalise(code)
    if wanted == i18n.language() and (wanted == i18n.ENGLISH or _qt_translator is not None):
        return   # already spoken: nothing to redo (a second window opening, say)
    i18n.set_language(code)
    app = QCoreApplication.instance()
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    language = i18n.language()
    QLocale.setDefault(QLocale(language))
    if language != i18n.ENGLISH:
        translator = QTranslator(app)
        # qtbase itself: the meta-catalogue qt_<language> fails to load where some Qt modules are absent
        if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)
            _qt_translator = translator
    use_language_font(app)
    # Installing a translator already posts the event; English after English installs none.
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))


def install_cjk_font(app) -> None:
    """Register the bundled Chinese font, and use it if the language is Chinese (once per application)."""
    if not QFontDatabase.hasFamily(CJK_FAMILY):
        QFontDatabase.addApplicationFont(str(FONT))
    use_language_font(app)


def with_cjk_fallback(font: QFont) -> QFont:
    """``font``, falling back to the bundled Chinese font for any character it lacks."""
    font = QFont(font)
    families = [family for family in font.families() if family != CJK_FAMILY]
    font.setFamilies([*(families or [font.family()]), CJK_FAMILY])
    return font


def use_language_font(app) -> None:
    """Chinese: Chinese characters come from the bundled font whenever the usual font lacks them.
    English: the platform's own font, exactly as it was (a font set anew lays text out anew)."""
    global _platform_font
    if _platform_font is None:
        _platform_font = QFont(app.font())
    if i18n.language() == i18n.ENGLISH:
        if app.font() != _platform_font:
            app.setFont(_platform_font)
    elif CJK_FAMILY not in app.font().families():
        app.setFont(with_cjk_fallback(_platform_font))
