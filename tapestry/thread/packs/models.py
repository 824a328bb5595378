"""Evidence packs: what a campaign shows of the agency's practice, as counts that identify no one.

A pack names its campaign, the needs it speaks to (the campaign's, by default) and whole calendar
years; its figures are computed from the levels' measures whenever it is read, so a pack is never
a store of counts, only of what to count.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tapestry.evidence.measures import PeriodType
from tapestry.web.models import Authored, Versioned

# A pack spans whole calendar years, so every total it shows is a cell of the measures' one grid.
MAX_YEARS = 5


class Pack(Authored, Versioned):
    class Columns(models.TextChoices):
        QUARTER = PeriodType.QUARTER.value, _("Quarters")
        MONTH = PeriodType.MONTH.value, _("Months")

    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    purpose = models.CharField(
        max_length=300, blank=True, help_text=_("Who the pack is for and what it should show them.")
    )
    needs = models.ManyToManyField(
        "needs.Need", blank=True, related_name="+", help_text=_("The needs the pack counts.")
    )
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    columns = models.CharField(max_length=10, choices=Columns.choices, default=Columns.QUARTER)
    include_stories = models.BooleanField(
        default=True,
        help_text=_("Add the approved stories of clients whose consent to tell them is in force."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.first_year and self.last_year:
            if self.last_year < self.first_year:
                raise ValidationError({"last_year": _("The last year comes before the first.")})
            if self.last_year - self.first_year >= MAX_YEARS:
                raise ValidationError(
                    {"last_year": gettext("A pack spans at most %(n)s years.") % {"n": MAX_YEARS}}
                )
