"""The views of a run: each creates its pyqtgraph items once and afterwards only calls setData."""
