"""A run's speed in words a teacher can say: "one bean a second", "10 epochs a second", "full speed".

What an update is depends on the run: one bean (per-sample descent), a mini-batch, a whole epoch
(batch descent), a try (lesson 2's search) or a step (a landscape). Speeds of an epoch a second or
more are said in epochs when an epoch holds several updates.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import tr

UNITS = ("bean", "batch", "epoch", "try", "step")


def _count(value: float) -> str:
    """12,000 / 30 / 2.5 / 0.3: whole numbers with separators, else at most two significant digits."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:.2g}"


def _in(unit: str, count: float) -> str:
    if count == 1:
        return {"bean": tr("one bean a second"), "batch": tr("one mini-batch a second"),
                "epoch": tr("one epoch a second"), "try": tr("one try a second"),
                "step": tr("one step a second")}[unit]
    words = {"bean": tr("{count} beans a second"), "batch": tr("{count} mini-batches a second"),
             "epoch": tr("{count} epochs a second"), "try": tr("{count} tries a second"),
             "step": tr("{count} steps a second")}[unit]
    return words.format(count=_count(count))


@dataclass(frozen=True)
class SpeedWords:
    """How to say the speeds of one run."""

    unit: str = "bean"
    updates_per_epoch: int = 1

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit of update {self.unit!r}")

    @classmethod
    def of_trainer(cls, trainer) -> SpeedWords:
        per_epoch = trainer.updates_per_epoch
        beans = trainer.optimizer.beans_per_update(len(trainer.beans))
        if getattr(trainer.model, "is_landscape", False):
            unit = "step"
        elif trainer.optimizer.tries:
            unit = "try"
        elif beans == 1:
            unit = "bean"
        elif per_epoch > 1:
            unit = "batch"
        else:
            unit = "epoch"
        return cls(unit, per_epoch)

    def say(self, updates_per_second: float) -> str:
        """The speed in words (0: as fast as the machine goes)."""
        if updates_per_second == 0:
            return tr("full speed")
        if self.updates_per_epoch > 1 and updates_per_second >= self.updates_per_epoch:
            return _in("epoch", updates_per_second / self.updates_per_epoch)
        return _in(self.unit, updates_per_second)

    def fast_forward_to(self, update: int) -> str:
        """A plan's fast-forward, which ends at ``update``."""
        if self.updates_per_epoch > 1:
            return tr("fast-forward to epoch {epoch:,}").format(epoch=update // self.updates_per_epoch)
        return tr("fast-forward to update {update:,}").format(update=update)

    def exactly(self, updates_per_second: float) -> str:
        """The speed in updates per second, for a tooltip."""
        if updates_per_second == 0:
            return tr("as fast as the machine goes")
        return tr("{count:,.0f} updates/s").format(count=updates_per_second)
