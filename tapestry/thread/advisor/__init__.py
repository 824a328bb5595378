"""Advisor: the level advisor: interventions on all three levels for a case's needs, with the local options to act on."""
