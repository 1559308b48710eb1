#include "vips_bridge.h"

#include <vips/vips.h>
#include <webp/mux.h>

/* libvips is opened when the first image is touched (teigen_vips_start), not linked: linked, it and the
 * hundred libraries it needs (Pango, Cairo, librsvg, HDF5, curl, ...) are loaded and initialised by every
 * teigen command at start-up, about 20 ms, four times the rest of the start-up of `teigen markdown` or
 * `teigen --version`. Each libvips function this file calls is reached through a pointer of its own type
 * (typeof of the header's declaration), which the macros below put in place of its name, so the code
 * reads as plain libvips calls. GLib, libwebpmux and ICU are small and stay linked. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#define TEIGEN_VIPS_LIBRARY "libvips.so.42"

#define TEIGEN_VIPS_FUNCTIONS(X) \
    X(vips_area_unref) \
    X(vips_array_double_newv) \
    X(vips_black) \
    X(vips_block_untrusted_set) \
    X(vips_cache_set_max) \
    X(vips_cache_set_max_files) \
    X(vips_cache_set_max_mem) \
    X(vips_composite2) \
    X(vips_concurrency_set) \
    X(vips_copy) \
    X(vips_draw_rect) \
    X(vips_error) \
    X(vips_error_buffer_copy) \
    X(vips_error_clear) \
    X(vips_flatten) \
    X(vips_foreign_find_load_buffer) \
    X(vips_getpoint) \
    X(vips_gifsave_buffer) \
    X(vips_image_copy_memory) \
    X(vips_image_get_bands) \
    X(vips_image_get_fields) \
    X(vips_image_get_height) \
    X(vips_image_get_int) \
    X(vips_image_get_n_pages) \
    X(vips_image_get_page_height) \
    X(vips_image_get_typeof) \
    X(vips_image_get_width) \
    X(vips_image_hasalpha) \
    X(vips_image_new_from_buffer) \
    X(vips_image_remove) \
    X(vips_init) \
    X(vips_jpegsave_buffer) \
    X(vips_linear) \
    X(vips_pngsave_buffer) \
    X(vips_text) \
    X(vips_thumbnail_buffer) \
    X(vips_version) \
    X(vips_version_string) \
    X(vips_webpsave_buffer)

#define TEIGEN_VIPS_POINTER(name) static __typeof__(name) *teigen_p_##name;
TEIGEN_VIPS_FUNCTIONS(TEIGEN_VIPS_POINTER)

#define vips_area_unref (*teigen_p_vips_area_unref)
#define vips_array_double_newv (*teigen_p_vips_array_double_newv)
#define vips_black (*teigen_p_vips_black)
#define vips_block_untrusted_set (*teigen_p_vips_block_untrusted_set)
#define vips_cache_set_max (*teigen_p_vips_cache_set_max)
#define vips_cache_set_max_files (*teigen_p_vips_cache_set_max_files)
#define vips_cache_set_max_mem (*teigen_p_vips_cache_set_max_mem)
#define vips_composite2 (*teigen_p_vips_composite2)
#define vips_concurrency_set (*teigen_p_vips_concurrency_set)
#define vips_copy (*teigen_p_vips_copy)
#define vips_draw_rect (*teigen_p_vips_draw_rect)
#define vips_error (*teigen_p_vips_error)
#define vips_error_buffer_copy (*teigen_p_vips_error_buffer_copy)
#define vips_error_clear (*teigen_p_vips_error_clear)
#define vips_flatten (*teigen_p_vips_flatten)
#define vips_foreign_find_load_buffer (*teigen_p_vips_foreign_find_load_buffer)
#define vips_getpoint (*teigen_p_vips_getpoint)
#define vips_gifsave_buffer (*teigen_p_vips_gifsave_buffer)
#define vips_image_copy_memory (*teigen_p_vips_image_copy_memory)
#define vips_image_get_bands (*teigen_p_vips_image_get_bands)
#define vips_image_get_fields (*teigen_p_vips_image_get_fields)
#define vips_image_get_height (*teigen_p_vips_image_get_height)
#define vips_image_get_int (*teigen_p_vips_image_get_int)
#define vips_image_get_n_pages (*teigen_p_vips_image_get_n_pages)
#define vips_image_get_page_height (*teigen_p_vips_image_get_page_height)
#define vips_image_get_typeof (*teigen_p_vips_image_get_typeof)
#define vips_image_get_width (*teigen_p_vips_image_get_width)
#define vips_image_hasalpha (*teigen_p_vips_image_hasalpha)
#define vips_image_new_from_buffer (*teigen_p_vips_image_new_from_buffer)
#define vips_image_remove (*teigen_p_vips_image_remove)
#define vips_init (*teigen_p_vips_init)
#define vips_jpegsave_buffer (*teigen_p_vips_jpegsave_buffer)
#define vips_linear (*teigen_p_vips_linear)
#define vips_pngsave_buffer (*teigen_p_vips_pngsave_buffer)
#define vips_text (*teigen_p_vips_text)
#define vips_thumbnail_buffer (*teigen_p_vips_thumbnail_buffer)
#define vips_version (*teigen_p_vips_version)
#define vips_version_string (*teigen_p_vips_version_string)
#define vips_webpsave_buffer (*teigen_p_vips_webpsave_buffer)

/* Whether libvips was opened and every function found; otherwise why not, for teigen_vips_take_error. */
static int teigen_vips_opened = 0;
static char teigen_vips_open_error[512] = "libvips was not opened";

