"""Writing runs out as files, without Qt: the request (:mod:`.request`), the frame choice and the
size budget (:mod:`.budget`), the GIF palette and encoding (:mod:`.gif`). The frames themselves are
drawn by the GUI's plot classes (:mod:`beanlab.gui.export`)."""
