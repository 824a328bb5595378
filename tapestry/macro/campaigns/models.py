"""Campaigns for change, and the community supporters who take part in them.

Supporters are community contacts, not clients: their records live here, apart from the people
app's client records, and name nothing of any case. A client who chooses to join a campaign is
recorded as a supporter like anyone else; nothing links the two records.

Field names follow the Open Supporter Data Interface (OSDI) where it has one (advocacy campaign,
target, outreach, petition, signature, person), so a campaign can be exchanged with OSDI systems.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Authored, Timestamped, Versioned


class Campaign(Authored, Versioned):
    class Kind(models.TextChoices):
        POLICY_ADVOCACY = "policy_advocacy", gettext_lazy("Policy advocacy")
        SOCIAL_JUSTICE = "social_justice", gettext_lazy("Social justice")
        PUBLIC_AWARENESS = "public_awareness", gettext_lazy("Public awareness")
        LEGISLATIVE_LOBBYING = "legislative_lobbying", gettext_lazy("Legislative lobbying")

    class Status(models.TextChoices):
        PLANNING = "planning", gettext_lazy("Planning")
        ACTIVE = "active", pgettext_lazy("campaign status", "Active")
        WON = "won", gettext_lazy("Won")
        PARTLY_WON = "partly_won", gettext_lazy("Partly won")
        LOST = "lost", gettext_lazy("Lost")
        ENDED = "ended", gettext_lazy("Ended without a result")

    FINISHED = (Status.WON, Status.PARTLY_WON, Status.LOST, Status.ENDED)

    title = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNING)
    summary = models.CharField(max_length=300, blank=True)
    goals = models.TextField(help_text=gettext_lazy("What winning looks like."))
    needs = models.ManyToManyField("needs.Need", blank=True, related_name="campaigns")
    partners = models.ManyToManyField("people.Organisation", blank=True, related_name="campaigns")
    # What the campaign won that clients can be referred to: a program added to the directory.
    won_services = models.ManyToManyField("directory.Service", blank=True, related_name="won_by_campaigns")
    coalition = models.ForeignKey(
        "coalitions.Coalition",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
        help_text=gettext_lazy("The coalition that runs it, if one does."),
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns_led",
    )
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(
        blank=True, help_text=gettext_lazy("What happened, once the campaign is over.")
    )
    revenue_goal = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=gettext_lazy("The money it aims to raise, in US dollars (CiviCampaign: goal revenue)."),
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": gettext("A campaign cannot end before it starts.")})
        if self.status in self.FINISHED and not self.outcome.strip():
            raise ValidationError({"outcome": gettext("Say what happened before closing the campaign.")})

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED


class Target(Timestamped):
    """A decision maker the campaign wants to move (OSDI: target)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100)
    title = models.CharField(
        max_length=200, blank=True, help_text=gettext_lazy("Their office: Council member, District 3.")
    )
    organization = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["family_name", "given_name", "pk"]

    def __str__(self) -> str:
        name = f"{self.given_name} {self.family_name}".strip()
        return f"{name}, {self.title}" if self.title else name


class Milestone(Timestamped):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="milestones")
    milestone = models.CharField(max_length=300)
    due_on = models.DateField()
    reached_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.milestone


class Activity(Authored, Timestamped):
    class Kind(models.TextChoices):
        MEETING = "meeting", gettext_lazy("Meeting with a decision maker")
        EVENT = "event", gettext_lazy("Event")
        MEDIA = "media", gettext_lazy("Media")
        OUTREACH = "outreach", gettext_lazy("Community outreach")
        TESTIMONY = "testimony", gettext_lazy("Testimony")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    held_on = models.DateField()
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    reach = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=gettext_lazy("About how many people it reached (audience, readers, doors)."),
    )
    attendance = models.PositiveIntegerField(
        null=True, blank=True, help_text=gettext_lazy("For an event: how many came.")
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.attendance is not None and self.kind != self.Kind.EVENT:
            raise ValidationError({"attendance": gettext("Attendance is counted for events only.")})


class Supporter(Authored, Timestamped):
    """A community member who takes part in our campaigns (OSDI: person). Never a client record."""

    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    may_contact = models.BooleanField(
        default=False, help_text=gettext_lazy("They agreed to hear from us about campaigns.")
    )

    class Meta:
        ordering = ["family_name", "given_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email"], condition=~models.Q(email=""), name="one_supporter_per_email"
            )
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class Petition(Authored, Timestamped):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="petitions")
    title = models.CharField(max_length=200)
    petition_text = models.TextField()
    target = models.ForeignKey(
        Target,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions",
        verbose_name=pgettext_lazy("campaign", "target"),
    )
    signature_goal = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class Signature(Timestamped):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="signatures")
    supporter = models.ForeignKey(Supporter, on_delete=models.PROTECT, related_name="signatures")
    signed_on = models.DateField(default=timezone.localdate)
    comments = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["petition", "supporter"], name="one_signature_per_supporter")
        ]


class Attendee(Timestamped):
    """A supporter's answer to an event's invitation, and whether they came (OSDI: attendance)."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", gettext_lazy("Coming")
        TENTATIVE = "tentative", gettext_lazy("Maybe")
        DECLINED = "declined", gettext_lazy("Not coming")
        CANCELLED = "cancelled", pgettext_lazy("event attendee", "Cancelled")
        NEEDS_ACTION = "needs action", gettext_lazy("Not answered yet")

    event = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendees")
    supporter = models.ForeignKey(Supporter, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACCEPTED)
    attended = models.BooleanField(
        null=True, blank=True, help_text=gettext_lazy("Empty until the event is held.")
    )
    answered_on = models.DateField(default=timezone.localdate)
    comment = models.CharField(max_length=1000, blank=True)

    class Meta:
        ordering = ["supporter__family_name", "supporter__given_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "supporter"], name="one_answer_per_supporter")
        ]


class Outreach(Authored, Timestamped):
    """A letter, call or visit to a target, by a supporter or by us (OSDI: outreach)."""

    class Type(models.TextChoices):
        EMAIL = "email", gettext_lazy("Email or letter")
        PHONE = "phone", gettext_lazy("Phone call")
        IN_PERSON = "in-person", gettext_lazy("In person")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="outreaches")
    target = models.ForeignKey(
        Target,
        on_delete=models.PROTECT,
        related_name="outreaches",
        verbose_name=pgettext_lazy("campaign", "target"),
    )
    supporter = models.ForeignKey(
        Supporter, null=True, blank=True, on_delete=models.PROTECT, related_name="outreaches"
    )
    type = models.CharField(max_length=10, choices=Type.choices)
    made_on = models.DateField(default=timezone.localdate)
    subject = models.CharField(max_length=200, blank=True)
    message = models.TextField(blank=True)
    duration_minutes = models.PositiveIntegerField(
        null=True, blank=True, help_text=gettext_lazy("For a call.")
    )

    class Meta:
        ordering = ["-made_on", "-pk"]

    def clean(self) -> None:
        if self.target_id and self.campaign_id and self.target.campaign_id != self.campaign_id:
            raise ValidationError({"target": gettext("Choose a target of this campaign.")})
