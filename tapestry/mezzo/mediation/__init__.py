"""Mediation: disputes with several parties, sessions, issues and agreements."""
