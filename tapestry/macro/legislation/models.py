"""Bills and policies the agency tracks, their history of actions, and the agency's work on them:
its position, position papers, testimony, contacts with legislators and hearings.

None of these records names a client: they are agency facts, read by every aggregate reader.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.macro.legislation.openstates import (
    ACTION_CLASSIFICATION_NAMES,
    BILL_CLASSIFICATION_NAMES,
)
from tapestry.web.models import Authored, Timestamped, Versioned, staff_column


class Status(models.TextChoices):
    """Where a bill or policy stands, read from its latest classified actions."""

    NO_ACTION = "no_action", gettext_lazy("No action yet")
    INTRODUCED = "introduced", gettext_lazy("Introduced")
    IN_COMMITTEE = "in_committee", gettext_lazy("In committee")
    REPORTED = "reported", gettext_lazy("Reported out of committee")
    PASSED_CHAMBER = "passed_chamber", gettext_lazy("Passed a chamber")
    TO_EXECUTIVE = "to_executive", gettext_lazy("With the executive")
    SIGNED = "signed", gettext_lazy("Signed")
    LAW = "law", gettext_lazy("Became law")
    VETOED = "vetoed", gettext_lazy("Vetoed")
    FAILED_COMMITTEE = "failed_committee", gettext_lazy("Died in committee")
    FAILED = "failed", pgettext_lazy("bill status", "Failed")
    WITHDRAWN = "withdrawn", gettext_lazy("Withdrawn")


# What each Open States action classification says about the bill; an action carrying several takes
# the last of them in this table's order. Classifications not here (amendments, deferral, substitution,
# enrolled, receipt) leave the status as it was.
STATUS_OF_ACTION: dict[str, str] = {
    "filing": Status.INTRODUCED,
    "introduction": Status.INTRODUCED,
    "reading-1": Status.INTRODUCED,
    "referral": Status.IN_COMMITTEE,
    "referral-committee": Status.IN_COMMITTEE,
    "committee-passage": Status.REPORTED,
    "committee-passage-favorable": Status.REPORTED,
    "committee-passage-unfavorable": Status.REPORTED,
    "reading-2": Status.REPORTED,
    "reading-3": Status.REPORTED,
    "committee-failure": Status.FAILED_COMMITTEE,
    "passage": Status.PASSED_CHAMBER,
    "failure": Status.FAILED,
    "withdrawal": Status.WITHDRAWN,
    "executive-receipt": Status.TO_EXECUTIVE,
    "executive-veto": Status.VETOED,
    "executive-veto-line-item": Status.SIGNED,
    "veto-override-failure": Status.VETOED,
    "executive-signature": Status.SIGNED,
    "veto-override-passage": Status.LAW,
    "became-law": Status.LAW,
}
_RANK = {classification: n for n, classification in enumerate(STATUS_OF_ACTION)}


def status_from_actions(classifications: Iterable[Iterable[str]]) -> str:
    """The status after a history of actions, given oldest first as their classification lists."""
    status = Status.NO_ACTION
    for classification in classifications:
        known = sorted((c for c in classification if c in STATUS_OF_ACTION), key=_RANK.__getitem__)
        if known:
            status = STATUS_OF_ACTION[known[-1]]
    return status


def _check_names(value: object, allowed: frozenset[str], what: str) -> None:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError(f"Give a list of {what}.")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise ValidationError(f"Not {what} Open States knows: {', '.join(unknown)}.")


def check_bill_classifications(value: object) -> None:
    _check_names(value, BILL_CLASSIFICATION_NAMES, "bill classifications")


def check_action_classifications(value: object) -> None:
    _check_names(value, ACTION_CLASSIFICATION_NAMES, "action classifications")


class Legislator(Timestamped):
    """A legislator (or an office holder) the agency deals with; their staff are named on each contact."""

    name = models.CharField(max_length=150)
    office = models.CharField(
        max_length=150, blank=True, help_text=gettext_lazy("e.g. “Senator, District 4”.")
    )
    party = models.CharField(max_length=60, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    openstates_id = models.CharField("Open States person id", max_length=100, blank=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.office})" if self.office else self.name


class Bill(Versioned, Authored):
    """A bill before a legislature, or a policy that is not a bill (a regulation, an agency's policy)."""

    class Kind(models.TextChoices):
        BILL = "bill", gettext_lazy("Bill")
        REGULATION = "regulation", gettext_lazy("Regulation or rule")
        AGENCY_POLICY = "agency_policy", gettext_lazy("Agency or administrative policy")
        LOCAL_POLICY = "local_policy", gettext_lazy("Local government policy")

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.BILL)
    jurisdiction = models.CharField(max_length=150, help_text=gettext_lazy("e.g. “State of Example”."))
    jurisdiction_ocd_id = models.CharField("Open Civic Data jurisdiction id", max_length=200, blank=True)
    jurisdiction_classification = models.CharField(
        max_length=12,
        choices=[("state", "State"), ("municipality", "Municipality"), ("country", "Country")],
        blank=True,
    )
    session = models.CharField("Legislative session", max_length=60, blank=True)
    identifier = models.CharField(
        max_length=60, help_text=gettext_lazy("As the legislature writes it, e.g. “HB 1234”.")
    )
    title = models.CharField(max_length=500)
    classification = models.JSONField(default=list, blank=True, validators=[check_bill_classifications])
    abstract = models.TextField(blank=True)
    from_organization = models.CharField("Chamber or body", max_length=150, blank=True)
    openstates_id = models.CharField("Open States id", max_length=100, null=True, blank=True, unique=True)
    openstates_url = models.URLField("Open States page", max_length=300, blank=True)
    sources = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NO_ACTION, editable=False)
    status_date = models.DateField(null=True, blank=True, editable=False)
    followers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="bills_followed")

    class Meta:
        ordering = ["jurisdiction", "-session", "identifier"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "session", "identifier"], name="bill_once_per_session"
            )
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        session = f" ({self.session})" if self.session else ""
        return f"{self.identifier}{session}: {self.title}"


