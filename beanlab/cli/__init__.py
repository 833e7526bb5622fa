"""The ``beanlab`` command line: start the app, write a dataset, train, race or export without a window.

One module per command group (:mod:`.training`: data and train; :mod:`.race`; :mod:`.export`;
:mod:`.window`: the app and screenshot); each adds its commands and says which function runs them.
The parser is built on every call of :func:`main`, so its choices are the registries' as they are then.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys

from beanlab import __version__, i18n, interrupts
from beanlab.cli import export, race, training, window
from beanlab.cli.export import EXPORT_VIEWS
from beanlab.cli.options import Parser, UsageError, add_language_option, add_training_options

NO_3D_VARIABLE = "BEANLAB_NO_3D"   # the same name as beanlab.gui.opengl_support.ENV_VARIABLE (no Qt here)

__all__ = ["EXPORT_VIEWS", "UsageError", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="beanlab", description="BeanLab: watch gradient descent learn which beans are "
                    "toxic. With no command, opens the app.")
    parser.add_argument("--version", action="version", version=f"beanlab {__version__}")
    # the window takes the run options of `beanlab train` (beanlab --lesson 4 --lr 5); a command's own
    # options of the same names win for that command
    add_training_options(parser, lesson_use="open the window on", command=False)
    parser.add_argument("--teach", action="store_true",
                        help="open the lesson (--lesson N or --lesson-file FILE) in teacher mode: only its controls, "
                             "Page Down / Page Up walk its script")
    parser.add_argument("--debug", action="store_true",
                        help="log what the window does to the terminal too (it always goes to the log file)")
    add_language_option(parser)
    parser.add_argument("--no-3d", action="store_true",
                        help="draw the 3-D views in 2-D (the map), as on a computer without OpenGL")
    parser.set_defaults(run=window.run_app)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in (training, export, race, window):
        group.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``beanlab`` and ``python -m beanlab``; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    before = interrupts.raise_on_signals()   # first: Ctrl+C or SIGTERM from now on ends in one line, 130 or 143
    try:
        if argv and argv[0].endswith(".beanlab"):   # `beanlab lesson.beanlab`: open a saved session
            return window.run_session(argv[0])
        if argv and argv[0].lower().endswith(".toml"):   # `beanlab my-lesson.toml [--teach]`: open a lesson file
            argv = ["--lesson-file", argv[0], *argv[1:]]
        args = build_parser().parse_args(argv)
        if args.no_3d:
            os.environ[NO_3D_VARIABLE] = "1"   # read by the window's OpenGL probe (beanlab.gui.opengl_support)
        if args.lang:
            i18n.set_language(args.lang)   # also for what the window-less commands draw (exports)
        return args.run(args)
    except UsageError as exc:
        print(f"beanlab: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(interrupts.message(signal.SIGINT), file=sys.stderr)
        return interrupts.exit_status(signal.SIGINT)
    except interrupts.Terminated:
        print(interrupts.message(signal.SIGTERM), file=sys.stderr)
        return interrupts.exit_status(signal.SIGTERM)
    finally:
        interrupts.restore(before)   # main() may be called in a longer-lived process (the tests)
