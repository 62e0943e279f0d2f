"""Which pages an edit changes: dependencies from pages to the records they show.

While a page renders, every node whose attributes are read (by the template or by the
Python that builds its head) is recorded: that is the page's set of dependencies.  Each
node has a *digest*: the hash of its record file and of everything the linker attached
to it (the ids of the records it points to and that point to it, the names copied into
its references, its taxonomy terms, its totals).  Each page plan has a *key*: the hash
of its template, title, description and context, with nodes written as their ids (so
the order and membership of a listing is in the key, not the listed records' content).

A later build re-renders a page only when its key changed, when one of its dependencies
changed digest (or disappeared), or when something every page depends on changed (the
templates, site.yml, taxonomies.yml, the generator's code, the render options).  A clean
build and any sequence of incremental builds give the same bytes
(tests/test_incremental.py applies random edits and compares).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.nodes import Node, Site

NodeKey = tuple[str, str]

#: The attributes of a node that are its identity or its record, not what linking added.
_OWN = frozenset({"id", "source", "path", "model", "url", "digest"})
#: Bump when the shape of the saved state changes.
STATE_VERSION = 1


def _hash(*parts: str | bytes) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


#: Types shape() returns as they are (checked by exact type first: the common case).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def shape(value: Any) -> Any:
    """A value as plain data for hashing: nodes become their keys, objects their fields."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Node):
        return ("@", value.kind, value.id)
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        # Listings hold long lists of nodes: written as ids without a call each.
        if value and all(isinstance(v, Node) for v in value):
            return [("@", v.kind, v.id) for v in value]
        return [shape(v) for v in value]
    if isinstance(value, dict):
        return sorted((repr(k), shape(v)) for k, v in value.items())
    if isinstance(value, set | frozenset):
        return sorted(repr(shape(v)) for v in value)
    if isinstance(value, BaseModel):
        return repr(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__name__,
            *(shape(getattr(value, f.name)) for f in dataclasses.fields(value)),
        ]
    return repr(value)


def node_digest(node: Node) -> str:
    linked = [shape(getattr(node, f.name)) for f in dataclasses.fields(node) if f.name not in _OWN]
    return _hash(node.kind, node.id, node.digest, repr(linked))


def node_digests(site: Site) -> dict[NodeKey, str]:
    return {(node.kind, node.id): node_digest(node) for node in site.all_nodes()}


# -- recording what a page reads --------------------------------------------------------------

#: ``add`` of the set collecting the nodes the current page reads (None: not recording).
_add: Callable[[Node], None] | None = None


def _recording_getattribute(self: Node, name: str) -> Any:
    add = _add
    if add is not None:
        add(self)
    return object.__getattribute__(self, name)


@contextmanager
def recording() -> Iterator[None]:
    """Let ``record`` collect node reads (patched in for the duration: zero cost outside)."""
    Node.__getattribute__ = _recording_getattribute  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        del Node.__getattribute__


@contextmanager
def record() -> Iterator[set[Node]]:
    """The nodes read inside the block (identity set: nodes compare by identity)."""
    global _add
    nodes: set[Node] = set()
    previous, _add = _add, nodes.add
    try:
        yield nodes
    finally:
        _add = previous


def keys(nodes: set[Node]) -> frozenset[NodeKey]:
    return frozenset((node.kind, node.id) for node in nodes)


# -- the state kept between builds ------------------------------------------------------------


@dataclass
class PageRecord:
    path: str  # docs path
    key: str  # plan key
    deps: frozenset[NodeKey]


