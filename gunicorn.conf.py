"""gunicorn settings for VUM Implementering (used by `make serve` and deploy/vum-web.service).

Every value can be overridden from the environment; see the README's production section.
"""
import multiprocessing
import os

bind = os.environ.get("VUM_BIND", "127.0.0.1:8000")
# Several processes: a slow page (a large report) does not hold up everyone else.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then, so a slow leak can never grow for months.
max_requests = 2000
max_requests_jitter = 200
# Load the app once in the master: configuration errors and demo accounts stop the
# start-up at once with a clear message, instead of workers crashing in a loop.
preload_app = True
# Only the local reverse proxy may tell us the client's address and scheme.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Leave out query strings (they may hold search terms) from the access log.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(L)ss'
proc_name = "vum-implementering"


def post_fork(server, worker):
    """Each worker opens its own database connections (none inherited from the master)."""
    from implementering.extensions import db
    from implementering.wsgi import app

    with app.app_context():
        db.engine.dispose(close=False)
