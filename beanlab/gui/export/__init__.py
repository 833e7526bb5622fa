"""Exporting a run: animations (GIF), pictures (PNG) and run data (CSV), from the window and headless."""
