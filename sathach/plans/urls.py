"""Pages of the plans app (none yet: the services and selectors come first)."""

app_name = "plans"
urlpatterns: list = []