/* Opens libvips and finds its functions; 0 on success. Called once, from teigen_vips_start. */
static int teigen_vips_open_library(void) {
    /* TEIGEN_LIBVIPS names another file to open (a libvips built elsewhere, or none, in a test). */
    const char *name = getenv("TEIGEN_LIBVIPS");
    if (!name || !*name)
        name = TEIGEN_VIPS_LIBRARY;
    void *library = dlopen(name, RTLD_NOW | RTLD_GLOBAL);
    if (!library) {
        snprintf(teigen_vips_open_error, sizeof teigen_vips_open_error,
                 "it is needed to make images and was not found (on Debian: apt-get install libvips42): %s", dlerror());
        return -1;
    }
#define TEIGEN_VIPS_RESOLVE(name) \
    teigen_p_##name = (__typeof__(teigen_p_##name))dlsym(library, #name); \
    if (!teigen_p_##name) { \
        snprintf(teigen_vips_open_error, sizeof teigen_vips_open_error, "%s has no function %s (libvips 8.14 or later is needed)", name, #name); \
        return -1; \
    }
    TEIGEN_VIPS_FUNCTIONS(TEIGEN_VIPS_RESOLVE)
#undef TEIGEN_VIPS_RESOLVE
    teigen_vips_opened = 1;
    return 0;
}


#define IMAGE(pointer) ((VipsImage *)(pointer))
#define HANDLE(pointer) ((teigen_vips_image *)(pointer))

int teigen_vips_start(int concurrency, int cache_operations, size_t cache_bytes) {
    if (!teigen_vips_opened && teigen_vips_open_library())
        return -1;
    if (VIPS_INIT("teigen"))
        return -1;
    vips_block_untrusted_set(TRUE);
    vips_concurrency_set(concurrency);
    vips_cache_set_max(cache_operations);
    vips_cache_set_max_mem(cache_bytes);
    vips_cache_set_max_files(0);
    return 0;
}

const char *teigen_vips_version(void) { return teigen_vips_opened ? vips_version_string() : ""; }

char *teigen_vips_take_error(void) {
    if (!teigen_vips_opened)
        return g_strdup(teigen_vips_open_error);
    char *message = vips_error_buffer_copy();
    return message ? message : g_strdup("");
}

void teigen_vips_free(void *pointer) { g_free(pointer); }

void teigen_vips_release(teigen_vips_image *image) {
    if (image)
        g_object_unref(IMAGE(image));
}

const char *teigen_vips_loader(const void *bytes, size_t length) {
    if (!teigen_vips_opened)
        return NULL;
    const char *loader = vips_foreign_find_load_buffer(bytes, length);
    if (!loader)
        vips_error_clear();
    return loader;
}

teigen_vips_image *teigen_vips_open(const void *bytes, size_t length, int all_pages) {
    return HANDLE(vips_image_new_from_buffer(bytes, length, all_pages ? "n=-1" : "",
                                             "access", VIPS_ACCESS_SEQUENTIAL,
                                             "fail_on", VIPS_FAIL_ON_ERROR,
                                             NULL));
}

teigen_vips_image *teigen_vips_thumbnail(const void *bytes, size_t length, int width, int height, int all_pages) {
    VipsImage *out = NULL;
    /* thumbnail's own fail_on does not reach the loader in 8.14; the loader's option string does.
       The size is forced: the caller computed it (keeping the aspect ratio), so that the HTML can give
       every file's width and height before the file is made. */
    if (vips_thumbnail_buffer((void *)bytes, length, &out, width,
                              "height", height,
                              "size", VIPS_SIZE_FORCE,
                              "export_profile", "srgb",
                              "option_string", all_pages ? "n=-1,fail_on=error" : "fail_on=error",
                              NULL))
        return NULL;
    return HANDLE(out);
}

teigen_vips_image *teigen_vips_materialize(teigen_vips_image *image) {
    return HANDLE(vips_image_copy_memory(IMAGE(image)));
}

int teigen_vips_width(const teigen_vips_image *image) { return vips_image_get_width(IMAGE(image)); }
int teigen_vips_height(const teigen_vips_image *image) { return vips_image_get_height(IMAGE(image)); }
int teigen_vips_bands(const teigen_vips_image *image) { return vips_image_get_bands(IMAGE(image)); }
int teigen_vips_has_alpha(teigen_vips_image *image) { return vips_image_hasalpha(IMAGE(image)); }
int teigen_vips_page_height(teigen_vips_image *image) { return vips_image_get_page_height(IMAGE(image)); }
int teigen_vips_page_count(teigen_vips_image *image) { return vips_image_get_n_pages(IMAGE(image)); }

int teigen_vips_orientation(teigen_vips_image *image) {
    int orientation = 1;
    if (vips_image_get_typeof(IMAGE(image), VIPS_META_ORIENTATION) &&
        vips_image_get_int(IMAGE(image), VIPS_META_ORIENTATION, &orientation))
        return 1;
    return orientation >= 1 && orientation <= 8 ? orientation : 1;
}

char **teigen_vips_fields(teigen_vips_image *image) { return vips_image_get_fields(IMAGE(image)); }
void teigen_vips_free_fields(char **fields) { g_strfreev(fields); }

int teigen_vips_pixel(teigen_vips_image *image, int x, int y, double *values, int capacity) {
    double *vector = NULL;
    int count = 0;
    if (vips_getpoint(IMAGE(image), &vector, &count, x, y, NULL))
        return -1;
    int copied = count < capacity ? count : capacity;
    for (int i = 0; i < copied; i++)
        values[i] = vector[i];
    g_free(vector);
    return copied;
}

teigen_vips_image *teigen_vips_flatten(teigen_vips_image *image, double red, double green, double blue) {
    VipsImage *out = NULL;
    VipsArrayDouble *background = vips_array_double_newv(3, red, green, blue);
    int failed = vips_flatten(IMAGE(image), &out, "background", background, NULL);
    vips_area_unref(VIPS_AREA(background));
    return failed ? NULL : HANDLE(out);
}

/* Whether a metadata field says something about the picture's origin rather than its pixels. */
static int is_private_field(const char *name) {
    static const char *const prefixes[] = {"exif-", "xmp-data", "iptc-data", "icc-profile-data", "orientation",
                                           "png-comment-", "gif-comment", "photoshop-data", "heif-"};
    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
        if (g_str_has_prefix(name, prefixes[i]))
            return 1;
    return 0;
}

/* A copy of the image's header without EXIF, XMP, IPTC, ICC and comments (sharing its pixels). The savers'
 * own "strip" is set as well, but libvips 8.14.1's WebP saver writes EXIF and XMP in spite of it. */
static VipsImage *without_metadata(VipsImage *image) {
    VipsImage *copy = NULL;
    if (vips_copy(image, &copy, NULL))
        return NULL;
    gchar **fields = vips_image_get_fields(copy);
    for (gchar **field = fields; *field; field++)
        if (is_private_field(*field))
            vips_image_remove(copy, *field);
    g_strfreev(fields);
    return copy;
}

static int save_jpeg(VipsImage *image, int quality, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(image, bytes, length,
                                "Q", quality,
                                "optimize_coding", TRUE,
                                "interlace", TRUE,
                                "strip", TRUE,
                                NULL);
}

static int save_png(VipsImage *image, int compression, void **bytes, size_t *length) {
    return vips_pngsave_buffer(image, bytes, length,
                               "compression", compression,
                               "filter", VIPS_FOREIGN_PNG_FILTER_ALL,
                               "strip", TRUE,
                               NULL);
}

/* Removes the EXIF, XMP and ICC chunks from the WebP file in *bytes with libwebpmux, replacing the buffer.
 * libvips 8.14.1's WebP saver ignores "strip" and writes an EXIF block rebuilt from the image (size,
 * resolution, orientation) even when every EXIF field was removed. */
static int strip_webp_chunks(void **bytes, size_t *length) {
    WebPData data = {*bytes, *length};
    WebPMux *mux = WebPMuxCreate(&data, 0);
    if (!mux) {
        vips_error("teigen", "libwebpmux cannot read the WebP file libvips wrote");
        return -1;
    }
    static const char *const chunks[] = {"EXIF", "XMP ", "ICCP"};
    for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++)
        WebPMuxDeleteChunk(mux, chunks[i]);
    WebPData assembled;
    WebPDataInit(&assembled);
    WebPMuxError status = WebPMuxAssemble(mux, &assembled);
    WebPMuxDelete(mux);
    if (status != WEBP_MUX_OK) {
        vips_error("teigen", "libwebpmux cannot write the WebP file without metadata (error %d)", status);
        return -1;
    }
    g_free(*bytes);
    *bytes = g_memdup2(assembled.bytes, assembled.size);
    *length = assembled.size;
    WebPDataClear(&assembled);
    return 0;
}

