"""Every write of group outcomes: goals, the instruments a group uses, and members' pre/post measures."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.errors import StaleEdit
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.mezzo.group_outcomes.directions import DIRECTION
from tapestry.mezzo.group_outcomes.models import GroupGoal, MemberMeasure, OutcomeInstrument
from tapestry.mezzo.groups.access import runs_group
from tapestry.mezzo.groups.models import Group, Membership
from tapestry.micro.assessments.instruments import Instrument, normalise
from tapestry.micro.assessments.models import Assessment
from tapestry.micro.assessments.services import AssessmentInputInvalid, definition_for
from tapestry.micro.cases.selectors import cases_changeable
from tapestry.web.records import create_record

GOAL_FIELDS = ("description", "measure", "target", "status", "reviewed_on")
NOTE_MAX = 2000
REASON_MAX = 255  # MemberMeasure.correction_reason
# A case assessment counts as the group's pre (post) measure when given this close before the
# first (after the last) session.
WINDOW_DAYS = 30
# What scoring a measure sets, and so what a correction changes.
SCORED_FIELDS = ["administered_on", "answers", "total_score", "severity_band", "note"]
MEASURE_FIELDS = ["instrument", "phase", *SCORED_FIELDS]


class MeasureInvalid(ValidationError):
    """The instrument, phase, date or answers are not valid: errors keyed by field or item code."""


_EXISTS = {
    "pre": gettext_lazy(
        "A pre %(instrument)s is already recorded for this member (on %(day)s, score %(score)s). "
        "Correct that one instead of recording a second."
    ),
    "post": gettext_lazy(
        "A post %(instrument)s is already recorded for this member (on %(day)s, score %(score)s). "
        "Correct that one instead of recording a second."
    ),
}


class MeasureExists(ValidationError):
    """This member already has a measure on this instrument at this phase; correct it instead."""

    def __init__(self, measure: MemberMeasure) -> None:
        self.measure = measure
        super().__init__(
            {
                "phase": [
                    _EXISTS[measure.phase]
                    % {
                        "instrument": instrument_name(measure.instrument),
                        "day": f"{measure.administered_on:%Y-%m-%d}",
                        "score": measure.total_score,
                    }
                ]
            }
        )


_WINDOW = {
    "pre": gettext_lazy("The assessment was not given within %(days)s days of the group's pre point."),
    "post": gettext_lazy("The assessment was not given within %(days)s days of the group's post point."),
}


def instrument_name(code: str) -> str:
    try:
        return definition_for(instrument=code)[0].name
    except AssessmentInputInvalid:
        return code


def _require_runs(actor: User, group: Group) -> None:
    policy.require_capability(actor, Capability.GROUP_RUN)
    if not runs_group(actor, group.pk):
        raise PermissionDenied("Only those who run this group may change its outcomes.")


# Goals ------------------------------------------------------------------------------------


def goal_add(
    *,
    actor: User,
    group: Group,
    description: str,
    measure: str = "",
    target: str = "",
    status: str = GroupGoal.Status.ACTIVE,
    reviewed_on: date | None = None,
) -> GroupGoal:
    """A new goal of the group; those who run it set and review its goals."""
    _require_runs(actor, group)
    goal = GroupGoal(
        group=group,
        description=description.strip(),
        measure=measure.strip(),
        target=target.strip(),
        status=status,
        reviewed_on=reviewed_on,
        created_by=actor,
    )
    return create_record(actor, goal, fields=list(GOAL_FIELDS), exclude=["created_by", "group"])


def goal_update(*, actor: User, goal: GroupGoal, version: int, changes: dict[str, Any]) -> GroupGoal:
    """Change a goal or its status; an edit made on a stale version is refused, never merged."""
    _require_runs(actor, goal.group)
    changes = {name: value.strip() if isinstance(value, str) else value for name, value in changes.items()}
    return versioned_update(
        actor=actor, instance=goal, version=version, changes=changes, editable=GOAL_FIELDS
    )


# Instruments ------------------------------------------------------------------------------


def outcome_instrument_add(*, actor: User, group: Group, instrument: str) -> OutcomeInstrument:
    """Choose an instrument the group measures its members with."""
    _require_runs(actor, group)
    if instrument not in DIRECTION:
        raise ValidationError({"instrument": [gettext("Choose one of the listed instruments.")]})
    if OutcomeInstrument.objects.filter(group=group, instrument=instrument).exists():
        raise ValidationError({"instrument": [gettext("This group already uses that instrument.")]})
    chosen = OutcomeInstrument(group=group, instrument=instrument)
    return create_record(actor, chosen, clean=False, fields=["instrument"])


# Measures ---------------------------------------------------------------------------------


def _definition(group: Group, code: str) -> Instrument:
    if code not in DIRECTION:
        raise MeasureInvalid({"instrument": [gettext("Choose one of the instruments this group uses.")]})
    if not OutcomeInstrument.objects.filter(group=group, instrument=code).exists():
        name = instrument_name(code)
        raise MeasureInvalid(
            {
                "instrument": [
                    gettext("This group does not use the %(instrument)s; add it to the group first.")
                    % {"instrument": name}
                ]
            }
        )
    return definition_for(instrument=code)[0]


def _check_member(membership: Membership) -> None:
    if membership.status == Membership.Status.WAITING:
        raise MeasureInvalid(
            {"membership": [gettext("This person is on the waiting list; measures are for members.")]}
        )


def _score(definition: Instrument, answers: Mapping[str, object], day: date, note: str) -> dict[str, Any]:
    """The micro instrument checks and scores the answers; errors are reported per item."""
    errors: dict[str, list[str]] = {}
    if day > timezone.localdate():
        errors["administered_on"] = [gettext("A measure cannot be dated in the future.")]
    if len(note) > NOTE_MAX:
        errors["note"] = [gettext("Keep the note to %(max)s characters.") % {"max": NOTE_MAX}]
    errors.update(definition.check(answers))
    if errors:
        raise MeasureInvalid(errors)
    given = normalise(answers)
    result = definition.score(given)
    return {
        "instrument_version": definition.version,
        "administered_on": day,
        "answers": given,
        "total_score": result.total,
        "severity_band": result.band,
        "note": note.strip(),
    }


def measure_record(
    *,
    actor: User,
    membership: Membership,
    instrument: str,
    phase: str,
    answers: Mapping[str, object],
    administered_on: date | None = None,
    note: str = "",
) -> MemberMeasure:
    """Score a member's answers with the micro instrument and keep them as the pre or post measure."""
    group = membership.group
    _require_runs(actor, group)
    _check_member(membership)
    if phase not in MemberMeasure.Phase.values:
        raise MeasureInvalid({"phase": [gettext("Choose pre or post.")]})
    definition = _definition(group, instrument)
    existing = MemberMeasure.objects.filter(membership=membership, instrument=instrument, phase=phase).first()
    if existing is not None:
        raise MeasureExists(existing)
    scored = _score(definition, answers, administered_on or timezone.localdate(), note)
    measure = MemberMeasure(
        membership=membership, instrument=instrument, phase=phase, recorded_by=actor, **scored
    )
    try:
        return create_record(
            actor, measure, clean=False, person_id=membership.person_id, fields=MEASURE_FIELDS
        )
    except IntegrityError as error:
        # Someone recorded the same phase a moment ago.
        raise MeasureExists(
            MemberMeasure.objects.get(membership=membership, instrument=instrument, phase=phase)
        ) from error


