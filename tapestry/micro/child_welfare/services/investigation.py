"""Writes of child-welfare investigations: start, record contacts and findings, close."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from tapestry.access import policy
from tapestry.access.models import Assignment, Segment, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_edit
from tapestry.micro.child_welfare.models import (
    Allegation,
    Investigation,
    InvestigationContact,
    Report,
)
from tapestry.micro.child_welfare.services.checks import (
    _create,
    _not_in_future,
    _require_changeable,
    _require_person,
)
from tapestry.people.models import Person
from tapestry.web.records import create_record

FINDINGS = {
    Allegation.Finding.SUBSTANTIATED,
    Allegation.Finding.UNSUBSTANTIATED,
    Allegation.Finding.INCONCLUSIVE,
}


def _check_investigator(worker: User) -> None:
    if not worker.is_active or not policy.has_capability(worker, Capability.PERSON_WRITE):
        raise ValidationError({"worker": [gettext("This person's role does not investigate reports.")]})
    # An investigator who could not open the record would work blind.
    if not policy.can_view_segment(worker, Segment.CHILD_WELFARE):
        raise ValidationError(
            {
                "worker": [
                    gettext(
                        "%(worker)s is not granted the child-welfare segment, so they could not open this investigation."
                    )
                    % {"worker": worker.get_full_name() or worker.username}
                ]
            }
        )


def investigation_start(
    *, actor: User, report: Report, worker: User, started_on: dt.date | None = None
) -> Investigation:
    """Open the investigation of a screened-in report; the investigator gets the family on their caseload."""
    _require_changeable(actor, report)
    if report.screening != Report.Screening.SCREENED_IN:
        raise ValidationError(
            gettext("Only a screened-in report is investigated. Record the screening decision first.")
        )
    if Investigation.objects.filter(report=report).exists():
        raise ValidationError(gettext("This report already has an investigation."))
    _check_investigator(worker)
    started_on = started_on or timezone.localdate()
    _not_in_future(started_on, "started_on", gettext("The start date"))
    if started_on < timezone.localtime(report.received_at).date():
        raise ValidationError(
            {"started_on": [gettext("An investigation cannot start before the report was received.")]}
        )
    investigation = Investigation(report=report, worker=worker, started_on=started_on)
    person_id = report.case.person_id
    with transaction.atomic():
        _create(actor, investigation, person_id=person_id, fields=["worker", "started_on"])
        assigned = Assignment.objects.filter(staff=worker, person_id=person_id, ended_on__isnull=True)
        if not assigned.exists():
            Assignment.objects.create(staff=worker, person_id=person_id, kind=Assignment.Kind.SECONDARY)
    return investigation


def _require_open_investigation(investigation: Investigation) -> None:
    # Read the stored state: the caller's copy may predate someone else closing it.
    closed_on = Investigation.objects.filter(pk=investigation.pk).values_list("closed_on", flat=True).first()
    if closed_on is not None:
        raise ValidationError(
            gettext("This investigation closed on %(closed_on)s.")
            % {"closed_on": format(closed_on, "%Y-%m-%d")}
        )


def contact_record(
    *,
    actor: User,
    investigation: Investigation,
    method: str,
    summary: str,
    contacted_at: dt.datetime | None = None,
    person: Person | None = None,
    collateral_name: str = "",
) -> InvestigationContact:
    """Record a contact made in an open investigation, with a person on record or a collateral source."""
    _require_changeable(actor, investigation)
    _require_open_investigation(investigation)
    _require_person(actor, person, "person")
    contact = InvestigationContact(
        investigation=investigation,
        contacted_at=contacted_at or timezone.now(),
        person=person,
        collateral_name=collateral_name.strip(),
        method=method,
        summary=summary,
        recorded_by=actor,
    )
    contact.full_clean(exclude=["investigation"])
    if timezone.localtime(contact.contacted_at).date() < investigation.started_on:
        raise ValidationError(
            {
                "contacted_at": [
                    gettext("This investigation started on %(started_on)s.")
                    % {"started_on": format(investigation.started_on, "%Y-%m-%d")}
                ]
            }
        )
    return create_record(
        actor,
        contact,
        clean=False,
        person_id=investigation.report.case.person_id,
        fields=["contacted_at", "person", "collateral_name", "method", "summary"],
    )


def allegation_finding_record(
    *,
    actor: User,
    allegation: Allegation,
    version: int,
    finding: str,
    note: str,
    found_on: dt.date | None = None,
) -> Allegation:
    """Record what the investigation found for one allegation; a stale version is refused."""
    _require_changeable(actor, allegation)
    investigation = Investigation.objects.filter(report_id=allegation.report_id).first()
    if investigation is None:
        raise ValidationError(gettext("Findings are recorded in an investigation; start one first."))
    _require_open_investigation(investigation)
    if finding not in FINDINGS:
        raise ValidationError(
            {"finding": [gettext("Choose substantiated, unsubstantiated or inconclusive.")]}
        )
    found_on = found_on or timezone.localdate()
    _not_in_future(found_on, "found_on", gettext("The date of the finding"))
    if found_on < investigation.started_on:
        raise ValidationError(
            {"found_on": [gettext("A finding cannot come before the investigation started.")]}
        )
    return versioned_edit(
        actor,
        allegation,
        version,
        finding=finding,
        finding_note=note.strip(),
        found_on=found_on,
        found_by=actor,
    )


def investigation_close(
    *,
    actor: User,
    investigation: Investigation,
    version: int,
    conclusion: str,
    closed_on: dt.date | None = None,
) -> Investigation:
    """Close an investigation once every allegation has a finding."""
    _require_changeable(actor, investigation)
    _require_open_investigation(investigation)
    pending = Allegation.objects.filter(report_id=investigation.report_id, finding="").count()
    if pending:
        raise ValidationError(
            ngettext(
                "Record a finding for every allegation before closing: %(pending)s still has none.",
                "Record a finding for every allegation before closing: %(pending)s still have none.",
                pending,
            )
            % {"pending": pending}
        )
    closed_on = closed_on or timezone.localdate()
    _not_in_future(closed_on, "closed_on", gettext("The closing date"))
    return versioned_edit(actor, investigation, version, closed_on=closed_on, conclusion=conclusion.strip())
