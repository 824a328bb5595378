"""Writes to cases: opening, changing, holding, closing, and the needs recorded on them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import Assignment, AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_save, versioned_update
from tapestry.extensions import app_modules
from tapestry.micro.cases.models import Case, CaseNeed, CaseNeedChange
from tapestry.needs.models import Barrier, Need
from tapestry.people.models import Household, HouseholdMember, Person
from tapestry.programs.models import Program
from tapestry.web.models import Versioned

# What an edit of a case may change; status moves through hold, reopen and close instead.
CASE_EDITABLE = ("case_type", "presenting_problem", "referral_source", "worker", "program", "household")


def _segment_label(segment: str) -> str:
    return Segment(segment).label if segment else gettext("general")


def _check_segment_of_type(case_type: str, segment: str) -> None:
    """A child-welfare, school or substance-use case always sits in its own segment."""
    if segment and segment not in Case.CASE_SEGMENTS:
        raise ValidationError(
            {"segment": ["A case can be in the substance-use, child-welfare or school segment."]}
        )
    required = Case.SEGMENT_OF_TYPE.get(case_type)
    if required and segment != required:
        label = Case.Type(case_type).label.lower()
        raise ValidationError(
            {
                "segment": [
                    gettext("A %(type)s case belongs to the %(segment)s segment.")
                    % {"type": label, "segment": _segment_label(required)}
                ]
            }
        )


def _check_worker(worker: User, segment: str) -> None:
    if not worker.is_active or not policy.has_capability(worker, Capability.PERSON_READ):
        raise ValidationError({"worker": [gettext("This person's role does not hold a caseload.")]})
    # A worker who could not open the case would hold it blind.
    if segment and not policy.can_view_segment(worker, segment):
        raise ValidationError(
            {
                "worker": [
                    gettext(
                        "%(worker)s is not granted the %(segment)s segment, so they could not see this case."
                    )
                    % {
                        "worker": worker.get_full_name() or worker.username,
                        "segment": _segment_label(segment),
                    }
                ]
            }
        )


def _check_household(household: Household | None, person: Person) -> None:
    if household is None:
        return
    member = HouseholdMember.objects.filter(household=household, person=person, left_on__isnull=True)
    if not member.exists():
        raise ValidationError({"household": [gettext("Choose a household this person lives in.")]})


def _check_program(program: Program | None, *, current: Program | None = None) -> None:
    # A case already in a program that has since closed may stay there.
    if program is not None and not program.is_active and program != current:
        raise ValidationError({"program": [gettext("This program no longer takes new cases.")]})


def _assign_worker(worker: User, person: Person) -> None:
    """The case worker gets the person on their caseload, so the policy lets them in."""
    active = Assignment.objects.filter(staff=worker, person=person, ended_on__isnull=True)
    if not active.exists():
        Assignment.objects.create(staff=worker, person=person, kind=Assignment.Kind.PRIMARY)


def require_case_change(
    actor: User, case: Case, *, refusal: str = gettext_lazy("You may not change this case.")
) -> None:
    """Refuse (with `refusal`) an actor who may not write to this case: the one check every case area uses."""
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not policy.visible(actor, Case.objects.filter(pk=case.pk), for_change=True).exists():
        raise PermissionDenied(refusal)


CASE_WRITE_REFUSAL = gettext_lazy(
    "You may not change this case: it is outside your caseload, in a segment you are not "
    "granted, or open to you only for emergency reading."
)


def require_case_write(
    actor: User,
    case: Case,
    *,
    segment: str = "",
    open: bool = True,
    closed: str = gettext_lazy("This case is closed. Reopen it first to add to it."),
    field: str = "__all__",
    refusal: str = CASE_WRITE_REFUSAL,
    segment_refusal: str = "",
) -> None:
    """The one write check of every case area, in the order a refusal should be told.

    The actor must hold the write capability and may change the case (in reach, not by emergency
    access): else PermissionDenied(`refusal`). A `segment` (psychotherapy notes, substance use...)
    needs its grant (else `segment_refusal`, or a sentence naming the segment). With `open`, a closed case takes no new records: a ValidationError on `field`.
    """
    require_case_change(actor, case, refusal=refusal)
    if segment and not policy.can_view_segment(actor, segment):
        raise PermissionDenied(
            segment_refusal
            or gettext("You are not granted the %(segment)s segment, so you cannot write records in it.")
            % {"segment": _segment_label(segment)}
        )
    if open and case.status == Case.Status.CLOSED:
        raise ValidationError({field: [closed]})


def _require_changeable_open(actor: User, case: Case) -> None:
    require_case_write(
        actor,
        case,
        refusal=gettext("You may not change this case."),
        closed=gettext("This case is closed. Reopen it first to change it."),
        field="status",
    )


def case_open(
    *,
    actor: User,
    person: Person,
    case_type: str,
    presenting_problem: str,
    worker: User | None = None,
    program: Program | None = None,
    household: Household | None = None,
    referral_source: str = "",
    segment: str | None = None,
) -> Case:
    """Open a case for a person the actor may change; the worker gets the person on their caseload."""
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not policy.can_change_person(actor, person):
        raise PermissionDenied(gettext("You may open cases only for people in your caseload or team."))
    worker = worker or actor
    case = Case(
        person=person,
        household=household,
        program=program,
        case_type=case_type,
        segment=Case.SEGMENT_OF_TYPE.get(case_type, "") if segment is None else segment,
        presenting_problem=presenting_problem,
        referral_source=referral_source,
        worker=worker,
    )
    case.full_clean()
    _check_segment_of_type(case.case_type, case.segment)
    if case.segment and not policy.can_view_segment(actor, case.segment):
        raise PermissionDenied(
            gettext("You are not granted this sensitive segment, so you cannot open a case in it.")
        )
    _check_worker(worker, case.segment)
    _check_household(household, person)
    _check_program(program)
    with transaction.atomic():
        case.save()
        _assign_worker(worker, person)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=case,
            person_id=person.pk,
            fields=["case_type", "segment", "presenting_problem", "referral_source", "worker", "program"],
        )
    return case


def case_update(*, actor: User, case: Case, version: int, changes: dict[str, Any]) -> Case:
    """Change a case's facts; a stale version is refused, a new worker gets the person on their caseload."""
    _require_changeable_open(actor, case)
    unknown = set(changes) - set(CASE_EDITABLE)
    if unknown:
        raise ValidationError(
            {name: [gettext("This field cannot be changed here.")] for name in sorted(unknown)}
        )
    if "case_type" in changes and changes["case_type"] != case.case_type:
        new_segment = Case.SEGMENT_OF_TYPE.get(changes["case_type"], "")
        if new_segment != case.segment:
            raise ValidationError(
                {
                    "case_type": [
                        gettext(
                            "That type belongs in another segment. Close this case and open a new one instead."
                        )
                    ]
                }
            )
    if "worker" in changes and changes["worker"] != case.worker:
        _check_worker(changes["worker"], case.segment)
    if "household" in changes:
        _check_household(changes["household"], case.person)
    if "program" in changes:
        _check_program(changes["program"], current=case.program)
    with transaction.atomic():
        updated = versioned_update(
            actor=actor,
            instance=case,
            version=version,
            changes=changes,
            editable=CASE_EDITABLE,
            savepoint=False,
        )
        _assign_worker(updated.worker, updated.person)
    return updated


