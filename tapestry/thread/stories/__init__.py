"""Stories: client stories for advocacy: proposed under consent, scrubbed of identifiers, reviewed before use."""
