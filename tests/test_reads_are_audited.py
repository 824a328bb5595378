"""Guard: every read that shows a person's name writes an audit entry.

For every role, every GET page and API operation of the authorization matrix the role is let
through is requested in the matrix's world. Every person in that world is renamed first to a
name no page shows by chance; a response that contains one of those names must have written at
least one AuditEntry during that request (docs/access-and-audit.md, "The audit log").
"""

from __future__ import annotations

import string

import pytest

from tapestry.access.models import AuditEntry, Role
from tapestry.access.routes import ROUTES
from tapestry.people.models import Person
from tests.test_authorization_matrix import expected_through, request_route, world  # noqa: F401

# Routes that may show a name without writing an entry, each with the reason. None so far.
NOT_A_READ_OF_A_PERSON: dict[str, str] = {}


def _letters(n: int) -> str:
    """0 -> 'aa', 1 -> 'ab', ...: a name part that is no other's prefix or suffix."""
    return string.ascii_lowercase[n // 26 % 26] + string.ascii_lowercase[n % 26]


def rename_everyone() -> list[str]:
    """Give every person a distinctive name and return the name parts to look for."""
    parts = []
    for n, person in enumerate(Person.objects.order_by("pk")):
        person.given_name = f"Quiv{_letters(n)}ella"
        person.family_name = f"Brannoch{_letters(n)}ey"
        person.preferred_name = ""
        person.save(update_fields=["given_name", "family_name", "preferred_name"])
        parts += [person.given_name, person.family_name]
    return parts


def test_the_invented_names_do_not_contain_one_another():
    parts = [f"Quiv{_letters(n)}ella" for n in range(60)] + [f"Brannoch{_letters(n)}ey" for n in range(60)]
    assert len(set(parts)) == 120
    assert not [(a, b) for a in parts for b in parts if a != b and a in b]


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(role.value for role in Role))
def test_a_read_that_shows_a_name_is_audited(role, world):  # noqa: F811
    names = rename_everyone()
    unaudited = []
    for key, rule in sorted(ROUTES.items()):
        if " " in key and not key.startswith("GET "):
            continue
        if not expected_through(rule, role) or key in NOT_A_READ_OF_A_PERSON:
            continue
        before = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = request_route(key, world, role)
        content = response.content.decode(errors="replace")
        shown = sorted({name for name in names if name in content})
        # force_login records a sign-in on every request of the matrix: that is not a read.
        written = AuditEntry.objects.filter(id__gt=before).exclude(action=AuditEntry.Action.LOGIN)
        if shown and not written.exists():
            unaudited.append(f"{key} ({response.status_code}) shows {', '.join(shown[:3])}")
    assert not unaudited, "\n".join(unaudited)