def case_hold(*, actor: User, case: Case, version: int, reason: str = "") -> Case:
    """Put an open case on hold (the client is away, in hospital, ...), from today."""
    require_case_change(actor, case)
    if case.status != Case.Status.OPEN:
        raise ValidationError({"status": [gettext("Only an open case can be put on hold.")]})
    return versioned_update(
        actor=actor,
        instance=case,
        version=version,
        changes={"status": Case.Status.ON_HOLD, "on_hold_since": timezone.localdate(), "hold_reason": reason},
        editable=["status", "on_hold_since", "hold_reason"],
    )


def case_reopen(*, actor: User, case: Case, version: int) -> Case:
    """Take a case off hold, or reopen a closed one (its closing reason is cleared; the audit log keeps it)."""
    require_case_change(actor, case)
    if case.status == Case.Status.OPEN:
        raise ValidationError({"status": [gettext("This case is already open.")]})
    return versioned_update(
        actor=actor,
        instance=case,
        version=version,
        changes={
            "status": Case.Status.OPEN,
            "on_hold_since": None,
            "hold_reason": "",
            "closed_on": None,
            "closing_reason": "",
            "closing_note": "",
        },
        editable=["status", "on_hold_since", "hold_reason", "closed_on", "closing_reason", "closing_note"],
    )


