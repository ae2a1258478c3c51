"""Pure-Python core: text, offsets, code paths, agreement. No Qt, no SQL."""
