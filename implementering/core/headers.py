"""Security headers on every response: a strict Content-Security-Policy and friends.

The policy allows scripts and stylesheets only from this site: no inline script, no
`eval` (the strict plotly.js bundle needs neither). plotly.js would inject a `<style>`
element for its global rules; instead `static/css/plotly.css` holds those rules and
base.html links it with id `plotly.js-style-global` and class `no-inline-styles`, which
tells plotly not to inject anything (regenerate that file from the bundle after `make
vendor`; the rules are the object that precedes `addStyleRule` in plotly's source). The
bundle would also inject the map library's CSS; a placeholder `<meta>` with that style's
id in base.html stops it (we draw no maps). Checked in Chromium: a bar chart and a heatmap
with a bold title draw without a single CSP violation. What plotly still needs is inline *style
attributes* on the SVG it draws (bold text in titles, colour bars), so `style-src-attr`
allows 'unsafe-inline' and nothing else does: style attributes cannot load resources or
select elements, unlike injected `<style>` blocks, which stay forbidden.
"""
from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


def security_headers(hsts_seconds: int) -> dict[str, str]:
    """The headers every response carries; HSTS only when `hsts_seconds` is positive."""
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if hsts_seconds > 0:
        headers["Strict-Transport-Security"] = f"max-age={hsts_seconds}; includeSubDomains"
    return headers


def install(app: Flask) -> None:
    """Add the security headers to every response of `app` (errors and static files too)."""
    development = app.config.get("VUM_ENV", "development") == "development"
    headers = security_headers(0 if development else app.config.get("HSTS_SECONDS", 0))

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        if response.mimetype == "text/html":
            # Pages carry personal data: never keep them in shared or browser caches.
            response.headers.setdefault("Cache-Control", "no-store")
        return response
