"""Every read of treatment records, starting from the access policy; opens are audited."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.selectors import case_get, case_read_audit
from tapestry.micro.treatment.models import MedicationCheckin, Release, TeamNote, TreatmentPlan
from tapestry.people.models import Organisation

PURPOSE = "treatment"


def treatment_case_get(*, user: User, case_id: int, for_change: bool = False) -> Case:
    """A case in the user's reach (its segment granted, e.g. substance use); 404 or 403 otherwise."""
    return case_get(user=user, case_id=case_id, for_change=for_change)


def plan_for_case(*, user: User, case: Case) -> TreatmentPlan | None:
    return policy.visible(user, TreatmentPlan.objects.filter(case=case)).select_related("created_by").first()


def checkins_for_case(*, user: User, case: Case) -> QuerySet[MedicationCheckin]:
    return policy.visible(user, MedicationCheckin.objects.filter(case=case)).select_related("recorded_by")


def team_notes_for_case(*, user: User, case: Case) -> QuerySet[TeamNote]:
    return policy.visible(user, TeamNote.objects.filter(case=case)).select_related("author")


def releases_for_case(*, user: User, case: Case) -> QuerySet[Release]:
    return policy.visible(user, Release.objects.filter(case=case)).select_related(
        "recipient", "released_by", "consent"
    )


@dataclass(frozen=True)
class TreatmentOverview:
    case: Case
    plan: TreatmentPlan | None
    checkins: list[MedicationCheckin]
    team_notes: list[TeamNote]
    releases: list[Release]


def case_overview(*, user: User, case_id: int) -> TreatmentOverview:
    """Everything on a case's treatment page, in a fixed number of queries; the open is audited."""
    case = treatment_case_get(user=user, case_id=case_id)
    overview = TreatmentOverview(
        case=case,
        plan=plan_for_case(user=user, case=case),
        checkins=list(checkins_for_case(user=user, case=case)),
        team_notes=list(team_notes_for_case(user=user, case=case)),
        releases=list(releases_for_case(user=user, case=case)),
    )
    case_read_audit(
        user, case, ["treatment_plan", "medication_checkins", "team_notes", "releases"], purpose=PURPOSE
    )
    return overview


def plan_detail(*, user: User, case: Case) -> TreatmentPlan | None:
    """The case's treatment plan for the API or the edit form; the open is audited."""
    plan = plan_for_case(user=user, case=case)
    if plan is not None:
        case_read_audit(user, case, ["treatment_plan"], purpose=PURPOSE, obj=plan)
    return plan


def checkin_list(*, user: User, case: Case) -> QuerySet[MedicationCheckin]:
    case_read_audit(user, case, ["medication_checkins"], purpose=PURPOSE)
    return checkins_for_case(user=user, case=case)


def team_note_list(*, user: User, case: Case) -> QuerySet[TeamNote]:
    case_read_audit(user, case, ["team_notes"], purpose=PURPOSE)
    return team_notes_for_case(user=user, case=case)


def release_list(*, user: User, case: Case) -> QuerySet[Release]:
    case_read_audit(user, case, ["releases"], purpose=PURPOSE)
    return releases_for_case(user=user, case=case)


def release_detail(*, user: User, release_id: int) -> Release:
    """A release as its printable disclosure page shows it; the open is audited."""
    release = policy.one_in_reach(
        user,
        Release.objects.select_related("case__person", "recipient", "released_by", "consent"),
        release_id,
        missing=gettext("No release with this number."),
        detail=gettext(
            "This release is about a person outside your caseload, or in a segment you are not granted."
        ),
    )
    case_read_audit(user, release.case, ["release", *release.parts], purpose="disclosure page", obj=release)
    return release


def recipients() -> QuerySet[Organisation]:
    """Organisations a release can go to (organisations are not person-level data)."""
    return Organisation.objects.all()
