"""The WSGI entry point for gunicorn: `gunicorn -c gunicorn.conf.py implementering.wsgi:app`.

Builds the app from the environment and, in production, refuses to start on a database
with demo accounts (the configuration checks already ran inside `create_app`).
"""
from . import create_app
from .production import refuse_unsafe_database

app = create_app()
refuse_unsafe_database(app)
