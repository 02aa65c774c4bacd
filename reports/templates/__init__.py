"""The Jinja environments: HTML autoescaped (untrusted text never becomes markup), text not."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reports.text import one_line

TEMPLATE_DIR = Path(__file__).resolve().parent


def _environment(autoescape: bool) -> Environment:
    environment = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=autoescape,
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.filters["one_line"] = one_line
    environment.filters["money"] = format_money
    environment.filters["safe_url"] = safe_url
    return environment


def format_money(value, currency: str | None = None) -> str:
    """30000000000 CNY -> 'CNY 30.0 billion'."""
    if value is None:
        return "–"
    for factor, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= factor:
            amount = f"{value / factor:,.2f}".rstrip("0").rstrip(".")
            return f"{currency + ' ' if currency else ''}{amount} {word}"
    return f"{currency + ' ' if currency else ''}{value:,.0f}"


def safe_url(url: str | None) -> str:
    """Only web links become hrefs; a javascript: or data: URL from a hostile page becomes '#'."""
    return url if url and url.lower().startswith(("http://", "https://")) else "#"


HTML = _environment(autoescape=True)
TEXT = _environment(autoescape=False)


def render(name: str, **context) -> tuple[str, str]:
    """(text, html) of the template pair `name`.txt.j2 / `name`.html.j2."""
    return TEXT.get_template(f"{name}.txt.j2").render(**context), HTML.get_template(f"{name}.html.j2").render(**context)


def render_alerts(alerts: list[dict]) -> tuple[str, str]:
    return render("alert", alerts=alerts)
