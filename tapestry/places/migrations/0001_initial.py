"""Areas and their postcodes; the postcode centre points move here from the directory, table and rows kept."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("directory", "0006_service_area_cost_option_required_document"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The table directory_postcodecentroid already exists with its rows: only the state moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PostcodeCentroid",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("postcode", models.CharField(max_length=20, unique=True)),
                        ("place", models.CharField(blank=True, max_length=100)),
                        ("latitude", models.FloatField()),
                        ("longitude", models.FloatField()),
                    ],
                    options={"db_table": "directory_postcodecentroid", "ordering": ["postcode"]},
                ),
            ],
            database_operations=[],
        ),
    ]
