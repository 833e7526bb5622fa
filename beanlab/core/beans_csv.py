"""Reading and writing beans as CSV, with errors that name the file, line and column.

Accepted: a header naming ``x`` and ``y`` (or ``x1``, ``x2``, ``y`` for two-feature beans), in
English or Chinese (大小, 毒性, 颜色深浅 …: see :data:`ROLE_NAMES`; other named columns are ignored);
else a file whose first row has exactly two numeric columns, whatever their names; or any columns
the caller picks (``columns=``), after :func:`preview_beans_csv` has shown them. The encoding
(UTF-8 with or without a BOM, UTF-16 with a BOM, GB18030/GBK) and the separator (comma, semicolon,
tab; decimal commas with a semicolon or tab) are found by :mod:`.csv_text`. Sizes are bounded by
:mod:`.limits`.
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
from . import limits
from .atomic_write import write_bytes_atomically
from .csv_text import Dialect, NotText, decode, sniff
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


# The names a header may give each role, lower case; the first of each is the one BeanLab writes.
ROLE_NAMES = {
    "x": ("x", "x1", "size", "length", "大小", "尺寸", "长度", "豆子大小", "体积"),
    "x2": ("x2", "colour", "color", "colour depth", "color depth", "depth", "颜色深浅", "颜色", "深浅", "色深"),
    "y": ("y", "toxicity", "toxic", "poison", "毒性", "有毒", "是否有毒", "毒性大小"),
}
_HEAD_BYTES = 256 * 2 ** 10   # what a preview reads of a file


@contextmanager
def _reading(path: Path):
    """Say a file that cannot be read as a BeanDataError."""
    try:
        yield
    except FileNotFoundError:
        raise BeanDataError(path, tr("no such file")) from None
    except IsADirectoryError:
        raise BeanDataError(path, tr("this is a folder, not a CSV file")) from None
    except OSError as exc:
        raise BeanDataError(path, tr("cannot read the file ({reason})").format(reason=exc.strerror or exc)) from None


def _read_bytes(path: Path, most: int | None = None) -> tuple[bytes, bool]:
    """The file's bytes (its first ``most`` only, if given) and whether that is all of it;
    a file above :data:`limits.MAX_CSV_BYTES` is refused before it is read."""
    with _reading(path):
        size = path.stat().st_size
        if path.is_file() and size > limits.MAX_CSV_BYTES:
            raise BeanDataError(path, tr("the file is {size:,} MB; BeanLab reads CSV files of at most {most:,} MB")
                                .format(size=size // 2 ** 20, most=limits.MAX_CSV_BYTES // 2 ** 20))
        with path.open("rb") as stream:
            raw = stream.read(-1 if most is None else most)
    return raw, most is None or len(raw) < most


def _decode(path: Path, most: int | None = None) -> str:
    raw, whole = _read_bytes(path, most)
    try:
        return decode(raw, final=whole)[0]
    except NotText as exc:
        if exc.binary:
            raise BeanDataError(path, tr("this is not a text CSV file (it contains binary data)"), exc.line) from None
        raise BeanDataError(path, tr("this is not text in UTF-8, UTF-16 or GB18030/GBK (save the CSV as UTF-8)"),
                            exc.line) from None


def _check_lengths(path: Path, lines: list[tuple[int, str]], dialect: Dialect | None = None) -> None:
    """Refuse a line or a header too long to be beans, before the CSV reader or numpy gets it."""
    for number, line in lines:
        if len(line) > limits.MAX_CSV_LINE_CHARS:
            raise BeanDataError(path, tr("the line has {count:,} characters; a line of beans may have at most {most:,}")
                                .format(count=len(line), most=limits.MAX_CSV_LINE_CHARS), number)
    if dialect is not None and lines:
        number, first = lines[0]
        if first.count(dialect.separator) >= limits.MAX_CSV_COLUMNS:
            raise BeanDataError(path, tr("the file has more than {most:,} columns").format(
                most=limits.MAX_CSV_COLUMNS), number)


def _parse_number(path: Path, cell: str, line: int, column: int, name: str, dialect: Dialect) -> float:
    text = dialect.number_text(cell.strip())
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


def _is_number(cell: str, dialect: Dialect | None = None) -> bool:
    try:
        float(dialect.number_text(cell.strip()) if dialect else cell.strip())
    except ValueError:
        return False
    return True


def _choose_columns(path: Path, header: list[str], first_data: list[str] | None = None,
                    dialect: Dialect | None = None) -> tuple[list[int], list[str]]:
    """Column indices of the size feature(s) and the toxicity, and their names in the header: the
    columns the header names by role (:data:`ROLE_NAMES`), else the only two holding numbers in
    the first data row ``first_data``."""
    names = [cell.strip().lower() for cell in header]
    position_of: dict[str, int] = {}
    for position, name in enumerate(names):   # a dict, not names.index: a wide header stays fast
        if name and position_of.setdefault(name, position) != position:
            raise BeanDataError(path, tr("the column name {name} appears twice").format(name=repr(name)), 1, position + 1)

    def find(role: str, taken=()) -> int | None:
        return next((position_of[n] for n in ROLE_NAMES[role] if n in position_of and position_of[n] not in taken),
                    None)

    toxicity = find("y")
    size = find("x", (toxicity,))
    if toxicity is not None and size is not None:
        depth = position_of.get("x2", find("x2", (toxicity, size)))
        indices = [size, toxicity] if depth is None else [size, depth, toxicity]
        return indices, [header[i].strip() for i in indices]
    numeric = [i for i, cell in enumerate(first_data or ()) if i < len(header) and _is_number(cell, dialect)]
    if len(numeric) == 2:
        return numeric, [header[i].strip() or role for i, role in zip(numeric, ("x", "y"))]
    raise BeanDataError(
        path, tr("the header must name columns x and y (or x1, x2 and y; or 大小, 毒性), or the file must have "
                 "exactly two columns of numbers; found {names} (choose with --columns)").format(
            names=", ".join(map(repr, names[:20]))), 1)


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
    del text
    if not lines:
        raise BeanDataError(path, tr("the file is empty"))
    _check_lengths(path, lines)
    dialect = sniff([line for _, line in lines[:20]])
    _check_lengths(path, lines[:1], dialect)
    first_number, first = lines[0]
    delimiter = dialect.separator
    first_row = _cells(first, delimiter)
    has_header = not all(_is_number(cell, dialect) for cell in first_row)
    header_names = None
    if columns is not None:
        indices, names = _chosen_columns(path, first_row, has_header, columns)
    elif not has_header:
        if len(first_row) != 2:
            raise BeanDataError(path, tr("without a header the file needs exactly two columns (x, y); found {count}")
                                .format(count=len(first_row)), first_number)
        indices, names = [0, 1], ["x", "y"]
    else:
        second = _cells(lines[1][1], delimiter) if len(lines) > 1 else None
        indices, names = _choose_columns(path, first_row, second, dialect)
        header_names = tuple(names)
    data_lines = lines[1:] if has_header else lines
    width = len(first_row)
    if len(data_lines) < 2:
        raise BeanDataError(path, tr("at least two beans are needed; found {count}").format(count=len(data_lines)))

    values = np.empty((len(data_lines), len(indices)))
    for start in range(0, len(data_lines), CHUNK_ROWS):
        chunk = data_lines[start:start + CHUNK_ROWS]
        values[start:start + len(chunk)] = _parse_chunk(path, chunk, dialect, width, indices, names)
        if progress is not None and not progress(start + len(chunk), len(data_lines)):
            raise LoadCancelled
    _check_magnitude(path, values, data_lines, indices, names)
    if columns is not None and has_header:
        header_names = tuple(names)
    x = values[:, 0] if len(indices) == 2 else values[:, :2]
    return Beans(x, values[:, -1], path.stem, columns=header_names)


def _check_magnitude(path: Path, values: np.ndarray, data_lines: list[tuple[int, str]], indices: list[int],
                     names: list[str]) -> None:
    """Values so large that their squares overflow would make every loss infinite: say so where they are."""
    too_large = np.abs(values) > limits.MAX_ABS_VALUE
    if too_large.any():
        row, k = (int(i) for i in np.argwhere(too_large)[0])
        raise BeanDataError(path, tr("{value:g} in column {name} is too large: BeanLab takes values up to {most:g}")
                            .format(value=values[row, k], name=names[k], most=limits.MAX_ABS_VALUE),
                            data_lines[row][0], indices[k] + 1)


def _cells(line: str, delimiter: str) -> list[str]:
    return next(csv.reader(io.StringIO(line), delimiter=delimiter), [])


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
    text = _decode(path, most=_HEAD_BYTES)
    numbered = [(k, line) for k, line in enumerate(itertools.islice(text.splitlines(), 1000), 1) if line.strip()]
    lines = [line for _, line in numbered][: rows + 1]
    if not lines:
        raise BeanDataError(path, tr("the file is empty"))
    _check_lengths(path, numbered[:1])
    dialect = sniff(lines)
    _check_lengths(path, numbered[:1], dialect)
    table = [tuple(cell.strip() for cell in _cells(line, dialect.separator)) for line in lines]
    has_header = not all(_is_number(cell, dialect) for cell in table[0])
    if has_header:
        names, data = table[0], table[1:]
        try:
            guess = tuple(_choose_columns(path, list(names), list(data[0]) if data else None, dialect)[0])
        except BeanDataError:
            guess = None
    else:
        names, data = tuple(str(k + 1) for k in range(len(table[0]))), table[: rows]
        guess = (0, 1) if len(names) == 2 else None
    return CsvPreview(tuple(names), has_header, tuple(data[:rows]), guess)


def _parse_chunk(path: Path, chunk: list[tuple[int, str]], dialect: Dialect, width: int, indices: list[int],
                 names: list[str]) -> np.ndarray:
    """The chunk's numbers: fast when every row is right, else row by row to name the first wrong cell."""
    delimiter = dialect.separator
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            table = np.loadtxt(io.StringIO(dialect.number_text("\n".join(line for _, line in chunk))),
                               delimiter=delimiter, quotechar='"', ndmin=2, dtype=np.float64)
        if table.shape[1] == width and np.isfinite(table[:, indices]).all():
            return table[:, indices]
    except (ValueError, UserWarning):
        pass
    rows = np.empty((len(chunk), len(indices)))
    for row_index, (number, line) in enumerate(chunk):
        row = _cells(line, delimiter)
        if len(row) != width:
            raise BeanDataError(path, tr("expected {width} columns, found {count}").format(width=width, count=len(row)),
                                  number)
        for k, (column, name) in enumerate(zip(indices, names)):
            rows[row_index, k] = _parse_number(path, row[column], number, column + 1, name, dialect)
    return rows


