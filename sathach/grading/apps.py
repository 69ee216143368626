from django.apps import AppConfig


class GradingConfig(AppConfig):
    name = "sathach.grading"
    label = "grading"
    verbose_name = "Chấm thi viết, vấn đáp, phách, phúc khảo"
