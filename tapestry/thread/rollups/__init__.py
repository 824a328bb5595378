"""Rollups: the needs taxonomy across levels: one page per need or barrier, with its counts (suppressed), trend, groups, programs, referrals, score changes and campaigns."""
