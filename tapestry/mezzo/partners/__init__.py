"""Partner organisations."""
