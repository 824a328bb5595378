"""Every write of cohorts: the cohort, its members, and bulk actions applied member by member.

A bulk action never writes on a case itself: it calls the micro service that a worker would use
for one case (goal_add, task_add, note_create, referral_create + referral_send), once per member,
each in its own transaction, so the policy, consent check and audit apply to every member alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.directory.models import Service
from tapestry.mezzo.cohorts.models import Cohort, CohortAction, CohortMember
from tapestry.micro.cases.models import Case, CaseNeed
from tapestry.micro.cases.selectors import cases_changeable
from tapestry.micro.casework import services as casework
from tapestry.micro.casework.models import CarePlan, ProgressNote
from tapestry.micro.referrals import disclosure
from tapestry.micro.referrals import services as referrals
from tapestry.needs.models import Need
from tapestry.programs.models import Program
from tapestry.web.records import create_record

COHORT_FIELDS = ("name", "situation", "description", "program", "lead", "status")

# The reasons a member is skipped, as the report shows them.
NO_CARE_PLAN = gettext_noop("no care plan")
NO_CONSENT = gettext_noop("no consent for referral on file")
CASE_CLOSED = gettext_noop("case is closed")
NOT_YOURS = gettext_noop("you may not change this case")
NOT_A_MEMBER = gettext_noop("no longer a member of this cohort")

NOT_CHANGEABLE = gettext_lazy(
    "You can add only cases you may change: this one is outside your caseload, "
    "or in a segment you are not granted."
)


# Access -------------------------------------------------------------------------------------


def _require_cohort(actor: User, cohort: Cohort) -> None:
    """The actor writes for cohorts and can see this one (its lead, or someone who sees a member)."""
    from tapestry.mezzo.cohorts.selectors import cohorts_visible

    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not cohorts_visible(actor).filter(pk=cohort.pk).exists():
        raise PermissionDenied("You may not change this cohort: none of its members are in your reach.")


def _require_open(cohort: Cohort) -> None:
    if not cohort.is_open:
        raise ValidationError(
            {"__all__": [gettext("This cohort is closed. Reopen it to change its members or act on them.")]}
        )


def _check_lead(lead: User) -> None:
    if not lead.is_active or not policy.has_capability(lead, Capability.PERSON_READ):
        raise ValidationError(
            {
                "lead": [
                    gettext("%(lead)s does not hold a caseload, so cannot lead a cohort.") % {"lead": lead}
                ]
            }
        )


# The cohort ---------------------------------------------------------------------------------


def cohort_create(
    *,
    actor: User,
    name: str,
    situation: str,
    description: str = "",
    program: Program | None = None,
    lead: User | None = None,
) -> Cohort:
    """Start a cohort; its lead (the actor unless another worker is named) sees it even while empty."""
    policy.require_capability(actor, Capability.PERSON_WRITE)
    lead = lead or actor
    _check_lead(lead)
    cohort = Cohort(
        name=name.strip(),
        situation=situation,
        description=description.strip(),
        program=program,
        lead=lead,
        created_by=actor,
    )
    return create_record(actor, cohort, fields=["name", "situation", "description", "program", "lead"])


def cohort_update(*, actor: User, cohort: Cohort, version: int, changes: dict[str, Any]) -> Cohort:
    """Change the cohort's details or close it; a stale version is refused."""
    _require_cohort(actor, cohort)
    changes = dict(changes)
    for name in ("name", "description"):
        if name in changes:
            changes[name] = changes[name].strip()
    if changes.get("lead") is not None and changes["lead"].pk != cohort.lead_id:
        _check_lead(changes["lead"])
    return versioned_update(
        actor=actor, instance=cohort, version=version, changes=changes, editable=COHORT_FIELDS
    )


# Members ------------------------------------------------------------------------------------


