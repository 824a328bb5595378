"""Permanency for a child in foster care: the goal with its concurrent plan, and the TPR review.

The terms follow the federal case-review system, 42 U.S.C. 675(5): the permanency plan named at
the permanency hearing (675(5)(C)) and the termination-of-parental-rights petition due once a
child has been in foster care 15 of the most recent 22 months, unless an exception applies
(675(5)(E)).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy

from tapestry.micro.child_welfare.models.base import SegmentedRecord

# APPLA may be a child's plan only from age 16 (42 U.S.C. 675a(a)(2), added in 2014).
APPLA_MIN_AGE = 16


def age_on(born: dt.date, day: dt.date) -> int:
    """Whole years between a date of birth and a day."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class PermanencyGoal(SegmentedRecord):
    """Where a child in care is meant to live for good, and the concurrent plan if that fails.

    A new goal is a new row: the latest by `set_on` is the child's current goal, the rest are its
    history.
    """

    class Goal(models.TextChoices):
        REUNIFICATION = "reunification", gettext_lazy("Reunification with the parent(s)")
        ADOPTION = "adoption", gettext_lazy("Adoption")
        LEGAL_GUARDIANSHIP = "legal_guardianship", gettext_lazy("Legal guardianship")
        RELATIVE = "relative", gettext_lazy("Placement with a fit and willing relative")
        APPLA = "appla", gettext_lazy("Another planned permanent living arrangement (APPLA, age 16 and over)")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="permanency_goals")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    goal = models.CharField("permanency goal", max_length=20, choices=Goal.choices)
    concurrent_goal = models.CharField(
        "concurrent plan",
        max_length=20,
        choices=Goal.choices,
        blank=True,
        help_text=gettext_lazy("The plan worked on at the same time, in case the goal cannot be reached."),
    )
    set_on = models.DateField("goal set on")
    reason = models.TextField(
        "why this goal", help_text=gettext_lazy("For example: the court's finding, the family's progress.")
    )

    class Meta:
        ordering = ["-set_on", "-id"]

    def __str__(self) -> str:
        if self.concurrent_goal:
            return gettext("Permanency goal %(goal)s, concurrent plan %(concurrent)s") % {
                "goal": self.get_goal_display().lower(),
                "concurrent": self.get_concurrent_goal_display().lower(),
            }
        return gettext("Permanency goal %(goal)s") % {"goal": self.get_goal_display().lower()}

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.concurrent_goal and self.concurrent_goal == self.goal:
            errors["concurrent_goal"] = gettext(
                "The concurrent plan must be a different goal from the permanency goal."
            )
        born = self.child.date_of_birth if self.child_id else None
        if self.set_on and self.Goal.APPLA in (self.goal, self.concurrent_goal):
            if born is None or age_on(born, self.set_on) < APPLA_MIN_AGE:
                field = "goal" if self.goal == self.Goal.APPLA else "concurrent_goal"
                errors[field] = gettext(
                    "Another planned permanent living arrangement (APPLA) is only for a young person aged 16 or over; choose reunification, adoption, guardianship or a relative."
                )
        if errors:
            raise ValidationError(errors)


class TerminationReview(SegmentedRecord):
    """What the agency did when a child reached 15 of the most recent 22 months in foster care:
    filed (or joined) a petition to terminate parental rights, or recorded why not."""

    class Decision(models.TextChoices):
        PETITION_FILED = (
            "petition_filed",
            gettext_lazy("Petition to terminate parental rights filed or joined"),
        )
        RELATIVE_CARE = "relative_care", gettext_lazy("Exception: the child is being cared for by a relative")
        COMPELLING_REASON = (
            "compelling_reason",
            gettext_lazy(
                "Exception: a compelling reason, documented in the case plan, why filing is not in the child's best interests"
            ),
        )
        SERVICES_NOT_PROVIDED = (
            "services_not_provided",
            gettext_lazy(
                "Exception: the agency has not provided the services the case plan deems necessary for safe return"
            ),
        )

    EXCEPTIONS = (Decision.RELATIVE_CARE, Decision.COMPELLING_REASON, Decision.SERVICES_NOT_PROVIDED)

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="termination_reviews")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=24, choices=Decision.choices)
    decided_on = models.DateField()
    explanation = models.TextField(
        help_text=gettext_lazy(
            "The petition's filing details, or the reason for the exception as the case plan records it."
        )
    )

    class Meta:
        ordering = ["-decided_on", "-id"]

    def __str__(self) -> str:
        return gettext("TPR review %(on)s: %(decision)s") % {
            "on": f"{self.decided_on:%Y-%m-%d}",
            "decision": self.get_decision_display(),
        }

    @property
    def is_exception(self) -> bool:
        return self.decision in self.EXCEPTIONS