def case_close(*, actor: User, case: Case, reason: str, note: str = "", version: int) -> Case:
    """Close a case with a reason; a stale version is refused."""
    require_case_change(actor, case)
    if case.status == Case.Status.CLOSED:
        raise ValidationError({"status": [gettext("This case is already closed.")]})
    if not reason:
        raise ValidationError({"closing_reason": [gettext("Say why the case is closed.")]})
    blockers = [
        blocker
        for module in app_modules("closure")
        for blocker in module.case_closure_blockers(actor=actor, case=case)
    ]
    if blockers:
        raise ValidationError({"status": blockers})
    return versioned_update(
        actor=actor,
        instance=case,
        version=version,
        changes={
            "status": Case.Status.CLOSED,
            "closing_reason": reason,
            "closing_note": note,
            "closed_on": timezone.localdate(),
            "on_hold_since": None,
            "hold_reason": "",
        },
        editable=["status", "closing_reason", "closing_note", "closed_on", "on_hold_since", "hold_reason"],
    )


# Needs on a case ----------------------------------------------------------------------------


def _check_barrier(status: str, barrier: Barrier | None) -> None:
    if status == CaseNeed.Status.UNMET and barrier is None:
        raise ValidationError({"barrier": [gettext("Say what stood in the way of an unmet need.")]})
    if status != CaseNeed.Status.UNMET and barrier is not None:
        raise ValidationError({"barrier": ["A barrier is recorded only when the need is unmet."]})


def _need_step_record(actor: User, case_need: CaseNeed, case: Case, action: str, fields: list[str]) -> None:
    """Keep the need's status as it now stands as a step of its history, with the audit entry of the write."""
    CaseNeedChange.objects.create(
        case_need=case_need,
        status=case_need.status,
        barrier=case_need.barrier,
        note=case_need.note,
        changed_by=actor,
    )
    audit_record(actor=actor, action=action, obj=case_need, person_id=case.person_id, fields=fields)


def case_need_add(
    *,
    actor: User,
    case: Case,
    need: Need,
    note: str = "",
    status: str = CaseNeed.Status.IDENTIFIED,
    barrier: Barrier | None = None,
) -> CaseNeed:
    """Record a coded need on a case; its first status is the start of its history."""
    _require_changeable_open(actor, case)
    if not need.is_active:
        raise ValidationError({"need": [gettext("This need is no longer in use; choose another.")]})
    if CaseNeed.objects.filter(case=case, need=need).exists():
        raise ValidationError(
            {"need": [gettext("This need is already on the case; change its status instead.")]}
        )
    _check_barrier(status, barrier)
    case_need = CaseNeed(case=case, need=need, status=status, barrier=barrier, note=note)
    case_need.full_clean(exclude=["case", "need"])
    with transaction.atomic():
        case_need.save()
        _need_step_record(
            actor, case_need, case, AuditEntry.Action.CREATE, ["need", "status", "barrier", "note"]
        )
    return case_need


def case_need_status_change(
    *,
    actor: User,
    case_need: CaseNeed,
    status: str,
    barrier: Barrier | None = None,
    note: str = "",
    version: int | None = None,
) -> CaseNeed:
    """Move a need to a new status (unmet needs name their barrier); each step is kept as history.

    With `version`, a change made from a stale view of the need is refused.
    """
    case = case_need.case
    _require_changeable_open(actor, case)
    if status not in CaseNeed.Status.values:
        raise ValidationError({"status": [gettext("Choose identified, being addressed, met or unmet.")]})
    _check_barrier(status, barrier)
    with transaction.atomic():
        current = CaseNeed.objects.select_for_update().get(pk=case_need.pk)
        if version is not None and current.version != version:
            raise StaleEdit(current.version)
        if current.status == status and current.barrier_id == (barrier.pk if barrier else None):
            raise ValidationError({"status": [gettext("The need already has this status.")]})
        current.status = status
        current.barrier = barrier
        current.note = note
        current.version += 1
        current.save(update_fields=["status", "barrier", "note", "version", "updated_at"])
        _need_step_record(actor, current, case, AuditEntry.Action.UPDATE, ["status", "barrier", "note"])
    return current


def case_plan_save(
    *,
    actor: User,
    model: type[Versioned],
    case: Case,
    version: int,
    changes: dict[str, Any],
    editable: Iterable[str],
) -> Versioned:
    """Write the case's one plan of `model` (a treatment or support plan: one per case, its first
    writer in `created_by`): version 0 creates it, any other version must be the one read.

    The caller has checked that the actor may add to the case.
    """
    return versioned_save(
        actor=actor,
        model=model,
        lookup={"case": case},
        version=version,
        changes=changes,
        editable=editable,
        person_id=case.person_id,
        created_with={"created_by": actor},
        clean_exclude=["case", "created_by"],
    )
