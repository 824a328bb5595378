"""The demo's research data set: defined once by the evaluator, and it exports k-anonymous."""

from __future__ import annotations

import random

import pytest
from django.urls import reverse

from tapestry.access.models import Role
from tapestry.demo.context import DemoContext
from tapestry.testing import client_for
from tapestry.thread.datasets import demo
from tapestry.thread.datasets.models import DataSet
from tapestry.thread.datasets.tests.support import a_client, classes_of, read_zip, request_export

pytestmark = pytest.mark.django_db


def test_the_demo_defines_its_data_set_once_and_it_exports_k_anonymous(cast):
    evaluator = cast[Role.EVALUATOR]
    ctx = DemoContext(rng=random.Random(1), staff={"evaluator": evaluator})
    assert demo.seed(ctx) == "1 research data set"
    assert demo.seed(ctx) == ""
    data_set = DataSet.objects.get()
    for n in range(24):
        a_client(
            cast.caseworker,
            age=25 + n,
            gender=("woman", "man")[n % 2],
            postcode=f"5550{n % 3}",
            opened=data_set.period_start,
        )
    export = request_export(evaluator, data_set)
    response = client_for(evaluator).get(reverse("datasets:export_download", args=[export.pk]))
    rows, metadata, _ = read_zip(b"".join(response.streaming_content))
    assert metadata["k"] == 11
    classes = classes_of(rows, metadata["quasi_identifiers"])
    assert rows and min(len(persons) for persons in classes.values()) >= 11
    assert metadata["records_written"] + metadata["records_suppressed"] == 24