class Subject(models.Model):
    """A subject a bill is filed under, as the legislature or the agency names it."""

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="subjects")
    name = models.CharField(max_length=150)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["bill", "name"], name="subject_once_per_bill")]

    def __str__(self) -> str:
        return self.name


class Sponsorship(models.Model):
    class Classification(models.TextChoices):
        PRIMARY = "primary", gettext_lazy("Primary sponsor")
        COSPONSOR = "cosponsor", gettext_lazy("Cosponsor")

    class EntityType(models.TextChoices):
        PERSON = "person", gettext_lazy("Person")
        ORGANIZATION = "organization", gettext_lazy("Organization")

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="sponsorships")
    name = models.CharField(max_length=150)
    classification = models.CharField(max_length=40, default=Classification.PRIMARY)
    entity_type = models.CharField(max_length=12, choices=EntityType.choices, default=EntityType.PERSON)
    primary = models.BooleanField(default=True)
    legislator = models.ForeignKey(
        Legislator, null=True, blank=True, on_delete=models.SET_NULL, related_name="sponsorships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-primary", "name", "pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.classification})"


class BillVersion(models.Model):
    """A text of the bill (introduced, amended, enrolled...) and where to read it."""

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="versions")
    note = models.CharField(max_length=200)
    date = models.DateField(null=True, blank=True)
    # [{"url": ..., "media_type": ...}], as Open States gives them.
    links = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.note


class Action(models.Model):
    """One step of the bill's history: what happened, when, where, classified as Open States does."""

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="actions")
    date = models.DateField()
    description = models.CharField(max_length=500)
    organization = models.CharField("Chamber or committee", max_length=150, blank=True)
    classification = models.JSONField(default=list, blank=True, validators=[check_action_classifications])
    order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.description}"


class Position(Versioned):
    """The agency's position on a bill: one per bill, edited by several people (versioned)."""

    class Stance(models.TextChoices):
        SUPPORT = "support", gettext_lazy("Support")
        OPPOSE = "oppose", gettext_lazy("Oppose")
        SUPPORT_IF_AMENDED = "support_if_amended", gettext_lazy("Support if amended")
        MONITOR = "monitor", gettext_lazy("Monitor")
        NEUTRAL = "neutral", gettext_lazy("Neutral")

    bill = models.OneToOneField(Bill, on_delete=models.CASCADE, related_name="position")
    stance = models.CharField(max_length=20, choices=Stance.choices)
    rationale = models.TextField()
    decided_by = models.CharField(
        max_length=150, help_text=gettext_lazy("Who decided: a person, the board, a committee.")
    )
    decided_on = models.DateField()
    recorded_by = staff_column(blank=True, editable=False)

    def __str__(self) -> str:
        return f"{self.get_stance_display()} {self.bill.identifier}"


