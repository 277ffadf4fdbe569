"""Settings read from the environment, with safe defaults.

Everything here can be overridden by environment variables (see the table in the
README) or, in tests, by the mapping passed to `create_app(test_config)`.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

ENVIRONMENTS = ("development", "production", "testing")


def _bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def normalise_database_url(url: str) -> str:
    """Make `postgres://` and `postgresql://` URLs use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def secret_key_from_instance(instance_path: str) -> str:
    """Return the secret key stored in the instance folder, creating it once if missing."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def settings_from_environment(instance_path: str) -> dict:
    """Build the configuration mapping from environment variables and defaults."""
    env = os.environ.get("VUM_ENV", "development")
    if env not in ENVIRONMENTS:
        raise RuntimeError(f"VUM_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    database_url = normalise_database_url(os.environ.get("DATABASE_URL") or (
        "sqlite:///" + str(Path(instance_path) / "vum.sqlite3")
    ))
    secret_from_env = os.environ.get("SECRET_KEY", "")
    return {
        "VUM_ENV": env,
        # In production the key must come from the environment (shared by every server);
        # elsewhere a random key is generated once into the instance folder.
        "SECRET_KEY": secret_from_env or ("" if env == "production" else secret_key_from_instance(instance_path)),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options(database_url),
        "BASE_URL": os.environ.get("VUM_BASE_URL", "http://127.0.0.1:5000").rstrip("/"),
        # Mail: without MAIL_SERVER the outbox keeps every message for admins to read.
        "MAIL_SERVER": os.environ.get("MAIL_SERVER", ""),
        "MAIL_PORT": int(os.environ.get("MAIL_PORT", "25")),
        "MAIL_USERNAME": os.environ.get("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": os.environ.get("MAIL_PASSWORD", ""),
        "MAIL_USE_TLS": _bool("MAIL_USE_TLS", False),
        "MAIL_USE_SSL": _bool("MAIL_USE_SSL", False),
        "MAIL_SENDER": os.environ.get("MAIL_SENDER", "VUM Implementering <noreply@localhost>"),
        "MAIL_MAX_ATTEMPTS": int(os.environ.get("MAIL_MAX_ATTEMPTS", "6")),
        "MAIL_TIMEOUT": float(os.environ.get("MAIL_TIMEOUT", "10")),
        # Accounts and sessions.
        "PASSWORD_MIN_LENGTH": 12,
        "PASSWORD_HASH_METHOD": os.environ.get("PASSWORD_HASH_METHOD", "scrypt"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": env == "production",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": env == "production",
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 32 * 1024 * 1024,
        # Language and time.
        "BABEL_DEFAULT_LOCALE": "da",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",
        # Scheduler and privacy.
        "SCHEDULER_HEARTBEAT_SECONDS": int(os.environ.get("SCHEDULER_HEARTBEAT_SECONDS", "30")),
        "PULSE_MIN_GROUP_SIZE": int(os.environ.get("PULSE_MIN_GROUP_SIZE", "5")),
        # Hardening: headers, sessions, login throttling, reset links, audit log, backups.
        # Sent only outside development (see core/headers.py); 0 turns HSTS off.
        "HSTS_SECONDS": int(os.environ.get("HSTS_SECONDS", "31536000")),
        "PROXY_COUNT": int(os.environ.get("VUM_PROXY_COUNT", "0")),
        "SESSION_IDLE_MINUTES": int(os.environ.get("SESSION_IDLE_MINUTES", "60")),
        "LOGIN_WINDOW_MINUTES": int(os.environ.get("LOGIN_WINDOW_MINUTES", "15")),
        "LOGIN_MAX_FAILURES_ACCOUNT": int(os.environ.get("LOGIN_MAX_FAILURES_ACCOUNT", "5")),
        "LOGIN_MAX_FAILURES_IP": int(os.environ.get("LOGIN_MAX_FAILURES_IP", "20")),
        "PASSWORD_RESET_MINUTES": int(os.environ.get("PASSWORD_RESET_MINUTES", "60")),
        "AUDIT_RETENTION_DAYS": int(os.environ.get("AUDIT_RETENTION_DAYS", "730")),
        "BACKUP_DIR": os.environ.get("BACKUP_DIR", str(Path(instance_path) / "backups")),
        "BACKUP_KEEP_DAYS": int(os.environ.get("BACKUP_KEEP_DAYS", "14")),
    }


def engine_options(database_url: str) -> dict:
    """Connection pool settings: test connections before use (recovery after a database
    restart without restarting the app) and give up quickly on an unreachable server."""
    options: dict = {"pool_pre_ping": True}
    if database_url.startswith("postgresql"):
        options["connect_args"] = {"connect_timeout": int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))}
        options["pool_recycle"] = 1800
    return options


#: Secret keys that are known to the world (examples, tests) and must never run production.
KNOWN_SECRET_KEYS = {"", "dev", "change-me", "changeme", "secret", "test-secret-key-not-for-production"}


def production_problems(config) -> list[str]:
    """Why this configuration must not serve production (empty when it may); pure, no database."""
    if config.get("VUM_ENV") != "production":
        return []
    problems = []
    key = config.get("SECRET_KEY") or ""
    if key in KNOWN_SECRET_KEYS or "change" in key.lower():
        problems.append("SECRET_KEY mangler eller er en kendt standardværdi; sæt en lang tilfældig "
                        "værdi i miljøet, fx med: python -c 'import secrets; print(secrets.token_hex(32))'")
    elif len(key) < 32:
        problems.append("SECRET_KEY er for kort; brug mindst 32 tilfældige tegn.")
    if config.get("DEBUG") or _bool("FLASK_DEBUG", False):
        problems.append("Debug er slået til; fjern FLASK_DEBUG/--debug i produktion.")
    if config.get("TESTING"):
        problems.append("TESTING er slået til; det hører ikke til i produktion.")
    return problems
