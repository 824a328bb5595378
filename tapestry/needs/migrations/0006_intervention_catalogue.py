"""Seed the intervention catalogue (tapestry.needs.interventions) the level advisor suggests from.

Backward removes the kinds this migration added; nothing else points at them.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from tapestry.needs.interventions import load

    load(apps.get_model("needs", "InterventionType"), apps.get_model("needs", "Need"))


def unseed(apps, schema_editor):
    from tapestry.needs.interventions import INTERVENTIONS

    codes = [row[0] for row in INTERVENTIONS]
    apps.get_model("needs", "InterventionType").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("needs", "0005_intervention_type")]

    operations = [migrations.RunPython(seed, unseed)]