class PositionPaper(Versioned, Authored):
    """A paper setting out the agency's position; each revision is kept as a new version."""

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class PaperVersion(models.Model):
    paper = models.ForeignKey(PositionPaper, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    note = models.CharField("What changed", max_length=300, blank=True)
    written_by = staff_column(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["paper", "-number"]
        constraints = [models.UniqueConstraint(fields=["paper", "number"], name="paper_version_once")]

    def __str__(self) -> str:
        return f"{self.paper} v{self.number}"


class Hearing(Timestamped):
    """A committee hearing on a bill; the people following the bill are reminded before it."""

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="hearings")
    starts_at = models.DateTimeField()
    committee = models.CharField(max_length=150)
    location = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.committee} hearing on {self.starts_at:%Y-%m-%d}"


class HearingReminder(models.Model):
    """A reminder to one follower of a bill that its hearing is coming."""

    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=400)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["hearing", "recipient"], name="hearing_reminded_once")]

    def __str__(self) -> str:
        return self.message


class Testimony(Timestamped):
    """Testimony the agency gave on a bill, written or spoken."""

    class Mode(models.TextChoices):
        WRITTEN = "written", pgettext_lazy("testimony", "Written")
        ORAL = "oral", gettext_lazy("Oral")
        BOTH = "both", gettext_lazy("Oral with written copy")

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="testimony")
    hearing = models.ForeignKey(Hearing, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    hearing_date = models.DateField()
    committee = models.CharField(max_length=150)
    testified_by = models.CharField(max_length=150, help_text=gettext_lazy("Who testified for the agency."))
    mode = models.CharField(max_length=10, choices=Mode.choices)
    summary = models.TextField()
    text = models.TextField("Full text", blank=True)
    document_url = models.URLField("Link to the filed document", max_length=300, blank=True)
    recorded_by = staff_column(blank=True, editable=False)

    class Meta:
        ordering = ["-hearing_date", "pk"]
        verbose_name_plural = "testimony"

    def __str__(self) -> str:
        return f"Testimony to {self.committee} on {self.hearing_date:%Y-%m-%d}"


class LegislatorContact(Timestamped):
    """A contact with a legislator or their staff about a bill: what was asked and the answer."""

    class Channel(models.TextChoices):
        MEETING = "meeting", gettext_lazy("Meeting")
        CALL = "call", gettext_lazy("Phone call")
        EMAIL = "email", gettext_lazy("Email")
        LETTER = "letter", gettext_lazy("Letter")
        EVENT = "event", gettext_lazy("At an event")
        OTHER = "other", gettext_lazy("Other")

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="contacts")
    legislator = models.ForeignKey(
        Legislator, null=True, blank=True, on_delete=models.PROTECT, related_name="contacts"
    )
    legislator_name = models.CharField(
        max_length=150, blank=True, help_text=gettext_lazy("If not in the list.")
    )
    office = models.CharField(max_length=150, blank=True)
    staff_name = models.CharField("Staff member spoken to", max_length=150, blank=True)
    contacted_on = models.DateField()
    channel = models.CharField(max_length=10, choices=Channel.choices)
    asked = models.TextField("What we asked")
    answer = models.TextField("Their answer", blank=True)
    follow_up = models.TextField(blank=True)
    follow_up_by = models.DateField("Follow up by", null=True, blank=True)
    recorded_by = staff_column(blank=True, editable=False)

    class Meta:
        ordering = ["-contacted_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} with {self.who} on {self.contacted_on:%Y-%m-%d}"

    @property
    def who(self) -> str:
        name = self.legislator.name if self.legislator_id else self.legislator_name
        return f"{name} (staff: {self.staff_name})" if self.staff_name else name

    def clean(self) -> None:
        if not self.legislator_id and not self.legislator_name.strip():
            raise ValidationError({"legislator_name": gettext("Choose a legislator or write their name.")})