def member_add(*, actor: User, cohort: Cohort, case: Case) -> CohortMember:
    """Add a case the actor may change; a case already in the cohort is refused with a message."""
    _require_cohort(actor, cohort)
    _require_open(cohort)
    if not cases_changeable(actor).filter(pk=case.pk).exists():
        raise ValidationError({"case": [NOT_CHANGEABLE]})
    if case.status == Case.Status.CLOSED:
        raise ValidationError(
            {
                "case": [
                    gettext("Case %(number)s is closed; reopen it to add it to a cohort.")
                    % {"number": case.number}
                ]
            }
        )
    already = ValidationError(
        {"case": [gettext("Case %(number)s is already in this cohort.") % {"number": case.number}]}
    )
    member = CohortMember(cohort=cohort, case=case, added_by=actor)
    try:
        with transaction.atomic():
            # The lock makes two simultaneous adds of the same case queue, so the check below holds.
            Cohort.objects.select_for_update().filter(pk=cohort.pk).first()
            if CohortMember.objects.filter(cohort=cohort, case=case, removed_on__isnull=True).exists():
                raise already
            member.save()
            audit_record(
                actor=actor,
                action=AuditEntry.Action.CREATE,
                obj=member,
                person_id=case.person_id,
                fields=["cohort", "case", "added_on"],
            )
    except IntegrityError as clash:
        raise already from clash
    return member


