"""App config for macro evaluation."""

from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "tapestry.macro.evaluation"
    label = "evaluation"
    url_prefix = "macro/evaluation/"
