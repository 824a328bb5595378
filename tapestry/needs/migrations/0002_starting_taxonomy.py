"""Load the starting taxonomy of needs (with ICD-10-CM Z codes) and barriers."""

from django.db import migrations


def load(apps, schema_editor):
    from tapestry.needs.taxonomy import load

    load(apps.get_model("needs", "Need"), apps.get_model("needs", "Barrier"))


def unload(apps, schema_editor):
    from tapestry.needs.taxonomy import BARRIERS, NEEDS

    apps.get_model("needs", "Need").objects.filter(code__in=[n[0] for n in NEEDS]).delete()
    apps.get_model("needs", "Barrier").objects.filter(code__in=[b[0] for b in BARRIERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("needs", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
