"""Model-side files shipped with skillradar (tokenizers and their licence notes; no weights)."""
