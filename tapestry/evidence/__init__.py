"""Evidence: counts that identify no one, drawn from every level (small-cell suppression first)."""
