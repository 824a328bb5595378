"""scrub_story and scrub_recall."""
