"""Demo accounts, one per role. The password is public: the demo is for trying out only."""

DEMO_PASSWORD = "stadtdach-demo"  # noqa: S105 - a published demo password, not a secret

UNITS = [
    # (name, short name) — illustrative departments of the town administration
    ("Fachbereich Zentrale Dienste und Finanzen", "FB I"),
    ("Fachbereich Bürgerdienste, Soziales und Bildung", "FB II"),
    ("Fachbereich Bau und Stadtentwicklung", "FB III"),
    ("Büro der Bürgermeisterin / des Bürgermeisters", "BM-Büro"),
]

DEMO_USERS = [
    {
        "username": "koordination",
        "first_name": "Kim",
        "last_name": "Koordination",
        "role": "coordination_admin",
        "role_label": "Koordination administrativ",
        "unit": "BM-Büro",
    },
    {
        "username": "beteiligung",
        "first_name": "Bea",
        "last_name": "Beteiligung",
        "role": "coordination_participation",
        "role_label": "Koordination Beteiligung",
        "unit": "BM-Büro",
    },
    {
        "username": "beratung",
        "first_name": "Bo",
        "last_name": "Beratung",
        "role": "consultant",
        "role_label": "Externe Beratung",
        "unit": None,
    },
    {
        "username": "steuerung",
        "first_name": "Sam",
        "last_name": "Steuerung",
        "role": "steering_group",
        "role_label": "Steuerungsgruppe",
        "unit": None,
    },
    {
        "username": "verwaltung",
        "first_name": "Vera",
        "last_name": "Verwaltung",
        "role": "administration",
        "role_label": "Verwaltung (Fachbereich Bau und Stadtentwicklung)",
        "unit": "FB III",
    },
    {
        "username": "stadtvertretung",
        "first_name": "Sascha",
        "last_name": "Stadtvertretung",
        "role": "council",
        "role_label": "Stadtvertretung",
        "unit": None,
    },
    {
        "username": "buergerin",
        "first_name": "Britta",
        "last_name": "Bürgerin",
        "role": "citizen",
        "role_label": "Bürgerin",
        "unit": None,
    },
    {
        "username": "technik",
        "first_name": "Toni",
        "last_name": "Technik",
        "role": None,
        "role_label": "Technische Administration (Django-Admin)",
        "unit": None,
        "superuser": True,
    },
]
for _user in DEMO_USERS:
    _user["password"] = DEMO_PASSWORD
