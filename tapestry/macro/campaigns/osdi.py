"""Exchange a campaign with OSDI systems (Action Network and others): export and import as OSDI JSON.

The Open Supporter Data Interface (OSDI 1.x, opensupporter.org) defines resources, not a file. A
campaign is exchanged as one JSON document shaped like an OSDI collection: HAL `_embedded` lists
of `osdi:advocacy_campaigns` (the campaign with its `target_list`, and its outreaches embedded as
`osdi:outreaches`), `osdi:petitions` (each with `osdi:signatures`) and `osdi:events` (events with
`total_accepted` and their `osdi:attendances`: `status` (accepted, tentative, declined, cancelled,
needs action), `attended`, `comment`, `action_date`), each outreach, signature and attendance
carrying its supporter as an embedded `osdi:person`. Field names are OSDI's: `identifiers`, `title`, `description`, `summary`,
`target_list` (`given_name`, `family_name`, `title`, `organization`), outreach `type`, `duration`
(seconds), `subject`, `message`, `action_date`, petition `petition_text` and `target[].name`,
signature `comments`, person `given_name`, `family_name`, `email_addresses[].address`,
`phone_numbers[].number`, `postal_addresses[].postal_code`.

An import checks the whole document first and reports every problem by its place in the document
(`osdi:petitions[0].osdi:signatures[2].osdi:person.email_addresses[0].address`); when there is
any, nothing is stored. Supporters are matched by email to those already recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability, require_capability
from tapestry.macro.campaigns.models import (
    Activity,
    Attendee,
    Campaign,
    Outreach,
    Petition,
    Signature,
    Supporter,
    Target,
)
from tapestry.web.records import create_record

SYSTEM = "tapestry"
ORIGIN = "Tapestry"
OUTREACH_TYPES = {
    "email": Outreach.Type.EMAIL,
    "postal mail": Outreach.Type.EMAIL,
    "phone": Outreach.Type.PHONE,
    "in-person": Outreach.Type.IN_PERSON,
}
EXPORT_TYPES = {
    Outreach.Type.EMAIL: "email",
    Outreach.Type.PHONE: "phone",
    Outreach.Type.IN_PERSON: "in-person",
}


# Export ---------------------------------------------------------------------------------------


def _id(kind: str, pk: int) -> list[str]:
    return [f"{SYSTEM}:{kind}-{pk}"]


def _stamps(record: Any) -> dict[str, str]:
    return {"created_date": record.created_at.isoformat(), "modified_date": record.updated_at.isoformat()}


def _day(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")


def _person(supporter: Supporter) -> dict[str, Any]:
    person: dict[str, Any] = {
        "identifiers": _id("supporter", supporter.pk),
        "given_name": supporter.given_name,
        "family_name": supporter.family_name,
    }
    if supporter.email:
        person["email_addresses"] = [{"address": supporter.email, "primary": True}]
    if supporter.phone:
        person["phone_numbers"] = [{"number": supporter.phone, "primary": True}]
    if supporter.postal_code:
        person["postal_addresses"] = [{"postal_code": supporter.postal_code, "primary": True}]
    return person


def _target(target: Target) -> dict[str, Any]:
    found = {
        "given_name": target.given_name,
        "family_name": target.family_name,
        "title": target.title,
        "organization": target.organization,
    }
    if target.email:
        found["email_addresses"] = [{"address": target.email}]
    if target.phone:
        found["phone_numbers"] = [{"number": target.phone}]
    return found


def _accepted(event: Activity, answers: list[Attendee]) -> int:
    """OSDI's total_accepted: those who said they would come, or the count at the door if larger."""
    coming = sum(1 for attendee in answers if attendee.status == Attendee.Status.ACCEPTED)
    return max(coming, event.attendance or 0)


