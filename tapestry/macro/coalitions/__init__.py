"""Coalitions: member organisations, shared goals, meetings with decisions and action items."""
