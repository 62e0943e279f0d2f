"""Link: references resolved into objects, back-links and aggregates computed once."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY

from generator.nodes import AwardNode, InitiativeNode, PersonNode, Site, Totals, UnitNode
from generator.pipeline import check_content


def linked(content: Path) -> Site:
    site, problems = check_content(content, display_root="content", today=TODAY)
    assert problems == []
    assert site is not None
    return site


def ids(nodes: object) -> list[str]:
    return [n.id for n in nodes]  # type: ignore[attr-defined]


@pytest.fixture
def site(base_content: Path) -> Site:
    return linked(base_content)


def test_groups_and_urls(site: Site) -> None:
    assert list(site.units) == ["cdcs-nha-may-mau", "ldld-tinh-mau", "tong-ldld"]
    assert list(site.people) == ["le-van-cuong", "nguyen-van-an", "tran-thi-binh"]
    assert list(site.initiatives) == ["may-cat-tu-dong", "so-hoa-ho-so"]
    assert len(site.all_nodes()) == 11
    initiative = site.initiatives["may-cat-tu-dong"]
    assert initiative.url == "sang-kien/may-cat-tu-dong/"
    assert site.people["nguyen-van-an"].url == "ca-nhan/nguyen-van-an/"
    assert initiative.source == "initiatives/2022/may-cat-tu-dong.yml"
    assert initiative.year == 2022
    # Attribute access falls through to the validated model.
    assert initiative.model.title == "Cải tiến máy cắt tự động"
    assert initiative.display_name == "Cải tiến máy cắt tự động"
    assert repr(initiative) == "<InitiativeNode may-cat-tu-dong>"


def test_initiative_references(site: Site) -> None:
    initiative = site.initiatives["may-cat-tu-dong"]
    assert isinstance(initiative.unit, UnitNode)
    assert initiative.unit.id == "cdcs-nha-may-mau"
    assert [(a.name, a.share, a.role) for a in initiative.authors] == [
        ("Nguyễn Văn An", 60, "chủ nhiệm"),
        ("Lê Văn Cường", 40, None),
    ]
    assert (
        initiative.field_term is not None and initiative.field_term.name == "Sản xuất công nghiệp"
    )
    assert initiative.type_term is not None and initiative.type_term.key == "giai-phap-ky-thuat"
    assert initiative.status_term is not None and initiative.recognised
    assert initiative.campaign is not None and initiative.campaign.id == "chuong-trinh-mau"
    assert initiative.phase is not None and initiative.phase.key == "giai-doan-1"
    assert initiative.recognition is not None
    assert initiative.recognition.by.id == "ldld-tinh-mau"
    assert initiative.recognition.level.name == "Cấp cơ sở"
    assert initiative.benefit == 162_000_000
    assert ids(initiative.awards) == ["bang-khen-2022"]
    other = site.initiatives["so-hoa-ho-so"]
    assert [(a.name, a.person is None) for a in other.authors] == [
        ("Trần Thị Bình", False),
        ("Phạm Văn Dũng", True),
    ]


def test_person_back_links(site: Site) -> None:
    an = site.people["nguyen-van-an"]
    assert ids(an.initiatives) == ["may-cat-tu-dong"]
    assert ids(an.awards) == ["bang-khen-2022"]
    binh = site.people["tran-thi-binh"]
    assert ids(binh.initiatives) == ["so-hoa-ho-so"]
    assert ids(binh.awards) == ["bang-khen-2022"]  # named in a group
    cuong = site.people["le-van-cuong"]
    assert ids(cuong.initiatives) == ["may-cat-tu-dong"]
    assert cuong.awards == []
    assert an.unit is not None and an.unit.id == "cdcs-nha-may-mau"


def test_unit_tree_and_aggregates(site: Site) -> None:
    top = site.units["tong-ldld"]
    province = site.units["ldld-tinh-mau"]
    base = site.units["cdcs-nha-may-mau"]
    assert ids(top.children) == ["ldld-tinh-mau"]
    assert ids(province.children) == ["cdcs-nha-may-mau"]
    assert ids(top.descendants) == ["ldld-tinh-mau", "cdcs-nha-may-mau"]
    assert ids(base.ancestors) == ["ldld-tinh-mau", "tong-ldld"]
    assert ids(base.people) == ["le-van-cuong", "nguyen-van-an"]
    assert ids(base.initiatives) == ["may-cat-tu-dong"]
    assert top.initiatives == []
    assert sorted(ids(top.all_initiatives)) == ["may-cat-tu-dong", "so-hoa-ho-so"]
    assert sorted(ids(province.all_initiatives)) == ["may-cat-tu-dong", "so-hoa-ho-so"]
    assert ids(base.all_initiatives) == ["may-cat-tu-dong"]
    assert ids(base.awards) == ["bang-khen-2022"]  # a collective award
    assert top.awards == []
    assert ids(top.all_awards) == ["bang-khen-2022"]  # through sub-units and their people
    assert ids(province.issued_awards) == ["bang-khen-2022"]
    assert ids(province.organised_events) == ["diem-hen-2022"]
    assert base.kind_term is not None and base.kind_term.name == "Công đoàn cơ sở"


def test_award_recipients(site: Site) -> None:
    award = site.awards["bang-khen-2022"]
    assert award.year == 2022
    assert award.form_term is not None and award.form_term.name == "Bằng khen"
    assert award.issuer is not None and award.issuer.id == "ldld-tinh-mau"
    assert award.event is not None and award.event.id == "diem-hen-2022"
    kinds = [(r.kind, r.label, r.kind_label) for r in award.recipients]
    assert kinds == [
        ("person", "Nguyễn Văn An", "Cá nhân"),
        ("unit", "Công đoàn cơ sở Nhà máy Mẫu", "Tập thể"),
        ("group", "Trần Thị Bình, Phạm Văn Dũng", "Nhóm tác giả"),
    ]
    group = award.recipients[2]
    assert [p.link is not None for p in group.people] == [True, False]
    assert group.initiative is not None and group.initiative.id == "so-hoa-ho-so"


def test_event_links(site: Site) -> None:
    event = site.events["diem-hen-2022"]
    assert ids(event.awards) == ["bang-khen-2022"]
    assert event.organiser is not None and event.organiser.id == "ldld-tinh-mau"
    assert event.campaign is not None and event.phase is not None
    speakers = [
        (p.speaker.name if p.speaker else None, p.speaker.link is not None if p.speaker else None)
        for p in event.programme
    ]
    assert speakers == [("Nguyễn Văn An", True), ("Hoàng Thị Em", False)]
    assert event.programme[0].initiative is not None


def test_campaign_phases_figures_and_progress(site: Site) -> None:
    campaign = site.campaigns["chuong-trinh-mau"]
    assert campaign.organiser is not None and campaign.organiser.id == "tong-ldld"
    first, second = campaign.phases
    # The campaign's own figure and the event's (the event reports on phase 1).
    assert [(f.figure.key, f.owner.id) for f in first.figures] == [
        ("so-sang-kien", "chuong-trinh-mau"),
        ("so-sang-kien-tinh", "diem-hen-2022"),
    ]
    assert first.progress is not None and first.progress.figure.key == "so-sang-kien"
    assert first.ratio == pytest.approx(350_000 / 300_000)
    assert second.figures == [] and second.progress is None and second.ratio is None
    assert [f.figure.key for f in campaign.general_figures] == ["so-don-vi"]
    assert ids(campaign.initiatives) == ["may-cat-tu-dong", "so-hoa-ho-so"]
    assert ids(campaign.events) == ["diem-hen-2022"]
    assert ids(campaign.awards) == ["bang-khen-2022"]  # through the event


def test_site_featured_and_headline(site: Site) -> None:
    assert ids(site.featured) == ["may-cat-tu-dong"]
    assert [(f.figure.key, f.owner.id) for f in site.headline] == [
        ("so-sang-kien", "chuong-trinh-mau")
    ]
    assert ids(site.latest_awards) == ["bang-khen-2022"]
    assert site.media == {"media/nguyen-van-an.png"}
    assert [p.slug for p in site.pages] == ["gioi-thieu"]


def test_totals(site: Site) -> None:
    assert site.totals_by_year() == {2022: Totals(2, 1, 212_000_000)}
    assert site.totals_by_field() == {
        "chuyen-doi-so": Totals(1, 0, 50_000_000),
        "san-xuat": Totals(1, 1, 162_000_000),
    }
    assert site.totals_by_unit() == {
        "cdcs-nha-may-mau": Totals(1, 1, 162_000_000),
        "ldld-tinh-mau": Totals(1, 0, 50_000_000),
    }
    assert site.totals_by_unit(include_sub_units=True) == {
        "cdcs-nha-may-mau": Totals(1, 1, 162_000_000),
        "ldld-tinh-mau": Totals(2, 1, 212_000_000),
        "tong-ldld": Totals(2, 1, 212_000_000),
    }


def test_totals_by_year_across_folders(base_content: Path) -> None:
    source = base_content / "initiatives" / "2022" / "so-hoa-ho-so.yml"
    (base_content / "initiatives" / "2021").mkdir()
    source.rename(base_content / "initiatives" / "2021" / "so-hoa-ho-so.yml")
    site = linked(base_content)
    assert site.totals_by_year() == {
        2021: Totals(1, 0, 50_000_000),
        2022: Totals(1, 1, 162_000_000),
    }
    assert ids(site.people["tran-thi-binh"].initiatives) == ["so-hoa-ho-so"]


def test_confidential_fields_are_dropped_from_the_linked_model(base_content: Path) -> None:
    path = base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    path.write_text(
        path.read_text("utf-8") + "confidential: [benefit_vnd, description, recognition]\n", "utf-8"
    )
    person = base_content / "people" / "tran-thi-binh.yml"
    person.write_text(person.read_text("utf-8") + "confidential:\n  - job_title\n", "utf-8")
    site = linked(base_content)
    initiative = site.initiatives["may-cat-tu-dong"]
    assert initiative.model.benefit_vnd is None
    assert initiative.model.description is None
    assert initiative.recognition is None
    assert initiative.benefit == 0
    assert site.totals_by_year()[2022].benefit == 50_000_000
    assert site.people["tran-thi-binh"].model.job_title is None
    assert site.people["tran-thi-binh"].model.name == "Trần Thị Bình"


def test_unpublished_person_is_named_but_not_linked(base_content: Path) -> None:
    path = base_content / "people" / "nguyen-van-an.yml"
    path.write_text(path.read_text("utf-8") + "publish: false\n", "utf-8")
    site = linked(base_content)
    person = site.people["nguyen-van-an"]
    assert isinstance(person, PersonNode) and not person.published
    author = site.initiatives["may-cat-tu-dong"].authors[0]
    assert author.name == "Nguyễn Văn An"
    assert author.person is person
    assert author.link is None
    recipient = site.awards["bang-khen-2022"].recipients[0]
    assert recipient.label == "Nguyễn Văn An"
    assert recipient.people[0].link is None
    speaker = site.events["diem-hen-2022"].programme[0].speaker
    assert speaker is not None and speaker.link is None
    # Back-links still count them.
    assert ids(person.awards) == ["bang-khen-2022"]


def test_nfd_names_resolve_like_nfc(base_content: Path) -> None:
    import unicodedata

    for rel in ("taxonomies.yml", "people/tran-thi-binh.yml", "awards/bang-khen-2022.yml"):
        path = base_content / rel
        path.write_text(unicodedata.normalize("NFD", path.read_text("utf-8")), "utf-8")
    site = linked(base_content)
    assert site.people["tran-thi-binh"].model.name == "Trần Thị Bình"
    assert site.taxonomies.fields["san-xuat"].name == "Sản xuất công nghiệp"
    group = site.awards["bang-khen-2022"].recipients[2]
    assert [p.name for p in group.people] == ["Trần Thị Bình", "Phạm Văn Dũng"]


def test_cycle_is_broken_so_tree_walks_end(base_content: Path) -> None:
    path = base_content / "units" / "tong-ldld.yml"
    path.write_text(path.read_text("utf-8") + "parent: cdcs-nha-may-mau\n", "utf-8")
    site, problems = check_content(base_content, display_root="content", today=TODAY)
    assert site is None
    assert [p.code for p in problems] == ["vong-lap"]


def test_redirects_of_different_kinds_do_not_clash(base_content: Path) -> None:
    path = base_content / "units" / "tong-ldld.yml"
    path.write_text(path.read_text("utf-8") + "redirect_from: [nguyen-van-an, tldld]\n", "utf-8")
    site = linked(base_content)
    assert site.units["tong-ldld"].model.redirect_from == ["nguyen-van-an", "tldld"]


def test_year_folder_and_first_applied(base_content: Path) -> None:
    path = base_content / "initiatives" / "2022" / "may-cat-tu-dong.yml"
    path.write_text(path.read_text("utf-8").replace("2022-03-01", "2021-03-01"), "utf-8")
    linked(base_content)  # one year apart is fine (applied in 2021, filed in 2022)


def test_node_types(site: Site) -> None:
    assert all(isinstance(n, InitiativeNode) for n in site.initiatives.values())
    assert all(isinstance(n, AwardNode) for n in site.awards.values())


@pytest.mark.parametrize("many_tags", [False, True])
def test_related_matches_the_all_pairs_definition(tmp_path: Path, many_tags: bool) -> None:
    """The indexed scoring in link.related() gives exactly what comparing all pairs gives,
    also for initiatives with more tags than the level walk takes (scored, not indexed)."""
    import yaml
    from test_synth import _synth

    content = tmp_path / "content"
    _synth().generate_content(content, records=400, seed=3)
    if many_tags:
        files = sorted((content / "initiatives").rglob("*.yml"))
        every_tag = sorted({t for f in files for t in yaml.safe_load(f.read_text("utf-8"))["tags"]})
        for number, path in enumerate(files[::9]):
            data = yaml.safe_load(path.read_text("utf-8"))
            data["tags"] = every_tag[number % 5 :: 2][:9]
            path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    site, problems = check_content(content)
    assert site is not None, problems
    initiatives = sorted(site.initiatives.values(), key=lambda n: n.id)
    assert len(initiatives) > 100
    for node in initiatives:
        tags = set(node.model.tags)
        scored = []
        for other in initiatives:
            if other is node:
                continue
            points = 3 * len(tags & set(other.model.tags))
            points += 2 if other.model.field == node.model.field else 0
            points += 1 if other.model.unit == node.model.unit else 0
            if points:
                scored.append((-points, other.id))
        expected = [ident for _, ident in sorted(scored)[:5]]
        assert [r.id for r in node.related] == expected, node.id
