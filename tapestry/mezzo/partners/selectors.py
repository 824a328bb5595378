"""Reads of partnerships: the partner list, the partner page, and referral counts with suppression.

Agreements are agency facts (organisation capabilities). Referrals name persons, so the partner
page shows them as suppressed counts to everyone, and as rows only to client-facing staff, and
then only those of cases they may see (the access policy decides; the open is audited).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from tapestry.access import policy
from tapestry.access.audit import audit_view
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.evidence.measures import month_starts
from tapestry.evidence.suppression import Cell, suppress_table
from tapestry.mezzo.groups.models import Group
from tapestry.mezzo.partners.models import IncomingReferral, Partnership
from tapestry.micro.cases.models import Case
from tapestry.micro.referrals.models import Referral
from tapestry.needs.models import Need
from tapestry.people.models import Organisation, OrganisationContact
from tapestry.programs.models import Program
from tapestry.web.ids import one_or_404

# How many months back the by-month table goes, this month included.
MONTHS_SHOWN = 12
# The newest referral rows shown on the partner page; the counts cover all of them.
ROWS_SHOWN = 100


def _partnerships() -> QuerySet[Partnership]:
    return Partnership.objects.select_related("organisation", "lead").prefetch_related(
        Prefetch("programs", queryset=Program.objects.order_by("name")),
        Prefetch("contacts", queryset=OrganisationContact.objects.order_by("name")),
    )


def partnership_list(
    *, user: User, organisation_id: int | None = None, status: str = "", renewal_due: bool = False
) -> QuerySet[Partnership]:
    """Every agreement, by organisation; optionally one organisation's, one status, or those due for renewal."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    partnerships = _partnerships()
    if organisation_id is not None:
        partnerships = partnerships.filter(organisation_id=organisation_id)
    if status:
        partnerships = partnerships.filter(status=status)
    if renewal_due:
        partnerships = partnerships.filter(
            status__in=Partnership.LIVE, ends_on__isnull=False, ends_on__lte=Partnership.renewal_cutoff()
        )
    return partnerships.order_by("organisation__name", "agreement_type", "-starts_on", "pk")


def partnership_get(*, user: User, partnership_id: int) -> Partnership:
    policy.require_capability(user, Capability.ORGANISATION_READ)
    return one_or_404(_partnerships(), partnership_id, "No partnership with this number.")


def partner_organisation(*, user: User, organisation_id: int) -> Organisation:
    policy.require_capability(user, Capability.ORGANISATION_READ)
    return one_or_404(Organisation.objects.all(), organisation_id, "No organisation with this number.")


# Referrals exchanged ------------------------------------------------------------------------


def _outgoing(organisation: Organisation) -> QuerySet[Referral]:
    """Referrals we sent to the organisation: named as recipient, or to a directory service it provides."""
    return Referral.objects.exclude(status=Referral.Status.DRAFT).filter(
        Q(recipient_organisation=organisation)
        | Q(service__organization__name__iexact=organisation.name.strip())
    )


