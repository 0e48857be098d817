from io import StringIO

from stadtdach.demo.management.commands.serve_demo import Command
from stadtdach.demo.users import DEMO_USERS


def test_banner_shows_the_address_and_a_login_for_every_role():
    out = StringIO()
    Command(stdout=out).print_banner(8123)
    text = out.getvalue()
    assert "http://127.0.0.1:8123/" in text
    for user in DEMO_USERS:
        assert user["username"] in text and user["role_label"] in text
    assert "stadtdach-demo" in text
