"""Record images: resized, cleaned variants for ``<picture>`` elements.

:func:`process_image` takes one file from ``content/media/`` and returns an
:class:`ImageInfo`: plain data naming each variant's site-relative path, size and
MIME type, plus the intrinsic size for ``width``/``height`` attributes.  Raster
images (JPEG, PNG, WebP, the first frame of a GIF) are

* turned upright from their EXIF orientation, then stripped of every piece of
  metadata (EXIF with GPS position, XMP, IPTC, comments, text chunks, ICC);
* converted from their embedded ICC profile to sRGB (the colour space browsers
  assume for an untagged image), so a phone's Display P3 photo keeps its colours;
* resized to :data:`WIDTHS` (never enlarged: a smaller image gets the widths below
  its own plus its own width) and encoded as WebP and as a fallback in JPEG, or in
  PNG when the image really has transparent pixels.

SVG files are not rasterised: they are checked (size known, no script) and copied
as they are.

Every output name is content-addressed: a hash of the source bytes, the file's
name and every setting that shapes the output (:data:`PIPELINE_VERSION`, widths,
qualities, the Pillow and codec versions).  The files and a small JSON manifest go
to a cache folder given by the caller, so an unchanged image costs one file read
and one hash on the next build; the same input gives the same bytes on every run
(Pillow's encoders are deterministic for fixed parameters; tests check it).

Bad bytes raise :class:`ImageError`, never anything else: the caller (the build
stage that knows which record and field named the file) turns it into a
``Problem`` at that field, e.g.::

    try:
        info = process_image(content / "media" / name, cache)
    except ImageError as exc:
        problems.append(
            Problem(record_path, line, col, exc.code, {"file": name, **exc.params}, field,
                    variant=exc.variant)
        )
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import re
import tempfile
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import PIL
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features

from generator.vietnamese import slugify

__all__ = [
    "WIDTHS",
    "ImageError",
    "ImageInfo",
    "Variant",
    "decode_image",
    "picture_html",
    "process_image",
    "variant_files",
]

#: Bump when a change here changes the bytes written, so caches and names move on.
PIPELINE_VERSION = "1"
#: Target widths in CSS pixels; 1280 covers a 640 px column on a 2× screen.
WIDTHS = (320, 640, 960, 1280)
WEBP_QUALITY = 80
#: libwebp's speed/size trade-off (0 fast … 6 slow); 4 is its default.
WEBP_METHOD = 4
JPEG_QUALITY = 82
#: Larger files are refused before decoding: a record image is a photo, not a poster print.
MAX_BYTES = 40 * 1024 * 1024
#: Refused before decoding (a 12 MP phone photo is 12e6); stops decompression bombs.
MAX_PIXELS = 60_000_000

MIME = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "SVG": "image/svg+xml",
}
_RASTER_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
_EXTENSION = {"image/webp": "webp", "image/jpeg": "jpg", "image/png": "png", "image/svg+xml": "svg"}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# The profile's colour space (ICC header field) → the Pillow mode its pixels must be in.
_ICC_MODES = {"RGB ": "RGB", "GRAY": "L", "CMYK": "CMYK"}


class ImageError(Exception):
    """An image file that cannot be used; the caller reports it as a ``Problem``.

    ``code`` is the error catalogue's code (``anh-khong-doc-duoc`` for bytes that are not
    an image we take, ``anh-qua-lon`` for a file or picture over the limits), ``variant``
    the catalogue message and ``params`` its values; the text is made when it is printed,
    in the reader's language.
    """

    def __init__(self, code: str, variant: str, **params: Any) -> None:
        super().__init__(code, variant)
        self.code = code
        self.variant = variant
        self.params = params

    @property
    def message(self) -> str:
        from generator.i18n import render

        return render(f"{self.code}/{self.variant}", self.params)


@dataclass(frozen=True)
class Variant:
    """One file of an image: ``path`` is site-relative with forward slashes."""

    path: str
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class ImageInfo:
    """What a template needs to show an image: its variants and its intrinsic size.

    ``width``/``height`` are those of the largest variant (after EXIF orientation),
    for the ``width``/``height`` attributes that reserve the space before loading.
    ``variants`` are sorted by MIME type, then width.
    """

    key: str
    width: int
    height: int
    variants: tuple[Variant, ...]

    def of_type(self, mime: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.mime == mime)

    @property
    def fallback_mime(self) -> str:
        """The type every browser shows: JPEG, PNG (transparency) or SVG."""
        types = {v.mime for v in self.variants} - {"image/webp"}
        return types.pop() if types else "image/webp"


# -- public API -------------------------------------------------------------------


def process_image(source: Path, cache_dir: Path, url_prefix: str = "media/anh/") -> ImageInfo:
    """Make (or find in ``cache_dir``) the variants of ``source``; see the module doc.

    ``url_prefix`` is the site-relative folder where the build puts the files;
    :func:`variant_files` says which cache file goes where.
    Raises :class:`ImageError` for a file that is not a usable image (its ``file`` value
    is the file's name; the caller may put the path the editor wrote instead).
    """
    try:
        return _process_image(source, cache_dir, url_prefix)
    except ImageError as exc:
        exc.params.setdefault("file", source.name)
        raise


def _process_image(source: Path, cache_dir: Path, url_prefix: str) -> ImageInfo:
    if url_prefix and not url_prefix.endswith("/"):
        url_prefix += "/"
    # Defence in depth (the loader checks this too): a link could point outside content/.
    if source.is_symlink():
        raise ImageError("anh-khong-doc-duoc", "symlink")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ImageError("anh-khong-doc-duoc", "read", reason=str(exc.strerror or exc)) from exc
    if len(data) > MAX_BYTES:
        raise ImageError("anh-qua-lon", "bytes", size=len(data), limit=MAX_BYTES)
    stem = slugify(source.stem, max_length=40)
    key = _cache_key(data, stem)
    manifest = cache_dir / f"{key}.json"
    cached = _read_manifest(manifest, cache_dir)
    if cached is None:
        files = (
            _svg_files(data, stem, key) if _looks_like_svg(data) else _raster_files(data, stem, key)
        )
        cache_dir.mkdir(parents=True, exist_ok=True)
        for variant, content in files:
            _write_atomic(cache_dir / variant.path, content)
        intrinsic = max(files, key=lambda item: item[0].width)[0]
        cached = ImageInfo(
            key, intrinsic.width, intrinsic.height, tuple(sorted((v for v, _ in files), key=_order))
        )
        # The manifest goes last: one that exists names files that exist.
        _write_atomic(manifest, json.dumps(asdict(cached), sort_keys=True).encode())
    return ImageInfo(
        cached.key,
        cached.width,
        cached.height,
        tuple(Variant(url_prefix + v.path, v.width, v.height, v.mime) for v in cached.variants),
    )


def variant_files(info: ImageInfo, cache_dir: Path) -> Iterator[tuple[str, Path]]:
    """``(site-relative path, cache file)`` for each variant, for the build to copy."""
    for variant in info.variants:
        yield variant.path, cache_dir / PurePosixPath(variant.path).name


def picture_html(
    info: ImageInfo,
    alt: str,
    sizes: str = "100vw",
    css_class: str = "",
    loading: Literal["lazy", "eager"] = "lazy",
    url_prefix: str = "",
) -> str:
    """A ``<picture>`` element: WebP ``srcset`` first, then the JPEG/PNG fallback.

    ``alt`` is plain text (escaped here; ``""`` marks a decorative image);
    ``css_class`` goes on the ``<img>``; ``url_prefix`` is prepended to every site-
    relative path (``../../`` from a page two folders deep).  An SVG gives a bare
    ``<img>``.  One line, no blank line: safe to drop into Markdown.
    """
    if loading not in ("lazy", "eager"):
        raise ValueError(f"loading must be 'lazy' or 'eager', not {loading!r}")
    fallback = info.of_type(info.fallback_mime)
    src = _middle(fallback)
    img = [
        f'<img src="{_attr(url_prefix + src.path)}"',
        f' alt="{_attr(alt)}"',
        f' width="{info.width}" height="{info.height}"',
        f' loading="{loading}" decoding="async"',
    ]
    if css_class:
        img.append(f' class="{_attr(css_class)}"')
    if info.fallback_mime == "image/svg+xml":
        return "".join(img) + ">"
    img[1:1] = [
        f' srcset="{_srcset(fallback, url_prefix)}"',
        f' sizes="{_attr(sizes)}"',
    ]
    webp = info.of_type("image/webp")
    source = (
        f'<source type="image/webp" srcset="{_srcset(webp, url_prefix)}" sizes="{_attr(sizes)}">'
    )
    return f"<picture>{source}{''.join(img)}></picture>"


# -- raster images ----------------------------------------------------------------


def _raster_files(data: bytes, stem: str, key: str) -> list[tuple[Variant, bytes]]:
    image = _decode(data)
    width = image.width
    widths = sorted({w for w in WIDTHS if w < width} | {min(width, WIDTHS[-1])})
    has_alpha = image.mode == "RGBA"
    fallback = "image/png" if has_alpha else "image/jpeg"
    files: list[tuple[Variant, bytes]] = []
    scaled = image
    # Largest first, each from the one before: a Lanczos step per halving or so costs a
    # fraction of shrinking the full picture four times, and looks the same.
    for target in sorted(widths, reverse=True):
        # Heights from the original's proportions, so rounding does not add up.
        scaled = _resize(scaled, target, max(1, round(image.height * target / width)))
        for mime in ("image/webp", fallback):
            name = f"{stem}-{key[:16]}-{target}.{_EXTENSION[mime]}"
            files.append((Variant(name, scaled.width, scaled.height, mime), _encode(scaled, mime)))
    return files


def decode_image(data: bytes) -> Image.Image:
    """Bytes → an upright RGB or RGBA image in sRGB with no metadata, or ImageError.

    Full size (no JPEG draft scaling); for callers that draw with the picture, such as
    the share cards' portraits.
    """
    return _decode(data, full_size=True)


def _decode(data: bytes, full_size: bool = False) -> Image.Image:
    """Bytes → an upright RGB or RGBA image in sRGB with no metadata, or ImageError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=_RASTER_FORMATS) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    raise ImageError(
                        "anh-qua-lon",
                        "pixels",
                        width=opened.width,
                        height=opened.height,
                        limit=MAX_PIXELS,
                    )
                opened.seek(0)  # GIF/WebP animation: the first frame
                if not full_size:
                    _draft(opened)
                opened.load()
                icc = opened.info.get("icc_profile")
                return _to_srgb(_upright(opened), icc if isinstance(icc, bytes) else None)
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError("anh-qua-lon", "bomb", limit=MAX_PIXELS) from exc
    except UnidentifiedImageError as exc:
        raise ImageError("anh-khong-doc-duoc", "not-image") from exc
    except Exception as exc:
        # A damaged file can fail deep inside a decoder with almost any exception
        # (OSError, SyntaxError, struct.error, EOFError, ValueError…); an editor
        # needs "this file is broken", not a traceback.
        raise ImageError("anh-khong-doc-duoc", "damaged", error=type(exc).__name__) from exc


