"""Raw page -> Article: decode the bytes, take the main text and metadata out of the HTML.

trafilatura finds the main text; dates and authors come first from what the entry point said
(feed, sitemap), then from the page's structured metadata (JSON-LD, meta tags), and only last
from trafilatura's guess, which is right about 9 times in 10."""
from __future__ import annotations

import copy
import hashlib
import io
import json
import re
import unicodedata
from datetime import timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import trafilatura
from charset_normalizer import from_bytes
from lxml import html as lxml_html
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

from pipeline.dates import normalise_date
from pipeline.furniture import drop_furniture
from pipeline.page_dates import (date_of, embedded_published_at, has_offset, has_time_of_day, page_zone,
                                 same_clock_elsewhere, shown_published_at, site_zone)
from pipeline.records import Article, RawPage
from pipeline.urls import article_id, canonical_url

MIN_TEXT_CHARS = 120            # shorter main text is page furniture, not an article
# a caption or photo credit written inside a paragraph (<p><img><small class="media-caption">), which
# trafilatura keeps as text: "Dense FP8 compute: PPU 480 TFLOPS, H20 296 TFLOPS ..." repeats the figures
CAPTION = ("//*[not(self::p or self::div or self::article or self::section)]"
           "[contains(@class, 'caption') or contains(@class, 'credit')]")
TITLE_WORDS = re.compile(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+")   # words, and each Chinese character
HEADLINE_OVERLAP = 0.4     # share of the shorter title's words an <h1> must have to be the headline
CJK_SITE_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff])\s*[-_|－—]\s*[0-9A-Za-z\u4e00-\u9fff]{2,8}$")
TITLE_SUFFIX = re.compile(r"\s+[|\-–—·:]\s+[^|\-–—·:]{2,40}$")
DATE_META = ("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
             "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "article.published",
             "article_date_original", "publish-date", "publish_date", "published_time", "original-publish-date")
CJK = re.compile(r"[\u3400-\u9fff]")
CHINA = ZoneInfo("Asia/Shanghai")


def decode_body(body: bytes, headers: dict[str, str]) -> str:
    """Text of a page: the declared encoding when the bytes really are in it, else a detected one
    (a GBK page declared as UTF-8 is common on Chinese sites)."""
    content_type = next((value for key, value in headers.items() if key.lower() == "content-type"), "")
    declared = [http_content_type_encoding(content_type), html_body_declared_encoding(body[:4096])]
    for encoding in [resolve_encoding(name) for name in declared if name] + ["utf-8"]:
        try:
            return body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(body).best()
    return str(best) if best is not None else body.decode("utf-8", errors="replace")


def content_hash(text: str) -> str:
    """Hash of the text with case, spacing and punctuation normalised: exact copies share it."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def detect_language(text: str, declared: str | None) -> str:
    if declared:
        return declared.split("-")[0].lower()
    sample = text[:2000]
    return "zh" if sample and len(CJK.findall(sample)) / len(sample) > 0.15 else "en"


def _structured_metadata(tree) -> dict:
    """datePublished, author and headline from JSON-LD and meta tags."""
    found: dict = {"dates": [], "authors": [], "headline": None, "site_name": None, "canonical": None}
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []:
            if not isinstance(item, dict):
                continue
            if item.get("datePublished"):
                found["dates"].append(item["datePublished"])
            authors = item.get("author") or []
            for author in authors if isinstance(authors, list) else [authors]:
                name = author.get("name") if isinstance(author, dict) else author
                if isinstance(name, str) and name.strip():
                    found["authors"].append(name.strip())
            found["headline"] = found["headline"] or item.get("headline")
    # microdata and RDFa on any element: <abbr itemprop="datePublished" title="...">, <span property="dc:created" content="...">
    for element in tree.xpath('//*[@itemprop="datePublished" or contains(@property, "dc:created")][not(self::meta)]'):
        found["dates"].append(element.get("content") or element.get("datetime") or element.get("title"))
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in {name.lower() for name in DATE_META}:
            found["dates"].append(meta.get("content"))
        elif key == "author" and not found["authors"]:
            found["authors"].append(meta.get("content").strip())
        elif key == "og:title" and not found["headline"]:
            found["headline"] = meta.get("content")
        elif key == "og:site_name":
            found["site_name"] = meta.get("content")
    found["dates"] += tree.xpath("//time/@datetime")[:1]
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    found["canonical"] = canonical[0].strip() if canonical else None
    return found


def clean_title(title: str, site_name: str | None) -> str:
    """Drop a site-name suffix such as ' | Outlet'."""
    title = " ".join(title.split())
    site_name = " ".join((site_name or "").split())
    # only after a separator: "… on Alibaba Cloud" is a headline, "… | Alibaba Cloud" a suffix; the site's name
    # may be shorter in the title than in its markup ("- THE ELEC" for "THE ELEC, Korea Electronics Industry Media")
    for name in dict.fromkeys(filter(None, (site_name, re.split(r",\s|\s[|\-–—:]\s", site_name)[0].strip()))):
        title = re.sub(rf"\s*[|\-–—·:_]\s*{re.escape(name)}$", "", title) or title
    if len(title) > 16:   # "…承担约三成推理负载-21财经": a Chinese portal's name, joined by a hyphen
        title = CJK_SITE_SUFFIX.sub("", title)
    return TITLE_SUFFIX.sub("", title) if TITLE_SUFFIX.search(title) and " | " in title else title


def _content_type(page: RawPage) -> str:
    return next((value for key, value in page.headers.items() if key.lower() == "content-type"), "").lower()


def _article(page: RawPage, title: str, text: str, published_at: str | None, url: str | None = None,
             authors: list[str] | None = None, outlet: str | None = None, language: str | None = None) -> Article:
    url = canonical_url(url or page.final_url)
    text = text.strip()
    return Article(id=article_id(url), url=url, source=page.source, title=" ".join(title.split()),
                   published_at=published_at, fetched_at=page.fetched_at, language=language or detect_language(text, None),
                   authors=authors or page.hints.authors, text=text, outlet=outlet or page.hints.outlet,
                   raw_page_id=page.id, content_hash=content_hash(text))


def article_from_pdf(page: RawPage) -> Article | None:
    """Announcements filed as PDF (HKEX): pypdf's text; title and date from the listing."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(page.body))
        text = "\n".join(page_text for page_text in (pdf_page.extract_text() or "" for pdf_page in reader.pages))
    except (PyPdfError, ValueError, KeyError, OSError) as error:
        raise ValueError(f"unreadable PDF: {error}") from None
    text = re.sub(r"[ \t]+", " ", text).strip()
    title = page.hints.title or (reader.metadata.title if reader.metadata and reader.metadata.title else "")
    if not title or len(text) < MIN_TEXT_CHARS // 2:
        return None
    return _article(page, title, text, normalise_date(page.hints.published_at))


