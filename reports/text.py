"""Untrusted text made safe for one-line places: mail headers, Slack text, terminal summaries."""
import re
import unicodedata

# Bidi overrides and isolates, zero-width characters and other invisible format characters can
# make a headline read differently from what it is; controls (CR, LF) can inject headers.
INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def one_line(text: str | None, limit: int = 200) -> str:
    text = INVISIBLE.sub("", text or "")
    text = "".join(" " if unicodedata.category(char).startswith("C") else char for char in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def slack_escape(text: str) -> str:
    """Slack mrkdwn treats &, < and > as control characters."""
    return one_line(text, 500).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
