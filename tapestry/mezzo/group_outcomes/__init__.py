"""Group outcomes."""