static int save_webp(VipsImage *image, int quality, int preset, int effort, void **bytes, size_t *length) {
    if (vips_webpsave_buffer(image, bytes, length,
                             "Q", quality,
                             "preset", preset,
                             "effort", effort,
                             "smart_subsample", TRUE,
                             "strip", TRUE,
                             NULL))
        return -1;
    if (strip_webp_chunks(bytes, length)) {
        g_free(*bytes);
        *bytes = NULL;
        return -1;
    }
    return 0;
}

static int save_gif(VipsImage *image, void **bytes, size_t *length) {
    return vips_gifsave_buffer(image, bytes, length, "strip", TRUE, NULL);
}

teigen_vips_image *teigen_vips_canvas(int width, int height, double red, double green, double blue) {
    VipsImage *black = NULL;
    VipsImage *coloured = NULL;
    VipsImage *out = NULL;
    double zero[3] = {0, 0, 0};
    double ink[3] = {red, green, blue};
    int failed = vips_black(&black, width, height, "bands", 3, NULL) ||
                 vips_linear(black, &coloured, zero, ink, 3, "uchar", TRUE, NULL) ||
                 vips_copy(coloured, &out, "interpretation", VIPS_INTERPRETATION_sRGB, NULL);
    if (black)
        g_object_unref(black);
    if (coloured)
        g_object_unref(coloured);
    return failed ? NULL : HANDLE(out);
}

