"""Temporary alias of the plugin while the installed entry point still names this module."""

from generator.engine.plugin import ShowcasePlugin

__all__ = ["ShowcasePlugin"]
