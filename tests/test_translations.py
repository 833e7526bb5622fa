"""The translations: complete, compiled, shown with a font that has every character."""
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from PySide6.QtGui import QRawFont, QTextLayout

from beanlab import i18n
from beanlab.gui.language import CJK_FAMILY, FONT

ROOT = Path(__file__).resolve().parent.parent
ZH_PO = ROOT / "beanlab" / "locale" / "zh_CN" / "LC_MESSAGES" / "beanlab.po"
FIELD = re.compile(r"\{[^}]*\}")


def marked_strings() -> set[str]:
    """Every string the code marks with tr() or N_()."""
    found = extract_from_dir(str(ROOT / "beanlab"), keywords={"tr": None, "N_": None})
    return {message for _file, _line, message, _comments, _context in found}


def chinese_catalogue() -> dict[str, str]:
    with ZH_PO.open("rb") as stream:
        catalogue = read_po(stream)
    assert not [m.id for m in catalogue if m.id and m.fuzzy], "fuzzy (unchecked) translations"
    return {m.id: m.string for m in catalogue if m.id}


def test_every_marked_string_has_a_chinese_translation_with_the_same_fields():
    catalogue = chinese_catalogue()
    marked = marked_strings()
    assert len(marked) > 200   # the extraction found the code's strings
    assert sorted(marked - catalogue.keys()) == [], "marked in the code but not in zh_CN/beanlab.po"
    assert sorted(catalogue.keys() - marked) == [], "translated but no longer in the code"
    untranslated = [english for english, chinese in catalogue.items() if not chinese.strip()]
    assert untranslated == []
    for english, chinese in catalogue.items():
        assert set(FIELD.findall(chinese)) == set(FIELD.findall(english)), english


def test_no_sentence_is_built_from_an_f_string_inside_tr():
    # tr(f"…") would look up the filled-in text, which no catalogue holds
    sources = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "beanlab").rglob("*.py"))
    assert not re.search(r"\b(tr|N_)\(\s*f[\"']", sources)


def test_the_compiled_catalogue_is_the_current_po_file():
    """gettext reads the .mo the build made; after editing the .po, reinstall (pip install -e .)."""
    compiled = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["zh_CN"])
    stale = [english for english, chinese in chinese_catalogue().items() if compiled.gettext(english) != chinese]
    assert stale == [], "the .mo is older than the .po: run pip install -e ."


def test_switching_language_changes_what_tr_returns():
    try:
        i18n.set_language("zh_CN")
        assert i18n.tr("Learning rate") == "学习率" and i18n.language() == "zh_CN"
        i18n.set_language("en")
        assert i18n.tr("Learning rate") == "Learning rate"
    finally:
        i18n.set_language("en")
    with pytest.raises(ValueError, match="fr"):
        i18n.set_language("fr")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({}, "en"),
    ({"LANGUAGE": "fr:zh_CN", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
])
def test_the_system_language_is_read_as_gettext_reads_it(environ, expected):
    assert i18n.system_language(environ) == expected


def test_the_bundled_font_has_every_character_of_the_translations(qapp):
    font = QRawFont(str(FONT), 12)
    assert font.isValid() and font.familyName() == CJK_FAMILY
    lessons = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "beanlab" / "lessons").glob("*.toml"))
    text = "".join(chinese_catalogue().values()) + "".join(i18n.LANGUAGES.values()) + lessons
    cjk = {c for c in text if ord(c) >= 0x2E80}   # CJK characters and full-width punctuation
    assert len(cjk) > 300
    missing = sorted(c for c in cjk if not font.supportsCharacter(ord(c)))
    assert missing == [], "run resources/fonts/make_cjk_subset.py"


def test_chinese_text_is_drawn_with_real_glyphs_never_boxes(qapp):
    """Lay out every translation in the application's font, as Qt would draw it: no glyph is the
    empty box (glyph 0), and the Chinese comes from the bundled font whatever the system has."""
    from beanlab.app import make_application
    from beanlab.gui.language import apply_language

    app = make_application()
    apply_language("zh_CN")   # (the autouse fixture brings English back)
    for chinese in chinese_catalogue().values():
        layout = QTextLayout(chinese, app.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        for run in runs:
            assert 0 not in run.glyphIndexes(), f"a box in {chinese!r} ({run.rawFont().familyName()})"
        if any(0x4E00 <= ord(c) <= 0x9FFF for c in chinese):
            assert CJK_FAMILY in {run.rawFont().familyName() for run in runs}, chinese


def test_exports_are_drawn_in_the_chosen_language(tmp_path, capsys):
    from PIL import Image, ImageChops

    from beanlab.cli import main

    pictures = {}
    for language in ("en", "zh_CN"):
        out = tmp_path / f"{language}.png"
        assert main(["--lang", language, "export", "--out", str(out), "--view", "scatter", "--epochs", "1"]) == 0
        pictures[language] = Image.open(out).convert("RGB")
    said = capsys.readouterr().out
    assert "Wrote the picture at update 100" in said and "第 100 次更新时的图片已写入" in said
    # the same run and plot; only the words differ: the title band and the axis labels
    difference = ImageChops.difference(pictures["en"], pictures["zh_CN"]).getbbox()
    assert difference is not None
    title_band = ImageChops.difference(pictures["en"].crop((0, 0, 640, 30)), pictures["zh_CN"].crop((0, 0, 640, 30)))
    assert title_band.getbbox() is not None
