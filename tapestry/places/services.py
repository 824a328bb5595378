"""Writes to places: defining areas, their postcodes and boundaries, and importing boundaries from GeoJSON.

Every write needs AREA_MANAGE. An area's postcodes are kept in two kinds of row: the ones staff
give it, and the ones it inherits from the areas inside it (`coverage_rebuild`), rebuilt in the same
transaction as any change of postcodes or nesting, so a postcode is placed in every area holding it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext, ngettext

from tapestry.access import policy
from tapestry.access.audit import audit_record
from tapestry.access.models import AuditEntry, User
from tapestry.access.policy import Capability
from tapestry.access.versioning import versioned_update
from tapestry.places import geojson
from tapestry.places.models import Area, AreaPostcode
from tapestry.web.records import create_record, errors_of

AREA_FIELDS = ("kind", "code", "name", "parent", "boundary")
EDITABLE = ("name", "parent", "boundary")
MAX_POSTCODE = 20


def postcodes_cleaned(postcodes: Iterable[str]) -> list[str]:
    """Postcodes as stored: trimmed, in capitals, each once, in the order given."""
    cleaned = [code.strip().upper() for code in postcodes if code and code.strip()]
    too_long = [code for code in cleaned if len(code) > MAX_POSTCODE]
    if too_long:
        raise ValidationError(
            {
                "postcodes": [
                    gettext("%(code)s is not a postcode (at most 20 characters).") % {"code": too_long[0]}
                ]
            }
        )
    return list(dict.fromkeys(cleaned))


def _parents() -> dict[int, int | None]:
    return dict(Area.objects.values_list("pk", "parent_id"))


def _cycle_through(area_pk: int | None, parent_pk: int | None, parents: dict[int, int | None]) -> bool:
    """Whether putting area `area_pk` inside `parent_pk` would make an area contain itself."""
    seen: set[int] = set()
    step = parent_pk
    while step is not None and step not in seen:
        if step == area_pk:
            return True
        seen.add(step)
        step = parents.get(step)
    return step is not None  # a loop already there, above the new parent


def _check_parent(area: Area, parent: Area | None) -> None:
    if parent is not None and area.pk is not None and _cycle_through(area.pk, parent.pk, _parents()):
        raise ValidationError(
            {
                "parent": [
                    gettext("%(parent)s is inside %(area)s; an area cannot contain itself.")
                    % {"parent": parent.name, "area": area.name}
                ]
            }
        )


def _set_given(area: Area, postcodes: Sequence[str]) -> None:
    AreaPostcode.objects.filter(area=area, given=True).exclude(postcode__in=postcodes).delete()
    have = set(AreaPostcode.objects.filter(area=area, given=True).values_list("postcode", flat=True))
    AreaPostcode.objects.bulk_create(
        [AreaPostcode(area=area, postcode=code, given=True) for code in postcodes if code not in have]
    )


def coverage_rebuild() -> None:
    """Give every area the postcodes of the areas inside it (inherited rows), in three queries and a write.

    The caller holds the transaction. Loops cannot occur (the services refuse them), but a walk stops
    at an area already seen all the same.
    """
    parents = _parents()
    given: dict[int, set[str]] = defaultdict(set)
    for area_id, postcode in AreaPostcode.objects.filter(given=True).values_list("area_id", "postcode"):
        given[area_id].add(postcode)
    inherited: dict[int, set[str]] = defaultdict(set)
    for area_id, postcodes in given.items():
        seen = {area_id}
        step = parents.get(area_id)
        while step is not None and step not in seen:
            inherited[step] |= postcodes
            seen.add(step)
            step = parents.get(step)
    AreaPostcode.objects.filter(given=False).delete()
    AreaPostcode.objects.bulk_create(
        [
            AreaPostcode(area_id=area_id, postcode=code, given=False)
            for area_id, postcodes in inherited.items()
            for code in sorted(postcodes - given[area_id])
        ]
    )


def _covered(kind: str, code: str, postcodes: Iterable[str]) -> list[str]:
    # A postcode area covers itself and nothing else.
    return [code.strip().upper()] if kind == Area.Kind.POSTCODE else postcodes_cleaned(postcodes)


def area_create(
    *,
    actor: User,
    kind: str,
    code: str,
    name: str,
    parent: Area | None = None,
    boundary: dict | None = None,
    postcodes: Iterable[str] = (),
) -> Area:
    """Define an area; a code is unique among areas of its kind."""
    policy.require_capability(actor, Capability.AREA_MANAGE)
    area = Area(
        kind=kind, code=(code or "").strip(), name=(name or "").strip(), parent=parent, boundary=boundary
    )
    area.created_by = actor
    covered = _covered(kind, area.code, postcodes)
    problems = errors_of(area.full_clean)
    if "__all__" in problems:
        problems["code"] = [gettext("There is already an area of this kind with this code.")]
        del problems["__all__"]
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        create_record(actor, area, clean=False, fields=[*AREA_FIELDS, "postcodes"])
        _set_given(area, covered)
        coverage_rebuild()
    return area


def area_update(*, actor: User, area: Area, version: int, changes: dict[str, Any]) -> Area:
    """Change an area's name, what it is inside, its boundary or its postcodes; the version must be current."""
    policy.require_capability(actor, Capability.AREA_MANAGE)
    changes = dict(changes)
    postcodes = changes.pop("postcodes", None)
    if "name" in changes:
        changes["name"] = (changes["name"] or "").strip()
    if "parent" in changes:
        _check_parent(area, changes["parent"])

    def set_postcodes(current: Area, changed: list[str]) -> list[str]:
        if postcodes is None or current.kind == Area.Kind.POSTCODE:
            return []
        cleaned = postcodes_cleaned(postcodes)
        before = set(current.postcodes.filter(given=True).values_list("postcode", flat=True))
        if before == set(cleaned):
            return []
        _set_given(current, cleaned)
        return ["postcodes"]

    with transaction.atomic():
        updated = versioned_update(
            actor=actor,
            instance=area,
            version=version,
            changes=changes,
            editable=EDITABLE,
            related=set_postcodes,
            savepoint=False,
        )
        coverage_rebuild()
    return updated


