"""`beanlab screenshot`: the window photographs itself (the README's picture is made this way)."""
import io

import numpy as np
from PIL import Image

from beanlab.gui.window_screenshot import save_screenshot


def test_the_window_saves_itself_as_a_png_with_every_plot_drawn(qtbot, tmp_path):
    out = tmp_path / "window.png"
    assert save_screenshot(str(out), 300, (1400, 800)) == (1400, 800)
    picture = np.asarray(Image.open(io.BytesIO(out.read_bytes())).convert("RGB")).astype(int)
    assert picture.shape == (800, 1400, 3)
    # the lower right is the 3-D bowl: OpenGL content must be in the picture, not a blank hole
    corner = picture[500:780, 1100:1380]
    assert corner.std() > 10 and (np.abs(corner - corner[0, 0]).sum(axis=2) > 60).mean() > 0.05
    assert [p.name for p in tmp_path.iterdir()] == ["window.png"]   # no temporary file left behind
