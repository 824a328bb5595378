"""Forms of places: an area, its changes, the boundary upload and the list's filters."""

from __future__ import annotations

import json
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy

from tapestry.places import selectors
from tapestry.places.models import Area
from tapestry.web.forms import ServiceForm

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
KIND_CHOICES = Area.Kind.choices


class _AreaFields(ServiceForm):
    name = forms.CharField(max_length=150)
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Inside"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=gettext_lazy("Not inside another area"),
    )
    postcodes = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "The postcodes this area covers, separated by commas or spaces. A postcode area covers itself."
        ),
    )
    boundary = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Optional: a GeoJSON Polygon or MultiPolygon, longitude before latitude. Or import a file."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = selectors.parent_choices()

    def clean_postcodes(self) -> list[str]:
        return [code for code in re.split(r"[\s,;]+", self.cleaned_data["postcodes"]) if code]

    def clean_boundary(self) -> dict | None:
        text = self.cleaned_data["boundary"].strip()
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationError(
                gettext("This is not valid JSON: %(error)s at character %(position)s.")
                % {"error": error.msg, "position": error.pos}
            ) from error


class AreaForm(_AreaFields):
    kind = forms.ChoiceField(choices=KIND_CHOICES)
    code = forms.CharField(max_length=40, help_text=gettext_lazy("Unique among areas of the same kind."))
    field_order = ["kind", "code", "name", "parent", "postcodes", "boundary"]


class AreaEditForm(_AreaFields):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @classmethod
    def for_area(cls, data: Any, area: Area, postcodes: list[str]) -> AreaEditForm:
        initial = {
            "name": area.name,
            "parent": area.parent_id,
            "postcodes": " ".join(postcodes),
            "boundary": json.dumps(area.boundary) if area.boundary else "",
            "version": area.version,
        }
        return cls(data, initial=initial)

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("name", "parent", "postcodes", "boundary")}


class BoundaryImportForm(ServiceForm):
    file = forms.FileField(
        label=gettext_lazy("GeoJSON file"),
        help_text=gettext_lazy("A FeatureCollection, one feature per area (RFC 7946)."),
    )
    kind = forms.ChoiceField(
        choices=KIND_CHOICES,
        initial=Area.Kind.NEIGHBOURHOOD,
        label=gettext_lazy("Kind of area"),
        help_text=gettext_lazy("For features without a 'kind' property."),
    )
    code_property = forms.CharField(
        max_length=60,
        initial="code",
        label=gettext_lazy("Property naming the area code"),
        help_text=gettext_lazy("The name of the feature property that holds each area's code."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(gettext("The file is larger than 20 MB; split it up."))
        return upload


class AreaFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), choices=[("", gettext_lazy("Any kind")), *KIND_CHOICES], required=False
    )
    postcode = forms.CharField(max_length=20, required=False, label=gettext_lazy("Holding postcode"))


class MapForm(forms.Form):
    kind = forms.ChoiceField(
        choices=KIND_CHOICES, required=False, label=gettext_lazy("Areas"), initial=Area.Kind.NEIGHBOURHOOD
    )
