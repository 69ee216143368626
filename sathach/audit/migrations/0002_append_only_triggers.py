from django.db import migrations


def install(apps, schema_editor):
    from sathach.audit.db import install_triggers

    install_triggers(schema_editor.connection)


def drop(apps, schema_editor):
    from sathach.audit.db import drop_triggers

    drop_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(install, drop)]
