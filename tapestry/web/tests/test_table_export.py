"""Every table can be downloaded as CSV: the same page, its access checks and suppression, as CSV."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import override_settings
from django.urls import reverse

from tapestry.access.models import AuditEntry
from tapestry.testing import PersonFactory, assign, client_for
from tapestry.web.table_export import page_tables, table_csv

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_parser_reads_header_and_rows_and_leaves_out_buttons():
    html = """<table id="t"><thead><tr><th>Name</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody><tr><td>Ana <b>B</b></td><td><form><button>Remove</button></form></td></tr></tbody></table>
    <table><tr><td>=1+1</td><td>-3</td></tr></table>"""
    tables = page_tables(html)
    assert tables[0] == ("t", [["Name", "Actions"], ["Ana B", ""]])
    # A cell that a spreadsheet would run as a formula is quoted; a negative number is not.
    assert table_csv(tables[1][1]).strip() == "'=1+1,-3"


def test_a_page_with_a_table_gets_a_download_link_and_the_csv_has_its_rows(cast):
    person = PersonFactory(given_name="Odile", family_name="Brennan")
    assign(cast.caseworker, person)
    client = client_for(cast.caseworker)
    page = client.get(reverse("people:person_list")).content.decode()
    assert "Download CSV" in page and "export=csv&amp;table=" in page
    response = client.get(reverse("people:person_list"), {"export": "csv", "table": "1"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert any("Brennan" in cell for row in rows_of(response) for cell in row)
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).get()
    assert entry.actor == cast.caseworker and entry.object_id.startswith("people:person_list#")


def test_an_export_answers_as_the_page_would_to_someone_out_of_reach(cast):
    url = reverse("access:audit_log")
    response = client_for(cast.caseworker).get(url, {"export": "csv", "table": "1"})
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_an_unknown_table_is_not_found(cast):
    response = client_for(cast.caseworker).get(
        reverse("people:person_list"), {"export": "csv", "table": "99"}
    )
    assert response.status_code == 404


def test_suppressed_counts_stay_suppressed_in_the_csv(cast):
    from tapestry.mezzo.group_sessions.models import Attendance
    from tapestry.mezzo.group_sessions.tests.factories import enrol, hold_session, make_group, mark_all
    from tapestry.programs.tests.support import program_for

    group = make_group(cast["group_facilitator"], program=program_for(cast["program_manager"]))
    members = [enrol(group) for _ in range(3)]
    mark_all(
        cast["group_facilitator"],
        hold_session(cast["group_facilitator"], group),
        **{f"m{members[0].pk}": Attendance.Mark.ABSENT},
    )
    url = reverse("group_sessions:attendance_summary", args=[group.pk])
    with override_settings(TAPESTRY_SUPPRESSION_THRESHOLD=11):
        response = client_for(cast["program_manager"]).get(
            url, {"export": "csv", "table": "attendance-summary"}
        )
    rows = rows_of(response)
    assert rows[0] == ["Measure", "Count"]
    assert ["Places expected", "<11"] in rows
    assert ["Came (present or late)", "<11"] in rows
