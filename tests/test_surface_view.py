"""The OpenGL cost bowl really renders under Xvfb with Mesa's software OpenGL."""
import numpy as np
from gui_helpers import latest


def test_gl_view_renders_a_non_blank_image(qtbot, window):
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    view = window.surface.view
    assert view.width() > 100 and view.height() > 100
    image = view.grabFramebuffer()
    pixels = np.array([[image.pixel(x, y) for x in range(0, image.width(), 4)]
                       for y in range(0, image.height(), 4)])
    not_background = np.mean(pixels != pixels[0, 0])
    assert not_background > 0.05, "the 3-D view is blank"
    assert len(np.unique(pixels)) > 20  # shaded surface, path and markers, not one flat colour
