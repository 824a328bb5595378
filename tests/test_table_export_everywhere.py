"""Every page of the authorization matrix's GET routes that shows a table can export it as CSV: for a
role the route lets through, the CSV of each table has the table's header and rows."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from tapestry.access.routes import ROUTES
from tapestry.web.table_export import page_tables, table_csv
from tests.test_authorization_matrix import ROLES, expected_through, ui_kwargs, world  # noqa: F401

# Pages whose rows change with every render: the audit log records its own reading, so the export
# (a second render) lists one entry more. Their header is compared, not their number of rows.
LIVE_PAGES = {"access:audit_log"}

# The roles tried for each page, most likely first to see rows (a supervisor reaches most records).
PREFERRED = ["supervisor", "caseworker", "program_manager", "evaluator", "auditor", "administrator"]


@pytest.mark.django_db
def test_every_table_exports_its_header_and_rows(world):  # noqa: F811
    checked, wrong = 0, []
    roles = PREFERRED + [r for r in ROLES if r not in PREFERRED and r != "anonymous"]
    for key in sorted(k for k in ROUTES if " " not in k and ":" in k):
        role = next((r for r in roles if expected_through(ROUTES[key], r)), None)
        if role is None:
            continue
        user = world["cast"][role]
        client = Client()
        client.force_login(user)
        url = reverse(key, kwargs=ui_kwargs(key, world, user))
        page = client.get(url)
        if page.status_code != 200 or not page["Content-Type"].startswith("text/html"):
            continue
        html = page.content.decode()
        for number, (table_id, rows) in enumerate(page_tables(html), start=1):
            wanted = table_id or str(number)
            if f"table={wanted}" not in html:
                wrong.append(f"{key} table {wanted}: no download link")
            export = client.get(url, {"export": "csv", "table": wanted})
            got = list(csv.reader(io.StringIO(export.content.decode()))) if export.status_code == 200 else []
            expected = list(csv.reader(io.StringIO(table_csv(rows))))
            same_size = key in LIVE_PAGES or len(got) == len(expected)
            if export.status_code != 200 or got[:1] != expected[:1] or not same_size:
                wrong.append(f"{key} table {wanted} as {role}: {export.status_code}")
            elif rows and not any(got[0]):
                wrong.append(f"{key} table {wanted}: an empty header")
            checked += 1
    assert checked > 10, "the walk found almost no tables"
    assert wrong == []
