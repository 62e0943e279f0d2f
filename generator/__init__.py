"""Sáng kiến Showcase: YAML records of honoured initiatives → a searchable static site."""

__version__ = "0.1.0"
