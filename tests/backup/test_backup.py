"""Backups: a backup restored into an empty database holds every row; old backups are pruned."""
from datetime import datetime

import pytest
from sqlalchemy import create_engine, func, inspect, select

from implementering import audit
from implementering.backup.services import BackupError, backup_name, create_backup, prune_backups, restore_backup
from implementering.extensions import db as _db
from implementering.scheduler import JOBS
from tests.builders import make_person, make_team


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {table.name: conn.execute(select(func.count()).select_from(table)).scalar()
                    for table in _db.metadata.sorted_tables if inspect(conn).has_table(table.name)}
    finally:
        engine.dispose()


def _rows(url: str, table: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(_db.metadata.tables[table].select().order_by("id"))]
    finally:
        engine.dispose()


def test_a_backup_restored_into_an_empty_database_has_every_row(app, db, tmp_path, make_database):
    team = make_team(name="Team Backup")
    for n in range(3):
        make_person(name=f"Person {n}", team=team, roles=["sagsbehandler"])
    audit.record(None, "export", "alt.xlsx")
    source_url = app.config["SQLALCHEMY_DATABASE_URI"]
    backup = create_backup(source_url, tmp_path / "backup.dump")
    assert backup.stat().st_size > 0 and oct(backup.stat().st_mode)[-3:] == "600"

    empty_url = make_database("restore")
    assert _counts(empty_url) == {}
    restore_backup(empty_url, backup)
    expected = _counts(source_url)
    assert expected["persons"] == 3 and expected["audit_events"] >= 1
    assert _counts(empty_url) == expected
    assert _rows(empty_url, "persons") == _rows(source_url, "persons")


def test_restoring_replaces_newer_changes(app, db, tmp_path):
    make_person(name="Før")
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    backup = create_backup(url, tmp_path / "b.dump")
    make_person(name="Efter")
    db.session.remove()
    db.engine.dispose()
    restore_backup(url, backup)
    engine = create_engine(url)
    with engine.connect() as conn:
        names = list(conn.execute(select(_db.metadata.tables["persons"].c.name)).scalars())
    engine.dispose()
    assert names == ["Før"]


def test_a_file_that_is_no_backup_is_refused(app, db, tmp_path):
    bogus = tmp_path / "bogus.dump"
    bogus.write_text("not a backup")
    with pytest.raises(BackupError):
        restore_backup(app.config["SQLALCHEMY_DATABASE_URI"], bogus)


def test_the_cli_creates_a_backup_and_logs_it(runner, db, tmp_path):
    result = runner.invoke(args=["backup", "create", str(tmp_path / "cli.dump")])
    assert result.exit_code == 0 and (tmp_path / "cli.dump").exists()
    from implementering.audit.models import AuditEvent

    assert db.session.query(AuditEvent).filter_by(action="backup.created").count() == 1


def test_old_scheduled_backups_are_pruned_but_the_newest_is_kept(tmp_path):
    for day in (1, 2, 20, 28):
        (tmp_path / backup_name("sqlite", datetime(2026, 11, day, 2, 30))).write_text("x")
    removed = prune_backups(tmp_path, keep_days=14, now=datetime(2026, 11, 29))
    assert sorted(p.name[11:19] for p in removed) == ["20261101", "20261102"]
    assert len(list(tmp_path.iterdir())) == 2
    only_old = tmp_path / "old"
    only_old.mkdir()
    (only_old / backup_name("sqlite", datetime(2020, 1, 1))).write_text("x")
    assert prune_backups(only_old, keep_days=14, now=datetime(2026, 11, 29)) == []


def test_the_nightly_job_writes_a_backup_into_the_backup_folder(app, db, tmp_path, monkeypatch):
    from implementering.backup.jobs import nightly_backup

    monkeypatch.setitem(app.config, "BACKUP_DIR", str(tmp_path / "nightly"))
    result = nightly_backup()
    assert (tmp_path / "nightly").exists() and len(list((tmp_path / "nightly").iterdir())) == 1
    assert result["removed"] == 0
    assert any(job.id == "nightly_backup" and job.trigger == "cron" for job in JOBS)
