"""App config for places: the areas an agency works in; every level refers to them."""

from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "tapestry.places"
    label = "places"
    url_prefix = "places/"
