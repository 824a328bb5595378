"""What child welfare adds to a person's ecomap: current carers and the courts in their case."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import Segment, User
from tapestry.micro.cases.hooks import EcomapLink
from tapestry.micro.child_welfare.models import Hearing, Placement
from tapestry.micro.child_welfare.selectors import placement_carer
from tapestry.micro.child_welfare.views.form import _index
from tapestry.people.models import Person


def ecomap_links(*, user: User, person: Person) -> list[EcomapLink]:
    """The carers of the person's open placements, and each court hearing their case (once)."""
    if not policy.can_view_segment(user, Segment.CHILD_WELFARE):
        return []
    links: list[EcomapLink] = []
    placements = (
        policy.visible(user, Placement.objects.filter(child=person, ended_on__isnull=True))
        .select_related("carer_person", "carer_organisation")
        .annotate(carer_person_nameable=policy.nameable(user, "carer_person"))
    )
    for placement in placements:
        url = _index(placement.case_id)
        detail = gettext("%(placement_type)s since %(on)s") % {
            "placement_type": placement.get_placement_type_display(),
            "on": f"{placement.started_on:%Y-%m-%d}",
        }
        if placement.carer_person_id:
            kin = placement.placement_type in (Placement.Type.KINSHIP, Placement.Type.TRIAL_HOME_VISIT)
            links.append(
                EcomapLink(
                    label=str(placement_carer(placement)),
                    person_id=placement.carer_person_id,
                    kind="family" if kin else "service",
                    detail=gettext("Carer: %(detail)s") % {"detail": detail},
                    url=url,
                )
            )
        if placement.carer_organisation_id:
            links.append(
                EcomapLink(
                    label=str(placement.carer_organisation),
                    kind="organisation",
                    detail=gettext("Placement: %(detail)s") % {"detail": detail},
                    url=url,
                )
            )
    hearings = (
        policy.visible(user, Hearing.objects.filter(Q(case__person=person) | Q(child=person)))
        .select_related("court")
        .order_by("-scheduled_at")
    )
    seen: set[int] = set()
    for hearing in hearings:
        if hearing.court_id in seen:
            continue
        seen.add(hearing.court_id)
        links.append(
            EcomapLink(
                label=str(hearing.court),
                kind="court",
                detail=gettext("Latest hearing: %(hearing_type)s, %(on)s")
                % {
                    "hearing_type": hearing.get_hearing_type_display().lower(),
                    "on": format(timezone.localtime(hearing.scheduled_at), "%Y-%m-%d"),
                },
                url=_index(hearing.case_id),
            )
        )
    return links
