"""The colours and dashes the diagrams are drawn with, as SVG presentation attribute values."""

INK = "#1f2328"
MUTED = "#57606a"
STRAIN = "#a40e26"
PAPER = "#ffffff"
WASH = "#f6f8fa"
STRAIN_DASH = "8 6"