def member_remove(*, actor: User, member: CohortMember) -> CohortMember:
    """Take a case out of the cohort; the row stays, dated, so the cohort's history is kept."""
    _require_cohort(actor, member.cohort)
    if not policy.visible(actor, CohortMember.objects.filter(pk=member.pk), for_change=True).exists():
        raise PermissionDenied("You may not change this case, so you cannot take it out of the cohort.")
    with transaction.atomic():
        current = CohortMember.objects.select_for_update().select_related("case").get(pk=member.pk)
        if current.removed_on is not None:
            taken_out = gettext("Case %(number)s was already taken out on %(day)s.") % {
                "number": current.case.number,
                "day": f"{current.removed_on:%Y-%m-%d}",
            }
            raise ValidationError({"__all__": [taken_out]})
        current.removed_on = timezone.localdate()
        current.removed_by = actor
        current.save(update_fields=["removed_on", "removed_by", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=current,
            person_id=current.case.person_id,
            fields=["removed_on", "removed_by"],
        )
    return current


# Bulk actions: what each one is -------------------------------------------------------------


@dataclass(frozen=True)
class GoalItem:
    """A goal added to each member's care plan, tied to the member's own record of `need` if any."""

    description: str
    measure: str
    target: str
    target_date: date
    need: Need | None = None

    kind = CohortAction.Kind.GOAL

    def summary(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "measure": self.measure,
            "target": self.target,
            "target_date": self.target_date.isoformat(),
            "need": self.need.code if self.need else None,
        }

    def apply(self, actor: User, case: Case) -> tuple[models.Model, str]:
        if not CarePlan.objects.filter(case=case).exists():
            raise Skip(NO_CARE_PLAN)
        needs = list(CaseNeed.objects.filter(case=case, need=self.need)) if self.need else []
        goal = casework.goal_add(
            actor=actor,
            case=case,
            **{name: getattr(self, name) for name in ("description", "measure", "target", "target_date")},
            needs=needs,
            reason="Shared goal added for the cohort",
        )
        note = (
            ""
            if needs or self.need is None
            else gettext("%(need)s is not recorded on this case") % {"need": self.need.label}
        )
        return goal, note


@dataclass(frozen=True)
class TaskItem:
    """A task on each member's case, owned by each case's worker unless one owner is named."""

    title: str
    due_on: date
    owner: User | None = None
    details: str = ""

    kind = CohortAction.Kind.TASK

    def summary(self) -> dict[str, Any]:
        owner = (self.owner.get_full_name() or self.owner.username) if self.owner else "each case's worker"
        return {"title": self.title, "due_on": self.due_on.isoformat(), "owner": owner}

    def apply(self, actor: User, case: Case) -> tuple[models.Model, str]:
        task = casework.task_add(
            actor=actor,
            case=case,
            title=self.title,
            owner=self.owner or case.worker,
            due_on=self.due_on,
            details=self.details,
        )
        return task, ""


@dataclass(frozen=True)
class BulkNote:
    """A draft contact note on each member's case (each worker reviews and signs their own)."""

    text: str
    title: str = ""
    contact_date: date | None = None
    duration_minutes: int | None = None

    kind = CohortAction.Kind.NOTE

    def summary(self) -> dict[str, Any]:
        # The note's text stays in the notes themselves, never in the cohort's history.
        return {
            "title": self.title,
            "contact_date": (self.contact_date or timezone.localdate()).isoformat(),
            "duration_minutes": self.duration_minutes,
        }

    def apply(self, actor: User, case: Case) -> tuple[models.Model, str]:
        note = casework.note_create(
            actor=actor,
            case=case,
            format=ProgressNote.Format.CONTACT,
            sections={"text": self.text},
            contact_date=self.contact_date,
            duration_minutes=self.duration_minutes,
            title=self.title,
        )
        return note, gettext_noop("drafted, not signed")


@dataclass(frozen=True)
class BulkReferral:
    """A referral of each member to one service, sent only where a consent in force allows it."""

    service: Service
    reason: str
    urgency: str = "routine"
    parts: tuple[str, ...] = ("identity",)

    kind = CohortAction.Kind.REFERRAL

    def summary(self) -> dict[str, Any]:
        # The reason may speak of the members; only what was asked of whom is kept.
        return {
            "service": self.service.name,
            "service_id": self.service.pk,
            "urgency": self.urgency,
            "parts": sorted(self.parts),
        }

    def apply(self, actor: User, case: Case) -> tuple[models.Model, str]:
        # The item's fields are the referral's own: service, reason, urgency and parts.
        referral = referrals.referral_create(actor=actor, case=case, **vars(self))
        # Sending is where the single-referral flow checks consent (Part 2 included); the caller's
        # transaction rolls the recorded referral back too when it is refused.
        sent = referrals.referral_send(actor=actor, referral=referral, version=referral.version)
        return sent, gettext_noop("sent")


BulkItem = GoalItem | TaskItem | BulkNote | BulkReferral


class Skip(Exception):
    """A member the action leaves out, with the reason the report shows."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class MemberResult:
    member: CohortMember
    done: bool
    reason: str = ""
    record: models.Model | None = None

    @property
    def outcome(self) -> str:
        return "done" if self.done else "skipped"

    @property
    def reason_shown(self) -> str:
        """The reason in the reader's language (the API keeps `reason` as written)."""
        return gettext(self.reason) if self.reason else ""


@dataclass
class ActionReport:
    action: CohortAction
    results: list[MemberResult] = field(default_factory=list)


def _plain(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def _apply_one(actor: User, member: CohortMember, changeable: set[int], item: BulkItem) -> MemberResult:
    case = member.case
    if member.removed_on is not None:
        return MemberResult(member, False, NOT_A_MEMBER)
    if member.pk not in changeable:
        return MemberResult(member, False, NOT_YOURS)
    if case.status == Case.Status.CLOSED:
        return MemberResult(member, False, CASE_CLOSED)
    try:
        # One member, one transaction: a refusal undoes this member's writes and nobody else's.
        with transaction.atomic():
            record, note = item.apply(actor, case)
    except Skip as skip:
        return MemberResult(member, False, skip.reason)
    except disclosure.ConsentMissing:
        return MemberResult(member, False, NO_CONSENT)
    except PermissionDenied:
        return MemberResult(member, False, NOT_YOURS)
    except ValidationError as invalid:
        return MemberResult(member, False, _plain(invalid))
    except StaleEdit as stale:
        return MemberResult(member, False, str(stale))
    return MemberResult(member, True, note, record)


def cohort_action_run(
    *, actor: User, cohort: Cohort, members: Sequence[CohortMember], item: BulkItem
) -> ActionReport:
    """Apply one action to each chosen member, checked member by member; every member gets a result."""
    _require_cohort(actor, cohort)
    _require_open(cohort)
    if not members:
        raise ValidationError({"members": [gettext("Choose at least one member of the cohort.")]})
    foreign = [member for member in members if member.cohort_id != cohort.pk]
    if foreign:
        raise ValidationError({"members": [gettext("Choose members of this cohort only.")]})
    rows = CohortMember.objects.filter(pk__in=[member.pk for member in members])
    changeable = set(policy.visible(actor, rows, for_change=True).values_list("pk", flat=True))
    results = [_apply_one(actor, member, changeable, item) for member in members]
    done = sum(1 for result in results if result.done)
    action = CohortAction(
        cohort=cohort,
        kind=item.kind,
        params={**item.summary(), "members": len(members)},
        actor=actor,
        done=done,
        skipped=len(results) - done,
    )
    create_record(actor, action, clean=False, fields=["kind", "params", "done", "skipped"])
    return ActionReport(action=action, results=results)
