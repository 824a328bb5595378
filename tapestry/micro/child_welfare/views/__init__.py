"""Child-welfare pages: parse the form, call one service or selector, render (one module per section)."""
