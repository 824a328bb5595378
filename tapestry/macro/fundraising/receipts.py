"""Donation receipts as PDF: one per donation, and a donor's summary of a year's giving.

What a receipt says follows IRS Publication 1771 (Charitable Contributions: Substantiation and
Disclosure Requirements): the organisation's name, the amount of cash (or a description, not the
value, of property given in kind), and whether any goods or services were given in return. A gift of
$250 or more needs such a written acknowledgement; every receipt here carries the statement.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext, gettext_lazy
from fpdf import FPDF

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.macro.fundraising.models import Donation, Donor

NO_RETURN = gettext_lazy("We gave no goods or services in return for this gift: it is a gift in full.")
NO_RETURN_YEAR = gettext_lazy(
    "We gave no goods or services in return for these gifts: each is a gift in full."
)
IN_KIND_NOTE = gettext_lazy(
    "The value shown is the donor's stated fair value, for our records; the donor determines the value "
    "of property for their own tax purposes."
)
# Core fonts speak Latin-1 only: a name outside it is written with replacements, never refused.
ENCODING = "latin-1"


def money(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def _safe(text: str) -> str:
    return text.encode(ENCODING, "replace").decode(ENCODING)


def _document(title: str) -> FPDF:
    pdf = FPDF(format="Letter")
    pdf.set_title(title)
    pdf.set_author(settings.TAPESTRY_AGENCY_NAME)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, _safe(settings.TAPESTRY_AGENCY_NAME), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(0, 8, _safe(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    return pdf


def _line(pdf: FPDF, text: str, *, bold: bool = False) -> None:
    pdf.set_font("Helvetica", "B" if bold else "", 11)
    pdf.multi_cell(0, 6, _safe(str(text)), new_x="LMARGIN", new_y="NEXT")


def _donor_block(pdf: FPDF, donor: Donor) -> None:
    _line(pdf, gettext("Donor: %(donor)s") % {"donor": donor}, bold=True)
    for line in donor.address_lines:
        _line(pdf, line)
    pdf.ln(3)


def _bytes(pdf: FPDF, *, compress: bool) -> bytes:
    pdf.set_compression(compress)
    return bytes(pdf.output())


def donation_receipt(*, actor: User, donation: Donation, compress: bool = True) -> bytes:
    """The receipt of one donation; a void one says VOID. The download is audited."""
    require_capability(actor, Capability.GRANT_MANAGE)
    if not donation.receipt_number:
        raise ValueError("The donation has no receipt number yet.")
    pdf = _document(gettext("Receipt %(receipt)s") % {"receipt": donation.receipt_label})
    if donation.is_void:
        pdf.set_text_color(180, 0, 0)
        _line(
            pdf,
            gettext("VOID: this donation was voided on %(date)s (%(reason)s).")
            % {"date": f"{donation.voided_on:%Y-%m-%d}", "reason": donation.void_reason},
            bold=True,
        )
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
    _donor_block(pdf, donation.donor)
    _line(pdf, gettext("Receipt number: %(receipt)s") % {"receipt": donation.receipt_label})
    _line(pdf, gettext("Date received: %(date)s") % {"date": f"{donation.received_on:%Y-%m-%d}"})
    if donation.receipted_on:
        _line(pdf, gettext("Date of this receipt: %(date)s") % {"date": f"{donation.receipted_on:%Y-%m-%d}"})
    if donation.method == Donation.Method.IN_KIND:
        _line(pdf, gettext("Gift in kind: %(what)s") % {"what": donation.in_kind_description})
        _line(
            pdf,
            gettext("Stated fair value: %(amount)s (USD)") % {"amount": money(donation.amount)},
            bold=True,
        )
        _line(pdf, IN_KIND_NOTE)
    else:
        _line(
            pdf,
            gettext("Amount: %(amount)s (USD), by %(method)s")
            % {"amount": money(donation.amount), "method": donation.get_method_display().lower()},
            bold=True,
        )
    if donation.fund == Donation.Fund.RESTRICTED and donation.program:
        _line(pdf, gettext("Restricted by the donor to: %(program)s") % {"program": donation.program.name})
    pdf.ln(3)
    _line(pdf, NO_RETURN)
    pdf.ln(3)
    _line(pdf, gettext("Thank you for your gift."))
    audit_record(
        actor=actor,
        action=AuditEntry.Action.EXPORT,
        obj=donation,
        fields=["receipt", "donor"],
        purpose=f"receipt {donation.receipt_label}",
    )
    return _bytes(pdf, compress=compress)


def annual_summary(
    *, actor: User, donor: Donor, year: int, donations: list[Donation], compress: bool = True
) -> bytes:
    """A donor's live donations of one year, each with its receipt number, and their total; audited."""
    require_capability(actor, Capability.GRANT_MANAGE)
    pdf = _document(gettext("Summary of gifts in %(year)s") % {"year": year})
    _donor_block(pdf, donor)
    pdf.set_font("Helvetica", "B", 10)
    widths = (30, 35, 45, 80)
    for width, heading in zip(
        widths,
        (gettext("Received"), gettext("Receipt"), gettext("Amount (USD)"), gettext("How")),
        strict=True,
    ):
        pdf.cell(width, 7, _safe(heading), border="B")
    pdf.ln()
    pdf.set_font("Helvetica", "", 10)
    for donation in donations:
        how = (
            gettext("In kind: %(what)s") % {"what": donation.in_kind_description}
            if donation.method == Donation.Method.IN_KIND
            else donation.get_method_display()
        )
        cells = (
            f"{donation.received_on:%Y-%m-%d}",
            donation.receipt_label or "-",
            money(donation.amount),
            how,
        )
        for width, text in zip(widths, cells, strict=True):
            pdf.cell(width, 7, _safe(text[:45]))
        pdf.ln()
    total = sum((d.amount for d in donations), Decimal("0"))
    pdf.ln(2)
    _line(
        pdf,
        gettext("Total given in %(year)s: %(amount)s (USD)") % {"year": year, "amount": money(total)},
        bold=True,
    )
    if not donations:
        _line(pdf, gettext("No gifts are recorded in this year."))
    pdf.ln(3)
    _line(pdf, NO_RETURN_YEAR)
    if any(d.method == Donation.Method.IN_KIND for d in donations):
        _line(pdf, IN_KIND_NOTE)
    audit_record(
        actor=actor,
        action=AuditEntry.Action.EXPORT,
        obj=donor,
        fields=["annual summary", "donations"],
        purpose=f"annual summary {year}",
    )
    return _bytes(pdf, compress=compress)
