"""Writes of child-welfare reports: receive (opening a case if need be), screen, add allegations and people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.versioning import versioned_edit
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_open
from tapestry.micro.child_welfare.models import (
    Allegation,
    Investigation,
    Report,
    ReportParticipant,
)
from tapestry.micro.child_welfare.services.checks import (
    _create,
    _errors_under,
    _require_case,
    _require_changeable,
    _require_person,
    _require_segment,
)
from tapestry.people.models import Organisation, Person
from tapestry.web.records import create_record


@dataclass(frozen=True)
class AllegationInput:
    child: Person
    maltreatment: str
    description: str
    alleged_perpetrator: Person | None = None


@dataclass(frozen=True)
class ParticipantInput:
    person: Person
    role: str
    note: str = ""


def _allegation(report: Report, given: AllegationInput) -> Allegation:
    return Allegation(report=report, **vars(given))


def _check_allegation(actor: User, allegation: Allegation, prefix: str = "") -> None:
    with _errors_under(prefix):
        _require_person(actor, allegation.child, "child")
        _require_person(actor, allegation.alleged_perpetrator, "alleged_perpetrator")
        allegation.full_clean(exclude=["report"])


def report_receive(
    *,
    actor: User,
    case: Case,
    received_via: str,
    reporter_type: str,
    concerns: str,
    allegations: Sequence[AllegationInput],
    received_at: dt.datetime | None = None,
    reporter_name: str = "",
    reporter_relationship: str = "",
    reporter_contact: str = "",
    reporter_confidential: bool = False,
    response_priority: str = Report.Priority.HOURS_72,
    participants: Sequence[ParticipantInput] = (),
) -> Report:
    """Record a report of suspected abuse or neglect on a child-welfare case; it awaits screening."""
    _require_case(actor, case)
    report = Report(
        case=case,
        received_at=received_at or timezone.now(),
        received_via=received_via,
        reporter_type=reporter_type,
        reporter_name=reporter_name,
        reporter_relationship=reporter_relationship,
        reporter_contact=reporter_contact,
        reporter_confidential=reporter_confidential,
        concerns=concerns,
        response_priority=response_priority,
        created_by=actor,
    )
    report.full_clean(exclude=["case"])
    if not allegations:
        raise ValidationError(
            {"allegations": [gettext("Record at least one allegation: which child, and what is alleged.")]}
        )
    drafted = [_allegation(report, given) for given in allegations]
    for index, allegation in enumerate(drafted):
        _check_allegation(actor, allegation, prefix=f"allegations.{index}.")
    roles: dict[int, ParticipantInput] = {}
    for index, given in enumerate(participants):
        _require_person(actor, given.person, f"participants.{index}.person")
        if given.role not in ReportParticipant.Role.values:
            raise ValidationError({f"participants.{index}.role": [gettext("Choose a role from the list.")]})
        if given.person.pk in roles:
            raise ValidationError({f"participants.{index}.person": [gettext("This person is listed twice.")]})
        roles[given.person.pk] = given
    # Every child named in an allegation is involved in the report as a child.
    for allegation in drafted:
        roles.setdefault(
            allegation.child.pk, ParticipantInput(person=allegation.child, role=ReportParticipant.Role.CHILD)
        )
    with transaction.atomic():
        report.save()
        for allegation in drafted:
            allegation.report = report
        Allegation.objects.bulk_create(drafted)
        ReportParticipant.objects.bulk_create(
            ReportParticipant(report=report, person=given.person, role=given.role, note=given.note)
            for given in roles.values()
        )
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=report,
            person_id=case.person_id,
            fields=["reporter", "concerns", "response_priority", "allegations", "participants"],
        )
    return report


def report_receive_opening_case(*, actor: User, person: Person, **report: object) -> Report:
    """Open a child-welfare case for the person, then record the report on it, as one step."""
    _require_segment(actor)
    # The case's referral source is a record, kept in English whatever the worker's language.
    with translation.override("en"):
        reporter_type = str(
            dict(Report.ReporterType.choices).get(str(report.get("reporter_type")), "reporter")
        )
    with transaction.atomic():
        case = case_open(
            actor=actor,
            person=person,
            case_type=Case.Type.CHILD_WELFARE,
            presenting_problem=str(report.get("concerns", "")) or "Report of suspected abuse or neglect.",
            referral_source=f"Child-welfare report: {reporter_type.lower()}",
        )
        return report_receive(actor=actor, case=case, **report)


def report_screen(
    *,
    actor: User,
    report: Report,
    version: int,
    decision: str,
    reason: str = "",
    referred_to: Organisation | None = None,
    response_priority: str | None = None,
) -> Report:
    """Decide whether a report is investigated: screened in, screened out (why) or referred (where)."""
    _require_changeable(actor, report)
    decided = {Report.Screening.SCREENED_IN, Report.Screening.SCREENED_OUT, Report.Screening.REFERRED}
    if decision not in decided:
        raise ValidationError(
            {
                "screening": [
                    gettext("Choose screened in, screened out (with a reason) or referred elsewhere.")
                ]
            }
        )
    if report.screening != Report.Screening.AWAITING:
        raise ValidationError(
            {
                "screening": [
                    gettext("This report was already screened: %(screening)s.")
                    % {"screening": report.get_screening_display().lower()}
                ]
            }
        )
    return versioned_edit(
        actor,
        report,
        version,
        screening=decision,
        screening_reason=reason.strip(),
        referred_to=referred_to if decision == Report.Screening.REFERRED else None,
        response_priority=response_priority or report.response_priority,
        screened_by=actor,
        screened_at=timezone.now(),
    )


def _require_open_report(report: Report) -> None:
    if report.screening in (Report.Screening.SCREENED_OUT, Report.Screening.REFERRED):
        raise ValidationError(
            gettext("This report was %(screening)s; it takes no more allegations.")
            % {"screening": report.get_screening_display().lower()}
        )
    investigation = Investigation.objects.filter(report=report).first()
    if investigation is not None and not investigation.is_open:
        raise ValidationError(gettext("The investigation of this report is closed."))


def allegation_add(*, actor: User, report: Report, allegation: AllegationInput) -> Allegation:
    """Add an allegation to a report still awaiting screening or under investigation."""
    _require_changeable(actor, report)
    _require_open_report(report)
    drafted = _allegation(report, allegation)
    _check_allegation(actor, drafted)
    with transaction.atomic():
        _create(
            actor, drafted, person_id=report.case.person_id, fields=["child", "maltreatment", "description"]
        )
        ReportParticipant.objects.get_or_create(
            report=report, person=drafted.child, defaults={"role": ReportParticipant.Role.CHILD}
        )
    return drafted


def participant_add(
    *, actor: User, report: Report, person: Person, role: str, note: str = ""
) -> ReportParticipant:
    """Name a child or adult involved in the report, with their role."""
    _require_changeable(actor, report)
    _require_person(actor, person, "person")
    if ReportParticipant.objects.filter(report=report, person=person).exists():
        raise ValidationError(
            {"person": [gettext("%(person)s is already named on this report.") % {"person": person}]}
        )
    participant = ReportParticipant(report=report, person=person, role=role, note=note)
    return create_record(
        actor,
        participant,
        exclude=["report"],
        person_id=report.case.person_id,
        fields=["person", "role", "note"],
    )
