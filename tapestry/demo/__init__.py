"""The demo agency: a deterministic, synthetic agency to explore Tapestry with."""
