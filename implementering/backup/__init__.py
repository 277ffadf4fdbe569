"""Backups: `flask backup create PATH` / `flask backup restore PATH` and the nightly job.

SQLite is copied with its online backup API (consistent while the app runs); PostgreSQL
with pg_dump in its custom format and restored with pg_restore.
"""
