"""Coalitions of organisations: who is in, what they share, when they met, and who does what next.

None of these records names a client: members are organisations (the people app's records) and
owners are organisations or our staff.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Authored, Timestamped, Versioned


class Coalition(Authored, Versioned):
    class Status(models.TextChoices):
        FORMING = "forming", gettext_lazy("Forming")
        ACTIVE = "active", pgettext_lazy("coalition status", "Active")
        DORMANT = "dormant", gettext_lazy("Dormant")
        ENDED = "ended", pgettext_lazy("coalition status", "Ended")

    name = models.CharField(max_length=200, unique=True)
    purpose = models.TextField(help_text=gettext_lazy("What the organisations came together to change."))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    needs = models.ManyToManyField("needs.Need", blank=True, related_name="coalitions")
    our_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coalitions_led",
        help_text=gettext_lazy("Our member of staff who represents the agency."),
    )
    formed_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.ended_on and self.formed_on and self.ended_on < self.formed_on:
            raise ValidationError({"ended_on": gettext("A coalition cannot end before it was formed.")})
        if self.status == self.Status.ENDED and not self.ended_on:
            raise ValidationError({"ended_on": gettext("Say when the coalition ended.")})


class Membership(Authored, Timestamped):
    """An organisation in a coalition: its role there and what it has committed to."""

    class Role(models.TextChoices):
        CONVENER = "convener", gettext_lazy("Convener")
        STEERING = "steering", gettext_lazy("Steering committee")
        MEMBER = "member", gettext_lazy("Member")
        OBSERVER = "observer", gettext_lazy("Observer")

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.PROTECT, related_name="coalition_memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    commitments = models.TextField(
        blank=True, help_text=gettext_lazy("What the organisation has committed to bring.")
    )
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["coalition", "organisation"],
                condition=models.Q(left_on__isnull=True),
                name="one_current_membership_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.coalition}"

    def clean(self) -> None:
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": gettext("An organisation cannot leave before it joined.")})


class SharedGoal(Authored, Timestamped):
    class Status(models.TextChoices):
        OPEN = "open", gettext_lazy("Working on it")
        ACHIEVED = "achieved", gettext_lazy("Achieved")
        DROPPED = "dropped", gettext_lazy("Dropped")

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="goals")
    goal = models.CharField(max_length=300)
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["target_date", "pk"]

    def __str__(self) -> str:
        return self.goal


class Meeting(Authored, Timestamped):
    """A meeting of the coalition; its decisions are one per line."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    place = models.CharField(max_length=200, blank=True)
    attending = models.ManyToManyField(Membership, blank=True, related_name="meetings_attended")
    summary = models.TextField(blank=True)
    decisions = models.TextField(blank=True, help_text=gettext_lazy("One decision a line."))

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.coalition} on {self.held_on:%Y-%m-%d}"

    @property
    def decision_list(self) -> list[str]:
        return [line.strip() for line in self.decisions.splitlines() if line.strip()]


class ActionItem(Authored, Versioned):
    """Something a member (or our staff) agreed to do, by when."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="action_items")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_items"
    )
    action = models.CharField(max_length=300)
    owner = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
        help_text=gettext_lazy("The member organisation that owns it."),
    )
    our_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coalition_actions",
        help_text=gettext_lazy("Our member of staff, where it is ours to do."),
    )
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["done_on", "due_on", "pk"]

    def __str__(self) -> str:
        return self.action

    def clean(self) -> None:
        if self.owner_id is None and self.our_owner_id is None:
            raise ValidationError(
                {"owner": gettext("Say who owns it: a member organisation, our staff, or both.")}
            )
        if self.owner_id and self.coalition_id and self.owner.coalition_id != self.coalition_id:
            raise ValidationError({"owner": gettext("Choose an organisation in this coalition.")})

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()
