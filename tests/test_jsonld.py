"""JSON-LD (generator/jsonld.py) and share metadata (generator/share.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, TODAY

from generator.describe import description_for
from generator.jsonld import jsonld_for, jsonld_script, website_jsonld
from generator.nodes import Site
from generator.pipeline import check_content
from generator.share import (
    image_for,
    level_phrase,
    share_meta,
    share_meta_tags,
    truncate,
)
from generator.urls import Urls

BASE = "https://example.org/sang-kien/"
EXPECTED_TYPE = {
    "person": "Person",
    "unit": "Organization",
    "initiative": "CreativeWork",
    "award": "CreativeWork",
    "event": "Event",
    "campaign": "Project",
}


def load(content: Path) -> Site:
    site, problems = check_content(content, display_root="content", today=TODAY)
    assert site is not None, [str(p) for p in problems]
    return site


@pytest.fixture
def site(base_content: Path) -> Site:
    path = base_content / "people" / "le-van-cuong.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["publish"] = False
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load(base_content)


def parse_script(html: str) -> Any:
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script")
    assert len(scripts) == 1
    assert scripts[0]["type"] == "application/ld+json"
    return json.loads(scripts[0].string)


# -- JSON-LD -------------------------------------------------------------------------


def test_every_published_record_has_jsonld(site: Site) -> None:
    for node in site.all_nodes():
        data = jsonld_for(node, site.urls)
        if not node.published:
            assert data is None
            continue
        assert data is not None
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == EXPECTED_TYPE[node.kind]
        assert data["url"] == BASE + node.url
        assert data["@id"].startswith(data["url"] + "#")
        assert data["name"]
        assert parse_script(jsonld_script(data)) == data


def test_person(site: Site) -> None:
    data = jsonld_for(site.people["nguyen-van-an"], site.urls)
    assert data is not None
    assert data["name"] == "Nguyễn Văn An"
    assert data["jobTitle"] == "Tổ trưởng tổ cơ điện"
    assert data["worksFor"] == {
        "@type": "Organization",
        "name": "Công đoàn cơ sở Nhà máy Mẫu",
        "url": BASE + "don-vi/cdcs-nha-may-mau/",
    }
    assert data["award"] == ["Bằng khen của LĐLĐ tỉnh Mẫu năm 2022"]
    assert data["image"] == BASE + "media/nguyen-van-an.png"
    assert data["description"] == "Kỹ thuật viên bảo trì, tác giả nhiều cải tiến."


def test_organization_address_is_only_the_province(site: Site) -> None:
    data = jsonld_for(site.units["ldld-tinh-mau"], site.urls)
    assert data is not None
    assert data["alternateName"] == "LĐLĐ tỉnh Mẫu"
    assert data["address"] == {"@type": "PostalAddress", "addressRegion": "Thanh Hóa"}
    assert data["parentOrganization"]["name"] == "Tổng Liên đoàn Lao động Mẫu"
    unit = jsonld_for(site.units["cdcs-nha-may-mau"], site.urls)
    assert unit is not None
    assert unit["award"] == ["Bằng khen của LĐLĐ tỉnh Mẫu năm 2022"]
    root = jsonld_for(site.units["tong-ldld"], site.urls)
    assert root is not None and "address" not in root and "parentOrganization" not in root


def test_initiative(site: Site) -> None:
    data = jsonld_for(site.initiatives["may-cat-tu-dong"], site.urls)
    assert data is not None
    assert data["author"] == [
        {"@type": "Person", "name": "Nguyễn Văn An", "url": BASE + "ca-nhan/nguyen-van-an/"},
        {"@type": "Person", "name": "Lê Văn Cường"},  # publish: false, so no page to point at
    ]
    assert data["dateCreated"] == "2022-03-01"
    assert data["about"] == {"@type": "Thing", "name": "Sản xuất công nghiệp"}
    assert data["abstract"] == "Giảm thời gian cắt phôi một nửa."
    assert data["keywords"] == "cơ khí"
    assert data["inLanguage"] == "vi"
    assert data["award"][0].startswith("Sáng kiến được công nhận cấp cơ sở")
    assert "Bằng khen của LĐLĐ tỉnh Mẫu năm 2022" in data["award"]
    assert "le-van-cuong" not in json.dumps(data)


def test_event(site: Site) -> None:
    data = jsonld_for(site.events["diem-hen-2022"], site.urls)
    assert data is not None
    assert data["startDate"] == "2022-08-15"
    assert data["endDate"] == "2022-08-15"
    assert data["location"] == {
        "@type": "Place",
        "name": "Nhà văn hóa Lao động tỉnh",
        "address": {"@type": "PostalAddress", "addressRegion": "Thanh Hóa"},
    }
    assert data["organizer"]["name"] == "Liên đoàn Lao động tỉnh Mẫu"


def test_award_and_campaign(site: Site) -> None:
    award = jsonld_for(site.awards["bang-khen-2022"], site.urls)
    assert award is not None
    assert award["genre"] == "Bằng khen"
    assert award["identifier"] == "123/QĐ-LĐLĐ"
    assert award["datePublished"] == "2022-08-15"
    assert award["creator"]["name"] == "Liên đoàn Lao động tỉnh Mẫu"
    names = [thing["name"] for thing in award["about"]]
    assert names == [
        "Nguyễn Văn An",
        "Công đoàn cơ sở Nhà máy Mẫu",
        "Trần Thị Bình",
        "Phạm Văn Dũng",
    ]
    assert award["isPartOf"]["@type"] == "Event"
    campaign = jsonld_for(site.campaigns["chuong-trinh-mau"], site.urls)
    assert campaign is not None
    assert campaign["foundingDate"] == "2021-09-01"
    assert campaign["parentOrganization"]["name"] == "Tổng Liên đoàn Lao động Mẫu"


def test_no_empty_values(site: Site) -> None:
    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                assert item not in (None, "", [], {})
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for node in site.all_nodes():
        walk(jsonld_for(node, site.urls))


def test_sub_path_base_url(site: Site) -> None:
    data = jsonld_for(site.initiatives["so-hoa-ho-so"], Urls.from_base_url("https://x.org/a/b"))
    assert data is not None
    assert data["url"] == "https://x.org/a/b/sang-kien/so-hoa-ho-so/"


def test_script_cannot_be_closed_by_content() -> None:
    data = {"name": "</script><script>alert(1)</script> <!-- x --> </SCRIPT>", "n": "Đà Nẵng"}
    html = jsonld_script(data)
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "</" not in inner
    assert "<!--" not in inner
    assert "Đà Nẵng" in inner  # readable, not \u escaped
    assert json.loads(inner) == data
    assert parse_script(f"<html><head>{html}</head></html>") == data


def test_website_jsonld(site: Site) -> None:
    data = website_jsonld(site, site.urls)
    assert data["@type"] == "WebSite"
    assert data["url"] == BASE
    assert data["publisher"]["name"] == "Liên đoàn Lao động tỉnh Mẫu"


def test_sample_content_jsonld_parses() -> None:
    site, problems = check_content(REPO / "content")
    assert site is not None, [str(p) for p in problems]
    count = 0
    for node in site.all_nodes():
        data = jsonld_for(node, site.urls)
        if data is None:
            assert not node.published
            continue
        assert parse_script(jsonld_script(data)) == data
        count += 1
    assert count > 0


# -- share metadata ---------------------------------------------------------------------


def meta_of(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    out = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        assert key not in out, key
        out[key] = tag["content"]
    return out


def test_share_meta_with_image() -> None:
    html = share_meta(
        'Máy cắt "mới" <script>',
        "Mô tả & tóm tắt",
        BASE + "sang-kien/x/",
        BASE + "media/a.png",
        "Sáng kiến mẫu",
        "article",
    )
    assert "<script>" not in html
    meta = meta_of(html)
    assert meta["og:title"] == 'Máy cắt "mới" <script>'
    assert "twitter:title" not in meta, "X falls back to og:title"
    assert meta["description"] == meta["og:description"] == "Mô tả & tóm tắt"
    assert meta["og:url"] == BASE + "sang-kien/x/"
    assert meta["og:type"] == "article"
    assert meta["og:image"] == BASE + "media/a.png"
    assert meta["og:site_name"] == "Sáng kiến mẫu"
    assert meta["og:locale"] == "vi_VN"
    assert meta["twitter:card"] == "summary_large_image"


def test_share_meta_without_image_and_kinds() -> None:
    meta = meta_of(share_meta("A", "B", BASE, None, "S", "profile", include_description=False))
    assert "description" not in meta
    assert "og:image" not in meta and "twitter:image" not in meta
    assert meta["twitter:card"] == "summary"
    assert meta["og:type"] == "profile"
    assert (
        dict((k, v) for _, k, v in share_meta_tags("A", "B", BASE, None, "S", "website"))["og:type"]
        == "website"
    )


def test_descriptions_are_short_plain_vietnamese(site: Site) -> None:
    for node in site.all_nodes():
        text = description_for(node)
        assert 0 < len(text) <= 160, node
        assert "\n" not in text and "**" not in text
    assert (
        description_for(site.initiatives["may-cat-tu-dong"]) == "Giảm thời gian cắt phôi một nửa."
    )
    assert (
        description_for(site.people["nguyen-van-an"])
        == "Kỹ thuật viên bảo trì, tác giả nhiều cải tiến."
    )
    assert description_for(site.people["tran-thi-binh"]) == (
        "Trần Thị Bình, Chuyên viên, Liên đoàn Lao động tỉnh Mẫu. 1 sáng kiến, 1 lần được khen thưởng."
    )
    award = description_for(site.awards["bang-khen-2022"])
    assert award.startswith("Bằng khen: quyết định số 123/QĐ-LĐLĐ ngày 15/8/2022")
    assert description_for(site.events["diem-hen-2022"]).startswith(
        "Điểm hẹn sáng kiến 2022, ngày 15/8/2022"
    )


def test_truncate_keeps_words() -> None:
    text = "Sáng kiến " * 40
    cut = truncate(text.strip())
    assert len(cut) <= 160 and cut.endswith("…")
    assert cut.removesuffix("…").split()[-1] in ("Sáng", "kiến")
    assert truncate("ngắn") == "ngắn"


def test_image_for(site: Site) -> None:
    assert image_for(site.initiatives["may-cat-tu-dong"], site) == "media/nguyen-van-an.png"
    assert image_for(site.people["nguyen-van-an"], site) == "media/nguyen-van-an.png"
    assert image_for(site.initiatives["so-hoa-ho-so"], site) is None  # no image, no site default
    assert image_for(None, site) is None


def test_image_for_falls_back_to_site_default(base_content: Path) -> None:
    path = base_content / "site.yml"
    path.write_text(path.read_text("utf-8") + "share_image: media/nguyen-van-an.png\n", "utf-8")
    site = load(base_content)
    assert image_for(site.initiatives["so-hoa-ho-so"], site) == "media/nguyen-van-an.png"
    assert Urls.from_base_url("https://x.org/a").absolute("/media/b.png") == (
        "https://x.org/a/media/b.png"
    )


def test_level_phrase() -> None:
    assert level_phrase("Cấp cơ sở") == "cấp cơ sở"
    assert level_phrase("Toàn quốc") == "cấp toàn quốc"
