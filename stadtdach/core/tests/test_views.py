import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_fails(client, monkeypatch):
    def broken():
        raise connection.OperationalError("database is gone")

    monkeypatch.setattr(connection, "cursor", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


@pytest.mark.parametrize("query", ["?q=%00", "?q=a%00b", "?%00=1", "?q=ok&q=%00"])
def test_nul_byte_in_the_query_is_a_400(client, query):
    assert client.get(f"/healthz{query}").status_code == 400


def test_nul_byte_in_the_path_is_a_400(client):
    assert client.get("/konto%00/").status_code == 400


def test_ordinary_query_passes(client):
    assert client.get("/healthz?q=Stra%C3%9Fe").status_code == 200
