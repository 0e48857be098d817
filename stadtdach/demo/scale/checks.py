"""When the generator refuses to run, before it changes anything.

1. **Production settings** (``config.settings.production``): 100,000 invented citizens
   do not belong into a town's database. ``--force`` overrides (the benchmark's own
   settings module imports production's, but is a different module and passes).
2. **No database**: an unreachable database or one without the current migrations is
   reported as such instead of as a traceback (never overridden).
3. **Data that neither the demo nor the generator made** (``foreign_data``), unless
   ``--force``. Three rules, each cheap (one COUNT per table):

   a. *Accounts.* Every account is a demo login (``demo.users.DEMO_USERS``) or flagged
      as a sample account (``is_sample``: the demo's sample citizens and steering
      members, and the generated ``skala-`` users). A real installation always has
      accounts of real people: staff, and citizens who signed up.
   b. *Content.* Every table with an ``is_sample`` flag holds no more unflagged rows
      than the demo's own real records from the town's document (``DEMO_RECORDS``:
      action fields, the meetings of 08.12.2020 and 04.02.2021, ...); in all other such
      tables (contributions, comments, measures, indicators, budget lines, ...) the
      demo flags every row, and so does the generator. Content entered by hand, by
      citizens or by an import is not flagged, whoever entered it.
   c. *Audit log.* No entry by an account that no longer exists (no actor, a name other
      than "System"): someone worked here whose account is gone.

   A test loads the demo into an empty database and asserts that nothing is foreign,
   so ``DEMO_RECORDS`` cannot fall behind the demo unnoticed."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import OperationalError, connection
from django.db.migrations.executor import MigrationExecutor

from stadtdach.core.models import AuditEntry
from stadtdach.demo.users import DEMO_USERS

PRODUCTION_SETTINGS = "config.settings.production"

# Unflagged rows the demo itself writes (the town's own records), per model.
DEMO_RECORDS = {
    "strategy.ActionField": 12,
    "strategy.CrossCuttingTheme": 7,
    "strategy.FoundationElement": 4,
    "strategy.Concept": 12,
    "strategy.Edition": 2,
    "strategy.EditionActionField": 1,
    "strategy.EditionTheme": 7,
    "strategy.ExampleProcess": 4,
    "strategy.ExampleFinding": 1,
    "strategy.EvaluationFinding": 6,
    "strategy.Expectation": 9,
    "process.Phase": 4,
    "process.Milestone": 7,
    "process.DraftStage": 3,
    "process.Task": 6,
    "governance.Location": 1,
    "governance.Body": 3,
    "governance.Meeting": 2,
    "governance.AgendaItem": 3,
    "governance.Document": 1,
    "governance.Paper": 1,
    "governance.Consultation": 18,
    "governance.Decision": 1,
    "participation.TargetGroup": 6,
    "finance.FundingProgramme": 3,
}


class Refusal(Exception):
    """The generator will not run; the message says why and what to do."""


def refuse_production() -> None:
    if settings.SETTINGS_MODULE == PRODUCTION_SETTINGS:
        raise Refusal(
            f"These are the production settings ({PRODUCTION_SETTINGS}): generated data "
            "does not belong into a town's database. Use --force if this really is a "
            "throw-away database."
        )


def refuse_unusable_database() -> None:
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except OperationalError as error:
        name = connection.settings_dict.get("NAME")
        raise Refusal(f"The database {name!s} cannot be reached: {error}".strip()) from error
    if pending:
        raise Refusal(f"The database lacks {len(pending)} migrations: run manage.py migrate first.")


def foreign_data() -> list[str]:
    """What in the database neither the demo nor the generator made (empty: nothing)."""
    found = []
    demo_logins = [spec["username"] for spec in DEMO_USERS]
    user_model = get_user_model()
    strangers = user_model._base_manager.filter(is_sample=False).exclude(username__in=demo_logins)
    count = strangers.count()
    if count:
        names = ", ".join(strangers.order_by("pk").values_list("username", flat=True)[:3])
        found.append(f"{count} accounts that are neither demo nor sample accounts (e.g. {names})")
    for model in apps.get_models():
        label = model._meta.label
        if model is user_model or not _has_flag(model):
            continue
        count = model._base_manager.filter(is_sample=False).count()
        allowed = DEMO_RECORDS.get(label, 0)
        if count > allowed:
            found.append(f"{count - allowed} rows of {label} not marked as sample data")
    gone = AuditEntry.objects.filter(actor__isnull=True).exclude(actor_label="System").count()
    if gone:
        found.append(f"{gone} audit entries by accounts that no longer exist")
    return found


def refuse_foreign_data() -> None:
    found = foreign_data()
    if found:
        raise Refusal(
            "The database holds data that neither the Boizenburg demo nor this command "
            "made: " + "; ".join(found) + ". Use a fresh database (manage.py migrate, "
            "then this command), or --force to add the generated data anyway."
        )


def _has_flag(model) -> bool:
    return any(f.name == "is_sample" and f.concrete for f in model._meta.get_fields())