def _draft(image: Image.Image) -> None:
    """Let the JPEG decoder scale down by 1/2, 1/4 or 1/8 while keeping ≥ WIDTHS[-1].

    Decoding a 12 MP photo at full size is most of the work; libjpeg's DCT scaling
    gives a picture still larger than the largest variant, which Lanczos then shrinks.
    The request is in stored orientation, so a photo lying on its side (EXIF
    orientation 5–8) asks for its height.
    """
    if image.format != "JPEG":
        return
    try:
        turned = image.getexif().get(0x0112) in (5, 6, 7, 8)
    except Exception:
        turned = False
    width, height = image.size
    shown = height if turned else width
    if shown <= WIDTHS[-1]:
        return
    scale = WIDTHS[-1] / shown
    image.draft(None, (math.ceil(width * scale), math.ceil(height * scale)))


def _upright(image: Image.Image) -> Image.Image:
    """The image turned by its EXIF orientation; as it is when the EXIF is unreadable.

    Some editing tools write broken EXIF around perfectly good pixels; refusing those
    would be worse than showing a photo that may lie on its side.
    """
    try:
        return ImageOps.exif_transpose(image)
    except Exception:
        return image


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Colour pixels into sRGB; alpha kept only when some pixel is not opaque."""
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        # 16-bit grey (scans); converting straight to RGB would clip at 255.
        image = image.convert("I").point(lambda v: v / 256, "L")
    alpha = _alpha(image)
    colour: Image.Image | None = None
    if icc:
        colour = _apply_icc(image, icc)
    if colour is None:
        colour = image.convert("RGB")
    if alpha is not None:
        colour.putalpha(alpha)
    colour.info = {}
    return colour


def _alpha(image: Image.Image) -> Image.Image | None:
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        alpha = image.convert("RGBA").getchannel("A")
        low, _ = alpha.getextrema()
        if isinstance(low, int) and low < 255:
            return alpha
    return None


def _apply_icc(image: Image.Image, icc: bytes) -> Image.Image | None:
    """The image converted by its ICC profile, or None when the profile is unusable.

    A broken or mismatched profile (a grey profile on colour pixels) is ignored and
    the pixels are taken as sRGB, which is what a browser would do with them.
    """
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = _ICC_MODES.get(profile.profile.xcolor_space)
        if mode is None:
            return None
        grey = image.mode in ("1", "L", "LA")
        if (mode == "CMYK") != (image.mode == "CMYK") or (mode == "L") != grey:
            return None
        if image.mode != mode:
            image = image.convert(mode)
        converted = ImageCms.profileToProfile(
            image,
            profile,
            _SRGB,
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None
    return converted


def _resize(image: Image.Image, width: int, height: int) -> Image.Image:
    if (width, height) == image.size:
        return image
    # reducing_gap: shrink by whole factors first, then Lanczos; several times faster on
    # camera photos and indistinguishable from a full Lanczos at these ratios.
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _encode(image: Image.Image, mime: str) -> bytes:
    clean = image.copy()
    clean.info = {}  # PNG would otherwise write back an ICC profile or text chunks
    buffer = io.BytesIO()
    if mime == "image/webp":
        clean.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    elif mime == "image/jpeg":
        clean.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    else:
        # zlib level 6: level 9 (optimize=True) is ten times slower on photo-like
        # pixels for 7 % less, and this file only serves browsers without WebP.
        clean.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


# -- SVG --------------------------------------------------------------------------

_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


def _looks_like_svg(data: bytes) -> bool:
    # No raster format starts with "<"; an XML file that is not an SVG is refused later.
    head = data[:4096].lstrip()
    return head.startswith(b"<") and b"<svg" in head


def _svg_files(data: bytes, stem: str, key: str) -> list[tuple[Variant, bytes]]:
    """An SVG is copied as it is, once it is known to be inert and to have a size."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ImageError("anh-khong-doc-duoc", "svg-doctype")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ImageError("anh-khong-doc-duoc", "svg-xml", detail=str(exc)) from exc
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag in ("script", "foreignobject") or any(
            name.rsplit("}", 1)[-1].lower().startswith("on") for name in element.attrib
        ):
            raise ImageError("anh-khong-doc-duoc", "svg-script")
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] == "href" and value.strip().lower().startswith(
                "javascript:"
            ):
                raise ImageError("anh-khong-doc-duoc", "svg-javascript")
    width, height = _svg_size(root)
    name = f"{stem}-{key[:16]}.svg"
    return [(Variant(name, width, height, MIME["SVG"]), data)]


