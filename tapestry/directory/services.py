"""Writes to the resource directory: importing HSDS files, all or nothing per file."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop, ngettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.directory import hsds
from tapestry.directory.models import (
    CostOption,
    Location,
    Organization,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceNeed,
)
from tapestry.needs.models import Need

# The dataset's tables in the order they are stored and reported, each with what a report calls it.
TABLE_LABELS = {
    "organizations": gettext_noop("organizations"),
    "services": gettext_noop("services"),
    "locations": gettext_noop("locations"),
    "service_at_locations": gettext_noop("service locations"),
    "phones": gettext_noop("phone numbers"),
    "schedules": gettext_noop("schedules"),
    "service_areas": gettext_noop("service areas"),
    "cost_options": gettext_noop("cost options"),
    "required_documents": gettext_noop("required documents"),
}
TABLES = tuple(TABLE_LABELS)


@dataclass
class ImportReport:
    """What an import did, or every problem that stopped it (then nothing was stored).

    `unkept` lists what the source held that Tapestry does not keep (a field, a table): a report
    for whoever keeps the directory, not a reason to refuse the file.
    """

    source: str
    problems: list[hsds.Problem] = field(default_factory=list)
    unkept: list[hsds.Problem] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """What the import did, in the active language (the audit log keeps the agency's)."""
        if not self.ok:
            count = len(self.problems)
            return ngettext(
                "%(source)s: nothing was imported; %(n)s problem to fix.",
                "%(source)s: nothing was imported; %(n)s problems to fix.",
                count,
            ) % {"source": self.source, "n": count}
        parts = []
        for table in TABLES:
            new, changed = self.created.get(table, 0), self.updated.get(table, 0)
            if new or changed:
                parts.append(
                    gettext("%(n)s %(what)s (%(new)s new, %(changed)s updated)")
                    % {
                        "n": new + changed,
                        "what": gettext(TABLE_LABELS[table]),
                        "new": new,
                        "changed": changed,
                    }
                )
        unkept = len(self.unkept)
        text = gettext("%(source)s: imported %(what)s.") % {
            "source": self.source,
            "what": "; ".join(parts) if parts else gettext("nothing (the file was empty)"),
        }
        if unkept:
            text += " " + ngettext(
                "%(n)s field or table not kept.", "%(n)s fields or tables not kept.", unkept
            ) % {"n": unkept}
        return text


def _summary_for_the_log(report: ImportReport) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return report.summary()


def directory_import(*, actor: User | None, files: Sequence[tuple[str, bytes]]) -> ImportReport:
    """Check every row of an HSDS upload; store it only if every row is good.

    `actor` is None when an operator imports on the server (`manage.py import_hsds`).
    An import adds and updates rows by their HSDS id; it never deletes.
    """
    if actor is not None:
        policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    dataset = hsds.read_files(files)
    report = ImportReport(source=dataset.source, problems=list(dataset.problems), unkept=list(dataset.unkept))
    if not report.ok:
        return report
    with transaction.atomic():
        _store(dataset, report)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            object_type="directory.import",
            fields=[table for table in TABLES if getattr(dataset, table)],
            purpose=_summary_for_the_log(report)[:255],
        )
    return report


def _store(dataset: hsds.Dataset, report: ImportReport) -> None:
    organizations = _upsert(Organization, dataset.organizations, report, "organizations", {})
    organizations.update(_stored(Organization, _refs(dataset, "organization") - set(organizations)))
    services = _upsert(Service, dataset.services, report, "services", {"organization": organizations})
    locations = _upsert(Location, dataset.locations, report, "locations", {"organization": organizations})
    services.update(_stored(Service, _refs(dataset, "service") - set(services)))
    locations.update(_stored(Location, _refs(dataset, "location") - set(locations)))
    owners = {"service": services, "location": locations, "organization": organizations}
    places = _upsert(ServiceAtLocation, dataset.service_at_locations, report, "service_at_locations", owners)
    places.update(_stored(ServiceAtLocation, _refs(dataset, "service_at_location") - set(places)))
    owners["service_at_location"] = places
    for model, table in (
        (Phone, "phones"),
        (Schedule, "schedules"),
        (ServiceArea, "service_areas"),
        (CostOption, "cost_options"),
        (RequiredDocument, "required_documents"),
    ):
        _upsert(model, getattr(dataset, table), report, table, owners)
    if dataset.service_needs:
        needs = Need.objects.in_bulk(
            {code for codes in dataset.service_needs.values() for code in codes}, field_name="code"
        )
        linked = [services[hsds_id] for hsds_id in dataset.service_needs]
        # The file says which needs each of these services meets: it replaces what was there.
        ServiceNeed.objects.filter(service__in=linked).delete()
        ServiceNeed.objects.bulk_create(
            ServiceNeed(service=services[hsds_id], need=needs[code])
            for hsds_id, codes in dataset.service_needs.items()
            for code in codes
        )


