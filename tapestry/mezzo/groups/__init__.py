"""Groups: support and therapy groups, classes, clubs and programs with members and a schedule."""
