"""Control panels: each takes the training controller, writes the user's choices to it, and shows
its configuration back (with signals blocked, so showing never echoes into a change)."""
