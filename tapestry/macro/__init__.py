"""Macro practice: communities and policy. Each workflow is its own app in this package; none reads a micro or mezzo model."""
