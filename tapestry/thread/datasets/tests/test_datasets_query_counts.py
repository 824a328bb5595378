"""The research data set pages run the same number of queries at 3 and at 30 of everything.

Every signed-in page runs 5 of the pinned queries (session, user, session save in a savepoint);
the rest are the page's own reads.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.needs.models import Need
from tapestry.programs.models import Program
from tapestry.testing import OrganisationFactory, client_for
from tapestry.thread.datasets.models import DataSet, DataSetExport

pytestmark = pytest.mark.django_db

SIZES = [3, 30]


def filled(evaluator, rows: int) -> tuple[DataSet, DataSetExport]:
    """`rows` data sets each with `rows` exports, and `rows` programs and organisations for the form."""
    need = Need.objects.first()
    for n in range(rows):
        Program.objects.create(name=f"Program {n}")
        OrganisationFactory()
    for n in range(rows):
        data_set = DataSet.objects.create(
            name=f"Set {n}",
            purpose="Evaluation",
            fields=["age", "gender", "needs"],
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 12, 31),
            need=need,
            program=Program.objects.first(),
            created_by=evaluator,
        )
        for _ in range(rows):
            export = DataSetExport.objects.create(
                data_set=data_set,
                requested_by=evaluator,
                status=DataSetExport.Status.DONE,
                report={"k": 11, "generalised_to": {"age": "10-year band", "gender": "as recorded"}},
            )
    return data_set, export


PAGES = {
    # the data sets (with program, need, partner, author); their exports
    "data_set_list": 7,
    # the data set; its exports with who asked
    "data_set_detail": 7,
    # the export with its data set
    "export_detail": 6,
    # programs, needs, organisations offered by the form
    "data_set_create": 8,
}


@pytest.mark.parametrize("rows", SIZES)
@pytest.mark.parametrize("page", sorted(PAGES))
def test_pages_run_a_constant_number_of_queries(cast, django_assert_num_queries, rows, page):
    evaluator = cast[Role.EVALUATOR]
    data_set, export = filled(evaluator, rows)
    args = {"data_set_detail": [data_set.pk], "export_detail": [export.pk]}.get(page, [])
    url = reverse(f"datasets:{page}", args=args)
    client = client_for(evaluator)
    client.get(url)  # the first request settles the session
    with django_assert_num_queries(PAGES[page]):
        response = client.get(url)
    assert response.status_code == 200
