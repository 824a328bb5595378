"""Writes of crisis work: record a risk assessment, keep the safety plan, set, complete and escalate follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, Role, User
from tapestry.access.versioning import versioned_update
from tapestry.micro.alerts.models import AlertSource
from tapestry.micro.alerts.services import suicide_risk_raise
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.crisis.models import (
    LEVEL_RANK,
    EmergencyContact,
    Escalation,
    FollowUp,
    RiskAssessment,
    RiskFinding,
    RiskLevel,
    RiskType,
    SafetyPlan,
)
from tapestry.micro.crisis.reasons import risk_reason
from tapestry.web.records import create_record, update_record

# A deferred check runs a minute after the deadline, so the follow-up is already past due when it looks.
ESCALATION_GRACE = timedelta(minutes=1)
# A suicide risk assessed at this level or above raises a client alert.
SUICIDE_ALERT_FROM = RiskLevel.MODERATE


@dataclass(frozen=True)
class FindingInput:
    risk_type: str
    level: str
    factors: str = ""


@dataclass(frozen=True)
class EmergencyContactInput:
    service: str
    contacted_at: datetime
    reference: str = ""
    note: str = ""


REFUSAL = gettext_lazy("This case is outside your caseload, or in a segment you are not granted.")
CLOSED = gettext_lazy("This case is closed; reopen it before adding crisis records.")


def _full_clean(instance: Any, *, prefix: str = "", exclude: Sequence[str] = ()) -> None:
    """Clean a row; a child row's errors are named after where it sits in the request (e.g. risks.2.factors)."""
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        if not prefix or not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {f"{prefix}.{name}": items for name, items in error.error_dict.items()}
        ) from None


# Risk assessments ---------------------------------------------------------------------------


def risk_assessment_record(
    *,
    actor: User,
    case: Case,
    findings: Sequence[FindingInput],
    protective_factors: str = "",
    immediate_actions: str = "",
    emergency_contacts: Sequence[EmergencyContactInput] = (),
    assessed_at: datetime | None = None,
    trigger_assessment_id: int | None = None,
    trigger_note: str = "",
) -> RiskAssessment:
    """Record a rapid risk assessment; every risk type must be given a level, even if it is none."""
    require_case_write(actor, case, refusal=REFUSAL, closed=CLOSED)
    given = [finding.risk_type for finding in findings]
    missing = [str(label) for value, label in RiskType.choices if value not in given]
    repeated = sorted({value for value in given if given.count(value) > 1})
    unknown = sorted(set(given) - set(RiskType.values))
    problems = []
    if missing:
        problems.append(
            gettext("Give a level for every kind of risk; missing: %(missing)s.")
            % {"missing": ", ".join(missing)}
        )
    if repeated:
        problems.append(
            gettext("Give each kind of risk once; repeated: %(repeated)s.")
            % {"repeated": ", ".join(repeated)}
        )
    if unknown:
        problems.append(gettext("Unknown kind of risk: %(unknown)s") % {"unknown": ", ".join(unknown)})
    if problems:
        raise ValidationError({"risks": problems})
    ordered = sorted(findings, key=lambda finding: RiskType.values.index(finding.risk_type))
    levels = [finding.level for finding in ordered]
    highest = max(levels, key=lambda level: LEVEL_RANK.get(level, 0)) if levels else RiskLevel.NONE
    if trigger_assessment_id and not trigger_note:
        trigger_note = f"Prompted by a positive screen (assessment {trigger_assessment_id})."
    assessment = RiskAssessment(
        case=case,
        assessed_by=actor,
        assessed_at=assessed_at or timezone.now(),
        highest_level=highest,
        protective_factors=protective_factors,
        immediate_actions=immediate_actions,
        trigger_assessment_id=trigger_assessment_id,
        trigger_note=trigger_note,
    )
    errors: dict[str, list[str]] = {}
    rows = [RiskFinding(**asdict(finding)) for finding in ordered]
    contacts = [EmergencyContact(**asdict(contact)) for contact in emergency_contacts]
    checks: list[tuple[Any, str, tuple[str, ...]]] = [(assessment, "", ())]
    checks += [(row, f"risks.{given.index(row.risk_type)}", ("assessment",)) for row in rows]
    checks += [(row, f"emergency_contacts.{n}", ("assessment",)) for n, row in enumerate(contacts)]
    for instance, prefix, exclude in checks:
        try:
            _full_clean(instance, prefix=prefix, exclude=exclude)
        except ValidationError as error:
            for name, items in error.message_dict.items():
                errors.setdefault(name, []).extend(items)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        assessment.save()
        for row in rows:
            row.assessment = assessment
        RiskFinding.objects.bulk_create(rows)
        for row in contacts:
            row.assessment = assessment
        EmergencyContact.objects.bulk_create(contacts)
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=assessment,
            person_id=case.person_id,
            fields=["risks", "protective_factors", "immediate_actions", "emergency_contacts"],
        )
        suicide = next((row for row in rows if row.risk_type == RiskType.SUICIDE), None)
        if suicide is not None and LEVEL_RANK[suicide.level] >= LEVEL_RANK[SUICIDE_ALERT_FROM]:
            # Stays until a clinician resolves it; a later assessment at a lower level does not clear it.
            suicide_risk_raise(
                actor=actor,
                case=case,
                reason=risk_reason(assessment.assessed_at, suicide.level, suicide.factors.strip()),
                source=AlertSource.RISK_ASSESSMENT,
                source_id=assessment.pk,
                raised_at=assessment.assessed_at,
            )
    return assessment


