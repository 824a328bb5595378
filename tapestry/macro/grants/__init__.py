"""Grants the agency applies for: funders, opportunities, the pipeline, proposals, awards and their deliverables."""
