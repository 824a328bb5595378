"""Group sessions."""
