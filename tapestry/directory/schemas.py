"""Typed bodies of the directory API; field names follow HSDS 3 (`id` is Tapestry's, `hsds_id` the HSDS one)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

from tapestry.web.schemas import ErrorOut


class ServiceNeedOut(Schema):
    code: str
    label: str
    icd10: str


class OrganizationRef(Schema):
    id: int
    hsds_id: UUID
    name: str


class OrganizationOut(OrganizationRef):
    alternate_name: str
    description: str
    email: str
    website: str


class LocationOut(Schema):
    id: int
    hsds_id: UUID
    name: str
    location_type: str
    latitude: float | None
    longitude: float | None
    address_1: str
    address_2: str
    city: str
    state_province: str
    postal_code: str
    country: str


class PhoneOut(Schema):
    hsds_id: UUID
    number: str
    extension: str
    type: str
    description: str


class DirectoryScheduleOut(Schema):
    """When a service (or a service at a location) is open, in HSDS 3.0 schedule terms."""

    hsds_id: UUID
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    freq: str = Field(description="WEEKLY or MONTHLY, or empty.")
    interval: int | None
    byday: str = Field(description="iCalendar day codes, e.g. MO,WE.")
    bymonthday: str
    opens_at: datetime.time | None
    closes_at: datetime.time | None
    description: str
    attending_type: str
    notes: str


class DirectoryServiceAreaOut(Schema):
    hsds_id: UUID
    name: str
    description: str
    extent: str
    extent_type: str
    uri: str


class DirectoryCostOptionOut(Schema):
    hsds_id: UUID
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    option: str
    currency: str
    amount: Decimal | None
    amount_description: str


class DirectoryRequiredDocumentOut(Schema):
    hsds_id: UUID
    document: str
    uri: str


class ServiceAtLocationOut(Schema):
    hsds_id: UUID
    description: str
    location: LocationOut
    phones: list[PhoneOut]
    schedules: list[DirectoryScheduleOut]


class ServiceListItemOut(Schema):
    # A search hit wraps the service it found; the body shows the service's own fields.
    id: int = Field(validation_alias="service.pk")
    hsds_id: UUID = Field(validation_alias="service.hsds_id")
    name: str = Field(validation_alias="service.name")
    description: str = Field(validation_alias="service.description")
    status: str = Field(validation_alias="service.status")
    url: str = Field(validation_alias="service.url")
    email: str = Field(validation_alias="service.email")
    languages: list[str] = Field(validation_alias="service.language_list")
    organization: OrganizationRef = Field(validation_alias="service.organization")
    needs: list[ServiceNeedOut] = Field(validation_alias="service.needs")
    distance_km: float | None = Field(description="From the place searched near, to the nearest location.")
    nearest_location: LocationOut | None = Field(validation_alias="location")


class ServiceDetailOut(Schema):
    id: int
    hsds_id: UUID
    name: str
    alternate_name: str
    description: str
    url: str
    email: str
    status: str
    eligibility_description: str
    fees_description: str
    application_process: str
    minimum_age: int | None = Field(description="Youngest age served, in years (HSDS 3.0 minimum_age).")
    maximum_age: int | None = Field(description="Oldest age served, in years (HSDS 3.0 maximum_age).")
    languages: list[str] = Field(validation_alias="language_list")
    organization: OrganizationOut
    organization_locations: list[LocationOut] = Field(
        description="Every location of the organization, whether or not this service is delivered there.",
        validation_alias="organization.locations",
    )
    needs: list[ServiceNeedOut]
    phones: list[PhoneOut]
    schedules: list[DirectoryScheduleOut]
    service_areas: list[DirectoryServiceAreaOut]
    cost_options: list[DirectoryCostOptionOut]
    required_documents: list[DirectoryRequiredDocumentOut]
    service_at_locations: list[ServiceAtLocationOut]


class ProblemOut(Schema):
    file: str
    row: int = Field(description="Spreadsheet row (header = 1) or position in the JSON list; 0 = whole file.")
    field: str
    message: str


class ImportRefusedOut(ErrorOut):
    problems: list[ProblemOut]


class ImportOut(Schema):
    source: str
    summary: str
    created: dict[str, int]
    updated: dict[str, int]
    unkept: list[ProblemOut] = Field(
        description="Fields and tables in the upload that Tapestry does not keep (row 0 = a whole table or column)."
    )
