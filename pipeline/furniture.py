"""Page furniture left in an article's main text, dropped before extraction: the headline repeated
among the first paragraphs, summary bullets above the first paragraph ("- Cloud revenue up 36%"), a
summary box ("Takeaways by Bloomberg AI" and its bullets, "摘要" and its paragraph), sign-offs
("Reporting by ...; Editing by ..."), newsletter boxes, syndication trailers, and the credit lines,
disclaimers and app promos of Chinese portals.

trafilatura keeps these because they sit inside the article element. They matter beyond the body
text: a figure in a summary bullet is counted twice, and a repeated headline weighs a passing
mention as if it were in the lead. Patterns: config/furniture.yaml."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from config import DATA_DIR

BULLET = re.compile(r"^\s*[-•*▪·]\s+\S")
HEADLINE_WITHIN = 3     # paragraphs at the top where a repeated headline is furniture
WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern, re.Pattern]:
    data = yaml.safe_load((DATA_DIR / "furniture.yaml").read_text(encoding="utf-8"))
    lines = re.compile("|".join(f"(?:{pattern})" for pattern in data["lines"]), re.IGNORECASE)
    headings = re.compile("|".join(f"(?:{pattern})" for pattern in data["summary_headings"]), re.IGNORECASE)
    return lines, headings


def drop_furniture(text: str, title: str) -> str:
    """The main text without furniture paragraphs; the text unchanged when nothing else would be left."""
    lines, headings = _rules()
    paragraphs = [line for line in text.split("\n") if line.strip()]
    kept, summary, started = [], None, False
    for index, paragraph in enumerate(paragraphs):
        stripped = paragraph.strip()
        if headings.fullmatch(stripped.rstrip(":：")):
            summary = index   # what follows is the summary, not the story
            continue
        if BULLET.match(stripped) and (summary is not None or not started):
            continue   # summary bullets above the story's first paragraph, or under a summary heading
        if summary == index - 1:
            summary = None
            continue   # a summary written as one paragraph under its heading ("摘要")
        summary = None
        if index < HEADLINE_WITHIN and _same_words(stripped, title):
            continue   # the headline again, among the body's first lines (after a channel name)
        if lines.fullmatch(stripped):
            continue
        started = True
        kept.append(paragraph)
    return "\n".join(kept) if kept else text


def _same_words(line: str, title: str) -> bool:
    return bool(title) and WORD.findall(line.lower()) == WORD.findall(title.lower())
