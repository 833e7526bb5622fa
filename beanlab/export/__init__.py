"""Writing runs out as files: GIF encoding and its size budget (Pillow and numpy, no Qt)."""
