"""Files the running app needs, shipped inside the package so every kind of install has them.

The icon, the ``.desktop`` entry and the MIME type for the Linux desktop, and the bundled Chinese
font (a subset of Noto Sans CJK SC, SIL Open Font License 1.1, ``fonts/OFL.txt``; rebuilt by
``resources/fonts/make_cjk_subset.py`` in the checkout). They are read through
:mod:`importlib.resources`, so they are found in a wheel or a non-editable install as well as in
the checkout.
"""
from __future__ import annotations

import atexit
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

ICON = "beanlab.svg"
DESKTOP_ENTRY = "beanlab.desktop"
MIME_TYPE = "beanlab-mime.xml"
CJK_FONT = "fonts/BeanLabCJK.otf"

# Qt opens files by name; an install that is not a folder (a zip) gets them extracted for as long
# as the process runs.
_extracted = ExitStack()
atexit.register(_extracted.close)


def resource_path(name: str) -> Path:
    """A file of this package (``ICON``, ``CJK_FONT`` …) as a path Qt can open."""
    resource = files(__name__).joinpath(*name.split("/"))
    return _extracted.enter_context(as_file(resource))
