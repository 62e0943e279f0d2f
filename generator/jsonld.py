"""JSON-LD (schema.org) for record pages, so search engines read who was honoured for what.

:func:`jsonld_for` gives the object for one record (None for a person who is not
published: they have no page); :func:`jsonld_script` wraps it for the page's HTML.

Types chosen, all in the schema.org vocabulary:

* person → ``Person`` (``jobTitle``, ``worksFor``, ``award`` as text);
* unit → ``Organization`` (``alternateName``, ``parentOrganization``, ``award``;
  the address is only ``addressRegion``, the province: units are public bodies,
  but nothing finer than the province is in the content model anyway);
* initiative → ``CreativeWork`` (``author``, ``dateCreated`` = first applied,
  ``about`` = field, ``abstract`` = summary, ``keywords``, ``award``);
* award decision → ``CreativeWork`` with ``genre`` = the form of award,
  ``creator`` = the issuer and ``about`` = the honourees (an award is a document
  that names people; schema.org has no "award decision" type, and ``award`` on
  Person/Organization/CreativeWork is text, so the honourees carry it as text too);
* event → ``Event`` (``location`` Place with ``addressRegion``, ``organizer``);
* campaign → ``Project`` (an enterprise with a goal, run by an organisation).

A person with ``publish: false`` appears inside other objects as a Person with a
name only: no ``url``, so nothing links to or identifies their (absent) page.
"""

from __future__ import annotations

import json
from typing import Any

from generator.nodes import (
    AwardNode,
    CampaignNode,
    EventNode,
    InitiativeNode,
    Node,
    PersonNode,
    PersonRef,
    RecipientRef,
    Site,
    UnitNode,
)
from generator.share import level_phrase, plain_text
from generator.urls import Urls

CONTEXT = "https://schema.org"

JsonObject = dict[str, Any]


