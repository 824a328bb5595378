"""Group outcomes: pre/post measures of members, the group's average change and goals met."""
