"""Login throttling with its state in the database, so it holds across workers and servers.

Failed attempts are counted per account (the typed e-mail, hashed) and per IP address
within a sliding window. Past the limit, further attempts are refused without checking
the password, with the same answer whether or not the e-mail exists.
"""
from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from ..audit.models import LoginAttempt
from ..database import utcnow
from ..extensions import db


@dataclass(frozen=True)
class ThrottlePolicy:
    """How many failures within `window` an account and an IP address may have."""

    window: timedelta
    max_account_failures: int
    max_ip_failures: int

    @classmethod
    def from_config(cls, config) -> "ThrottlePolicy":
        """Read LOGIN_WINDOW_MINUTES, LOGIN_MAX_FAILURES_ACCOUNT and LOGIN_MAX_FAILURES_IP."""
        return cls(timedelta(minutes=config["LOGIN_WINDOW_MINUTES"]), config["LOGIN_MAX_FAILURES_ACCOUNT"],
                   config["LOGIN_MAX_FAILURES_IP"])


def account_key(email: str, secret: str) -> str:
    """A keyed hash of the normalised e-mail: the same for every spelling in upper/lower case."""
    return hmac.new(secret.encode(), (email or "").strip().lower().encode(), hashlib.sha256).hexdigest()


def _wait(failures: list[datetime], limit: int, window: timedelta, now: datetime) -> int:
    """Seconds until fewer than `limit` of `failures` (newest first) lie within `window`; 0 if none."""
    if limit <= 0 or len(failures) < limit:
        return 0
    # The limit-th newest failure must leave the window before another try is allowed.
    return max(0, math.ceil((failures[limit - 1] + window - now).total_seconds()))


def seconds_to_wait(key: str, ip: str, policy: ThrottlePolicy, now: datetime | None = None) -> int:
    """How long the account `key` or address `ip` must wait before trying again (0: go ahead).

    For the account, only failures after its last successful login count.
    """
    now = now or utcnow()
    since = now - policy.window
    last_success = db.session.scalar(select(func.max(LoginAttempt.at)).where(
        LoginAttempt.account_key == key, LoginAttempt.success.is_(True), LoginAttempt.at >= since))
    account_since = max(since, last_success) if last_success else since
    account_failures = list(db.session.scalars(
        select(LoginAttempt.at).where(LoginAttempt.account_key == key, LoginAttempt.success.is_(False),
                                      LoginAttempt.at > account_since)
        .order_by(LoginAttempt.at.desc()).limit(policy.max_account_failures)))
    ip_failures = list(db.session.scalars(
        select(LoginAttempt.at).where(LoginAttempt.ip == ip, LoginAttempt.success.is_(False),
                                      LoginAttempt.at > since)
        .order_by(LoginAttempt.at.desc()).limit(policy.max_ip_failures))) if ip else []
    return max(_wait(account_failures, policy.max_account_failures, policy.window, now),
               _wait(ip_failures, policy.max_ip_failures, policy.window, now))


def record_attempt(key: str, ip: str, success: bool, now: datetime | None = None) -> None:
    """Write one attempt to the ledger. Adds a row (caller commits)."""
    db.session.add(LoginAttempt(at=now or utcnow(), account_key=key, ip=(ip or "")[:45], success=success))
