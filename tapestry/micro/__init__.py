"""Micro practice: one client or family. Each workflow is its own app in this package."""
