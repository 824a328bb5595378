"""App config for programs: logic model, budget, staff and reach; cases, groups, grants point here."""

from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "tapestry.programs"
    # The label stays "mezzo" from when programs were the top of the mezzo package: the tables
    # (mezzo_program, ...), the django_migrations rows, the content types, the "mezzo.Program"
    # references of other apps and the model labels in audit entries all keep it. No data moves.
    label = "mezzo"
    # The pages keep their addresses (/mezzo/programs/...), so bookmarks still work.
    url_prefix = "mezzo/"
