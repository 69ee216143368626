from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "sathach.demo"
    label = "demo"
    verbose_name = "Tỉnh mẫu"
