"""The media stage (generator/media.py): record pictures and share cards, between link and render.

Runs on copies of the minimal content (``tests/cases/_base/content``) with real photos
written by the tests: a JPEG carrying EXIF with a GPS position, a PNG with transparency.
"""

from __future__ import annotations

import html
import io
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import TODAY
from PIL import Image

from generator import cards
from generator.engine.pages import split_front_matter
from generator.media import CARDS_DIR, PICTURES_DIR, prepare_media, published_copies
from generator.nodes import Site
from generator.pages import Planner, RenderOptions
from generator.pipeline import check_content
from generator.render import render_site

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "site_templates" / "pages"
GPS_IFD = 0x8825


def photo_with_gps(width: int = 1600, height: int = 1000) -> bytes:
    image = Image.new("RGB", (width, height), (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    exif[GPS_IFD] = {1: "N", 2: (19.0, 48.0, 30.0), 3: "E", 4: (105.0, 46.0, 10.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def logo_with_alpha() -> bytes:
    image = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    image.paste((200, 20, 20, 255), (50, 50, 250, 250))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def with_pictures(content: Path) -> Path:
    """The base content with a photo (GPS in its EXIF) on a person, an initiative and an
    event, and a transparent logo on a unit."""
    media = content / "media"
    (media / "anh-gps.jpg").write_bytes(photo_with_gps())
    (media / "logo.png").write_bytes(logo_with_alpha())
    person = content / "people" / "nguyen-van-an.yml"
    person.write_text(
        person.read_text("utf-8").replace("media/nguyen-van-an.png", "media/anh-gps.jpg"),
        encoding="utf-8",
    )
    event = content / "events" / "diem-hen-2022.yml"
    event.write_text(
        event.read_text("utf-8") + "photos:\n  - media/anh-gps.jpg\n", encoding="utf-8"
    )
    unit = content / "units" / "cdcs-nha-may-mau.yml"
    unit.write_text(unit.read_text("utf-8") + "logo: media/logo.png\n", encoding="utf-8")
    return content


def site_of(content: Path) -> Site:
    site, problems = check_content(content, display_root="content", today=TODAY)
    assert site is not None, problems
    return site


def test_pictures_are_resized_cleaned_and_shown_with_picture(
    base_content: Path, tmp_path: Path
) -> None:
    content = with_pictures(base_content)
    site = site_of(content)
    media = prepare_media(site, content, tmp_path / "cache")
    assert media.problems == []
    photo = media.images["media/anh-gps.jpg"]
    assert {v.mime for v in photo.variants} == {"image/webp", "image/jpeg"}
    assert max(v.width for v in photo.variants) == 1280  # never the 1600 px original
    for variant in photo.variants:
        cached = media.files[variant.path]
        assert variant.path.startswith(PICTURES_DIR + "/")
        with Image.open(cached) as image:
            assert image.size == (variant.width, variant.height)
            assert not image.getexif(), f"{variant.path} keeps EXIF"
            assert "exif" not in image.info and "xmp" not in image.info
    # Transparency keeps a PNG fallback.
    assert media.images["media/logo.png"].fallback_mime == "image/png"
    html = str(media.picture("media/anh-gps.jpg", "Ảnh <thử>", "../../", sizes="50vw"))
    soup = BeautifulSoup(html, "html.parser")
    img = soup.find("img")
    assert soup.find("picture") is not None and soup.find("source", type="image/webp")
    assert img is not None and img["width"] == "1280" and img["height"] == "800"
    assert img["loading"] == "lazy" and img["alt"] == "Ảnh <thử>"
    candidates = re.findall(r'(?:srcset="|, )([^ ",]+) \d+w', html)
    assert len(candidates) == len(photo.variants)
    assert all(src.startswith("../../media/anh/") for src in candidates)


def test_originals_of_record_photos_are_not_published(base_content: Path, tmp_path: Path) -> None:
    """The camera's original, with its GPS position, never reaches the site."""
    content = with_pictures(base_content)
    (content / "media" / "plan.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>', encoding="utf-8"
    )
    site = site_of(content)
    media = prepare_media(site, content, tmp_path / "cache")
    copies = published_copies(site, media)
    assert "media/anh-gps.jpg" not in copies
    assert "media/logo.png" not in copies
    assert copies["media/plan.svg"] == content / "media" / "plan.svg"  # not a photo: as it is
    gps = b"GPS"
    for target, source in copies.items():
        if target.endswith((".jpg", ".webp", ".png")) and target.startswith(PICTURES_DIR):
            assert gps not in source.read_bytes()[:4096], target


def test_record_pages_show_pictures_and_initials(base_content: Path, tmp_path: Path) -> None:
    content = with_pictures(base_content)
    site = site_of(content)
    media = prepare_media(site, content, tmp_path / "cache")
    pages = render_site(site, TEMPLATES, media=media).pages
    person = pages["ca-nhan/nguyen-van-an/index.md"].decode()
    assert "<picture>" in person and 'alt="Ảnh Nguyễn Văn An"' in person
    # Someone without a photo gets a disc with their initials (Lê Văn Cường → C).
    other = pages["ca-nhan/le-van-cuong/index.md"].decode()
    assert "<picture>" not in other
    assert re.search(
        r'<svg[^>]*class="avatar"[^>]*aria-label="Ảnh đại diện của Lê Văn Cường"', other
    )
    assert re.search(r">C</text>", other)
    event = pages["su-kien/diem-hen-2022/index.md"].decode()
    assert 'class="sk-gallery"' in event and "<picture>" in event
    unit = pages["don-vi/cdcs-nha-may-mau/index.md"].decode()
    assert 'alt="Biểu trưng của' in unit


def test_every_page_gets_a_share_card(base_content: Path, tmp_path: Path) -> None:
    site = site_of(base_content)
    media = prepare_media(site, base_content, tmp_path / "cache")
    plans = Planner(site).plan()
    assert {plan.url for plan in plans} <= set(media.cards)
    rendered = render_site(site, TEMPLATES, media=media)
    for plan in plans:
        card = media.cards[plan.url]
        assert card.path.startswith(CARDS_DIR + "/")
        with Image.open(media.files[card.path]) as image:
            assert image.size == (1200, 630)
        meta, _ = split_front_matter(rendered.pages[f"{plan.url}index.md"].decode())
        head = meta["head"]
        if plan.url == "" and site.config.share_image:
            continue  # the home page shows the editor's own picture
        assert f'<meta property="og:image" content="{site.urls.absolute(card.path)}">' in head
        assert '<meta property="og:image:width" content="1200">' in head
        assert '<meta property="og:image:height" content="630">' in head
        assert f'<meta property="og:image:alt" content="{html.escape(card.alt)}">' in head


def test_pages_of_a_listing_share_one_card(base_content: Path, tmp_path: Path) -> None:
    """Same title and text, same card: later pages and other orders draw nothing new."""
    site = site_of(base_content)
    plans = Planner(site, RenderOptions(per_page=1)).plan()
    media = prepare_media(site, base_content, tmp_path / "cache", plans=plans)
    listing = [p.url for p in plans if p.url.startswith("sang-kien/") and p.node is None]
    assert len(listing) >= 3  # two pages, two orders
    assert len({media.cards[url].path for url in listing}) == 1


def test_warm_build_draws_no_card(
    base_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = with_pictures(base_content)
    site = site_of(content)
    cache = tmp_path / "cache"
    cold = prepare_media(site, content, cache)
    assert cold.drawn == len({card.path for card in cold.cards.values()}) > 0

    def no_drawing(spec: cards.CardSpec) -> bytes:
        raise AssertionError(f"card drawn again: {spec.title}")

    monkeypatch.setattr(cards, "draw_card", no_drawing)
    warm = prepare_media(site, content, cache)
    assert warm.drawn == 0
    assert warm.cards == cold.cards and warm.images == cold.images
    # A changed title draws that card only.
    monkeypatch.undo()
    person = content / "people" / "le-van-cuong.yml"
    person.write_text(
        person.read_text("utf-8").replace("Lê Văn Cường", "Lê Văn Cường Mới"), encoding="utf-8"
    )
    # Cards unused for a while leave the cache (recent ones may serve another build).
    for old in (cache / "media" / "the").iterdir():
        os.utime(old, (0, 0))
    changed = prepare_media(site_of(content), content, cache)
    assert 1 <= changed.drawn <= 3  # the person's card, and pages that name them in a card
    # The cache holds what the site uses now, not every card ever drawn.
    in_use = {Path(card.path).name for card in changed.cards.values()}
    assert {p.name for p in (cache / "media" / "the").iterdir()} == in_use


def test_parallel_and_serial_give_the_same_cards(base_content: Path, tmp_path: Path) -> None:
    site = site_of(base_content)
    serial = prepare_media(site, base_content, tmp_path / "one", jobs=1)
    parallel = prepare_media(site, base_content, tmp_path / "two", jobs=2)
    assert serial.cards == parallel.cards
    for card in serial.cards.values():
        assert serial.files[card.path].read_bytes() == parallel.files[card.path].read_bytes()


def test_person_card_shows_the_photo(base_content: Path, tmp_path: Path) -> None:
    content = with_pictures(base_content)
    site = site_of(content)
    media = prepare_media(site, content, tmp_path / "cache")
    card = media.cards["ca-nhan/nguyen-van-an/"]
    assert card.path.endswith(".jpg") and card.mime == "image/jpeg"
    assert card.alt == "Cá nhân: Nguyễn Văn An"
    assert media.cards["ca-nhan/le-van-cuong/"].path.endswith(".png")  # initials: PNG


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"not an image at all", "anh-khong-doc-duoc"),
        (photo_with_gps()[:300], "anh-khong-doc-duoc"),
    ],
)
def test_a_broken_image_is_a_positioned_problem(
    base_content: Path, tmp_path: Path, data: bytes, code: str
) -> None:
    content = with_pictures(base_content)
    (content / "media" / "anh-gps.jpg").write_bytes(data)
    site = site_of(content)
    media = prepare_media(site, content, tmp_path / "cache")
    problems = sorted(media.problems, key=lambda p: p.path)
    assert [p.code for p in problems] == [code, code]  # the event and the person name it
    event, person = problems
    assert event.path == "content/events/diem-hen-2022.yml" and event.field == "photos.0"
    assert person.path == "content/people/nguyen-van-an.yml" and person.field == "photo"
    lines = (content / "people" / "nguyen-van-an.yml").read_text("utf-8").splitlines()
    assert lines[person.line - 1][person.col - 1 :].startswith("media/anh-gps.jpg")
    assert person.text("vi").startswith("media/anh-gps.jpg: ")
    assert person.text("en").startswith("media/anh-gps.jpg: ")
    # The person's card falls back to initials instead of failing again.
    assert media.cards["ca-nhan/nguyen-van-an/"].path.endswith(".png")


# -- figures by scope (templating.figure_groups) ------------------------------------------------


def test_campaign_figures_are_grouped_by_scope(base_content: Path) -> None:
    """Derived from who published them (top unit: country; one below: province), or set by
    the figure's own ``scope``; widest first; one source line per source."""
    campaign = base_content / "campaigns" / "chuong-trinh-mau.yml"
    campaign.write_text(
        campaign.read_text("utf-8")
        + """  - key: so-sang-kien-nha-may
    label: Số sáng kiến của một nhà máy
    value: 40
    phase: giai-doan-1
    scope: cap-don-vi
    source:
      title: Báo cáo của nhà máy
""",
        encoding="utf-8",
    )
    site = site_of(base_content)
    page = render_site(site, TEMPLATES).pages["chuong-trinh/chuong-trinh-mau/index.md"].decode()
    _, body = split_front_matter(page)
    soup = BeautifulSoup(body, "html.parser")
    phase = soup.find("h3", id="giai-doan-1")
    assert phase is not None
    scopes = []
    for sibling in phase.find_next_siblings():
        if sibling.name == "h3" or sibling.name == "h2":
            break
        scopes += [p.get_text(" ", strip=True) for p in sibling.select(".sk-scope")]
    # The campaign's organiser is the top unit; the event's a province's federation; the
    # figure marked cap-don-vi is the campaign's own but applies to one unit, not named.
    assert scopes == ["Toàn quốc", "Tỉnh, thành phố: Thanh Hóa", "Cấp đơn vị"]
    sources = [p.get_text(" ", strip=True) for p in soup.select("p.sk-fig__source")]
    assert sources.count("Nguồn: Báo cáo sơ kết giai đoạn 1 (15/6/2022).") == 1
