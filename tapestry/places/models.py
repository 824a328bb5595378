"""Areas an agency works in (postcodes, neighbourhoods, counties, school districts), nested, with the
postcodes each covers and an optional boundary; and the centre point of each postcode."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy

from tapestry.places import geojson
from tapestry.web.models import Authored, Versioned


class Area(Versioned, Authored):
    """A place the agency works in; it may sit inside a larger one (a neighbourhood in a county)."""

    class Kind(models.TextChoices):
        POSTCODE = "postcode", gettext_lazy("Postcode")
        NEIGHBOURHOOD = "neighbourhood", gettext_lazy("Neighbourhood")
        COUNTY = "county", gettext_lazy("County")
        SCHOOL_DISTRICT = "school_district", gettext_lazy("School district")
        CUSTOM = "custom", gettext_lazy("Custom area")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    code = models.CharField(
        max_length=40, help_text=gettext_lazy("Unique among areas of the same kind, e.g. a FIPS code.")
    )
    name = models.CharField(max_length=150)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="Inside",
    )
    # A GeoJSON geometry object (RFC 7946): a Polygon or MultiPolygon in longitude, latitude.
    boundary = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "name", "code"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="area_code_unique_in_kind")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display().lower()} {self.code})"

    def clean(self) -> None:
        if self.pk is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": [gettext("An area cannot be inside itself.")]})
        if self.boundary is not None:
            problems = geojson.geometry_problems(self.boundary)
            if problems:
                raise ValidationError({"boundary": problems})


class AreaPostcode(models.Model):
    """A postcode an area covers: `given` when staff named it for this area, otherwise inherited from
    an area inside it (kept by the services, so "which areas hold this postcode" is one join)."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="postcodes")
    postcode = models.CharField(max_length=20)
    given = models.BooleanField(default=True)

    class Meta:
        ordering = ["postcode"]
        constraints = [models.UniqueConstraint(fields=["area", "postcode"], name="area_postcode_once")]
        indexes = [models.Index(fields=["postcode"], name="places_area_postcode_idx")]

    def __str__(self) -> str:
        return f"{self.postcode} in {self.area}"


class PostcodeCentroid(models.Model):
    """The centre point of a postcode, to search the directory by distance from an address.

    The table shipped with Tapestry is synthetic (the demo region); an agency loads its own.
    It moved here from the directory with its table and rows (hence `db_table`).
    """

    postcode = models.CharField(max_length=20, unique=True)
    place = models.CharField(max_length=100, blank=True)
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        db_table = "directory_postcodecentroid"
        ordering = ["postcode"]

    def __str__(self) -> str:
        return f"{self.postcode} {self.place}".strip()


def row_label(name: str, code: str) -> str:
    """How an area names its row in a table of counts: its name and code (names may repeat, codes do not)."""
    return f"{name} ({code})"
