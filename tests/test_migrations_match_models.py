"""The models and the migrations describe the same schema.

Refactors of model fields (shared field factories such as `optional_key` and `staff_column`, abstract
bases) must leave the migration state as it was; a change that needs a migration and has none fails here.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_without_its_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, verbosity=1)
    except SystemExit:
        pytest.fail("Models differ from the migrations:\n" + out.getvalue())
    assert "No changes detected" in out.getvalue()