def _svg_size(root: ET.Element) -> tuple[int, int]:
    width = _LENGTH.match(root.get("width", ""))
    height = _LENGTH.match(root.get("height", ""))
    if width and height:
        return max(1, round(float(width[1]))), max(1, round(float(height[1])))
    box = re.split(r"[\s,]+", root.get("viewBox", "").strip())
    try:
        box_width, box_height = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        box_width = box_height = 0.0
    if box_width > 0 and box_height > 0:
        return max(1, round(box_width)), max(1, round(box_height))
    raise ImageError("anh-khong-doc-duoc", "svg-size")


# -- cache ------------------------------------------------------------------------


def _cache_key(data: bytes, stem: str) -> str:
    settings = {
        "pipeline": PIPELINE_VERSION,
        "widths": WIDTHS,
        "webp": [WEBP_QUALITY, WEBP_METHOD],
        "jpeg": JPEG_QUALITY,
        "stem": stem,
        "pillow": PIL.__version__,
        "codecs": [features.version("webp"), features.version("jpg"), features.version("zlib")],
        "lcms": features.version("littlecms2"),
    }
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def _read_manifest(manifest: Path, cache_dir: Path) -> ImageInfo | None:
    """The cached description, or None when absent, unreadable or missing a file."""
    try:
        raw = json.loads(manifest.read_bytes())
        variants = tuple(Variant(**v) for v in raw["variants"])
        info = ImageInfo(raw["key"], raw["width"], raw["height"], variants)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not all((cache_dir / v.path).is_file() for v in variants):
        return None
    return info


def _write_atomic(target: Path, content: bytes) -> None:
    # Two builds sharing a cache may write the same file; each writes its own temporary
    # file and renames it, so a reader never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# -- HTML helpers -----------------------------------------------------------------


def _order(variant: Variant) -> tuple[str, int]:
    return variant.mime, variant.width


def _middle(variants: Sequence[Variant]) -> Variant:
    """The ``src`` for browsers without ``srcset``: the largest at most 640 px wide."""
    fitting = [v for v in variants if v.width <= 640]
    return fitting[-1] if fitting else variants[0]


def _srcset(variants: Sequence[Variant], url_prefix: str) -> str:
    return _attr(", ".join(f"{_url(url_prefix + v.path)} {v.width}w" for v in variants))


def _url(path: str) -> str:
    # Names are slugs and hashes, so only a prefix could hold a space or comma, which
    # would split a srcset candidate.
    return path.replace(" ", "%20").replace(",", "%2C")


def _attr(text: str) -> str:
    return escape(text, quote=True)
