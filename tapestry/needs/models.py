"""The coded needs and barriers that run through cases, groups and campaigns."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy

from tapestry.web.models import Timestamped


class Domain(models.TextChoices):
    HOUSING = "housing", gettext_lazy("Housing")
    FOOD = "food", gettext_lazy("Food")
    INCOME = "income", gettext_lazy("Income and benefits")
    EMPLOYMENT = "employment", gettext_lazy("Employment")
    EDUCATION = "education", gettext_lazy("Education and literacy")
    SAFETY = "safety", gettext_lazy("Safety and violence")
    SOCIAL = "social", gettext_lazy("Social connection")
    HEALTH = "health", gettext_lazy("Health and mental health")
    SUBSTANCE_USE = "substance_use", gettext_lazy("Substance use")
    FAMILY = "family", gettext_lazy("Family and caregiving")
    LEGAL = "legal", gettext_lazy("Legal")
    TRANSPORT = "transport", gettext_lazy("Transport")
    UTILITIES = "utilities", gettext_lazy("Utilities")


class Need(Timestamped):
    """One coded need, with its ICD-10-CM Z code (Z55-Z65) where one exists."""

    code = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=120)
    domain = models.CharField(max_length=20, choices=Domain.choices)
    icd10 = models.CharField("ICD-10-CM code", max_length=10, blank=True)
    icd10_year = models.PositiveSmallIntegerField(
        "ICD-10-CM code set (fiscal year)",
        null=True,
        blank=True,
        help_text=gettext_lazy(
            "The US fiscal year of the ICD-10-CM code set the code was checked against; "
            "FY2026 is in effect from 1 October 2025."
        ),
    )
    description = models.CharField(max_length=255, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["domain", "label"]

    def __str__(self) -> str:
        return f"{self.label} ({self.icd10})" if self.icd10 else self.label


class Barrier(Timestamped):
    """What stood in the way of meeting a need: the root causes advocacy works on."""

    code = models.SlugField(max_length=60, unique=True)
    label = models.CharField(max_length=120)
    description = models.CharField(max_length=255, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class Level(models.TextChoices):
    MICRO = "micro", gettext_lazy("Micro: the person or family")
    MEZZO = "mezzo", gettext_lazy("Mezzo: a group, program or organisation")
    MACRO = "macro", gettext_lazy("Macro: a community, policy or system")


class InterventionType(Timestamped):
    """A kind of work a social worker can do about a need, on one of the three levels.

    It fits the needs of its `domains` and the needs it names; the level advisor reads it to
    suggest work on every level for a case's needs (tapestry/thread/advisor).
    """

    class Acts(models.TextChoices):
        """The local option a worker can act on in one step from the advisor, if any."""

        NONE = "", gettext_lazy("Done within the case")
        GROUP = "group", gettext_lazy("Enrol in a group")
        SERVICE = "service", gettext_lazy("Refer to a directory service")
        CAMPAIGN = "campaign", gettext_lazy("Tell the client about a campaign")

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    level = models.CharField(max_length=5, choices=Level.choices)
    description = models.TextField()
    domains = models.JSONField(
        default=list,
        blank=True,
        help_text=gettext_lazy("The need domains it fits (every need of those domains)."),
    )
    needs = models.ManyToManyField(Need, blank=True, related_name="intervention_types")
    acts = models.CharField(max_length=10, choices=Acts.choices, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["level", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.level})"

    def fits(self, need: Need) -> bool:
        """Whether this kind of work fits `need` (its needs read through a prefetch, no query)."""
        return need.domain in self.domains or any(n.pk == need.pk for n in self.needs.all())
