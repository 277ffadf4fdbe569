"""VUM Implementering: the application factory. Wiring only; each step is a named function."""
from __future__ import annotations

import importlib
import os
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent

#: One package per domain; each exposes a blueprint `bp` (and optionally NAV items).
DOMAIN_PACKAGES = (
    "core",
    "accounts",
    "people",
    "settings",
    "notifications",
    "plan",
    "training",
    "support",
    "cases",
    "quality",
    "pulse",
    "calibration",
    "overview",
    "audit",
    "personal_data",
)


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the app; `test_config` overrides the environment's settings."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        instance_path=os.environ.get("VUM_INSTANCE_PATH") or str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    configure(app, test_config)
    refuse_unsafe_production(app)
    register_extensions(app)
    register_security(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_template_helpers(app)
    register_commands(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    """Load settings from the environment, then apply test overrides."""
    from .config import settings_from_environment

    app.config.from_mapping(settings_from_environment(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    app.config["DEBUG"] = app.debug


def refuse_unsafe_production(app: Flask) -> None:
    """In production, stop at once (with the reasons) on a missing or default SECRET_KEY,
    debug or testing mode. The demo-account check needs the database: see `production`."""
    from .config import production_problems

    problems = production_problems(app.config)
    if problems:
        raise RuntimeError("VUM Implementering starter ikke i produktion:\n- " + "\n- ".join(problems))


def register_security(app: Flask) -> None:
    """Security headers on every response, idle session timeout, and the proxy's client address."""
    from .accounts.sessions import enforce_idle_timeout
    from .audit.exports import install as install_export_audit
    from .core.headers import install

    install(app)
    install_export_audit(app)
    app.before_request(enforce_idle_timeout)
    if app.config.get("PROXY_COUNT"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def register_extensions(app: Flask) -> None:
    """Bind the extension instances to the app."""
    from .database import install_cpr_guard
    from .extensions import babel, csrf, db, login_manager, migrate
    from .security import enforce_declared_access

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"), render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=lambda: "da")
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = None
    login_manager.session_protection = "basic"
    install_cpr_guard()
    app.before_request(enforce_declared_access)

    from .accounts.services import load_user

    login_manager.user_loader(load_user)


def register_blueprints(app: Flask) -> None:
    """Register every domain's blueprint (each package's `bp`)."""
    for name in DOMAIN_PACKAGES:
        module = importlib.import_module(f"{__name__}.{name}")
        app.register_blueprint(module.bp)


def register_errorhandlers(app: Flask) -> None:
    """Danish error pages for 400, 403, 404, 405, 413, 500 and 503."""
    from .core.errors import register

    register(app)


def register_template_helpers(app: Flask) -> None:
    """Template filters (Danish dates) and globals (navigation, roles)."""
    from .i18n import register_template_filters
    from .navigation import inject_navigation

    register_template_filters(app)
    from flask_login import current_user

    from .security import may_access

    app.jinja_env.globals["may_access"] = lambda endpoint: may_access(current_user, endpoint)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.context_processor(inject_navigation)


def register_commands(app: Flask) -> None:
    """Command-line verbs: `flask seed …`, `flask people …`, `flask scheduler …`."""
    from .cli import register

    register(app)
