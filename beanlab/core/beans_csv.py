"""Reading and writing beans as CSV, with errors that name the file, line and column.

Accepted: a header naming ``x`` and ``y`` (or ``x1``, ``x2``, ``y`` for two-feature beans; other
named columns are ignored), or exactly two unnamed numeric columns. UTF-8, with or without a BOM.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import numpy as np

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
        where = self.path
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column {column}"
        super().__init__(f"{where}: {problem}")


_SIZE_COLUMNS = (("x1", "x2"), ("x",))
_DELIMITERS = ",;\t"


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BeanDataError(path, "no such file") from None
    except IsADirectoryError:
        raise BeanDataError(path, "this is a folder, not a CSV file") from None
    except OSError as exc:
        raise BeanDataError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise BeanDataError(path, "this is not a text CSV file (it contains binary data)", line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BeanDataError(path, "this is not UTF-8 text (save the CSV as UTF-8)", line) from None


def _parse_number(path: Path, cell: str, line: int, column: int, name: str) -> float:
    text = cell.strip()
    if not text:
        raise BeanDataError(path, f"the {name} cell is empty", line, column)
    try:
        value = float(text)
    except ValueError:
        raise BeanDataError(path, f"{text[:40]!r} in column {name} is not a number", line, column) from None
    if not np.isfinite(value):
        raise BeanDataError(path, f"{text!r} in column {name} is not a finite number", line, column)
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
            raise BeanDataError(path, f"the column name {name!r} appears twice", 1, position + 1)
    if "y" in names:
        for sizes in _SIZE_COLUMNS:
            if all(s in names for s in sizes):
                wanted = [*sizes, "y"]
                return [names.index(c) for c in wanted], wanted
    raise BeanDataError(
        path, "the header must name columns x and y (or x1, x2 and y); found " + ", ".join(map(repr, names)), 1)


def load_beans_csv(path: str | os.PathLike) -> Beans:
    """Read beans from a CSV file; raise :class:`BeanDataError` naming the line and column of any problem."""
    path = Path(path)
    text = _decode(path)
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if not lines:
        raise BeanDataError(path, "the file is empty")
    first = lines[0][1]
    delimiter = next((d for d in _DELIMITERS if d in first), ",")
    rows = [(number, next(csv.reader(io.StringIO(line), delimiter=delimiter))) for number, line in lines]

    first_number, first_row = rows[0]
    if all(_is_number(cell) for cell in first_row):
        if len(first_row) != 2:
            raise BeanDataError(path, f"without a header the file needs exactly two columns (x, y); "
                                      f"found {len(first_row)}", first_number)
        indices, names, data_rows = [0, 1], ["x", "y"], rows
    else:
        indices, names = _choose_columns(path, first_row)
        data_rows = rows[1:]
    width = len(first_row)
    if len(data_rows) < 2:
        raise BeanDataError(path, f"at least two beans are needed; found {len(data_rows)}")

    values = np.empty((len(data_rows), len(indices)))
    for row_index, (number, row) in enumerate(data_rows):
        if len(row) != width:
            raise BeanDataError(path, f"expected {width} columns, found {len(row)}", number)
        for k, (column, name) in enumerate(zip(indices, names)):
            values[row_index, k] = _parse_number(path, row[column], number, column + 1, name)
    x = values[:, 0] if len(indices) == 2 else values[:, :2]
    return Beans(x, values[:, -1], path.stem)


def beans_to_csv_text(beans: Beans) -> str:
    """The CSV text :func:`load_beans_csv` reads back to the same beans (floats round-trip exactly)."""
    header = "x,y" if beans.n_features == 1 else "x1,x2,y"
    x = beans.x.reshape(len(beans), -1)
    rows = (",".join(repr(float(v)) for v in (*xs, y)) for xs, y in zip(x, beans.y))
    return header + "\n" + "\n".join(rows) + "\n"


def save_beans_csv(beans: Beans, path: str | os.PathLike) -> None:
    """Write beans as CSV (atomically)."""
    write_text_atomically(path, beans_to_csv_text(beans))
