"""Cohorts: case management for a set of cases with a common situation, in bulk."""
