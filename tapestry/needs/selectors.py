"""Reads of the shared taxonomy of needs and barriers (no person-level data)."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Prefetch, QuerySet

from tapestry.needs.models import Barrier, Domain, InterventionType, Level, Need


def need_list(*, domain: str = "", include_retired: bool = False) -> QuerySet[Need]:
    needs = Need.objects.all() if include_retired else Need.objects.filter(is_active=True)
    if domain:
        needs = needs.filter(domain=domain)
    return needs.order_by("domain", "label")


def need_exists(*, code: str) -> bool:
    """Whether a need (in use or retired) has this code."""
    return Need.objects.filter(code=code).exists()


def barrier_list(*, include_retired: bool = False) -> QuerySet[Barrier]:
    barriers = Barrier.objects.all() if include_retired else Barrier.objects.filter(is_active=True)
    return barriers.order_by("label")


def needs_by_domain() -> list[tuple[str, list[Need]]]:
    """Needs in use, grouped under their domain's name, in one query."""
    labels = dict(Domain.choices)
    return [(labels[domain], list(needs)) for domain, needs in groupby(need_list(), key=lambda n: n.domain)]


def code_set_years() -> list[int]:
    """The ICD-10-CM code sets (fiscal years) the codes of the needs in use are from, oldest first."""
    years = need_list().exclude(icd10_year=None).values_list("icd10_year", flat=True).distinct()
    return sorted(years)


def intervention_list(*, level: str = "") -> QuerySet[InterventionType]:
    """The intervention catalogue in use, by level and name, with the single needs each names (one prefetch)."""
    kinds = InterventionType.objects.filter(is_active=True).prefetch_related(
        Prefetch("needs", queryset=Need.objects.filter(is_active=True).order_by("label"))
    )
    if level:
        kinds = kinds.filter(level=level)
    return kinds.order_by("level", "name")


def interventions_by_level() -> list[tuple[str, list[InterventionType]]]:
    """The catalogue grouped under each level's name, micro first, in two queries."""
    labels = dict(Domain.choices)
    kinds = list(intervention_list())
    for kind in kinds:
        kind.domain_labels = [labels[d] for d in kind.domains if d in labels]
    return [(label, [k for k in kinds if k.level == level]) for level, label in Level.choices]
