"""CSV text as teachers' programs save it: which encoding, which separator, which decimal mark.

Excel and WPS on a Chinese Windows save "CSV" in the system code page (GBK, of which GB18030 is
the superset) and "Unicode text" as UTF-16 with a byte-order mark; European Excel separates cells
with semicolons and writes decimal commas. All of it is recognised here without asking the user.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

# Byte-order marks, longest first (UTF-32's would start like UTF-16's; it is not offered).
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Tried in turn when there is no mark: strict UTF-8 first (it almost never decodes text that is
# something else), then GB18030, which decodes GBK and GB2312 too.
_WITHOUT_BOM = ("utf-8", "gb18030")

# Preferred first when several could split the lines: a tab or a semicolon is seldom inside a
# number, while a comma may be a decimal comma.
SEPARATORS = "\t;,"


class NotText(ValueError):
    """Bytes that are no text in any encoding tried; ``line`` is where it goes wrong (1-based)."""

    def __init__(self, line: int, binary: bool) -> None:
        super().__init__(line)
        self.line, self.binary = line, binary


def detect_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` names, or None without one."""
    return next((name for mark, name in _BOMS if head.startswith(mark)), None)


def decode(raw: bytes, final: bool = True) -> tuple[str, str]:
    """``raw`` as text and the encoding it was in; :class:`NotText` if none fits.

    ``final=False``: ``raw`` is the start of a file, which may end in the middle of a character.
    """
    marked = detect_encoding(raw)
    if marked is None and b"\x00" in raw:   # UTF-16 without a mark is not offered: NUL means binary
        raise NotText(raw[: raw.index(b"\x00")].count(b"\n") + 1, binary=True)
    first_failure = None
    for encoding in (marked,) if marked else _WITHOUT_BOM:
        try:
            return codecs.getincrementaldecoder(encoding)().decode(raw, final), encoding
        except UnicodeDecodeError as exc:
            first_failure = first_failure or exc
    line = raw[: first_failure.start].count(b"\n") + 1
    raise NotText(line, binary=False)


@dataclass(frozen=True)
class Dialect:
    separator: str
    decimal_comma: bool   # "1,5" means 1.5 (only with another separator than the comma)

    def number_text(self, cell: str) -> str:
        """A cell's text as Python's float() reads it."""
        return cell.replace(",", ".") if self.decimal_comma else cell


def _count_outside_quotes(line: str, separator: str) -> int:
    if '"' not in line:
        return line.count(separator)
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            count += 1
    return count


def sniff(lines: list[str]) -> Dialect:
    """The separator of the first few non-empty ``lines``: the preferred one that splits every line
    into the same number of cells; else the preferred one found in the first line; else the comma.

    Decimal commas are taken to be meant when the separator is a semicolon or a tab and a cell holds
    a number with a comma in it.
    """
    sample = lines[:20]
    first = sample[0] if sample else ""
    present = [s for s in SEPARATORS if s in first]
    steady = [s for s in present if len({_count_outside_quotes(line, s) for line in sample}) == 1]
    separator = (steady or present or [","])[0]
    decimal_comma = separator != "," and any(_looks_like_decimal_comma(cell) for line in sample[1:] + sample[:1]
                                             for cell in line.split(separator))
    return Dialect(separator, decimal_comma)


def _looks_like_decimal_comma(cell: str) -> bool:
    text = cell.strip().strip('"')
    if "," not in text:
        return False
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True