def export_campaign(*, actor: User, campaign: Campaign) -> dict[str, Any]:
    """The campaign as an OSDI document; audited as an export, for it names supporters."""
    require_capability(actor, Capability.POLICY_WORK)
    outreaches = campaign.outreaches.select_related("target", "supporter").order_by("made_on", "pk")
    petitions = campaign.petitions.select_related("target").order_by("pk")
    signatures: dict[int, list[Signature]] = {}
    for signature in (
        Signature.objects.filter(petition__campaign=campaign).select_related("supporter").order_by("pk")
    ):
        signatures.setdefault(signature.petition_id, []).append(signature)
    events = campaign.activities.filter(kind=Activity.Kind.EVENT).order_by("held_on", "pk")
    answers: dict[int, list[Attendee]] = {}
    for attendee in (
        Attendee.objects.filter(event__campaign=campaign).select_related("supporter").order_by("pk")
    ):
        answers.setdefault(attendee.event_id, []).append(attendee)
    document = {
        "origin_system": ORIGIN,
        "_embedded": {
            "osdi:advocacy_campaigns": [
                {
                    "identifiers": _id("campaign", campaign.pk),
                    "origin_system": ORIGIN,
                    **_stamps(campaign),
                    "title": campaign.title,
                    "summary": campaign.summary,
                    "description": campaign.goals,
                    "target_list": [_target(target) for target in campaign.targets.order_by("pk")],
                    "total_outreaches": len(outreaches),
                    "_embedded": {
                        "osdi:outreaches": [
                            {
                                "identifiers": _id("outreach", outreach.pk),
                                "action_date": _day(outreach.made_on),
                                "type": EXPORT_TYPES[outreach.type],
                                **(
                                    {"duration": outreach.duration_minutes * 60}
                                    if outreach.duration_minutes
                                    else {}
                                ),
                                "subject": outreach.subject,
                                "message": outreach.message,
                                "targets": [_target(outreach.target)],
                                **(
                                    {"_embedded": {"osdi:person": _person(outreach.supporter)}}
                                    if outreach.supporter
                                    else {}
                                ),
                            }
                            for outreach in outreaches
                        ]
                    },
                }
            ],
            "osdi:petitions": [
                {
                    "identifiers": _id("petition", petition.pk),
                    "origin_system": ORIGIN,
                    **_stamps(petition),
                    "title": petition.title,
                    "petition_text": petition.petition_text,
                    "target": [{"name": str(petition.target)}] if petition.target else [],
                    "total_signatures": len(signatures.get(petition.pk, [])),
                    "_embedded": {
                        "osdi:signatures": [
                            {
                                "identifiers": _id("signature", signature.pk),
                                "action_date": _day(signature.signed_on),
                                "comments": signature.comments,
                                "_embedded": {"osdi:person": _person(signature.supporter)},
                            }
                            for signature in signatures.get(petition.pk, [])
                        ]
                    },
                }
                for petition in petitions
            ],
            "osdi:events": [
                {
                    "identifiers": _id("event", event.pk),
                    "origin_system": ORIGIN,
                    "title": event.title,
                    "description": event.description,
                    "start_date": _day(event.held_on),
                    "total_accepted": _accepted(event, answers.get(event.pk, [])),
                    "_embedded": {
                        "osdi:attendances": [
                            {
                                "identifiers": _id("attendance", attendee.pk),
                                "origin_system": ORIGIN,
                                "action_date": _day(attendee.answered_on),
                                "status": attendee.status,
                                **({} if attendee.attended is None else {"attended": attendee.attended}),
                                **({"comment": attendee.comment} if attendee.comment else {}),
                                "_embedded": {"osdi:person": _person(attendee.supporter)},
                            }
                            for attendee in answers.get(event.pk, [])
                        ]
                    },
                }
                for event in events
            ],
        },
    }
    audit_record(
        actor=actor, action=AuditEntry.Action.EXPORT, obj=campaign, fields=["osdi"], purpose="OSDI export"
    )
    return document


# Import ---------------------------------------------------------------------------------------


@dataclass
class Report:
    """What an import found: every problem by its place in the document."""

    problems: list[str] = field(default_factory=list)

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")


class ImportRefused(Exception):
    def __init__(self, report: Report) -> None:
        super().__init__("; ".join(report.problems))
        self.report = report