def measure_correct(
    *,
    actor: User,
    measure: MemberMeasure,
    version: int,
    answers: Mapping[str, object],
    administered_on: date,
    reason: str,
    note: str = "",
) -> MemberMeasure:
    """Replace a measure's answers and score, saying why; the earlier values stay in the audit trail."""
    _require_runs(actor, measure.membership.group)
    reason = reason.strip()
    if not reason:
        raise MeasureInvalid({"reason": [gettext("Say why the measure is corrected.")]})
    if len(reason) > REASON_MAX:
        # Refused, not cut short: a truncated reason would misstate why the score changed.
        raise MeasureInvalid(
            {"reason": [gettext("Keep the reason to %(max)s characters.") % {"max": REASON_MAX}]}
        )
    definition = definition_for(instrument=measure.instrument)[0]
    scored = _score(definition, answers, administered_on, note)
    with transaction.atomic():
        current = MemberMeasure.objects.select_for_update().get(pk=measure.pk)
        if current.version != version:
            raise StaleEdit(current.version)
        for name, value in scored.items():
            setattr(current, name, value)
        current.source_assessment = None
        current.correction_reason = reason
        current.corrected_at = timezone.now()
        current.recorded_by = actor
        current.version += 1
        current.save()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.UPDATE,
            obj=current,
            person_id=current.membership.person_id,
            fields=[*SCORED_FIELDS, "correction_reason"],
        )
    return current


