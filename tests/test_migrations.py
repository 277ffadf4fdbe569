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


def test_a_database_populated_at_the_first_migration_upgrades_to_head_with_its_rows(make_database):
    from sqlalchemy import text

    app = create_app(app_config(make_database("migrations_populated")))
    with app.app_context():
        upgrade(revision="0001")
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO departments (id, name, description, created_at, updated_at) "
                              "VALUES (1, 'Handicap', '', '2026-01-01', '2026-01-01')"))
            conn.execute(text("INSERT INTO teams (id, name, department_id, go_live, active, created_at, updated_at) "
                              "VALUES (1, 'Team Nord', 1, '2026-03-01', true, '2026-01-01', '2026-01-01')"))
            conn.execute(text("INSERT INTO persons (id, name, email, team_id, title, active, session_version, created_at, updated_at) "
                              "VALUES (1, 'Mette Holm', 'mette@kommune.dk', 1, '', true, 1, '2026-01-01', '2026-01-01')"))
            conn.execute(text("INSERT INTO person_roles (id, person_id, role) VALUES (1, 1, 'sagsbehandler')"))
        upgrade()
        assert _differences() == []
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT p.name, t.name, r.role FROM persons p JOIN teams t ON t.id = p.team_id "
                                    "JOIN person_roles r ON r.person_id = p.id")).one()
        assert tuple(row) == ("Mette Holm", "Team Nord", "sagsbehandler")
        db.engine.dispose()
