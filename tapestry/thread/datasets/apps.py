"""App config for datasets: research data sets: de-identified, k-anonymous exports of practice data for evaluation and research."""

from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "tapestry.thread.datasets"
    label = "datasets"
    url_prefix = "thread/datasets/"
