"""Renderers: one report model, four formats (html, md, json, csv)."""

from __future__ import annotations

FORMATS = ("html", "md", "json", "csv")
