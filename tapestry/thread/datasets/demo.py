"""Demo research data set: the evaluator's question about housing outcomes, defined over the last
year of cases, ready to export (k = 11, dates shifted per person)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tapestry.demo.context import DemoContext
from tapestry.thread.datasets import services
from tapestry.thread.datasets.models import DataSet

NAME = "Housing outcomes of the last year"


def seed(ctx: DemoContext) -> str:
    evaluator = ctx.staff.get("evaluator")
    if evaluator is None or DataSet.objects.filter(name=NAME).exists():
        return ""
    today = timezone.localdate()
    services.data_set_create(
        actor=evaluator,
        name=NAME,
        purpose=(
            "Evaluation of case management: do clients whose needs include housing have them met, and do "
            "referrals and group work make a difference? Carried out by the agency's evaluator."
        ),
        fields=[
            "age",
            "gender",
            "language",
            "area",
            "household_size",
            "case_type",
            "program",
            "opened_on",
            "closed_on",
            "closing_reason",
            "needs",
            "need_statuses",
            "instrument",
            "first_score",
            "latest_score",
            "referrals_count",
            "referrals_completed",
            "sessions_attended",
        ],
        period_start=today - dt.timedelta(days=365),
        period_end=today,
        k=11,
        max_suppressed_percent=5,
    )
    return "1 research data set"
