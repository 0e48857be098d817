"""The persona cast: one user per role of the ISEK process, plus the anonymous visitor.

Tests ask for people by what they do, not by how they are set up::

    def test_citizen_cannot_edit(personas, client_for):
        assert client_for("citizen").get(url).status_code == 403

    @pytest.mark.parametrize("persona", ALL_NAMES)   # role matrix
    def test_workspace(persona, client_for): ...

Roles are Django groups named by role code (migration accounts 0002). The groups are
fetched with get_or_create, so the cast also works after a transactional test has
flushed the migration data. core sits below accounts in the layers, so the unit model
is looked up through the app registry instead of imported.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group

# Every persona logs in with this password (the test settings hash it with MD5: fast).
PASSWORD = "stadtdach-persona-pw"  # noqa: S105 - a test-only password
UNIT_NAME = "Fachbereich Bauen und Stadtentwicklung"


@dataclass(frozen=True)
class Persona:
    name: str
    role: str
    first_name: str
    last_name: str

    @property
    def username(self) -> str:
        # Prefixed so that personas never collide with the demo's users.
        return f"persona-{self.name.replace('_', '-')}"


PERSONAS = (
    Persona("coordinator", "coordination_admin", "Katrin", "Krüger"),
    Persona("participation_coordinator", "coordination_participation", "Paul", "Peters"),
    Persona("consultant", "consultant", "Clara", "Conrad"),
    Persona("steering_member", "steering_group", "Stefan", "Schulz"),
    Persona("department_staff", "administration", "Vera", "Voss"),
    Persona("council_member", "council", "Rainer", "Rathmann"),
    Persona("citizen", "citizen", "Birgit", "Bauer"),
)
_BY_NAME = {persona.name: persona for persona in PERSONAS}
NAMES = tuple(_BY_NAME)
ALL_NAMES = (*NAMES, "anonymous")


def department_unit():
    """The organisational unit the department staff persona belongs to."""
    unit_model = apps.get_model("accounts", "OrganisationalUnit")
    unit, _ = unit_model.objects.get_or_create(name=UNIT_NAME, defaults={"short_name": "FB 3"})
    return unit


def make_user(username: str, *, roles: tuple[str, ...] = (), password: str = PASSWORD, **fields):
    """A user with the given role codes; ``fields`` go to the user model (unit=..., email=...)."""
    user = get_user_model().objects.create_user(username=username, password=password, **fields)
    if roles:
        user.groups.add(*(Group.objects.get_or_create(name=role)[0] for role in roles))
    return user


def create_persona(name: str, **fields):
    """Create the user for one persona; ``fields`` override its defaults."""
    persona = _BY_NAME[name]
    defaults = {
        "first_name": persona.first_name,
        "last_name": persona.last_name,
        "email": f"{persona.username}@example.org",
    }
    if name == "department_staff":
        defaults["unit"] = department_unit()
    return make_user(persona.username, roles=(persona.role,), **{**defaults, **fields})


class Cast:
    """Personas created on first use: ``cast.coordinator``, ``cast["citizen"]``,
    ``cast.anonymous``. Names: coordinator, participation_coordinator, consultant,
    steering_member, department_staff, council_member, citizen, anonymous."""

    def __init__(self) -> None:
        self._users: dict = {}

    def __getattr__(self, name: str):
        if name == "anonymous":
            return AnonymousUser()
        if name not in _BY_NAME:
            raise AttributeError(f"No persona {name!r}; the cast is {', '.join(ALL_NAMES)}.")
        if name not in self._users:
            self._users[name] = create_persona(name)
        return self._users[name]

    def __getitem__(self, name: str):
        if name not in ALL_NAMES:
            raise KeyError(name)
        return getattr(self, name)

    def all(self, *, anonymous: bool = True) -> dict:
        """Every persona by name (creating them all), for role matrix tests."""
        return {name: self[name] for name in (ALL_NAMES if anonymous else NAMES)}
