"""The media stage, between link and render: record pictures and share cards.

``prepare_media`` runs once per build, on the linked Site and the pages it will have:

- **Pictures.**  Every image a published record names (a person's ``photo``, a unit's
  ``logo``, an initiative's ``images``, an event's ``photos``) goes through
  ``generator.images.process_image``: resized WebP and JPEG (or PNG) variants, upright,
  in sRGB, with every piece of metadata (EXIF with the GPS position, XMP, comments)
  removed.  Templates show them with ``<picture>`` (``Media.picture``); the original
  file of such a raster image is not published.
- **Share cards.**  Every page gets a 1200×630 card for ``og:image`` drawn by
  ``generator.cards`` with its title, what the record was honoured for and where it
  belongs, the site's colour and title; a person's card shows their photo or initials.
  Cards are named by a hash of what they show, so pages that show the same (the later
  pages of a listing) share one file, and an unchanged card is never drawn again.

Both are cached in the project's cache folder (``.showcase-build/media/``), keyed by
content, and made by worker processes in parallel; a warm build only hashes, and files no
page uses any more leave the cache after a while.  An image
that cannot be used becomes a Problem at the record's field, never a traceback.
The files reach the docs folder through ``Media.files`` (docs path → cached file).
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup

from generator.cards import CARD_SIZE, CardSpec, Portrait, card_for, card_name
from generator.images import ImageError, ImageInfo, picture_html, process_image, variant_files
from generator.loader import parse_yaml
from generator.nodes import Node, Site
from generator.pages import PagePlan, Planner, RenderOptions
from generator.palette import PRIMARY, header_colour
from generator.problems import Problem

#: Where pictures and cards go, under the site root and under the cache folder.
PICTURES_DIR = "media/anh"
CARDS_DIR = "media/the"
#: Record fields that name images, single and list-valued.
IMAGE_FIELDS = ("photo", "logo")
IMAGE_LIST_FIELDS = ("images", "photos")
#: Raster files: published only as processed variants when a record names them.
RASTER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
#: Below this many cards to draw, forking workers costs more than it saves.
MIN_PARALLEL = 24
#: Cached files unused this long are removed (generator.media._prune).
PRUNE_AFTER = 600
#: The card colour when the site's primary colour is not one of Material's names.
DEFAULT_CARD_COLOUR = "#b71c1c"


@dataclass(frozen=True)
class Card:
    """A page's share card: site-relative path, size and text alternative."""

    path: str
    alt: str
    width: int = CARD_SIZE[0]
    height: int = CARD_SIZE[1]

    @property
    def mime(self) -> str:
        return "image/jpeg" if self.path.endswith(".jpg") else "image/png"


