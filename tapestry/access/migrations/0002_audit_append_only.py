"""Make the audit log append-only in the database itself, on SQLite and PostgreSQL."""

from django.db import migrations

SQLITE_UP = [
    "CREATE TRIGGER access_auditentry_no_update BEFORE UPDATE ON access_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
    "CREATE TRIGGER access_auditentry_no_delete BEFORE DELETE ON access_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS access_auditentry_no_update;",
    "DROP TRIGGER IF EXISTS access_auditentry_no_delete;",
]
POSTGRES_UP = [
    "CREATE OR REPLACE FUNCTION access_auditentry_refuse() RETURNS trigger AS $$ "
    "BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql;",
    "CREATE TRIGGER access_auditentry_append_only BEFORE UPDATE OR DELETE ON access_auditentry "
    "FOR EACH ROW EXECUTE FUNCTION access_auditentry_refuse();",
    "CREATE TRIGGER access_auditentry_no_truncate BEFORE TRUNCATE ON access_auditentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION access_auditentry_refuse();",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS access_auditentry_no_truncate ON access_auditentry;",
    "DROP TRIGGER IF EXISTS access_auditentry_append_only ON access_auditentry;",
    "DROP FUNCTION IF EXISTS access_auditentry_refuse();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("access", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
