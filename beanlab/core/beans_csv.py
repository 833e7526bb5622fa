"""Reading and writing beans as CSV, with errors that name the file, line and column.

Accepted: a header naming ``x`` and ``y`` (or ``x1``, ``x2``, ``y`` for two-feature beans; other
named columns are ignored), or exactly two unnamed numeric columns; or any columns the caller picks
(``columns=``), after :func:`preview_beans_csv` has shown them. UTF-8, with or without a BOM.
"""
from __future__ import annotations

import csv
import io
import itertools
import os
import warnings
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..i18n import tr
from .atomic_write import write_text_atomically
from .datasets import Beans


class BeanDataError(ValueError):
    """A bean file that cannot be used; the message says where and why."""

    def __init__(self, path: str | os.PathLike, problem: str, line: int | None = None,
                 column: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.column = column
        where = ""
        if line is not None:
            where += tr(", line {line}").format(line=line)
        if column is not None:
            where += tr(", column {column}").format(column=column)
        #: the problem and where it is in the file, without the file's name (for a message that names it)
        self.detail = f"{where.removeprefix(', ').removeprefix('，')}: {problem}" if where else problem
        super().__init__(f"{self.path}{where}: {problem}")


_SIZE_COLUMNS = (("x1", "x2"), ("x",))
_DELIMITERS = ",;\t"


@contextmanager
def _reading(path: Path):
    """Say a file that cannot be read as a BeanDataError."""
    try:
        yield
    except FileNotFoundError:
        raise BeanDataError(path, tr("no such file")) from None
    except IsADirectoryError:
        raise BeanDataError(path, tr("this is a folder, not a CSV file")) from None
    except UnicodeDecodeError:
        raise BeanDataError(path, tr("this is not UTF-8 text (save the CSV as UTF-8)")) from None
    except OSError as exc:
        raise BeanDataError(path, tr("cannot read the file ({reason})").format(reason=exc.strerror or exc)) from None


def _decode(path: Path) -> str:
    with _reading(path):
        raw = path.read_bytes()
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise BeanDataError(path, tr("this is not a text CSV file (it contains binary data)"), line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BeanDataError(path, tr("this is not UTF-8 text (save the CSV as UTF-8)"), line) from None


def _parse_number(path: Path, cell: str, line: int, column: int, name: str) -> float:
    text = cell.strip()
    if not text:
        raise BeanDataError(path, tr("the {name} cell is empty").format(name=name), line, column)
    try:
        value = float(text)
    except ValueError:
        raise BeanDataError(path, tr("{text} in column {name} is not a number").format(text=repr(text[:40]), name=name),
                            line, column) from None
    if not np.isfinite(value):
        raise BeanDataError(path, tr("{text} in column {name} is not a finite number").format(text=repr(text), name=name),
                            line, column)
    return value


def _is_number(cell: str) -> bool:
    try:
        float(cell.strip())
    except ValueError:
        return False
    return True


def _choose_columns(path: Path, header: list[str]) -> tuple[list[int], list[str]]:
    """Column indices of the size feature(s) and the toxicity, from a header row."""
    names = [cell.strip().lower() for cell in header]
    for position, name in enumerate(names):
        if name and names.index(name) != position:
            raise BeanDataError(path, tr("the column name {name} appears twice").format(name=repr(name)), 1, position + 1)
    if "y" in names:
        for sizes in _SIZE_COLUMNS:
            if all(s in names for s in sizes):
                wanted = [*sizes, "y"]
                return [names.index(c) for c in wanted], wanted
    raise BeanDataError(
        path, tr("the header must name columns x and y (or x1, x2 and y); found {names}").format(
            names=", ".join(map(repr, names))), 1)


def _split_lines(text: str, piece: int = 1 << 20):
    """``text.splitlines()``, a megabyte at a time: one call on a whole large file would hold
    Python's lock for long enough to freeze a window reading it on another thread."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + piece)
        end = len(text) if end < 0 else end + 1
        yield from text[start:end].splitlines()
        start = end


class LoadCancelled(Exception):
    """The user stopped the loading (the ``progress`` callback said so)."""


CHUNK_ROWS = 50_000   # rows parsed between two progress reports


def load_beans_csv(path: str | os.PathLike, progress: Callable[[int, int], bool] | None = None,
                   columns: Sequence[int] | None = None) -> Beans:
    """Read beans from a CSV file; raise :class:`BeanDataError` naming the line and column of any problem.

    ``columns`` picks the size column(s) and the toxicity column by position (0-based), e.g. ``(2, 0)``
    or ``(0, 1, 3)``; without it they are found from the header as the module says.
    ``progress(rows_done, rows_total)`` is called every ``CHUNK_ROWS`` rows; returning False stops the
    loading with :class:`LoadCancelled`. Each chunk is parsed by numpy's C reader; a chunk it refuses
    is read again row by row, to say exactly where the problem is.
    """
    path = Path(path)
    text = _decode(path)
    lines = [(number, line) for number, line in enumerate(_split_lines(text), start=1) if line.strip()]
    if not lines:
        raise BeanDataError(path, tr("the file is empty"))
    first_number, first = lines[0]
    delimiter = _delimiter(first)
    first_row = _cells(first, delimiter)
    has_header = not all(_is_number(cell) for cell in first_row)
    if columns is not None:
        indices, names = _chosen_columns(path, first_row, has_header, columns)
    elif not has_header:
        if len(first_row) != 2:
            raise BeanDataError(path, tr("without a header the file needs exactly two columns (x, y); found {count}")
                                .format(count=len(first_row)), first_number)
        indices, names = [0, 1], ["x", "y"]
    else:
        indices, names = _choose_columns(path, first_row)
    data_lines = lines[1:] if has_header else lines
    width = len(first_row)
    if len(data_lines) < 2:
        raise BeanDataError(path, tr("at least two beans are needed; found {count}").format(count=len(data_lines)))

    values = np.empty((len(data_lines), len(indices)))
    for start in range(0, len(data_lines), CHUNK_ROWS):
        chunk = data_lines[start:start + CHUNK_ROWS]
        values[start:start + len(chunk)] = _parse_chunk(path, chunk, delimiter, width, indices, names)
        if progress is not None and not progress(start + len(chunk), len(data_lines)):
            raise LoadCancelled
    x = values[:, 0] if len(indices) == 2 else values[:, :2]
    return Beans(x, values[:, -1], path.stem)


def _delimiter(first_line: str) -> str:
    return next((d for d in _DELIMITERS if d in first_line), ",")


def _cells(line: str, delimiter: str) -> list[str]:
    return next(csv.reader(io.StringIO(line), delimiter=delimiter))


def _chosen_columns(path: Path, first_row: list[str], has_header: bool,
                    columns: Sequence[int]) -> tuple[list[int], list[str]]:
    """Check the user's choice of columns; name them by the header, or x/x1/x2/y without one."""
    indices = [int(c) for c in columns]
    if len(indices) not in (2, 3) or len(set(indices)) != len(indices):
        raise BeanDataError(path, tr("choose one or two size columns and one toxicity column, all different"))
    for index in indices:
        if not 0 <= index < len(first_row):
            raise BeanDataError(path, tr("there is no column {column}; the file has {count}").format(
                column=index + 1, count=len(first_row)))
    roles = ["x", "y"] if len(indices) == 2 else ["x1", "x2", "y"]
    names = [first_row[i].strip() or role for i, role in zip(indices, roles)] if has_header else roles
    return indices, names


@dataclass(frozen=True)
class CsvPreview:
    """The first rows of a CSV file, for choosing its columns before reading it all."""

    names: tuple[str, ...]            # the header's names, or "1", "2", … without a header
    has_header: bool
    rows: tuple[tuple[str, ...], ...]  # up to five data rows, as text
    guess: tuple[int, ...] | None      # the columns :func:`load_beans_csv` would take by itself

    @property
    def width(self) -> int:
        return len(self.names)

    @property
    def suggested(self) -> tuple[int, ...]:
        """The columns to offer first: the guess, else the first two whose first row holds numbers."""
        if self.guess is not None:
            return self.guess
        first = self.rows[0] if self.rows else ()
        numeric = [i for i, cell in enumerate(first) if _is_number(cell)] or list(range(self.width))
        return numeric[0], numeric[1] if len(numeric) > 1 else (numeric[0] + 1) % self.width


def preview_beans_csv(path: str | os.PathLike, rows: int = 5) -> CsvPreview:
    """The header and first rows of ``path``, read without reading the whole file."""
    path = Path(path)
    with _reading(path), path.open(encoding="utf-8-sig", newline="") as stream:
        lines = [line for line in itertools.islice(stream, 1000) if line.strip()][: rows + 1]
    if not lines:
        raise BeanDataError(path, tr("the file is empty"))
    delimiter = _delimiter(lines[0])
    table = [tuple(cell.strip() for cell in _cells(line, delimiter)) for line in lines]
    has_header = not all(_is_number(cell) for cell in table[0])
    if has_header:
        names, data = table[0], table[1:]
        try:
            guess = tuple(_choose_columns(path, list(names))[0])
        except BeanDataError:
            guess = None
    else:
        names, data = tuple(str(k + 1) for k in range(len(table[0]))), table[: rows]
        guess = (0, 1) if len(names) == 2 else None
    return CsvPreview(tuple(names), has_header, tuple(data[:rows]), guess)


def _parse_chunk(path: Path, chunk: list[tuple[int, str]], delimiter: str, width: int, indices: list[int],
                 names: list[str]) -> np.ndarray:
    """The chunk's numbers: fast when every row is right, else row by row to name the first wrong cell."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            table = np.loadtxt(io.StringIO("\n".join(line for _, line in chunk)), delimiter=delimiter,
                               quotechar='"', ndmin=2, dtype=np.float64)
        if table.shape[1] == width and np.isfinite(table[:, indices]).all():
            return table[:, indices]
    except (ValueError, UserWarning):
        pass
    rows = np.empty((len(chunk), len(indices)))
    for row_index, (number, line) in enumerate(chunk):
        row = next(csv.reader(io.StringIO(line), delimiter=delimiter))
        if len(row) != width:
            raise BeanDataError(path, tr("expected {width} columns, found {count}").format(width=width, count=len(row)),
                                  number)
        for k, (column, name) in enumerate(zip(indices, names)):
            rows[row_index, k] = _parse_number(path, row[column], number, column + 1, name)
    return rows


def beans_to_csv_text(beans: Beans) -> str:
    """The CSV text :func:`load_beans_csv` reads back to the same beans (floats round-trip exactly)."""
    header = "x,y" if beans.n_features == 1 else "x1,x2,y"
    x = beans.x.reshape(len(beans), -1)
    rows = (",".join(repr(float(v)) for v in (*xs, y)) for xs, y in zip(x, beans.y))
    return header + "\n" + "\n".join(rows) + "\n"


def save_beans_csv(beans: Beans, path: str | os.PathLike) -> None:
    """Write beans as CSV (atomically)."""
    write_text_atomically(path, beans_to_csv_text(beans))
