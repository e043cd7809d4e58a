"""Where the portfolio lives and how to reach it: the database URL, the engine, the schema
brought up to date on first use, and database errors put into one line a person can act on.

The embedded default is SQLite at `$PROCURE_WORKSPACE/portfolio.sqlite` (the wizard's
workspace, `~/procure-workspace` unless set), created readable by this user only.
`PROCURE_DATABASE_URL` points a shared installation at PostgreSQL, e.g.
`postgresql+psycopg://procure@db.kommune.dk/procure` (`postgresql://…` means psycopg too).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, exc, text
from sqlalchemy.engine import URL, Engine, make_url

from procure.errors import ProcureError
from procure.i18n import t

DATABASE_ENV = "PROCURE_DATABASE_URL"
WORKSPACE_ENV = "PROCURE_WORKSPACE"
DATABASE_FILE = "portfolio.sqlite"
# The newest migration in migrations/versions/; a test checks it against Alembic's head.
SCHEMA_REVISION = "0001"
# How long a write waits for another program's lock on the SQLite file before giving up.
SQLITE_LOCK_TIMEOUT = 5.0
CONNECT_TIMEOUT = 10  # seconds to reach a PostgreSQL server
_MIGRATION_LOCK = 19_2026  # pg_advisory_xact_lock key while the schema is migrated

_ENGINES: dict[str, Engine] = {}
_MIGRATED: set[str] = set()
_LOCK = threading.Lock()


def default_workspace() -> Path:
    """`$PROCURE_WORKSPACE`, else `procure-workspace` in the home folder (as the wizard)."""
    configured = os.environ.get(WORKSPACE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path.home() / "procure-workspace"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, `$PROCURE_DATABASE_URL`, or the workspace's SQLite file."""
    chosen = (url or os.environ.get(DATABASE_ENV, "")).strip()
    if not chosen:
        return f"sqlite:///{default_workspace() / DATABASE_FILE}"
    return chosen


def engine_for(url: str | None = None) -> Engine:
    """The engine for `url` (one per URL and process, shared by every store), with the
    schema migrated to the newest revision."""
    text = database_url(url)
    with _LOCK:
        engine = _ENGINES.get(text)
        if engine is None:
            engine = _create_engine(text)
            _ENGINES[text] = engine
        if text not in _MIGRATED:
            with database_errors(engine.url):
                migrate(engine)
            _MIGRATED.add(text)
    return engine


def dispose_engines() -> None:
    """Close every pooled connection (tests, and before a process forks)."""
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()
        _MIGRATED.clear()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision with Alembic, configured in code (there is no
    alembic.ini); a database already at the newest revision costs one query."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    if current == (SCHEMA_REVISION,):
        return
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.connect() as connection:
        connection.execution_options(procure_write=True)  # SQLite: BEGIN IMMEDIATE
        with connection.begin():
            # Two programs starting on a new database at once: the second waits here, then
            # finds the schema made
            if connection.dialect.name == "postgresql":
                lock = text("SELECT pg_advisory_xact_lock(:key)")
                connection.execute(lock, {"key": _MIGRATION_LOCK})
            if MigrationContext.configure(connection).get_current_heads() == (SCHEMA_REVISION,):
                return
            config.attributes["connection"] = connection
            command.upgrade(config, "head")


def shown_url(url: URL | str) -> str:
    """The URL as messages show it: never the password."""
    try:
        parsed = url if isinstance(url, URL) else make_url(url)
    except exc.ArgumentError:
        return "?"
    return parsed.render_as_string(hide_password=True)


@contextmanager
def database_errors(url: URL | str) -> Iterator[None]:
    """Turn what a database driver raises into one ProcureError line: a locked SQLite file,
    a server that cannot be reached, a URL that is wrong. Anything else is a bug and passes."""
    try:
        yield
    except exc.OperationalError as error:
        raise _operational(url, error) from None
    except exc.InterfaceError as error:
        raise _operational(url, error) from None


# Private ---------------------------------------------------------------------------------


def _create_engine(text: str) -> Engine:
    try:
        url = make_url(text)
    except exc.ArgumentError:
        raise ProcureError(
            t(
                "{env} er ikke en database-URL: '{url}'; skriv fx "
                "postgresql+psycopg://bruger@server/procure",
                env=DATABASE_ENV,
                url=text.split("@")[-1],
            )
        ) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if url.get_backend_name() != "postgresql":
        raise ProcureError(
            t(
                "{env} skal pege på SQLite eller PostgreSQL, ikke '{backend}'",
                env=DATABASE_ENV,
                backend=url.get_backend_name(),
            )
        )
    try:
        return create_engine(
            url,
            connect_args={"connect_timeout": CONNECT_TIMEOUT},
            pool_pre_ping=True,
        )
    except exc.NoSuchModuleError:
        raise ProcureError(
            t(
                "databasedriveren '{driver}' findes ikke; brug postgresql+psycopg://…",
                driver=url.drivername,
            )
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database).expanduser()
        _create_private_file(path)
        url = url.set(database=str(path))
    engine = create_engine(url, connect_args={"timeout": SQLITE_LOCK_TIMEOUT})

    # pysqlite starts transactions lazily, in its own way; SQLAlchemy's documented recipe
    # takes that over, so that a write transaction takes the write lock at its start
    # (BEGIN IMMEDIATE) and two writers wait for each other instead of failing half-way.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        write = conn.get_execution_options().get("procure_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _create_private_file(path: Path) -> None:
    """Create the SQLite file (and its folder) readable by this user only, before SQLite
    does with the umask's permissions; an existing file is left as it is."""
    if path.exists():
        if path.is_dir():
            raise ProcureError.invalid(path, t("er en mappe, ikke en databasefil"))
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        return
    except OSError as error:
        raise ProcureError.invalid(
            path, t("databasefilen kan ikke oprettes: {reason}", reason=error.strerror or error)
        ) from None


def _operational(url: URL | str, error: exc.DBAPIError) -> ProcureError:
    reason = _first_line(error.orig) if error.orig is not None else _first_line(error)
    where = shown_url(url)
    backend = where.split(":", 1)[0].split("+", 1)[0]
    if backend == "sqlite":
        # SQLITE_BUSY / SQLITE_LOCKED: "database is locked", "database table is locked"
        if "is locked" in reason or "database is busy" in reason:
            return ProcureError(
                t(
                    "portefølje-databasen {where} er låst af et andet program; prøv igen om lidt",
                    where=where,
                )
            )
        return ProcureError(
            t("portefølje-databasen {where} kan ikke bruges: {reason}", where=where, reason=reason)
        )
    return ProcureError(
        t(
            "kan ikke forbinde til PostgreSQL ({where}): {reason}; kontrollér {env} og at "
            "serveren kører",
            where=where,
            reason=reason,
            env=DATABASE_ENV,
        )
    )


def _first_line(error: object) -> str:
    text = str(error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__
