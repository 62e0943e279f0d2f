"""One description per page: the text of ``<meta name="description">`` and of ``og:description``.

Each kind declares how its records read in one paragraph (``Kind.describe`` in
generator.kinds); this module makes it one line of plain text of at most 160
characters, cut at a word.
"""

from __future__ import annotations

from generator.nodes import Node
from generator.share import squash, truncate


def description_for(node: Node) -> str:
    """A plain-text summary of a record, at most 160 characters, in Vietnamese."""
    return truncate(squash(node.spec.describe(node)))
