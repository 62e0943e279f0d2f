"""The kind registry (generator/kinds.py): every kind declares everything, once (issue 9).

Parametrised over the registry, so that a new kind is checked as soon as it is declared:
its templates exist, its JSON Schema is committed, the guide has its section, the open data
has its columns, its search data uses only declared facets, and its URL shape is its own.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import BASE_CONTENT, REPO, TODAY

from generator import export, kinds
from generator.guide import guide_markdown
from generator.kinds import FACET_KEYS, FACETS, KINDS, Kind
from generator.nodes import Site
from generator.pipeline import check_content

TEMPLATES = REPO / "site_templates" / "pages"


@pytest.fixture(scope="module")
def site() -> Site:
    loaded, problems = check_content(BASE_CONTENT, today=TODAY)
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="module")
def dataset(site: Site) -> dict[str, bytes]:
    return export.export_dataset(site)


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_kind_has_its_templates_schema_and_guide_section(kind: Kind) -> None:
    assert (TEMPLATES / kind.template).is_file()
    assert (TEMPLATES / kind.listing.template).is_file()
    assert (REPO / "schemas" / f"{kind.name}.schema.json").is_file()
    guide = guide_markdown()
    assert f"`{kind.content_path}`" in guide or kind.content_path in guide
    assert kind.label in guide
    assert kind.node.spec is kind, "the node class knows its declaration"
    assert kind.listing.orders and kind.listing.orders[0].slug == ""


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_kind_has_open_data_columns(kind: Kind, dataset: dict[str, bytes]) -> None:
    text = dataset[f"du-lieu-mo/{kind.export_name}.csv"].decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    assert header[:2] == ["id", "url"]
    assert len(header) == len(set(header)) > 3
    assert f"du-lieu-mo/{kind.export_name}.json" in dataset


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_kind_search_data_uses_declared_facets(kind: Kind, site: Site) -> None:
    nodes = list(site.records[kind.name].values())
    assert nodes, f"the fixture content has no {kind.name}"
    for node in nodes:
        data = kind.search(node)
        assert set(data.filters) <= set(FACET_KEYS), (node, set(data.filters) - set(FACET_KEYS))
        assert all(values for values in data.filters.values())
        assert kind.describe(node)


def test_url_shapes_and_labels_are_unique() -> None:
    prefixes = [k.url_prefix for k in KINDS.values()]
    assert len(set(prefixes)) == len(prefixes)
    assert len({k.folder for k in KINDS.values()}) == len(KINDS)
    assert len({k.label for k in KINDS.values()}) == len(KINDS)
    assert len({f.key for f in FACETS}) == len(FACETS)


def test_reserved_ids_come_from_the_listings() -> None:
    slugs = {o.slug for k in KINDS.values() for o in k.listing.orders if o.slug}
    assert slugs <= kinds.RESERVED_IDS
    assert kinds.reserved_id("index") and kinds.reserved_id("trang-12")
    assert not kinds.reserved_id("trang") and not kinds.reserved_id("may-cat")


def test_kind_folders_are_the_loaders(tmp_path: Path) -> None:
    """A record in each kind's folder is read as that kind."""
    for name, kind in KINDS.items():
        assert kinds.kind_of_folder(kind.folder) is kind, name
    assert kinds.kind_of_folder("pages") is None


@pytest.mark.parametrize("kind", list(KINDS.values()), ids=list(KINDS))
def test_kind_jsonld_type_is_what_its_pages_say(kind: Kind, site: Site) -> None:
    from generator.jsonld import jsonld_for, thing

    for node in site.records[kind.name].values():
        if not node.published:
            continue
        data = jsonld_for(node, site.urls)
        assert data is not None and data["@type"] == kind.jsonld_type
        generic = thing(node, site.urls)  # what a new kind without a builder would get
        assert generic is not None and generic["@type"] == kind.jsonld_type
        assert generic["name"] == node.display_name
