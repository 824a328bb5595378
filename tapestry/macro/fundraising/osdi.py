"""Exchange donations with OSDI systems (Action Network and others) as OSDI JSON.

The export is an OSDI collection of the donation resource (opensupporter.org, `donations.md`):
`total_records` and `_embedded` `osdi:donations`, each with `identifiers`, `origin_system`,
`created_date`, `modified_date`, `action_date`, `currency`, `amount`, `voided`, `voided_date`,
`recipients` (`display_name`, `legal_name`, `amount`), `payment` (`method`, `reference_number`),
`referrer_data.source`, and the donor embedded as `osdi:person` (`given_name`, `family_name`,
`email_addresses`, `phone_numbers`, `postal_addresses` with `address_lines`, `locality`, `region`,
`postal_code`), as the record-donation helper inlines it. Two things OSDI has no field for travel as
Tapestry's own: an organisation donor is a person with `custom_fields.donor_kind` "organisation" and
its name as `family_name`; a gift in kind carries its `description`.

An import checks every entry first and reports each problem by its place (`osdi:donations[2].amount`);
when there is any, nothing is stored. Donors are matched by email, else created.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.macro.campaigns.models import Campaign
from tapestry.macro.campaigns.osdi import (
    ORIGIN,
    ImportRefused,
    Report,
    _date,
    _day,
    _first,
    _id,
    _list,
    _object,
    _stamps,
    _text,
)
from tapestry.macro.fundraising.models import Donation, Donor

METHODS = {
    Donation.Method.CARD: "Credit Card",
    Donation.Method.CHEQUE: "Check",
    Donation.Method.CASH: "Cash",
    Donation.Method.BANK_TRANSFER: "Electronic Funds Transfer",
    Donation.Method.ONLINE: "Online",
    Donation.Method.IN_KIND: "In Kind",
}
READ_METHODS = {label.lower(): method for method, label in METHODS.items()}
CAMPAIGN_SOURCE = "campaign:"


# Export ---------------------------------------------------------------------------------------


def _person(donor: Donor) -> dict[str, Any]:
    organisation = donor.kind == Donor.Kind.ORGANISATION
    person: dict[str, Any] = {
        "identifiers": _id("donor", donor.pk),
        "given_name": "" if organisation else donor.given_name,
        "family_name": donor.organisation_name if organisation else donor.family_name,
    }
    if organisation:
        person["custom_fields"] = {"donor_kind": "organisation"}
    if donor.email:
        person["email_addresses"] = [{"address": donor.email, "primary": True}]
    if donor.phone:
        person["phone_numbers"] = [{"number": donor.phone, "primary": True}]
    if donor.street or donor.city or donor.region or donor.postal_code:
        person["postal_addresses"] = [
            {
                "primary": True,
                "address_lines": [donor.street] if donor.street else [],
                "locality": donor.city,
                "region": donor.region,
                "postal_code": donor.postal_code,
                "country": "US",
            }
        ]
    return person


def _donation(donation: Donation) -> dict[str, Any]:
    identifiers = _id("donation", donation.pk)
    if donation.osdi_identifier and donation.osdi_identifier not in identifiers:
        identifiers.append(donation.osdi_identifier)
    entry: dict[str, Any] = {
        "identifiers": identifiers,
        "origin_system": ORIGIN,
        **_stamps(donation),
        "action_date": _day(donation.received_on),
        "currency": donation.currency,
        "amount": float(donation.amount),
        "voided": donation.is_void,
        "voided_date": _day(donation.voided_on) if donation.voided_on else None,
        "recipients": [
            {
                "display_name": settings.TAPESTRY_AGENCY_NAME,
                "legal_name": settings.TAPESTRY_AGENCY_NAME,
                "amount": float(donation.amount),
            }
        ],
        "payment": {"method": METHODS[donation.method], "reference_number": donation.reference},
        "_embedded": {"osdi:person": _person(donation.donor)},
    }
    if donation.in_kind_description:
        entry["description"] = donation.in_kind_description
    if donation.campaign:
        entry["referrer_data"] = {"source": f"{CAMPAIGN_SOURCE}{donation.campaign.title}"}
    return entry


def export_donations(*, actor: User) -> dict[str, Any]:
    """Every donation, void ones marked, as one OSDI collection; audited as an export of donors."""
    require_capability(actor, Capability.GRANT_MANAGE)
    donations = list(Donation.objects.select_related("donor", "campaign").order_by("received_on", "pk"))
    audit_record(
        actor=actor,
        action=AuditEntry.Action.EXPORT,
        object_type="fundraising.donation",
        fields=["osdi", "donor"],
        purpose="OSDI export of donations",
    )
    return {
        "origin_system": ORIGIN,
        "total_records": len(donations),
        "total_pages": 1,
        "page": 1,
        "per_page": len(donations),
        "_embedded": {"osdi:donations": [_donation(donation) for donation in donations]},
    }


# Import ---------------------------------------------------------------------------------------


def _amount(report: Report, where: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        report.problem(
            where, gettext("is required, as a number.") if value is None else gettext("must be a number.")
        )
        return Decimal("0")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        report.problem(where, gettext("%(value)s is not a number.") % {"value": repr(value)})
        return Decimal("0")
    if amount <= 0:
        report.problem(where, gettext("must be more than 0."))
    elif amount != amount.quantize(Decimal("0.01")):
        report.problem(where, gettext("has more than two decimal places."))
    elif amount >= Decimal("1e10"):
        report.problem(where, gettext("is too large."))
    return amount


def _read_donor(report: Report, where: str, raw: Any) -> dict[str, Any]:
    raw = _object(report, where, raw)
    organisation = (
        _object(report, f"{where}.custom_fields", raw.get("custom_fields") or {}).get("donor_kind")
        == "organisation"
    )
    phones = [
        {**item, "number": str(item["number"])}
        if isinstance(item, dict) and isinstance(item.get("number"), int)
        else item
        for item in _list(report, f"{where}.phone_numbers", raw.get("phone_numbers"))
    ]  # OSDI's own example sends a phone number as a number
    family = _text(report, f"{where}.family_name", raw.get("family_name"), limit=200 if organisation else 100)
    donor = {
        "kind": Donor.Kind.ORGANISATION if organisation else Donor.Kind.INDIVIDUAL,
        "given_name": ""
        if organisation
        else _text(report, f"{where}.given_name", raw.get("given_name"), limit=100),
        "family_name": "" if organisation else family,
        "organisation_name": family if organisation else "",
        "email": _first(
            report, f"{where}.email_addresses", raw.get("email_addresses"), "address", 254
        ).lower(),
        "phone": _first(report, f"{where}.phone_numbers", phones, "number", 40),
    }
    if not (donor["given_name"] or family):
        report.problem(f"{where}.family_name", gettext("the donor needs a name."))
    if donor["email"]:
        try:
            validate_email(donor["email"])
        except ValidationError:
            report.problem(
                f"{where}.email_addresses",
                gettext("%(email)s is not an email address.") % {"email": donor["email"]},
            )
    addresses = _list(report, f"{where}.postal_addresses", raw.get("postal_addresses"))
    if addresses:
        chosen = next((a for a in addresses if isinstance(a, dict) and a.get("primary")), addresses[0])
        at = f"{where}.postal_addresses[{addresses.index(chosen)}]"
        chosen = _object(report, at, chosen)
        lines = [
            _text(report, f"{at}.address_lines[{n}]", line, limit=200)
            for n, line in enumerate(_list(report, f"{at}.address_lines", chosen.get("address_lines")))
        ]
        donor.update(
            street=", ".join(line for line in lines if line)[:200],
            city=_text(report, f"{at}.locality", chosen.get("locality"), limit=100),
            region=_text(report, f"{at}.region", chosen.get("region"), limit=50),
            postal_code=_text(report, f"{at}.postal_code", chosen.get("postal_code"), limit=20),
        )
    return donor


def _known(identifiers: list[str]) -> set[str]:
    """Which of these identifiers name a donation already recorded (here, or imported before)."""
    ours = {
        int(i.rsplit("-", 1)[1])
        for i in identifiers
        if i.startswith("tapestry:donation-") and i.rsplit("-", 1)[1].isdigit()
    }
    found = set(
        Donation.objects.filter(osdi_identifier__in=identifiers).values_list("osdi_identifier", flat=True)
    )
    found |= {
        f"tapestry:donation-{pk}" for pk in Donation.objects.filter(pk__in=ours).values_list("pk", flat=True)
    }
    return found


def read_donations(document: Any) -> list[dict[str, Any]]:
    """Check every entry; refuse the document with every problem found, or answer what it would store."""
    report = Report()
    root = _object(report, "document", document)
    embedded = _object(report, "_embedded", root.get("_embedded", {}))
    entries = _list(report, "osdi:donations", embedded.get("osdi:donations"))
    if not entries and not report.problems:
        report.problem("osdi:donations", gettext("holds no donations."))
    campaigns = {c.title.lower(): c for c in Campaign.objects.all()}
    identifiers_seen: dict[str, str] = {}
    wanted = []
    for n, raw in enumerate(entries):
        at = f"osdi:donations[{n}]"
        raw = _object(report, at, raw)
        identifiers = [
            _text(report, f"{at}.identifiers[{m}]", item, limit=200)
            for m, item in enumerate(_list(report, f"{at}.identifiers", raw.get("identifiers")))
        ]
        for identifier in identifiers:
            if identifier in identifiers_seen:
                report.problem(
                    f"{at}.identifiers",
                    gettext("%(identifier)s is also the identifier of %(other)s.")
                    % {"identifier": identifier, "other": identifiers_seen[identifier]},
                )
            identifiers_seen[identifier] = at
        currency = raw.get("currency", "USD")
        if currency != "USD":
            report.problem(
                f"{at}.currency",
                gettext("%(currency)s: Tapestry records donations in USD only.")
                % {"currency": repr(currency)},
            )
        if raw.get("action_date") in (None, ""):
            report.problem(f"{at}.action_date", gettext("is required: the day the donation was made."))
        payment = _object(report, f"{at}.payment", raw.get("payment") or {})
        method_name = _text(report, f"{at}.payment.method", payment.get("method"), limit=40) or "Cash"
        method = READ_METHODS.get(method_name.lower())
        if method is None:
            report.problem(
                f"{at}.payment.method",
                gettext("%(value)s is not one of %(allowed)s.")
                % {"value": repr(method_name), "allowed": ", ".join(METHODS.values())},
            )
        description = _text(report, f"{at}.description", raw.get("description"), limit=4000)
        if method == Donation.Method.IN_KIND and not description:
            report.problem(
                f"{at}.description", gettext("a gift in kind needs a description of what was given.")
            )
        embedded_person = (
            raw.get("_embedded", {}).get("osdi:person") if isinstance(raw.get("_embedded"), dict) else None
        )
        person = embedded_person if embedded_person is not None else raw.get("person")
        if person is None:
            report.problem(f"{at}._embedded.osdi:person", gettext("a donation needs the person who gave it."))
        referrer = _object(report, f"{at}.referrer_data", raw.get("referrer_data") or {})
        source = referrer.get("source") if isinstance(referrer.get("source"), str) else ""
        voided = raw.get("voided", False)
        if not isinstance(voided, bool):
            report.problem(f"{at}.voided", gettext("must be true or false."))
        wanted.append(
            {
                "identifiers": identifiers,
                "where": at,
                "amount": _amount(report, f"{at}.amount", raw.get("amount")),
                "received_on": _date(report, f"{at}.action_date", raw.get("action_date")),
                "method": method or Donation.Method.CASH,
                "in_kind_description": description if method == Donation.Method.IN_KIND else "",
                "reference": _text(
                    report,
                    f"{at}.payment.reference_number",
                    str(payment.get("reference_number") or ""),
                    limit=100,
                ),
                "campaign": campaigns.get(source[len(CAMPAIGN_SOURCE) :].strip().lower())
                if source.startswith(CAMPAIGN_SOURCE)
                else None,
                "voided_on": _date(report, f"{at}.voided_date", raw.get("voided_date"))
                if voided is True
                else None,
                "origin": _text(report, f"{at}.origin_system", raw.get("origin_system"), limit=100)
                or "another system",
                "donor": _read_donor(report, f"{at}._embedded.osdi:person", person or {}),
            }
        )
    known = _known(list(identifiers_seen))
    for identifier in sorted(known):
        report.problem(
            f"{identifiers_seen[identifier]}.identifiers",
            gettext("%(identifier)s is already recorded.") % {"identifier": identifier},
        )
    if report.problems:
        raise ImportRefused(report)
    return wanted


def import_donations(*, actor: User, document: Any) -> dict[str, int]:
    """Store every donation of an OSDI document, or (on any problem) nothing; donors matched by email."""
    require_capability(actor, Capability.GRANT_MANAGE)
    wanted = read_donations(document)
    emails = {entry["donor"]["email"] for entry in wanted if entry["donor"]["email"]}
    donors = {donor.email: donor for donor in Donor.objects.filter(email__in=emails).order_by("-pk")}
    matched, created = len(donors), 0
    today = timezone.localdate()
    with transaction.atomic():
        for entry in wanted:
            person = entry.pop("donor")
            donor = donors.get(person["email"]) if person["email"] else None
            if donor is None:
                donor = Donor.objects.create(created_by=actor, **person)
                created += 1
                if person["email"]:
                    donors[person["email"]] = donor
            identifiers = entry.pop("identifiers")
            entry.pop("where")
            origin, voided_on = entry.pop("origin"), entry.pop("voided_on")
            Donation.objects.create(
                donor=donor,
                created_by=actor,
                osdi_identifier=identifiers[0] if identifiers else "",
                voided_on=min(voided_on, today) if voided_on else None,
                void_reason=f"Voided in {origin}." if voided_on else "",
                **entry,
            )
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            object_type="fundraising.donation",
            fields=["osdi", "donor"],
            purpose=f"OSDI import of {len(wanted)} donations",
        )
    return {"imported": len(wanted), "donors_matched": matched, "donors_created": created}
