"""Renderers and charts: self-contained HTML, Markdown, the radar chart, market charts and specs."""
