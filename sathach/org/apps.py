from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "sathach.org"
    label = "org"
    verbose_name = "Tổ chức và nhân sự"
