"""Demo compliance items of the demo agency: licences, audits, trainings, policy reviews and insurance,
some overdue, some due soon, one recurring every year and one done with the next already kept.

Dates are set from the day the demo is loaded, so "overdue" and "due soon" stay true. Owners are the
director and the administrator.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.macro.leadership.models import ComplianceItem

K = ComplianceItem.Kind
R = ComplianceItem.Recurrence

# (kind, title, owner, days from today, recurrence, months apart, notes, evidence)
ITEMS = (
    (
        K.LICENCE,
        "Behavioral health agency licence renewal",
        "agency_director",
        -5,
        R.YEARLY,
        None,
        "State licensing board; the renewal form needs the board chair's signature.",
        "Licence BH-2024-0317",
    ),
    (
        K.AUDIT,
        "Annual financial audit (single audit)",
        "agency_director",
        12,
        R.YEARLY,
        None,
        "Auditors on site for three days; the grants officer prepares the award schedule.",
        "",
    ),
    (
        K.TRAINING,
        "Mandated reporter training for all staff",
        "administrator",
        -20,
        R.NONE,
        None,
        "Three staff still to complete the online module.",
        "",
    ),
    (
        K.TRAINING,
        "Confidentiality and 42 CFR Part 2 refresher",
        "administrator",
        25,
        R.MONTHS,
        6,
        "Every six months for staff who see substance-use records.",
        "",
    ),
    (
        K.POLICY_REVIEW,
        "Review of the client grievance policy",
        "agency_director",
        45,
        R.NONE,
        None,
        "The board asked for a plain-language version.",
        "",
    ),
    (K.POLICY_REVIEW, "Records retention policy review", "administrator", 90, R.YEARLY, None, "", ""),
    (
        K.INSURANCE,
        "General and professional liability insurance renewal",
        "administrator",
        6,
        R.YEARLY,
        None,
        "Broker sends the quote a month ahead.",
        "Policy GL-88-2041",
    ),
    (K.OTHER, "Fire safety inspection of the Main Street office", "administrator", 150, R.NONE, None, "", ""),
)


def seed(ctx: DemoContext) -> str:
    if ComplianceItem.objects.exists():
        return ""
    today = timezone.localdate()
    for kind, title, owner, days, recurrence, months, notes, evidence in ITEMS:
        ComplianceItem.objects.create(
            kind=kind,
            title=title,
            owner=ctx.staff.get(owner),
            due_on=today + dt.timedelta(days=days),
            recurrence=recurrence,
            every_months=months,
            notes=notes,
            evidence=evidence,
            created_by=ctx.staff.get("agency_director"),
        )
    # Last year's data protection training, done, and this year's, kept when it was marked done.
    done = ComplianceItem.objects.create(
        kind=K.TRAINING,
        title="Data protection training",
        owner=ctx.staff.get("administrator"),
        due_on=today - dt.timedelta(days=300),
        recurrence=R.YEARLY,
        status=ComplianceItem.Status.DONE,
        done_on=today - dt.timedelta(days=302),
        evidence="Training log, sheet 2026",
    )
    ComplianceItem.objects.create(
        kind=K.TRAINING,
        title="Data protection training",
        owner=ctx.staff.get("administrator"),
        due_on=today + dt.timedelta(days=65),
        recurrence=R.YEARLY,
        follows=done,
    )
    return f"{len(ITEMS) + 2} compliance items"
