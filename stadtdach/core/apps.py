from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "stadtdach.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.core import checks
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from stadtdach.core.caching import tracking, versions
        from stadtdach.core.storage import check_media_storage

        # With S3_BUCKET set, the bucket must answer before the site starts (ADR 0007).
        checks.register(check_media_storage, "storage")

        # The page cache sees every read and write at the SQL level (docs/adr/0005).
        connection_created.connect(tracking.install, dispatch_uid="stadtdach-page-cache")
        # A migration may change any table, also without an INSERT or UPDATE.
        post_migrate.connect(
            lambda **kwargs: versions.invalidate_all(),
            dispatch_uid="stadtdach-page-cache-migrate",
            weak=False,
        )
