"""Services delivered on a case (time, type, modality), optionally tied to a note."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_write
from tapestry.micro.casework.models import ProgressNote, ServiceRecord
from tapestry.micro.casework.services.access import CLOSED, require_staff_on_case
from tapestry.web.records import create_record


def service_record(
    *,
    actor: User,
    case: Case,
    service_type: str,
    minutes: int,
    modality: str,
    delivered_on: date | None = None,
    staff: User | None = None,
    note: ProgressNote | None = None,
    description: str = "",
) -> ServiceRecord:
    """Record a service delivered on the case, for reporting."""
    require_case_write(actor, case, closed=CLOSED)
    staff = staff or actor
    if staff.pk != actor.pk:
        require_staff_on_case(staff, case, "staff", "worker")
    if note is not None and note.segment and not policy.can_view_segment(actor, note.segment):
        raise ValidationError({"note": [gettext("No such note on this case.")]})
    record = ServiceRecord(
        case=case,
        delivered_on=delivered_on or timezone.localdate(),
        service_type=service_type,
        minutes=minutes,
        modality=modality,
        staff=staff,
        note=note,
        description=description.strip(),
        recorded_by=actor,
    )
    return create_record(
        actor,
        record,
        person_id=case.person_id,
        fields=["delivered_on", "service_type", "minutes", "modality", "staff", "note"],
    )
