"""A run's state after some update, frozen: what the trainer hands to the window, exports and races."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Snapshot:
    """An immutable picture of a run after some update; safe to hand to another thread."""

    step: int                      # updates made so far
    epoch: int                     # whole passes over the beans completed
    position: int                  # beans used so far in the current epoch
    params: tuple[float, ...]      # parameters after the last update, in the model's order
    loss: float                    # loss over all beans at ``params``
    gradient: tuple[float, ...] | None  # mean gradient the last update moved by (None before any)
    beans: tuple[int, ...]         # indices of the beans the last update used
    diverged: bool                 # the run stopped because loss or parameters blew up

    @property
    def epoch_shown(self) -> int:
        """The epoch the window, the exports and the race name: the one the last update belongs to
        (1 for updates 1 … n of n per epoch), 0 at the start. The one way epochs are counted on screen."""
        return self.epoch + 1 if self.position else self.epoch

    def param(self, name: str, names: tuple[str, ...]) -> float:
        """The parameter called ``name``, given the model's ``param_names``."""
        return self.params[names.index(name)]
