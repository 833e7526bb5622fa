"""Packaging: everything is in pyproject.toml except one build step, compiling the translations.

The ``.po`` files are the translations' source; gettext reads compiled ``.mo`` files, made here with
Babel whenever the package is built or installed (an editable install writes them beside the
``.po`` files, where the running checkout looks).
"""
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path("beanlab") / "locale"


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        root = Path() if self.editable_mode else Path(self.build_lib)
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as source:
                catalog = read_po(source)
            mo = root / po.with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as target:
                write_mo(target, catalog)


setup(cmdclass={"build_py": BuildWithTranslations})
