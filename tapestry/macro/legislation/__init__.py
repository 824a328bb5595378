"""Legislation and policy tracking: bills, their actions, the agency's positions, testimony and contacts with legislators."""
