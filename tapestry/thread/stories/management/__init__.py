"""Management commands of the stories app."""