def _incoming(organisation: Organisation) -> QuerySet[IncomingReferral]:
    return IncomingReferral.objects.filter(partnership__organisation=organisation)


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _per_month(rows: QuerySet, moment: str, months: list[dt.date]) -> tuple[list[Cell], Cell]:
    """How many of `rows` fall in each of `months` by the date or time `moment`, suppressed as one table."""
    counted = (
        rows.annotate(month=TruncMonth(moment))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    found = {_as_date(month).replace(day=1): n for month, n in counted}
    return suppress_table([(month.strftime("%Y-%m"), found.get(month, 0)) for month in months])


@dataclass
class MonthRow:
    month: dt.date
    sent: Cell
    received: Cell


@dataclass
class ReferralCounts:
    """Referrals exchanged with one partner, as counts safe to show anyone with organisation access."""

    by_status: list[Cell]
    sent_total: Cell
    by_month: list[MonthRow]
    sent_in_months: Cell
    received_in_months: Cell
    months: list[dt.date] = field(default_factory=list)

    @property
    def any_suppressed(self) -> bool:
        cells = [*self.by_status, self.sent_total, self.sent_in_months, self.received_in_months]
        cells += [cell for row in self.by_month for cell in (row.sent, row.received)]
        return any(cell.suppressed for cell in cells)


def referral_counts(*, user: User, organisation: Organisation) -> ReferralCounts:
    """Sent referrals by status and by month, and received ones by month, each table suppressed."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    months = month_starts(timezone.localdate(), MONTHS_SHOWN)
    start = months[0]
    start_moment = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
    status_rows = dict(
        _outgoing(organisation)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    # Plain text in the reader's language (English in the API): a lazy label is not a str to a schema.
    labels = {value: str(label) for value, label in Referral.Status.choices}
    by_status, sent_total = suppress_table(
        [(labels[value], status_rows.get(value, 0)) for value in Referral.Status.values if value != "draft"]
    )
    sent_cells, sent_in_months = _per_month(
        _outgoing(organisation)
        .annotate(moment=Coalesce("sent_at", "created_at"))
        .filter(moment__gte=start_moment),
        "moment",
        months,
    )
    received_cells, received_in_months = _per_month(
        _incoming(organisation).filter(received_on__gte=start), "received_on", months
    )
    by_month = [
        MonthRow(month=m, sent=sent, received=received)
        for m, sent, received in zip(months, sent_cells, received_cells, strict=True)
    ]
    return ReferralCounts(
        by_status=by_status,
        sent_total=sent_total,
        by_month=by_month,
        sent_in_months=sent_in_months,
        received_in_months=received_in_months,
        months=months,
    )


@dataclass
class ReferralRows:
    sent: list[Referral]
    received: list[IncomingReferral]


def referral_rows(*, user: User, organisation: Organisation) -> ReferralRows | None:
    """The individual referrals of cases the user may see; None for roles that open no client records."""
    if not policy.has_capability(user, Capability.PERSON_READ):
        return None
    sent = list(
        policy.visible(user, _outgoing(organisation))
        .select_related("case__person", "service")
        .order_by("-sent_at", "-pk")[:ROWS_SHOWN]
    )
    received = list(
        policy.visible(user, _incoming(organisation))
        .select_related("case__person", "need", "partnership")
        .order_by("-received_on", "-pk")[:ROWS_SHOWN]
    )
    if sent or received:
        audit_view(
            user,
            object_type="referrals.referral",
            object_id=organisation.pk,
            fields=["case", "person", "status", "service"],
            purpose=f"referrals exchanged with {organisation.name}"[:255],
        )
    return ReferralRows(sent=sent, received=received)


# The partner page ---------------------------------------------------------------------------


@dataclass
class PartnerPage:
    organisation: Organisation
    partnerships: list[Partnership]
    contacts: list[OrganisationContact]
    programs: list[Program]
    groups: list[Group]
    counts: ReferralCounts
    rows: ReferralRows | None

    @property
    def live(self) -> list[Partnership]:
        return [p for p in self.partnerships if p.is_live]


def partner_page(*, user: User, organisation_id: int) -> PartnerPage:
    """Everything the partner page shows, in a fixed number of queries whatever the referral count."""
    organisation = partner_organisation(user=user, organisation_id=organisation_id)
    partnerships = list(partnership_list(user=user, organisation_id=organisation.pk))
    programs: dict[int, Program] = {}
    for partnership in partnerships:
        if partnership.is_live:
            for program in partnership.programs.all():
                programs[program.pk] = program
    groups = list(
        Group.objects.filter(program_id__in=list(programs)).select_related("program").order_by("name")
        if programs
        else []
    )
    return PartnerPage(
        organisation=organisation,
        partnerships=partnerships,
        contacts=list(organisation.contacts.order_by("name")),
        programs=sorted(programs.values(), key=lambda p: p.name),
        groups=groups,
        counts=referral_counts(user=user, organisation=organisation),
        rows=referral_rows(user=user, organisation=organisation),
    )


# Choices for the forms ----------------------------------------------------------------------


def cases_for_incoming(*, user: User) -> QuerySet[Case]:
    """Cases a partner's referral may be recorded on: open ones the user may change."""
    return (
        policy.visible(user, Case.objects.exclude(status=Case.Status.CLOSED), for_change=True)
        .select_related("person")
        .order_by("person__family_name", "person__given_name", "pk")
    )


def organisation_choices() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def staff_choices() -> QuerySet[User]:
    """Staff who may lead a partnership: any active account, by name."""
    return User.objects.filter(is_active=True).order_by("last_name", "first_name", "username")


def contact_choices(*, organisation: Organisation | None) -> QuerySet[OrganisationContact]:
    if organisation is None:
        return OrganisationContact.objects.none()
    return OrganisationContact.objects.filter(organisation=organisation).order_by("name")


def live_partnerships(*, organisation: Organisation) -> QuerySet[Partnership]:
    return Partnership.objects.filter(organisation=organisation, status__in=Partnership.LIVE)


def program_choices() -> QuerySet[Program]:
    return Program.objects.order_by("name")


def need_choices() -> QuerySet[Need]:
    return Need.objects.filter(is_active=True).order_by("domain", "label")


# Records named by number in an API body --------------------------------------------------------


def organisation_by_id(organisation_id: int) -> Organisation | None:
    return Organisation.objects.filter(pk=organisation_id).first()


def staff_member(user_id: int) -> User | None:
    return User.objects.filter(pk=user_id).first()


def programs_by_ids(ids: list[int]) -> list[Program]:
    return list(Program.objects.filter(pk__in=ids))


def contacts_by_ids(ids: list[int]) -> list[OrganisationContact]:
    return list(OrganisationContact.objects.filter(pk__in=ids))