def _refs(dataset: hsds.Dataset, name: str) -> set[uuid.UUID]:
    """Every HSDS id the rows of the dataset use to point at a `name` row."""
    found: set[uuid.UUID] = set()
    for table in TABLES:
        for values in getattr(dataset, table).values():
            if values.get(name) is not None:
                found.add(values[name])
    return found


def _stored(model: type[models.Model], ids: set[uuid.UUID]) -> dict[uuid.UUID, Any]:
    return model.objects.in_bulk(list(ids), field_name="hsds_id") if ids else {}


def _upsert(
    model: type[models.Model],
    rows: dict[uuid.UUID, dict[str, Any]],
    report: ImportReport,
    table: str,
    lookups: dict[str, dict[uuid.UUID, Any]],
) -> dict[uuid.UUID, Any]:
    """Create or update rows by HSDS id in a few bulk queries; returns every row by HSDS id."""
    if not rows:
        return {}
    existing = model.objects.in_bulk(list(rows), field_name="hsds_id")
    now = timezone.now()
    new, changed, names = [], [], set()
    for hsds_id, raw in rows.items():
        values = {
            name: (lookups[name][value] if name in lookups and value is not None else value)
            for name, value in raw.items()
        }
        names.update(values)
        current = existing.get(hsds_id)
        if current is None:
            new.append(model(hsds_id=hsds_id, **values))
        else:
            for name, value in values.items():
                setattr(current, name, value)
            current.updated_at = now  # bulk_update skips auto_now
            changed.append(current)
    model.objects.bulk_create(new)
    if changed:
        model.objects.bulk_update(changed, [*sorted(names), "updated_at"])
    report.created[table] = len(new)
    report.updated[table] = len(changed)
    return model.objects.in_bulk(list(rows), field_name="hsds_id")


@dataclass(frozen=True)
class NewService:
    """One service to add by hand (a program a campaign won, a new local service): what a worker
    needs to find it and refer to it."""

    organisation: str
    name: str
    description: str
    needs: Sequence[Need]
    phone: str = ""
    line1: str = ""
    city: str = ""
    state: str = ""
    postcode: str = ""


def service_add(*, actor: User, new: NewService) -> Service:
    """Add one service to the directory with its organisation (matched by name, else new), its
    location, phone and the needs it meets, in one transaction and one audit entry; each row gets a
    fresh HSDS id, so the directory's HSDS export carries it like an imported one."""
    policy.require_capability(actor, Capability.ORGANISATION_WRITE)
    problems: dict[str, list[str]] = {}
    for name in ("organisation", "name"):
        if not getattr(new, name).strip():
            problems[name] = ["This field is required."]
    if not new.needs:
        problems["needs"] = ["Name at least one need the service meets, so workers find it by need."]
    if not (new.line1.strip() or new.postcode.strip()):
        problems["postcode"] = ["Give where the service is (a street address or a ZIP code)."]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        organisation = Organization.objects.filter(name__iexact=new.organisation.strip()).first()
        if organisation is None:
            organisation = Organization.objects.create(hsds_id=uuid.uuid4(), name=new.organisation.strip())
        service = Service.objects.create(
            hsds_id=uuid.uuid4(),
            organization=organisation,
            name=new.name.strip(),
            description=new.description.strip(),
        )
        location = Location.objects.create(
            hsds_id=uuid.uuid4(),
            organization=organisation,
            name=new.name.strip(),
            address_1=new.line1.strip(),
            city=new.city.strip(),
            state_province=new.state.strip(),
            postal_code=new.postcode.strip().upper(),
            country="US",
        )
        ServiceAtLocation.objects.create(hsds_id=uuid.uuid4(), service=service, location=location)
        if new.phone.strip():
            Phone.objects.create(
                hsds_id=uuid.uuid4(), service=service, number=new.phone.strip(), type="voice"
            )
        ServiceNeed.objects.bulk_create([ServiceNeed(service=service, need=need) for need in new.needs])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=service,
            fields=["organization", "name", "description", "location", "phone", "needs"],
        )
    return service
