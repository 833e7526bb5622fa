"""Text kept as a template and its values, put into words in the current language when read.

Numbers are written as numbers.py writes them, whatever a template's format spec asks.

An explanation is made once, in the worker; the window may switch language afterwards. Keeping the
English template (the message id) and the numbers, and translating only when the text is read,
lets the same explanation be shown in any language without working it out again.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import N_, tr
from .numbers import shown


@dataclass(frozen=True)
class Message:
    """``template`` (English, marked for translation) with ``values`` filled in; ``str()`` reads it.

    A value may itself be a :class:`Message` or :class:`Joined`: it is read in the same language.
    ``translate=False`` for text that is the same in every language (a formula with its numbers).
    """

    template: str
    values: dict = field(default_factory=dict)
    translate: bool = True

    def __str__(self) -> str:
        # (gettext's translation of "" is the catalogue's header, not nothing)
        template = tr(self.template) if self.translate and self.template else self.template
        # every number in the one format of numbers.py, whatever the template's spec says
        return template.format(**{k: shown(v) for k, v in self.values.items()}) if self.values else template


@dataclass(frozen=True)
class Joined:
    """Parts read one after the other, with a separator that is translated too (";   " is "；" in Chinese)."""

    parts: tuple
    separator: str = N_(";   ")

    def __str__(self) -> str:
        separator = tr(self.separator) if self.separator else ""   # (as in Message)
        return separator.join(str(part) for part in self.parts)


def say(template: str, **values) -> Message:
    """A sentence to translate: ``say(N_("bean {index}"), index=3)``."""
    return Message(template, values)


def plain(template: str, **values) -> Message:
    """Text that reads the same in every language, such as ``"∂e/∂{name} = {value:+.5f}"``."""
    return Message(template, values, translate=False)
