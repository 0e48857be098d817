"""Start and stop the parts of the production set-up, each on a free loopback port."""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

BASE = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
DEPLOY = BASE / "deploy"


class CheckError(Exception):
    """A reason to stop, printed without a traceback."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def say(text: str) -> None:
    print(text, flush=True)


def wait_for(what: str, probe, timeout: float, process=None) -> float:
    started = time.monotonic()
    while True:
        with contextlib.suppress(Exception):
            if probe():
                return time.monotonic() - started
        if process is not None and process.poll() is not None:
            raise CheckError(f"{what} exited with {process.returncode} (log: {process.log})")
        if time.monotonic() - started > timeout:
            raise CheckError(f"{what} not ready after {timeout:.0f} s")
        time.sleep(0.1)


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Process:
    """A child in its own process group, its output in a log file."""

    def __init__(self, name, command, *, env, log_dir, user=None):
        self.name = name
        self.log = log_dir / f"{name}.log"
        handle = self.log.open("ab")
        if user:
            command = ["runuser", "-u", user, "--", *command]
        self.popen = subprocess.Popen(  # noqa: S603 - our own tools
            command,
            env=env,
            cwd=BASE,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        handle.close()

    @property
    def pid(self):
        return self.popen.pid

    def poll(self):
        return self.popen.poll()

    @property
    def returncode(self):
        return self.popen.returncode

    def kill(self, sig=signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, sig)

    def stop(self, timeout: float = 15) -> None:
        if self.popen.poll() is not None:
            return
        self.kill(signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill(signal.SIGKILL)
            self.popen.wait(timeout=5)


class Postgres:
    """An own cluster (initdb into a temp dir, pg_ctl on a free port): restarting it in a
    fault test touches nobody else. As user postgres when run by root."""

    def __init__(self, root: Path, log_dir: Path):
        self.dir = root / "pg"
        self.port = free_port()
        self.log = log_dir / "postgresql.log"
        self.user = "postgres" if os.geteuid() == 0 else None
        self.dir.mkdir()
        self.log.touch()
        if self.user:
            shutil.chown(root, self.user)
            shutil.chown(self.dir, self.user)
            shutil.chown(self.log, self.user)
        self._run(
            PG_BIN / "initdb",
            "-D",
            self.dir,
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        with (self.dir / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.dir}'\nmax_connections = 200\n"
                "shared_buffers = 64MB\nfsync = off\nfull_page_writes = off\n"
            )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}"

    def _run(self, *command, check=True):
        command = [str(c) for c in command]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)  # noqa: S603

    def start(self) -> None:
        self._run(PG_BIN / "pg_ctl", "-D", self.dir, "-l", self.log, "-w", "-t", "30", "start")

    def stop(self, mode="fast") -> None:
        self._run(
            PG_BIN / "pg_ctl", "-D", self.dir, "-m", mode, "-w", "-t", "30", "stop", check=False
        )

    def restart(self) -> None:
        self._run(
            PG_BIN / "pg_ctl",
            "-D",
            self.dir,
            "-l",
            self.log,
            "-m",
            "fast",
            "-w",
            "-t",
            "30",
            "restart",
        )

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as pg:
            pg.execute(f'CREATE DATABASE "{name}"')
        return f"{self.url}/{name}"


class Stack:
    """Everything started, stopped in reverse order by close()."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="stadtdach-scaleout-"))
        self.logs = self.root / "logs"
        self.logs.mkdir()
        self.processes: dict[str, Process] = {}
        self.postgres: Postgres | None = None
        self.env: dict[str, str] = {}
        self.servers: dict[str, str] = {}  # name -> base URL (plain HTTP, direct)
        self.web_ports: dict[str, int] = {}
        self.site = ""  # HAProxy, HTTPS

    # --- services -------------------------------------------------------------------
    def start_postgres(self) -> str:
        self.postgres = Postgres(self.root, self.logs)
        self.postgres.start()
        return self.postgres.create_database(f"stadtdach_scaleout_{os.getpid()}")

    def start_redis(self, port: int | None = None) -> str:
        """Redis without persistence; with ``port``, a fresh empty one where the stopped
        one was (a restart, as the fault test needs)."""
        port = port or free_port()
        self.redis_port = port
        self.spawn(
            "redis",
            [
                "redis-server",
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            env=dict(os.environ),
        )
        wait_for("redis", lambda: port_open(port), 10, self.processes["redis"])
        return f"redis://127.0.0.1:{port}/0"

    def start_s3(self) -> str:
        port = free_port()
        self.spawn(
            "s3",
            [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
            env=dict(os.environ),
        )
        wait_for("moto_server", lambda: port_open(port), 30, self.processes["s3"])
        return f"http://127.0.0.1:{port}"

    def spawn(self, name, command, *, env, user=None) -> Process:
        process = Process(name, command, env=env, log_dir=self.logs, user=user)
        self.processes[name] = process
        return process

    def environment(self, database_url, redis_url, s3_url, extra) -> dict[str, str]:
        clean = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "S3_", "PAGE_CACHE"))
        }
        self.env = {
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": redis_url,
            "S3_BUCKET": "stadtdach-scaleout",
            "S3_ENDPOINT_URL": s3_url,
            "S3_ACCESS_KEY_ID": "scaleout",
            "S3_SECRET_ACCESS_KEY": "scaleout-secret",
            "S3_REGION": "eu-central-1",
            "STADTDACH_VAR_DIR": str(self.root / "var"),
            "TRUST_X_FORWARDED_FOR": "true",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "ACCESS_LOG": "false",
            **extra,
        }
        return self.env

    def manage(self, *args, timeout=300) -> str:
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            env=self.env,
            cwd=BASE,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise CheckError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def start_web(self, name: str, workers: int, *, wait: bool = True) -> str:
        port = self.web_ports.get(name) or free_port()
        self.web_ports[name] = port
        env = {
            **self.env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
            "PROMETHEUS_MULTIPROC_DIR": str(self.root / f"metrics-{name}"),
        }
        self.spawn(
            name,
            [str(VENV_BIN / "gunicorn"), "-c", str(DEPLOY / "gunicorn.conf.py"), "config.wsgi"],
            env=env,
        )
        self.servers[name] = f"http://127.0.0.1:{port}"
        if wait:
            self.wait_web(name)
        return self.servers[name]

    def wait_web(self, name: str) -> None:
        base = self.servers[name]
        wait_for(
            name,
            lambda: requests.get(base + "/readyz", timeout=2).status_code == 200,
            90,
            self.processes[name],
        )

    def restart_web(self, name: str, workers: int) -> None:
        self.processes[name].stop()
        self.start_web(name, workers)

    def start_worker(self, name: str) -> Process:
        return self.spawn(
            name,
            [
                sys.executable,
                "manage.py",
                "task_worker",
                "--worker-id",
                f"scaleout-{name}",
                "--interval",
                "0.5",
            ],
            env=self.env,
        )

    def start_haproxy(self, maxconn: int) -> str:
        pem = self.root / "site.pem"
        subprocess.run(  # noqa: S603
            [  # noqa: S607 - openssl from the PATH
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-keyout",
                str(pem),
                "-out",
                str(pem),
            ],
            capture_output=True,
            check=True,
            timeout=60,
        )
        port, http_port, stats = free_port(), free_port(), free_port()
        names = sorted(self.web_ports)
        env = {
            **os.environ,
            "HAPROXY_BIND": f"127.0.0.1:{port}",
            "HAPROXY_HTTP_BIND": f"127.0.0.1:{http_port}",
            "HAPROXY_CERT": str(pem),
            "APP_SERVER_1": f"127.0.0.1:{self.web_ports[names[0]]}",
            "APP_SERVER_2": f"127.0.0.1:{self.web_ports[names[1]]}",
            "APP_MAXCONN": str(maxconn),
            "SITE_HOST": "127.0.0.1",
            "HAPROXY_STATS_BIND": f"127.0.0.1:{stats}",
        }
        config = DEPLOY / "haproxy.cfg"
        check = subprocess.run(  # noqa: S603
            ["haproxy", "-c", "-f", str(config)],  # noqa: S607 - Debian's haproxy
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if check.returncode != 0:
            raise CheckError(f"deploy/haproxy.cfg is invalid:\n{check.stdout}{check.stderr}")
        process = self.spawn("haproxy", ["haproxy", "-db", "-f", str(config)], env=env)
        self.site = f"https://127.0.0.1:{port}"
        wait_for(
            "haproxy",
            lambda: (
                requests.get(self.site + "/readyz", verify=False, timeout=2).status_code  # noqa: S501
                == 200
            ),
            20,
            process,
        )
        return self.site

    def close(self) -> None:
        for name in reversed(list(self.processes)):
            with contextlib.suppress(Exception):
                self.processes[name].stop(timeout=10)
        if self.postgres is not None:
            with contextlib.suppress(Exception):
                self.postgres.stop("immediate")
        if os.environ.get("SCALEOUT_KEEP"):
            say(f"kept {self.root} (SCALEOUT_KEEP)")
        else:
            shutil.rmtree(self.root, ignore_errors=True)
