"""The choices child-welfare forms offer, and the records an API body names."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.models import Segment, SegmentGrant, User
from tapestry.access.policy import ROLE_CAPABILITIES, Capability
from tapestry.micro.cases.models import Case
from tapestry.micro.child_welfare.models import (
    Report,
    ReportParticipant,
)
from tapestry.people.models import Organisation, Person


def person_choices(*, user: User) -> QuerySet[Person]:
    """People the user may name on a record: the ones they may open."""
    return policy.persons_visible(user).order_by("family_name", "given_name", "pk")


def court_choices() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.COURT).order_by("name")


def organisation_choices() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def investigator_choices() -> QuerySet[User]:
    """Active staff whose role investigates and who hold a live child-welfare grant."""
    roles = [role for role, caps in ROLE_CAPABILITIES.items() if Capability.PERSON_WRITE in caps]
    now = timezone.now()
    granted = SegmentGrant.objects.filter(segment=Segment.CHILD_WELFARE, revoked_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )
    return User.objects.filter(is_active=True, role__in=roles, pk__in=granted.values("user_id")).order_by(
        "last_name", "first_name", "username"
    )


def case_report_choices(*, user: User, case: Case) -> QuerySet[Report]:
    """The case's reports, for a safety assessment to refer to."""
    return policy.visible(user, Report.objects.filter(case=case))


def case_report(*, user: User, case: Case, report_id: int) -> Report | None:
    """A report of this case that a body names, or None."""
    return case_report_choices(user=user, case=case).filter(pk=report_id).first()


def person_named(*, person_id: int) -> Person | None:
    """A person a request body names (whether the caller may name them is the service's check)."""
    return Person.objects.active().filter(pk=person_id).first()


def organisation_named(*, organisation_id: int) -> Organisation | None:
    return Organisation.objects.filter(pk=organisation_id).first()


def staff_member(*, user_id: int) -> User | None:
    """An active staff member a request body names (the service checks they may investigate)."""
    return User.objects.filter(pk=user_id, is_active=True).first()


def case_children(*, user: User, case: Case) -> QuerySet[Person]:
    """Children named in the case's reports whom the user may open, for the placement and hearing forms."""
    named = ReportParticipant.objects.filter(report__case=case, role=ReportParticipant.Role.CHILD).values(
        "person_id"
    )
    return person_choices(user=user).filter(Q(pk__in=named) | Q(pk=case.person_id))