@dataclass
class RenderState:
    """What the last render knew: enough to tell which pages an edit touches."""

    shared: str = ""  # hash of everything every page depends on
    digests: dict[NodeKey, str] = field(default_factory=dict)
    pages: dict[str, PageRecord] = field(default_factory=dict)  # url → record

    def changed_nodes(self, digests: dict[NodeKey, str]) -> set[NodeKey]:
        old = self.digests
        changed = {k for k, d in digests.items() if old.get(k) != d}
        changed |= set(old) - set(digests)
        return changed

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump((STATE_VERSION, self), handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> RenderState:
        """The saved state, or an empty one (a full render) when missing or unreadable."""
        try:
            with path.open("rb") as handle:
                version, state = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
            return cls()
        if version != STATE_VERSION or not isinstance(state, cls):
            return cls()
        return state


def plan_key(plan: Any) -> str:
    node = plan.node
    return _hash(
        plan.template,
        plan.url,
        plan.title,
        plan.description,
        repr(plan.toc),
        plan.markdown or "",
        repr((node.kind, node.id) if node is not None else None),
        _context_bytes(plan.context),
    )


def _node_ref(kind: str, node_id: str) -> None:
    """Stands for a node in a pickled plan context (never called: keys are not unpickled)."""


def _text(value: str) -> None:
    """Stands for a value written as text in a pickled plan context (never called)."""


class _ContextPickler(pickle.Pickler):
    """Pickles a plan context as shape() sees it: nodes as their keys, sets sorted, models
    as their repr.  The C pickler walks the lists and dicts of a listing far faster than
    shape() does; only objects that are not plain data come back here."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, Node):
            return _node_ref, (obj.kind, obj.id)
        if isinstance(obj, set | frozenset):
            return _text, (repr(shape(obj)),)
        if isinstance(obj, BaseModel):
            return _text, (repr(obj),)
        return NotImplemented


def _context_bytes(context: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = _ContextPickler(buffer, protocol=5)
    # No memo: the same value pickles to the same bytes whether or not it is shared.
    pickler.fast = True
    try:
        pickler.dump(context)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
        return b"shape:" + repr(shape(context)).encode("utf-8", "surrogatepass")
    return buffer.getvalue()


def tree_hash(folder: Path, pattern: str = "*") -> str:
    """Names and contents of the files under ``folder`` matching ``pattern``."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


_CODE_VERSION: str | None = None


def code_version() -> str:
    """A hash of the generator's own source: a new version renders everything again."""
    global _CODE_VERSION
    if _CODE_VERSION is None:
        _CODE_VERSION = tree_hash(Path(__file__).resolve().parent, "*.py")
    return _CODE_VERSION


def shared_key(site: Site, templates_dir: Path, options: Any, media: Any = None) -> str:
    """Everything every page depends on: code, templates, site.yml, taxonomies, options, and
    the processed pictures (their files and sizes; a page names them with its record)."""
    pictures = sorted(media.images.items()) if media is not None else []
    return _hash(
        repr(shape(pictures)),
        code_version(),
        tree_hash(templates_dir),
        site.config.model_dump_json(),
        site.taxonomies.model_dump_json(),
        repr(options),
        repr(shape(site.headline)),
        repr(shape(site.featured)),
    )


@dataclass
class Reuse:
    """Decides, page by page, whether the last render's bytes are still right."""

    state: RenderState
    fresh: RenderState
    changed: set[NodeKey]
    exists: Callable[[str], bool]

    def unchanged(self, url: str, path: str, key: str) -> bool:
        old = self.state.pages.get(url)
        if old is None or old.key != key or old.path != path or old.deps & self.changed:
            return False
        if not self.exists(path):
            return False
        self.fresh.pages[url] = old
        return True


def start(
    site: Site,
    templates_dir: Path,
    options: Any,
    state: RenderState | None,
    exists: Callable[[str], bool],
    changed: set[NodeKey] | None = None,
    media: Any = None,
) -> Reuse:
    """Compare the Site with the last render's state; an absent state renders everything.

    ``changed`` names the only nodes that can differ from ``state`` (the Site was updated in
    place); the others keep their digests instead of being hashed again.
    """
    shared = shared_key(site, templates_dir, options, media)
    if changed is not None and state is not None and state.shared == shared:
        digests = dict(state.digests)
        for key in changed:
            node = site.node(*key)
            if node is not None:
                digests[key] = node_digest(node)
    else:
        digests = node_digests(site)
    fresh = RenderState(shared, digests, {})
    if state is None or state.shared != shared:
        return Reuse(RenderState(), fresh, set(), exists)
    return Reuse(state, fresh, state.changed_nodes(digests), exists)
