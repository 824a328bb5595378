"""Supervision pages in Spanish for a supervisor who chose it (issue 12, item 10)."""

from __future__ import annotations

import pytest

from tapestry.testing import client_for

pytestmark = pytest.mark.django_db


def test_the_team_workload_and_duplicates_queue_read_in_spanish(cast):
    cast.supervisor.language = "es"
    cast.supervisor.save(update_fields=["language"])
    client = client_for(cast.supervisor)

    page = client.get("/supervision/team/").content.decode()
    assert "Carga de trabajo del equipo" in page and "Team workload" not in page

    queue = client.get("/supervision/duplicates/").content.decode()
    assert "Cola de duplicados" in queue and "Duplicates queue" not in queue
