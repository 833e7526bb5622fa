"""``beanlab race``: up to four optimizers on the same beans from the same start, compared in a table."""
from __future__ import annotations

import argparse

from beanlab import core, interrupts
from beanlab.cli.json_line import json_line
from beanlab.cli.options import UsageError, add_training_options, optimizer_list, positive_float
from beanlab.cli.training import STOPPED_BY, race_setup
from beanlab.core import run_race
from beanlab.core.landscape_models import TERRAINS
from beanlab.terminal_progress import ProgressBar


def add_commands(commands) -> None:
    race = commands.add_parser("race", help="train up to four optimizers on the same beans from the same start "
                               "and compare them")
    race.add_argument("--optimizers", type=optimizer_list, required=True, metavar="A,B,…",
                      help=f"up to four of: {', '.join(core.OPTIMIZERS)}")
    add_training_options(race, optimizer=False)
    race.add_argument("--threshold", type=positive_float, help="the loss to reach (default: the least known "
                      "loss plus 1%% of the way down to it)")
    race.add_argument("--json", action="store_true", help="also print the results as one JSON line")
    race.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config, beans, source = race_setup(args)
    bar = ProgressBar(0, "updates", "Racing", quiet=args.json)

    def show_and_ask(done: int, total: int) -> bool:
        bar.total = total
        bar.show(done)
        return stop.first is not None   # Ctrl+C or SIGTERM: the race so far

    with interrupts.deferred() as stop:
        try:
            race = run_race(config, args.optimizers, args.threshold, beans=beans, stop_after=show_and_ask)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        finally:
            bar.close()
    if stop.first is not None:
        print(f"Stopped by {STOPPED_BY[stop.first]}: the race so far.")
    where = f"the {config.landscape} landscape ({TERRAINS[config.landscape].formula})" if config.landscape else \
        f"{source or f'{config.dataset} ({config.n} beans, seed {config.seed})'}, model {config.model}"
    print(f"Race on {where}, learning rate {config.lr:g}, {config.epochs} epochs; "
          f"threshold loss {race.threshold:.6g}.")
    print(f"{'optimizer':<11} {'final loss':>12} {'updates':>9} {'seconds':>8} {'to threshold':>13} {'seconds':>8}")
    for r in race.results:
        reached = "never" if r.updates_to_threshold is None else f"{r.updates_to_threshold:,}"
        when = "" if r.seconds_to_threshold is None else f"{r.seconds_to_threshold:.3f}"
        status = "  DIVERGED" if r.diverged else ""
        print(f"{r.optimizer:<11} {r.final_loss:>12.6g} {r.updates:>9,} {r.seconds:>8.3f} {reached:>13} {when:>8}{status}")
    if args.json:
        stopped_by = {"stopped_by": STOPPED_BY[stop.first]} if stop.first is not None else {}
        print(json_line({"threshold": race.threshold, "results": [r.to_dict() for r in race.results], **stopped_by}))
    if stop.first is not None:
        raise interrupts.exception_for(stop.first)   # its one line, and 130 or 143
    return 0
