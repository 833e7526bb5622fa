"""Exporting from Qt: drawing a run's or a race's frames for :mod:`beanlab.export`, the File menu's
exports (animation, pictures, run data) and ``beanlab export`` without a window."""
