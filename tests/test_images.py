"""Record images (generator/images.py): variants, cleaning, colour, cache, bad bytes, HTML."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms, PngImagePlugin

from generator import images
from generator.i18n import render
from generator.images import ImageError, ImageInfo, picture_html, process_image, variant_files

PREFIX = "media/anh/"

# -- fixtures: images made here ---------------------------------------------------------------


def photo(width: int, height: int) -> Image.Image:
    """A photo-like RGB picture: gradients plus noise (flat colour would hide resampling)."""
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 30)
    return Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.ROTATE_180)))


def save(image: Image.Image, path: Path, fmt: str, **params: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, **params)
    return path


def s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def icc_profile(primaries: tuple[tuple[float, float, float], ...] | None) -> bytes:
    """A minimal ICC v2 matrix/TRC profile: RGB (gamma 2.2) with the given (D50) red,
    green, blue XYZ, or linear grey (gamma 1.0) when ``primaries`` is None.

    Made here so that the test needs no profile file: with sRGB's red and green
    primaries swapped, a pure red pixel *means* sRGB green.
    """

    def xyz(v: tuple[float, float, float]) -> bytes:
        return b"XYZ \0\0\0\0" + b"".join(s15(c) for c in v)

    text = b"test profile\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + bytes(4 + 4 + 2 + 1 + 67)
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"  # gamma 2.2
    tags = [(b"desc", desc), (b"wtpt", xyz((0.9642, 1.0, 0.8249)))]
    if primaries is None:
        tags.append((b"kTRC", curve[:12] + struct.pack(">H", 0x0100) + b"\0\0"))
    else:
        tags += [(b"rXYZ", xyz(primaries[0])), (b"gXYZ", xyz(primaries[1]))]
        tags += [(b"bXYZ", xyz(primaries[2])), (b"rTRC", curve), (b"gTRC", curve)]
        tags.append((b"bTRC", curve))
    tags.append((b"cprt", b"text\0\0\0\0public domain\0"))
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        padded = data + bytes(-len(data) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += padded
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + bytes(4)
        + struct.pack(">I", 0x02100000)
        + b"mntr"
        + (b"GRAY" if primaries is None else b"RGB ")
        + b"XYZ "
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + bytes(24)
        + struct.pack(">I", 0)
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + bytes(48)
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


SRGB_RED = (0.4361, 0.2225, 0.0139)
SRGB_GREEN = (0.3851, 0.7169, 0.0971)
SRGB_BLUE = (0.1431, 0.0606, 0.7141)


def opened(cache: Path, info: ImageInfo, mime: str) -> list[Image.Image]:
    files = dict(variant_files(info, cache))
    return [Image.open(files[v.path]) for v in info.of_type(mime)]


# -- variants -----------------------------------------------------------------------------------


def test_large_photo_gets_every_width_in_webp_and_jpeg(tmp_path: Path) -> None:
    source = save(photo(3000, 2000), tmp_path / "media" / "Ảnh hội nghị.jpg", "JPEG", quality=90)
    cache = tmp_path / "cache"
    info = process_image(source, cache, PREFIX)

    assert (info.width, info.height) == (1280, 853)
    assert info.fallback_mime == "image/jpeg"
    for mime, fmt in (("image/webp", "WEBP"), ("image/jpeg", "JPEG")):
        variants = info.of_type(mime)
        assert [v.width for v in variants] == [320, 640, 960, 1280]
        assert [v.height for v in variants] == [213, 427, 640, 853]
        for variant, image in zip(variants, opened(cache, info, mime), strict=True):
            assert variant.path.startswith(PREFIX + "anh-hoi-nghi-")
            assert image.format == fmt
            assert image.size == (variant.width, variant.height)


@pytest.mark.parametrize(
    ("size", "widths"),
    [((500, 300), [320, 500]), ((100, 80), [100]), ((1280, 720), [320, 640, 960, 1280])],
)
def test_never_upscaled(tmp_path: Path, size: tuple[int, int], widths: list[int]) -> None:
    source = save(photo(*size), tmp_path / "p.png", "PNG")
    info = process_image(source, tmp_path / "cache", PREFIX)
    assert [v.width for v in info.of_type("image/webp")] == widths
    assert [v.width for v in info.of_type("image/jpeg")] == widths
    assert info.width == widths[-1]


def test_exif_orientation_applied(tmp_path: Path) -> None:
    # Stored 400×200, left half red; orientation 6 means "turn 90° clockwise to show",
    # which brings the left half to the top.
    image = Image.new("RGB", (400, 200), "blue")
    image.paste((255, 0, 0), (0, 0, 200, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    source = save(image, tmp_path / "turned.jpg", "JPEG", exif=exif, quality=95)
    cache = tmp_path / "cache"
    info = process_image(source, cache, PREFIX)
    assert (info.width, info.height) == (200, 400)
    for picture in opened(cache, info, "image/jpeg") + opened(cache, info, "image/webp"):
        rgb = picture.convert("RGB")
        top, bottom = rgb.getpixel((100, 50)), rgb.getpixel((100, 350))
        assert isinstance(top, tuple) and isinstance(bottom, tuple)
        assert top[0] > 200 and top[2] < 60, top
        assert bottom[2] > 200 and bottom[0] < 60, bottom


def test_large_turned_jpeg_keeps_full_width(tmp_path: Path) -> None:
    # The JPEG draft must ask for the *shown* width: 2000 stored height → 1280 shown width.
    exif = Image.Exif()
    exif[0x0112] = 8
    source = save(photo(3000, 2000), tmp_path / "turned.jpg", "JPEG", exif=exif)
    info = process_image(source, tmp_path / "cache", PREFIX)
    assert (info.width, info.height) == (1280, 1920)


def test_every_piece_of_metadata_is_stripped(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {1: "N", 2: (19.0, 48.0, 25.0), 3: "E", 4: (105.0, 46.0, 40.0)}
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">secret-xmp</x:xmpmeta>'
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    jpeg = save(
        photo(700, 500),
        tmp_path / "gps.jpg",
        "JPEG",
        exif=exif,
        xmp=xmp,
        comment="secret comment",
        icc_profile=srgb,
    )
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "secret author")
    text.add_itxt("Comment", "secret itxt", zip=False)
    png = save(photo(700, 500), tmp_path / "text.png", "PNG", pnginfo=text, exif=exif)
    for source in (jpeg, png):
        assert b"secret" in source.read_bytes()
        cache = tmp_path / f"cache-{source.suffix}"
        info = process_image(source, cache, PREFIX)
        for path, file in variant_files(info, cache):
            data = file.read_bytes()
            assert b"secret" not in data, path
            assert b"SecretCam" not in data, path
            assert b"Exif\0\0" not in data and b"EXIF" not in data, path
            assert b"ICC_PROFILE" not in data and b"ICCP" not in data, path
            with Image.open(file) as image:
                assert not image.getexif(), path
                assert not image.getexif().get_ifd(0x8825), path
                assert "icc_profile" not in image.info, path
                assert "xmp" not in image.info and "comment" not in image.info, path


def test_icc_profile_converted_to_srgb(tmp_path: Path) -> None:
    swapped = icc_profile((SRGB_GREEN, SRGB_RED, SRGB_BLUE))
    red = Image.new("RGB", (64, 64), (255, 0, 0))
    tagged = save(red, tmp_path / "tagged.png", "PNG", icc_profile=swapped)
    untagged = save(red, tmp_path / "untagged.png", "PNG")
    colours = {}
    for source in (tagged, untagged):
        cache = tmp_path / source.stem
        info = process_image(source, cache, PREFIX)
        [picture] = opened(cache, info, "image/jpeg")
        colours[source.stem] = picture.convert("RGB").getpixel((32, 32))
    r, g, b = colours["tagged"]  # type: ignore[misc]
    assert g > 200 and r < 60 and b < 60, colours  # red in that space is sRGB green
    r, g, b = colours["untagged"]  # type: ignore[misc]
    assert r > 200 and g < 60 and b < 60, colours


def test_grey_icc_profile(tmp_path: Path) -> None:
    grey = icc_profile(None)
    sources = [
        save(Image.new("L", (40, 40), 128), tmp_path / "grey.jpg", "JPEG", icc_profile=grey),
        save(Image.new("LA", (40, 40), (128, 100)), tmp_path / "grey.png", "PNG", icc_profile=grey),
        # A grey profile on colour pixels does not fit them: ignored.
        save(
            Image.new("RGB", (40, 40), (200, 0, 0)), tmp_path / "odd.png", "PNG", icc_profile=grey
        ),
    ]
    # Linear 50 % grey is sRGB 188 (not 128: the profile is what gives the value meaning).
    expected = [(188, 188, 188, 255), (188, 188, 188, 100), (200, 0, 0, 255)]
    for source, (r, g, b, a) in zip(sources, expected, strict=True):
        cache = tmp_path / f"cache-{source.name}"
        info = process_image(source, cache, PREFIX)
        [picture] = opened(cache, info, info.fallback_mime)[:1]
        pr, pg, pb, pa = picture.convert("RGBA").getpixel((20, 20))  # type: ignore[misc]
        assert max(abs(pr - r), abs(pg - g), abs(pb - b)) <= 3 and pa == a, source.name


def test_broken_icc_profile_is_ignored(tmp_path: Path) -> None:
    source = save(Image.new("RGB", (50, 50), (10, 200, 30)), tmp_path / "x.png", "PNG")
    # Pillow checks nothing when writing the profile: any bytes go in.
    broken = save(Image.open(source), tmp_path / "broken.png", "PNG", icc_profile=b"not a profile")
    info = process_image(broken, tmp_path / "cache", PREFIX)
    [picture] = opened(tmp_path / "cache", info, "image/jpeg")
    r, g, b = picture.convert("RGB").getpixel((25, 25))  # type: ignore[misc]
    assert abs(g - 200) < 10 and r < 30 and b < 50


def test_transparency_keeps_a_png_fallback(tmp_path: Path) -> None:
    image = Image.new("RGBA", (400, 300), (200, 30, 30, 255))
    image.paste((0, 0, 0, 0), (0, 0, 100, 300))
    cache = tmp_path / "cache"
    info = process_image(save(image, tmp_path / "logo.png", "PNG"), cache, PREFIX)
    assert info.fallback_mime == "image/png"
    assert {v.mime for v in info.variants} == {"image/webp", "image/png"}
    for picture in opened(cache, info, "image/png") + opened(cache, info, "image/webp"):
        rgba = picture.convert("RGBA")
        assert rgba.getpixel((10, 10))[3] == 0  # type: ignore[index]
        assert rgba.getpixel((picture.width - 10, 10))[3] == 255  # type: ignore[index]


def test_opaque_alpha_channel_gets_jpeg(tmp_path: Path) -> None:
    image = photo(400, 300).convert("RGBA")
    info = process_image(save(image, tmp_path / "opaque.png", "PNG"), tmp_path / "c", PREFIX)
    assert info.fallback_mime == "image/jpeg"


def test_gif_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (200, 100), colour) for colour in ("green", "red", "blue")]
    source = tmp_path / "anim.gif"
    frames[0].save(source, "GIF", save_all=True, append_images=frames[1:], duration=100)
    cache = tmp_path / "cache"
    info = process_image(source, cache, PREFIX)
    [picture] = opened(cache, info, "image/jpeg")
    r, g, b = picture.convert("RGB").getpixel((100, 50))  # type: ignore[misc]
    assert g > 100 and r < 40 and b < 40


def test_sixteen_bit_grey_is_not_clipped(tmp_path: Path) -> None:
    grey = Image.new("I;16", (64, 64), 32768)  # mid grey
    cache = tmp_path / "cache"
    info = process_image(save(grey, tmp_path / "scan.png", "PNG"), cache, PREFIX)
    [picture] = opened(cache, info, "image/jpeg")
    r, g, b = picture.convert("RGB").getpixel((32, 32))  # type: ignore[misc]
    assert 118 <= r <= 138 and r == g == b


def test_cmyk_jpeg(tmp_path: Path) -> None:
    cmyk = Image.new("CMYK", (120, 80), (0, 255, 255, 0))  # red ink
    cache = tmp_path / "cache"
    info = process_image(save(cmyk, tmp_path / "print.jpg", "JPEG"), cache, PREFIX)
    [picture] = opened(cache, info, "image/jpeg")
    assert picture.mode == "RGB"
    r, g, b = picture.getpixel((60, 40))  # type: ignore[misc]
    assert r > 200 and g < 60 and b < 60


# -- determinism and cache ----------------------------------------------------------------------


def test_same_input_same_bytes(tmp_path: Path) -> None:
    transparent = photo(900, 600).convert("RGBA")
    transparent.putalpha(Image.linear_gradient("L").resize((900, 600)))
    sources = [
        save(photo(1500, 1000), tmp_path / "a.jpg", "JPEG"),
        save(transparent, tmp_path / "b.png", "PNG"),
    ]
    for source in sources:
        first = process_image(source, tmp_path / "one", PREFIX)
        second = process_image(source, tmp_path / "two", PREFIX)
        assert first == second
        for (path, a), (_, b) in zip(
            variant_files(first, tmp_path / "one"),
            variant_files(second, tmp_path / "two"),
            strict=True,
        ):
            assert a.read_bytes() == b.read_bytes(), path


def test_cache_skips_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = save(photo(800, 600), tmp_path / "p.jpg", "JPEG")
    cache = tmp_path / "cache"
    first = process_image(source, cache, PREFIX)

    def no_decoding(*args: object, **kwargs: object) -> None:
        raise AssertionError("decoded again although cached")

    monkeypatch.setattr(images, "_decode", no_decoding)
    assert process_image(source, cache, PREFIX) == first
    # Another URL prefix reuses the same files.
    assert process_image(source, cache, "anh").variants[0].path.startswith("anh/p-")
    # A changed file is processed again (and fails here, proving it was not served stale).
    save(photo(800, 601), source, "JPEG")
    with pytest.raises(AssertionError, match="decoded again"):
        process_image(source, cache, PREFIX)


def test_cache_repairs_itself(tmp_path: Path) -> None:
    source = save(photo(800, 600), tmp_path / "p.jpg", "JPEG")
    cache = tmp_path / "cache"
    first = process_image(source, cache, PREFIX)
    manifest = cache / f"{first.key}.json"
    manifest.write_text("{ not json")
    assert process_image(source, cache, PREFIX) == first
    victim = next(iter(variant_files(first, cache)))[1]
    victim.unlink()
    assert process_image(source, cache, PREFIX) == first
    assert victim.is_file()


def test_names_depend_on_content_and_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = save(photo(800, 600), tmp_path / "p.jpg", "JPEG")
    first = process_image(source, tmp_path / "cache", PREFIX)
    monkeypatch.setattr(images, "JPEG_QUALITY", 60)
    second = process_image(source, tmp_path / "cache", PREFIX)
    assert first.key != second.key
    assert not {v.path for v in first.variants} & {v.path for v in second.variants}


# -- bad files ----------------------------------------------------------------------------------


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge size (a decompression bomb's calling card)."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    photo(120, 90).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "code", "variant"),
    [
        (b"", "anh-khong-doc-duoc", "not-image"),
        (b"hello, world\n", "anh-khong-doc-duoc", "not-image"),
        (jpeg_bytes()[:300], "anh-khong-doc-duoc", "damaged"),
        (b"BM" + bytes(100), "anh-khong-doc-duoc", "not-image"),
        (png_claiming(100_000, 100_000), "anh-qua-lon", "bomb"),
        (png_claiming(9000, 9000), "anh-qua-lon", "pixels"),
        (b"<svg><script>alert(1)</script></svg>", "anh-khong-doc-duoc", "svg-script"),
        (b'<svg viewBox="0 0 10 10" onload="alert(1)"/>', "anh-khong-doc-duoc", "svg-script"),
        (b"<svg>", "anh-khong-doc-duoc", "svg-xml"),
        (b"<svg/>", "anh-khong-doc-duoc", "svg-size"),
        (
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>',
            "anh-khong-doc-duoc",
            "svg-doctype",
        ),
    ],
)
def test_bad_files_raise_image_error(tmp_path: Path, data: bytes, code: str, variant: str) -> None:
    source = tmp_path / "bad.jpg"
    source.write_bytes(data)
    with pytest.raises(ImageError) as caught:
        process_image(source, tmp_path / "cache", PREFIX)
    assert (caught.value.code, caught.value.variant) == (code, variant)
    for lang in ("vi", "en"):
        text = render(f"{code}/{variant}", caught.value.params, lang)
        assert text.startswith("bad.jpg: ") and "\n" not in text


def test_missing_file_link_and_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for missing in (tmp_path / "absent.jpg", tmp_path):  # a file that is not there, a folder
        with pytest.raises(ImageError) as caught:
            process_image(missing, tmp_path / "cache", PREFIX)
        assert caught.value.variant == "read" and caught.value.params["reason"]
    target = save(photo(50, 50), tmp_path / "real.jpg", "JPEG")
    (tmp_path / "link.jpg").symlink_to(target)
    with pytest.raises(ImageError) as caught:
        process_image(tmp_path / "link.jpg", tmp_path / "cache", PREFIX)
    assert caught.value.variant == "symlink"
    source = tmp_path / "big.jpg"
    source.write_bytes(jpeg_bytes())
    monkeypatch.setattr(images, "MAX_BYTES", 100)
    with pytest.raises(ImageError) as caught:
        process_image(source, tmp_path / "cache", PREFIX)
    assert (caught.value.code, caught.value.variant) == ("anh-qua-lon", "bytes")
    assert caught.value.params["size"] > 100


def samples() -> list[bytes]:
    out = []
    for fmt in ("JPEG", "PNG", "WEBP", "GIF"):
        buffer = io.BytesIO()
        photo(48, 32).save(buffer, fmt)
        out.append(buffer.getvalue())
    return out


SAMPLES = samples()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sample=st.sampled_from(SAMPLES),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
    cut=st.integers(0, 10_000),
)
def test_damaged_bytes_never_crash(
    tmp_path: Path, sample: bytes, edits: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(sample)
    for position, value in edits:
        data[position % len(data)] = value
    source = tmp_path / "fuzz.img"
    source.write_bytes(bytes(data[: max(cut, 8)]))
    try:
        info = process_image(source, tmp_path / "cache", PREFIX)
    except ImageError as exc:
        assert exc.message
    else:
        assert info.variants and info.width > 0


# -- SVG ----------------------------------------------------------------------------------------


def test_svg_copied_as_is(tmp_path: Path, repo_root: Path) -> None:
    source = repo_root / "content" / "media" / "logo.svg"
    cache = tmp_path / "cache"
    info = process_image(source, cache, PREFIX)
    assert (info.width, info.height) == (64, 64)
    [(path, file)] = variant_files(info, cache)
    assert path.endswith(".svg") and file.read_bytes() == source.read_bytes()
    html = picture_html(info, "Biểu trưng")
    assert html.startswith("<img ") and "<picture>" not in html and 'width="64"' in html


def test_svg_size_from_viewbox(tmp_path: Path) -> None:
    source = tmp_path / "chart.svg"
    source.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640.4 320"/>')
    info = process_image(source, tmp_path / "cache", PREFIX)
    assert (info.width, info.height) == (640, 320)


# -- HTML ---------------------------------------------------------------------------------------


def test_picture_html(tmp_path: Path) -> None:
    source = save(photo(2000, 1000), tmp_path / "p.jpg", "JPEG")
    info = process_image(source, tmp_path / "cache", PREFIX)
    alt = 'Ông "Hùng" <b>nhận</b> bằng khen & hoa'
    html = picture_html(
        info, alt, "(max-width: 600px) 100vw, 640px", "anh-ho-so", "eager", "../../"
    )
    assert "\n" not in html
    soup = BeautifulSoup(html, "html.parser")
    picture = soup.find("picture")
    assert picture is not None and len(list(picture.children)) == 2
    source_tag, img = soup.find("source"), soup.find("img")
    assert source_tag is not None and img is not None
    assert img["alt"] == alt  # escaped in HTML, the same text once parsed
    assert "<b>" not in html
    assert img["width"] == "1280" and img["height"] == "640"
    assert img["loading"] == "eager" and img["class"] == ["anh-ho-so"]
    assert img["src"] == "../../" + info.of_type("image/jpeg")[1].path  # the 640 one
    assert source_tag["type"] == "image/webp"
    for tag, mime in ((source_tag, "image/webp"), (img, "image/jpeg")):
        assert tag["sizes"] == "(max-width: 600px) 100vw, 640px"
        expected = [f"../../{v.path} {v.width}w" for v in info.of_type(mime)]
        assert str(tag["srcset"]).split(", ") == expected


def test_picture_html_defaults_and_checks(tmp_path: Path) -> None:
    info = process_image(save(photo(300, 200), tmp_path / "p.jpg", "JPEG"), tmp_path / "c", PREFIX)
    img = BeautifulSoup(picture_html(info, ""), "html.parser").find("img")
    assert img is not None
    assert img["alt"] == "" and img["loading"] == "lazy" and "class" not in img.attrs
    with pytest.raises(ValueError):
        picture_html(info, "x", loading="soon")  # type: ignore[arg-type]
