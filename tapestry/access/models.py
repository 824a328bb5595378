"""Staff, roles, teams, caseload assignments, consent, break-glass, tokens and the audit log."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tapestry.web.models import Timestamped, optional_key, staff_column


class Role(models.TextChoices):
    CASEWORKER = "caseworker", gettext_lazy("Caseworker / clinician")
    CRISIS_WORKER = "crisis_worker", gettext_lazy("Crisis worker")
    CHILD_WELFARE_WORKER = "child_welfare_worker", gettext_lazy("Child-welfare worker")
    SCHOOL_SOCIAL_WORKER = "school_social_worker", gettext_lazy("School social worker")
    GROUP_FACILITATOR = "group_facilitator", gettext_lazy("Group facilitator")
    OUTREACH_WORKER = "outreach_worker", gettext_lazy("Outreach worker")
    COMMUNITY_EDUCATOR = "community_educator", gettext_lazy("Community educator / prevention specialist")
    PROGRAM_MANAGER = "program_manager", gettext_lazy("Program manager")
    SUPERVISOR = "supervisor", gettext_lazy("Supervisor / manager")
    COMMUNITY_ORGANISER = "community_organiser", gettext_lazy("Community organiser / policy advocate")
    EVALUATOR = "evaluator", gettext_lazy("Evaluator / researcher")
    GRANTS_OFFICER = "grants_officer", gettext_lazy("Grants and development officer")
    AGENCY_DIRECTOR = "agency_director", gettext_lazy("Agency director")
    ADMINISTRATOR = "administrator", gettext_lazy("Agency administrator")
    AUDITOR = "auditor", gettext_lazy("Auditor")


class Segment(models.TextChoices):
    """Sensitive segments of the record; each needs an explicit grant to read."""

    SUBSTANCE_USE = "substance_use", gettext_lazy("Substance use (42 CFR Part 2)")
    CHILD_WELFARE = "child_welfare", gettext_lazy("Child welfare")
    SCHOOL = "school", gettext_lazy("School records (FERPA)")
    PSYCHOTHERAPY = "psychotherapy", gettext_lazy("Psychotherapy notes")


class User(AbstractUser):
    role = models.CharField(max_length=32, choices=Role.choices, default=Role.CASEWORKER)
    supervisor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supervisees"
    )
    # Empty: the browser's language. Choices are the languages the project ships (settings.LANGUAGES).
    language = models.CharField(max_length=12, blank=True, default="", choices=settings.LANGUAGES)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        full = self.get_full_name()
        return f"{full} ({self.get_role_display()})" if full else self.username


class Team(Timestamped):
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    members = models.ManyToManyField(User, through="TeamMembership", related_name="teams")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamMembership(Timestamped):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="team_memberships")
    is_lead = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="one_membership_per_team")]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class Assignment(Timestamped):
    """A staff member's responsibility for a person: the caseload."""

    class Kind(models.TextChoices):
        PRIMARY = "primary", gettext_lazy("Primary worker")
        SECONDARY = "secondary", gettext_lazy("Secondary worker")

    staff = models.ForeignKey(User, on_delete=models.CASCADE, related_name="assignments")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="assignments")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.PRIMARY)
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-started_on"]
        indexes = [models.Index(fields=["staff", "ended_on"]), models.Index(fields=["person", "ended_on"])]

    def __str__(self) -> str:
        return f"{self.person} assigned to {self.staff.username}"

    def clean(self) -> None:
        if self.ended_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": gettext("The assignment cannot end before it starts.")})


