"""Run inside the app (manage.py shell): accounts for the load test and the checks.

Prints JSON: the citizens' and coordinators' log-ins and the targets of the writes."""

import json
import sys

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from stadtdach.demo.users import DEMO_PASSWORD

CITIZENS = int(sys.argv[-1]) if sys.argv[-1].isdigit() else 200
User = get_user_model()
template = User.objects.get(username="buergerin")
password_hash = template.password  # the demo password, hashed once
users = []
for n in range(CITIZENS):
    name = f"last{n:03d}"
    user, created = User.objects.get_or_create(
        username=name, defaults={"email": f"{name}@example.org", "password": password_hash}
    )
    if created:
        user.groups.set(template.groups.all())
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    users.append(name)

# Logged-in sessions for the load test: its citizens and coordinators start logged in (a
# log-in costs a deliberate ~0.5 s of password hashing; the check measures it separately).
from stadtdach.demo.benchmark import session_cookie  # noqa: E402

sessions = {
    name: session_cookie(name).split("=", 1)[1] for name in [*users, "koordination", "beteiligung"]
}
print(json.dumps({"citizens": users, "password": DEMO_PASSWORD, "sessions": sessions}))
