"""Reads of evidence packs. A pack shows counts that identify no one (and stories scrubbed of every
identifier, once reviewed): whoever reads aggregates may read one; building one is policy work.

Queries: the pack list is one query (with the campaign joined and the needs prefetched: two); a
pack's page reads the pack and its needs (two) and then each figure's grouped measure queries
(see figures.py), a number fixed by the pack's needs, never by the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext, gettext_noop

from tapestry.access.models import User
from tapestry.access.policy import Capability, has_capability, require_capability
from tapestry.macro.campaigns.models import Campaign
from tapestry.needs.models import Domain, Need
from tapestry.thread.packs import figures
from tapestry.thread.packs.figures import Figure, Spec
from tapestry.thread.packs.models import Pack
from tapestry.thread.stories.selectors import UsableStory, stories_for_use
from tapestry.web.ids import one_or_404

NO_PACK = "No such evidence pack."
NO_CAMPAIGN = "No such campaign."

# The figures every pack carries beside its needs: referral outcomes, group attendance and outcomes.
REFERRALS = Spec(
    key="referrals-completed",
    title=gettext_noop("Referrals completed, by service type"),
    numerator="referrals.sent_completed",
    denominator="referrals.sent",
    by="service_type",
)
ATTENDANCE = Spec(
    key="group-attendance",
    title=gettext_noop("Attendance at group sessions, by program"),
    numerator="group_sessions.places_attended",
    denominator="group_sessions.places_expected",
    by="program",
)
GROUP_OUTCOMES = Spec(
    key="group-phq9",
    title=gettext_noop("Change in PHQ-9 of support-group members, by program (below zero is better)"),
    numerator="group_outcomes.phq9_change_total",
    denominator="group_outcomes.phq9_members_measured",
    by="program",
)


def may_build(user: User) -> bool:
    return has_capability(user, Capability.POLICY_WORK)


def _packs() -> QuerySet[Pack]:
    return Pack.objects.select_related("campaign", "created_by").prefetch_related(
        Prefetch("needs", queryset=Need.objects.order_by("label"))
    )


def pack_list(*, user: User, campaign_id: int | None = None) -> QuerySet[Pack]:
    require_capability(user, Capability.AGGREGATE_READ)
    packs = _packs()
    return packs if campaign_id is None else packs.filter(campaign_id=campaign_id)


def pack_get(*, user: User, pack_id: int) -> Pack:
    require_capability(user, Capability.AGGREGATE_READ)
    return one_or_404(_packs(), pack_id, NO_PACK)


def campaign_for_pack(*, user: User, campaign_id: int) -> Campaign:
    require_capability(user, Capability.POLICY_WORK)
    return one_or_404(Campaign.objects.prefetch_related("needs"), campaign_id, NO_CAMPAIGN)


def campaign_choices() -> list[tuple[int, str]]:
    return list(Campaign.objects.order_by("title").values_list("pk", "title"))


def need_choices() -> list[tuple[int, str]]:
    return [(need.pk, str(need)) for need in Need.objects.filter(is_active=True).order_by("label")]


def specs(pack: Pack) -> list[Spec]:
    """What the pack counts: the needs of each of its needs' domains by need (and housing needs by
    area too), then the figures every pack carries."""
    found: list[Spec] = []
    for domain in sorted({need.domain for need in pack.needs.all()}):
        found += domain_specs(domain)
    found += [REFERRALS, ATTENDANCE, GROUP_OUTCOMES]
    return [spec for spec in found if figures.available(_names(spec))]


def domain_specs(domain: str) -> list[Spec]:
    """Needs of one domain identified on cases, by need; for housing also by area (the postcode of
    the client's current address, as the measure groups it)."""
    label = str(dict(Domain.choices).get(domain, domain)).lower()
    found = [
        Spec(
            key=f"needs-{domain}",
            title=gettext("Needs identified in the %(domain)s domain, by need") % {"domain": label},
            numerator="cases.needs_identified_in_domain",
            by="need",
            params={"domain": domain},
        )
    ]
    if domain == "housing":
        found.append(
            Spec(
                key="needs-housing-area",
                title=gettext_noop("Housing needs identified, by area"),
                numerator="cases.housing_needs_identified",
                by="area",
            )
        )
    return found


def _names(spec: Spec) -> list[str]:
    return [name for name in (spec.numerator, spec.denominator) if name]


@dataclass(frozen=True)
class Contents:
    pack: Pack
    figures: list[Figure]
    stories: list[UsableStory]


def pack_contents(*, user: User, pack: Pack) -> Contents:
    """The pack's figures, computed now through the measures, suppressed."""
    built = [
        figures.figure(user, spec, first_year=pack.first_year, last_year=pack.last_year, columns=pack.columns)
        for spec in specs(pack)
    ]
    stories = stories_for_use(needs=pack.needs.all()) if pack.include_stories else []
    return Contents(pack=pack, figures=built, stories=stories)