class SegmentGrant(Timestamped):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="segment_grants")
    segment = models.CharField(max_length=32, choices=Segment.choices)
    granted_by = staff_column()
    reason = models.CharField(max_length=255)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["segment"]

    def __str__(self) -> str:
        return f"{self.user.username}: {self.get_segment_display()}"

    @property
    def is_active(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class Consent(Timestamped):
    """A person's consent to share part of their record with a recipient for a purpose.

    A consent about substance-use records carries every element of 42 CFR 2.31(a) and one about
    school records every element of 34 CFR 99.30 (tapestry/access/consent_rules.py checks both).
    """

    class Purpose(models.TextChoices):
        TREATMENT = "treatment", gettext_lazy("Treatment")
        CARE_COORDINATION = "care_coordination", gettext_lazy("Care coordination")
        PAYMENT = "payment", gettext_lazy("Payment for care")
        HEALTH_CARE_OPERATIONS = "health_care_operations", gettext_lazy("Health-care operations")
        TPO = "tpo", gettext_lazy("All future treatment, payment and health-care operations (single consent)")
        REFERRAL = "referral", gettext_lazy("Referral to a service")
        BENEFITS = "benefits", gettext_lazy("Benefits and entitlements")
        LEGAL = "legal", gettext_lazy("Legal or court proceedings")
        RESEARCH = "research", gettext_lazy("Research and evaluation")
        STORY = "story", gettext_lazy("Telling their story in advocacy")

    class RecordPart(models.TextChoices):
        """The parts of a record Tapestry holds and can release; a consent names those it covers."""

        IDENTITY = "identity", gettext_lazy("Identity (name, date of birth, pronouns, languages)")
        CONTACT_DETAILS = "contact_details", gettext_lazy("Contact details")
        NEEDS = "needs", gettext_lazy("Needs and their codes")
        ASSESSMENT_SUMMARY = (
            "assessment_summary",
            gettext_lazy("Assessment results (scores and bands, no notes)"),
        )
        TREATMENT_PLAN = "treatment_plan", gettext_lazy("Treatment plan, with the working diagnosis")
        MEDICATION = "medication", gettext_lazy("Medication check-ins")
        TEAM_NOTES = "team_notes", gettext_lazy("Team (progress) notes")
        COUNSELLING_NOTES = "counselling_notes", gettext_lazy("SUD counselling notes")
        SCHOOL_ENROLMENT = "school_enrolment", gettext_lazy("School enrolment (school, grade, dates)")
        SCHOOL_ATTENDANCE = "school_attendance", gettext_lazy("School attendance")
        BEHAVIOUR_INCIDENTS = "behaviour_incidents", gettext_lazy("Behaviour incidents")
        SUPPORT_PLAN = "support_plan", gettext_lazy("Education support plan")

    class Signer(models.TextChoices):
        PERSON = "person", gettext_lazy("The person themselves")
        REPRESENTATIVE = (
            "representative",
            gettext_lazy("An authorised representative (parent, guardian, other)"),
        )

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="consents")
    segment = models.CharField(
        max_length=32,
        choices=Segment.choices,
        blank=True,
        help_text=gettext_lazy(
            "Leave blank for the general record; a sensitive segment needs its own consent."
        ),
    )
    discloser = models.CharField(
        "who may disclose",
        max_length=255,
        blank=True,
        help_text=gettext_lazy(
            "The program or people allowed to make the disclosure, as the signed form names them."
        ),
    )
    record_parts = models.JSONField(
        default=list,
        blank=True,
        help_text="The parts of the record the consent covers (Consent.RecordPart values).",
    )
    information = models.CharField(
        max_length=255, blank=True, help_text=gettext_lazy("What may be shared, in the person's words.")
    )
    recipient_organisation = optional_key("people.Organisation", related_name="consents")
    recipient_description = models.CharField(max_length=255, blank=True)
    purpose = models.CharField(max_length=32, choices=Purpose.choices)
    written = models.BooleanField(
        default=False, help_text=gettext_lazy("A signed, written consent is on file.")
    )
    document_reference = models.CharField(max_length=255, blank=True)
    revocation_statement = models.TextField(
        blank=True, help_text=gettext_lazy("How the form tells the person they may revoke it, and how.")
    )
    hipaa_redisclosure_statement = models.BooleanField(
        default=False,
        help_text=gettext_lazy(
            "The signed form says records given for treatment, payment or health-care operations may be "
            "redisclosed as HIPAA allows, except for use in proceedings against the person."
        ),
    )
    signed_by = models.CharField(max_length=16, choices=Signer.choices, blank=True)
    representative_name = models.CharField(max_length=200, blank=True)
    representative_authority = models.CharField(
        max_length=200,
        blank=True,
        help_text=gettext_lazy("e.g. 'parent of a minor', 'court-appointed guardian'."),
    )
    signed_on = models.DateField("date signed", null=True, blank=True)
    given_on = models.DateField(default=timezone.localdate)
    expires_on = models.DateField(null=True, blank=True)
    expiry_event = models.CharField(
        max_length=255,
        blank=True,
        help_text=gettext_lazy("Or the event that ends it, e.g. 'end of treatment'."),
    )
    revoked_on = models.DateField(null=True, blank=True)
    recorded_by = staff_column()

    class Meta:
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        recipient = self.recipient_organisation or self.recipient_description or gettext("any recipient")
        return gettext("Consent: %(purpose)s to %(recipient)s") % {
            "purpose": self.get_purpose_display(),
            "recipient": recipient,
        }

    def clean(self) -> None:
        from tapestry.access.consent_rules import missing_elements

        errors: dict[str, list[str]] = {}
        if self.expires_on and self.given_on and self.expires_on < self.given_on:
            errors["expires_on"] = [gettext("A consent cannot expire before it is given.")]
        for field, message in missing_elements(self).items():
            errors.setdefault(field, []).append(message)
        if errors:
            raise ValidationError(errors)

    @property
    def elements_missing(self) -> dict[str, str]:
        """Required elements this consent lacks (one recorded before they were asked); it then authorises nothing."""
        from tapestry.access.consent_rules import missing_elements

        return missing_elements(self)

    @property
    def is_tpo(self) -> bool:
        return self.purpose == self.Purpose.TPO

    def part_labels(self) -> list[str]:
        return [
            str(self.RecordPart(part).label) for part in self.record_parts if part in self.RecordPart.values
        ]

    def is_in_force(self, on: object = None) -> bool:
        day = on or timezone.localdate()
        if self.revoked_on and self.revoked_on <= day:
            return False
        if self.expires_on and self.expires_on < day:
            return False
        return self.given_on <= day


