"""Security headers on every response, and templates that a strict CSP does not break."""
import re
from pathlib import Path

from implementering.core.headers import CONTENT_SECURITY_POLICY, security_headers

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_the_policy_allows_scripts_only_from_this_site_and_never_eval_or_inline():
    directives = _directives(CONTENT_SECURITY_POLICY)
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY
    # The only relaxation: style attributes (plotly's SVG), never <style> elements or scripts.
    relaxed = [name for name, values in directives.items() if "'unsafe-inline'" in values]
    assert relaxed == ["style-src-attr"]


def test_pages_errors_and_health_all_carry_the_security_headers(client):
    for url in ("/login", "/health", "/findes-ikke"):
        response = client.get(url)
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, url
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_static_files_carry_nosniff_too(client):
    response = client.get("/static/js/app.js")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_html_pages_are_not_cached(client):
    assert client.get("/login").headers["Cache-Control"] == "no-store"


def test_hsts_is_sent_outside_development_only(client):
    assert "max-age=31536000" in client.get("/login").headers["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in security_headers(0)


def test_a_development_app_sends_no_hsts(make_database):
    from implementering import create_app
    from tests.conftest import app_config

    app = create_app(app_config("sqlite://", VUM_ENV="development"))
    response = app.test_client().get("/static/js/app.js")
    assert "Strict-Transport-Security" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_template_has_inline_script_event_handlers_or_style_blocks():
    problems = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text()
        for match in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in match.group(0):
                problems.append(f"{path.name}: inline <script>")
        if re.search(r"<style\b", text):
            problems.append(f"{path.name}: <style> block")
        if re.search(r"\son[a-z]+\s*=\s*[\"']", text):
            problems.append(f"{path.name}: inline event handler")
        if "javascript:" in text:
            problems.append(f"{path.name}: javascript: URL")
    assert problems == []


def test_plotly_gets_its_global_styles_from_a_stylesheet_instead_of_injecting_them(client):
    page = client.get("/login").get_data(as_text=True)
    assert 'id="plotly.js-style-global" class="no-inline-styles"' in page
    css = client.get("/static/css/plotly.css")
    assert css.status_code == 200 and b".js-plotly-plot .plotly" in css.data
