"""The kit of the PDFs Tapestry writes with fpdf2 (funder reports, evidence packs, ...).

Written with the PDF core font (Helvetica, Latin-1): characters outside it are written as their
nearest plain form (dashes, quotes) or "?", so a name never breaks the document.
"""

from __future__ import annotations

from django.utils.translation import gettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos

PLAIN = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u2192": "->",
        "\u00a0": " ",
        "\u2212": "-",
    }
)


def plain(text: object) -> str:
    """Text the core font can write."""
    return str(text).translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


class Document(FPDF):
    """An A4 document with its page number at the foot of each page."""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.cell(0, 8, plain(gettext("Page %(number)s") % {"number": self.page_no()}), align="C")


def heading(pdf: FPDF, text: str, size: int = 13) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(0, 7, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)


def line(pdf: FPDF, text: str, style: str = "") -> None:
    pdf.set_font("Helvetica", style, 10)
    pdf.multi_cell(0, 5.5, plain(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)
