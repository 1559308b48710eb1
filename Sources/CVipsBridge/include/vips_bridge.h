#ifndef TEIGEN_VIPS_BRIDGE_H
#define TEIGEN_VIPS_BRIDGE_H

#include <stddef.h>

/// Non-variadic calls into libvips for Swift, which cannot call C functions with `...` (libvips takes
/// its optional arguments as NULL-terminated name/value lists). Images are handed out as an opaque
/// `teigen_vips_image` (a VipsImage underneath), so that Swift never sees libvips's or GLib's headers.
///
/// Every function that makes an image returns NULL on failure; teigen_vips_take_error then gives the
/// message. Every image returned must be released with teigen_vips_release; every buffer and string
/// with teigen_vips_free.
typedef struct teigen_vips_image teigen_vips_image;

/// Starts libvips once per process. `concurrency` is the size of libvips's worker pool per pipeline,
/// `cache_operations` and `cache_bytes` bound its operation cache (0 turns it off). Loaders that
/// libvips marks untrusted (ImageMagick, MATLAB, FITS, ...) are blocked. Returns 0 on success.
int teigen_vips_start(int concurrency, int cache_operations, size_t cache_bytes);

/// The libvips version, as "8.14.1".
const char *teigen_vips_version(void);

/// The error messages libvips collected on this thread and others since the last call, cleared;
/// free with teigen_vips_free. Never NULL.
char *teigen_vips_take_error(void);

/// Frees a buffer or string that this bridge handed out.
void teigen_vips_free(void *pointer);

/// Releases an image.
void teigen_vips_release(teigen_vips_image *image);

/// The loader libvips would pick for these bytes ("VipsForeignLoadJpegBuffer"), or NULL if none.
const char *teigen_vips_loader(const void *bytes, size_t length);

/// Opens an image lazily (the header is read, pixels are decoded when needed). `bytes` must outlive it.
/// `all_pages` loads every page (frame) of a GIF or WebP, stacked vertically.
teigen_vips_image *teigen_vips_open(const void *bytes, size_t length, int all_pages);

/// Shrinks the image in `bytes` to `width` pixels wide (never larger than it is), keeping its aspect ratio,
/// turned upright by its EXIF orientation and moved into sRGB if it carries a colour profile. `all_pages`
/// keeps every frame of an animation. `bytes` must outlive the result.
teigen_vips_image *teigen_vips_thumbnail(const void *bytes, size_t length, int width, int height, int all_pages);

/// The image with its pixels computed into memory, so that several savers read them once.
teigen_vips_image *teigen_vips_materialize(teigen_vips_image *image);

int teigen_vips_width(const teigen_vips_image *image);
int teigen_vips_height(const teigen_vips_image *image);
int teigen_vips_bands(const teigen_vips_image *image);
int teigen_vips_has_alpha(teigen_vips_image *image);
/// The height of one page (frame); the image height when there is one page.
int teigen_vips_page_height(teigen_vips_image *image);
/// The number of pages (frames) in the file the image came from.
int teigen_vips_page_count(teigen_vips_image *image);
/// The EXIF orientation (1 to 8; 1 when there is none).
int teigen_vips_orientation(teigen_vips_image *image);

/// The names of the image's metadata fields, NULL-terminated; free with teigen_vips_free_fields.
char **teigen_vips_fields(teigen_vips_image *image);
void teigen_vips_free_fields(char **fields);

/// The values of the pixel at (x, y), one per band, into `values` (at most `capacity`); the number of
/// bands read, or -1 on failure.
int teigen_vips_pixel(teigen_vips_image *image, int x, int y, double *values, int capacity);

/// The image flattened onto an opaque background colour (alpha removed).
teigen_vips_image *teigen_vips_flatten(teigen_vips_image *image, double red, double green, double blue);

/// Savers: write the image into a new buffer (*bytes, *length; free with teigen_vips_free), with every
/// metadata field stripped (EXIF, XMP, IPTC, ICC). Return 0 on success.
int teigen_vips_save_jpeg(teigen_vips_image *image, int quality, void **bytes, size_t *length);
int teigen_vips_save_png(teigen_vips_image *image, int compression, void **bytes, size_t *length);
/// `preset` is a VipsForeignWebpPreset (0 default, 1 picture, 2 photo, 3 drawing, 4 icon, 5 text).
int teigen_vips_save_webp(teigen_vips_image *image, int quality, int preset, int effort, void **bytes, size_t *length);
int teigen_vips_save_gif(teigen_vips_image *image, void **bytes, size_t *length);

/// A `width` by `height` sRGB image of one colour (components 0 to 255).
teigen_vips_image *teigen_vips_canvas(int width, int height, double red, double green, double blue);

/// The image with a filled rectangle drawn on a copy of it (opaque, if the image has alpha).
teigen_vips_image *teigen_vips_fill(teigen_vips_image *image, double red, double green, double blue,
                                    int left, int top, int width, int height);

/// Text set by Pango (fontconfig picks the font) as an sRGB image with alpha. `markup` is Pango markup,
/// `font` a Pango font description ("Noto Serif CJK JP Bold 56"), sizes in pixels at 72 dpi. Lines wrap
/// at `width` pixels (on word boundaries, and between any two CJK characters as Pango's rules allow).
/// `align`: 0 left, 1 centre, 2 right.
teigen_vips_image *teigen_vips_text(const char *markup, const char *font, int width, int align);

/// `overlay` (with alpha) composited over `base` at (x, y).
teigen_vips_image *teigen_vips_composite(teigen_vips_image *base, teigen_vips_image *overlay, int x, int y);

/// The word boundaries of the UTF-8 `text` by ICU's rules for `locale` (dictionary-based for Japanese and
/// Chinese, which write no spaces): the byte offset of each boundary after the start, ascending, into
/// `offsets` (at most `capacity`). Returns how many were written, or -1 if ICU failed.
int teigen_word_boundaries(const char *text, const char *locale, int *offsets, int capacity);

#endif