# From a case assessment (the member's caseworker) -----------------------------------------


def last_session_on(group: Group) -> date | None:
    """The last session's date: the group's end date, else worked out from its schedule."""
    if group.ends_on:
        return group.ends_on
    if not group.session_count:
        return None
    steps = group.session_count - 1
    if group.frequency == Group.Frequency.ONCE or steps == 0:
        return group.first_session_on
    if group.frequency == Group.Frequency.MONTHLY:
        month = group.first_session_on.month - 1 + steps
        year = group.first_session_on.year + month // 12
        day = min(group.first_session_on.day, 28)
        return date(year, month % 12 + 1, day)
    weeks = 2 if group.frequency == Group.Frequency.FORTNIGHTLY else 1
    return group.first_session_on + timedelta(weeks=weeks * steps)


def phase_window(group: Group, phase: str) -> tuple[date, date] | None:
    """The days a case assessment may fall on to stand as the group's pre (post) measure."""
    if phase == MemberMeasure.Phase.PRE:
        return group.first_session_on - timedelta(days=WINDOW_DAYS), group.first_session_on
    last = last_session_on(group)
    if last is None:
        return None
    return last, last + timedelta(days=WINDOW_DAYS)


def is_members_caseworker(user: User, membership: Membership) -> bool:
    """Whether the user may change the member's case (their caseworker, team or supervisor)."""
    if membership.case_id is None or not policy.has_capability(user, Capability.PERSON_WRITE):
        return False
    return cases_changeable(user).filter(pk=membership.case_id).exists()


def measure_from_assessment(
    *, actor: User, membership: Membership, assessment: Assessment, phase: str
) -> MemberMeasure:
    """The member's caseworker uses a case assessment as the group measure: score and band, with a link."""
    if not is_members_caseworker(actor, membership):
        raise PermissionDenied("Only the member's caseworker may use their case assessments for the group.")
    _check_member(membership)
    group = membership.group
    if assessment.case_id != membership.case_id or assessment.in_error:
        raise MeasureInvalid({"assessment": [gettext("Choose an assessment on this member's case.")]})
    if not policy.visible(actor, Assessment.objects.filter(pk=assessment.pk), for_change=True).exists():
        raise PermissionDenied("You may not use this assessment.")
    if not OutcomeInstrument.objects.filter(group=group, instrument=assessment.instrument).exists():
        raise MeasureInvalid({"assessment": [gettext("This group does not measure with that instrument.")]})
    window = phase_window(group, phase)
    if window is None or not window[0] <= assessment.administered_on <= window[1]:
        message = _WINDOW[phase] % {"days": WINDOW_DAYS}
        raise MeasureInvalid({"assessment": [message]})
    existing = MemberMeasure.objects.filter(
        membership=membership, instrument=assessment.instrument, phase=phase
    ).first()
    if existing is not None:
        raise MeasureExists(existing)
    measure = MemberMeasure(
        membership=membership,
        instrument=assessment.instrument,
        instrument_version=assessment.instrument_version,
        phase=phase,
        administered_on=assessment.administered_on,
        total_score=assessment.total_score,
        severity_band=assessment.severity_band,
        source_assessment=assessment,
        recorded_by=actor,
    )
    return create_record(
        actor,
        measure,
        clean=False,
        person_id=membership.person_id,
        fields=[
            "instrument",
            "phase",
            "administered_on",
            "total_score",
            "severity_band",
            "source_assessment",
        ],
        purpose="case assessment used as a group measure",
    )
