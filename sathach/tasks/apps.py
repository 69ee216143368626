from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "sathach.tasks"
    label = "tasks"
    verbose_name = "Công việc chạy nền"
