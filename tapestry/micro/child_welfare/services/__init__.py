"""Every write to child-welfare records: reports, screening, investigations, safety, placements, court."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import Assignment, AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import case_open
from tapestry.micro.child_welfare import practice_rules
from tapestry.micro.child_welfare.models import (
    Allegation,
    Hearing,
    Investigation,
    InvestigationContact,
    Placement,
    Report,
    ReportParticipant,
    SafetyAssessment,
    SafetyPlan,
    SafetyPlanAction,
)
from tapestry.micro.child_welfare.services.checks import (
    NOT_GRANTED,
    _create,
    _not_in_future,
    _require_case,
    _require_changeable,
    _require_person,
    _require_segment,
)
from tapestry.micro.child_welfare.services.permanency import (
    permanency_goal_set,
    termination_review_record,
)
from tapestry.people.models import Organisation, Person

# Re-exported, so callers keep writing `services.<name>` for every child-welfare write.
__all__ = [
    "NOT_GRANTED",
    "permanency_goal_set",
    "termination_review_record",
]

FINDINGS = {
    Allegation.Finding.SUBSTANTIATED,
    Allegation.Finding.UNSUBSTANTIATED,
    Allegation.Finding.INCONCLUSIVE,
}


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


@dataclass(frozen=True)
class PlanActionInput:
    action: str
    responsible_person: Person | None = None
    responsible_name: str = ""
    when: str = ""


# Reports and screening ------------------------------------------------------------------------


def _allegation(report: Report, given: AllegationInput) -> Allegation:
    return Allegation(
        report=report,
        child=given.child,
        maltreatment=given.maltreatment,
        alleged_perpetrator=given.alleged_perpetrator,
        description=given.description,
    )


def _check_allegation(actor: User, allegation: Allegation, prefix: str = "") -> None:
    try:
        _require_person(actor, allegation.child, "child")
        _require_person(actor, allegation.alleged_perpetrator, "alleged_perpetrator")
        allegation.full_clean(exclude=["report"])
    except ValidationError as error:
        if not prefix:
            raise
        raise ValidationError(
            {f"{prefix}{name}": items for name, items in error.error_dict.items()}
        ) from None


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
            {"allegations": ["Record at least one allegation: which child, and what is alleged."]}
        )
    drafted = [_allegation(report, given) for given in allegations]
    for index, allegation in enumerate(drafted):
        _check_allegation(actor, allegation, prefix=f"allegations.{index}.")
    roles: dict[int, ParticipantInput] = {}
    for index, given in enumerate(participants):
        _require_person(actor, given.person, f"participants.{index}.person")
        if given.role not in ReportParticipant.Role.values:
            raise ValidationError({f"participants.{index}.role": ["Choose a role from the list."]})
        if given.person.pk in roles:
            raise ValidationError({f"participants.{index}.person": ["This person is listed twice."]})
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
    reporter_type = dict(Report.ReporterType.choices).get(str(report.get("reporter_type")), "reporter")
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
            {"screening": ["Choose screened in, screened out (with a reason) or referred elsewhere."]}
        )
    if report.screening != Report.Screening.AWAITING:
        raise ValidationError(
            {"screening": [f"This report was already screened: {report.get_screening_display().lower()}."]}
        )
    return versioned_update(
        actor=actor,
        instance=report,
        version=version,
        changes={
            "screening": decision,
            "screening_reason": reason.strip(),
            "referred_to": referred_to if decision == Report.Screening.REFERRED else None,
            "response_priority": response_priority or report.response_priority,
            "screened_by": actor,
            "screened_at": timezone.now(),
        },
        editable=[
            "screening",
            "screening_reason",
            "referred_to",
            "response_priority",
            "screened_by",
            "screened_at",
        ],
    )


def _require_open_report(report: Report) -> None:
    if report.screening in (Report.Screening.SCREENED_OUT, Report.Screening.REFERRED):
        raise ValidationError(
            f"This report was {report.get_screening_display().lower()}; it takes no more allegations."
        )
    investigation = Investigation.objects.filter(report=report).first()
    if investigation is not None and not investigation.is_open:
        raise ValidationError("The investigation of this report is closed.")


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
        raise ValidationError({"person": [f"{person} is already named on this report."]})
    participant = ReportParticipant(report=report, person=person, role=role, note=note)
    participant.full_clean(exclude=["report"])
    with transaction.atomic():
        _create(actor, participant, person_id=report.case.person_id, fields=["person", "role", "note"])
    return participant


# Investigation ----------------------------------------------------------------------------------


def _check_investigator(worker: User) -> None:
    if not worker.is_active or not policy.has_capability(worker, Capability.PERSON_WRITE):
        raise ValidationError({"worker": ["This person's role does not investigate reports."]})
    # An investigator who could not open the record would work blind.
    if not policy.can_view_segment(worker, Segment.CHILD_WELFARE):
        raise ValidationError(
            {
                "worker": [
                    f"{worker.get_full_name() or worker.username} is not granted the child-welfare segment, "
                    "so they could not open this investigation."
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
            "Only a screened-in report is investigated. Record the screening decision first."
        )
    if Investigation.objects.filter(report=report).exists():
        raise ValidationError("This report already has an investigation.")
    _check_investigator(worker)
    started_on = started_on or timezone.localdate()
    _not_in_future(started_on, "started_on", "The start date")
    if started_on < timezone.localtime(report.received_at).date():
        raise ValidationError(
            {"started_on": ["An investigation cannot start before the report was received."]}
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
        raise ValidationError(f"This investigation closed on {closed_on:%Y-%m-%d}.")


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
            {"contacted_at": [f"This investigation started on {investigation.started_on:%Y-%m-%d}."]}
        )
    with transaction.atomic():
        _create(
            actor,
            contact,
            person_id=investigation.report.case.person_id,
            fields=["contacted_at", "person", "collateral_name", "method", "summary"],
        )
    return contact


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
        raise ValidationError("Findings are recorded in an investigation; start one first.")
    _require_open_investigation(investigation)
    if finding not in FINDINGS:
        raise ValidationError({"finding": ["Choose substantiated, unsubstantiated or inconclusive."]})
    found_on = found_on or timezone.localdate()
    _not_in_future(found_on, "found_on", "The date of the finding")
    if found_on < investigation.started_on:
        raise ValidationError({"found_on": ["A finding cannot come before the investigation started."]})
    return versioned_update(
        actor=actor,
        instance=allegation,
        version=version,
        changes={"finding": finding, "finding_note": note.strip(), "found_on": found_on, "found_by": actor},
        editable=["finding", "finding_note", "found_on", "found_by"],
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
            f"Record a finding for every allegation before closing: {pending} still "
            f"{'has' if pending == 1 else 'have'} none."
        )
    closed_on = closed_on or timezone.localdate()
    _not_in_future(closed_on, "closed_on", "The closing date")
    return versioned_update(
        actor=actor,
        instance=investigation,
        version=version,
        changes={"closed_on": closed_on, "conclusion": conclusion.strip()},
        editable=["closed_on", "conclusion"],
    )


# Safety ----------------------------------------------------------------------------------------


def safety_assess(
    *,
    actor: User,
    case: Case,
    decision: str,
    protective_capacities: str,
    threats: Sequence[str] = (),
    threats_note: str = "",
    assessed_on: dt.date | None = None,
    report: Report | None = None,
) -> SafetyAssessment:
    """Record a safety assessment of the children on a case."""
    _require_case(actor, case)
    if report is not None and report.case_id != case.pk:
        raise ValidationError({"report": ["Choose a report on this case."]})
    assessment = SafetyAssessment(
        case=case,
        report=report,
        assessed_on=assessed_on or timezone.localdate(),
        assessed_by=actor,
        threats=list(dict.fromkeys(threats)),
        threats_note=threats_note,
        protective_capacities=protective_capacities,
        decision=decision,
        created_by=actor,
    )
    assessment.full_clean(exclude=["case", "report"])
    with transaction.atomic():
        _create(
            actor,
            assessment,
            person_id=case.person_id,
            fields=["threats", "protective_capacities", "decision", "assessed_on"],
        )
    return assessment


def _check_action(actor: User, action: SafetyPlanAction, prefix: str = "") -> None:
    try:
        _require_person(actor, action.responsible_person, "responsible_person")
        action.full_clean(exclude=["plan"])
    except ValidationError as error:
        if not prefix:
            raise
        raise ValidationError(
            {f"{prefix}{name}": items for name, items in error.error_dict.items()}
        ) from None


def _plan_action(plan: SafetyPlan, given: PlanActionInput) -> SafetyPlanAction:
    return SafetyPlanAction(
        plan=plan,
        action=given.action.strip(),
        responsible_person=given.responsible_person,
        responsible_name=given.responsible_name.strip(),
        when=given.when.strip(),
    )


def safety_plan_create(
    *,
    actor: User,
    assessment: SafetyAssessment,
    monitoring: str,
    review_on: dt.date,
    actions: Sequence[PlanActionInput],
) -> SafetyPlan:
    """Make the safety plan that lets a conditionally safe child stay at home."""
    _require_changeable(actor, assessment)
    if assessment.decision == SafetyAssessment.Decision.SAFE:
        raise ValidationError("This assessment found the child safe, so there is no safety plan to make.")
    if SafetyPlan.objects.filter(assessment=assessment).exists():
        raise ValidationError("This assessment already has a safety plan; change that one instead.")
    if review_on < assessment.assessed_on:
        raise ValidationError({"review_on": ["The review cannot come before the assessment."]})
    if not actions:
        raise ValidationError({"actions": ["A safety plan needs at least one action, with who does it."]})
    plan = SafetyPlan(assessment=assessment, monitoring=monitoring, review_on=review_on, created_by=actor)
    plan.full_clean(exclude=["assessment"])
    drafted = [_plan_action(plan, given) for given in actions]
    for index, action in enumerate(drafted):
        _check_action(actor, action, prefix=f"actions.{index}.")
    with transaction.atomic():
        _create(
            actor, plan, person_id=assessment.case.person_id, fields=["monitoring", "review_on", "actions"]
        )
        for action in drafted:
            action.plan = plan
        SafetyPlanAction.objects.bulk_create(drafted)
    return plan


def safety_plan_update(
    *, actor: User, plan: SafetyPlan, version: int, monitoring: str, review_on: dt.date
) -> SafetyPlan:
    """Change how a safety plan is monitored and when it is reviewed; a stale version is refused."""
    _require_changeable(actor, plan)
    if review_on < plan.assessment.assessed_on:
        raise ValidationError({"review_on": ["The review cannot come before the assessment."]})
    return versioned_update(
        actor=actor,
        instance=plan,
        version=version,
        changes={"monitoring": monitoring, "review_on": review_on},
        editable=["monitoring", "review_on"],
    )


def safety_plan_action_add(*, actor: User, plan: SafetyPlan, action: PlanActionInput) -> SafetyPlanAction:
    """Add an action to a safety plan."""
    _require_changeable(actor, plan)
    drafted = _plan_action(plan, action)
    _check_action(actor, drafted)
    with transaction.atomic():
        _create(
            actor,
            drafted,
            person_id=plan.assessment.case.person_id,
            fields=["action", "responsible", "when"],
        )
    return drafted


# Placements -------------------------------------------------------------------------------------


def _overlap(child: Person, started_on: dt.date, *, ignore: int | None = None) -> Placement | None:
    """An ended placement of the child that runs past this start date (a handover day may be shared)."""
    return (
        Placement.objects.filter(child=child, ended_on__isnull=False, ended_on__gt=started_on)
        .exclude(pk=ignore)
        .order_by("-ended_on")
        .first()
    )


def placement_start(
    *,
    actor: User,
    case: Case,
    child: Person,
    placement_type: str,
    started_on: dt.date,
    reason: str,
    carer_person: Person | None = None,
    carer_organisation: Organisation | None = None,
    end_current: bool = False,
    change_reason: str = "",
    legal_authority: str = "",
    authority_on: dt.date | None = None,
    authority_reference: str = "",
) -> Placement:
    """Place a child. A child has one open placement at a time: the current one must end first, or
    `end_current` ends it on this start date with `change_reason`, in the same step.

    A removal needs a report on the case that was not screened out, an unsafe finding or a stated
    legal authority, and a child under 21 (see practice_rules)."""
    _require_case(actor, case)
    _require_person(actor, child, "child")
    _require_person(actor, carer_person, "carer_person")
    _not_in_future(started_on, "started_on", "A placement's start")
    _not_in_future(authority_on, "authority_on", "The legal authority's date")
    placement = Placement(
        case=case,
        child=child,
        placement_type=placement_type,
        carer_person=carer_person,
        carer_organisation=carer_organisation,
        started_on=started_on,
        reason=reason,
        legal_authority=legal_authority,
        authority_on=authority_on,
        authority_reference=authority_reference.strip(),
        created_by=actor,
    )
    placement.full_clean(exclude=["case"], validate_constraints=False)
    is_move = end_current and Placement.objects.filter(case=case, child=child, ended_on__isnull=True).exists()
    refused = practice_rules.placement_basis_errors(
        case=case, child=child, started_on=started_on, legal_authority=legal_authority, is_move=is_move
    )
    if refused:
        raise ValidationError(refused)
    with transaction.atomic():
        current = Placement.objects.select_for_update().filter(child=child, ended_on__isnull=True).first()
        if current is not None:
            _end_for_change(actor, current, placement, end_current=end_current, change_reason=change_reason)
        earlier = _overlap(child, started_on)
        if earlier is not None:
            raise ValidationError(
                {
                    "started_on": [
                        f"{child} was in another placement until {earlier.ended_on:%Y-%m-%d}; "
                        "a new placement starts on or after that day."
                    ]
                }
            )
        try:
            # A savepoint, so a placement opened by someone else at this instant fails cleanly.
            with transaction.atomic():
                _create(
                    actor,
                    placement,
                    person_id=case.person_id,
                    fields=["child", "placement_type", "carer", "started_on", "reason"],
                )
        except IntegrityError:
            raise ValidationError(
                {"child": [f"{child} already has an open placement. Reload the case to see it."]}
            ) from None
    return placement


def _end_for_change(
    actor: User, current: Placement, new: Placement, *, end_current: bool, change_reason: str
) -> None:
    visible = policy.visible(actor, Placement.objects.filter(pk=current.pk), for_change=True).exists()
    where = (
        f"{current.get_placement_type_display().lower()} since {current.started_on:%Y-%m-%d}"
        if visible
        else "on a case you cannot open"
    )
    if not end_current:
        raise ValidationError(
            {
                "child": [
                    f"{new.child} already has an open placement ({where}). A child has one placement at "
                    "a time: end that one first, or tick 'End the current placement' and give the reason."
                ]
            }
        )
    if not visible:
        raise ValidationError(
            {"child": [f"{new.child} has an open placement {where}; ask its worker to end it."]}
        )
    if not change_reason.strip():
        raise ValidationError({"change_reason": ["Say why the current placement ends."]})
    if new.started_on < current.started_on:
        raise ValidationError(
            {
                "started_on": [
                    f"The current placement started on {current.started_on:%Y-%m-%d}; start after it."
                ]
            }
        )
    versioned_update(
        actor=actor,
        instance=current,
        version=current.version,
        changes={"ended_on": new.started_on, "end_reason": change_reason.strip()},
        editable=["ended_on", "end_reason"],
    )


def placement_end(
    *, actor: User, placement: Placement, version: int, ended_on: dt.date, end_reason: str
) -> Placement:
    """End a placement (the child goes home, moves on, or is adopted); a stale version is refused."""
    _require_changeable(actor, placement)
    if not placement.is_open:
        raise ValidationError(
            {"ended_on": [f"This placement already ended on {placement.ended_on:%Y-%m-%d}."]}
        )
    _not_in_future(ended_on, "ended_on", "A placement's end")
    return versioned_update(
        actor=actor,
        instance=placement,
        version=version,
        changes={"ended_on": ended_on, "end_reason": end_reason.strip()},
        editable=["ended_on", "end_reason"],
    )


# Court hearings ----------------------------------------------------------------------------------


def hearing_schedule(
    *,
    actor: User,
    case: Case,
    court: Organisation,
    hearing_type: str,
    scheduled_at: dt.datetime,
    child: Person | None = None,
) -> Hearing:
    """Put a court hearing on the case's calendar."""
    _require_case(actor, case)
    _require_person(actor, child, "child")
    hearing = Hearing(
        case=case,
        child=child,
        court=court,
        hearing_type=hearing_type,
        scheduled_at=scheduled_at,
        created_by=actor,
    )
    hearing.full_clean(exclude=["case"])
    with transaction.atomic():
        _create(
            actor,
            hearing,
            person_id=case.person_id,
            fields=["court", "hearing_type", "scheduled_at", "child"],
        )
    return hearing


def hearing_record_outcome(
    *, actor: User, hearing: Hearing, version: int, outcome: str, next_hearing_on: dt.date | None = None
) -> Hearing:
    """Record what the court decided and when it sits next; a stale version is refused."""
    _require_changeable(actor, hearing)
    if not outcome.strip():
        raise ValidationError({"outcome": ["Write what the court decided."]})
    if not hearing.is_past:
        raise ValidationError({"outcome": ["The outcome can be recorded once the hearing has taken place."]})
    return versioned_update(
        actor=actor,
        instance=hearing,
        version=version,
        changes={"outcome": outcome.strip(), "next_hearing_on": next_hearing_on},
        editable=["outcome", "next_hearing_on"],
    )
