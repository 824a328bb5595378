"""Group sessions: what happened at each meeting, who came, and the group note."""
