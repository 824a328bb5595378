"""Server-side layout of the ecomap and the genogram as plain shapes that a template writes out as SVG.

No script and no style attributes: every colour, width and dash is an SVG presentation
attribute, so the pictures pass the content-security policy and print as they show.

The drawing primitives are in `shapes`, each diagram in a module of its own.
"""

from tapestry.micro.timeline.diagrams.ecomap import ecomap_drawing, ecomap_kind_label
from tapestry.micro.timeline.diagrams.genogram import generations, genogram_drawing, household_ties

__all__ = ["ecomap_drawing", "ecomap_kind_label", "generations", "genogram_drawing", "household_ties"]
