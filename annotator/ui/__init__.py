"""The Qt window. Everything it changes goes through ``annotator.services``."""
