"""Rebuild beanlab/resources/fonts/BeanLabCJK.otf: the characters BeanLab's translations use, cut
from Noto Sans CJK SC.

Run after changing a translation (tests/test_translations.py fails until you do):

    apt-get install fonts-noto-cjk && pip install fonttools
    python resources/fonts/make_cjk_subset.py

The family is renamed "BeanLab CJK" so it never stands in for a full Noto Sans CJK installed on the
machine (SIL Open Font License 1.1, beanlab/resources/fonts/OFL.txt; Noto fonts reserve no font name).
"""
from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po
from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SOURCE_FAMILY = "Noto Sans CJK SC"
FAMILY = "BeanLab CJK"
OUT = ROOT / "beanlab" / "resources" / "fonts" / "BeanLabCJK.otf"   # inside the package: installs carry it


def characters() -> str:
    """Every character outside ASCII in the translations, the built-in lesson files (their Chinese
    captions, questions and scripts) and the language menu."""
    text = "简体中文"
    for po in sorted((ROOT / "beanlab" / "locale").glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as stream:
            text += "".join(message.string for message in read_po(stream) if message.id)
    for lesson in sorted((ROOT / "beanlab" / "lessons").glob("*.toml")):
        text += lesson.read_text(encoding="utf-8")
    return "".join(sorted({c for c in text if ord(c) > 127}))


def main() -> int:
    collection = TTCollection(str(SOURCE))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == SOURCE_FAMILY)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY if record.nameID != 4 else f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = FAMILY.replace(" ", "") + "-Regular"
    font["CFF "].cff.fontNames = [FAMILY.replace(" ", "") + "-Regular"]
    font.save(str(OUT))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KB, {len(characters())} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
