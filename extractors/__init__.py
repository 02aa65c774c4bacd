"""Everything spaCy: the model loaded once, the gazetteer ruler, figures, claims, quotes,
categories and topic relevance. Knows nothing of Scrapy or storage."""
