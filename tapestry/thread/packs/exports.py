"""An evidence pack as a PDF (fpdf2) and as CSV: the same figures as its page, shown as there.

Both carry, for every figure, its measures, unit, period, breakdown and the suppression applied;
every export is recorded in the audit log by the view (services.pack_exported).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.utils.translation import gettext, pgettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tapestry.evidence.suppression import threshold
from tapestry.thread.packs.figures import Figure, shown
from tapestry.thread.packs.selectors import Contents
from tapestry.web.pdf import Document, heading, line, plain

CSV_HEADER = (
    "section",
    "figure",
    "measures",
    "unit",
    "breakdown",
    "column",
    "column_kind",
    "row",
    "numerator",
    "denominator",
    "value",
    "shown",
    "suppressed_because",
)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def csv_rows(contents: Contents) -> Iterator[list[str]]:
    """One row per shown or hidden cell of every figure, then one per story."""
    yield list(CSV_HEADER)
    for found in contents.figures:
        for row in found.rows:
            for column, rate in zip(found.columns, row.cells, strict=True):
                yield [
                    "figure",
                    found.title,
                    found.measures,
                    found.unit,
                    found.by,
                    column.label,
                    "year total" if column.is_total else column.kind,
                    row.label,
                    _number(rate.numerator),
                    _number(rate.denominator),
                    _number(rate.value),
                    shown(rate, found.spec.kind),
                    rate.hidden,
                ]
    for story in contents.stories:
        yield ["story", story.title, "", "", "", "", "", "", "", "", "", story.text, ""]


def pack_csv(contents: Contents) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(csv_rows(contents))
    return out.getvalue()


def _chart(pdf: FPDF, found: Figure) -> None:
    """Bars of the "all" row per period (hidden periods drawn as a gap marked "<N"), under the table."""
    cells = found.trend()
    if not cells:
        return
    top = max([cell.value or 0 for cell in cells] + [1])
    left, width, bar_h = pdf.l_margin + 30, pdf.w - pdf.l_margin - pdf.r_margin - 50, 4.2
    pdf.set_font("Helvetica", size=7)
    for cell in cells:
        if pdf.will_page_break(bar_h + 1):
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(28, bar_h, plain(cell.label), align="R")
        length = 0 if cell.value is None else width * cell.value / top
        if length:
            pdf.set_fill_color(31, 95, 139)
            pdf.rect(left, y + 0.4, length, bar_h - 0.8, style="F")
        pdf.set_xy(left + length + 1, y)
        pdf.cell(20, bar_h, plain(str(cell)))
        pdf.set_y(y + bar_h + 0.6)
    pdf.set_font("Helvetica", size=10)


def _table(pdf: FPDF, found: Figure) -> None:
    """The figure's data table, one block of columns per year (its periods, then its total)."""
    years: dict[int, list[int]] = {}
    for index, column in enumerate(found.columns):
        years.setdefault(column.start.year, []).append(index)
    pdf.set_font("Helvetica", size=7)
    for indexes in years.values():
        label_w = 46
        width = (pdf.w - pdf.l_margin - pdf.r_margin - label_w) / len(indexes)
        with pdf.table(
            col_widths=(label_w, *([width] * len(indexes))), text_align="LEFT", line_height=4.2
        ) as table:
            table.row([plain(found.by or gettext("Row")), *[plain(found.columns[i].label) for i in indexes]])
            for row in found.rows:
                table.row([plain(row.label), *[plain(shown(row.cells[i], found.spec.kind)) for i in indexes]])
        pdf.ln(1.5)
    pdf.set_font("Helvetica", size=10)


def pack_pdf(contents: Contents, *, compress: bool = True) -> bytes:
    pack = contents.pack
    pdf = Document(format="A4")
    pdf.set_compression(compress)
    pdf.set_title(plain(pack.title))
    pdf.set_author("Tapestry")
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, plain(pack.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)
    line(pdf, gettext("Campaign: %(campaign)s") % {"campaign": pack.campaign.title})
    if pack.purpose:
        line(pdf, gettext("Purpose: %(purpose)s") % {"purpose": pack.purpose})
    period = (
        f"{pack.first_year}"
        if pack.first_year == pack.last_year
        else gettext("%(first)s to %(last)s") % {"first": pack.first_year, "last": pack.last_year}
    )
    line(
        pdf,
        gettext("Period: %(period)s, by %(columns)s, with each year's total")
        % {"period": period, "columns": str(pack.get_columns_display()).lower()},
    )
    needs = ", ".join(str(need) for need in pack.needs.all()) or pgettext("needs", "none chosen")
    line(pdf, gettext("Needs: %(needs)s") % {"needs": needs})
    line(
        pdf,
        gettext(
            "Every figure counts the agency's practice records through its named measures. Counts from 1 "
            "to %(below)s are shown as <%(threshold)s; a cell marked 'hidden' could otherwise let "
            "one be worked out from a total. No figure names or identifies a client."
        )
        % {"below": threshold() - 1, "threshold": threshold()},
        "I",
    )
    for found in contents.figures:
        heading(pdf, found.title, 11)
        line(
            pdf,
            gettext("Measure: %(measures)s. Unit: %(unit)s. Period: %(period)s.")
            % {"measures": found.measures, "unit": found.unit, "period": found.period},
            "I",
        )
        if found.by:
            line(pdf, gettext("Broken down by: %(by)s.") % {"by": found.by.lower()}, "I")
        line(pdf, gettext("Suppression: %(note)s") % {"note": found.note}, "I")
        _chart(pdf, found)
        pdf.ln(1)
        _table(pdf, found)
    if not contents.figures:
        line(pdf, gettext("No figures: the pack's needs have no measure yet."))
    if contents.stories:
        heading(pdf, gettext("Stories told with consent"))
        line(
            pdf,
            gettext(
                "Each story is told with the client's written consent, in force today, scrubbed of every "
                "identifier and approved by a reviewer outside the case."
            ),
            "I",
        )
        for story in contents.stories:
            heading(pdf, story.title, 11)
            line(pdf, story.text)
    return bytes(pdf.output())
