"""Account operations: password hashing, authentication, account administration."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from ..database import utcnow
from ..extensions import db
from ..people.models import Person

# A hash computed once so that an unknown e-mail costs as much time as a wrong password.
_DUMMY_HASH: dict[str, str] = {}


def load_user(session_id: str) -> Person | None:
    """Flask-Login loader: the person behind a session id 'id:version', if still valid."""
    try:
        person_id, version = (int(part) for part in session_id.split(":", 1))
    except (ValueError, AttributeError):
        return None
    person = db.session.get(Person, person_id)
    if person is None or person.session_version != version or not person.can_log_in:
        return None
    return person


def hash_password(password: str) -> str:
    """Hash a password with the configured method (scrypt by default)."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def set_password(person: Person, password: str) -> None:
    """Give `person` a new password. Changes the person's password hash (caller commits)."""
    person.password_hash = hash_password(password)


def find_by_email(email: str) -> Person | None:
    """The person with this e-mail address (case-insensitive), or None."""
    return db.session.scalar(select(Person).where(func.lower(Person.email) == email.strip().lower()))


def authenticate(email: str, password: str) -> Person | None:
    """Return the active person with this e-mail and password, or None.

    Always verifies one hash, so an unknown e-mail takes as long as a wrong password.
    """
    person = find_by_email(email)
    if person is None or not person.password_hash:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        if method not in _DUMMY_HASH:
            _DUMMY_HASH[method] = generate_password_hash("not-a-real-password", method=method)
        check_password_hash(_DUMMY_HASH[method], password)
        return None
    if not check_password_hash(person.password_hash, password):
        return None
    if not person.active:
        return None
    return person


def record_login(person: Person) -> None:
    """Note the time of a successful login. Changes `last_login_at` and commits."""
    person.last_login_at = utcnow()
    db.session.commit()


def revoke_sessions(person: Person) -> None:
    """Log the person out everywhere by bumping the session version. Commits."""
    person.session_version += 1
    db.session.commit()
