"""Campaigns: policy advocacy, social justice, public awareness and legislative lobbying, with supporters kept apart from clients."""
