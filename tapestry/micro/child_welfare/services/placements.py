"""Writes of child-welfare placements and court hearings."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.versioning import versioned_edit
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare import practice_rules
from tapestry.micro.child_welfare.models import (
    Hearing,
    Placement,
)
from tapestry.micro.child_welfare.services.checks import (
    _create,
    _create_on_case,
    _not_in_future,
    _require_case,
    _require_changeable,
    _require_person,
)
from tapestry.people.models import Organisation, Person

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
    _not_in_future(started_on, "started_on", gettext("A placement's start"))
    _not_in_future(authority_on, "authority_on", gettext("The legal authority's date"))
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
                        gettext(
                            "%(child)s was in another placement until %(ended_on)s; a new placement starts on or after that day."
                        )
                        % {"child": child, "ended_on": format(earlier.ended_on, "%Y-%m-%d")}
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
                {
                    "child": [
                        gettext("%(child)s already has an open placement. Reload the case to see it.")
                        % {"child": child}
                    ]
                }
            ) from None
    return placement


def _end_for_change(
    actor: User, current: Placement, new: Placement, *, end_current: bool, change_reason: str
) -> None:
    visible = policy.visible(actor, Placement.objects.filter(pk=current.pk), for_change=True).exists()
    where = (
        gettext("%(placement_type)s since %(on)s")
        % {
            "placement_type": current.get_placement_type_display().lower(),
            "on": f"{current.started_on:%Y-%m-%d}",
        }
        if visible
        else gettext("on a case you cannot open")
    )
    if not end_current:
        raise ValidationError(
            {
                "child": [
                    gettext(
                        "%(child)s already has an open placement (%(where)s). A child has one placement at a time: end that one first, or tick 'End the current placement' and give the reason."
                    )
                    % {"child": new.child, "where": where}
                ]
            }
        )
    if not visible:
        raise ValidationError(
            {
                "child": [
                    gettext("%(child)s has an open placement %(where)s; ask its worker to end it.")
                    % {"child": new.child, "where": where}
                ]
            }
        )
    if not change_reason.strip():
        raise ValidationError({"change_reason": [gettext("Say why the current placement ends.")]})
    if new.started_on < current.started_on:
        raise ValidationError(
            {
                "started_on": [
                    gettext("The current placement started on %(started_on)s; start after it.")
                    % {"started_on": format(current.started_on, "%Y-%m-%d")}
                ]
            }
        )
    versioned_edit(actor, current, current.version, ended_on=new.started_on, end_reason=change_reason.strip())


def placement_end(
    *, actor: User, placement: Placement, version: int, ended_on: dt.date, end_reason: str
) -> Placement:
    """End a placement (the child goes home, moves on, or is adopted); a stale version is refused."""
    _require_changeable(actor, placement)
    if not placement.is_open:
        raise ValidationError(
            {
                "ended_on": [
                    gettext("This placement already ended on %(ended_on)s.")
                    % {"ended_on": format(placement.ended_on, "%Y-%m-%d")}
                ]
            }
        )
    _not_in_future(ended_on, "ended_on", gettext("A placement's end"))
    return versioned_edit(actor, placement, version, ended_on=ended_on, end_reason=end_reason.strip())


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
    return _create_on_case(
        actor, case, Hearing, court=court, hearing_type=hearing_type, scheduled_at=scheduled_at, child=child
    )


def hearing_record_outcome(
    *, actor: User, hearing: Hearing, version: int, outcome: str, next_hearing_on: dt.date | None = None
) -> Hearing:
    """Record what the court decided and when it sits next; a stale version is refused."""
    _require_changeable(actor, hearing)
    if not outcome.strip():
        raise ValidationError({"outcome": [gettext("Write what the court decided.")]})
    if not hearing.is_past:
        raise ValidationError(
            {"outcome": [gettext("The outcome can be recorded once the hearing has taken place.")]}
        )
    return versioned_edit(actor, hearing, version, outcome=outcome.strip(), next_hearing_on=next_hearing_on)
