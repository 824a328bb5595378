"""The HSDS upload page: a report of what was imported, or a table of every problem."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tapestry.directory.models import Service
from tapestry.directory.tests.hsds_samples import csv_tables, json_bytes, service_doc, zip_bytes
from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_uploading_a_zip_imports_it_and_says_what_was_done(cast):
    upload = SimpleUploadedFile("harbour.zip", zip_bytes(csv_tables()))

    page = client_for(cast["program_manager"]).post(reverse("directory:import"), {"files": upload})

    text = page.content.decode()
    assert page.status_code == 200
    assert "harbour.zip: imported 1 organizations (1 new, 0 updated); 2 services (2 new, 0 updated)" in text
    assert "The directory holds 2 services" in text
    assert Service.objects.count() == 2


def test_a_bad_upload_lists_each_problem_and_stores_nothing(cast):
    bad = service_doc(name="")
    upload = SimpleUploadedFile("services.json", json_bytes(bad))

    page = client_for(cast.caseworker).post(reverse("directory:import"), {"files": upload})

    text = page.content.decode()
    assert page.status_code == 400
    assert "services.json: nothing was imported; 1 problem to fix." in text
    assert "<td>services.json</td><td>1</td><td>name</td><td>This field is required.</td>" in text
    assert Service.objects.count() == 0


def test_an_empty_form_asks_for_a_file(cast):
    page = client_for(cast.caseworker).post(reverse("directory:import"), {})

    assert "This field is required." in page.content.decode()


def test_roles_that_only_read_organisations_cannot_import(cast):
    assert client_for(cast["evaluator"]).get(reverse("directory:import")).status_code == 403
    assert client_for(cast["evaluator"]).get(reverse("directory:search")).status_code == 200
