"""The partner page, the partner list and the counts API run the same queries with 5 as with 50 referrals.

The pinned numbers include the session, the user, the policy's checks and the audit entry; if one
moves, find out why before changing it here.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tapestry.mezzo.partners.tests.helpers import case_of, partnership, received, sent_referrals
from tapestry.programs.models import Program
from tapestry.testing import OrganisationFactory, client_for, counted

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


def partner_with(cast, rows: int):
    organisation = OrganisationFactory(name="Riverton Food Collective")
    agreement = partnership(organisation)
    agreement.programs.add(Program.objects.create(name="Families First"))
    case = case_of(cast.caseworker)
    sent_referrals(organisation, case, rows)
    received(agreement, case, rows)
    return organisation, agreement


@pytest.mark.parametrize("rows", SIZES)
def test_partner_page_for_a_caseworker(cast, rows, django_assert_num_queries):
    organisation, _ = partner_with(cast, rows)

    page = counted(
        client_for(cast.caseworker),
        reverse("partners:partner_detail", args=[organisation.pk]),
        21,
        django_assert_num_queries,
    )

    html = page.content.decode()
    assert html.count('href="/referrals/') == rows
    assert html.count('href="/cases/') == rows


@pytest.mark.parametrize("rows", SIZES)
def test_partner_page_for_a_program_manager(cast, rows, django_assert_num_queries):
    organisation, _ = partner_with(cast, rows)

    counted(
        client_for(cast["program_manager"]),
        reverse("partners:partner_detail", args=[organisation.pk]),
        14,
        django_assert_num_queries,
    )


@pytest.mark.parametrize("rows", SIZES)
def test_partner_list(cast, rows, django_assert_num_queries):
    for _ in range(rows):
        partnership().programs.add(Program.objects.create(name=f"Program {_}"))

    counted(client_for(cast.caseworker), reverse("partners:partner_list"), 8, django_assert_num_queries)


@pytest.mark.parametrize("rows", SIZES)
def test_referral_counts_api(cast, rows, django_assert_num_queries):
    _, agreement = partner_with(cast, rows)

    counted(
        client_for(cast["evaluator"]),
        f"/api/v1/partnerships/{agreement.pk}/referrals",
        11,
        django_assert_num_queries,
    )