def _clean(data: JsonObject) -> JsonObject:
    """Drop empty values: schema.org readers treat a present-but-empty property as an error."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _url(urls: Urls, node: Node) -> str:
    return urls.absolute(node.url)


def _organization(unit: UnitNode | None, urls: Urls) -> JsonObject | None:
    if unit is None:
        return None
    return _clean(
        {
            "@type": "Organization",
            "name": unit.display_name,
            "alternateName": unit.model.short_name,
            "url": _url(urls, unit),
        }
    )


def _person_ref(ref: PersonRef, urls: Urls) -> JsonObject:
    person = ref.link  # None unless the person has a published page
    return _clean(
        {
            "@type": "Person",
            "name": ref.name,
            "url": _url(urls, person) if person is not None else None,
        }
    )


def _award_text(award: AwardNode) -> str:
    """How an award reads as text: its title, with the year when the title lacks it."""
    title = str(award.model.title)
    year = str(award.year)
    return title if year in title else f"{title} ({year})"


def _image(urls: Urls, path: str | None) -> str | None:
    return urls.absolute(path) if path else None


def person(node: PersonNode, urls: Urls) -> JsonObject | None:
    if not node.published:
        return None
    model = node.model
    return {
        "@type": "Person",
        "name": node.display_name,
        "jobTitle": model.job_title,
        "worksFor": _organization(node.unit, urls),
        "image": _image(urls, model.photo),
        "description": plain_text(model.bio) if model.bio else None,
        "award": [_award_text(a) for a in node.awards],
    }


def unit(node: UnitNode, urls: Urls) -> JsonObject:
    model = node.model
    address = (
        {"@type": "PostalAddress", "addressRegion": model.province} if model.province else None
    )
    return {
        "@type": "Organization",
        "name": node.display_name,
        "alternateName": model.short_name,
        "parentOrganization": _organization(node.parent, urls),
        "address": address,
        "logo": _image(urls, model.logo),
        "sameAs": model.website,
        "description": plain_text(model.description) if model.description else None,
        "award": [_award_text(a) for a in node.awards],
    }


def initiative(node: InitiativeNode, urls: Urls) -> JsonObject:
    model = node.model
    awards = [_award_text(a) for a in node.awards]
    if node.recognition is not None:
        recognition = f"Sáng kiến được công nhận {level_phrase(node.recognition.level.name)}"
        recognition += f" – {node.recognition.by.display_name}"
        if node.recognition.date is not None:
            recognition += f" ({node.recognition.date.year})"
        awards.insert(0, recognition)
    about = (
        {"@type": "Thing", "name": node.field_term.name} if node.field_term is not None else None
    )
    return {
        "@type": "CreativeWork",
        "name": str(model.title),
        "inLanguage": "vi",
        "author": [_person_ref(a, urls) for a in node.authors],
        "dateCreated": model.first_applied.isoformat() if model.first_applied else None,
        "about": about,
        "genre": node.type_term.name if node.type_term is not None else None,
        "abstract": str(model.summary),
        "keywords": ", ".join(model.tags) if model.tags else None,
        "sourceOrganization": _organization(node.unit, urls),
        "image": _image(urls, model.images[0] if model.images else None),
        "award": awards,
    }


def _recipient(ref: RecipientRef, urls: Urls) -> list[JsonObject]:
    if ref.unit is not None:
        org = _organization(ref.unit, urls)
        return [org] if org is not None else []
    return [_person_ref(p, urls) for p in ref.people]


def award(node: AwardNode, urls: Urls) -> JsonObject:
    model = node.model
    about: list[JsonObject] = []
    for ref in node.recipients:
        about.extend(_recipient(ref, urls))
    return {
        "@type": "CreativeWork",
        "name": str(model.title),
        "inLanguage": "vi",
        "genre": node.form_term.name if node.form_term is not None else None,
        "identifier": model.decision_number,
        "datePublished": model.date.isoformat(),
        "creator": _organization(node.issuer, urls),
        "abstract": model.summary,
        "about": about,
        "isPartOf": _event_ref(node.event, urls),
    }


def _event_ref(event: EventNode | None, urls: Urls) -> JsonObject | None:
    if event is None:
        return None
    return {"@type": "Event", "name": str(event.model.title), "url": _url(urls, event)}


def event(node: EventNode, urls: Urls) -> JsonObject:
    model = node.model
    address = (
        {"@type": "PostalAddress", "addressRegion": model.province} if model.province else None
    )
    location = None
    if model.place or address:
        location = _clean(
            {"@type": "Place", "name": model.place or model.province, "address": address}
        )
    return {
        "@type": "Event",
        "name": str(model.title),
        "startDate": model.date.isoformat(),
        "endDate": (model.end_date or model.date).isoformat(),
        "location": location,
        "organizer": _organization(node.organiser, urls),
        "description": model.summary,
        "image": [urls.absolute(p) for p in model.photos],
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }


def campaign(node: CampaignNode, urls: Urls) -> JsonObject:
    model = node.model
    return {
        "@type": "Project",
        "name": str(model.title),
        "alternateName": model.short_name,
        "foundingDate": model.start.isoformat(),
        "dissolutionDate": model.end.isoformat() if model.end else None,
        "parentOrganization": _organization(node.organiser, urls),
        "description": model.summary,
        "sameAs": model.website,
    }


def thing(node: Node, urls: Urls) -> JsonObject | None:
    """Any record of a kind without a builder of its own: its type, name and description."""
    from generator.describe import description_for

    if not node.published:
        return None
    return {
        "@type": node.spec.jsonld_type,
        "name": node.display_name,
        "description": description_for(node),
    }


def jsonld_for(node: Node, urls: Urls) -> JsonObject | None:
    """The schema.org object of a record page, or None when the record has no page."""
    body = node.spec.jsonld(node, urls)
    if body is None:
        return None
    url = _url(urls, node)
    # The fragment keeps the thing (a person) apart from the page about it (the URL).
    head: JsonObject = {
        "@context": CONTEXT,
        "@type": body.pop("@type"),
        "@id": f"{url}#{node.kind}",
        "url": url,
    }
    return _clean({**head, **body})


def website_jsonld(site: Site, urls: Urls) -> JsonObject:
    """``WebSite`` for the home page, published by the site's organisation."""
    base = urls.absolute("")
    return _clean(
        {
            "@context": CONTEXT,
            "@type": "WebSite",
            "@id": base,
            "url": base,
            "name": str(site.config.title),
            "description": site.config.tagline,
            "inLanguage": "vi",
            "publisher": {"@type": "Organization", "name": str(site.config.organisation)},
        }
    )


def jsonld_script(data: JsonObject) -> str:
    """``<script type="application/ld+json">…</script>`` that YAML text cannot break out of.

    Inside ``<script>`` the HTML parser ends the element at the first ``</script``
    and treats ``<!--`` specially, whatever the JSON means.  ``<\\/`` and
    ``\\u003c!--`` are the same strings to a JSON parser and inert to the HTML one.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
    return f'<script type="application/ld+json">{text}</script>'
