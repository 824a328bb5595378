"""Reads of the resource directory: search by need, text and distance; one service in full.

The directory holds no person-level data, so reads need only the role's capability to see
organisations; nothing here is audited as a read of a client record.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import and_
from typing import overload

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext

from tapestry.access import policy
from tapestry.access.models import User
from tapestry.access.policy import Capability
from tapestry.directory import geo
from tapestry.directory.models import Location, Service, ServiceAtLocation
from tapestry.needs.models import Need
from tapestry.places.models import Area
from tapestry.places.selectors import area_by_id, postcode_centroid, postcodes_of
from tapestry.web.ids import one_or_404

DEFAULT_RADIUS_KM = 25.0
MAX_RADIUS_KM = 500.0
NOT_IN_DIRECTORY = "No service with this number in the directory."


@dataclass(frozen=True)
class SearchCriteria:
    query: str = ""
    need: str = ""  # a Need code
    near: geo.Point | None = None
    radius_km: float = DEFAULT_RADIUS_KM
    area: Area | None = None  # services with a location at a postcode the area holds


@dataclass(frozen=True)
class ServiceHit:
    """A service found by a search, with how far its nearest location is (when searching near a place)."""

    service: Service
    distance_km: float | None = None
    location: Location | None = None

    @property
    def locations(self) -> list[Location]:
        return [place.location for place in self.service.service_at_locations.all()]


def _services() -> QuerySet[Service]:
    """Services with everything a result or detail shows, in a fixed number of queries."""
    return Service.objects.select_related("organization").prefetch_related(
        Prefetch("service_at_locations", queryset=ServiceAtLocation.objects.select_related("location")),
        "needs",
    )


# What a service's page, its API body and its HSDS export show beyond a search result.
DETAIL_PREFETCH = (
    "phones",
    "schedules",
    "service_areas",
    "cost_options",
    "required_documents",
    "organization__phones",
    "organization__locations",
    "service_at_locations__phones",
    "service_at_locations__schedules",
)


def need_choices() -> QuerySet[Need]:
    return Need.objects.filter(is_active=True).order_by("label")


def near_point(
    *, postcode: str = "", latitude: float | None = None, longitude: float | None = None
) -> geo.Point | None:
    """Where to measure from: a postcode's centre point, or a latitude and longitude; None for neither."""
    postcode = postcode.strip().upper()
    if postcode:
        centroid = postcode_centroid(postcode)
        if centroid is None:
            raise ValidationError(
                {
                    "near_postcode": [
                        gettext("We do not know where postcode %(postcode)s is; try a nearby postcode.")
                        % {"postcode": postcode}
                    ]
                }
            )
        return geo.Point(
            centroid.latitude,
            centroid.longitude,
            label=gettext("postcode %(postcode)s") % {"postcode": centroid.postcode},
        )
    if latitude is None and longitude is None:
        return None
    if latitude is None or longitude is None:
        raise ValidationError({"near_lat": [gettext("Give both a latitude and a longitude.")]})
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError(
            {"near_lat": [gettext("Latitude runs from -90 to 90, longitude from -180 to 180.")]}
        )
    return geo.Point(latitude, longitude, label=f"{latitude:.4f}, {longitude:.4f}")


def area_named(area_id: int | None) -> Area | None:
    """The area a search names by number (a 400 by the field when there is none)."""
    if area_id is None:
        return None
    area = area_by_id(area_id)
    if area is None:
        raise ValidationError({"area": [gettext("There is no area with this number.")]})
    return area


def service_search(*, user: User, criteria: SearchCriteria) -> Sequence[ServiceHit]:
    """Services matching every given criterion; nearest first when searching near a place.

    Without a place the result is lazy and pages in the database; with one, the database narrows
    the candidates to a bounding box and distances are worked out here with the haversine formula.
    """
    policy.require_capability(user, Capability.ORGANISATION_READ)
    services = _services().filter(status__in=Service.SEARCHABLE)
    words = criteria.query.split()
    if words:
        services = services.filter(
            reduce(
                and_,
                (
                    Q(name__icontains=word)
                    | Q(alternate_name__icontains=word)
                    | Q(description__icontains=word)
                    | Q(organization__name__icontains=word)
                    for word in words
                ),
            )
        )
    if criteria.need:
        services = services.filter(needs__code=criteria.need)
    if criteria.area is not None:
        at = Location.objects.filter(postal_code__in=postcodes_of(criteria.area)).values("pk")
        services = services.filter(service_at_locations__location__in=at).distinct()
    if criteria.near is None:
        return _LazyHits(services.order_by("name", "id"))
    return _nearest(services, criteria.near, criteria.radius_km)


def _nearest(services: QuerySet[Service], centre: geo.Point, radius_km: float) -> list[ServiceHit]:
    box = geo.bounding_box(centre, radius_km)
    in_box = Location.objects.filter(
        latitude__range=(box.min_latitude, box.max_latitude),
        longitude__range=(box.min_longitude, box.max_longitude),
    ).exclude(location_type=Location.LocationType.VIRTUAL)
    candidates = services.filter(service_at_locations__location__in=in_box).distinct()
    hits = []
    for service in candidates:
        measured = [
            (
                geo.haversine_km(centre, geo.Point(place.location.latitude, place.location.longitude)),
                place.location,
            )
            for place in service.service_at_locations.all()
            if place.location.has_point and place.location.location_type != Location.LocationType.VIRTUAL
        ]
        if not measured:
            continue
        distance, location = min(measured, key=lambda pair: pair[0])
        if distance <= radius_km:
            hits.append(ServiceHit(service, distance, location))
    hits.sort(key=lambda hit: (hit.distance_km, hit.service.name, hit.service.pk))
    return hits


class _LazyHits(Sequence[ServiceHit]):
    """Search results that count and slice in the database, so a page costs the same at any size."""

    def __init__(self, services: QuerySet[Service]) -> None:
        self.services = services

    def __len__(self) -> int:
        return self.services.count()

    @overload
    def __getitem__(self, index: int) -> ServiceHit: ...

    @overload
    def __getitem__(self, index: slice) -> list[ServiceHit]: ...

    def __getitem__(self, index: int | slice) -> ServiceHit | list[ServiceHit]:
        if isinstance(index, slice):
            return [ServiceHit(service) for service in self.services[index]]
        return ServiceHit(self.services[index])

    def __iter__(self) -> Iterator[ServiceHit]:
        return (ServiceHit(service) for service in self.services)


def service_detail(*, user: User, service_id: int) -> Service:
    """One service with its organization, locations, phones and needs."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    return one_or_404(_services().prefetch_related(*DETAIL_PREFETCH), service_id, NOT_IN_DIRECTORY)


def services_for_export() -> QuerySet[Service]:
    """Every service with all that its HSDS document holds, for `manage.py export_hsds`."""
    return _services().prefetch_related(
        *DETAIL_PREFETCH,
        "service_at_locations__location__phones",
        "service_at_locations__location__schedules",
        "organization__locations__phones",
        "organization__locations__schedules",
    )


def service_get(*, user: User, service_id: int) -> Service:
    """A service to point a referral at: any in the directory, with its organization."""
    policy.require_capability(user, Capability.ORGANISATION_READ)
    return one_or_404(Service.objects.select_related("organization"), service_id, NOT_IN_DIRECTORY)


def directory_counts() -> dict[str, int]:
    """How big the directory is, for the import page."""
    return {
        "services": Service.objects.count(),
        "searchable": Service.objects.filter(status__in=Service.SEARCHABLE).count(),
    }