teigen_vips_image *teigen_vips_fill(teigen_vips_image *image, double red, double green, double blue,
                                    int left, int top, int width, int height) {
    VipsImage *out = vips_image_copy_memory(IMAGE(image));
    if (!out)
        return NULL;
    double ink[4] = {red, green, blue, 255};
    int bands = vips_image_get_bands(out) >= 4 ? 4 : 3;
    if (vips_draw_rect(out, ink, bands, left, top, width, height, "fill", TRUE, NULL)) {
        g_object_unref(out);
        return NULL;
    }
    return HANDLE(out);
}

teigen_vips_image *teigen_vips_text(const char *markup, const char *font, int width, int align) {
    VipsImage *out = NULL;
    if (vips_text(&out, markup,
                  "font", font,
                  "width", width,
                  "align", align,
                  "dpi", 72,
                  "rgba", TRUE,
                  "wrap", VIPS_TEXT_WRAP_WORD_CHAR,
                  NULL))
        return NULL;
    return HANDLE(out);
}

teigen_vips_image *teigen_vips_composite(teigen_vips_image *base, teigen_vips_image *overlay, int x, int y) {
    VipsImage *out = NULL;
    if (vips_composite2(IMAGE(base), IMAGE(overlay), &out, VIPS_BLEND_MODE_OVER, "x", x, "y", y, NULL))
        return NULL;
    return HANDLE(out);
}


/* Releases `copy` and passes `failed` on. */
static int released(VipsImage *copy, int failed) {
    g_object_unref(copy);
    return failed;
}

int teigen_vips_save_jpeg(teigen_vips_image *image, int quality, void **bytes, size_t *length) {
    VipsImage *copy = without_metadata(IMAGE(image));
    return copy ? released(copy, save_jpeg(copy, quality, bytes, length)) : -1;
}

int teigen_vips_save_png(teigen_vips_image *image, int compression, void **bytes, size_t *length) {
    VipsImage *copy = without_metadata(IMAGE(image));
    return copy ? released(copy, save_png(copy, compression, bytes, length)) : -1;
}

int teigen_vips_save_webp(teigen_vips_image *image, int quality, int preset, int effort, void **bytes,
                          size_t *length) {
    VipsImage *copy = without_metadata(IMAGE(image));
    return copy ? released(copy, save_webp(copy, quality, preset, effort, bytes, length)) : -1;
}

int teigen_vips_save_gif(teigen_vips_image *image, void **bytes, size_t *length) {
    VipsImage *copy = without_metadata(IMAGE(image));
    return copy ? released(copy, save_gif(copy, bytes, length)) : -1;
}