def beans_to_csv_text(beans: Beans) -> str:
    """The CSV text :func:`load_beans_csv` reads back to the same beans (floats round-trip exactly);
    the header keeps the names the beans' file gave their columns (大小, 毒性 …)."""
    header = ",".join(_csv_cell(name) for name in _column_names(beans))
    x = beans.x.reshape(len(beans), -1)
    rows = (",".join(repr(float(v)) for v in (*xs, y)) for xs, y in zip(x, beans.y))
    return header + "\n" + "\n".join(rows) + "\n"


def _column_names(beans: Beans) -> tuple[str, ...]:
    roles = ("x", "y") if beans.n_features == 1 else ("x1", "x2", "y")
    names = beans.columns
    if names is None or len(names) != len(roles) or len({n.lower() for n in names}) != len(names):
        return roles
    return names


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n;\t') else text


def csv_bytes(text: str, excel: bool = False) -> bytes:
    """CSV text as the bytes BeanLab writes: UTF-8; with ``excel`` a byte-order mark first, by which
    Excel knows the file is UTF-8 (without it, Excel on a Chinese Windows reads 大小 as 澶у皬)."""
    return text.encode("utf-8-sig" if excel else "utf-8")


def save_beans_csv(beans: Beans, path: str | os.PathLike, excel: bool = False) -> None:
    """Write beans as CSV (atomically); ``excel``: with a UTF-8 byte-order mark (see :func:`csv_bytes`)."""
    write_bytes_atomically(path, csv_bytes(beans_to_csv_text(beans), excel))


