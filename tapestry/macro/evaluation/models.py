"""Indicators: what a program measures, over which measures, per which periods, against which targets."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy

from tapestry.evidence.measures import Kind, PeriodType, parse_period, period_label, period_registry
from tapestry.web.models import Authored, Versioned, optional_key, staff_column


class Indicator(Versioned, Authored):
    """One indicator in the manner of DHIS2: numerator over denominator, times a factor, per period.

    Numerator and denominator name period measures (tapestry/evidence/measures.py); the values are
    computed when asked, never stored, so an edit of practice data shows at once.
    """

    class Factor(models.TextChoices):
        COUNT = "count", gettext_lazy("Count (the numerator alone)")
        PERCENT = "percent", gettext_lazy("Percent (× 100)")
        PER_THOUSAND = "per_thousand", gettext_lazy("Per 1,000")
        MEAN = "mean", gettext_lazy("Mean or plain ratio (× 1)")

    class Direction(models.TextChoices):
        HIGHER = "higher", gettext_lazy("Higher is better")
        LOWER = "lower", gettext_lazy("Lower is better")

    MULTIPLIERS = {Factor.COUNT: 1, Factor.PERCENT: 100, Factor.PER_THOUSAND: 1000, Factor.MEAN: 1}

    name = models.CharField(max_length=150, unique=True)
    definition = models.TextField(
        help_text=gettext_lazy("What the indicator shows, in plain words a funder would follow.")
    )
    numerator = models.CharField(max_length=80, help_text=gettext_lazy("The measure counted on top."))
    denominator = models.CharField(
        max_length=80, blank=True, help_text=gettext_lazy("The measure divided by; none for a count.")
    )
    factor = models.CharField(max_length=20, choices=Factor.choices, default=Factor.PERCENT)
    period_type = models.CharField(max_length=10, choices=PeriodType.choices, default=PeriodType.QUARTER)
    breakdown = models.CharField(
        max_length=40,
        blank=True,
        help_text=gettext_lazy("One dimension beyond the period, offered by both measures."),
    )
    program = optional_key("mezzo.Program", related_name="indicators")
    baseline_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    baseline_period = models.CharField(
        max_length=10, blank=True, help_text=gettext_lazy("Such as 2025, 2025-Q4 or 2025-12.")
    )
    target_value = models.DecimalField(
        "target",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=gettext_lazy("For every period."),
    )
    targets = models.JSONField(
        "targets by period",
        default=dict,
        blank=True,
        help_text=gettext_lazy("A target for a period overrides the one target: period label to value."),
    )
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    owner = staff_column(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def multiplier(self) -> int:
        return self.MULTIPLIERS[self.Factor(self.factor)]

    def target_for(self, label: str) -> Decimal | None:
        if label in self.targets:
            return Decimal(str(self.targets[label]))
        return self.target_value

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        measures = period_registry()
        top = measures.get(self.numerator)
        bottom = measures.get(self.denominator) if self.denominator else None
        if top is None:
            errors["numerator"] = [gettext("Choose one of the measures offered.")]
        if self.denominator and bottom is None:
            errors["denominator"] = [gettext("Choose one of the measures offered.")]
        if self.factor == self.Factor.COUNT and self.denominator:
            errors["denominator"] = [
                gettext("A count has no denominator: leave it empty, or choose another factor.")
            ]
        if self.factor != self.Factor.COUNT and not self.denominator:
            errors["denominator"] = [
                gettext("A rate or a mean needs a denominator (or choose the factor Count).")
            ]
        if bottom is not None and bottom.kind != Kind.COUNT:
            errors["denominator"] = [
                gettext("This measure is a total, not a count: it cannot be divided by.")
            ]
        if top is not None and bottom is not None and top.kind == Kind.COUNT and top.within != bottom.name:
            errors.setdefault("denominator", []).append(
                gettext(
                    "%(top)s is not counted within %(bottom)s: a rate's numerator counts a part of its denominator."
                )
                % {"top": top.title, "bottom": bottom.title}
            )
        if top is not None and top.kind == Kind.SUM:
            if self.denominator != top.over:
                errors.setdefault("denominator", []).append(
                    gettext("A total is divided by the count it is over: choose %(measure)s.")
                    % {"measure": measures[top.over].title}
                )
            if self.factor != self.Factor.MEAN:
                errors["factor"] = [
                    gettext("A total divided by a count of people is a mean: choose the mean factor.")
                ]
        if self.breakdown:
            offered = [found for found in (top, bottom) if found is not None]
            if any(self.breakdown not in dict(found.breakdowns) for found in offered):
                errors["breakdown"] = [gettext("Both measures must offer this breakdown.")]
            elif self.program_id:
                errors["breakdown"] = [
                    gettext(
                        "An indicator of one program is not broken down: its rows could be subtracted from "
                        "the agency's. Choose Period only, or no program."
                    )
                ]
        if (self.baseline_value is None) != (not self.baseline_period):
            errors["baseline_period"] = [
                gettext("Give the baseline's value and its period together, or neither.")
            ]
        elif self.baseline_period:
            self.baseline_period = self._period(self.baseline_period, "baseline_period", errors)
        self.targets = self._targets(errors)
        if errors:
            raise ValidationError(errors)

    def _period(self, text: str, field: str, errors: dict[str, list[str]]) -> str:
        try:
            return period_label(self.period_type, parse_period(self.period_type, text))
        except (ValueError, KeyError) as error:
            errors.setdefault(field, []).append(
                gettext("%(text)s is not a %(period)s: %(error)s")
                % {"text": repr(text), "period": self.get_period_type_display().lower(), "error": error}
            )
            return text

    def _targets(self, errors: dict[str, list[str]]) -> dict[str, float]:
        if not isinstance(self.targets, dict):
            errors["targets"] = [gettext("Give targets as period: value pairs.")]
            return {}
        cleaned = {}
        for period, value in self.targets.items():
            label = self._period(str(period), "targets", errors)
            try:
                number = Decimal(str(value))
            except (InvalidOperation, ValueError):
                number = Decimal("NaN")
            if isinstance(value, bool) or not number.is_finite():
                errors.setdefault("targets", []).append(
                    gettext("The target for %(period)s is not a number.") % {"period": period}
                )
                continue
            cleaned[label] = float(number)
        return dict(sorted(cleaned.items()))
