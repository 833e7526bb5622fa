"""How much a file or an option may ask for, in one place: beyond these, BeanLab says the limit
instead of spending the memory or the time (a hostile or mistaken input must never hang it).

Each limit is far above what a lesson needs and far below what hurts a school computer
(answered within a couple of seconds, under 500 MB).
"""
from __future__ import annotations

# -- CSV files of beans ---------------------------------------------------------------------------
MAX_CSV_BYTES = 100 * 2 ** 20      # a file larger than this is refused before it is read
MAX_CSV_COLUMNS = 1_000            # cells in the header (the first line)
MAX_CSV_CELL_CHARS = 10_000        # characters in one cell (csv's own limit would raise _csv.Error)
MAX_CSV_LINE_CHARS = 100_000       # characters in one line
MAX_ABS_VALUE = 1e100              # |value| of a size or toxicity: its square (the loss) must stay finite

# -- sessions (.beanlab files) --------------------------------------------------------------------
MAX_SESSION_BYTES = 200 * 2 ** 20  # a session file larger than this is refused before it is parsed
MAX_SESSION_UPDATES = 10 ** 10     # the recorded run's update count
# Going on after a shuffled run's last update redraws every epoch's bean order before it: about
# 3 µs an epoch plus 10 ns a bean. Bounded to about a second: epochs × (beans + 300) at most this.
MAX_SESSION_SHUFFLE_WORK = 10 ** 8
SHUFFLE_EPOCH_COST_IN_BEANS = 300

# -- a run's settings (options, remembered settings, sessions) -----------------------------------
MAX_BEANS = 1_000_000              # beans made from a course dataset (--n, the data panel)
MAX_EPOCHS = 10_000_000            # as the optimizer panel's epochs box
MAX_BATCH_SIZE = 1_000_000
MAX_SEED = 2 ** 63 - 1             # the data panel offers up to 2**31 - 1

# -- exports --------------------------------------------------------------------------------------
MAX_FRAMES = 3_000                 # an animation's frames (--frames)
