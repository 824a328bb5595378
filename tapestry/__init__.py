"""Tapestry: a practice platform for social-work agencies (micro, mezzo, macro)."""
