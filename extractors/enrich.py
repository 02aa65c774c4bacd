"""Article -> EnrichedArticle: run spaCy over a batch with `nlp.pipe`, then the rule extractors.

`Enricher` is built once per process from the settings; it holds the pipelines and compiled
rules. Each doc is the title, a blank line, then the body, so title entities count for salience."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import asdict
from urllib.parse import urlsplit

from config.settings import Settings
from extractors.categories import CategoryClassifier
from extractors.claims import ClaimExtractor, Mention
from extractors.figures import FigureExtractor
from extractors.gazetteer import Gazetteer
from extractors.nlp import chinese_pipeline, english_pipeline
from extractors.quotes import QuoteExtractor
from extractors.relevance import TopicMatcher
from extractors.speakers import Mention as Span
from pipeline.records import Article, EnrichedArticle


# spaCy's number-like entities: figures have rules of their own, and these are not "who or what".
NUMERIC_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


class Enricher:
    def __init__(self, settings: Settings):
        paths = settings.extraction
        self.batch_size = paths.batch_size
        self.nlp_batch_size = paths.nlp_batch_size
        self.processes = paths.processes
        self.gazetteer = Gazetteer.load(paths.entities)
        self.english = english_pipeline(self.gazetteer)
        self._chinese = None
        self.chinese_aliases = self.gazetteer.chinese_alias_regex()
        self.variants = self.gazetteer.variant_regex()
        self.figures = FigureExtractor(paths.fx, paths.figures)
        self.claims = ClaimExtractor(paths.figures, self.gazetteer)
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
        docs = self.english.pipe((_doc_text(article) for article in english), batch_size=self.nlp_batch_size,
                                 n_process=self.processes if len(english) >= 2 * self.batch_size else 1)
        # docs first: zip must drain spaCy's generator, or its worker processes are never joined.
        for doc, article in zip(docs, english):
            results[id(article)] = self._enrich_doc(article, doc, self._english_entities(doc))
        for article, doc in zip(chinese, self.chinese.pipe(_doc_text(article) for article in chinese)):
            results[id(article)] = self._enrich_doc(article, doc, self._chinese_entities(doc.text))
        return [results[id(article)] for article in articles]

    def _english_entities(self, doc) -> list[tuple[int, int, str, str, str | None]]:
        return [(ent.start_char, ent.end_char, ent.text, ent.label_, ent.ent_id_ or None) for ent in doc.ents
                if ent.label_ not in NUMERIC_LABELS and "\n" not in ent.text]

    def _chinese_entities(self, text: str) -> list[tuple[int, int, str, str, str | None]]:
        """Aliases and the model and chip variants no alias lists ("Qwen3.5在…"), as in English; where
        they overlap the longer wins ("MiniMax-M3" the model, not "MiniMax" the company)."""
        pattern, by_name = self.chinese_aliases
        variants, by_group = self.variants
        candidates = [(match.start(), match.end(), match.group(0), by_name[match.group(0)])
                      for match in pattern.finditer(text)]
        candidates += [(match.start(), match.end(), match.group(0), by_group[match.lastgroup])
                       for match in variants.finditer(text)]
        found = []
        for start, end, surface, entity in sorted(candidates, key=lambda item: (item[0] - item[1], item[0])):
            if not any(start < taken_end and taken_start < end for taken_start, taken_end, *_ in found):
                found.append((start, end, surface, entity.label, entity.id))
        return sorted(found)

    def _enrich_doc(self, article: Article, doc, spans) -> EnrichedArticle:
        text = doc.text
        body_start = len(article.title) + 2
        bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]   # walking doc.sents costs a token scan
        sentence_starts = [start for start, _ in bounds]
        lead_end = body_start + self.lead_chars

        entities, seen = [], set()
        for start, end, surface, label, entity_id in spans:
            key = (surface, label)
            if key not in seen:
                seen.add(key)
                entities.append({"text": surface, "label": label, "id": entity_id})
        # Relevance reads the headline and the first sentence of the body as the lead.
        first_sentence_end = next((end for start, end in bounds if start >= body_start), len(text))
        ids_in = lambda lo, hi: [entity_id for start, _, _, _, entity_id in spans if entity_id and lo <= start < hi]
        topics = self.topics.topics_of(ids_in(0, first_sentence_end), text[:first_sentence_end],
                                       ids_in(first_sentence_end, len(text)), text[first_sentence_end:])

        known = sorted((start, end, surface, entity_id) for start, end, surface, _, entity_id in spans if entity_id)
        known_starts = [start for start, *_ in known]
        sentences, claim_sentences = [], []
        for sent_start, sent_end in bounds:
            mentions = [Mention(start - sent_start, end - sent_start, entity_id, self.gazetteer.kind(entity_id) or "",
                                surface)
                        for start, end, surface, entity_id in known[bisect_left(known_starts, sent_start):
                                                                    bisect_left(known_starts, sent_end)]]
            sentence_text = text[sent_start:sent_end].strip()
            if not sentence_text:
                continue
            sentences.append((sentence_text, {(mention.id, mention.kind) for mention in mentions},
                              sent_start < lead_end, sent_end > body_start))
            if sent_start >= body_start:
                claim_sentences.append((text[sent_start:sent_end], mentions))
        categories = self.categories.classify(sentences)
        claims = self.claims.extract(claim_sentences)

        body = text[body_start:]
        body_spans = [Span(start - body_start, end - body_start, surface, label, entity_id,
                           self.gazetteer.kind(entity_id) if entity_id else None)
                      for start, end, surface, label, entity_id in spans if start >= body_start]
        subject_names, company = self._main_subject(spans, body_start)
        quotes = self.quotes.extract(body, body_spans, subject_names, company, article.language,
                                     self._rival_names(spans, subject_names))
        figures = self.figures.extract(body, [start - body_start for start in sentence_starts if start >= body_start],
                                       urlsplit(article.url or "").hostname or "")
        return EnrichedArticle(**asdict(article), relevant=bool(topics), topics=topics,
                               categories=list(categories), category_evidence=categories, entities=entities,
                               figures=figures, claims=claims, quotes=quotes)

    def _main_subject(self, spans, body_start: int) -> tuple[set[str], str | None]:
        """The organisation the article is about, for quote stance and "the company said": its names
        (lower case, and their first words) and how the body names it most often. Every mention of an
        organisation counts, a headline mention three times."""
        weights: dict[str, float] = {}
        surfaces: dict[str, dict[str, int]] = {}
        for start, _, surface, label, entity_id in spans:
            owner = self._owner(entity_id) if entity_id else (surface if label == "ORG" else None)
            if owner is None:
                continue
            # spaCy's own ORG guesses ("HBM") weigh less than organisations the gazetteer knows, and a product
            # ("Nvidia's RTX Pro 6000D") less than its maker named: a story about a chip ban on Alibaba names the chip
            known = self.gazetteer.kind(entity_id) in ("company", "regulator") if entity_id else False
            weight = (3 if start < body_start else 1) * (1 if known else 0.5)
            weights[owner] = weights.get(owner, 0) + weight
            if start >= body_start and (entity_id is None or self.gazetteer.kind(entity_id) == "company"):
                surfaces.setdefault(owner, {}).setdefault(surface, 0)
                surfaces[owner][surface] += 1
        if not weights:
            return set(), None
        subject = max(weights, key=lambda owner: weights[owner])
        written = surfaces.get(subject) or {}
        company = max(written, key=lambda name: written[name]) if written else None
        entity = self.gazetteer.entities.get(subject)
        names = (entity.names if entity else [subject]) + ([company] if company else [])
        own = {name.lower() for name in names} | {name.split()[0].lower() for name in names if name.strip()}
        # its units and products speak for it and are it ("Sun Qiyuan, developer relations lead at Qwen"), by
        # their whole names only: the first word of "Wan 2.1" is no name of Alibaba's
        family = {name.lower() for member in (self.gazetteer.family(subject) if entity else []) if member != subject
                  for name in self.gazetteer.entities[member].names}
        return own | family, company

    def _rival_names(self, spans, subject_names: set[str]) -> set[str]:
        """How the article names the subject's competitors: other makers of models and chips and their products
        ("DeepSeek-V4 is still cheaper to serve" speaks against Alibaba), as written, lower case."""
        makers = self.gazetteer.makers()
        rivals = {entity_id for *_, entity_id in spans if entity_id in makers}
        rivals = {entity_id for entity_id in rivals
                  if not any(name in subject_names for name in self._names_of_family_of(entity_id))}
        return {surface.lower() for _, _, surface, _, entity_id in spans
                if entity_id in rivals and surface.lower() not in subject_names}

    def _names_of_family_of(self, entity_id: str) -> list[str]:
        """The lower-case names of an entity and its parents: a T-Head chip is named like T-Head and Alibaba."""
        return [name.lower() for ancestor in self.gazetteer.ancestors(entity_id)
                for name in self.gazetteer.entities[ancestor].names]

    def _owner(self, entity_id: str) -> str | None:
        """The organisation an entity is or belongs to by its gazetteer parents (a T-Head chip ->
        t-head); None for models and chips without a parent, places and people."""
        owners = [ancestor for ancestor in self.gazetteer.ancestors(entity_id)
                  if self.gazetteer.kind(ancestor) in ("company", "regulator")]
        return owners[-1] if owners else None


def _doc_text(article: Article) -> str:
    return f"{article.title}\n\n{article.text}"
