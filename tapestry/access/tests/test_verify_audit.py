"""`manage.py verify_audit`: a clean chain passes with its head hash; a tampered one fails loudly."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tapestry.access.audit import GENESIS_HASH, audit_record
from tapestry.access.models import AuditChainHead, AuditEntry, ChainCheck

pytestmark = pytest.mark.django_db


def record(actor, purpose: str = "") -> AuditEntry:
    return audit_record(
        actor=actor, action=AuditEntry.Action.VIEW, object_type="people.person", purpose=purpose
    )


def verify() -> str:
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    return out.getvalue()


def without_append_only_triggers(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks from this test's inserts must run before ALTER TABLE may.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE access_auditentry DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER access_auditentry_no_update")
            cursor.execute("DROP TRIGGER access_auditentry_no_delete")
        cursor.execute(sql, params)


def test_intact_chain_reports_the_count_and_head_hash(cast):
    for _ in range(3):
        record(cast.caseworker)

    output = verify()

    assert "3 entries checked" in output
    assert f"Head hash: {AuditChainHead.objects.get().last_hash}" in output


def test_empty_log_passes_with_the_genesis_hash(db):
    output = verify()

    assert "0 entries checked" in output
    assert GENESIS_HASH in output


def test_changed_entry_fails_with_its_number_and_the_problem(cast):
    record(cast.caseworker)
    victim = record(cast.caseworker, purpose="court report")
    without_append_only_triggers(
        "UPDATE access_auditentry SET purpose = %s WHERE id = %s", ["routine", victim.id]
    )

    with pytest.raises(CommandError) as failure:
        verify()

    assert f"entry {victim.id}" in str(failure.value)
    assert "changed after it was written" in str(failure.value)


def test_deleted_entry_fails_with_its_number(cast):
    record(cast.caseworker)
    victim = record(cast.caseworker)
    record(cast.caseworker)
    without_append_only_triggers("DELETE FROM access_auditentry WHERE id = %s", [victim.id])

    with pytest.raises(CommandError) as failure:
        verify()

    assert f"entry {victim.id} is missing" in str(failure.value)


def test_command_error_means_a_non_zero_exit(cast):
    record(cast.caseworker)
    without_append_only_triggers("DELETE FROM access_auditentry", [])

    with pytest.raises(CommandError) as failure:
        verify()

    # manage.py turns a CommandError into this exit status.
    assert failure.value.returncode == 1


def test_each_run_is_kept_for_the_audit_page(cast):
    record(cast.caseworker)

    verify()

    check = ChainCheck.objects.get()
    assert (check.ok, check.checked, check.head_hash) == (True, 1, AuditChainHead.objects.get().last_hash)