# Boundary import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeatureProblem:
    feature: int  # 1 for the first feature; 0 for the file as a whole
    code: str
    field: str
    message: str


@dataclass
class BoundaryReport:
    """What an import did, or why it stored nothing: a problem per feature."""

    source: str
    problems: list[FeatureProblem] = field(default_factory=list)
    created: list[str] = field(default_factory=list)  # area names
    updated: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if not self.ok:
            bad = len({problem.feature for problem in self.problems})
            return ngettext(
                "Nothing was imported from %(source)s: %(bad)s feature with problems.",
                "Nothing was imported from %(source)s: %(bad)s features with problems.",
                bad,
            ) % {"source": self.source, "bad": bad}
        return gettext("Imported %(source)s: %(created)s new area(s), %(updated)s boundary(ies) updated.") % {
            "source": self.source,
            "created": len(self.created),
            "updated": len(self.updated),
        }


@dataclass
class _Planned:
    feature: geojson.Feature
    kind: str
    code: str
    name: str
    parent_code: str
    parent_kind: str
    postcodes: list[str] | None
    existing: Area | None = None


def _text(properties: dict[str, Any], name: str) -> str:
    value = properties.get(name)
    return str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""


def _plan(feature: geojson.Feature, *, kind: str, code_property: str) -> _Planned:
    props = feature.properties
    planned = _Planned(
        feature=feature,
        kind=_text(props, "kind") or kind,
        code=_text(props, code_property),
        name=_text(props, "name"),
        parent_code=_text(props, "parent"),
        parent_kind=_text(props, "parent_kind"),
        postcodes=None,
    )
    problems = feature.problems
    if not planned.code:
        problems.append(
            (
                code_property,
                gettext("Each feature needs the property %(property)s: the area's code.")
                % {"property": repr(code_property)},
            )
        )
    elif len(planned.code) > 40:
        problems.append((code_property, gettext("An area code has at most 40 characters.")))
    if planned.kind not in Area.Kind.values:
        problems.append(
            (
                "kind",
                gettext("%(kind)s is not a kind of area; use one of %(kinds)s.")
                % {"kind": repr(planned.kind), "kinds": ", ".join(Area.Kind.values)},
            )
        )
    if len(planned.name) > 150:
        problems.append(("name", gettext("An area name has at most 150 characters.")))
    for message in geojson.geometry_problems(feature.geometry):
        problems.append(("geometry", message))
    if "postcodes" in props:
        raw = props["postcodes"]
        if not isinstance(raw, list) or not all(isinstance(code, str) for code in raw):
            problems.append(("postcodes", gettext("postcodes is a list of postcodes as text.")))
        else:
            try:
                planned.postcodes = postcodes_cleaned(raw)
            except ValidationError as error:
                problems.append(("postcodes", error.message_dict["postcodes"][0]))
    return planned


