"""Packs: evidence packs for advocacy: a campaign's figures from practice data, suppressed, with consented stories."""
