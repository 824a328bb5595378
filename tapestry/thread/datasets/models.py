"""Research data sets: what an evaluator asks for, and each de-identified export of it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tapestry.web.models import Authored, Timestamped, optional_key, staff_column

DEFAULT_K = 11
MIN_K = 2


class DateHandling(models.TextChoices):
    SHIFT = "shift", _("Shift each person's dates by a random offset (kept within the person)")
    MONTH = "month", _("Generalise dates to the month")
    YEAR = "year", _("Generalise dates to the year")


class DataSet(Timestamped, Authored):
    """The definition of a research data set: the fields wanted, the population and the period."""

    name = models.CharField(max_length=150)
    purpose = models.TextField(help_text=_("What the research or evaluation asks, and who carries it out."))
    fields = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Codes of the catalogue fields wanted, in order (at least one: the service says so)."),
    )
    # The population: cases opened during the period, of this program, with this need, of this type.
    program = optional_key("mezzo.Program", related_name="+")
    need = optional_key("needs.Need", related_name="+")
    case_type = models.CharField(max_length=20, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    k = models.PositiveSmallIntegerField(
        default=DEFAULT_K, validators=[MinValueValidator(MIN_K), MaxValueValidator(1000)]
    )
    date_handling = models.CharField(max_length=8, choices=DateHandling.choices, default=DateHandling.SHIFT)
    max_suppressed_percent = models.PositiveSmallIntegerField(
        default=5,
        validators=[MaxValueValidator(50)],
        help_text=_("The largest share of records the search may suppress before it generalises further."),
    )
    # Part 2 and school records go only to the organisation a research consent names.
    recipient_organisation = optional_key("people.Organisation", related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.period_start:%Y-%m-%d} to {self.period_end:%Y-%m-%d})"

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})


class DataSetExport(models.Model):
    """One run of a data set's export: its progress while the task runs, then what it did."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", pgettext_lazy("export status", "Done")
        FAILED = "failed", _("Failed")

    data_set = models.ForeignKey(DataSet, on_delete=models.CASCADE, related_name="exports")
    requested_by = staff_column()
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    records_written = models.PositiveIntegerField(default=0)
    records_suppressed = models.PositiveIntegerField(default=0)
    left_out_for_consent = models.PositiveIntegerField(default=0)
    # What the de-identification did (k, quasi-identifiers and their levels, classes), as in the file.
    report = models.JSONField(default=dict, blank=True)
    file_name = models.CharField(max_length=100, blank=True)
    problem = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"Export of {self.data_set.name} ({self.get_status_display().lower()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent_done(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        # In tens: the page and the API never show the number of cases read, which (as the population)
        # beside the records written would give back how many were left out for consent.
        return 10 * (10 * self.rows_done // self.rows_total) if self.rows_total else 0
