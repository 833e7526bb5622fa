"""What an export is asked to do, from the window's dialog or from ``beanlab export``."""
from __future__ import annotations

import os
from dataclasses import dataclass

from beanlab.i18n import tr
from beanlab.core.limits import MAX_FRAMES


@dataclass(frozen=True)
class ExportRequest:
    """Where, which view, how many frames, how fast, how big, within how many MB; and, for a race
    instead of one run, its racers."""

    path: str
    view: str = "all"
    frames: int = 300
    fps: float = 20.0
    size: tuple[int, int] = (640, 480)
    max_mb: float = 5.0
    race: tuple[str, ...] = ()                  # optimizer names: draw their race, not a run
    views_within: tuple[str, ...] | None = None  # for view "all": only these plots (a lesson's)

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.path)[1].lower()

    @property
    def is_picture(self) -> bool:
        return self.suffix == ".png"

    def check(self) -> None:
        """Raise ValueError, in words for the user, if the request cannot be carried out."""
        if self.suffix not in (".gif", ".mp4", ".png"):
            raise ValueError(tr("the file name must end in .gif or .mp4 (animation) or .png (final picture): "
                                "{path}").format(path=self.path))
        if self.frames < 1:
            raise ValueError(tr("an animation needs at least 1 frame"))
        if self.frames > MAX_FRAMES:
            raise ValueError(tr("an animation has at most {most:,} frames, not {frames:,}").format(
                most=MAX_FRAMES, frames=self.frames))
        if not 0.5 <= self.fps <= 50:
            raise ValueError(tr("frames per second must be from 0.5 to 50, not {fps:g}").format(fps=self.fps))
        if not (160 <= self.size[0] <= 4000 and 120 <= self.size[1] <= 4000):
            raise ValueError(tr("{width}x{height} pixels is outside 160x120 … 4000x4000").format(
                width=self.size[0], height=self.size[1]))
        if not self.max_mb > 0:
            raise ValueError(tr("the size budget must be more than 0 MB, not {mb:g}").format(mb=self.max_mb))

    def check_folder(self) -> None:
        """Raise ValueError if the file's folder is missing or cannot be written to."""
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
            raise ValueError(f"cannot write {self.path}: no folder {folder} that can be written to")
