"""What macro forms and API bodies may name, shared by the macro apps: organisations, needs and staff.

None is person-level: organisations and needs are agency facts, and staff are the agency's own.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from tapestry.access.models import User
from tapestry.needs.models import Need
from tapestry.needs.selectors import need_list
from tapestry.people.models import Organisation


def organisation_choices() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def need_choices() -> QuerySet[Need]:
    return need_list()


def staff_choices() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("last_name", "first_name", "username")


def staff_member(pk: int) -> User | None:
    return staff_choices().filter(pk=pk).first()


def organisation(pk: int) -> Organisation | None:
    return organisation_choices().filter(pk=pk).first()


def needs_by_code(codes: list[str], field: str = "needs") -> list[Need]:
    """The needs these codes name, each once in the order sent; an unknown code is an error on `field`."""
    found = {need.code: need for need in need_choices().filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError({field: [f"No such need: {', '.join(unknown)}."]})
    return [found[code] for code in dict.fromkeys(codes)]
