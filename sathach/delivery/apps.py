from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "sathach.delivery"
    verbose_name = "Tổ chức thi trên máy tính"