def boundary_import(
    *,
    actor: User,
    source: str,
    content: bytes,
    kind: str = Area.Kind.NEIGHBOURHOOD,
    code_property: str = "code",
) -> BoundaryReport:
    """Store the boundaries of a GeoJSON FeatureCollection, one area per feature, only if every feature is good.

    A feature names its area by the property `code_property`; an area of that code and kind (the
    feature's `kind` property, else `kind`) gets the boundary (and the `name`, `parent` and
    `postcodes` given); a new code makes a new area, which needs a `name`. `parent` is the code of an
    area, in the file or already stored (`parent_kind` when the code is used by two kinds).
    """
    policy.require_capability(actor, Capability.AREA_MANAGE)
    report = BoundaryReport(source=source)
    features, whole = geojson.read_features(content)
    if whole:
        report.problems.append(FeatureProblem(0, "", "", whole))
        return report
    planned = [_plan(feature, kind=kind, code_property=code_property) for feature in features]
    _check_against_stored(planned)
    for item in planned:
        for name, message in item.feature.problems:
            report.problems.append(FeatureProblem(item.feature.number, item.code, name, message))
    if not report.ok:
        return report
    with transaction.atomic():
        _store(actor, planned, report)
        coverage_rebuild()
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            object_type="places.boundary_import",
            fields=["boundary"],
            purpose=report.summary()[:255],
        )
    return report


def _check_against_stored(planned: list[_Planned]) -> None:
    """Codes twice in the file, new areas without a name, parents that do not exist or would make a loop."""
    stored = {(area.kind, area.code): area for area in Area.objects.all()}
    in_file: dict[tuple[str, str], _Planned] = {}
    for item in planned:
        key = (item.kind, item.code)
        if item.code and key in in_file:
            item.feature.problems.append(
                (
                    "code",
                    gettext("Feature %(number)s already gives this code for the same kind.")
                    % {"number": in_file[key].feature.number},
                )
            )
        in_file.setdefault(key, item)
        item.existing = stored.get(key)
        if item.existing is None and item.code and not item.name:
            item.feature.problems.append(("name", gettext("A new area needs a name (the property 'name').")))
    known = set(stored) | set(in_file)
    keys = {area.pk: key for key, area in stored.items()}
    parent_of: dict[tuple[str, str], tuple[str, str]] = {
        key: keys[area.parent_id] for key, area in stored.items() if area.parent_id is not None
    }
    for item in planned:
        if not item.parent_code:
            continue
        candidates = [
            key
            for key in known
            if key[1] == item.parent_code and (not item.parent_kind or key[0] == item.parent_kind)
        ]
        if not candidates:
            item.feature.problems.append(
                ("parent", gettext("No area has the code %(code)s.") % {"code": repr(item.parent_code)})
            )
        elif len(candidates) > 1:
            item.feature.problems.append(
                (
                    "parent",
                    gettext("Several kinds of area have the code %(code)s; say which with 'parent_kind'.")
                    % {"code": repr(item.parent_code)},
                )
            )
        else:
            parent_of[(item.kind, item.code)] = candidates[0]
    for item in planned:
        key, seen = (item.kind, item.code), set()
        step = parent_of.get(key)
        while step is not None and step not in seen:
            if step == key:
                item.feature.problems.append(
                    ("parent", gettext("This nesting would put the area inside itself."))
                )
                break
            seen.add(step)
            step = parent_of.get(step)


def _store(actor: User, planned: list[_Planned], report: BoundaryReport) -> None:
    by_key: dict[tuple[str, str], Area] = {}
    for item in planned:
        area = item.existing or Area(kind=item.kind, code=item.code, created_by=actor)
        area.boundary = item.feature.geometry
        if item.name:
            area.name = item.name
        if area.pk is None:
            area.save()
            report.created.append(area.name)
        else:
            area.version += 1
            area.save()
            report.updated.append(area.name)
        by_key[(area.kind, area.code)] = area
        if item.postcodes is not None or area.kind == Area.Kind.POSTCODE:
            _set_given(area, _covered(area.kind, area.code, item.postcodes or []))
    for item in planned:
        if not item.parent_code:
            continue
        area = by_key[(item.kind, item.code)]
        parent = next(
            (
                a
                for key, a in by_key.items()
                if key[1] == item.parent_code and (not item.parent_kind or key[0] == item.parent_kind)
            ),
            None,
        ) or Area.objects.get(
            code=item.parent_code, **({"kind": item.parent_kind} if item.parent_kind else {})
        )
        area.parent = parent
        area.save(update_fields=["parent", "updated_at"])
