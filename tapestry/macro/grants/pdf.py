"""A funder report as a PDF (fpdf2): the same content as its page, figures shown exactly as there
(written with the kit in tapestry/web/pdf.py)."""

from __future__ import annotations

from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tapestry.macro.grants.models import FunderReport
from tapestry.web.pdf import Document, plain
from tapestry.web.pdf import heading as _heading
from tapestry.web.pdf import line as _line

SECTION_TITLES = {
    "summary": gettext_lazy("Summary"),
    "activities": gettext_lazy("Activities"),
    "challenges": gettext_lazy("Challenges"),
    "next_period": gettext_lazy("Next period"),
}


def _day(day: Any) -> str:
    return date_format(day, "d F Y")


def _span(starts: Any, ends: Any) -> str:
    return gettext("%(starts)s to %(ends)s") % {"starts": _day(starts), "ends": _day(ends)}


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
        gettext("Submitted on %(date)s") % {"date": _day(report.submitted_on)}
        if report.frozen and report.submitted_on
        else gettext("Draft: figures as computed on %(date)s") % {"date": content.get("computed_on", "")}
    )
    for label, value in (
        (gettext("Funder"), funder),
        (
            gettext("Award"),
            f"{application.title} ({award.reference or gettext('no grant number')}), {award.amount}",
        ),
        (gettext("Award period"), _span(award.starts_on, award.ends_on)),
        (gettext("Report period"), _span(report.period_start, report.period_end)),
        (gettext("Status"), status),
    ):
        _line(pdf, gettext("%(label)s: %(value)s") % {"label": label, "value": value})

    _heading(pdf, gettext("Indicator figures"))
    _line(
        pdf,
        gettext(
            "Counts below %(threshold)s are suppressed, with any count that would let "
            "one be worked out; values come from the agency's program measures."
        )
        % {"threshold": content.get("threshold", "")},
        "I",
    )
    for figure in content.get("figures", []):
        _figure(pdf, figure)
    if not content.get("figures"):
        _line(pdf, gettext("No indicators chosen."))

    _heading(pdf, gettext("Deliverables"))
    deliverables = content.get("deliverables", [])
    if deliverables:
        with pdf.table(col_widths=(100, 30, 50), text_align="LEFT", line_height=5.5) as table:
            table.row([gettext("What"), gettext("Due"), gettext("Status")])
            for row in deliverables:
                table.row([plain(row["description"]), row["due_on"], plain(row["status"])])
    else:
        _line(pdf, gettext("No deliverables."))

    _heading(pdf, gettext("Narrative"))
    for name in FunderReport.SECTIONS:
        text = getattr(report, name).strip()
        _heading(pdf, str(SECTION_TITLES[name]), 11)
        _line(pdf, text or "-")
    return bytes(pdf.output())


def _figure(pdf: FPDF, figure: dict[str, Any]) -> None:
    _heading(pdf, figure["name"], 11)
    _line(pdf, figure["definition"])
    measures = gettext("Numerator: %(numerator)s") % {"numerator": figure["numerator"]}
    if figure["denominator"]:
        measures += "; " + gettext("denominator: %(denominator)s") % {"denominator": figure["denominator"]}
    described = gettext("%(factor)s, per %(period)s, %(periods)s; program: %(program)s; %(direction)s") % {
        "factor": figure["factor"],
        "period": figure["period_type"].lower(),
        "periods": figure["periods"],
        "program": figure["program"],
        "direction": figure["direction"].lower(),
    }
    baseline = (
        "; " + gettext("baseline %(baseline)s") % {"baseline": figure["baseline"]}
        if figure["baseline"]
        else ""
    )
    _line(
        pdf,
        f"{measures}. {described}{baseline}.",
        "I",
    )
    header = [gettext("Period"), gettext("Numerator")]
    widths = [22, 24]
    if figure["denominator"]:
        header.append(gettext("Denominator"))
        widths.append(26)
    header += [gettext("Value"), gettext("Target"), gettext("Status")]
    widths += [58, 20, 30]
    with pdf.table(col_widths=tuple(widths), text_align="LEFT", line_height=5.5) as table:
        table.row(header)
        for value in figure["values"]:
            cells = [value["period"], value["numerator_shown"]]
            if figure["denominator"]:
                cells.append(value["denominator_shown"])
            cells += [plain(value["shown"]), value["target_shown"] or "-", value["status"]]
            table.row(cells)
