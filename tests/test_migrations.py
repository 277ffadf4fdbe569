"""The Alembic migrations and the models describe the same schema, on SQLite and PostgreSQL."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from implementering import create_app
from implementering.extensions import db
from tests.conftest import app_config


def _differences():
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_upgrading_an_empty_database_gives_exactly_the_models_schema(make_database):
    app = create_app(app_config(make_database("migrations")))
    with app.app_context():
        upgrade()
        assert _differences() == []
        tables = set(inspect(db.engine).get_table_names())
        assert {"persons", "teams", "outbox", "alembic_version"} <= tables
        db.engine.dispose()


def test_every_migration_can_be_undone_and_redone(make_database):
    app = create_app(app_config(make_database("migrations_roundtrip")))
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert _differences() == []
        db.engine.dispose()