# Safety plans -------------------------------------------------------------------------------


def safety_plan_save(
    *, actor: User, case: Case, version: int | None, sections: dict[str, Any]
) -> tuple[SafetyPlan, bool]:
    """Write the case's safety plan: create it the first time, later only from the version read.

    Returns the plan and whether it was created. A stale version (or none, when a plan already
    exists) is refused with StaleEdit, so two workers never overwrite each other's plan.
    """
    require_case_write(actor, case, refusal=REFUSAL, open=False)
    unknown = set(sections) - set(SafetyPlan.SECTIONS)
    if unknown:
        raise ValidationError(
            {name: [gettext("This is not a section of the safety plan.")] for name in unknown}
        )
    with transaction.atomic():
        # Lock the case so two first saves cannot both create a plan.
        Case.objects.select_for_update().filter(pk=case.pk).first()
        current = SafetyPlan.objects.filter(case=case).first()
        if current is None:
            if case.status == Case.Status.CLOSED:
                raise ValidationError(
                    {"__all__": [gettext("This case is closed; reopen it before writing a safety plan.")]}
                )
            plan = SafetyPlan(case=case, created_by=actor, updated_by=actor, **sections)
            plan.full_clean()
            plan.save()
            audit_record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                obj=plan,
                person_id=case.person_id,
                fields=[name for name in SafetyPlan.SECTIONS if getattr(plan, name)],
            )
            return plan, True
        if version is None:
            raise StaleEdit(current.version)
        plan = versioned_update(
            actor=actor,
            instance=current,
            version=version,
            changes={**sections, "updated_by": actor},
            editable=[*SafetyPlan.SECTIONS, "updated_by"],
        )
        return plan, False


# Urgent follow-ups --------------------------------------------------------------------------


def _may_own(user: User, case: Case) -> bool:
    return user.is_active and policy.can_change_person(user, case.person)


