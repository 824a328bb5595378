"""Forms of the resource directory: the search and the HSDS upload."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tapestry.directory import selectors
from tapestry.directory.selectors import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, SearchCriteria
from tapestry.places.selectors import area_choices

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class ServiceSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Words in the name or description"), required=False, max_length=200, strip=True
    )
    need = forms.ChoiceField(label=_("Meets the need"), required=False)
    near_postcode = forms.CharField(
        label=_("Near postcode"),
        required=False,
        max_length=20,
        help_text=_("Sorts the results by distance from the postcode's centre."),
    )
    near_lat = forms.FloatField(label=_("or near latitude"), required=False, min_value=-90, max_value=90)
    near_lon = forms.FloatField(label=_("and longitude"), required=False, min_value=-180, max_value=180)
    radius_km = forms.FloatField(
        label=_("Within (km)"),
        required=False,
        min_value=0.5,
        max_value=MAX_RADIUS_KM,
        widget=forms.NumberInput(attrs={"step": "0.5", "placeholder": f"{DEFAULT_RADIUS_KM:g}"}),
    )

    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=area_choices(),
        required=False,
        empty_label=_("Any area"),
        help_text=_("Services with a location at a postcode the area holds."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [("", gettext("Any need"))] + [
            (need.code, need.label) for need in selectors.need_choices()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        try:
            self.point = selectors.near_point(
                postcode=data.get("near_postcode") or "",
                latitude=data.get("near_lat"),
                longitude=data.get("near_lon"),
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.add_error(name, messages)
            self.point = None
        return data

    def criteria(self) -> SearchCriteria:
        data = self.cleaned_data
        return SearchCriteria(
            query=data.get("q") or "",
            need=data.get("need") or "",
            near=self.point,
            radius_km=data.get("radius_km") or DEFAULT_RADIUS_KM,
            area=data.get("area"),
        )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (the CSV tables of an HSDS package)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        # Nothing chosen: the single-file check gives the usual "required" message.
        return [single(data or None, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("HSDS file"),
        help_text=_(
            "An HSDS 3 JSON file (services, organizations, services at locations or locations), "
            "a .zip of the HSDS CSV tables, "
            "or the CSV files themselves (services.csv, organizations.csv, locations.csv, ...)."
        ),
    )

    def clean_files(self) -> list[Any]:
        files = self.cleaned_data["files"]
        for upload in files:
            if upload.size > MAX_UPLOAD_BYTES:
                raise ValidationError(
                    gettext("%(name)s is larger than 20 MB; split it into smaller files.")
                    % {"name": upload.name}
                )
        return files

    def contents(self) -> list[tuple[str, bytes]]:
        return [(upload.name, upload.read()) for upload in self.cleaned_data["files"]]
