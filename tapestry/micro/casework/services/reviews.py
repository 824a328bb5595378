"""Progress reviews of a care plan, overall and per goal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access.models import AuditEntry, User
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.casework.models import CarePlan, Goal, GoalRating, ProgressReview
from tapestry.micro.casework.services.access import CLOSED, audit_on_case
from tapestry.micro.casework.services.plans import locked_plan


def review_record(
    *,
    actor: User,
    plan: CarePlan,
    narrative: str,
    reviewed_on: date | None = None,
    overall_rating: int | None = None,
    next_review_on: date | None = None,
    goal_ratings: Sequence[tuple[Goal, int, str]] = (),
) -> ProgressReview:
    """Record a progress review; its next review date becomes the plan's."""
    case = plan.case
    require_case_write(actor, case, closed=CLOSED)
    reviewed_on = reviewed_on or timezone.localdate()
    review = ProgressReview(
        plan=plan,
        reviewed_on=reviewed_on,
        narrative=narrative.strip(),
        overall_rating=overall_rating,
        next_review_on=next_review_on,
        reviewed_by=actor,
    )
    review.full_clean()
    errors: dict[str, list[str]] = {}
    if reviewed_on > timezone.localdate():
        errors["reviewed_on"] = [gettext("A review cannot be recorded ahead of its date.")]
    if overall_rating is None and not goal_ratings:
        errors["overall_rating"] = [gettext("Rate the plan overall, or at least one goal.")]
    if any(goal.plan_id != plan.pk for goal, _, _ in goal_ratings):
        errors["goal_ratings"] = [gettext("Only goals of this plan can be rated in its review.")]
    if len({goal.pk for goal, _, _ in goal_ratings}) != len(goal_ratings):
        errors["goal_ratings"] = [gettext("Rate each goal once.")]
    ratings = [
        GoalRating(goal=goal, rating=rating, comment=comment) for goal, rating, comment in goal_ratings
    ]
    for rating in ratings:
        try:
            rating.full_clean(exclude=["review"])
        except ValidationError as invalid:
            errors.setdefault("goal_ratings", []).extend(invalid.messages)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = locked_plan(plan)
        review.save()
        for rating in ratings:
            rating.review = review
        GoalRating.objects.bulk_create(ratings)
        if next_review_on and next_review_on != locked.next_review_on:
            # The review date is part of the plan, so concurrent plan edits see a new version.
            CarePlan.objects.filter(pk=plan.pk).update(
                next_review_on=next_review_on, version=locked.version + 1, updated_at=timezone.now()
            )
        audit_on_case(
            actor,
            AuditEntry.Action.CREATE,
            review,
            case,
            ["reviewed_on", "overall_rating", "narrative", "next_review_on", "goal_ratings"],
        )
    return review
