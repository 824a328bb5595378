"""Prevention programs: risk factors, activities with headcounts, before/after measures."""
