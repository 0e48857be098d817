"""Generated citizens: ``skala-000001`` and so on, flagged as sample accounts, with an
unusable password (nobody logs in as them, and nothing is hashed 100,000 times), in the
citizen group like the demo's sample citizens."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import Group

from stadtdach.demo.scale import texts
from stadtdach.demo.scale.context import USER_PREFIX, Context


def generate(ctx: Context) -> None:
    n = ctx.volumes.users
    if not n:
        return
    rng = ctx.rng("users")
    user_model = get_user_model()
    ctx.users = ids = ctx.writer.ids(user_model, n)
    first_day = ctx.today - datetime.timedelta(days=6 * 365)

    def rows():
        for number, pk in enumerate(ids, start=1):
            joined = ctx.at(first_day + datetime.timedelta(days=rng.randrange(6 * 365)), rng)
            name = texts.display_name(rng)
            yield (
                pk,
                f"{USER_PREFIX}{number:06d}",
                f"{UNUSABLE_PASSWORD_PREFIX}{rng.getrandbits(160):040x}",
                name if rng.random() < 0.7 else "",
                name.split()[0],
                f"{USER_PREFIX}{number:06d}@example.invalid",
                joined,
            )

    ctx.writer.write(
        user_model,
        ("id", "username", "password", "display_name", "first_name", "email", "date_joined"),
        rows(),
        total=n,
        label="users",
        is_sample=True,
        is_active=True,
        is_staff=False,
        is_superuser=False,
        last_login=None,
        last_name="",
        unit_id=None,
    )
    citizen = Group.objects.get_or_create(name="citizen")[0]
    through = user_model.groups.through
    links = ctx.writer.ids(through, n)
    ctx.writer.write(
        through,
        ("id", "user_id"),
        zip(links, ids, strict=True),
        total=n,
        label="users: citizen group",
        group_id=citizen.pk,
    )
