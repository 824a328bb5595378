"""A funder report as a PDF (fpdf2): the same content as its page, figures shown exactly as there
(written with the kit in tapestry/web/pdf.py)."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tapestry.macro.grants.models import FunderReport
from tapestry.web.pdf import Document, plain
from tapestry.web.pdf import heading as _heading
from tapestry.web.pdf import line as _line

SECTION_TITLES = {
    "summary": "Summary",
    "activities": "Activities",
    "challenges": "Challenges",
    "next_period": "Next period",
}


def report_pdf(report: FunderReport, content: dict[str, Any], *, compress: bool = True) -> bytes:
    """The report's PDF. `content` is what the page shows (figures.content)."""
    award = report.award
    application = award.application
    funder = application.opportunity.funder.organisation.name
    pdf = Document(format="A4")
    pdf.set_compression(compress)
    pdf.set_title(plain(report.title))
    pdf.set_author("Tapestry")
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, plain(report.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)
    status = (
        f"Submitted on {report.submitted_on:%d %B %Y}"
        if report.frozen and report.submitted_on
        else f"Draft: figures as computed on {content.get('computed_on', '')}"
    )
    for label, value in (
        ("Funder", funder),
        ("Award", f"{application.title} ({award.reference or 'no grant number'}), {award.amount}"),
        ("Award period", f"{award.starts_on:%d %B %Y} to {award.ends_on:%d %B %Y}"),
        ("Report period", f"{report.period_start:%d %B %Y} to {report.period_end:%d %B %Y}"),
        ("Status", status),
    ):
        _line(pdf, f"{label}: {value}")

    _heading(pdf, "Indicator figures")
    _line(
        pdf,
        f"Counts below {content.get('threshold', '')} are suppressed, with any count that would let "
        "one be worked out; values come from the agency's program measures.",
        "I",
    )
    for figure in content.get("figures", []):
        _figure(pdf, figure)
    if not content.get("figures"):
        _line(pdf, "No indicators chosen.")

    _heading(pdf, "Deliverables")
    deliverables = content.get("deliverables", [])
    if deliverables:
        with pdf.table(col_widths=(100, 30, 50), text_align="LEFT", line_height=5.5) as table:
            table.row(["What", "Due", "Status"])
            for row in deliverables:
                table.row([plain(row["description"]), row["due_on"], plain(row["status"])])
    else:
        _line(pdf, "No deliverables.")

    _heading(pdf, "Narrative")
    for name in FunderReport.SECTIONS:
        text = getattr(report, name).strip()
        _heading(pdf, SECTION_TITLES[name], 11)
        _line(pdf, text or "-")
    return bytes(pdf.output())


def _figure(pdf: FPDF, figure: dict[str, Any]) -> None:
    _heading(pdf, figure["name"], 11)
    _line(pdf, figure["definition"])
    measures = f"Numerator: {figure['numerator']}"
    if figure["denominator"]:
        measures += f"; denominator: {figure['denominator']}"
    _line(
        pdf,
        f"{measures}. {figure['factor']}, per {figure['period_type'].lower()}, {figure['periods']}; "
        f"program: {figure['program']}; {figure['direction'].lower()}"
        + (f"; baseline {figure['baseline']}" if figure["baseline"] else "")
        + ".",
        "I",
    )
    header = ["Period", "Numerator"]
    widths = [22, 24]
    if figure["denominator"]:
        header.append("Denominator")
        widths.append(26)
    header += ["Value", "Target", "Status"]
    widths += [58, 20, 30]
    with pdf.table(col_widths=tuple(widths), text_align="LEFT", line_height=5.5) as table:
        table.row(header)
        for value in figure["values"]:
            cells = [value["period"], value["numerator_shown"]]
            if figure["denominator"]:
                cells.append(value["denominator_shown"])
            cells += [plain(value["shown"]), value["target_shown"] or "-", value["status"]]
            table.row(cells)
