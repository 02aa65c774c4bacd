"""Canonical URLs: one spelling per page, without tracking parameters, so copies meet in the store."""
from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that say how a reader arrived, never which page it is.
TRACKING_PARAMETER = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|"
    r"spm|scm|ref|ref_src|referrer|cmpid|ocid|smid|sr_share|share|from|taid|guccounter|"
    r"guce_referrer|guce_referrer_sig|at_medium|at_campaign|at_custom\d|rss|feedtype)$",
    re.IGNORECASE,
)


def canonical_url(url: str) -> str:
    """Lower-case host, no fragment, no default port, no tracking parameters, sorted query."""
    parts = urlsplit(url.strip())
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMETER.match(key)]
    netloc = parts.netloc.lower()
    if (parts.scheme == "http" and netloc.endswith(":80")) or (parts.scheme == "https" and netloc.endswith(":443")):
        netloc = netloc.rsplit(":", 1)[0]
    cleaned = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def article_id(url: str) -> str:
    """Stable id: the same canonical URL always gives the same id."""
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:20]
