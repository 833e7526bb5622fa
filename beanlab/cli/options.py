"""What the commands share: the one-line usage error, the parsers of option values, and the option
groups for data and training. Choices are read from the core's registries when the parser is built,
so a model or optimizer registered at run time is offered too."""
from __future__ import annotations

import argparse
import math

from beanlab import core, i18n
from beanlab.core.landscape_models import TERRAINS
from beanlab.core.lesson_files import LessonFileError, read_lesson


class UsageError(Exception):
    """A mistake in what the user asked for; reported as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    # argparse's default prints the whole usage; a learner needs the one line that says what is wrong.
    def error(self, message: str):
        raise UsageError(message)


def _number(text: str, kind: type):
    """``text`` as an int or a float, or the option's error saying it is not one."""
    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {'a whole number' if kind is int else 'a number'}") from None


def positive_int(text: str) -> int:
    value = _number(text, int)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def non_negative_int(text: str) -> int:
    value = _number(text, int)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def positive_float(text: str) -> float:
    value = _number(text, float)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, not {text}")
    return value


def non_negative_float(text: str) -> float:
    value = _number(text, float)
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(f"{text!r} must be a number >= 0")
    return value


def size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1600x1000") from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"{width}x{height} is outside 320x240 … 8000x8000")
    return width, height


