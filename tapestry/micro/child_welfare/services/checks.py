"""Checks every child-welfare write shares: the segment grant, the case, who may be named."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, Segment, User
from tapestry.access.policy import Capability
from tapestry.micro.cases.models import Case
from tapestry.micro.cases.services import require_case_write
from tapestry.people.models import Person
from tapestry.web.records import create_record

NOT_GRANTED = gettext_lazy(
    "Child-welfare records need the child-welfare segment grant. Ask your supervisor if your work needs it."
)


def _require_segment(actor: User) -> None:
    policy.require_capability(actor, Capability.PERSON_WRITE)
    if not policy.can_view_segment(actor, Segment.CHILD_WELFARE):
        raise PermissionDenied(NOT_GRANTED)


def _require_case(actor: User, case: Case) -> None:
    """The actor may change this case, it is a child-welfare case, and it is not closed."""
    # The missing grant is told first, as it always was; asking require_case_write for the segment
    # again would only repeat that query.
    _require_segment(actor)
    is_child_welfare = case.case_type == Case.Type.CHILD_WELFARE
    # A case of another type is refused for its type, not for being closed (`open` only on ours).
    require_case_write(
        actor,
        case,
        open=is_child_welfare,
        field="case",
        closed=gettext("This case is closed. Reopen it before adding to it."),
        refusal=gettext("You may not change this case."),
    )
    if not is_child_welfare:
        raise ValidationError(
            {
                "case": [
                    gettext(
                        "Child-welfare records go on a child-welfare case. Open one for this family first."
                    )
                ]
            }
        )


def _require_changeable(actor: User, record: models.Model) -> None:
    _require_segment(actor)
    model = type(record)
    if not policy.visible(actor, model.objects.filter(pk=record.pk), for_change=True).exists():
        raise PermissionDenied(
            gettext("You may not change this %(verbose_name)s.") % {"verbose_name": model._meta.verbose_name}
        )


def _require_person(actor: User, person: Person | None, field: str) -> None:
    """Anyone named on a record must be someone the actor may open (register them first if not)."""
    if person is not None and not policy.can_view_person(actor, person):
        raise ValidationError(
            # Only the number the caller sent: naming the person would leak who holds that record.
            {
                field: [
                    gettext(
                        "Person %(pk)s is not in your caseload or your team's. Register or assign them first."
                    )
                    % {"pk": person.pk}
                ]
            }
        )


@contextmanager
def _errors_under(prefix: str) -> Iterator[None]:
    """A refusal of one item of a list in a body names its fields under `prefix` (`allegations.0.child`)."""
    try:
        yield
    except ValidationError as error:
        if not prefix:
            raise
        raise ValidationError(
            {f"{prefix}{name}": items for name, items in error.error_dict.items()}
        ) from None


def _not_in_future(day: dt.date | None, field: str, what: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: [gettext("%(what)s cannot be in the future.") % {"what": what}]})


def _create(actor: User, instance: models.Model, *, person_id: int, fields: Sequence[str]) -> None:
    instance.save()
    audit_record(
        actor=actor, action=AuditEntry.Action.CREATE, obj=instance, person_id=person_id, fields=fields
    )


def _create_on_case(actor: User, case: Case, model: type[models.Model], **fields: Any) -> Any:
    """A new `model` record on `case` from `fields`: validated, saved, and audited under the names
    of `fields` (in the order given)."""
    record = model(case=case, created_by=actor, **fields)
    return create_record(actor, record, exclude=["case"], person_id=case.person_id, fields=list(fields))
