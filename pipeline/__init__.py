"""The processing chain: raw page -> article -> deduplicated -> enriched -> stored -> alerted."""
