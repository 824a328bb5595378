"""The resource directory in the shape of Open Referral HSDS 3: organizations, services, locations, phones.

Field names follow HSDS so imports and exports map one to one; each HSDS `id` (a UUID) is kept as
`hsds_id`, and rows also have the ordinary integer key the rest of Tapestry links to. The
directory holds no person-level data: it is the agency's list of services it refers people to.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tapestry.web.models import Timestamped, optional_key


class HsdsRecord(Timestamped):
    """A row of an HSDS table: imports create and update it by its HSDS id; listed in the order stored."""

    hsds_id = models.UUIDField("HSDS id", unique=True)

    class Meta:
        abstract = True
        ordering = ["id"]


class Organization(HsdsRecord):
    """An HSDS organization that provides services (not to be confused with people.Organisation)."""

    name = models.CharField(max_length=255)
    alternate_name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    email = models.CharField(max_length=254, blank=True)
    website = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "directory organization"

    def __str__(self) -> str:
        return self.name


class Service(HsdsRecord):
    """One service an organization provides, with the needs it meets (our taxonomy mapping)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")
        DEFUNCT = "defunct", _("Defunct")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")

    # Statuses under which a service is still worth offering in a search.
    SEARCHABLE = (Status.ACTIVE, Status.TEMPORARILY_CLOSED)

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=255)
    alternate_name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    email = models.CharField(max_length=254, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    eligibility_description = models.TextField(blank=True)
    fees_description = models.TextField(blank=True)
    application_process = models.TextField(blank=True)
    languages = models.CharField(max_length=255, blank=True, help_text="Language names, comma-separated.")
    # HSDS 3.0 gives age eligibility as service.minimum_age and maximum_age, in whole years.
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    needs = models.ManyToManyField("needs.Need", through="ServiceNeed", related_name="services")

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["status", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization.name})"

    @property
    def language_list(self) -> list[str]:
        return [name.strip() for name in self.languages.split(",") if name.strip()]

    @property
    def age_range(self) -> str:
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None:
            return f"Aged {low} to {high}"
        if low is not None:
            return f"Aged {low} and over"
        if high is not None:
            return f"Aged up to {high}"
        return ""


class ServiceNeed(models.Model):
    """A service meets a coded need: the link that lets a worker search the directory by need."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_needs")
    need = models.ForeignKey("needs.Need", on_delete=models.PROTECT, related_name="service_needs")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "need"], name="one_link_per_service_need")]

    def __str__(self) -> str:
        return f"{self.service.name} meets {self.need.label}"


class Location(HsdsRecord):
    """Where services are delivered; the first physical HSDS address is kept on the row."""

    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        POSTAL = "postal", _("Postal")
        VIRTUAL = "virtual", _("Virtual")

    organization = optional_key("Organization", related_name="locations")
    name = models.CharField(max_length=255, blank=True)
    location_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    description = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    address_1 = models.CharField(max_length=255, blank=True)
    address_2 = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state_province = models.CharField(max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, blank=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self) -> str:
        return self.name or self.address_line or str(self.hsds_id)

    @property
    def address_line(self) -> str:
        parts = [self.address_1, self.address_2, self.city, self.state_province, self.postal_code]
        return ", ".join(part for part in parts if part)

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ServiceAtLocation(HsdsRecord):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "service at location"

    def __str__(self) -> str:
        return f"{self.service.name} at {self.location}"


def _owned_by(model: type[models.Model], related_name: str) -> models.ForeignKey:
    """The optional link of a phone or schedule to one of what HSDS lets own it."""
    return models.ForeignKey(
        model, null=True, blank=True, on_delete=models.CASCADE, related_name=related_name
    )


class Phone(HsdsRecord):
    """A phone number of a service, an organization or a location (HSDS links it to any of them)."""

    service = _owned_by(Service, "phones")
    organization = _owned_by(Organization, "phones")
    location = _owned_by(Location, "phones")
    service_at_location = _owned_by(ServiceAtLocation, "phones")
    number = models.CharField(max_length=50)
    extension = models.CharField(max_length=20, blank=True)
    type = models.CharField(
        max_length=20, blank=True, help_text="voice, text, fax, cell, video, pager, textphone"
    )
    description = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return f"{self.number} ext. {self.extension}" if self.extension else self.number


class Schedule(HsdsRecord):
    """When a service, a location or a service at a location is open (HSDS 3.0 schedule, iCalendar terms).

    Like a phone, one HSDS schedule may belong to a service, a location and a service at a location at once.
    """

    class Frequency(models.TextChoices):
        WEEKLY = "WEEKLY", _("Weekly")
        MONTHLY = "MONTHLY", _("Monthly")

    service = _owned_by(Service, "schedules")
    location = _owned_by(Location, "schedules")
    service_at_location = _owned_by(ServiceAtLocation, "schedules")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    freq = models.CharField(max_length=10, choices=Frequency.choices, blank=True)
    interval = models.PositiveSmallIntegerField(null=True, blank=True)
    byday = models.CharField(max_length=100, blank=True, help_text="Days as iCalendar codes: MO,TU,...")
    bymonthday = models.CharField(max_length=100, blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    description = models.TextField(blank=True)
    attending_type = models.CharField(max_length=255, blank=True)
    notes = models.TextField(blank=True)

    def __str__(self) -> str:
        hours = f"{self.opens_at:%H:%M}-{self.closes_at:%H:%M}" if self.opens_at and self.closes_at else ""
        return " ".join(part for part in (self.description, self.byday, hours) if part) or str(self.hsds_id)

    @property
    def hours(self) -> str:
        if self.opens_at and self.closes_at:
            return f"{self.opens_at:%H:%M} to {self.closes_at:%H:%M}"
        return ""


class ServiceArea(HsdsRecord):
    """The area a service covers (HSDS 3.0 service_area); `extent` is kept as given (GeoJSON, KML, WKT)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=20, blank=True, help_text="geojson, topojson, kml or text")
    uri = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.name or self.description[:80] or str(self.hsds_id)


class CostOption(HsdsRecord):
    """What a service costs, and for whom (HSDS 3.0 cost_option)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    option = models.CharField(max_length=255, blank=True, help_text="Who or what this price applies to.")
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217 code, e.g. USD.")
    amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        price = f"{self.amount} {self.currency}".strip() if self.amount is not None else ""
        return " ".join(part for part in (self.option, price, self.amount_description) if part) or "Cost"


class RequiredDocument(HsdsRecord):
    """A document a person must bring to use a service (HSDS 3.0 required_document)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="required_documents")
    document = models.TextField()
    uri = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.document[:80]
