"""`manage.py verify_audit`: walk the audit hash chain and fail loudly if it was tampered with."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tapestry.access.audit import GENESIS_HASH, audit_verify
from tapestry.access.models import AuditChainHead


class Command(BaseCommand):
    help = "Check every audit entry's link and content; exit non-zero at the first broken entry."

    def handle(self, *args: Any, **options: Any) -> None:
        report = audit_verify()
        if not report.ok:
            raise CommandError(
                f"Audit chain broken at entry {report.broken_at}: {report.problem}. "
                f"{report.checked} entries before it check out."
            )
        head = AuditChainHead.objects.filter(pk=1).first()
        head_hash = head.last_hash if head is not None else GENESIS_HASH
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {report.checked} entries checked."))
        self.stdout.write(f"Head hash: {head_hash}")
