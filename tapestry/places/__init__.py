"""Places: the areas an agency works in (postcodes, neighbourhoods, counties, school districts), nested, with boundaries."""
