"""PostcodeCentroid now belongs to places (tapestry/places/models.py); its table and rows stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_service_area_cost_option_required_document"),
        ("places", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PostcodeCentroid")],
            database_operations=[],
        ),
    ]
