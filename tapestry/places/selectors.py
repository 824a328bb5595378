"""Reads of places: areas, the areas holding a postcode, a postcode's centre point, and the case map.

Areas are reference data like the directory, not person-level records, so reading them needs only
ORGANISATION_READ and is not audited; the case map is an aggregate (AGGREGATE_READ, through the
measures door, already suppressed).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext, gettext_lazy

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.evidence import measures
from tapestry.evidence.suppression import Cell
from tapestry.places.models import Area, AreaPostcode, PostcodeCentroid, row_label
from tapestry.web.ids import one_or_404

NO_AREA = gettext_lazy("No such area.")
MAP_MEASURE = "cases.by_place"


def _areas() -> QuerySet[Area]:
    return Area.objects.select_related("parent").annotate(
        postcode_count=Count("postcodes", filter=Q(postcodes__given=True))
    )


def area_list(
    *, user: User, kind: str = "", parent_id: int | None = None, postcode: str = ""
) -> QuerySet[Area]:
    """Areas by kind and name; `postcode` keeps the areas holding it (their own or an inner area's)."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    areas = _areas()
    if kind:
        areas = areas.filter(kind=kind)
    if parent_id is not None:
        areas = areas.filter(parent_id=parent_id)
    if postcode.strip():
        holding = AreaPostcode.objects.filter(postcode=postcode.strip().upper()).values("area_id")
        areas = areas.filter(pk__in=holding)
    return areas.order_by("kind", "name", "code")


def area_get(*, user: User, area_id: int) -> Area:
    policy.require_capability(user, Capability.ORGANISATION_READ)
    return one_or_404(_areas(), area_id, NO_AREA)


def area_for_change(*, user: User, area_id: int) -> Area:
    policy.require_capability(user, Capability.AREA_MANAGE)
    return one_or_404(Area.objects.select_related("parent"), area_id, NO_AREA)


@dataclass
class AreaPage:
    area: Area
    path: list[Area]  # the areas it is inside, outermost first
    children: list[Area]
    given: list[str]
    inherited: list[str]


def area_page(*, user: User, area_id: int) -> AreaPage:
    """An area with what it is inside, what is inside it and its postcodes, in a fixed number of queries."""
    area = area_get(user=user, area_id=area_id)
    every = {row.pk: row for row in Area.objects.only("pk", "name", "kind", "code", "parent_id")}
    path, seen, step = [], {area.pk}, area.parent_id
    while step is not None and step not in seen and step in every:
        path.insert(0, every[step])
        seen.add(step)
        step = every[step].parent_id
    given, inherited = [], []
    for postcode, is_given in area.postcodes.order_by("postcode").values_list("postcode", "given"):
        (given if is_given else inherited).append(postcode)
    children = [row for row in every.values() if row.parent_id == area.pk]
    children.sort(key=lambda row: (row.kind, row.name))
    return AreaPage(area=area, path=path, children=children, given=given, inherited=inherited)


def parent_choices() -> QuerySet[Area]:
    return Area.objects.exclude(kind=Area.Kind.POSTCODE).order_by("kind", "name")


def area_by_id(area_id: int) -> Area | None:
    """The area a body names by id (areas are not person-level: any area may be named)."""
    return Area.objects.filter(pk=area_id).first()


def area_and_inside(area: Area) -> list[int]:
    """The ids of the area and of every area inside it, however deep (one query over the areas)."""
    inside: dict[int | None, list[int]] = {}
    for pk, parent in Area.objects.values_list("pk", "parent_id"):
        inside.setdefault(parent, []).append(pk)
    found, todo = [], [area.pk]
    while todo:
        pk = todo.pop()
        found.append(pk)
        todo.extend(inside.get(pk, []))
    return found


def postcodes_of(area: Area) -> QuerySet:
    """The postcodes the area holds, its own and those of the areas inside it, as a subquery."""
    return AreaPostcode.objects.filter(area=area).values("postcode")


def area_choices() -> QuerySet[Area]:
    """Areas to choose from in a form or a filter, by kind and name."""
    return Area.objects.order_by("kind", "name")


def areas_holding(postcode: str) -> QuerySet[Area]:
    """Every area that holds `postcode`, itself or through an area inside it: where a case, a
    directory service or an assessment at that postcode is placed."""
    return Area.objects.filter(postcodes__postcode=postcode.strip().upper()).order_by("kind", "name")


def postcode_centroid(postcode: str) -> PostcodeCentroid | None:
    """The centre point of a postcode (written in any case, with spaces around), or None if unknown."""
    return PostcodeCentroid.objects.filter(postcode=postcode.strip().upper()).first()


def postcode_known(postcode: str) -> bool:
    return PostcodeCentroid.objects.filter(postcode=postcode.strip().upper()).exists()


# The case map ------------------------------------------------------------------------------------


@dataclass
class MapArea:
    label: str
    boundary: dict | None
    value: int | None


@dataclass
class CaseMap:
    kind: str
    kind_label: str
    areas: list[MapArea]
    cells: list[Cell]  # every row of the measure, areas and the rest, as the table shows them
    total: Cell
    title: str
    note: str


def case_map(*, user: User, kind: str = Area.Kind.NEIGHBOURHOOD) -> CaseMap:
    """Cases by the areas of one kind holding the client's postcode, suppressed, with each area's boundary."""
    table = measures.ask(user, MAP_MEASURE, kind=kind)
    shown = {cell.label: cell.value for cell in table.cells}
    areas = [
        MapArea(label=row_label(area.name, area.code), boundary=area.boundary, value=None)
        for area in Area.objects.filter(kind=kind).order_by("name", "code")
    ]
    for area in areas:
        area.value = shown.get(area.label)
    shown_areas = {area.label for area in areas}
    return CaseMap(
        kind=kind,
        kind_label=str(Area.Kind(kind).label),
        areas=areas,
        cells=[_shown_cell(cell, shown_areas) for cell in table.cells],
        total=table.total,
        title=table.title,
        note=table.note,
    )


def _shown_cell(cell: Cell, areas: set[str]) -> Cell:
    """A row that is not an area is one of the measure's own fixed words (such as "Address
    confidential"), marked in its app's catalog: shown in the active language."""
    return cell if cell.label in areas else Cell(gettext(cell.label), cell.value)
