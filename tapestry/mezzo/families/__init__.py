"""Family support: plans for a household as a whole, linked to resources."""