def follow_up_set(
    *,
    actor: User,
    case: Case,
    title: str,
    due_at: datetime,
    details: str = "",
    owner: User | None = None,
    risk_assessment: RiskAssessment | None = None,
    set_at: datetime | None = None,
) -> FollowUp:
    """Set an urgent follow-up with a short deadline; the owner must be able to work the case.

    `set_at` is when the follow-up was agreed (now, unless loading history such as the demo).
    """
    require_case_write(actor, case, refusal=REFUSAL, closed=CLOSED)
    owner = owner or actor
    if not _may_own(owner, case):
        raise ValidationError({"owner_id": [gettext("Choose someone who works with this client.")]})
    if risk_assessment is not None and risk_assessment.case_id != case.pk:
        raise ValidationError(
            {"risk_assessment_id": [gettext("That risk assessment belongs to another case.")]}
        )
    follow_up = FollowUp(
        case=case,
        risk_assessment=risk_assessment,
        title=title,
        details=details,
        owner=owner,
        set_by=actor,
        set_at=set_at or timezone.now(),
        due_at=due_at,
    )
    create_record(actor, follow_up, person_id=case.person_id, fields=["title", "details", "owner", "due_at"])
    transaction.on_commit(lambda: _schedule_deadline_check(follow_up.due_at))
    return follow_up


def _schedule_deadline_check(due_at: datetime) -> None:
    """Ask the task worker to look again just after the deadline, where the backend can defer tasks.

    The database backend can (`run_after`); a backend that cannot (the tests' immediate one) relies
    on the periodic `manage.py escalate_overdue_followups` alone, which runs every 15 minutes anyway.
    """
    from tapestry.micro.crisis.tasks import escalate_overdue_followups

    if escalate_overdue_followups.get_backend().supports_defer:
        escalate_overdue_followups.using(run_after=due_at + ESCALATION_GRACE).enqueue()


def follow_up_complete(*, actor: User, follow_up: FollowUp, outcome: str) -> FollowUp:
    """Mark a follow-up done with what happened; anyone who may change the case can close it."""
    require_case_write(actor, follow_up.case, refusal=REFUSAL, open=False)
    if not outcome.strip():
        raise ValidationError({"outcome": [gettext("Say what happened.")]})
    with transaction.atomic():
        current = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        if current.done_at is not None:
            raise ValidationError({"__all__": [gettext("This follow-up is already done.")]})
        current.done_at = timezone.now()
        current.done_by = actor
        current.outcome = outcome.strip()
        return update_record(
            actor,
            current,
            columns=["done_at", "done_by", "outcome"],
            fields=["done_at", "outcome"],
            person_id=follow_up.case.person_id,
        )


def _escalation_recipients(owner: User) -> list[User]:
    """The owner's supervisor; if they have none (or it is inactive), every active supervisor."""
    supervisor = owner.supervisor
    if supervisor is not None and supervisor.is_active:
        return [supervisor]
    # A supervisor who owns the follow-up is not told of their own miss; their peers are.
    return list(User.objects.filter(role=Role.SUPERVISOR, is_active=True).exclude(pk=owner.pk))


def overdue_follow_ups_escalate(*, now: datetime | None = None) -> list[Escalation]:
    """Escalate every follow-up missed by its deadline and not yet escalated (a system action).

    Safe to run as often as wanted and from several workers at once: each follow-up has at most
    one escalation (a unique row), so a second run finds nothing new.
    """
    now = now or timezone.now()
    overdue = (
        FollowUp.objects.filter(done_at__isnull=True, due_at__lt=now, escalation__isnull=True)
        .select_related("owner__supervisor", "case")
        .order_by("due_at", "id")
    )
    made: list[Escalation] = []
    for follow_up in overdue:
        reason = (
            f"Not done by its deadline ({timezone.localtime(follow_up.due_at):%Y-%m-%d %H:%M}); "
            f"owner {follow_up.owner.get_full_name() or follow_up.owner.username}."
        )
        try:
            with transaction.atomic():
                escalation = Escalation.objects.create(follow_up=follow_up, escalated_at=now, reason=reason)
                escalation.recipients.set(_escalation_recipients(follow_up.owner))
                audit_record(
                    actor=None,
                    action=AuditEntry.Action.CREATE,
                    obj=escalation,
                    person_id=follow_up.case.person_id,
                    fields=["follow_up", "recipients"],
                    purpose="overdue urgent follow-up escalated",
                )
        except IntegrityError:
            # Another worker escalated it between our read and our write.
            continue
        made.append(escalation)
    return made
