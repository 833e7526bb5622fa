"""The commands that open BeanLab's window: the app itself (on a lesson or a saved session) and
``beanlab screenshot``. Qt is imported only here, and only when a window is wanted."""
from __future__ import annotations

import argparse
import os

from beanlab.cli.options import UsageError, add_language_option, chosen_lesson, lesson, non_negative_int, positive_int, size
from beanlab.cli.training import CONFIG_OPTIONS
from beanlab.core import SessionError, read_session_file


def add_commands(commands) -> None:
    shot = commands.add_parser("screenshot", help="open the window, play the default run (or a lesson), save it as a PNG")
    shot.add_argument("out", metavar="OUT.png", help="the picture to write")
    shot.add_argument("--updates", type=non_negative_int, default=2000,
                      help="updates to play before the picture (default 2000)")
    shot.add_argument("--size", type=size, default=(1600, 1000), metavar="WxH",
                      help="window size in pixels (default 1600x1000)")
    add_language_option(shot, command=True)
    shot.add_argument("--lesson", type=positive_int, metavar="N", default=argparse.SUPPRESS,
                      help="play lesson N (its run and its plots) instead of the default run")
    shot.set_defaults(run=run_screenshot)


def run_screenshot(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".png"):
        raise UsageError(f"the screenshot is a PNG: give a name ending in .png, not {args.out!r}")
    folder = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {args.out}: no folder {folder} that can be written to")
    if args.lesson is not None:
        lesson(args.lesson)   # a wrong number is a usage error before any window opens
    given = [name for name in (*CONFIG_OPTIONS, "data", "columns") if getattr(args, name, None) is not None]
    if given:
        raise UsageError(f"the screenshot plays the default run or --lesson N: --{given[0].replace('_', '-')} "
                         "is not used there")
    from beanlab.app import make_application
    from beanlab.gui.window_screenshot import save_screenshot

    make_application()
    try:
        width, height = save_screenshot(args.out, args.updates, args.size, args.lang, args.lesson)
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    except TimeoutError as exc:
        raise UsageError(str(exc)) from None
    run = "the default run" if args.lesson is None else f"lesson {args.lesson}"
    print(f"Wrote the window ({width}x{height}) after {args.updates:,} updates of {run} to {args.out}.")
    return 0


def run_session(path: str) -> int:
    """``beanlab lesson.beanlab``: the window, going on from a saved session."""
    try:
        session = read_session_file(path)
    except OSError as exc:
        raise UsageError(f"cannot open {path}: {exc.strerror or exc}") from None
    except SessionError as exc:
        raise UsageError(f"cannot open {path}: {exc}") from None
    from beanlab.app import run_app

    return run_app(argparse.Namespace(lesson=None, session=session, session_name=os.path.basename(path)))


def run_app(args: argparse.Namespace) -> int:
    """The window; with run options (``beanlab --lesson 4 --lr 5``, ``beanlab --data beans.csv``) on that
    run, checked as ``beanlab train`` checks them, before any window opens."""
    from beanlab.cli.training import setup_training

    chosen = chosen_lesson(args)   # a wrong number or lesson file is a usage error before any window opens
    if getattr(args, "teach", False) and chosen is None:
        raise UsageError("--teach opens a lesson in teacher mode: give --lesson N or --lesson-file FILE.toml too")
    if args.data is not None or args.columns is not None or any(getattr(args, name) is not None
                                                                for name in CONFIG_OPTIONS):
        setup = setup_training(args)   # UsageError on settings that do not make a run
        args.config = setup.config
        if args.data is not None:
            args.own_beans = (setup.trainer, os.path.basename(args.data))
    args.lesson = chosen   # the window opens the lesson read here, not a second reading of its file
    from beanlab.app import run_app

    return run_app(args)