def _text(report: Report, where: str, value: Any, *, limit: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        report.problem(where, gettext("must be text."))
        return ""
    value = value.strip()
    if required and not value:
        report.problem(where, gettext("is required."))
    if len(value) > limit:
        report.problem(where, gettext("is longer than %(limit)s characters.") % {"limit": limit})
    return value[:limit]


def _list(report: Report, where: str, value: Any) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        report.problem(where, gettext("must be a list."))
        return []
    return value


def _object(report: Report, where: str, value: Any) -> dict:
    if not isinstance(value, dict):
        report.problem(where, gettext("must be an object."))
        return {}
    return value


def _date(report: Report, where: str, value: Any) -> dt.date:
    if value in (None, ""):
        return timezone.localdate()
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        report.problem(where, gettext("is not a date and time in ISO 8601 form."))
        return timezone.localdate()
    day = parsed.date()
    if day > timezone.localdate():
        report.problem(where, gettext("is in the future."))
    return day


def _first(report: Report, where: str, entries: Any, key: str, limit: int) -> str:
    items = _list(report, where, entries)
    chosen = next(
        (item for item in items if isinstance(item, dict) and item.get("primary")),
        items[0] if items else None,
    )
    if chosen is None:
        return ""
    index = items.index(chosen)
    return _text(
        report, f"{where}[{index}].{key}", _object(report, f"{where}[{index}]", chosen).get(key), limit=limit
    )


def _read_person(report: Report, where: str, raw: Any) -> dict[str, Any]:
    raw = _object(report, where, raw)
    person = {
        "given_name": _text(report, f"{where}.given_name", raw.get("given_name"), limit=100, required=True),
        "family_name": _text(report, f"{where}.family_name", raw.get("family_name"), limit=100),
        "email": _first(
            report, f"{where}.email_addresses", raw.get("email_addresses"), "address", 254
        ).lower(),
        "phone": _first(report, f"{where}.phone_numbers", raw.get("phone_numbers"), "number", 40),
        "postal_code": _first(
            report, f"{where}.postal_addresses", raw.get("postal_addresses"), "postal_code", 20
        ),
    }
    if person["email"]:
        try:
            validate_email(person["email"])
        except ValidationError:
            report.problem(
                f"{where}.email_addresses",
                gettext("%(email)s is not an email address.") % {"email": person["email"]},
            )
    return person


def _read_target(report: Report, where: str, raw: Any) -> dict[str, Any]:
    raw = _object(report, where, raw)
    return {
        "given_name": _text(report, f"{where}.given_name", raw.get("given_name"), limit=100),
        "family_name": _text(
            report, f"{where}.family_name", raw.get("family_name"), limit=100, required=True
        ),
        "title": _text(report, f"{where}.title", raw.get("title"), limit=200),
        "organization": _text(report, f"{where}.organization", raw.get("organization"), limit=200),
    }


def _embedded(report: Report, where: str, raw: dict, name: str) -> list:
    return _list(
        report,
        f"{where}._embedded.{name}",
        _object(report, f"{where}._embedded", raw.get("_embedded", {})).get(name),
    )


@dataclass
class Plan:
    """The records an import will write, read and checked from the document."""

    campaign: dict[str, Any]
    targets: list[dict[str, Any]]
    outreaches: list[dict[str, Any]]
    petitions: list[dict[str, Any]]
    events: list[dict[str, Any]]


def read_document(document: Any) -> Plan:
    """Check the whole document; refuse it with every problem found, or answer what it would store."""
    report = Report()
    root = _object(report, "document", document)
    embedded = _object(report, "_embedded", root.get("_embedded", {}))
    campaigns = _list(report, "osdi:advocacy_campaigns", embedded.get("osdi:advocacy_campaigns"))
    if len(campaigns) != 1:
        report.problem("osdi:advocacy_campaigns", gettext("must hold exactly one advocacy campaign."))
        raise ImportRefused(report)
    where = "osdi:advocacy_campaigns[0]"
    raw = _object(report, where, campaigns[0])
    title = _text(report, f"{where}.title", raw.get("title") or raw.get("name"), limit=200, required=True)
    if title and Campaign.objects.filter(title__iexact=title).exists():
        report.problem(
            f"{where}.title", gettext("a campaign called %(title)s is already recorded.") % {"title": title}
        )
    campaign = {
        "title": title,
        "summary": _text(report, f"{where}.summary", raw.get("summary"), limit=300),
        "goals": _text(report, f"{where}.description", raw.get("description"), limit=4000) or title,
    }
    targets = [
        _read_target(report, f"{where}.target_list[{n}]", item)
        for n, item in enumerate(_list(report, f"{where}.target_list", raw.get("target_list")))
    ]
    outreaches = []
    for n, item in enumerate(_embedded(report, where, raw, "osdi:outreaches")):
        at = f"{where}._embedded.osdi:outreaches[{n}]"
        item = _object(report, at, item)
        kind = item.get("type", "email")
        if kind not in OUTREACH_TYPES:
            report.problem(
                f"{at}.type",
                gettext("%(value)s is not one of %(allowed)s.")
                % {"value": repr(kind), "allowed": ", ".join(OUTREACH_TYPES)},
            )
        named = _list(report, f"{at}.targets", item.get("targets"))
        if len(named) != 1:
            report.problem(
                f"{at}.targets", gettext("name exactly one target (Tapestry logs an outreach per target).")
            )
        target = _read_target(report, f"{at}.targets[0]", named[0]) if named else {}
        if target and target not in targets:
            targets.append(target)
        duration = item.get("duration")
        if duration is not None and (not isinstance(duration, int) or duration < 0):
            report.problem(f"{at}.duration", gettext("must be a whole number of seconds."))
            duration = None
        person = (
            item.get("_embedded", {}).get("osdi:person") if isinstance(item.get("_embedded"), dict) else None
        )
        outreaches.append(
            {
                "type": OUTREACH_TYPES.get(kind, Outreach.Type.EMAIL),
                "made_on": _date(report, f"{at}.action_date", item.get("action_date")),
                "subject": _text(report, f"{at}.subject", item.get("subject"), limit=200),
                "message": _text(report, f"{at}.message", item.get("message"), limit=8000),
                "duration_minutes": round(duration / 60) if duration else None,
                "target": target,
                "person": _read_person(report, f"{at}._embedded.osdi:person", person)
                if person is not None
                else None,
            }
        )
    petitions = []
    for n, item in enumerate(_list(report, "osdi:petitions", embedded.get("osdi:petitions"))):
        at = f"osdi:petitions[{n}]"
        item = _object(report, at, item)
        signatures = []
        for m, signed in enumerate(_embedded(report, at, item, "osdi:signatures")):
            sat = f"{at}._embedded.osdi:signatures[{m}]"
            signed = _object(report, sat, signed)
            person = (
                signed.get("_embedded", {}).get("osdi:person")
                if isinstance(signed.get("_embedded"), dict)
                else None
            )
            if person is None:
                report.problem(
                    f"{sat}._embedded.osdi:person", gettext("a signature needs the person who signed.")
                )
            signatures.append(
                {
                    "signed_on": _date(report, f"{sat}.action_date", signed.get("action_date")),
                    "comments": _text(report, f"{sat}.comments", signed.get("comments"), limit=1000),
                    "person": _read_person(report, f"{sat}._embedded.osdi:person", person or {}),
                }
            )
        petitions.append(
            {
                "title": _text(
                    report, f"{at}.title", item.get("title") or item.get("name"), limit=200, required=True
                ),
                "petition_text": _text(
                    report, f"{at}.petition_text", item.get("petition_text"), limit=8000, required=True
                ),
                "signatures": signatures,
            }
        )
    events = []
    for n, item in enumerate(_list(report, "osdi:events", embedded.get("osdi:events"))):
        at = f"osdi:events[{n}]"
        item = _object(report, at, item)
        accepted = item.get("total_accepted")
        if accepted is not None and (not isinstance(accepted, int) or accepted < 0):
            report.problem(f"{at}.total_accepted", gettext("must be a whole number."))
            accepted = None
        attendances = []
        for m, answered in enumerate(_embedded(report, at, item, "osdi:attendances")):
            aat = f"{at}._embedded.osdi:attendances[{m}]"
            answered = _object(report, aat, answered)
            status = answered.get("status", Attendee.Status.ACCEPTED)
            if status not in Attendee.Status.values:
                report.problem(
                    f"{aat}.status",
                    gettext("%(value)s is not one of %(allowed)s.")
                    % {"value": repr(status), "allowed": ", ".join(Attendee.Status.values)},
                )
            came = answered.get("attended")
            if came is not None and not isinstance(came, bool):
                report.problem(f"{aat}.attended", gettext("must be true or false."))
                came = None
            person = (
                answered.get("_embedded", {}).get("osdi:person")
                if isinstance(answered.get("_embedded"), dict)
                else None
            )
            if person is None:
                report.problem(
                    f"{aat}._embedded.osdi:person", gettext("an attendance needs the person who answered.")
                )
            attendances.append(
                {
                    "status": status,
                    "attended": came,
                    "answered_on": _date(report, f"{aat}.action_date", answered.get("action_date")),
                    "comment": _text(report, f"{aat}.comment", answered.get("comment"), limit=1000),
                    "person": _read_person(report, f"{aat}._embedded.osdi:person", person or {}),
                }
            )
        events.append(
            {
                "attendances": attendances,
                "title": _text(
                    report, f"{at}.title", item.get("title") or item.get("name"), limit=200, required=True
                ),
                "description": _text(report, f"{at}.description", item.get("description"), limit=4000),
                "held_on": _date(report, f"{at}.start_date", item.get("start_date")),
                "attendance": accepted,
            }
        )
    if report.problems:
        raise ImportRefused(report)
    return Plan(campaign, targets, outreaches, petitions, events)


def import_campaign(*, actor: User, document: Any, kind: str) -> Campaign:
    """A new campaign from an OSDI document: everything in it is stored, or (on any problem) nothing."""
    require_capability(actor, Capability.POLICY_WORK)
    if kind not in Campaign.Kind.values:
        raise ValidationError({"kind": [gettext("Choose the kind of campaign.")]})
    plan = read_document(document)
    with transaction.atomic():
        campaign = create_record(
            actor,
            Campaign(kind=kind, status=Campaign.Status.ACTIVE, created_by=actor, **plan.campaign),
            fields=["title", "kind", "summary", "goals"],
            purpose="OSDI import",
        )
        targets = {}
        for values in plan.targets:
            key = tuple(sorted(values.items()))
            targets[key] = Target.objects.create(campaign=campaign, **values)
        supporters: dict[tuple[str, str], Supporter] = {}

        def supporter(person: dict[str, Any]) -> Supporter:
            """The supporter with this email (or, with none, this phone number), recorded once."""
            key = ("email", person["email"]) if person["email"] else ("phone", person["phone"])
            if key[1] and key in supporters:
                return supporters[key]
            found = Supporter.objects.filter(**{key[0]: key[1]}).first() if key[1] else None
            found = found or Supporter.objects.create(created_by=actor, **person)
            if key[1]:
                supporters[key] = found
            return found

        for values in plan.outreaches:
            target = targets[tuple(sorted(values.pop("target").items()))]
            person = values.pop("person")
            Outreach.objects.create(
                campaign=campaign,
                target=target,
                supporter=supporter(person) if person else None,
                created_by=actor,
                **values,
            )
        for values in plan.petitions:
            signed = values.pop("signatures")
            petition = Petition.objects.create(campaign=campaign, created_by=actor, **values)
            seen: set[int] = set()
            for signature in signed:
                who = supporter(signature.pop("person"))
                if who.pk in seen:
                    continue  # one signature a supporter, as everywhere in Tapestry
                seen.add(who.pk)
                Signature.objects.create(petition=petition, supporter=who, **signature)
        for values in plan.events:
            answered = values.pop("attendances")
            event = Activity.objects.create(
                campaign=campaign, kind=Activity.Kind.EVENT, created_by=actor, **values
            )
            seen = set()
            for answer in answered:
                who = supporter(answer.pop("person"))
                if who.pk in seen:
                    continue  # one answer a supporter, as the page allows
                seen.add(who.pk)
                Attendee.objects.create(event=event, supporter=who, **answer)
    return campaign