def article_from_record(page: RawPage) -> Article | None:
    """An item that is itself the news (json_api with follow_links false): its fields as the text."""
    record = json.loads(page.body)
    title = record.get("title") or ""
    lines = [f"{key}: {value}" for key, value in record.items()
             if key not in ("title", "url", "published_at") and isinstance(value, (str, int, float)) and value != ""]
    tags = record.get("tags")
    if isinstance(tags, list):
        lines.append("tags: " + ", ".join(map(str, tags)))
    text = (page.hints.summary + "\n" if page.hints.summary else "") + "\n".join(lines)
    return _article(page, title, f"{title}\n{text}", normalise_date(record.get("published_at")), url=record.get("url"),
                    language="en") if title else None


def extract_article(page: RawPage) -> Article | None:
    """The article on a page, or None when the page holds no article text."""
    content_type = _content_type(page)
    if content_type.startswith("application/x-newsmon-record"):
        return article_from_record(page)
    if "pdf" in content_type or page.body[:5] == b"%PDF-":
        return article_from_pdf(page)
    text_html = decode_body(page.body, page.headers)
    try:
        tree = lxml_html.document_fromstring(text_html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    document = _main_text(tree, page.final_url)
    if document is None:
        return None
    meta = _structured_metadata(tree)
    hints = page.hints
    title = clean_title(meta["headline"] or document.title or hints.title or "", meta["site_name"] or document.sitename)
    title = _visible_headline(tree, title) or title
    text = drop_furniture(document.text, title).strip()
    language = detect_language(text, tree.get("lang"))
    # A time shown without an offset is the site's local time: known sites and country domains say
    # which (config/timezones.yaml), Chinese pages are in Beijing time (UTC+8, as Hong Kong and
    # Taipei), others in UTC unless their markup's own offsets say otherwise.
    zone = site_zone(urlsplit(page.final_url).hostname, CHINA if language == "zh" else timezone.utc)
    published_at = _published_at([hints.published_at] + meta["dates"], document.date, tree, page_zone(tree, zone))
    authors = hints.authors or meta["authors"] or [name.strip() for name in (document.author or "").split(";")
                                                   if name.strip()]
    url = canonical_url(page.final_url)
    declared = meta["canonical"] or ""
    if declared.startswith(("http://", "https://")) and urlsplit(declared).netloc == urlsplit(url).netloc:
        url = canonical_url(declared)   # the site's own choice of URL, but never another site's
    return Article(id=article_id(url), url=url, source=page.source, title=title, published_at=published_at,
                   fetched_at=page.fetched_at, language=language,
                   authors=list(dict.fromkeys(authors)), text=text, outlet=hints.outlet or meta["site_name"],
                   raw_page_id=page.id, content_hash=content_hash(text))


def _main_text(tree, url: str):
    """trafilatura's main text, favouring precision (tables are page furniture on news sites); a page
    laid out in tables (old portals) has its text inside one, so its story cell is read alone, else the
    page again with tables kept.
    trafilatura works on its own copy of the tree, which stays whole for the metadata; captions inside
    paragraphs are dropped from that copy first."""
    captions = tree.xpath(CAPTION)
    if captions:
        tree = copy.deepcopy(tree)
        for caption in tree.xpath(CAPTION):
            caption.drop_tree()

    def extract(document, tables=False, metadata=True):
        return trafilatura.bare_extraction(document, url=url, with_metadata=metadata, include_comments=False,
                                           include_tables=tables, favor_precision=True)

    document = extract(tree)
    if _has_text(document) and not _table_rows(document.text):
        return document
    # A legacy portal lays its whole page out in a table, where trafilatura returns every row (the navigation, the
    # info line, the related links) as table text, or nothing. The cell holding the story's paragraphs is read on
    # its own instead, as an article, with the metadata of the page read with its tables.
    with_tables = extract(tree, tables=True)
    cell = _story_cell(tree)
    story = extract(cell, metadata=False) if cell is not None else None
    if _has_text(story):
        if with_tables is None:
            return story
        with_tables.text = story.text
        return with_tables
    return with_tables if _has_text(with_tables) else None


def _has_text(document) -> bool:
    return document is not None and len((document.text or "").strip()) >= MIN_TEXT_CHARS


def _table_rows(text: str) -> bool:
    """Whether trafilatura's text is mostly table rows ("| 要闻 | 时政 | 经济 |")."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and sum(line.lstrip().startswith("|") for line in lines) > len(lines) / 2


def _story_cell(tree):
    """The table cell whose own paragraphs hold the most text, as a document of its own; None when no
    cell holds an article's worth."""
    best, best_length = None, MIN_TEXT_CHARS
    for cell in tree.iter("td"):
        if cell.find(".//td") is not None:
            continue   # an outer layout cell: the story sits in a cell inside it
        length = sum(len(paragraph.text_content().strip()) for paragraph in cell.iter("p"))
        if length > best_length:
            best, best_length = cell, length
    if best is None:
        return None
    story = copy.deepcopy(best)
    story.tag = "div"   # a cell outside its table is no paragraph container to trafilatura
    return lxml_html.document_fromstring(
        "<html><body><article>" + lxml_html.tostring(story, encoding="unicode") + "</article></body></html>")


def _visible_headline(tree, meta_title: str) -> str | None:
    """The <h1> readers see, when it is this article's headline: og:title and <title> are often an
    SEO or shortened variant ("… Spending Spree" for "… Spending Spree, Doubling Down on Chips").
    The h1 must share words with the markup's title, so a site logo or blog name in an h1 is never
    taken; with no markup title there is nothing to check it against."""
    title_words = set(TITLE_WORDS.findall(meta_title.lower()))
    best, best_share = None, 0.0
    for heading in tree.iter("h1"):
        text = " ".join(heading.text_content().split())
        words = set(TITLE_WORDS.findall(text.lower()))
        if not words or not title_words or len(text) > 300:
            continue
        share = len(words & title_words) / min(len(words), len(title_words))
        if share > best_share:
            best, best_share = text, share
    return best if best_share >= HEADLINE_OVERLAP else None


def _published_at(markup_dates: list, guessed_day: str | None, tree, zone) -> str | None:
    """The entry point's or the markup's first date with a time of day; else the time the page shows
    readers ("Published 6:05 AM EST"); else a bare day, from the markup or trafilatura's guess."""
    days, shown = [], None   # the page's date line, read once and only when needed
    for text in markup_dates:
        date = normalise_date(text, naive_zone=zone)
        if date and has_time_of_day(text):
            if not has_offset(text):
                # '<time datetime="2026-11-04 06:01:00">November 4, 2026 6:01 am CET': the same clock time
                # shown with its zone says where the markup's naive one is
                shown = shown_published_at(tree, zone)
                if shown[0] and same_clock_elsewhere(date, shown[0]):
                    return shown[0]
            return date
        days.append(date)
    shown_time, shown_day = shown or shown_published_at(tree, zone)
    if shown_time:
        return shown_time
    # '<div data-props="{&quot;publishedAt&quot;: &quot;2026-10-14T15:02:11Z&quot;…">' in an app page's data,
    # when the page shows only the day (and the same one)
    embedded = embedded_published_at(tree)
    if embedded and (shown_day is None or abs(date_of(embedded) - date_of(shown_day)).days <= 1):
        return embedded
    # htmldate's guess comes last: it takes a copyright year or a date in the text for the day
    guesses = days + [shown_day, normalise_date(guessed_day, naive_zone=zone)]
    return next((day for day in guesses if day), None)


def article_from_text(text: str, url: str | None, fetched_at: str) -> Article:
    """A plain-text article (first line the title), as `newsmon extract FILE.txt` reads it."""
    lines = [line.strip() for line in text.strip().splitlines()]
    title, body = (lines[0], "\n".join(line for line in lines[1:] if line)) if lines else ("", "")
    url = canonical_url(url) if url else ""
    return Article(id=article_id(url or title), url=url, source="", title=title, published_at=None,
                   fetched_at=fetched_at, language=detect_language(body, None), authors=[], text=body,
                   content_hash=content_hash(body))
