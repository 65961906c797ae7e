"""testimony-nlp: evidence-backed event tables from human-rights testimonies."""

__version__ = "0.1.0"
