"""A registry of one kind of thing (models, optimizers) by name: adding one is one ``register``.

Iterating a registry gives the names in the order they were registered, which is the order the
menus and the command line show them.
"""
from __future__ import annotations

from ..i18n import tr


class Registry(dict):
    """name → class, for every class of one kind; each class carries its own description."""

    def __init__(self, unknown: str, classes=()) -> None:
        """``unknown``: the message (marked for translation) for a name not registered, with {name} and {names}."""
        super().__init__()
        self.unknown = unknown
        for cls in classes:
            self.register(cls)

    def register(self, cls):
        """Add ``cls`` under its ``name`` (usable as a class decorator); ValueError if the name is taken."""
        if not cls.name or cls.name in self:
            raise ValueError(f"{cls.__name__} needs a name of its own, not {cls.name!r}")
        self[cls.name] = cls
        return cls

    def unregister(self, name: str) -> None:
        """Remove what ``register`` added (a test's toy model, for instance)."""
        del self[name]

    def label(self, name: str) -> str:
        """How menus show the class called ``name``: its label in the current language, else its name."""
        label = self[name].label
        return tr(label) if label else name

    def lookup(self, name: str):
        """The class called ``name``; ValueError naming the choices."""
        if name not in self:
            raise ValueError(tr(self.unknown).format(name=repr(name), names=", ".join(self)))
        return self[name]
