"""Family support."""
