"""Every form's labels and help texts read in Spanish (docs/languages.md).

The template check reads templates, and the browser check reads the pages two links from a level
page; a form further in (a session's edit form, a consent's fields) and a help text written as a
plain string in a model or a form were seen by neither, and showed in English on Spanish pages.
This test builds nothing: it imports every `forms` module under tapestry/, and for each form class
reads each declared field's label and help text in English and in Spanish. A text that comes out
the same in both is not marked for translation, or has no Spanish in the catalogs.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms
from django.utils import translation
from django.utils.functional import Promise

import tapestry

# Words that are the same in Spanish.
SAME_IN_SPANISH = {"Plan", "Factor"}


def form_classes() -> list[type[forms.BaseForm]]:
    found = set()
    for module_info in pkgutil.walk_packages(tapestry.__path__, "tapestry."):
        name = module_info.name
        if ".tests" in name or ".migrations" in name:
            continue
        if name.rsplit(".", 1)[-1] != "forms" and ".forms." not in name:
            continue
        module = importlib.import_module(name)
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, forms.BaseForm) and value.__module__ == name:
                found.add(value)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def read(text: str | Promise, language: str) -> str:
    with translation.override(language):
        # A plain string is translated when the form is built (tapestry/web/forms.py TranslatedLabels).
        return str(text) if isinstance(text, Promise) else translation.gettext(text)


def test_every_form_label_and_help_text_has_its_spanish():
    classes = form_classes()
    assert len(classes) > 200, "the forms modules were not found"
    english = []
    for cls in classes:
        for name, field in cls.base_fields.items():
            for attribute in ("label", "help_text"):
                text = getattr(field, attribute)
                if not text:
                    continue
                shown = read(text, "en")
                if (
                    read(text, "es") == shown
                    and shown not in SAME_IN_SPANISH
                    and any(c.isalpha() for c in shown)
                ):
                    english.append(f"{cls.__module__}.{cls.__name__}.{name}.{attribute}: {shown}")
    assert english == [], "\n".join(english)


def test_the_check_sees_an_unmarked_text():
    assert read("A text no catalog has, written plainly.", "es") == "A text no catalog has, written plainly."
    assert read("Date of birth", "es") != "Date of birth"
