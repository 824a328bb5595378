"""Signals: escalation signals: clusters of unmet needs in one area and period, and referrals that go unanswered, found by a documented statistical rule."""
