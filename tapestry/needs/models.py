"""The coded needs and barriers that run through cases, groups and campaigns."""

from __future__ import annotations

from django.db import models

from tapestry.web.models import Timestamped


class Domain(models.TextChoices):
    HOUSING = "housing", "Housing"
    FOOD = "food", "Food"
    INCOME = "income", "Income and benefits"
    EMPLOYMENT = "employment", "Employment"
    EDUCATION = "education", "Education and literacy"
    SAFETY = "safety", "Safety and violence"
    SOCIAL = "social", "Social connection"
    HEALTH = "health", "Health and mental health"
    SUBSTANCE_USE = "substance_use", "Substance use"
    FAMILY = "family", "Family and caregiving"
    LEGAL = "legal", "Legal"
    TRANSPORT = "transport", "Transport"
    UTILITIES = "utilities", "Utilities"


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
        help_text="The US fiscal year of the ICD-10-CM code set the code was checked against; "
        "FY2026 is in effect from 1 October 2025.",
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
