"""The shared web kit: what every app's pages and API are built from (ground floor, imports no level)."""
