"""The child-welfare practice rules a write must meet: when a child may be placed, when a case may close."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext, ngettext

from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import Placement, Report, SafetyAssessment
from tapestry.micro.child_welfare.models.permanency import age_on
from tapestry.people.models import Person

# Foster care under title IV-E runs to age 18, or to 21 where a state extends it (42 U.S.C. 675(8)).
MAX_AGE_IN_CARE = 21

OPEN_SCREENINGS = (Report.Screening.SCREENED_IN, Report.Screening.AWAITING)


def placement_basis_errors(
    *, case: Case, child: Person, started_on: dt.date, legal_authority: str, is_move: bool
) -> dict[str, list[str]]:
    """What stops this placement, by field: no report to act on, no basis for removal, the child's age.

    A move from one placement to the next (`is_move`) keeps the basis of the removal it continues.
    """
    errors: dict[str, list[str]] = {}
    screenings = set(Report.objects.filter(case=case).values_list("screening", flat=True))
    if not screenings:
        errors["case"] = [
            gettext(
                "There is no report on this case. A placement follows a report of abuse or neglect: record it first."
            )
        ]
    elif not screenings & set(OPEN_SCREENINGS):
        errors["case"] = [
            gettext(
                "Every report on this case was screened out or referred elsewhere, so none supports removing the child. Record the new report that does."
            )
        ]
    if not is_move and not legal_authority:
        latest = (
            SafetyAssessment.objects.filter(case=case, assessed_on__lte=started_on)
            .order_by("-assessed_on", "-id")
            .first()
        )
        if latest is None or latest.decision != SafetyAssessment.Decision.UNSAFE:
            found = (
                gettext("The latest safety assessment (%(on)s) found the child %(decision)s")
                % {
                    "on": f"{latest.assessed_on:%Y-%m-%d}",
                    "decision": latest.get_decision_display().split(" (")[0].lower(),
                }
                if latest is not None
                else gettext("No safety assessment on this case found the child unsafe")
            )
            errors["legal_authority"] = [
                gettext(
                    "%(found)s. A child is removed from home on an unsafe finding or under a legal authority: record an unsafe safety assessment, or give the court order, voluntary placement agreement or emergency custody."
                )
                % {"found": found}
            ]
    if child.date_of_birth is None:
        errors["child"] = [
            gettext(
                "Record %(display_name)s's date of birth before placing them: foster care is for children under 21."
            )
            % {"display_name": child.display_name}
        ]
    elif age_on(child.date_of_birth, started_on) >= MAX_AGE_IN_CARE:
        errors["child"] = [
            gettext(
                "%(display_name)s was %(age_on)s on %(started_on)s; a placement is for a child or young person under 21."
            )
            % {
                "display_name": child.display_name,
                "age_on": age_on(child.date_of_birth, started_on),
                "started_on": format(started_on, "%Y-%m-%d"),
            }
        ]
    return errors


def closure_blockers(*, case: Case) -> list[str]:
    """What child-welfare work must be finished before the case closes (empty when it may close)."""
    blockers: list[str] = []
    open_placements = Placement.objects.filter(case=case, ended_on__isnull=True).count()
    if open_placements:
        blockers.append(
            ngettext(
                "%(n)s child is still in a placement: end each placement "
                "(home, adoption, guardianship or a move) before closing.",
                "%(n)s children are still in a placement: end each placement "
                "(home, adoption, guardianship or a move) before closing.",
                open_placements,
            )
            % {"n": open_placements}
        )
    awaiting = Report.objects.filter(case=case, screening=Report.Screening.AWAITING).count()
    if awaiting:
        blockers.append(
            ngettext(
                "%(n)s report awaits screening: screen every report before closing.",
                "%(n)s reports await screening: screen every report before closing.",
                awaiting,
            )
            % {"n": awaiting}
        )
    latest = SafetyAssessment.objects.filter(case=case).order_by("-assessed_on", "-id").first()
    if latest is not None and latest.decision == SafetyAssessment.Decision.UNSAFE:
        if not Placement.objects.filter(case=case, started_on__gte=latest.assessed_on).exists():
            blockers.append(
                gettext(
                    "The latest safety assessment (%(on)s) found the child unsafe and no "
                    "placement followed: place the child, or record a new assessment, before closing."
                )
                % {"on": f"{latest.assessed_on:%Y-%m-%d}"}
            )
    return blockers
