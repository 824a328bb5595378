"""Factories for directory rows, for the directory's and the referrals' tests."""

from __future__ import annotations

import uuid

import factory

from tapestry.directory.models import Location, Organization, Service, ServiceAtLocation
from tapestry.needs.models import Need


class DirectoryOrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    hsds_id = factory.LazyFunction(uuid.uuid4)
    name = factory.Sequence(lambda n: f"Provider {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    hsds_id = factory.LazyFunction(uuid.uuid4)
    organization = factory.SubFactory(DirectoryOrganizationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "A synthetic service for tests."
    status = Service.Status.ACTIVE


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    hsds_id = factory.LazyFunction(uuid.uuid4)
    name = factory.Sequence(lambda n: f"Site {n}")
    latitude = 40.0
    longitude = -75.0


def service_at(
    latitude: float, longitude: float, *, needs: tuple[str, ...] = (), **fields: object
) -> Service:
    """A service delivered at one place, meeting the given need codes."""
    service = ServiceFactory(**fields)
    location = LocationFactory(latitude=latitude, longitude=longitude, organization=service.organization)
    ServiceAtLocation.objects.create(hsds_id=uuid.uuid4(), service=service, location=location)
    if needs:
        service.needs.set(Need.objects.filter(code__in=needs))
    return service
