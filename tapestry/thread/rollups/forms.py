"""The choices a need's page offers: periods (quarters or months, how many) and the kind of area."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from tapestry.evidence.measures import PeriodType
from tapestry.places.models import Area
from tapestry.thread.rollups.selectors import DEFAULT_PERIODS, MAX_PERIODS, PERIOD_KINDS


class FiguresForm(forms.Form):
    period = forms.ChoiceField(
        label=gettext_lazy("Periods of"),
        choices=[(kind.value, kind.label) for kind in PERIOD_KINDS],
        initial=PeriodType.QUARTER.value,
        required=False,
    )
    count = forms.IntegerField(
        label=gettext_lazy("How many periods"),
        min_value=2,
        max_value=MAX_PERIODS,
        required=False,
    )
    area_kind = forms.ChoiceField(
        label=gettext_lazy("Areas"),
        choices=Area.Kind.choices,
        initial=Area.Kind.NEIGHBOURHOOD,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["count"].help_text = gettext("From 2 to %(n)s, ending with the current one.") % {
            "n": MAX_PERIODS
        }

    def choices(self) -> tuple[str, int, str]:
        """(period kind, how many, area kind), the defaults standing in for what was left out."""
        data = self.cleaned_data if self.is_valid() else {}
        kind = data.get("period") or PeriodType.QUARTER.value
        count = data.get("count") or DEFAULT_PERIODS[PeriodType(kind)]
        return kind, count, data.get("area_kind") or Area.Kind.NEIGHBOURHOOD
