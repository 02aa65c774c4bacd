"""Article -> EnrichedArticle: run spaCy over a batch with `nlp.pipe`, then the rule extractors.

`Enricher` is built once per process from the settings; it holds the pipelines and compiled
rules. Each doc is the title, a blank line, then the body, so title entities count for salience."""
from __future__ import annotations

from dataclasses import asdict

from config.settings import Settings
from extractors.categories import CategoryClassifier
from extractors.claims import ClaimExtractor, Mention
from extractors.figures import FigureExtractor
from extractors.gazetteer import Gazetteer
from extractors.nlp import chinese_pipeline, english_pipeline
from extractors.quotes import Person, QuoteExtractor
from extractors.relevance import TopicMatcher
from pipeline.records import Article, EnrichedArticle


# spaCy's number-like entities: figures have rules of their own, and these are not "who or what".
NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


class Enricher:
    def __init__(self, settings: Settings):
        paths = settings.extraction
        self.batch_size = paths.batch_size
        self.processes = paths.processes
        self.gazetteer = Gazetteer.load(paths.entities)
        self.english = english_pipeline(self.gazetteer)
        self._chinese = None
        self.chinese_aliases = self.gazetteer.chinese_alias_regex()
        self.figures = FigureExtractor(paths.fx, paths.figures)
        self.claims = ClaimExtractor(paths.figures)
        self.quotes = QuoteExtractor(paths.quotes)
        self.categories = CategoryClassifier(paths.categories, paths.category_min_sentences)
        self.lead_chars = paths.lead_chars
        self.topics = TopicMatcher(settings.topics, self.gazetteer)

    @property
    def chinese(self):
        if self._chinese is None:   # jieba builds its dictionary on first use: only when needed
            self._chinese = chinese_pipeline()
        return self._chinese

    def enrich(self, articles: list[Article]) -> list[EnrichedArticle]:
        english = [article for article in articles if article.language != "zh"]
        chinese = [article for article in articles if article.language == "zh"]
        results: dict[str, EnrichedArticle] = {}
        docs = self.english.pipe((_doc_text(article) for article in english), batch_size=self.batch_size,
                                 n_process=self.processes if len(english) >= 2 * self.batch_size else 1)
        for article, doc in zip(english, docs):
            results[id(article)] = self._enrich_doc(article, doc, self._english_entities(doc))
        for article, doc in zip(chinese, self.chinese.pipe(_doc_text(article) for article in chinese)):
            results[id(article)] = self._enrich_doc(article, doc, self._chinese_entities(doc.text))
        return [results[id(article)] for article in articles]

    def _english_entities(self, doc) -> list[tuple[int, int, str, str, str | None]]:
        return [(ent.start_char, ent.end_char, ent.text, ent.label_, ent.ent_id_ or None) for ent in doc.ents
                if ent.label_ not in NUMERIC_LABELS and "\n" not in ent.text]

    def _chinese_entities(self, text: str) -> list[tuple[int, int, str, str, str | None]]:
        pattern, by_name = self.chinese_aliases
        return [(match.start(), match.end(), match.group(0), by_name[match.group(0)].label, by_name[match.group(0)].id)
                for match in pattern.finditer(text)]

    def _enrich_doc(self, article: Article, doc, spans) -> EnrichedArticle:
        text = doc.text
        body_start = len(article.title) + 2
        sentence_starts = [sent.start_char for sent in doc.sents]
        lead_end = body_start + self.lead_chars

        entities, seen = [], set()
        for start, end, surface, label, entity_id in spans:
            key = (surface, label)
            if key not in seen:
                seen.add(key)
                entities.append({"text": surface, "label": label, "id": entity_id})
        # Relevance reads the headline and the first sentence of the body as the lead.
        first_sentence_end = next((sent.end_char for sent in doc.sents if sent.start_char >= body_start), len(text))
        ids_in = lambda lo, hi: [entity_id for start, _, _, _, entity_id in spans if entity_id and lo <= start < hi]
        topics = self.topics.topics_of(ids_in(0, first_sentence_end), text[:first_sentence_end],
                                       ids_in(first_sentence_end, len(text)), text[first_sentence_end:])

        sentences, claims = [], []
        for sent in doc.sents:
            mentions = [Mention(start - sent.start_char, end - sent.start_char, entity_id,
                                self.gazetteer.kind(entity_id) or "", self._display_name(entity_id, surface))
                        for start, end, surface, _, entity_id in spans
                        if entity_id and sent.start_char <= start < sent.end_char]
            sentence_text = sent.text.strip()
            if not sentence_text:
                continue
            sentences.append((sentence_text, {mention.kind for mention in mentions}, sent.start_char < lead_end))
            if sent.start_char >= body_start:
                claims.extend(self.claims.extract(sent.text, mentions))
        categories = self.categories.classify(sentences)

        body = text[body_start:]
        people = [Person(start - body_start, end - body_start, surface, label)
                  for start, end, surface, label, _ in spans if start >= body_start and label in ("PERSON", "ORG")]
        return EnrichedArticle(**asdict(article), relevant=bool(topics), topics=topics,
                               categories=list(categories), category_evidence=categories, entities=entities,
                               figures=self.figures.extract(body, [start - body_start for start in sentence_starts
                                                                   if start >= body_start]), claims=claims,
                               quotes=self.quotes.extract(body, people))

    def _display_name(self, entity_id: str, surface: str) -> str:
        entity = self.gazetteer.entities.get(entity_id)
        return entity.names[0] if entity and entity.names else surface


def _doc_text(article: Article) -> str:
    return f"{article.title}\n\n{article.text}"
