"""Form pieces every app shares: service errors shown next to their fields, versioned edits, date inputs,
parse-only model forms and choices set from the view."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name
from django.utils.translation import gettext, gettext_lazy

# Dates are typed and shown as ISO 8601 (yyyy-mm-dd), as every page prints them. A browser's own date
# field shows the format of the browser's locale (mm/dd/yyyy in the United States) whatever the page
# says, so this is a text field with the format as its placeholder and pattern (docs/printing.md).
ISO_DATE_PATTERN = r"\d{4}-\d{2}-\d{2}"
DATE_INPUT = forms.DateInput(
    attrs={
        "placeholder": gettext_lazy("yyyy-mm-dd"),
        "pattern": ISO_DATE_PATTERN,
        "inputmode": "numeric",
        "autocomplete": "off",
        "class": "iso-date",
        "size": 10,
    },
    format="%Y-%m-%d",
)


class ServiceErrors:
    """Shows a service's ValidationError next to the fields it names; the rest at the top of the form."""

    def show_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for name, messages in error.error_dict.items():
                self.add_error(name if name in self.fields else None, messages)
        else:
            self.add_error(None, error)


class TranslatedLabels:
    """Labels and help texts written as plain strings (most often derived by Django from a model
    field's name) are translated when the form is built; their catalog entries come from the
    app's generated `i18n_model_strings.py` (tapestry/web/i18n.py). Marked (lazy) strings pass through.
    A field given no label at all shows the label Django makes from its name: translated the same way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.label is None:
                field.label = gettext(pretty_name(name))
            elif type(field.label) is str and field.label:
                field.label = gettext(field.label)
            if type(field.help_text) is str and field.help_text:
                field.help_text = gettext(field.help_text)


class ServiceForm(ServiceErrors, TranslatedLabels, forms.Form):
    pass


class ServiceModelForm(ServiceErrors, TranslatedLabels, forms.ModelForm):
    pass


class ParsingForm(ServiceModelForm):
    """A model form that only parses: the service validates the record as a whole (it knows the case),
    so the model's own validation pass is skipped."""

    def _post_clean(self) -> None:
        pass


class FieldSetup:
    """What a form sets on its fields: `choices_from` maps a field to the keyword argument of the form
    that brings its choices (the view passes what the worker may choose); `required_fields` are the
    model's optional fields this form needs."""

    choices_from: dict[str, str] = {}
    required_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        given = {keyword: kwargs.pop(keyword) for keyword in set(self.choices_from.values())}
        super().__init__(*args, **kwargs)
        for name, keyword in self.choices_from.items():
            self.fields[name].queryset = given[keyword]
        for name in self.required_fields:
            self.fields[name].required = True


class _StaffLabels:
    """Staff listed by full name (the username where none is set), and with their role where `with_role`."""

    def __init__(self, *args: Any, with_role: bool = False, **kwargs: Any) -> None:
        self.with_role = with_role
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.username
        return f"{name} ({obj.get_role_display()})" if self.with_role else name


class StaffChoiceField(_StaffLabels, forms.ModelChoiceField):
    pass


class StaffMultipleChoiceField(_StaffLabels, forms.ModelMultipleChoiceField):
    pass


class VersionedForm(ServiceModelForm):
    """An edit form that carries the version it was loaded from (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version
