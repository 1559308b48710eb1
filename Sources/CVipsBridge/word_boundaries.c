#include "vips_bridge.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

int teigen_word_boundaries(const char *text, const char *locale, int *offsets, int capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UText *utext = utext_openUTF8(NULL, text, -1, &status);
    UBreakIterator *words = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    ubrk_setUText(words, utext, &status);
    int count = 0;
    if (U_SUCCESS(status))
        for (int32_t offset = ubrk_next(words); offset != UBRK_DONE && count < capacity; offset = ubrk_next(words))
            offsets[count++] = offset;
    ubrk_close(words);
    utext_close(utext);
    return U_SUCCESS(status) ? count : -1;
}
