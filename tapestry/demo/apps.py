"""App configuration for the demo agency loader."""

from __future__ import annotations

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "tapestry.demo"
    label = "demo"
    verbose_name = "Demo agency"
