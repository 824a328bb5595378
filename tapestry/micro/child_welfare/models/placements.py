"""Child-welfare placements away from home, and court hearings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.micro.child_welfare.models.base import SegmentedRecord
from tapestry.people.models import Organisation
from tapestry.web.models import optional_key


class Placement(SegmentedRecord):
    """A period a child lives away from home (or returns on trial), with whom, and why it changed."""

    class Type(models.TextChoices):
        FOSTER = "foster", gettext_lazy("Foster care")
        KINSHIP = "kinship", gettext_lazy("Kinship care")
        ADOPTION = "adoption", gettext_lazy("Adoptive placement")
        RESIDENTIAL = "residential", gettext_lazy("Residential care")
        TRIAL_HOME_VISIT = "trial_home_visit", gettext_lazy("Trial home visit")

    class Authority(models.TextChoices):
        """The legal basis for holding the child away from home (AFCARS: manner of removal)."""

        NONE = "", gettext_lazy("None stated")
        COURT_ORDER = "court_order", gettext_lazy("Court order")
        VOLUNTARY_AGREEMENT = "voluntary_agreement", gettext_lazy("Voluntary placement agreement")
        EMERGENCY_CUSTODY = "emergency_custody", gettext_lazy("Emergency or protective custody")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="placements")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    placement_type = models.CharField(max_length=20, choices=Type.choices)
    carer_person = optional_key("people.Person", verbose_name="carer")
    carer_organisation = optional_key(
        "people.Organisation",
        verbose_name="carer organisation",
        help_text=gettext_lazy("A fostering agency or residential provider."),
    )
    started_on = models.DateField()
    reason = models.TextField("why the child is placed here")
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField("reason for the change", blank=True)
    legal_authority = models.CharField(
        max_length=20,
        choices=Authority.choices,
        blank=True,
        help_text=gettext_lazy(
            "Needed unless the latest safety assessment on the case found the child unsafe."
        ),
    )
    authority_on = models.DateField("date of the order, agreement or custody", null=True, blank=True)
    authority_reference = models.CharField(
        "order or agreement reference",
        max_length=150,
        blank=True,
        help_text=gettext_lazy("For example the court's order number, or who signed the agreement."),
    )

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            # The database keeps the rule too, so two saves at once cannot both open a placement.
            models.UniqueConstraint(
                fields=["child"], condition=Q(ended_on__isnull=True), name="cw_one_open_placement_per_child"
            )
        ]

    def __str__(self) -> str:
        return gettext("%(placement_type)s for %(child)s from %(on)s") % {
            "placement_type": self.get_placement_type_display(),
            "child": self.child,
            "on": f"{self.started_on:%Y-%m-%d}",
        }

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def carer(self) -> str:
        parts = [str(part) for part in (self.carer_person, self.carer_organisation) if part]
        return " with ".join(parts)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not self.carer_person_id and not self.carer_organisation_id:
            errors["carer_person"] = gettext("Name the carer, the organisation, or both.")
        if self.carer_person_id and self.carer_person_id == self.child_id:
            errors["carer_person"] = gettext("The child cannot be their own carer.")
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = gettext("A placement cannot end before it starts.")
        if self.ended_on and not self.end_reason.strip():
            errors["end_reason"] = gettext("Say why the placement ended or changed.")
        if self.legal_authority and not self.authority_on:
            errors["authority_on"] = gettext("Give the date of the %(legal_authority)s.") % {
                "legal_authority": self.get_legal_authority_display().lower()
            }
        if not self.legal_authority and (self.authority_on or self.authority_reference.strip()):
            errors["legal_authority"] = gettext(
                "Choose the legal authority the date and reference belong to."
            )
        if self.authority_on and self.started_on and self.authority_on > self.started_on:
            errors["authority_on"] = gettext(
                "The legal authority must be in place on or before the placement starts."
            )
        if errors:
            raise ValidationError(errors)


class Hearing(SegmentedRecord):
    """A court hearing in a child's case: when, which court, what kind, and its outcome."""

    class Type(models.TextChoices):
        SHELTER = "shelter", gettext_lazy("Shelter / emergency custody")
        ADJUDICATION = "adjudication", gettext_lazy("Adjudication")
        DISPOSITION = "disposition", gettext_lazy("Disposition")
        REVIEW = "review", pgettext_lazy("hearing", "Review")
        PERMANENCY = "permanency", gettext_lazy("Permanency")
        TERMINATION = "termination", gettext_lazy("Termination of parental rights")

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="hearings")
    child = optional_key(
        "people.Person",
        help_text=gettext_lazy("Leave empty when the hearing concerns every child on the case."),
    )
    court = models.ForeignKey("people.Organisation", on_delete=models.PROTECT, related_name="+")
    hearing_type = models.CharField(max_length=16, choices=Type.choices)
    scheduled_at = models.DateTimeField("date and time")
    outcome = models.TextField(blank=True)
    next_hearing_on = models.DateField("next hearing date", null=True, blank=True)

    class Meta:
        ordering = ["-scheduled_at", "-id"]

    def __str__(self) -> str:
        return gettext("%(hearing_type)s hearing %(at)s") % {
            "hearing_type": self.get_hearing_type_display(),
            "at": f"{timezone.localtime(self.scheduled_at):%Y-%m-%d %H:%M}",
        }

    @property
    def is_past(self) -> bool:
        return self.scheduled_at <= timezone.now()

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (
            self.court_id
            and not Organisation.objects.filter(pk=self.court_id, kind=Organisation.Kind.COURT).exists()
        ):
            errors["court"] = gettext("Choose a court (an organisation of the kind 'Court').")
        if self.outcome.strip() and self.scheduled_at and self.scheduled_at > timezone.now():
            errors["outcome"] = gettext("The outcome can be recorded once the hearing has taken place.")
        if self.next_hearing_on and self.scheduled_at:
            if self.next_hearing_on <= timezone.localtime(self.scheduled_at).date():
                errors["next_hearing_on"] = gettext("The next hearing must come after this one.")
        if errors:
            raise ValidationError(errors)
