"""An output must never be one of the run's inputs: ``--history beans.csv`` beside ``--data beans.csv``
would replace the teacher's beans with the run's record. Checked before anything is computed or written."""
from __future__ import annotations

import os
from collections.abc import Iterable

from ..i18n import tr


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether ``a`` and ``b`` are one file: the same inode (a hard link, another spelling of the
    path, a symbolic link), or the same absolute path when one does not exist yet."""
    try:
        return os.path.samefile(a, b)
    except OSError:   # one of them does not exist (yet): compare what the paths say
        return os.path.realpath(a) == os.path.realpath(b)


def check_outputs(outputs: Iterable[str | os.PathLike | None], inputs: Iterable[str | os.PathLike | None]) -> None:
    """ValueError, in words, if an output is one of the inputs (None entries are options not given)."""
    inputs = [path for path in inputs if path]
    for output in (path for path in outputs if path):
        for source in inputs:
            if same_file(output, source):
                raise ValueError(tr("{output} is the input file {source}: writing it would destroy it; "
                                    "choose another name (nothing was written)").format(output=output, source=source))
