"""A funder report's content: its indicators' figures over the report's period, and the award's deliverables.

Figures come only from evaluation's selectors (`indicator_values`), which read practice data through
the period measures and suppress small counts; nothing here counts practice records. A draft's
content is computed when read; a submitted report's is the snapshot stored when it was submitted,
in the same plain form (`content`), so the page, the API and the PDF all show what was sent.

Queries: the report's indicators (1), the award's deliverables (1), and for a draft the indicator's
grouped measure queries (2 per indicator, at most `FunderReport.MAX_INDICATORS` indicators).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from tapestry.access.models import User
from tapestry.evidence.measures import Periods, period_registry
from tapestry.evidence.suppression import threshold
from tapestry.macro.evaluation import selectors as evaluation
from tapestry.macro.evaluation.models import Indicator
from tapestry.macro.grants.models import Deliverable, FunderReport

SUPPRESSED = "suppressed"
NO_DATA = "no data"


def shown_part(part: float | None) -> str:
    """A numerator or denominator as shown: as on the indicator's page, or "suppressed" where hidden."""
    return SUPPRESSED if part is None else _number(part)


def _number(value: float | Decimal | None) -> str:
    """A number written as the indicator's page writes it (60.0, 71.4, 70.00), so the two agree."""
    return "" if value is None else str(value)


def _shown(rate: Any) -> str:
    """The value as shown beside its figure: the number, "suppressed (fewer than N …)" or "no data"."""
    if rate.value is not None:
        return _number(rate.value)
    if rate.suppressed:
        return f"{SUPPRESSED} ({rate.hidden})"
    return NO_DATA


def _measure(name: str) -> str:
    found = period_registry().get(name)
    return f"{found.title} ({name})" if found is not None else name


def indicator_figure(*, user: User, indicator: Indicator, report: FunderReport) -> dict[str, Any]:
    """One indicator's values in each of its periods that overlap the report's period, as plain data."""
    periods = Periods(indicator.period_type, report.period_start, report.period_end)
    values = evaluation.indicator_values(user=user, indicator=indicator, periods=periods)
    labels = [value.period for value in values]
    return {
        "indicator_id": indicator.pk,
        "name": indicator.name,
        "definition": indicator.definition,
        "program": indicator.program.name if indicator.program_id else "Whole agency",
        "numerator": _measure(indicator.numerator),
        "denominator": _measure(indicator.denominator) if indicator.denominator else "",
        "factor": indicator.get_factor_display(),
        "period_type": indicator.get_period_type_display(),
        "periods": labels[0] if len(labels) == 1 else f"{labels[0]} to {labels[-1]}",
        "direction": indicator.get_direction_display(),
        "baseline": (
            f"{indicator.baseline_value} in {indicator.baseline_period}" if indicator.baseline_period else ""
        ),
        "values": [
            {
                "period": value.period,
                "numerator": value.rate.numerator,
                "denominator": value.rate.denominator,
                "value": value.rate.value,
                "shown": _shown(value.rate),
                "numerator_shown": shown_part(value.rate.numerator),
                "denominator_shown": shown_part(value.rate.denominator) if indicator.denominator else "",
                "suppressed": value.rate.suppressed,
                "hidden": value.rate.hidden,
                "target": float(value.target) if value.target is not None else None,
                "target_shown": _number(value.target),
                "status": value.status,
            }
            for value in values
        ],
    }


def _deliverable(row: Deliverable, today: Any) -> dict[str, Any]:
    if row.done_on is not None:
        status = f"Done on {row.done_on:%Y-%m-%d}"
    elif row.due_on < today:
        status = "Overdue"
    else:
        status = "Not yet due"
    return {
        "description": row.description,
        "due_on": row.due_on.isoformat(),
        "done_on": row.done_on.isoformat() if row.done_on else None,
        "status": status,
    }


def compute(*, user: User, report: FunderReport) -> dict[str, Any]:
    """The report's content computed now, from the measures (what a draft shows, what submission stores)."""
    today = timezone.localdate()
    indicators = list(report.indicators.select_related("program").order_by("name"))
    deliverables = list(Deliverable.objects.filter(award_id=report.award_id).order_by("due_on", "pk"))
    return {
        "computed_on": today.isoformat(),
        "threshold": threshold(),
        "figures": [indicator_figure(user=user, indicator=found, report=report) for found in indicators],
        "deliverables": [_deliverable(row, today) for row in deliverables],
    }


def content(*, user: User, report: FunderReport) -> dict[str, Any]:
    """What the report shows: its snapshot once submitted, else its content computed now."""
    if report.frozen and report.snapshot:
        return report.snapshot
    return compute(user=user, report=report)