@dataclass
class Media:
    """What the render stage needs of the pictures and cards, and the files to publish."""

    #: content path ("media/a.jpg") → its variants (site-relative paths).
    images: dict[str, ImageInfo] = field(default_factory=dict)
    #: page URL → its share card.
    cards: dict[str, Card] = field(default_factory=dict)
    #: docs path → cached file to copy into the docs folder.
    files: dict[str, Path] = field(default_factory=dict)
    #: The pages the cards were made for (render uses them instead of planning again).
    plans: list[PagePlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Content paths of images that could not be used (reported in ``problems``).
    failed: set[str] = field(default_factory=set)
    drawn: int = 0  # cards drawn by this build (not found in the cache)
    processed: int = 0  # images processed by this build

    def picture(
        self,
        path: str,
        alt: str,
        root: str,
        *,
        sizes: str = "100vw",
        css_class: str = "",
        eager: bool = False,
    ) -> Markup:
        """``<picture>`` for the image at content path ``path``; ``root`` is the relative
        path from the page to the site root ("../../").  Empty when the image is unknown."""
        info = self.images.get(path)
        if info is None:
            return Markup("")
        return Markup(
            picture_html(
                info,
                alt,
                sizes=sizes,
                css_class=css_class,
                loading="eager" if eager else "lazy",
                url_prefix=root,
            )
        )


def published_copies(site: Site, media: Media) -> dict[str, Path]:
    """The content media files published as they are, plus the processed ones.

    A raster image that a record names is published only as its cleaned variants: its
    original may carry the camera's GPS position.  Other files (SVG logos, documents,
    pictures hand-written pages use) are copied as they are.
    """
    processed = set(media.images)
    copies = {
        rel: source
        for rel, source in site.media_sources.items()
        if not (rel in processed and PurePosixPath(rel).suffix.lower() in RASTER_SUFFIXES)
    }
    copies.update(media.files)
    return copies


# -- the stage ------------------------------------------------------------------------------


def prepare_media(
    site: Site,
    content: Path,
    cache: Path,
    options: RenderOptions | None = None,
    *,
    jobs: int = 1,
    plans: Sequence[PagePlan] | None = None,
) -> Media:
    """Process the records' images and draw every page's share card (see the module doc).

    ``content`` is the content folder (image files are read from it), ``cache`` the
    project's cache folder.  ``plans`` defaults to every page the render stage will write.
    """
    from generator.render import extra_plans

    media = Media()
    media.plans = list(plans) if plans is not None else Planner(site, options).plan()
    _pictures(site, content, cache / "media" / "anh", media, jobs)
    pages = [*media.plans, *extra_plans(site), *_hand_plans(site)]
    _cards(site, content, cache / "media" / "the", pages, media, jobs)
    return media


def with_cards(
    site: Site, content: Path, cache: Path, plans: Sequence[PagePlan], media: Media
) -> Media:
    """A copy of ``media`` with the cards of ``plans`` made for the Site as it is now.

    The preview builds an edited record's own page before the rest: its card (which shows
    the title) is made here, the other pages' cards are the last build's.
    """
    out = dataclasses.replace(media, cards=dict(media.cards), files=dict(media.files))
    _cards(site, content, cache / "media" / "the", plans, out, jobs=1)
    return out


def _hand_plans(site: Site) -> list[PagePlan]:
    """Hand-written pages, as far as their card is concerned: title and description."""
    from generator.render import hand_page_meta

    out = []
    for page in site.pages:
        _, _, title, description = hand_page_meta(page, site)
        out.append(PagePlan(f"{page.slug}/", "", title, description))
    return out


# -- pictures -------------------------------------------------------------------------------


def image_refs(site: Site) -> dict[str, list[tuple[Node, tuple[str | int, ...]]]]:
    """Content path → the records (and fields) that name it, published records only."""
    refs: dict[str, list[tuple[Node, tuple[str | int, ...]]]] = {}
    for node in site.all_nodes():
        if not node.published:
            continue
        for name in IMAGE_FIELDS:
            value = getattr(node.model, name, None)
            if value:
                refs.setdefault(str(value), []).append((node, (name,)))
        for name in IMAGE_LIST_FIELDS:
            for index, value in enumerate(getattr(node.model, name, None) or []):
                refs.setdefault(str(value), []).append((node, (name, index)))
    return dict(sorted(refs.items()))


ImageFailure = tuple[str, str, dict[str, Any]]


def _process_one(task: tuple[str, str, str]) -> tuple[str, ImageInfo | None, ImageFailure | None]:
    """Worker: one image → (path, info or None, error: (code, variant, values) or None)."""
    rel, source, cache_dir = task
    try:
        return rel, process_image(Path(source), Path(cache_dir), PICTURES_DIR), None
    except ImageError as exc:
        return rel, None, (exc.code, exc.variant, exc.params)


def _pictures(site: Site, content: Path, cache_dir: Path, media: Media, jobs: int) -> None:
    refs = image_refs(site)
    tasks = [(rel, str(site.media_sources.get(rel, content / rel)), str(cache_dir)) for rel in refs]
    for rel, info, error in _map(_process_one, tasks, jobs, chunk=1):
        if info is None:
            assert error is not None
            media.failed.add(rel)
            for node, path in refs[rel]:
                media.problems.append(_image_problem(content, node, path, rel, error))
            continue
        media.images[rel] = info
        for site_path, cached in variant_files(info, cache_dir):
            media.files[site_path] = cached
    media.processed = len(tasks)
    keep = {f"{info.key}.json" for info in media.images.values()}
    keep |= {PurePosixPath(v.path).name for info in media.images.values() for v in info.variants}
    _prune(cache_dir, keep)


def _image_problem(
    content: Path,
    node: Node,
    path: tuple[str | int, ...],
    rel: str,
    error: ImageFailure,
) -> Problem:
    """A Problem at the record's field that names the image (line 1 when unknown)."""
    line, col = 1, 1
    try:
        _, positions, _ = parse_yaml((content / node.source).read_bytes(), node.path)
        line, col = positions.value(path)
    except (OSError, KeyError, ValueError):
        pass
    field_name = ".".join(str(p) for p in path)
    code, variant, values = error
    return Problem(node.path, line, col, code, {**values, "file": rel}, field_name, variant=variant)


# -- cards ----------------------------------------------------------------------------------


def card_colour(site: Site) -> str:
    """The site's primary colour as an AA-safe hex (the header's colour, palette.py)."""
    named = PRIMARY.get(str(site.config.palette.primary))
    return header_colour(named) if named else DEFAULT_CARD_COLOUR


def card_spec(plan: PagePlan, site: Site, colour: str, content: Path, media: Media) -> CardSpec:
    """What the card of one page shows.

    A person's card shows their photo when it is a usable image (``media.images``),
    their initials otherwise.
    """
    node = plan.node
    site_title = str(site.config.title)
    if node is None:
        title = str(plan.context.get("title") or plan.title)
        return CardSpec(
            title=title,
            subtitle=str(plan.description or ""),
            kind_label=str(site.config.organisation),
            site_title=site_title,
            accent=colour,
        )
    portrait = None
    if node.kind == "person":
        photo_path = getattr(node.model, "photo", None)
        photo = None
        if photo_path and photo_path in media.images:
            try:
                photo = site.media_sources.get(photo_path, content / photo_path).read_bytes()
            except OSError:
                photo = None
        portrait = Portrait(node.display_name, node.id, photo)
    return CardSpec(
        title=node.display_name,
        subtitle=node.spec.card_subtitle(node),
        kind_label=node.spec.label,
        site_title=site_title,
        accent=colour,
        portrait=portrait,
    )


def _draw_some(task: tuple[list[CardSpec], str]) -> int:
    """Worker: draw the cards not yet in the cache; returns how many."""
    specs, cache_dir = task
    for spec in specs:
        card_for(spec, Path(cache_dir))
    return len(specs)


def _cards(
    site: Site, content: Path, cache_dir: Path, pages: Sequence[PagePlan], media: Media, jobs: int
) -> None:
    colour = card_colour(site)
    missing: dict[str, CardSpec] = {}
    cached = _listing(cache_dir)
    for plan in pages:
        spec = card_spec(plan, site, colour, content, media)
        name = card_name(spec)
        alt = f"{spec.kind_label}: {spec.title}" if spec.kind_label else spec.title
        site_path = f"{CARDS_DIR}/{name}"
        media.cards[plan.url] = Card(site_path, alt)
        if site_path not in media.files:
            media.files[site_path] = cache_dir / name
            if name not in cached:
                missing[name] = spec
    todo = list(missing.values())
    cache_dir.mkdir(parents=True, exist_ok=True)
    chunks = [(list(chunk), str(cache_dir)) for chunk in _chunked(todo, jobs)]
    media.drawn = sum(_map(_draw_some, chunks, jobs if len(todo) >= MIN_PARALLEL else 1))
    _prune(cache_dir, {PurePosixPath(card.path).name for card in media.cards.values()})


def _listing(folder: Path) -> set[str]:
    """Names of the regular files in ``folder`` (one directory read, not a stat a card)."""
    try:
        with os.scandir(folder) as entries:
            return {e.name for e in entries if e.is_file(follow_symlinks=False)}
    except FileNotFoundError:
        return set()


def _prune(cache_dir: Path, keep: set[str]) -> None:
    """Remove cached files no page uses any more, so the cache does not grow with every edit.

    Files written in the last :data:`PRUNE_AFTER` seconds are left alone: another build of
    the same project (a preview server while ``showcase build`` runs) may be using them.
    """
    if not cache_dir.is_dir():
        return
    recent = time.time() - PRUNE_AFTER
    for entry in os.scandir(cache_dir):
        if entry.name in keep or not entry.is_file(follow_symlinks=False):
            continue
        if entry.stat(follow_symlinks=False).st_mtime < recent:
            Path(entry.path).unlink(missing_ok=True)


# -- parallel map ---------------------------------------------------------------------------


def _chunked(items: Sequence[Any], jobs: int) -> Iterator[Sequence[Any]]:
    """About four chunks a worker, so that a slow chunk does not leave a core idle."""
    if not items:
        return
    count = max(1, min(len(items), jobs * 4))
    size = -(-len(items) // count)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _map(function: Any, tasks: Sequence[Any], jobs: int, chunk: int = 1) -> Iterable[Any]:
    """``map(function, tasks)`` in ``jobs`` forked worker processes (in order)."""
    if jobs <= 1 or len(tasks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(task) for task in tasks]
    context = multiprocessing.get_context("fork")
    workers = min(jobs, len(tasks), os.cpu_count() or 1)
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(function, tasks, chunksize=chunk))
