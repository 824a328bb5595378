"""The story scrubber: its corpus, the recall check, properties and the commands."""