def _init_values(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of numbers") from None
    if not all(math.isfinite(v) for v in values):
        raise argparse.ArgumentTypeError("starting values must be finite numbers")
    return values


def language(text: str) -> str:
    try:
        return i18n.normalise(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_language_option(parser: argparse.ArgumentParser, command: bool = False) -> None:
    """``--lang``, before the command (``beanlab --lang zh_CN export …``) or after it (``command=True``):
    a command's own --lang is left out of the result when not given, so it never undoes the first."""
    parser.add_argument("--lang", type=language, metavar="zh_CN|en", default=argparse.SUPPRESS if command else None,
                        help="the language of the window and its exports (default: the one last chosen from "
                             "View → Language, else the system's)")


def optimizer_list(text: str) -> list[str]:
    """Racers: optimizer names, each optionally with gradient noise for a landscape (``batch@0.01``)."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name.split("@")[0] not in core.OPTIMIZERS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown optimizer(s) {', '.join(unknown)}; "
                                         f"choose from {', '.join(core.OPTIMIZERS)}")
    for name in names:
        if "@" in name:
            non_negative_float(name.split("@", 1)[1])
    if not 1 <= len(names) <= 4 or len(set(names)) != len(names):
        raise argparse.ArgumentTypeError("give one to four different optimizers, separated by commas")
    return names


def optimizer_conventions() -> str:
    """Each optimizer with the convention it follows (its class says it), for ``--help``."""
    described = (f"{name}: {cls.convention}".rstrip(": ") for name, cls in core.OPTIMIZERS.items())
    return "; ".join(described).replace("%", "%%")   # argparse formats help with %


def lesson(number: int) -> core.Lesson:
    try:
        return core.lesson(number)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def chosen_lesson(args: argparse.Namespace) -> core.Lesson | None:
    """The lesson ``--lesson N`` or ``--lesson-file FILE`` names, None without either; UsageError
    saying what is wrong with a number or a file (its line and key)."""
    number, path = getattr(args, "lesson", None), getattr(args, "lesson_file", None)
    if isinstance(number, core.Lesson):   # already read (the window's options, checked before it opens)
        return number
    if number is not None and path is not None:
        raise UsageError("give --lesson N or --lesson-file FILE, not both")
    if path is None:
        return None if number is None else lesson(number)
    try:
        return read_lesson(path)
    except OSError as exc:
        raise UsageError(f"cannot open {path}: {exc.strerror or exc}") from None
    except LessonFileError as exc:
        raise UsageError(str(exc)) from None


def add_lesson_option(parser: argparse.ArgumentParser, what: str, unset=None) -> None:
    parser.add_argument("--lesson", type=positive_int, metavar="N", default=unset,
                        help=f"{what} the course's lesson N (1-{max(core.LESSONS)}): its beans, model, optimizer, "
                             "learning rate, start and epochs")
    parser.add_argument("--lesson-file", metavar="FILE.toml", default=unset,
                        help=f"{what} the lesson written in FILE.toml (beanlab/lessons/README.md says how)")


def add_data_options(parser: argparse.ArgumentParser, defaults: bool = True, unset=None) -> None:
    """``defaults=False``: unset options are ``unset`` (None, or argparse.SUPPRESS), so a lesson's own
    settings show through."""
    parser.add_argument("--dataset", choices=list(core.DATASETS), default="line-bias" if defaults else unset,
                        help="a course dataset (default line-bias)")
    parser.add_argument("--n", type=positive_int, default=100 if defaults else unset,
                        help="number of beans (default 100)")
    parser.add_argument("--seed", type=non_negative_int, default=0 if defaults else unset,
                        help="random seed (default 0)")


def add_training_options(parser: argparse.ArgumentParser, optimizer: bool = True, lesson_use: str = "train as in",
                         command: bool = True) -> None:
    """The run's settings; each left out comes from --lesson N if given, else from RunConfig's defaults.
    ``lesson_use`` begins the help of --lesson: what the command does with the lesson. ``command``: the
    options of a command (``beanlab train --lr 5``), left out of the result when not given, so the same
    options given before the command (``beanlab --lr 5 train``) are not undone; the top level's are None."""
    unset = argparse.SUPPRESS if command else None
    add_lesson_option(parser, lesson_use, unset)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--data", default=unset, metavar="FILE.csv", help="beans from a CSV file: UTF-8, UTF-16 or GBK; commas, "
                        "semicolons or tabs; columns x, y (or 大小, 毒性), or any two columns of numbers")
    parser.add_argument("--columns", default=unset, metavar="SIZE,TOXICITY", help="with --data: which columns are the beans, by "
                        "header name or number from 1: the size (and a second feature), then the toxicity")
    add_data_options(parser, defaults=False, unset=unset)
    parser.add_argument("--model", default=unset, choices=[*core.MODELS, *core.ALIASES], help="default wx+b")
    parser.add_argument("--loss", default=unset, choices=core.LOSSES, help="for the sigmoid models (default mse)")
    parser.add_argument("--hidden", default=unset, type=positive_int, metavar="K", help="neurons in the net's hidden layer "
                        "(1-8, default 2)")
    if optimizer:
        conventions = optimizer_conventions()
        parser.add_argument("--optimizer", default=unset, choices=list(core.OPTIMIZERS),
                            help="default sgd" + (f". {conventions}" if conventions else ""))
    parser.add_argument("--lr", default=unset, type=positive_float, help="learning rate (default 0.01)")
    parser.add_argument("--step", default=unset, type=positive_float, help="fixed-step size (default 0.01)")
    parser.add_argument("--batch-size", default=unset, type=positive_int, help="mini-batch size (default 10)")
    parser.add_argument("--epochs", default=unset, type=positive_int, help="passes over the beans (default 100)")
    parser.add_argument("--order", default=unset, choices=core.ORDERS, help="bean order (default sequential)")
    parser.add_argument("--init", default=unset, type=_init_values, metavar="W[,B]",
                        help="starting parameters (default 0.1 each; random in [0, 1) for a net)")
    parser.add_argument("--landscape", default=unset, choices=list(TERRAINS),
                        help="train on a function f(w, b) instead of beans: " + "; ".join(
                            f"{t.name}: {t.formula}" for t in TERRAINS.values()))
    parser.add_argument("--noise", default=unset, type=non_negative_float, metavar="SIGMA",
                        help="with --landscape: Gaussian noise of this size on every slope, from the seed")


def add_excel_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--excel", action="store_true",
                        help="write the CSV with a UTF-8 byte-order mark, so Excel shows Chinese headers rightly")
