"""Whether the 3-D (OpenGL) views can draw on this computer, found out once and logged once.

A virtual machine, a remote desktop, an old driver or an X server without GLX may offer no OpenGL
that pyqtgraph can use. Qt may then still make a context (through EGL, say) that PyOpenGL cannot see,
and every paint of a 3-D view ends in a traceback. So the probe does what a view will do: make a
context current and ask PyOpenGL for it. Where it fails, the plot board builds 2-D stand-ins instead
(see :mod:`beanlab.gui.plots.flat_stand_ins`); a view whose context fails later says so through
:func:`report_failure` and is replaced the same way.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication, QOffscreenSurface, QOpenGLContext

LOG = logging.getLogger("beanlab.opengl")
ENV_VARIABLE = "BEANLAB_NO_3D"   # set by ``beanlab --no-3d``: the stand-ins, whatever the computer offers
NEEDED = (2, 1)                  # pyqtgraph's shaders need OpenGL 2.1


@dataclass(frozen=True)
class GLSupport:
    usable: bool
    details: str            # for the log: what was found, or why it cannot be used
    turned_off: bool = False   # the user asked for no 3-D (--no-3d), rather than the computer lacking it


_found: GLSupport | None = None


def support() -> GLSupport:
    """What this computer offers, probed on the first call (a QGuiApplication must exist)."""
    global _found
    if _found is None:
        _found = _probe()
        LOG.info("3-D views: %s (%s)", "OpenGL" if _found.usable else "2-D stand-ins", _found.details)
    return _found


def usable() -> bool:
    return support().usable


def report_failure(details: str) -> None:
    """A 3-D view could not draw after all: from now on every board builds the stand-ins. Logged once."""
    global _found
    if _found is None or _found.usable:
        _found = GLSupport(False, details)
        LOG.warning("3-D views: an OpenGL view failed (%s); 2-D stand-ins from now on", details)


def forget() -> None:
    """Probe again on the next call (tests that change the environment)."""
    global _found
    _found = None


def current_context_problem() -> str | None:
    """Why PyOpenGL cannot draw now (no current context it can see), or None if it can."""
    try:
        from OpenGL import platform as gl_platform

        if not gl_platform.PLATFORM.GetCurrentContext():
            return "PyOpenGL sees no current OpenGL context (Qt may draw through EGL where PyOpenGL uses GLX)"
    except Exception as exc:   # a broken PyOpenGL install, a missing libGL: any failure means no 3-D
        return f"PyOpenGL failed: {type(exc).__name__}: {exc}"
    return None


def _probe() -> GLSupport:
    if os.environ.get(ENV_VARIABLE, "") not in ("", "0"):
        return GLSupport(False, f"turned off ({ENV_VARIABLE} is set, e.g. by beanlab --no-3d)", turned_off=True)
    platform = QGuiApplication.platformName()
    if platform in ("offscreen", "minimal", "vnc", "linuxfb"):
        return GLSupport(False, f"Qt's {platform} platform has no OpenGL")
    context = QOpenGLContext()
    if not context.create():
        return GLSupport(False, f"Qt could not create an OpenGL context on the {platform} platform")
    version = (context.format().majorVersion(), context.format().minorVersion())
    if context.isOpenGLES():
        return GLSupport(False, f"only OpenGL ES {version[0]}.{version[1]} is offered; pyqtgraph needs desktop "
                                f"OpenGL {NEEDED[0]}.{NEEDED[1]}")
    if version < NEEDED:
        return GLSupport(False, f"OpenGL {version[0]}.{version[1]} is offered; {NEEDED[0]}.{NEEDED[1]} is needed")
    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    if not context.makeCurrent(surface):
        return GLSupport(False, "the OpenGL context could not be made current")
    try:
        problem = current_context_problem()
        if problem is not None:
            return GLSupport(False, problem)
        from OpenGL import GL

        renderer = GL.glGetString(GL.GL_RENDERER) or b"?"
        offered = GL.glGetString(GL.GL_VERSION) or b"?"
        return GLSupport(True, f"OpenGL {offered.decode(errors='replace')} on {renderer.decode(errors='replace')}")
    except Exception as exc:
        return GLSupport(False, f"PyOpenGL failed: {type(exc).__name__}: {exc}")
    finally:
        context.doneCurrent()
        surface.destroy()