class BreakGlass(Timestamped):
    """An emergency opening of a record outside the user's normal access."""

    class Outcome(models.TextChoices):
        PENDING = "pending", gettext_lazy("Awaiting review")
        JUSTIFIED = "justified", gettext_lazy("Justified")
        NOT_JUSTIFIED = "not_justified", gettext_lazy("Not justified")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="break_glass")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="break_glass")
    reason = models.TextField()
    expires_at = models.DateTimeField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.PENDING)
    reviewed_by = staff_column(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "break-glass accesses"

    def __str__(self) -> str:
        return f"Emergency access to {self.person} by {self.user.username}"

    @staticmethod
    def default_expiry() -> timezone.datetime:
        return timezone.now() + timedelta(minutes=settings.TAPESTRY_BREAK_GLASS_MINUTES)


class ApiToken(Timestamped):
    """A personal access token; only its SHA-256 digest is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16, help_text="The first characters, shown to tell tokens apart.")
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())


class AuditEntry(models.Model):
    """One append-only, hash-chained record of a read or write of person-level data."""

    class Action(models.TextChoices):
        VIEW = "view", gettext_lazy("Viewed")
        SEARCH = "search", gettext_lazy("Searched")
        CREATE = "create", gettext_lazy("Created")
        UPDATE = "update", gettext_lazy("Changed")
        DELETE = "delete", gettext_lazy("Deleted")
        MERGE = "merge", gettext_lazy("Merged")
        EXPORT = "export", gettext_lazy("Exported")
        BREAK_GLASS = "break_glass", gettext_lazy("Emergency access")
        REVIEW = "review", pgettext_lazy("audit action", "Reviewed")
        LOGIN = "login", gettext_lazy("Signed in")
        LOGIN_FAILED = "login_failed", gettext_lazy("Failed sign-in")
        GRANT = "grant", gettext_lazy("Granted access")
        REVOKE = "revoke", gettext_lazy("Revoked access")

    # The position in the chain, assigned under the chain head's lock (never by a sequence).
    id = models.BigIntegerField(primary_key=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=16, choices=Action.choices, db_index=True)
    object_type = models.CharField(max_length=64, db_index=True)
    object_id = models.CharField(max_length=64, blank=True)
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    # Names of the fields read or changed; never their values, so the log holds no client data.
    fields = models.JSONField(default=list, blank=True)
    purpose = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=255, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.actor_username} {self.get_action_display()} {self.object_type}"
        )

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise ValidationError(gettext("Audit entries are append-only."))
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValidationError(gettext("Audit entries are append-only."))


class AuditChainHead(models.Model):
    """The single row that serialises appends and remembers the newest hash (detects truncation)."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit head at {self.last_id}"


class ChainCheck(models.Model):
    """One verification of the audit chain, kept so the audit page shows the latest result."""

    requested_by = staff_column(blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    checked = models.PositiveBigIntegerField(default=0)
    broken_at = models.BigIntegerField(null=True, blank=True)
    problem = models.CharField(max_length=255, blank=True)
    head_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        if self.finished_at is None:
            return "Audit chain check (queued)"
        return f"Audit chain check: {'intact' if self.ok else f'broken at {self.broken_at}'}"

    @property
    def ok(self) -> bool:
        return self.finished_at is not None and self.broken_at is None
