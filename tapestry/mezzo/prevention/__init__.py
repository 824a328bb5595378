"""Prevention programs."""