def columns_from_spec(path: str | os.PathLike, spec: str) -> tuple[int, ...]:
    """The 0-based columns ``spec`` names, for ``columns=`` of :func:`load_beans_csv`: two or three
    header names or 1-based numbers, separated by commas (``SIZE,TOXICITY``, ``2,4``, ``大小,颜色深浅,毒性``),
    sizes first, the toxicity last, as the window's column dialog chooses them."""
    preview = preview_beans_csv(path)
    wanted = [part.strip() for part in spec.split(",") if part.strip()]
    by_name = {name.strip().lower(): k for k, name in enumerate(preview.names)} if preview.has_header else {}
    chosen = []
    for part in wanted:
        if part.lower() in by_name:
            chosen.append(by_name[part.lower()])
        elif part.isdigit() and 1 <= int(part) <= preview.width:
            chosen.append(int(part) - 1)
        else:
            known = ", ".join(preview.names) if preview.has_header else f"1 … {preview.width}"
            raise BeanDataError(path, tr("there is no column {column}; the columns are {known}").format(
                column=repr(part), known=known))
    if len(chosen) not in (2, 3) or len(set(chosen)) != len(chosen):
        raise BeanDataError(path, tr("choose one or two size columns and one toxicity column, all different"))
    return tuple(chosen)


def describe_columns(beans: Beans) -> str:
    """Which of the file's columns became which part of a bean, e.g. ``大小 → x, 毒性 → y``; empty
    when the file called them x and y itself."""
    roles = ("x", "y") if beans.n_features == 1 else ("x1", "x2", "y")
    names = beans.columns or roles
    if [n.lower() for n in names] == list(roles):
        return ""
    return ", ".join(f"{name} → {role}" for name, role in zip(names, roles))
