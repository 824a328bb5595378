"""The README stays true: its demo-login table names every role the policy knows, as the policy names it."""

from __future__ import annotations

import re
from pathlib import Path

from tapestry.access.models import Role
from tapestry.access.policy import ROLE_CAPABILITIES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def role_table() -> dict[str, str]:
    """The demo-login table's rows: username to the role's name as written."""
    start = README.index("| username | role |")
    rows = {}
    for line in README[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        for username in re.findall(r"`([^`]+)`", cells[0]):
            rows[username] = cells[1]
    return rows


def test_the_table_has_one_row_per_role_of_the_policy():
    assert set(role_table()) == {str(role) for role in ROLE_CAPABILITIES} == set(Role.values)


def test_each_row_names_the_role_as_the_application_shows_it():
    rows = role_table()
    assert {username: rows[username] for username in Role.values} == {role.value: role.label for role in Role}


def test_the_readme_says_how_to_run_on_another_port():
    assert "make run PORT=" in README
