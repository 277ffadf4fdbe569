"""Account operations: password hashing, authentication with throttling, password reset
links, logging out everywhere."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update
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


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt: the person, or how long to wait when throttled."""

    person: Person | None
    wait_seconds: int = 0


def attempt_login(email: str, password: str, ip: str) -> LoginResult:
    """Check e-mail and password unless the account or IP address is throttled.

    Records the attempt in the ledger and the audit log and commits. A throttled attempt
    is answered without looking at the password (and so the same for unknown e-mails).
    """
    from ..audit.services import record
    from .throttle import ThrottlePolicy, account_key, record_attempt, seconds_to_wait

    key = account_key(email, current_app.config["SECRET_KEY"])
    wait = seconds_to_wait(key, ip, ThrottlePolicy.from_config(current_app.config))
    if wait:
        record(None, "login.throttled", _audit_target(email), f"vent {wait} s", commit=False)
        db.session.commit()
        return LoginResult(None, wait)
    person = authenticate(email, password)
    if person is not None and not person.can_log_in:
        person = None
    record_attempt(key, ip, success=person is not None)
    if person is None:
        record(None, "login.failed", _audit_target(email), commit=False)
        db.session.commit()
        return LoginResult(None)
    person.last_login_at = utcnow()
    record(person, "login.succeeded", person.email, commit=False)
    db.session.commit()
    return LoginResult(person)


def _audit_target(email: str) -> str:
    """How a failed attempt names its account in the log: the address only when it exists."""
    person = find_by_email(email or "")
    return person.email if person is not None else "(ukendt e-mail)"


def _token_hash(token: str) -> str:
    """The stored form of a reset token."""
    return hashlib.sha256(token.encode()).hexdigest()


def request_password_reset(email: str, base_url: str) -> bool:
    """If `email` belongs to a person who can log in, e-mail them a one-time reset link.

    Adds a PasswordResetToken (hash only), queues the e-mail and commits. Returns True when a
    link was sent; the caller must answer the same either way.
    """
    from ..audit.services import record
    from ..notifications.services import queue_email
    from .models import PasswordResetToken

    person = find_by_email(email or "")
    if person is None or not person.can_log_in:
        return False
    recent = db.session.scalar(select(PasswordResetToken.id).where(
        PasswordResetToken.person_id == person.id, PasswordResetToken.used_at.is_(None),
        PasswordResetToken.created_at > utcnow() - timedelta(minutes=2)))
    if recent is not None:  # one link per two minutes: the form cannot be used to flood a mailbox
        return False
    token = secrets.token_urlsafe(32)
    minutes = current_app.config["PASSWORD_RESET_MINUTES"]
    row = PasswordResetToken(person_id=person.id, token_hash=_token_hash(token),
                             expires_at=utcnow() + timedelta(minutes=minutes))
    db.session.add(row)
    db.session.flush()
    link = f"{base_url}/nulstil-adgangskode/{token}"
    body = (f"Hej {person.name}\n\n"
            f"Nogen (forhåbentlig dig) har bedt om at nulstille din adgangskode til VUM Implementering.\n"
            f"Åbn linket herunder inden for {minutes} minutter for at vælge en ny adgangskode. "
            f"Linket virker kun én gang.\n\n{link}\n\n"
            f"Har du ikke bedt om det, kan du se bort fra denne e-mail; din adgangskode er uændret.\n")
    queue_email(person.email, "Nulstil din adgangskode til VUM Implementering", body,
                key=f"password-reset:{row.id}", category="accounts.password_reset", commit=False)
    record(None, "password.reset_requested", person.email, commit=False)
    db.session.commit()
    return True


def person_for_reset_token(token: str) -> Person | None:
    """The person a valid (unused, unexpired) reset token belongs to, or None."""
    from .models import PasswordResetToken

    row = db.session.scalar(select(PasswordResetToken).where(PasswordResetToken.token_hash == _token_hash(token)))
    if row is None or row.used_at is not None or row.expires_at < utcnow():
        return None
    return row.person if row.person.can_log_in else None


def reset_password_with_token(token: str, new_password: str) -> Person | None:
    """Set a new password through a reset link; the link and every other open link stop working
    and every session of the person ends. Commits. Returns the person, or None if invalid."""
    from ..audit.services import record
    from .models import PasswordResetToken

    person = person_for_reset_token(token)
    if person is None:
        return None
    # Mark every open token used in one statement: a second use of this link finds none left.
    used = db.session.execute(update(PasswordResetToken)
                              .where(PasswordResetToken.person_id == person.id, PasswordResetToken.used_at.is_(None))
                              .values(used_at=utcnow()))
    if not used.rowcount:
        db.session.rollback()
        return None
    set_password(person, new_password)
    person.session_version += 1
    record(person, "password.reset", person.email, commit=False)
    db.session.commit()
    return person
